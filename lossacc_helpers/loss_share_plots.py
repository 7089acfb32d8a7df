"""Figures of where a loss comes from: which predictions carry it.

A mean cross-entropy is the average of per-sample costs, so a few costly predictions can
carry most of it: the confident mistakes of a model, or samples whose label is wrong.
Chapter 3 reads the three models of a forum question and a model's own test set this way.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from ._validation import as_float_array, check_scalar
from .bounds import LN2
from .plots import _check_ax, _check_curve_mapping, plot_curves
from .style import OKABE_ITO

__all__ = ["plot_cost_per_mistake", "plot_sorted_losses"]


def plot_cost_per_mistake(
    p_correct: ArrayLike,
    costs: Mapping[str, ArrayLike],
    *,
    assumed: float | None = None,
    caps: Mapping[str, float] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Draw the cost each mistake must carry against the confidence of the correct predictions.

    Each curve (from :func:`~lossacc_helpers.cost_per_mistake`) stops where its mistakes
    would cost less than :math:`\ln 2`, since they would then not be mistakes; the
    vertical axis is logarithmic. :math:`\ln 2`, each cap of ``caps`` and the assumed
    confidence are drawn as reference lines.

    Parameters
    ----------
    p_correct : array-like of shape (n_points,)
        Probability of the true class in every correct prediction, in (0, 1].
    costs : dict
        Cost per mistake (nats) at each ``p_correct``, by model name.
    assumed : float, optional
        A confidence to mark with a vertical line ("assumed in the table").
    caps : dict, optional
        Caps on the cost of one mistake (nats), by legend label, for example a library's.
    title : str, optional
        The figure's message.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If a curve's length differs from ``p_correct``, a ``p_correct`` is outside
        (0, 1], or ``assumed`` or a cap is out of range.
    TypeError
        If ``costs`` is not a non-empty mapping, or ``ax`` is not an Axes.

    Examples
    --------
    >>> ax = plot_cost_per_mistake([0.8, 0.9, 0.99], {"model": [0.5, 2.0, 20.0]}, assumed=0.99)
    >>> ax.get_yscale(), len(ax.lines)
    ('log', 3)
    """
    p = as_float_array(p_correct, "p_correct")
    if np.any((p <= 0) | (p > 1)):
        raise ValueError(f"p_correct must be in (0, 1], found {p[(p <= 0) | (p > 1)][0]!r}.")
    data = _check_curve_mapping(costs, "costs", len(p))
    hlines = {r"$\ln 2$: least cost of a mistake": LN2}
    for label, cap in (caps or {}).items():
        hlines[str(label)] = check_scalar(cap, f"caps[{label!r}]", low=0.0, include_low=False)
    vlines = {}
    if assumed is not None:
        at = check_scalar(assumed, "assumed", low=0.0, high=1.0, include_low=False)
        vlines[f"assumed in the table: {at:g}"] = at
    return plot_curves(
        p,
        {k: np.where(v > LN2 - 1e-9, v, np.nan) for k, v in data.items()},
        hlines=hlines,
        vlines=vlines,
        logy=True,
        xlabel="probability of the true class in every correct prediction",
        ylabel="cost of each mistake (nats, log scale)",
        title=title,
        ax=ax,
    )


def plot_sorted_losses(
    losses: ArrayLike,
    *,
    top_k: int = 10,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Draw per-sample losses sorted from the worst, with the ``top_k`` worst marked.

    The horizontal axis is the rank (1 = the worst sample) on a log scale, so that the
    few worst samples, which often carry a large share of the mean, get room. The
    ``top_k`` worst are vermillion dots; :math:`\ln 2`, the least cost of a mistake at
    the most probable class, is a dotted line. The default title gives the share of the
    total loss that the ``top_k`` worst carry.

    Parameters
    ----------
    losses : array-like of shape (n_samples,)
        Per-sample losses in nats, non-negative, as from
        :func:`~lossacc_helpers.per_sample_cross_entropy`.
    top_k : int, default=10
        How many of the worst samples to mark, from 1 to ``n_samples``.
    title : str, optional
        Replaces the default title.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``losses`` is not 1D, is empty, holds a negative, NaN or infinite value, or
        ``top_k`` is out of range.
    TypeError
        If ``losses`` is not numeric, ``top_k`` is not an integer, or ``ax`` is not an
        Axes.

    Examples
    --------
    >>> ax = plot_sorted_losses([0.1, 2.0, 0.01, 5.0], top_k=2)
    >>> ax.get_title()
    'the 2 worst of 4 samples carry 98% of the loss'
    """
    values = as_float_array(losses, "losses")
    if np.any(values < 0):
        raise ValueError(
            f"losses must be non-negative (costs in nats), found {values[values < 0][0]!r}."
        )
    k = check_scalar(top_k, "top_k", low=1, high=len(values), integer=True)
    ax = _check_ax(ax)
    ordered = np.sort(values)[::-1]
    rank = np.arange(1, len(ordered) + 1)
    ax.plot(rank, ordered, color=OKABE_ITO["blue"], label="per-sample loss, worst first")
    ax.plot(
        rank[:k],
        ordered[:k],
        "o",
        color=OKABE_ITO["vermillion"],
        markersize=7,
        label=f"the {k} worst samples",
    )
    ax.axhline(LN2, color="grey", linestyle=":", linewidth=1.5, label=r"$\ln 2$")
    ax.set_xscale("log")
    ax.set(
        xlim=(0.8, len(ordered) * 1.2),
        ylim=(0, float(ordered[0]) * 1.08 if ordered[0] > 0 else 1.0),
        xlabel="rank of the sample, worst first (log scale)",
        ylabel="cross-entropy of the sample (nats)",
    )
    if title is None:
        share = ordered[:k].sum() / ordered.sum() if ordered.sum() > 0 else 0.0
        title = f"the {k} worst of {len(ordered)} samples carry {share:.0%} of the loss"
    ax.set_title(title)
    ax.legend(loc="upper right")
    return ax
