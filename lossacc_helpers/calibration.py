r"""Calibration: whether confidence matches accuracy, and temperature scaling.

:func:`calibration_bins` sorts predictions into confidence bins and measures each bin's
accuracy; :func:`expected_calibration_error` and :func:`reliability_diagram` both read
that one table. :func:`fit_temperature` and :func:`softmax` implement temperature
scaling, :func:`mlp_logits` reads the logits of a scikit-learn network and
:func:`temperature_sweep` scores every temperature of a grid. All follow Guo, Pleiss,
Sun and Weinberger (2017), "On Calibration of Modern Neural Networks", *ICML* (PMLR 70,
1321-1330), and are taught in chapter 6 ("Chapter 6: calibration and overconfidence").
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from numpy.typing import ArrayLike, NDArray
from scipy.optimize import minimize_scalar

from ._validation import (
    as_float_array,
    check_axes,
    check_sample_weight,
    check_scalar,
    external_stacklevel,
    weighted_mean,
)
from .classification import (
    _logit_losses,
    _pick,
    _predicted_columns,
    _validated_columns,
    _validated_logits,
)
from .style import OKABE_ITO

__all__ = [
    "CalibrationBins",
    "TemperatureFitWarning",
    "calibration_bins",
    "expected_calibration_error",
    "fit_temperature",
    "mlp_logits",
    "reliability_diagram",
    "softmax",
    "temperature_sweep",
]


@dataclass(frozen=True, eq=False)
class CalibrationBins:
    """Per-bin table of top-label confidence against accuracy; see :func:`calibration_bins`.

    Attributes
    ----------
    edges : NDArray
        Bin edges ``0, 1/n_bins, ..., 1``, shape (n_bins + 1,).
    counts : NDArray
        Number of samples per bin, shape (n_bins,).
    accuracy : NDArray
        Share of correct top-label predictions per bin, shape (n_bins,); NaN for an
        empty bin.
    confidence : NDArray
        Mean top-label confidence per bin, shape (n_bins,); NaN for an empty bin (one
        without samples, or whose samples all weigh 0).
    weights : NDArray or None
        Total sample weight per bin, shape (n_bins,), when the table was built with
        ``sample_weight``; None means every sample weighs 1 (the weights are the counts).
    """

    edges: NDArray[np.float64]
    counts: NDArray[np.int64]
    accuracy: NDArray[np.float64]
    confidence: NDArray[np.float64]
    weights: NDArray[np.float64] | None = None

    @property
    def n_samples(self) -> int:
        """Number of samples sorted into the bins."""
        return int(self.counts.sum())

    @property
    def ece(self) -> float:
        """Expected calibration error of the table; see :func:`expected_calibration_error`."""
        mass = self.counts if self.weights is None else self.weights
        filled = mass > 0
        weights = mass[filled] / mass.sum()
        return float(np.sum(weights * np.abs(self.accuracy[filled] - self.confidence[filled])))

    def to_text(self) -> str:
        """Format the non-empty bins as an aligned text table, one line per bin, then the ECE.

        Returns
        -------
        str
            A header, a line ``lo..hi  count  confidence  accuracy`` per non-empty
            bin, and ``ECE = ...``.

        Examples
        --------
        >>> print(calibration_bins([1, 0, 1], [0.9, 0.8, 0.6], n_bins=5).to_text())
         confidence bin  predictions  confidence  accuracy
           0.40..0.60            1       0.600     1.000
           0.60..0.80            1       0.800     0.000
           0.80..1.00            1       0.900     1.000
        ECE = 0.4333
        """
        lines = [f"{'confidence bin':>15} {'predictions':>12} {'confidence':>11} {'accuracy':>9}"]
        edges = zip(self.edges[:-1], self.edges[1:], strict=True)
        rows = zip(edges, self.counts, self.confidence, self.accuracy, strict=True)
        for (lo, hi), n, conf, acc in rows:
            if n:
                lines.append(f"{lo:>7.2f}..{hi:.2f} {n:>12} {conf:>11.3f} {acc:>9.3f}")
        lines.append(f"ECE = {self.ece:.4f}")
        return "\n".join(lines)


def _top_label(
    y_true: ArrayLike, proba: ArrayLike, labels: ArrayLike | None
) -> tuple[NDArray[np.floating], NDArray[np.bool_]]:
    """Validate as :func:`cross_entropy` does; return top-label confidence and correctness."""
    p, true_columns = _validated_columns(y_true, proba, labels)
    predicted = _predicted_columns(p)  # ties go to the first column
    return _pick(p, predicted), predicted == true_columns


def calibration_bins(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> CalibrationBins:
    r"""Sort predictions into equal-width confidence bins and measure each bin's accuracy.

    The confidence of a prediction is its top-label probability
    :math:`\hat c_i = \max_k p_{ik}` and it is correct when
    :math:`\hat y_i = \arg\max_k p_{ik}` equals :math:`y_i`. With equal-width bins
    :math:`B_b` of :math:`[0, 1]`,

    .. math::

        \mathrm{acc}(B_b) = \frac{1}{|B_b|}\sum_{i \in B_b} [\hat y_i = y_i],
        \qquad
        \mathrm{conf}(B_b) = \frac{1}{|B_b|}\sum_{i \in B_b} \hat c_i,

    as in Guo et al. (2017). Bin :math:`b` (from 1) holds the confidences in
    :math:`((b-1)/M,\; b/M]`, the first bin also holds 0, with :math:`M` = ``n_bins``:
    the convention of :func:`sklearn.calibration.calibration_curve`. A perfectly
    calibrated model has :math:`\mathrm{acc}(B_b) \approx \mathrm{conf}(B_b)` in every
    bin. Taught in chapter 6 ("Chapter 6: calibration and overconfidence").

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, with the conventions of
        :func:`cross_entropy`: a 1D array is the
        probability of the positive class (1, or ``labels[1]``), so the top-label confidence is
        :math:`\max(p, 1 - p)`; column ``j`` of a 2D array belongs to class ``j``
        (or ``labels[j]``). On ties the first column is predicted.
    n_bins : int, default=15
        Number of equal-width bins (15 as in Guo et al.), at least 1.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, needed for labels other than ``0 .. n_classes - 1``;
        as in :func:`~lossacc_helpers.cross_entropy`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights: each bin's accuracy and confidence become weighted means,
        and the bins are weighted by their total weight.

    Returns
    -------
    CalibrationBins
        ``edges``, ``counts``, ``accuracy`` and ``confidence`` per bin (NaN where a bin
        is empty: a binary model's top-label confidence is never below 0.5, so its lower
        bins stay empty), and ``weights``, the total weight per bin, with ``sample_weight``.

    Raises
    ------
    ValueError
        On the inputs :func:`cross_entropy` rejects
        (empty, NaN, mismatched lengths, probabilities outside [0, 1], labels that are
        not column indices without ``labels``, unknown labels, bad weights), or
        ``n_bins`` below 1.
    TypeError
        On non-numeric probabilities, labels that are not labels, or a non-integer
        ``n_bins``.

    Warns
    -----
    UserWarning
        When rows of a 2D ``proba`` do not sum to one.

    Notes
    -----
    :func:`sklearn.calibration.calibration_curve` bins the probability of the positive
    class of a binary problem; this table bins the top-label confidence of any number of
    classes (Guo et al.). For binary input the two agree where every probability is at
    least 1/2, and in general this table is ``calibration_curve(correct, confidence)``.
    The labels follow the rule of :func:`cross_entropy` (scikit-learn uses ``pos_label``).

    Examples
    --------
    >>> table = calibration_bins([1, 0, 1, 1], [0.9, 0.8, 0.6, 0.3], n_bins=5)
    >>> table.counts.tolist()
    [0, 0, 1, 2, 1]
    >>> table.accuracy[2:].tolist(), table.confidence[2:].round(2).tolist()
    ([1.0, 0.0, 1.0], [0.6, 0.75, 0.9])
    """
    n_bins = int(check_scalar(n_bins, "n_bins", low=1, integer=True))
    confidence, correct = _top_label(y_true, proba, labels)
    w = check_sample_weight(sample_weight, len(confidence))
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # searchsorted "left" on the inner edges puts a value equal to an edge in the bin
    # below it: bins are (lo, hi], and 0 falls in the first bin.
    index = np.searchsorted(edges[1:-1], confidence, side="left")
    counts = np.bincount(index, minlength=n_bins)
    mass = counts if w is None else np.bincount(index, weights=w, minlength=n_bins)
    hits = correct if w is None else correct * w
    sure = confidence if w is None else confidence * w
    with np.errstate(invalid="ignore", divide="ignore"):
        bin_accuracy = np.bincount(index, weights=hits, minlength=n_bins) / mass
        bin_confidence = np.bincount(index, weights=sure, minlength=n_bins) / mass
    empty = mass == 0  # no sample, or only samples of weight 0
    bin_accuracy[empty] = np.nan
    bin_confidence[empty] = np.nan
    weights = None if w is None else mass
    for values in (edges, counts, bin_accuracy, bin_confidence, weights):
        if values is not None:
            values.setflags(write=False)
    return CalibrationBins(edges, counts, bin_accuracy, bin_confidence, weights)


def expected_calibration_error(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    r"""Compute the expected calibration error (ECE), the mean confidence-accuracy gap.

    .. math::

        \mathrm{ECE} = \sum_{b=1}^{M} \frac{|B_b|}{n}\,
            \big|\mathrm{acc}(B_b) - \mathrm{conf}(B_b)\big|,

    over :math:`M` equal-width bins of top-label confidence, as defined by Guo, Pleiss,
    Sun and Weinberger (2017), "On Calibration of Modern Neural Networks", *ICML*; bins
    and conventions as in :func:`calibration_bins`. In [0, 1]; 0 for a perfectly
    calibrated model, lower is better. An estimate: it depends on ``n_bins``, and with
    few samples per bin it is biased upward. Taught in chapter 6 ("Chapter 6:
    calibration and overconfidence").

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities (1D: of the positive class), as in
        :func:`calibration_bins`.
    n_bins : int, default=15
        Number of equal-width bins.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`calibration_bins`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights, as in :func:`calibration_bins`: with integer weights the
        ECE equals that of the samples repeated as often as their weight.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError, TypeError
        As :func:`calibration_bins`.

    Examples
    --------
    Two predictions at confidence 0.9, one of them right (gap 0.4), one wrong at 0.7
    (gap 0.7), one right at 0.6 (gap 0.4): ECE = 0.5 * 0.4 + 0.25 * 0.7 + 0.25 * 0.4.

    >>> round(expected_calibration_error([1, 0, 1, 0], [0.9, 0.7, 0.6, 0.9], n_bins=5), 4)
    0.475
    """
    table = calibration_bins(
        y_true, proba, n_bins=n_bins, labels=labels, sample_weight=sample_weight
    )
    return table.ece


def reliability_diagram(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    n_bins: int = 15,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
    ax: Axes | None = None,
    label: str | None = None,
    show_counts: bool = True,
) -> Axes:
    r"""Draw accuracy against confidence per bin, with the gap to the diagonal.

    Bars of height :math:`\mathrm{acc}(B_b)` over each bin, hatched bars from
    :math:`\mathrm{acc}(B_b)` to :math:`\mathrm{conf}(B_b)` for the gap, and the diagonal
    :math:`\mathrm{acc} = \mathrm{conf}` of perfect calibration, in the style of Guo et
    al. (2017); the legend gives the ECE (:func:`expected_calibration_error`). Bars
    below the diagonal mean overconfidence: their gap is drawn in vermillion, the gap of an
    underconfident bin (accuracy above confidence) in sky blue, each with its legend
    entry. Both read one :func:`calibration_bins`
    table. Taught in chapter 6 ("Chapter 6: calibration and overconfidence").

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
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights, as in :func:`calibration_bins`.
    ax : Axes, optional
        The matplotlib Axes to draw on; by default a new figure.
    label : str, optional
        Name of the model, shown in the legend before the ECE.
    show_counts : bool, default=True
        Whether to write the number of samples of each non-empty bin at its foot.

    Returns
    -------
    Axes

    Raises
    ------
    ValueError, TypeError
        As :func:`calibration_bins`; TypeError also when ``ax`` is not an Axes.

    Examples
    --------
    >>> ax = reliability_diagram([0, 1, 1, 1], [0.2, 0.7, 0.9, 0.4], n_bins=5)
    >>> ax.get_xlabel()
    'confidence (top-label probability)'
    """
    check_axes(ax)
    if not isinstance(show_counts, bool | np.bool_):
        raise TypeError(f"show_counts must be True or False, got {type(show_counts).__name__}.")
    table = calibration_bins(
        y_true, proba, n_bins=n_bins, labels=labels, sample_weight=sample_weight
    )
    if ax is None:
        _, ax = plt.subplots(figsize=(5.0, 4.6))
    filled = ~np.isnan(table.accuracy)
    left = table.edges[:-1][filled]
    width = float(table.edges[1] - table.edges[0])
    acc = table.accuracy[filled]
    conf = table.confidence[filled]
    name = f"{label}: " if label else ""
    bars = ax.bar(
        left,
        acc,
        width=width,
        align="edge",
        color=OKABE_ITO["blue"],
        edgecolor="white",
        label=f"{name}accuracy (ECE = {table.ece:.3f})",
    )
    under = conf < acc  # underconfident bins: the gap bar hangs below the accuracy
    gap_colour = np.where(under, OKABE_ITO["sky"], OKABE_ITO["vermillion"])
    gaps = ax.bar(
        left,
        conf - acc,
        bottom=acc,
        width=width,
        align="edge",
        color=list(gap_colour),
        alpha=0.35,
        hatch="//",
        edgecolor=list(gap_colour),
        label="gap: overconfident (confidence above accuracy)",
    )
    gap_handles = [gaps]
    if under.any():
        gap_handles.append(
            Patch(
                facecolor=OKABE_ITO["sky"],
                edgecolor=OKABE_ITO["sky"],
                alpha=0.35,
                hatch="//",
                label="gap: underconfident (confidence below accuracy)",
            )
        )
    (diagonal,) = ax.plot(
        [0, 1],
        [0, 1],
        color=OKABE_ITO["black"],
        linestyle="--",
        linewidth=1.2,
        label="perfect calibration",
    )
    if show_counts:
        for x, count, height in zip(left, table.counts[filled], acc, strict=True):
            ax.text(
                x + width / 2,
                0.02,
                str(int(count)),
                rotation=90,
                ha="center",
                va="bottom",
                fontsize=10,  # 3 panels in a 672 px page column: still 10 CSS px
                color="white" if height > 0.12 else OKABE_ITO["black"],  # on the bar or not
            )
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.set_xlabel("confidence (top-label probability)")
    ax.set_ylabel("accuracy")
    ax.legend(handles=[bars, *gap_handles, diagonal], loc="best")  # where it hides the fewest bars
    return ax


def softmax(logits: ArrayLike, *, temperature: float = 1.0) -> NDArray[np.float64]:
    r"""Probabilities from logits, divided by a temperature first; overflow-safe.

    .. math::

        p_{ik} = \frac{e^{(z_{ik} - m_i)/T}}{\sum_j e^{(z_{ij} - m_i)/T}},
        \qquad m_i = \max_j z_{ij}.

    The row maximum is subtracted *before* dividing by :math:`T`, so every exponent is at
    or below zero and nothing overflows, even when :math:`z/T` itself would
    (``softmax([[1e308, 0]], temperature=0.5)`` is ``[[1, 0]]``). :math:`T > 1` softens
    the probabilities, :math:`T < 1` sharpens them; the largest logit stays the largest,
    so the predicted class does not change. Taught in chapter 6 ("Chapter 6: calibration
    and overconfidence").

    Parameters
    ----------
    logits : array-like of shape (n_classes,) or (n_samples, n_classes)
        Unnormalised scores. The softmax is taken along the last axis: a 1D array is one
        distribution (as :func:`scipy.special.softmax` and PyTorch's ``softmax(dim=-1)``
        do), a 2D array one distribution per row. For binary log-odds :math:`z` use
        :func:`scipy.special.expit` of :math:`z / T`, or the softmax of
        ``np.column_stack([np.zeros_like(z), z])``.
    temperature : float, default=1.0
        The temperature :math:`T > 0`.

    Returns
    -------
    ndarray of the shape of ``logits``
        Each distribution (the vector, or each row) sums to one.

    Raises
    ------
    ValueError
        On empty, NaN or infinite logits, more than 2 dimensions, or a temperature that
        is not positive.
    TypeError
        On non-numeric logits or temperature.

    Examples
    --------
    >>> softmax([[1000.0, 1000.0, 0.0]]).round(3)
    array([[0.5, 0.5, 0. ]])
    >>> softmax([0.0, 2.0], temperature=2.0).round(4)
    array([0.2689, 0.7311])
    >>> softmax([[1e308, 0.0]], temperature=0.5)
    array([[1., 0.]])
    """
    z = as_float_array(logits, "logits", ndim=(1, 2))
    t = check_scalar(temperature, "temperature", low=0, include_low=False)
    with np.errstate(over="ignore"):  # z - max may overflow to -inf: its exp is then 0
        scaled = (z - z.max(axis=-1, keepdims=True)) / t
    np.exp(scaled, out=scaled)
    scaled /= scaled.sum(axis=-1, keepdims=True)
    return scaled


class TemperatureFitWarning(UserWarning):
    r""":func:`fit_temperature` found no trustworthy optimum, or was given probabilities.

    Raised when the optimum lies at a bound of the search, when the cross-entropy is flat
    there (for instance separable logits, whose loss falls to 0 as :math:`T \to 0`), or
    when the input looks like probabilities rather than logits. Catch it with
    ``warnings.catch_warnings`` or ``pytest.warns(TemperatureFitWarning)``.
    """


def _check_bounds(bounds: object) -> tuple[float, float]:
    if isinstance(bounds, str) or not hasattr(bounds, "__len__") or len(bounds) != 2:
        raise TypeError(f"bounds must be a pair (low, high), got {bounds!r}.")
    low = check_scalar(bounds[0], "bounds[0]", low=0, include_low=False)
    high = check_scalar(bounds[1], "bounds[1]", low=0, include_low=False)
    if not low < high:
        raise ValueError(f"bounds must be increasing, low < high; got {bounds!r}.")
    return low, high


def _warn_if_probabilities(z: NDArray[np.floating]) -> None:
    """Warn when ``z`` looks like probabilities: every value in [0, 1], rows summing to 1."""
    if z.min() < 0 or z.max() > 1:
        return
    if z.ndim == 2 and not np.allclose(z.sum(axis=1), 1.0, rtol=0, atol=1e-6):
        return
    what = "rows of probabilities (in [0, 1], summing to 1)" if z.ndim == 2 else "in [0, 1]"
    fix = "np.log(proba)" if z.ndim == 2 else "scipy.special.logit(proba)"
    warnings.warn(
        f"logits are all {what}: they look like probabilities, not logits. Temperature "
        f"scaling divides logits; pass {fix} instead (softmax(log p / T) rescales p).",
        TemperatureFitWarning,
        stacklevel=external_stacklevel(),
    )


def _all_correct(z: NDArray[np.floating], columns: NDArray[np.intp]) -> bool:
    """Whether every sample's true column has the strictly largest logit (1D: the right sign)."""
    if z.ndim == 1:
        return bool(np.all(np.where(columns == 1, z, -z) > 0))
    true_score = np.take_along_axis(z, columns[:, None], axis=1)[:, 0]
    others = z.copy()
    np.put_along_axis(others, columns[:, None], -np.inf, axis=1)
    return bool(np.all(true_score > others.max(axis=1)))


def fit_temperature(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
    bounds: tuple[float, float] = (0.05, 20.0),
) -> float:
    r"""Fit the temperature that minimises the cross-entropy of ``softmax(logits / T)``.

    .. math::

        \hat T = \arg\min_{T > 0} \; \frac{1}{n}\sum_{i=1}^{n}
            \Big(\ln \sum_k e^{z_{ik}/T} - z_{i y_i}/T\Big),

    found by a bounded scalar search (:func:`scipy.optimize.minimize_scalar`) over
    :math:`\ln T`, with the loss computed as in
    :func:`~lossacc_helpers.cross_entropy_from_logits`. This is the temperature scaling
    of Guo, Pleiss, Sun and Weinberger (2017), "On Calibration of Modern Neural Networks",
    *ICML*: one parameter fitted on held-out data (never the training set),
    :math:`\hat T > 1` for an overconfident model. Dividing every logit by the same
    :math:`T` keeps their order, so predictions and accuracy do not change. Taught in
    chapter 6 ("Chapter 6: calibration and overconfidence").

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels, by the label rule of :func:`~lossacc_helpers.cross_entropy`:
        integers ``0 .. n_classes - 1`` (binary: 0 and 1), or any labels listed in
        ``labels``.
    logits : array-like of shape (n_samples,) or (n_samples, n_classes)
        Validation logits; a 1D array holds binary log-odds.
    labels : array-like of shape (n_classes,), optional
        The classes in column order.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights of the samples in the fitted cross-entropy.
    bounds : tuple of float, optional
        The interval searched, :math:`(T_{\min}, T_{\max})` with
        :math:`0 < T_{\min} < T_{\max}`; default (0.05, 20.0).

    Returns
    -------
    float
        The fitted temperature; ``bounds[0]`` when every sample is already classified
        correctly (then the loss keeps falling as :math:`T \to 0` and has no minimum).

    Raises
    ------
    ValueError
        On the inputs :func:`~lossacc_helpers.cross_entropy_from_logits` rejects, or on
        bounds that are not two positive increasing numbers.
    TypeError
        On non-numeric logits or bounds.

    Warns
    -----
    TemperatureFitWarning
        When every sample is classified correctly (the objective decreases toward 0 at
        the lower bound: separable or training data), when the optimum lies at a bound
        or the objective is flat around it, and when ``logits`` look like probabilities.

    Notes
    -----
    The arguments are data first, ``fit_temperature(y_true, logits)``, like every metric
    of the package and of scikit-learn; an error about ``y_true`` says so when the two
    look swapped.

    Examples
    --------
    >>> logits = [[4.0, 0.0], [3.0, 0.0], [0.0, 5.0], [2.0, 0.0], [0.0, 4.0]]
    >>> t = fit_temperature([0, 1, 1, 0, 0], logits)
    >>> bool(t > 1)
    True
    """
    low, high = _check_bounds(bounds)
    try:
        z, columns = _validated_logits(y_true, logits, labels)
    except (ValueError, TypeError) as err:
        if "y_true" in str(err) and np.ndim(logits) == 1:
            raise type(err)(
                f"{err} Note the order of the arguments: fit_temperature(y_true, logits)."
            ) from None
        raise
    w = check_sample_weight(sample_weight, len(z))
    _warn_if_probabilities(z)
    if _all_correct(z, columns):
        warnings.warn(
            "Every sample is classified correctly, so the cross-entropy keeps falling as "
            f"T -> 0 (it underflows to 0) and has no minimum; returning the lower bound "
            f"{low:g}. Fit the temperature on held-out data, where some predictions are wrong.",
            TemperatureFitWarning,
            stacklevel=external_stacklevel(),
        )
        return low

    def loss(log_t: float) -> float:
        return weighted_mean(_logit_losses(z / np.exp(log_t), columns), w)

    result = minimize_scalar(
        loss,
        bounds=(np.log(low), np.log(high)),
        method="bounded",
        options={"xatol": 1e-6},
    )
    temperature = float(np.exp(result.x))
    if np.isclose(temperature, low, rtol=1e-3) or np.isclose(temperature, high, rtol=1e-3):
        warnings.warn(
            f"The fitted temperature {temperature:.4g} lies at a bound of {bounds!r}; the "
            "optimum may be outside. Widen bounds=...",
            TemperatureFitWarning,
            stacklevel=external_stacklevel(),
        )
    elif loss(result.x - 0.01) == loss(result.x) == loss(result.x + 0.01):
        warnings.warn(
            f"The cross-entropy is flat around the fitted temperature {temperature:.4g} "
            "(it does not change within 1 %): the optimum is not determined.",
            TemperatureFitWarning,
            stacklevel=external_stacklevel(),
        )
    return temperature


_ACTIVATIONS = {
    "identity": lambda x: x,
    "logistic": lambda x: 0.5 * (1.0 + np.tanh(0.5 * x)),  # expit, overflow-free
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(x, 0.0),
}


def mlp_logits(mlp: object, X: ArrayLike) -> NDArray[np.float64]:
    r"""Compute the class scores of a fitted ``MLPClassifier`` before its output activation.

    ``MLPClassifier`` returns probabilities only; its logits follow from its weights:
    each hidden layer applies its activation :math:`g` to
    :math:`h_{l} = g(h_{l-1} W_l + b_l)` (with :math:`h_0 = X`), and the output layer is
    linear, :math:`z = h_L W_{L+1} + b_{L+1}`. ``predict_proba`` is the softmax of
    :math:`z` (the logistic function of its single column for two classes), so
    :func:`softmax` of the result reproduces it, and temperature scaling can divide it.
    Taught in chapter 6 ("Chapter 6: calibration and overconfidence").

    Parameters
    ----------
    mlp : sklearn.neural_network.MLPClassifier
        A fitted network for one label per sample (not multilabel).
    X : array-like of shape (n_samples, n_features)
        Inputs, with the columns the network was trained on.

    Returns
    -------
    ndarray of shape (n_samples, n_classes), or (n_samples,) for two classes
        The logits; for two classes the log-odds of the second class, the 1D convention
        of :func:`fit_temperature`.

    Raises
    ------
    TypeError
        If ``mlp`` is not an ``MLPClassifier`` or ``X`` is not numeric.
    ValueError
        If ``mlp`` is not fitted or is multilabel, or ``X`` is not 2D, holds NaN or has
        another number of columns than the network's input.

    Examples
    --------
    >>> from sklearn.neural_network import MLPClassifier
    >>> X, y = [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]], [0, 1, 2, 0]
    >>> mlp = MLPClassifier((5,), max_iter=2000, random_state=0).fit(X, y)
    >>> bool(np.allclose(softmax(mlp_logits(mlp, X)), mlp.predict_proba(X)))
    True
    """
    from sklearn.neural_network import MLPClassifier

    if not isinstance(mlp, MLPClassifier):
        raise TypeError(
            f"mlp must be a fitted sklearn.neural_network.MLPClassifier, got {type(mlp).__name__}."
        )
    if not hasattr(mlp, "coefs_"):
        raise ValueError("mlp is not fitted yet: call mlp.fit(X, y) (or partial_fit) first.")
    if mlp.out_activation_ not in ("softmax", "logistic") or (
        mlp.out_activation_ == "logistic" and mlp.n_outputs_ > 1
    ):
        raise ValueError(
            "mlp is a multilabel network (one logistic output per label); its outputs are "
            "not the logits of one softmax. Fit it with one label per sample."
        )
    h = as_float_array(X, "X", ndim=2)
    if h.shape[1] != mlp.coefs_[0].shape[0]:
        raise ValueError(
            f"X has {h.shape[1]} features, but mlp was trained on {mlp.coefs_[0].shape[0]}."
        )
    g = _ACTIVATIONS[mlp.activation]
    for weights, bias in zip(mlp.coefs_[:-1], mlp.intercepts_[:-1], strict=True):
        h = g(h @ weights + bias)
    z = h @ mlp.coefs_[-1] + mlp.intercepts_[-1]
    return z[:, 0] if z.shape[1] == 1 else z


def temperature_sweep(
    y_true: ArrayLike,
    logits: ArrayLike,
    temperatures: ArrayLike,
    *,
    scores: tuple[str, ...] = ("cross-entropy", "Brier score", "ECE", "0-1 loss"),
    labels: ArrayLike | None = None,
) -> dict[str, NDArray[np.float64]]:
    r"""Score the probabilities :math:`\mathrm{softmax}(z / T)` at every temperature of a grid.

    For each :math:`T` the logits are divided by :math:`T` (:func:`softmax`; 1D log-odds
    through the logistic function) and scored with
    :func:`~lossacc_helpers.score_table`'s scores. The predicted classes never change
    with :math:`T`, so the 0-1 loss is flat, while the strictly proper cross-entropy and
    Brier score have their minimum near the temperature :func:`fit_temperature` finds.
    Taught in chapter 6 ("Chapter 6: calibration and overconfidence").

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels, by the label rule of :func:`~lossacc_helpers.cross_entropy`.
    logits : array-like of shape (n_samples,) or (n_samples, n_classes)
        Logits; a 1D array holds binary log-odds.
    temperatures : array-like of shape (n_temperatures,)
        Positive temperatures.
    scores : tuple of str, optional
        Names of the scores, among those of :func:`~lossacc_helpers.score_table`; by
        default ``("cross-entropy", "Brier score", "ECE", "0-1 loss")``.
    labels : array-like of shape (n_classes,), optional
        The classes in column order.

    Returns
    -------
    dict
        Each score's name mapped to an array of one value per temperature.

    Raises
    ------
    ValueError
        On a temperature that is not positive, an unknown score name, or the inputs
        :func:`~lossacc_helpers.cross_entropy_from_logits` rejects.
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> sweep = temperature_sweep([0, 1, 1], [[2.0, 0.0], [0.0, 3.0], [1.0, 0.0]], [0.5, 1, 2])
    >>> sweep["0-1 loss"].round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    >>> bool(sweep["cross-entropy"][0] > sweep["cross-entropy"][2])
    True
    """
    from .score_tables import _check_scores, _score

    names = _check_scores(scores)
    t = as_float_array(temperatures, "temperatures")
    if np.any(t <= 0):
        raise ValueError(
            f"temperatures must all be positive, got {t[t <= 0][0]:g}; use np.geomspace "
            "for a grid on a logarithmic scale."
        )
    z, _ = _validated_logits(y_true, logits, labels)
    binary = z.ndim == 1
    if binary:  # log-odds: the probability of the positive class, as 1D proba
        z = np.column_stack([np.zeros_like(z), z])
    sweep: dict[str, list[float]] = {name: [] for name in names}
    for temperature in t:
        p = softmax(z, temperature=float(temperature))
        p = p[:, 1] if binary else p
        for name in names:
            sweep[name].append(_score(name, y_true, p, labels))
    return {name: np.array(values) for name, values in sweep.items()}
