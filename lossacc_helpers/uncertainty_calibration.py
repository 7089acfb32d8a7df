"""How much of a measured ECE is noise: a bootstrap interval and a noise floor.

The expected calibration error of a finite test set is an estimate. Two questions
decide what a value means: how much would it move on another test set of the same size
(:func:`ece_bootstrap`), and what would a *perfectly calibrated* model with the same
confidences score (:func:`ece_noise_floor`)? Both use the equal-width top-label bins of
:func:`calibration_bins`, vectorised over the resamples.
Taught in chapter 6 ("Chapter 6: calibration and overconfidence").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

from .calibration import _top_label
from .style import PALETTE


class ECEInterval(NamedTuple):
    """An ECE with its bootstrap percentile interval.

    Attributes
    ----------
    ece : float
        The ECE of the data as given.
    low, high : float
        The percentile interval of the bootstrap ECEs.
    resamples : ndarray of shape (n_resamples,)
        The ECE of every bootstrap resample.
    """

    ece: float
    low: float
    high: float
    resamples: NDArray[np.float64]


def _bin_index(confidence: NDArray[np.floating], n_bins: int) -> NDArray[np.intp]:
    """Return the bin of each confidence, as :func:`calibration_bins` assigns it."""
    if not isinstance(n_bins, int | np.integer) or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}.")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    return np.searchsorted(edges[1:-1], confidence, side="left")


def _ece_rows(
    index: NDArray[np.intp],
    confidence: NDArray[np.floating],
    correct: NDArray[np.floating],
    n_bins: int,
) -> NDArray[np.float64]:
    """ECE of every row of (index, confidence, correct), each of shape (rows, n)."""
    rows, n = index.shape
    flat = (index + n_bins * np.arange(rows)[:, None]).ravel()
    gap = np.bincount(flat, weights=(correct - confidence).ravel(), minlength=rows * n_bins)
    return np.abs(gap.reshape(rows, n_bins)).sum(axis=1) / n


def _check(n: int, name: str) -> None:
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"{name} must be a positive integer, got {n!r}.")


def ece_bootstrap(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    labels: ArrayLike | None = None,
    n_resamples: int = 1000,
    confidence_level: float = 0.95,
    random_state: int = 0,
) -> ECEInterval:
    r"""Compute the ECE with a bootstrap percentile interval over the samples.

    Draws ``n_resamples`` resamples of the samples with replacement, computes the ECE of
    each with the bins of :func:`calibration_bins`, and
    returns the central ``confidence_level`` share of them. The ECE is biased upwards on
    small samples, and the bootstrap shares that bias: read the interval as the spread
    of the estimate, and compare it with :func:`ece_noise_floor` to judge its level.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities (1D: of the positive class).
    n_bins : int, default=15
        Number of equal-width bins.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`calibration_bins`.
    n_resamples : int, default=1000
        Number of bootstrap resamples.
    confidence_level : float, default=0.95
        Share of the resampled ECEs inside the interval.
    random_state : int, default=0
        Seed of the resampling.

    Returns
    -------
    ECEInterval
        ``(ece, low, high, resamples)``.

    Examples
    --------
    >>> result = ece_bootstrap([0, 1, 1, 0], [0.2, 0.7, 0.9, 0.4], n_bins=5)
    >>> result.low <= result.ece <= result.high
    True
    """
    _check(n_resamples, "n_resamples")
    if not 0 < confidence_level < 1:
        raise ValueError(f"confidence_level must be in (0, 1), got {confidence_level!r}.")
    confidence, correct = _top_label(y_true, proba, labels)
    index = _bin_index(confidence, n_bins)
    correct = correct.astype(float)
    ece = float(_ece_rows(index[None], confidence[None], correct[None], n_bins)[0])
    rng = np.random.default_rng(random_state)
    draw = rng.integers(0, len(confidence), size=(n_resamples, len(confidence)))
    resamples = _ece_rows(index[draw], confidence[draw], correct[draw], n_bins)
    tail = (1 - confidence_level) / 2
    low, high = np.quantile(resamples, [tail, 1 - tail])
    return ECEInterval(ece, float(low), float(high), resamples)


def ece_noise_floor(
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    n_draws: int = 1000,
    random_state: int = 0,
) -> NDArray[np.float64]:
    r"""ECEs of a perfectly calibrated model with the same confidences.

    A model is perfectly calibrated when its top-label prediction is right with
    probability equal to its confidence :math:`\hat c_i = \max_k p_{ik}`. We draw that
    model's correctness, :math:`\text{correct}_i \sim \text{Bernoulli}(\hat c_i)`, which is
    the same as drawing each label from the row's probabilities and checking the top
    class, ``n_draws`` times, and return the ECE of each draw. Its mean is the ECE that
    finite-sample noise alone produces with these confidences: a measured ECE below it
    is as small as this test set can show.

    Parameters
    ----------
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities (1D: of the positive class).
    n_bins : int, default=15
        Number of equal-width bins.
    n_draws : int, default=1000
        Number of simulated label sets.
    random_state : int, default=0
        Seed of the simulation.

    Returns
    -------
    ndarray of shape (n_draws,)
        The ECE of every draw.

    Examples
    --------
    >>> floor = ece_noise_floor([[0.9, 0.1], [0.3, 0.7]] * 50, n_draws=200)
    >>> bool(0 < floor.mean() < 0.1)
    True
    """
    _check(n_draws, "n_draws")
    p = np.asarray(proba, dtype=float)
    confidence, _ = _top_label(np.zeros(len(p), dtype=int), p, None)  # labels unused
    index = _bin_index(confidence, n_bins)
    rng = np.random.default_rng(random_state)
    correct = (rng.random((n_draws, len(confidence))) < confidence).astype(float)
    rows = np.broadcast_to(index, correct.shape)
    return _ece_rows(rows, np.broadcast_to(confidence, correct.shape), correct, n_bins)


def plot_accuracy_noise(
    points: Mapping[str, tuple[float, float]],
    n_samples: int,
    *,
    ax: Axes | None = None,
) -> Axes:
    r"""Place models in the accuracy-loss plane, each with its accuracy's standard error.

    Draws :func:`plot_loss_accuracy_region` (the band below
    :math:`\mathrm{CE} = (1 - a)\ln 2`, impossible for any number of classes, since a
    mistake leaves the true class at most half the probability) without its
    horizontal :math:`\ln 2` line, which is a two-class reference, and adds to each
    point a horizontal bar of one binomial standard error
    :math:`\sqrt{a(1 - a)/n}` of its accuracy, so that a move smaller than the noise of
    the test set looks like one. Taught in chapter 6.

    Parameters
    ----------
    points : dict
        A name mapped to a pair (accuracy, cross-entropy), as in
        :func:`plot_loss_accuracy_region`.
    n_samples : int
        Number of test samples behind each accuracy.
    ax : Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes

    Examples
    --------
    >>> ax = plot_accuracy_noise({"a": (0.9, 0.3), "b": (0.92, 0.5)}, n_samples=500)
    >>> [line.get_label() for line in ax.get_lines()].count("ln 2")
    0
    """
    from .plots import plot_loss_accuracy_region

    _check(n_samples, "n_samples")
    ax = plot_loss_accuracy_region(dict(points), ax=ax)
    for line in list(ax.get_lines()):
        if line.get_label() == "ln 2":
            line.remove()
    for (acc, loss), colour in zip(points.values(), PALETTE * len(points), strict=False):
        se = float(np.sqrt(acc * (1 - acc) / n_samples))
        ax.errorbar(acc, loss, xerr=se, color=colour, capsize=4, linestyle="")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize="small")
    return ax


def calibration_error(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    strategy: str = "uniform",
    classwise: bool = False,
) -> float:
    r"""Binned calibration error: top-label or class-wise, equal-width or equal-mass bins.

    With ``classwise=False`` and ``strategy="uniform"`` this is the ECE of
    :func:`expected_calibration_error`: the top-label confidence against the share of
    correct predictions, in equal-width bins, weighted by the bins' counts. With
    ``strategy="quantile"`` the bin edges are quantiles of the scores, so every bin holds
    about the same number of samples (*equal mass*), as ``strategy="quantile"`` of
    scikit-learn's ``calibration_curve``. With ``classwise=True`` every class's
    probability column is binned against the indicator of that class, and the errors
    are averaged over the classes (the class-wise ECE): a model can be calibrated in its
    top label and miscalibrated in the classes it does not predict.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels, integers ``0 .. K-1``.
    proba : array-like of shape (n_samples, n_classes)
        Predicted probabilities.
    n_bins : int, default=15
        Number of bins.
    strategy : {"uniform", "quantile"}, default="uniform"
        Equal-width or equal-mass bins.
    classwise : bool, default=False
        Bin every class's probability (class-wise) instead of the top label's.

    Returns
    -------
    float

    Examples
    --------
    >>> p = [[0.8, 0.2], [0.6, 0.4], [0.3, 0.7], [0.1, 0.9]]
    >>> round(calibration_error([0, 1, 1, 1], p, n_bins=5), 3)
    0.3
    """
    if strategy not in ("uniform", "quantile"):
        raise ValueError(f"strategy must be 'uniform' or 'quantile', got {strategy!r}.")
    confidence, correct = _top_label(y_true, proba, None)
    p = np.asarray(proba, dtype=float)
    y = np.asarray(y_true)
    if classwise:
        columns = [(p[:, k], (y == k).astype(float)) for k in range(p.shape[1])]
    else:
        columns = [(confidence, correct.astype(float))]
    errors = []
    for score, hit in columns:
        if strategy == "uniform":
            index = _bin_index(score, n_bins)
        else:
            edges = np.quantile(score, np.linspace(0, 1, n_bins + 1))
            index = np.searchsorted(edges[1:-1], score, side="left")
        errors.append(_ece_rows(index[None], score[None], hit[None], n_bins)[0])
    return float(np.mean(errors))
