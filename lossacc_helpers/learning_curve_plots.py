"""Figures of learning curves: compared runs, what a reported loss contains, CV curves, a grid.

The multi-panel figures of chapter 5. Each takes ``axes=None`` (a new figure of the right
shape is made) or the Axes to draw on (``ax=None`` for the one-panel figure), and returns
them, as matplotlib recommends for plotting helpers. Training curves are drawn in the
book's training colour (blue, solid), validation curves in its validation colour (orange,
dashed), as :meth:`History.plot <lossacc_helpers.History.plot>` does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_scalar
from .history import History
from .plots import _check_ax
from .style import OKABE_ITO, PALETTE

if TYPE_CHECKING:
    from .cv_curves import CVCurves

__all__ = [
    "plot_cv_curves",
    "plot_loss_grid",
    "plot_reported_loss",
    "plot_validation_comparison",
]

_MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def _panels(axes: object, n: int, name: str = "axes") -> NDArray:
    """Check that ``axes`` holds at least ``n`` matplotlib Axes; return them as an array."""
    if isinstance(axes, Axes):
        raise TypeError(
            f"{name} must be a sequence or array of {n} Axes, got a single Axes. Make them "
            f"with fig, {name} = plt.subplots(...)."
        )
    if isinstance(axes, np.ndarray):
        panels = list(axes.ravel())
    elif isinstance(axes, Sequence) and not isinstance(axes, str):
        panels = list(axes)
    else:
        raise TypeError(f"{name} must be a sequence of {n} Axes, got {type(axes).__name__}.")
    if len(panels) < n:
        raise ValueError(f"{name} must hold at least {n} Axes, got {len(panels)}.")
    for i, panel in enumerate(panels):
        if not isinstance(panel, Axes):
            raise TypeError(f"{name}[{i}] must be a matplotlib Axes, got {type(panel).__name__}.")
    return np.array(panels, dtype=object)


def _check_ylim(ylim: object, name: str) -> tuple[float, float] | None:
    if ylim is None:
        return None
    if not isinstance(ylim, tuple | list) or len(ylim) != 2:
        raise TypeError(f"{name} must be a pair (bottom, top), got {ylim!r}.")
    bottom = check_scalar(ylim[0], f"{name}[0]")
    top = check_scalar(ylim[1], f"{name}[1]")
    if not bottom < top:
        raise ValueError(f"{name} must have bottom < top, got {ylim!r}.")
    return bottom, top


def _check_histories(histories: object) -> dict[str, History]:
    if not isinstance(histories, Mapping) or not histories:
        raise TypeError(
            "histories must be a non-empty mapping from a name to a History, got "
            f"{type(histories).__name__}; for example {{'no remedy': history}}."
        )
    for name, h in histories.items():
        if not isinstance(h, History):
            raise TypeError(f"histories[{name!r}] must be a History, got {type(h).__name__}.")
    return {str(name): h for name, h in histories.items()}


def plot_validation_comparison(
    histories: Mapping[str, History],
    *,
    early_stopping: tuple[int, int] | None = None,
    loss_ylim: tuple[float, float] | None = None,
    accuracy_ylim: tuple[float, float] | None = None,
    title: str | None = None,
    axes: Sequence[Axes] | None = None,
) -> NDArray:
    """Draw the validation loss and accuracy per epoch of several runs, side by side.

    One line per run on each panel, in the book's colours with a marker every five
    epochs; the legend goes below the panels. With ``early_stopping`` the epoch it
    keeps is starred on the *first* run's curves and the epoch where it stops marked
    with a dotted line (chapter 5's comparison of remedies).

    Parameters
    ----------
    histories : dict of str to History
        The runs, by legend label; each needs validation accuracy.
    early_stopping : tuple of int, optional
        ``(stop, keep)`` as returned by :func:`~lossacc_helpers.early_stopping` for the
        first run.
    loss_ylim, accuracy_ylim : tuple of float, optional
        Vertical ranges of the two panels.
    title : str, optional
        The figure's message (a suptitle).
    axes : list of Axes, optional
        The loss and accuracy panels (two Axes); by default a new figure of 9 x 4.4 inches.

    Returns
    -------
    ndarray of Axes
        The loss panel and the accuracy panel.

    Raises
    ------
    TypeError
        If ``histories`` is not a mapping of History objects, ``axes`` is not a
        sequence of Axes, or a range is not a pair of numbers.
    ValueError
        If a run has no validation accuracy, or an early-stopping epoch is not an epoch
        of the first run.

    Examples
    --------
    >>> h = History.from_arrays([0.7, 0.5, 0.4], [0.7, 0.6, 0.65], [0.5, 0.8, 0.9],
    ...                         [0.5, 0.7, 0.7])
    >>> loss_ax, acc_ax = plot_validation_comparison({"run": h}, early_stopping=(3, 2))
    >>> loss_ax.get_ylabel(), len(loss_ax.lines)
    ('validation cross-entropy (nats)', 3)
    """
    runs = _check_histories(histories)
    for name, h in runs.items():
        if not h.has_accuracy:
            raise ValueError(f"histories[{name!r}] has no validation accuracy to draw.")
    limits = (_check_ylim(loss_ylim, "loss_ylim"), _check_ylim(accuracy_ylim, "accuracy_ylim"))
    first = next(iter(runs.values()))
    if early_stopping is not None:
        if not isinstance(early_stopping, tuple | list) or len(early_stopping) != 2:
            raise TypeError(f"early_stopping must be a pair (stop, keep), got {early_stopping!r}.")
        stop, keep = (check_scalar(e, "early_stopping", integer=True) for e in early_stopping)
        for epoch in (stop, keep):
            if epoch not in first.epochs:
                raise ValueError(
                    f"early_stopping epoch {epoch} is not an epoch of the first run "
                    f"({first.epochs[0]} .. {first.epochs[-1]})."
                )
    if axes is None:
        fig, panels = plt.subplots(1, 2, figsize=(9, 4.4))
    else:
        panels = _panels(axes, 2)[:2]
        fig = panels[0].figure
    loss_ax, acc_ax = panels
    for i, (name, h) in enumerate(runs.items()):
        look = {"color": PALETTE[i % len(PALETTE)], "marker": _MARKERS[i % len(_MARKERS)]}
        loss_ax.plot(h.epochs, h.val_loss, markevery=5, label=name, **look)
        acc_ax.plot(h.epochs, h.val_accuracy, markevery=5, label=name, **look)
    if early_stopping is not None:
        star = {"marker": "*", "color": "black", "markersize": 14, "linestyle": ""}
        dotted = {"color": "black", "linestyle": ":", "linewidth": 1.5}
        at = int(np.flatnonzero(first.epochs == keep)[0])
        for ax, values in ((loss_ax, first.val_loss), (acc_ax, first.val_accuracy)):
            ax.plot(keep, values[at], **star, label=f"early stopping keeps epoch {keep}")
            ax.axvline(stop, **dotted, label=f"early stopping stops at epoch {stop}")
    for ax in panels:
        ax.set_xlabel("epoch")
    loss_ax.set(ylabel="validation cross-entropy (nats)", title="Loss")
    acc_ax.set(ylabel="validation accuracy", title="Accuracy")
    for ax, limit in zip(panels, limits, strict=True):
        if limit is not None:
            ax.set_ylim(limit)
    fig.legend(*loss_ax.get_legend_handles_labels(), loc="outside lower center", ncol=3)
    if title is not None:
        fig.suptitle(title)
    return panels


def plot_reported_loss(
    history: History,
    reported: ArrayLike,
    *,
    true_label_loss: float | None = None,
    ylim: tuple[float, float] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw a reported training loss against the losses measured at the end of each epoch.

    Three curves: the reported training loss (dotted, training colour), for example
    scikit-learn's ``loss_curve_``, which adds the L2 penalty and averages over the
    epoch's mini-batches; the training cross-entropy that
    :func:`~lossacc_helpers.fit_with_history` measured at the end of each epoch (solid,
    training colour); and the validation cross-entropy (dashed, validation colour).
    Optionally a star at the last epoch: the training cross-entropy against the true
    labels, when the training labels are noisy (chapter 5).

    Parameters
    ----------
    history : History
        The measured curves.
    reported : array-like of shape (n_epochs,)
        The reported training loss, one value per epoch of ``history``.
    true_label_loss : float, optional
        Training cross-entropy against the true labels at the last epoch, in nats.
    ylim : tuple of float, optional
        The vertical range.
    title : str, optional
        The figure's message.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``history`` is not a History, ``reported`` is not numeric, or ``ax`` is not
        an Axes.
    ValueError
        If ``reported`` does not have one value per epoch, or a loss is negative.

    Examples
    --------
    >>> h = History.from_arrays([0.7, 0.5, 0.4], [0.6, 0.45, 0.38])
    >>> ax = plot_reported_loss(h, [0.9, 0.6, 0.5], true_label_loss=0.3)
    >>> [line.get_label() for line in ax.lines][-1]
    'training cross-entropy, true labels'
    """
    if not isinstance(history, History):
        raise TypeError(f"history must be a History, got {type(history).__name__}.")
    values = as_float_array(reported, "reported")
    if len(values) != len(history):
        raise ValueError(
            f"reported must have one value per epoch of the history ({len(history)}), "
            f"got {len(values)}."
        )
    if np.any(values < 0):
        raise ValueError(f"reported must hold non-negative losses, found {values.min()!r}.")
    if true_label_loss is not None:
        true_label_loss = check_scalar(true_label_loss, "true_label_loss", low=0.0)
    limit = _check_ylim(ylim, "ylim")
    ax = _check_ax(ax)
    train_colour, val_colour = OKABE_ITO["blue"], OKABE_ITO["orange"]
    lines = (
        ("scikit-learn's loss_curve_ (penalty, epoch mean)", values, train_colour, ":", "o"),
        ("training cross-entropy, end of epoch", history.train_loss, train_colour, "-", "s"),
        ("validation cross-entropy", history.val_loss, val_colour, "--", "^"),
    )
    for label, curve, colour, style, marker in lines:
        ax.plot(
            history.epochs,
            curve,
            color=colour,
            linestyle=style,
            marker=marker,
            markevery=5,
            label=label,
        )
    if true_label_loss is not None:
        ax.plot(
            history.epochs[-1],
            true_label_loss,
            marker="*",
            color="black",
            markersize=14,
            linestyle="",
            label="training cross-entropy, true labels",
        )
    ax.set(xlabel="epoch", ylabel="loss (nats)")
    if limit is not None:
        ax.set_ylim(limit)
    if title is not None:
        ax.set_title(title)
    ax.legend()
    return ax


def plot_cv_curves(
    curves: CVCurves,
    *,
    xlabel: str | None = None,
    log_loss: bool = False,
    title: str | None = None,
    axes: Sequence[Axes] | None = None,
) -> NDArray:
    """Cross-validated loss and accuracy of a learning or validation curve, side by side.

    Drawn with scikit-learn's :class:`~sklearn.model_selection.LearningCurveDisplay`
    (sizes) or :class:`~sklearn.model_selection.ValidationCurveDisplay` (a
    hyperparameter, when ``curves.param_name`` is set): the mean over the splits with a
    band of one standard deviation, for the training and the validation parts.

    Parameters
    ----------
    curves : CVCurves
        From :func:`~lossacc_helpers.learning_curve_scores` or
        :func:`~lossacc_helpers.validation_curve_scores`.
    xlabel : str, optional
        Label of the horizontal axes, with units; default ``"training samples"`` or the
        parameter's name.
    log_loss : bool, default=False
        Draw the loss on a logarithmic axis (its title then says so).
    title : str, optional
        The figure's message (a suptitle).
    axes : list of Axes, optional
        The loss and accuracy panels (two Axes); by default a new figure of 9 x 3.6 inches.

    Returns
    -------
    ndarray of Axes
        The loss panel and the accuracy panel.

    Raises
    ------
    TypeError
        If ``curves`` is not a CVCurves, ``xlabel`` not a string, or ``axes`` not a
        sequence of Axes.

    Examples
    --------
    >>> from lossacc_helpers.cv_curves import CVCurves
    >>> ones = np.ones((2, 3))
    >>> curves = CVCurves(np.array([10, 20]), ones * 0.2, ones * 0.5, ones, ones * 0.9)
    >>> loss_ax, acc_ax = plot_cv_curves(curves, xlabel="training images")
    >>> loss_ax.get_ylabel(), acc_ax.get_title()
    ('cross-entropy (nats)', 'Accuracy')
    """
    from sklearn.model_selection import LearningCurveDisplay, ValidationCurveDisplay

    from .cv_curves import CVCurves

    if not isinstance(curves, CVCurves):
        raise TypeError(
            f"curves must be a CVCurves (from learning_curve_scores or "
            f"validation_curve_scores), got {type(curves).__name__}."
        )
    if xlabel is None:
        xlabel = curves.param_name or "training samples"
    if not isinstance(xlabel, str) or not xlabel.strip():
        raise TypeError(f"xlabel must be a non-empty string with units, got {xlabel!r}.")
    if axes is None:
        fig, panels = plt.subplots(1, 2, figsize=(9, 3.6))
    else:
        panels = _panels(axes, 2)[:2]
        fig = panels[0].figure
    metrics = (
        ("cross-entropy (nats)", curves.train_loss, curves.val_loss),
        ("accuracy", curves.train_accuracy, curves.val_accuracy),
    )
    for ax, (name, train_scores, val_scores) in zip(panels, metrics, strict=True):
        scores = {"train_scores": train_scores, "test_scores": val_scores, "score_name": name}
        if curves.param_name is None:
            display = LearningCurveDisplay(train_sizes=curves.x, **scores)
        else:
            display = ValidationCurveDisplay(
                param_name=curves.param_name, param_range=curves.x, **scores
            )
        display.plot(ax=ax, line_kw={"marker": "o"})
        ax.set_xlabel(xlabel)
        ax.legend(["training", "validation"])
    if log_loss:
        panels[0].set(yscale="log", title="Loss (logarithmic scale)")
    else:
        panels[0].set_title("Loss")
    panels[1].set_title("Accuracy")
    if title is not None:
        fig.suptitle(title)
    return panels


def plot_loss_grid(
    runs: Mapping[str, Mapping[str, ArrayLike] | History],
    *,
    ncols: int = 4,
    ylim: tuple[float, float] | None = None,
    title: str | None = None,
    axes: Sequence[Axes] | NDArray | None = None,
) -> NDArray:
    """Training and validation loss of many runs, one small panel each, on a shared epoch axis.

    Panel ``k`` is titled ``"run <name>"``; the training loss is solid, the validation
    loss dashed, with one legend below the grid (chapter 5's curve zoo). Epochs are
    counted from 1.

    Parameters
    ----------
    runs : dict
        The runs by name: each a History or a mapping with ``"train_loss"`` and
        ``"val_loss"`` arrays of equal length (other keys are ignored, so the keyword
        arguments of :func:`~lossacc_helpers.diagnose` work); NaN leaves a gap.
    ncols : int, default=4
        Panels per row of a new figure.
    ylim : tuple of float, optional
        The shared vertical range.
    title : str, optional
        The figure's message (a suptitle).
    axes : ndarray of Axes, optional
        At least one Axes per run, in reading order; by default a new grid of
        ``2.5 * ncols`` x ``2.4 * nrows`` inches with a shared epoch axis. Axes left
        over are hidden.

    Returns
    -------
    ndarray of Axes
        The grid, shape ``(nrows, ncols)`` for a new figure, else as given.

    Raises
    ------
    TypeError
        If ``runs`` is not a non-empty mapping, a run lacks a loss curve, or ``axes`` is
        not a collection of Axes.
    ValueError
        If a run's two curves differ in length, or ``ncols`` is below 1.

    Examples
    --------
    >>> grid = plot_loss_grid({"A": {"train_loss": [0.7, 0.5], "val_loss": [0.8, 0.6]}})
    >>> grid.shape, grid[0, 0].get_title()
    ((1, 4), 'run A')
    """
    if not isinstance(runs, Mapping) or not runs:
        raise TypeError(
            "runs must be a non-empty mapping from a name to a History or to a dict with "
            f"'train_loss' and 'val_loss', got {type(runs).__name__}."
        )
    curves = {}
    for name, run in runs.items():
        if isinstance(run, History):
            pair = (run.train_loss, run.val_loss)
        elif isinstance(run, Mapping) and {"train_loss", "val_loss"} <= set(run):
            pair = tuple(
                as_float_array(run[key], f"runs[{name!r}][{key!r}]", finite=False)
                for key in ("train_loss", "val_loss")
            )
        else:
            raise TypeError(
                f"runs[{name!r}] must be a History or a mapping with 'train_loss' and "
                f"'val_loss', got {type(run).__name__}."
            )
        if len(pair[0]) != len(pair[1]):
            raise ValueError(
                f"runs[{name!r}] has {len(pair[0])} training and {len(pair[1])} validation "
                "losses; give one of each per epoch."
            )
        curves[str(name)] = pair
    limit = _check_ylim(ylim, "ylim")
    if axes is None:
        cols = int(check_scalar(ncols, "ncols", low=1, integer=True))
        rows = math.ceil(len(curves) / cols)
        fig, grid = plt.subplots(
            rows, cols, figsize=(2.5 * cols, 2.4 * rows), sharex=True, squeeze=False
        )
    else:
        grid = np.asarray(axes, dtype=object)
        _panels(grid, len(curves))
        fig = grid.flat[0].figure
    panels = list(grid.flat)
    train_colour, val_colour = OKABE_ITO["blue"], OKABE_ITO["orange"]
    for ax, (name, (train, val)) in zip(panels, curves.items(), strict=False):
        epochs = np.arange(1, len(train) + 1)
        ax.plot(epochs, train, color=train_colour, label="training loss")
        ax.plot(epochs, val, color=val_colour, linestyle="--", label="validation loss")
        ax.set_title(f"run {name}")
        if limit is not None:
            ax.set_ylim(limit)
    for ax in panels[len(curves) :]:
        ax.set_visible(False)
    if grid.ndim == 2:
        for ax in grid[-1]:
            ax.set_xlabel("epoch")
        for ax in grid[:, 0]:
            ax.set_ylabel("loss (nats)")
    else:
        for ax in panels[: len(curves)]:
            ax.set(xlabel="epoch", ylabel="loss (nats)")
    fig.legend(*panels[0].get_legend_handles_labels(), loc="outside lower center", ncol=2)
    if title is not None:
        fig.suptitle(title)
    return grid
