r"""Read a training history: name the regime it shows and the epoch where it begins.

:func:`diagnose` applies a short list of explicit rules, with their thresholds as keyword
arguments, to the four curves of a :class:`History`. It is a
reading aid for chapter 5 ("Chapter 5: learning curves"), not an oracle: it says which
measured quantity crossed which threshold, so a reader can check the verdict against the
figure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.ndimage import median_filter, uniform_filter1d

from ._validation import check_scalar
from .history import History

__all__ = ["REGIMES", "Diagnosis", "diagnose"]

#: The regimes :func:`diagnose` can return, in the order its rules are checked.
REGIMES: tuple[str, ...] = (
    "diverging",
    "not learning",
    "overconfident",
    "overfitting",
    "underfitting",
    "good fit",
)

#: The fewest epochs :func:`diagnose` reads (more when ``patience`` asks for more).
MIN_EPOCHS: int = 5


@dataclass(frozen=True)
class Diagnosis:
    """The regime a training history shows, why, and the quantities measured to decide.

    Returned by :func:`diagnose`, which documents every quantity and rule. Losses are
    read after smoothing (see :func:`diagnose`); "initial" means the smoothed value at
    epoch 1.

    Attributes
    ----------
    regime : str
        One of :data:`REGIMES`.
    start_epoch : int or None
        The 1-based epoch where the regime begins: for "diverging" (training loss) and
        "overfitting" or "overconfident" (validation loss), the last epoch at which the
        smoothed loss is still on its floor, within the noise level of its minimum (twice
        the median absolute deviation of the raw curve from the smoothed one); after it
        the loss rises for good. 1 for "not learning" (the whole run); None for
        "underfitting" and "good fit", which describe the end of the run.
    reason : str
        One sentence naming the rule that fired and the quantities it compared.
    relative_drop : float
        Fall of the training loss over the run, as a share of its initial value.
    oscillation : float
        Median absolute epoch-to-epoch change of the raw training loss divided by the
        fall of the smoothed training loss over the run (inf when it did not fall).
    sign_change_rate : float
        Share of consecutive epoch-to-epoch changes of the training loss that reverse
        direction, in [0, 1].
    explosion : float
        The smaller of the last two raw training losses divided by the first one.
    train_rise : float
        Rise of the training loss above its minimum that holds over the last
        ``patience`` epochs, as a share of its initial value.
    val_rise : float
        The same for the validation loss.
    val_turn_epoch : int
        The epoch of the smoothed validation-loss minimum (an early-stopping point).
    val_accuracy_change : float
        Mean smoothed validation accuracy over the last ``patience`` epochs minus the
        smoothed validation accuracy at ``val_turn_epoch``.
    train_loss_change_after_turn : float
        Smoothed training loss at the end minus at ``val_turn_epoch`` (negative: it
        kept falling).
    late_slope_ratio : float
        Rate of fall of the training loss over its last ``max(patience, n_epochs // 3)``
        epochs (least-squares slope of the raw values) divided by its average rate over
        the run (1 for a straight line, near 0 once converged, negative when rising).
    final_loss_ratio : float
        Smoothed training loss at the end divided by its initial value.
    gap : float
        Smoothed validation loss minus smoothed training loss at the end, in nats.
    final_train_accuracy : float
        Smoothed training accuracy at the end.
    """

    regime: str
    start_epoch: int | None
    reason: str
    relative_drop: float
    oscillation: float
    sign_change_rate: float
    explosion: float
    train_rise: float
    val_rise: float
    val_turn_epoch: int
    val_accuracy_change: float
    train_loss_change_after_turn: float
    late_slope_ratio: float
    final_loss_ratio: float
    gap: float
    final_train_accuracy: float

    def to_dict(self) -> dict[str, str | int | float | None]:
        """Return every field in a new dict, for example to glue numbers in a chapter."""
        return asdict(self)


def _smooth(values: NDArray, window: int) -> NDArray:
    """Smooth by a moving median (removes isolated spikes), then a moving mean (noise).

    Both are centred windows of ``window`` epochs; at the ends the first and last
    values are repeated to fill the window.
    """
    if window == 1:
        return values.astype(np.float64)
    median = median_filter(values, size=window, mode="nearest")
    return uniform_filter1d(median.astype(np.float64), size=window, mode="nearest")


def _held_rise(smoothed: NDArray, patience: int) -> float:
    """Rise above the minimum that every one of the last ``patience`` values keeps."""
    return float(np.min(smoothed[-patience:]) - np.min(smoothed))


def _leaves_floor(smoothed: NDArray, tolerance: float) -> int:
    """Return the last epoch (1-based) where ``smoothed`` is within ``tolerance`` of its min."""
    return int(np.flatnonzero(smoothed <= np.min(smoothed) + tolerance)[-1]) + 1


def _late_slope(values: NDArray, k: int) -> float:
    """Rate of fall per epoch over the last ``k`` epochs: minus a least-squares slope."""
    return -float(np.polyfit(np.arange(k, dtype=np.float64), values[-k:], 1)[0])


def _sign_change_rate(values: NDArray) -> float:
    signs = np.sign(np.diff(values))
    signs = signs[signs != 0]
    if len(signs) < 2:
        return 0.0
    return float(np.mean(signs[1:] != signs[:-1]))


def _resolve_history(
    history: History | None,
    arrays: dict[str, ArrayLike | None],
) -> History:
    given = [name for name, values in arrays.items() if values is not None]
    if history is not None:
        if not isinstance(history, History):
            raise TypeError(
                f"history must be a History, got {type(history).__name__}. For plain "
                "arrays pass train_loss=..., val_loss=..., train_accuracy=..., "
                "val_accuracy=... instead."
            )
        if given:
            raise ValueError(
                f"Pass either history or the four arrays, not both; got history and {given}."
            )
        return history
    missing = [name for name, values in arrays.items() if values is None]
    if missing:
        raise ValueError(
            f"Without history, all four curves are required; missing {missing}. "
            "Pass a History, or train_loss, val_loss, train_accuracy and val_accuracy."
        )
    return History.from_arrays(**arrays)  # type: ignore[arg-type]


def diagnose(
    history: History | None = None,
    *,
    train_loss: ArrayLike | None = None,
    val_loss: ArrayLike | None = None,
    train_accuracy: ArrayLike | None = None,
    val_accuracy: ArrayLike | None = None,
    smooth_window: int = 3,
    patience: int = 5,
    diverge_factor: float = 3.0,
    diverge_rise: float = 0.1,
    min_drop: float = 0.05,
    oscillation_threshold: float = 0.25,
    sign_change_threshold: float = 0.5,
    rise_threshold: float = 0.05,
    accuracy_tolerance: float = 0.01,
    slope_ratio_threshold: float = 0.2,
    high_loss_fraction: float | None = 0.5,
    baseline_accuracy: float | None = None,
    baseline_loss: float | None = None,
) -> Diagnosis:
    r"""Name the regime of a training history with explicit, documented rules.

    Each loss and accuracy curve :math:`x_1, \dots, x_n` is first smoothed by a centred
    moving median of ``smooth_window`` epochs (which removes isolated spikes) followed by
    a moving mean of the same width (which averages noise), written :math:`\tilde x_t`.
    A *held rise* of a smoothed loss is how far all of its last ``patience`` values stay
    above its minimum, relative to its initial value:

    .. math::

        \mathrm{rise} = \frac{\min_{t > n - p} \tilde x_t - \min_t \tilde x_t}{\tilde x_1},
        \qquad p = \texttt{patience},

    which is zero when the minimum lies in the last :math:`p` epochs, so a single bump
    never counts as a rise. A rise *starts* at the last epoch at which :math:`\tilde x_t`
    is within the noise level :math:`2\operatorname{median}_t |x_t - \tilde x_t|` of its
    minimum: after that epoch the loss leaves its floor for good. Taught in chapter 5
    ("Chapter 5: learning curves").

    The rules are checked in this order; the first that fires gives the regime
    (:data:`REGIMES` lists them in the same order):

    1. **diverging**: the last two raw training losses both exceed ``diverge_factor``
       times the first one (``explosion``), or the training loss has a held rise above
       ``diverge_rise`` (``train_rise``). Starts where the training loss's rise starts.
    2. **not learning**: the training loss fell by less than ``min_drop`` of its initial
       value (``relative_drop``), or it oscillates: at least ``sign_change_threshold``
       of its successive changes reverse direction (``sign_change_rate``) *and* its
       median epoch-to-epoch change is at least ``oscillation_threshold`` times its fall
       over the run (``oscillation``). Or, when ``baseline_loss`` is given (the loss of
       a guess that ignores the input, such as :math:`\ln K` for :math:`K` balanced
       classes), the final training loss is not below it: a loss that blew up in the
       first epoch and then settled at the guess has "fallen" without learning anything.
       Starts at epoch 1.
    3. **overconfident**: the validation loss has a held rise above ``rise_threshold``
       (``val_rise``), while the mean validation accuracy of the last ``patience`` epochs
       is at least its value at the validation-loss minimum minus ``accuracy_tolerance``
       (``val_accuracy_change``): the predictions keep their accuracy but grow too
       confident, which Guo et al. (2017) observed in modern networks. Starts
       where the validation loss's rise starts.
    4. **overfitting**: the same held rise of the validation loss, with validation
       accuracy falling by more than ``accuracy_tolerance``. Starts where the validation
       loss's rise starts. (The training loss usually keeps falling meanwhile; its change
       is reported as ``train_loss_change_after_turn``. A training loss that rises
       markedly was already caught by rule 1.)
    5. **underfitting**: the model has not converged or has learnt too little: the
       training loss still falls, over its last ``max(patience, n_epochs // 3)`` epochs,
       at more than ``slope_ratio_threshold`` times its average rate over the run
       (``late_slope_ratio``; train longer), or it ends above ``high_loss_fraction`` of
       its initial value (``final_loss_ratio``), or the final training accuracy is below
       ``baseline_accuracy`` when one is given.
    6. **good fit**: none of the above: the training loss has levelled off well below its
       initial value and the validation loss has not turned upward.

    The thresholds are unit-free (shares of initial values or of rates), so they apply
    to any cross-entropy scale; they were set so that constructed curves with noise of
    a few hundredths of a nat are read correctly (see the tests). Noisier curves need a
    wider ``smooth_window`` or larger thresholds.

    Parameters
    ----------
    history : History, optional
        The curves. Give either ``history`` or all four arrays.
    train_loss, val_loss : array-like of shape (n_epochs,), optional
        Cross-entropy per epoch (nats), finite and non-negative.
    train_accuracy, val_accuracy : array-like of shape (n_epochs,), optional
        Accuracy per epoch, in [0, 1].
    smooth_window : int, default=3
        Width in epochs of the moving median and of the moving mean; odd; 1 turns
        smoothing off.
    patience : int, default=5
        Number of final epochs over which a rise must hold (at least 2). The history
        needs at least ``max(5, patience + 2)`` epochs.
    diverge_factor : float, default=3.0
        Explosion threshold, > 1, on the ratio of the last training losses to the first.
    diverge_rise : float, default=0.1
        Held rise of the training loss (share of its initial value) that means diverging.
    min_drop : float, default=0.05
        Least fall of the training loss (share of its initial value) that counts as
        learning, in [0, 1).
    oscillation_threshold : float, default=0.25
        Least ``oscillation`` that, with enough direction changes, means not learning.
    sign_change_threshold : float, default=0.5
        Least share of direction changes, in [0, 1], for an oscillation.
    rise_threshold : float, default=0.05
        Held rise of the validation loss (share of its initial value) that counts.
    accuracy_tolerance : float, default=0.01
        Fall of validation accuracy still taken as "holding", for rule 3 against rule 4.
    slope_ratio_threshold : float, default=0.2
        ``late_slope_ratio`` above which the training loss is still falling steeply.
    high_loss_fraction : float or None, default=0.5
        ``final_loss_ratio`` above which too little was learnt, in (0, 1]; None turns
        this test off (on problems whose best achievable loss is high).
    baseline_accuracy : float or None, default=None
        Training accuracy the model should reach (a simple reference model's, or a known
        achievable level), in [0, 1].
    baseline_loss : float or None, default=None
        Loss of a guess that ignores the input (``ln K`` for K balanced classes, the
        entropy of the class frequencies otherwise), > 0; a final training loss at or
        above it means not learning.

    Returns
    -------
    Diagnosis
        The regime, its start epoch, a one-sentence reason and the measured quantities.

    Raises
    ------
    TypeError
        If ``history`` is not a History, or a threshold has the wrong type.
    ValueError
        If both or neither of ``history`` and the arrays are given, an array is missing,
        the curves fail :meth:`History.from_arrays`'s checks, there are too few epochs,
        ``smooth_window`` is even, or a threshold is out of range.

    References
    ----------
    C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger (2017), "On Calibration of Modern
    Neural Networks", *ICML*, PMLR 70, 1321-1330.

    Examples
    --------
    >>> import numpy as np
    >>> t = np.arange(1, 31)
    >>> d = diagnose(
    ...     train_loss=0.05 + 0.65 * np.exp(-t / 6),
    ...     val_loss=0.30 + 0.40 * np.exp(-t / 4) + 0.01 * np.maximum(t - 12, 0),
    ...     train_accuracy=0.99 - 0.49 * np.exp(-t / 6),
    ...     val_accuracy=0.85 - 0.35 * np.exp(-t / 4) - 0.004 * np.maximum(t - 12, 0),
    ... )
    >>> d.regime, d.start_epoch
    ('overfitting', 12)
    """
    h = _resolve_history(
        history,
        {
            "train_loss": train_loss,
            "val_loss": val_loss,
            "train_accuracy": train_accuracy,
            "val_accuracy": val_accuracy,
        },
    )
    window = int(check_scalar(smooth_window, "smooth_window", low=1, integer=True))
    if window % 2 == 0:
        raise ValueError(f"smooth_window must be odd (a centred window), got {window}.")
    p = int(check_scalar(patience, "patience", low=2, integer=True))
    check_scalar(diverge_factor, "diverge_factor", low=1, include_low=False)
    check_scalar(diverge_rise, "diverge_rise", low=0, include_low=False)
    check_scalar(min_drop, "min_drop", low=0, high=1, include_high=False)
    check_scalar(oscillation_threshold, "oscillation_threshold", low=0, include_low=False)
    check_scalar(sign_change_threshold, "sign_change_threshold", low=0, high=1)
    check_scalar(rise_threshold, "rise_threshold", low=0, include_low=False)
    check_scalar(accuracy_tolerance, "accuracy_tolerance", low=0, high=1)
    check_scalar(slope_ratio_threshold, "slope_ratio_threshold", low=0, include_low=False)
    if high_loss_fraction is not None:
        check_scalar(high_loss_fraction, "high_loss_fraction", low=0, high=1, include_low=False)
    if baseline_accuracy is not None:
        check_scalar(baseline_accuracy, "baseline_accuracy", low=0, high=1)
    if baseline_loss is not None:
        check_scalar(baseline_loss, "baseline_loss", low=0, include_low=False)
    n = len(h)
    needed = max(MIN_EPOCHS, p + 2)
    if n < needed:
        raise ValueError(
            f"The history has {n} epochs; diagnose needs at least {needed} "
            f"(max({MIN_EPOCHS}, patience + 2) with patience={p})."
        )

    tl = _smooth(h.train_loss, window)
    vl = _smooth(h.val_loss, window)
    ta = _smooth(h.train_accuracy, window)
    va = _smooth(h.val_accuracy, window)
    t0 = max(float(tl[0]), np.finfo(np.float64).tiny)
    v0 = max(float(vl[0]), np.finfo(np.float64).tiny)

    fall = float(tl[0] - tl[-1])
    relative_drop = fall / t0
    swing = float(np.median(np.abs(np.diff(h.train_loss))))
    oscillation = swing / fall if fall > 0 else float("inf")
    sign_change_rate = _sign_change_rate(h.train_loss)
    first = max(float(h.train_loss[0]), np.finfo(np.float64).tiny)
    explosion = float(np.min(h.train_loss[-2:])) / first
    train_rise = _held_rise(tl, p) / t0
    val_rise = _held_rise(vl, p) / v0
    val_turn = int(np.argmin(vl))
    val_accuracy_change = float(np.mean(va[-p:]) - va[val_turn])
    train_change_after_turn = float(tl[-1] - tl[val_turn])
    average_rate = fall / (n - 1)
    late_rate = _late_slope(h.train_loss, max(p, n // 3))
    late_slope_ratio = late_rate / average_rate if average_rate > 0 else float("inf")
    final_loss_ratio = float(tl[-1]) / t0
    gap = float(vl[-1] - tl[-1])
    final_train_accuracy = float(np.clip(ta[-1], 0.0, 1.0))  # smoothing can overshoot by 1 ulp

    def verdict(regime: str, start: int | None, reason: str) -> Diagnosis:
        return Diagnosis(
            regime=regime,
            start_epoch=start,
            reason=reason,
            relative_drop=relative_drop,
            oscillation=oscillation,
            sign_change_rate=sign_change_rate,
            explosion=explosion,
            train_rise=train_rise,
            val_rise=val_rise,
            val_turn_epoch=val_turn + 1,
            val_accuracy_change=val_accuracy_change,
            train_loss_change_after_turn=train_change_after_turn,
            late_slope_ratio=late_slope_ratio,
            final_loss_ratio=final_loss_ratio,
            gap=gap,
            final_train_accuracy=final_train_accuracy,
        )

    train_turn = _leaves_floor(tl, 2 * float(np.median(np.abs(h.train_loss - tl))))
    # 1. diverging
    if explosion > diverge_factor:
        return verdict(
            "diverging",
            train_turn,
            f"the last two training losses are {explosion:.3g} times the first one "
            f"(threshold {diverge_factor:g}); the loss left its floor after epoch {train_turn}.",
        )
    if train_rise > diverge_rise:
        return verdict(
            "diverging",
            train_turn,
            f"the training loss left its floor after epoch {train_turn} and stayed "
            f"{train_rise:.1%} of its initial value above its minimum over the last {p} "
            f"epochs (threshold {diverge_rise:.1%}).",
        )
    # 2. not learning
    if relative_drop < min_drop:
        return verdict(
            "not learning",
            1,
            (
                f"the training loss fell by only {relative_drop:.1%} of its initial value "
                if relative_drop >= 0
                else f"the training loss rose by {-relative_drop:.1%} of its initial value "
            )
            + f"(a fall of at least {min_drop:.1%} is expected).",
        )
    if sign_change_rate >= sign_change_threshold and oscillation >= oscillation_threshold:
        return verdict(
            "not learning",
            1,
            f"the training loss oscillates: {sign_change_rate:.0%} of its changes reverse "
            f"direction (threshold {sign_change_threshold:.0%}) with a median swing of "
            f"{oscillation:.2f} times its fall over the run (threshold "
            f"{oscillation_threshold:g}).",
        )
    if baseline_loss is not None and float(tl[-1]) >= baseline_loss:
        return verdict(
            "not learning",
            1,
            f"the final training loss, {float(tl[-1]):.3f} nats, is not below the "
            f"{baseline_loss:.3f} nats of a guess that ignores the input.",
        )
    # 3 and 4. validation loss turns upward
    if val_rise > rise_threshold:
        val_start = _leaves_floor(vl, 2 * float(np.median(np.abs(h.val_loss - vl))))
        rise_text = (
            f"the validation loss, lowest at epoch {val_turn + 1}, left its floor after "
            f"epoch {val_start} and stayed {val_rise:.1%} of its initial value above its "
            f"minimum over the last {p} epochs (threshold {rise_threshold:.1%}), while the "
            f"training loss changed by {train_change_after_turn:+.3f} nats"
        )
        if val_accuracy_change >= -accuracy_tolerance:
            return verdict(
                "overconfident",
                val_start,
                f"{rise_text} and validation accuracy held ({val_accuracy_change:+.3f}, "
                f"tolerance {accuracy_tolerance:g}): the predictions grow overconfident.",
            )
        return verdict(
            "overfitting",
            val_start,
            f"{rise_text} and validation accuracy fell by {-val_accuracy_change:.3f} "
            f"(tolerance {accuracy_tolerance:g}).",
        )
    # 5. underfitting
    if late_slope_ratio > slope_ratio_threshold:
        return verdict(
            "underfitting",
            None,
            f"the training loss is still falling: over the last {max(p, n // 3)} epochs at "
            f"{late_slope_ratio:.2f} times its average rate (threshold "
            f"{slope_ratio_threshold:g}); train longer or faster.",
        )
    if high_loss_fraction is not None and final_loss_ratio > high_loss_fraction:
        return verdict(
            "underfitting",
            None,
            f"the training loss levelled off at {final_loss_ratio:.0%} of its initial value "
            f"(threshold {high_loss_fraction:.0%}): the model learnt too little.",
        )
    if baseline_accuracy is not None and final_train_accuracy < baseline_accuracy:
        return verdict(
            "underfitting",
            None,
            f"the final training accuracy {final_train_accuracy:.3f} is below the baseline "
            f"{baseline_accuracy:.3f}.",
        )
    # 6. good fit
    return verdict(
        "good fit",
        None,
        f"the training loss levelled off (late slope {late_slope_ratio:.2f} of its average "
        f"rate, ending at {final_loss_ratio:.0%} of its initial value) and the validation "
        f"loss did not turn upward (held rise {val_rise:.1%}); gap {gap:.3f} nats.",
    )
