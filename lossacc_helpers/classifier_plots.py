"""Figures of a binary or multi-class classifier's decisions on a test set.

Which mistakes it makes (the confusion matrix), how its scores rank the classes at every
threshold (ROC and precision-recall curves), and how its scores change with the
threshold (chapter 2). Every function takes ``ax=None`` (``axes=None`` for two panels)
and returns what it drew on, as the package's other plots.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from ._validation import as_float_array, check_axes, check_scalar
from .classification import _labels_pair
from .plots import _check_ax, _check_curve_mapping, plot_curves

__all__ = ["plot_confusion_matrix", "plot_roc_pr", "plot_threshold_curves"]


def plot_confusion_matrix(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    *,
    display_labels: Sequence[str] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the confusion matrix: true class in rows, predicted class in columns.

    The counts are written in large type on cells shaded in blue by count (no colour
    bar): the diagonal holds the correct answers, every other cell one kind of mistake.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted labels.
    display_labels : list of str, optional
        Names of the classes, in the sorted order of the labels.
    title : str, optional
        The figure's message.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 5 x 4 inch figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        On invalid labels, or ``display_labels`` of the wrong length.
    TypeError
        On labels of mixed types, or an ``ax`` that is not an Axes.

    Examples
    --------
    >>> ax = plot_confusion_matrix([0, 1, 1], [0, 1, 0], display_labels=["no", "yes"])
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
    ('predicted class', ['no', 'yes'])
    """
    from sklearn.metrics import ConfusionMatrixDisplay

    y, yhat = _labels_pair(y_true, y_pred)
    n_classes = len(np.unique(np.concatenate([y, yhat])))
    if display_labels is not None and len(display_labels) != n_classes:
        raise ValueError(
            f"display_labels has {len(display_labels)} names for {n_classes} classes; "
            "give one name per class, in sorted label order."
        )
    ax = _check_ax(ax, (5.0, 4.0))
    ConfusionMatrixDisplay.from_predictions(
        y,
        yhat,
        display_labels=display_labels,
        cmap="Blues",
        colorbar=False,
        ax=ax,
        text_kw={"fontsize": 16},
    )
    ax.grid(False)
    ax.set(xlabel="predicted class", ylabel="true class")
    if title is not None:
        ax.set_title(title)
    return ax


def plot_roc_pr(
    y_true: ArrayLike,
    scores: ArrayLike,
    *,
    titles: tuple[str | None, str | None] = (None, None),
    axes: Sequence[Axes] | None = None,
) -> np.ndarray:
    """Draw the ROC curve (left) and the precision-recall curve (right), with chance levels.

    The legends give the areas: the ROC AUC and the average precision. The chance level
    is the diagonal for ROC and the share of positives for precision-recall.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels 0 and 1.
    scores : array-like of shape (n_samples,)
        Score or probability of the positive class.
    titles : tuple, default=(None, None)
        Titles of the two panels (str or None each).
    axes : list of matplotlib.axes.Axes, optional
        Two Axes to draw on; a new 9 x 4 inch figure with two panels when None.

    Returns
    -------
    ndarray of two Axes

    Raises
    ------
    ValueError
        If ``scores`` is not 1D and finite, or its length differs from ``y_true``.
    TypeError
        On non-numeric scores, or ``axes`` that are not two Axes.

    Examples
    --------
    >>> axes = plot_roc_pr([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9])
    >>> axes[0].get_xlabel()
    'False Positive Rate (Positive label: 1)'
    """
    from sklearn.metrics import PrecisionRecallDisplay, RocCurveDisplay

    s = as_float_array(scores, "scores")
    y = np.asarray(y_true)
    if len(y) != len(s):
        raise ValueError(f"y_true has {len(y)} samples and scores {len(s)}; they must match.")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(9, 4))
    if len(axes) != 2:
        raise TypeError(f"axes must be two matplotlib Axes, got {len(axes)}.")
    for i, one in enumerate(axes):
        check_axes(one, f"axes[{i}]")
    ax_roc, ax_pr = axes
    RocCurveDisplay.from_predictions(y, s, ax=ax_roc, plot_chance_level=True)
    PrecisionRecallDisplay.from_predictions(y, s, ax=ax_pr, plot_chance_level=True)
    for one, title in zip(axes, titles, strict=True):
        if title is not None:
            one.set_title(title)
    ax_pr.legend(loc="lower left", bbox_to_anchor=(0, 0.07))  # off the curve
    return np.asarray(axes)


def plot_threshold_curves(
    thresholds: ArrayLike,
    curves: Mapping[str, ArrayLike],
    *,
    best: Mapping[str, float] | None = None,
    hlines: Mapping[str, float] | None = None,
    default: float = 0.5,
    ylabel: str = "score on the test set",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw scores against the decision threshold, with the default and the best marked.

    Each entry of ``best`` (a curve's name and a threshold) gets a star on that curve,
    labelled ``"best <name>: t = <threshold>"``; the default threshold is a vertical
    line.

    Parameters
    ----------
    thresholds : array-like of shape (n_thresholds,)
        Decision thresholds in [0, 1] (positive when p > t).
    curves : dict
        Scores at each threshold, by legend label, as from
        :func:`~lossacc_helpers.accuracy_by_threshold`.
    best : dict, optional
        For some curves, the threshold to mark with a star (the nearest of
        ``thresholds`` gives the height).
    hlines : dict, optional
        Horizontal reference lines, by legend label.
    default : float, default=0.5
        The default threshold, drawn as a vertical line.
    ylabel : str, default="score on the test set"
        Label of the vertical axis.
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
        If a curve's length differs from ``thresholds``, or a threshold is outside
        [0, 1].
    TypeError
        If ``curves`` is not a non-empty mapping, ``best`` names no curve of it, or
        ``ax`` is not an Axes.

    Examples
    --------
    >>> curves = {"accuracy": [0.1, 0.9, 0.8]}
    >>> ax = plot_threshold_curves([0, 0.5, 1], curves, best={"accuracy": 0.5})
    >>> len(ax.lines)
    3
    """
    t = as_float_array(thresholds, "thresholds")
    data = _check_curve_mapping(curves, "curves", len(t))
    check_scalar(default, "default", low=0.0, high=1.0)
    stars = {}
    for name, at in (best or {}).items():
        if name not in data:
            raise TypeError(f"best names {name!r}, which is not a curve; curves are {list(data)}.")
        at = check_scalar(at, f"best[{name!r}]", low=0.0, high=1.0)
        stars[f"best {name}: t = {at:.2f}"] = (at, data[name][np.argmin(np.abs(t - at))])
    return plot_curves(
        t,
        data,
        hlines=hlines,
        vlines={f"default t = {default:g}": default},
        points=stars,
        xlabel="decision threshold t (positive when p > t)",
        ylabel=ylabel,
        title=title,
        ax=ax,
    )
