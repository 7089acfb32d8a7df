"""Figures the chapters share, about predictions, losses and accuracy.

What each prediction gives the true class, and the region of (accuracy, loss) pairs that
a classifier can reach.

Every function takes ``ax=None`` (a new figure is made) or the ``Axes`` to draw on, and
returns the ``Axes``, as matplotlib recommends for plotting helpers.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from ._validation import check_axes, check_scalar
from .bounds import LN2, min_cross_entropy
from .classification import (
    correct_predictions,
    per_sample_cross_entropy,
    true_class_probability,
)
from .style import OKABE_ITO

__all__ = ["plot_loss_accuracy_region", "plot_true_class_proba"]


def _check_ax(ax: object) -> Axes:
    check_axes(ax)
    if ax is None:
        _, ax = plt.subplots()
    return ax


def plot_true_class_proba(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Bar chart of the probability each prediction gives its true class, sorted.

    Correct predictions are drawn in blue, wrong ones in vermillion, with ``1/2`` marked:
    a wrong prediction can never rise above it. Accuracy only counts the colours; the
    cross-entropy reads the heights, so the chart shows both numbers at once
    (chapter 3). The title states the accuracy and the mean cross-entropy unless
    ``title`` is given.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as for :func:`~lossacc_helpers.cross_entropy`.
    labels : array-like, optional
        The classes in column order, as for :func:`~lossacc_helpers.cross_entropy`.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError, TypeError
        On invalid ``y_true``, ``proba`` or ``labels`` (see ``cross_entropy``), or an
        ``ax`` that is not an Axes.

    Examples
    --------
    >>> ax = plot_true_class_proba([0, 1, 1], [0.2, 0.9, 0.3])
    >>> len(ax.patches)
    3
    """
    p_true = true_class_probability(y_true, proba, labels=labels)
    correct = correct_predictions(y_true, proba, labels=labels)
    loss = float(per_sample_cross_entropy(y_true, proba, labels=labels).mean())
    ax = _check_ax(ax)
    order = np.lexsort((p_true, correct))  # mistakes first, then by probability
    colours = np.where(correct[order], OKABE_ITO["blue"], OKABE_ITO["vermillion"])
    positions = np.arange(len(p_true))
    ax.bar(positions, p_true[order], width=1.0, color=colours, edgecolor="white", linewidth=0.5)
    ax.axhline(0.5, color="grey", linestyle=":", linewidth=1.5)
    ax.set(xlim=(-0.5, len(p_true) - 0.5), ylim=(0, 1.02), xticks=[])
    ax.set_xlabel("samples, mistakes first, sorted by probability")
    ax.set_ylabel("probability of the true class")
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=OKABE_ITO["blue"], label="correct"),
        plt.Rectangle((0, 0), 1, 1, color=OKABE_ITO["vermillion"], label="wrong"),
    ]
    ax.legend(handles=handles, loc="lower right", framealpha=0.9, frameon=True)
    if title is None:
        title = f"accuracy {correct.mean():.0%}, cross-entropy {loss:.2f} nats"
    ax.set_title(title)
    return ax


def plot_loss_accuracy_region(
    models: Mapping[str, tuple[float, float]] | None = None,
    *,
    ax: Axes | None = None,
    max_loss: float | None = None,
    label_points: bool = False,
) -> Axes:
    r"""Draw the region of (accuracy, cross-entropy) pairs a classifier can reach.

    Below the line :math:`\mathrm{CE} = (1 - a)\ln 2` no classifier can be (every
    mistake costs at least :math:`\ln 2`, see :func:`~lossacc_helpers.bounds.min_cross_entropy`);
    above it, anything goes. Named models are placed as points. See chapter 3.

    Parameters
    ----------
    models : dict, optional
        Points to place: a name mapped to a pair (accuracy, loss), for example
        ``{"model 1": (0.981, 0.1882)}``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    max_loss : float, optional
        Upper limit of the loss axis; by default a little above ln 2 and the models.
    label_points : bool, default=False
        Write each model's name next to its point instead of listing it in the legend
        (better for many models).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If a model's accuracy is outside [0, 1] or its loss is negative or below the
        bound (such a model cannot exist: the numbers are wrong).
    TypeError
        If ``models`` is not a mapping (a list of pairs, say), a model is not a pair of
        numbers, or ``ax`` is not an Axes.

    Examples
    --------
    >>> ax = plot_loss_accuracy_region({"model": (0.9, 0.3)})
    >>> ax.get_xlabel()
    'accuracy'
    """
    if models is not None and not isinstance(models, Mapping):
        raise TypeError(
            f"models must be a mapping from a name to a pair (accuracy, loss), got "
            f"{type(models).__name__} {models!r}; for example {{'model': (0.9, 0.3)}}."
        )
    points = {}
    for name, pair in (models or {}).items():
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise TypeError(f"models[{name!r}] must be a pair (accuracy, loss), got {pair!r}.")
        acc = check_scalar(pair[0], f"accuracy of {name!r}", low=0.0, high=1.0)
        loss = check_scalar(pair[1], f"loss of {name!r}", low=0.0)
        if loss < min_cross_entropy(acc) - 1e-12:
            raise ValueError(
                f"{name!r} has loss {loss:g} below the bound (1 - accuracy) ln 2 = "
                f"{min_cross_entropy(acc):.4g} for accuracy {acc:g}: no classifier can do that."
            )
        points[name] = (acc, loss)
    top = max([LN2 * 1.25, *(loss * 1.15 for _, loss in points.values())])
    if max_loss is not None:
        top = check_scalar(max_loss, "max_loss", low=0.0, include_low=False)
    ax = _check_ax(ax)
    a = np.linspace(0.0, 1.0, 201)
    bound = (1.0 - a) * LN2
    ax.fill_between(
        a,
        0.0,
        bound,
        color=OKABE_ITO["vermillion"],
        alpha=0.15,
        linewidth=0,
        label="impossible: loss below (1 - accuracy) ln 2",
    )
    ax.plot(a, bound, color=OKABE_ITO["vermillion"], linewidth=2)
    ax.axhline(LN2, color="grey", linestyle=":", linewidth=1.5, label="ln 2")
    markers = ["o", "s", "^", "D", "v", "P", "X"]
    for i, (name, (acc, loss)) in enumerate(points.items()):
        label = None if label_points else f"{name}: {acc:.1%}, {loss:.4g} nats"
        marker = markers[i % len(markers)]
        ax.plot(acc, loss, marker=marker, linestyle="none", markersize=8, label=label)
        if label_points:
            ax.annotate(
                name,
                (acc, loss),
                textcoords="offset points",
                xytext=(-6, 6),
                ha="right",
                fontsize=9,
            )
    ax.set(xlim=(0, 1), ylim=(0, top), xlabel="accuracy", ylabel="cross-entropy (nats)")
    # Below the axes, so that it never hides a point.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize="small")
    return ax
