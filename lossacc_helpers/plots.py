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

__all__ = [
    "plot_cost_curve",
    "plot_curves",
    "plot_loss_accuracy_region",
    "plot_true_class_cost",
    "plot_true_class_proba",
]


def _check_ax(ax: object, figsize: tuple[float, float] | None = None) -> Axes:
    """Return ``ax`` once checked, or the Axes of a new figure (of ``figsize``) when None."""
    check_axes(ax)
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _check_panels(
    axes: object, n: int, what: str, figsize: tuple[float, float], **subplots_kw: object
) -> np.ndarray:
    """Return ``axes`` as an array of ``n`` checked Axes, or those of a new 1 x n figure.

    ``what`` names the panels in the order expected, for the error messages.
    """
    if axes is None:
        _, new = plt.subplots(1, n, figsize=figsize, squeeze=False, **subplots_kw)
        return new[0]
    if isinstance(axes, Axes):
        raise TypeError(
            f"axes must be {n} Axes ({what}), got a single Axes. "
            f"Make them with fig, axes = plt.subplots(1, {n})."
        )
    if isinstance(axes, np.ndarray):
        axes = list(axes.ravel())
    if isinstance(axes, str) or not isinstance(axes, list | tuple):
        raise TypeError(f"axes must be a sequence of {n} Axes ({what}), got {type(axes).__name__}.")
    if len(axes) != n:
        raise ValueError(f"axes must hold exactly {n} Axes ({what}), got {len(axes)}.")
    for i, panel in enumerate(axes):
        check_axes(panel, f"axes[{i}]")
        if panel is None:
            raise TypeError(f"axes[{i}] must be a matplotlib Axes, got None.")
    return np.array(axes, dtype=object)


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
    a wrong prediction whose label is the most probable class can never rise above it.
    Accuracy only counts the colours; the cross-entropy is the mean of ``-ln`` of the
    heights, which this linear axis hides for near-zero bars: draw
    :func:`plot_true_class_cost` to see the loss itself (chapter 3). The title states
    the accuracy and the mean cross-entropy unless ``title`` is given.

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

    Below the line :math:`\mathrm{CE} = (1 - a)\ln 2` no classifier can be *whose
    predicted label is its most probable class* (threshold 1/2 in the binary case): every
    such mistake costs at least :math:`\ln 2`, see
    :func:`~lossacc_helpers.bounds.min_cross_entropy`. With a tuned threshold the bound
    does not hold. Above it, anything goes. Named models are placed as points. See
    chapter 3.

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
                f"{min_cross_entropy(acc):.4g} for accuracy {acc:g}: no classifier whose "
                "labels are its most probable class can do that (a tuned threshold can)."
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
        label="impossible when labels are the most probable class",
    )
    ax.plot(a, bound, color=OKABE_ITO["vermillion"], linewidth=2)
    if top > LN2:
        ax.axhline(LN2, color="grey", linestyle=":", linewidth=1.5, label="ln 2")
    markers = ["o", "s", "^", "D", "v", "P", "X"]
    for i, (name, (acc, loss)) in enumerate(points.items()):
        label = None if label_points else f"{name}: {acc:.1%}, {loss:.4f} nats"
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


def _check_curve_mapping(curves: object, name: str, length: int | None) -> dict[str, np.ndarray]:
    if not isinstance(curves, Mapping) or not curves:
        raise TypeError(
            f"{name} must be a non-empty mapping from a label to an array, got "
            f"{type(curves).__name__}; for example {{'train': losses}}."
        )
    out = {}
    for label, values in curves.items():
        arr = np.asarray(values, dtype=float)
        if arr.ndim != 1 or (length is not None and len(arr) != length):
            want = f"length {length}" if length is not None else "1D"
            raise ValueError(f"{name}[{label!r}] must be 1D of {want}, got shape {arr.shape}.")
        out[str(label)] = arr
    return out


def plot_curves(
    x: ArrayLike,
    curves: Mapping[str, ArrayLike],
    *,
    xlabel: str,
    ylabel: str,
    title: str | None = None,
    hlines: Mapping[str, float] | None = None,
    vlines: Mapping[str, float] | None = None,
    points: Mapping[str, tuple[float, float]] | None = None,
    logy: bool = False,
    markevery: int | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Line plot of named curves over a shared x, with reference lines and marked points.

    The book's line figures (loss curves, accuracy against a threshold or a tolerance,
    cost per mistake) all have this shape. The legend goes *below* the axes, so it never
    covers a curve; each curve gets its own marker as well as its colour, so the figure
    reads in grey too.

    Parameters
    ----------
    x : array-like of shape (n_points,)
        The shared horizontal values.
    curves : dict
        The curves, each an array of the length of ``x``, by legend label; NaN values leave a gap.
    xlabel, ylabel : str
        Axis labels, with units; required (a figure without them is not allowed here).
    title : str, optional
        The figure's message.
    hlines, vlines : dict, optional
        Horizontal or vertical reference lines, by legend label.
    points : dict, optional
        Points ``(x, y)`` to mark with a star, by legend label.
    logy : bool, default=False
        Logarithmic vertical axis.
    markevery : int, optional
        Draw a marker every this many points (default: about 12 per curve).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``curves`` is not a non-empty mapping, or ``ax`` is not an Axes.
    ValueError
        If a curve's length differs from ``x``, or an axis label is empty.

    Examples
    --------
    >>> ax = plot_curves([0, 1, 2], {"loss": [0.7, 0.5, 0.4]}, xlabel="epoch", ylabel="nats")
    >>> ax.get_xlabel(), len(ax.lines)
    ('epoch', 1)
    """
    xs = np.asarray(x, dtype=float)
    if xs.ndim != 1:
        raise ValueError(f"x must be 1D, got shape {xs.shape}.")
    data = _check_curve_mapping(curves, "curves", len(xs))
    for label_name, text in (("xlabel", xlabel), ("ylabel", ylabel)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{label_name} must be a non-empty string with units, got {text!r}.")
    ax = _check_ax(ax)
    every = markevery or max(1, len(xs) // 12)
    markers = ["o", "s", "^", "D", "v", "P", "X"]
    for i, (label, ys) in enumerate(data.items()):
        ax.plot(
            xs, ys, marker=markers[i % len(markers)], markersize=5, markevery=every, label=label
        )
    greys = [":", "--", "-."]
    for i, (label, value) in enumerate((hlines or {}).items()):
        ax.axhline(value, color="grey", linestyle=greys[i % 3], linewidth=1.5, label=label)
    for i, (label, value) in enumerate((vlines or {}).items()):
        ax.axvline(value, color="dimgrey", linestyle=greys[(i + 2) % 3], linewidth=1.2, label=label)
    star_colours = [OKABE_ITO["orange"], OKABE_ITO["green"], OKABE_ITO["purple"]]
    for i, (label, (px, py)) in enumerate((points or {}).items()):
        ax.plot(
            px,
            py,
            "*",
            markersize=15,
            markeredgecolor="black",
            linestyle="none",
            color=star_colours[i % 3],
            label=label,
        )
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize="small")
    return ax


def plot_cost_curve(
    marked: Mapping[str, float] | None = None,
    *,
    zero_one: bool = False,
    ax: Axes | None = None,
    title: str | None = None,
    max_cost: float = 5.5,
) -> Axes:
    r"""Draw the cost of one prediction, :math:`-\ln p`, against p, the true class's probability.

    Marked predictions are drawn on the curve and written next to it with their cost in
    nats. With ``zero_one=True`` the 0-1 loss (1 below one half, 0 above) is drawn too,
    and each marked prediction also gets its 0-1 cost (chapter 2).

    Parameters
    ----------
    marked : dict, optional
        Predictions to mark: a name mapped to the probability it gives the true class.
    zero_one : bool, default=False
        Also draw the 0-1 loss.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    title : str, optional
        The figure's message.
    max_cost : float, default=5.5
        Upper limit of the vertical axis (nats).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If a marked probability is not in (0, 1].
    TypeError
        If ``marked`` is not a mapping or ``ax`` is not an Axes.

    Examples
    --------
    >>> ax = plot_cost_curve({"hesitant": 0.51})
    >>> ax.get_ylabel()
    'cost of one prediction (nats)'
    """
    if marked is not None and not isinstance(marked, Mapping):
        raise TypeError(
            f"marked must be a mapping from a name to a probability, got {type(marked).__name__}."
        )
    probs = {
        str(name): check_scalar(value, f"marked[{name!r}]", low=0.0, high=1.0, include_low=False)
        for name, value in (marked or {}).items()
    }
    top = check_scalar(max_cost, "max_cost", low=0.0, include_low=False)
    ax = _check_ax(ax)
    blue, red = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
    p = np.linspace(np.exp(-top), 1.0, 400)
    ax.plot(p, -np.log(p), color=blue, label=r"cross-entropy $-\ln p$")
    if zero_one:
        ax.plot([0, 0.5], [1, 1], color=red, label="0-1 loss (1 = a mistake)")
        ax.plot([0.5, 1], [0, 0], color=red)
    ax.axhline(LN2, color="grey", linestyle=":", linewidth=1.5, label=r"$\ln 2$")
    ax.axvline(0.5, color="grey", linestyle=":", linewidth=1.5)
    for name, prob in probs.items():
        cost = -np.log(prob)
        ax.plot(prob, cost, "o", color=blue, markersize=8)
        # Below the dot when the 0-1 square at height 1 sits just above it.
        near_square = zero_one and prob <= 0.5 and 0.6 < cost < 1.3
        ax.annotate(
            f"{name}: {cost:.3f}",
            (prob, cost),
            textcoords="offset points",
            xytext=(-8, -12) if near_square else (4, 6),
            ha="right" if near_square else "left",
            fontsize=9,
        )
        if zero_one:
            ax.plot(
                prob,
                float(prob <= 0.5),
                "s",
                color=red,
                markersize=8,
                markerfacecolor="white",
                markeredgewidth=2,
            )
    ax.set(
        xlim=(0, 1.02),
        ylim=(-0.1 if zero_one else 0, top),
        xlabel="probability given to the true class, p",
        ylabel="cost of one prediction (nats)",
    )
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="upper right")
    return ax


def plot_true_class_cost(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    show_legend: bool = True,
) -> Axes:
    r"""Draw what each prediction costs, :math:`-\ln p`, as bars, mistakes first.

    The companion of :func:`plot_true_class_proba` drawn in the loss's own units: the
    cross-entropy is the mean height of these bars, so a mistake that gives its true class
    2e-8 is a bar of 17.7 nats, not an invisible sliver. Correct predictions are blue,
    mistakes vermillion, and :math:`\ln 2` (the least cost of a mistake whose label is the
    most probable class) is marked.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as for :func:`~lossacc_helpers.cross_entropy`.
    labels : array-like, optional
        The classes in column order.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.
    title : str, optional
        Replaces the default title (accuracy and mean cost).
    show_legend : bool, default=True
        Draw the legend (turn it off in all but one panel of a grid).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError, TypeError
        On invalid input (see ``cross_entropy``), or an ``ax`` that is not an Axes.

    Examples
    --------
    >>> ax = plot_true_class_cost([0, 1, 1], [0.2, 0.9, 0.3])
    >>> ax.get_ylabel()
    'cost of the prediction (nats)'
    """
    cost = per_sample_cross_entropy(y_true, proba, labels=labels)
    correct = correct_predictions(y_true, proba, labels=labels)
    ax = _check_ax(ax)
    order = np.lexsort((-cost, correct))  # mistakes first, most costly first
    colours = np.where(correct[order], OKABE_ITO["blue"], OKABE_ITO["vermillion"])
    ax.bar(
        np.arange(len(cost)),
        cost[order],
        width=1.0,
        color=colours,
        edgecolor="white",
        linewidth=0.5,
    )
    ax.axhline(LN2, color="grey", linestyle=":", linewidth=1.5)
    ax.set(xlim=(-0.5, len(cost) - 0.5), ylim=(0, max(1.0, float(cost.max()) * 1.08)), xticks=[])
    ax.set_xlabel("samples, mistakes first, most costly first")
    ax.set_ylabel("cost of the prediction (nats)")
    if show_legend:
        handles = [
            plt.Rectangle((0, 0), 1, 1, color=OKABE_ITO["blue"], label="correct"),
            plt.Rectangle((0, 0), 1, 1, color=OKABE_ITO["vermillion"], label="wrong"),
            plt.Line2D([], [], color="grey", linestyle=":", label=r"$\ln 2$"),
        ]
        ax.legend(handles=handles, loc="upper right", framealpha=0.9, frameon=True)
    if title is None:
        title = f"accuracy {correct.mean():.0%}, mean cost {cost.mean():.2f} nats"
    ax.set_title(title)
    return ax
