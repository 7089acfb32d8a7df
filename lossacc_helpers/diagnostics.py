r"""Read a training history: name the regime it shows, why, and where it begins.

:func:`diagnose` applies a short list of explicit rules to the curves of a
:class:`~lossacc_helpers.History`, such as one read from a Keras, Lightning, Hugging Face or
ultralytics log by ``lossacc_helpers.load_log``. Every threshold is a keyword
argument and is compared with the curve's own noise level, so a verdict says which
measured quantity crossed which threshold and can be checked against the figure. It is a
reading aid for chapter 5 ("Chapter 5: learning curves"), not an oracle.

Only numpy is used (no scipy, no matplotlib), so ``python -m lossacc_helpers diagnose``
starts fast.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import ArrayLike, NDArray

from ._validation import check_scalar
from .history import History

__all__ = ["REGIMES", "Diagnosis", "diagnose", "diagnosis_table", "noise_level"]

#: The regimes :func:`diagnose` can return.
REGIMES: tuple[str, ...] = (
    "diverging",
    "not learning",
    "overfitting",
    "overconfident",
    "underfitting",
    "still improving",
    "good fit",
    "inconclusive",
)

#: The fewest epochs :func:`diagnose` reads; shorter runs are "inconclusive".
MIN_EPOCHS: int = 4

#: Runs shorter than this are never called converged ("good fit", "underfitting"): a
#: still-falling one is "still improving", any other "inconclusive".
SHORT_RUN: int = 10

#: Factor that turns a median absolute deviation into a Gaussian standard deviation.
_MAD_TO_SD = 1.4826

#: Noise levels within which two values count as the same (gap note, accuracy holding,
#: the "too noisy" gate): 3 standard deviations, 0.3 % of Gaussian noise beyond.
_NOISE_BAND = 3.0


def _rise_threshold(noise: float, n: int, k: int, factor: float) -> float:
    """Rise of a median of ``k`` end values above the minimum of ``n`` that noise explains.

    The minimum of ``n`` independent Gaussian values lies about ``sqrt(2 ln n)`` standard
    deviations below their mean; the median of ``k`` values has a standard error of about
    ``1.25 / sqrt(k)`` of one. The threshold adds ``factor`` such standard errors.
    """
    return noise * (math.sqrt(2 * math.log(max(n, 2))) + factor * 1.25 / math.sqrt(k))


@dataclass(frozen=True)
class Diagnosis:
    """The regime a training history shows, why, and the quantities measured to decide.

    Returned by :func:`diagnose`, which documents every rule. Epochs are in the
    history's :attr:`~lossacc_helpers.History.epochs` numbering (1-based unless the log
    gave its own, e.g. 0-based for Keras and Lightning). Losses are in the log's units
    (nats for a cross-entropy).

    Attributes
    ----------
    regime : str
        One of :data:`REGIMES`.
    start_epoch : int, float or None
        Where the regime begins: the best epoch for "overfitting" and "overconfident"
        (the validation loss rises after it); the last epoch on the floor of the smoothed
        training loss for
        "diverging" (the last epoch on the floor of the smoothed training loss, or the
        last finite one when a loss became NaN or inf); the first
        epoch for "not learning"; None otherwise.
    best_epoch : int, float or None
        The epoch of the lowest *raw* validation loss (first on ties, NaN skipped), the
        epoch whose weights early stopping keeps. Same as ``History.best_epoch``.
    reason : str
        One sentence naming the rule that fired and the quantities it compared.
    notes : tuple of str
        What else a reader should know: what missing accuracy curves would have told,
        a validation loss below the training loss, the loader's remarks (restarts).
    n_epochs : int
        Number of entries read.
    patience : int
        Epochs without a new validation minimum before a rise counts.
    val_noise, train_noise : float
        Noise level (standard deviation per epoch) of each raw loss curve, from
        ``noise_level``.
    val_min : float
        The lowest raw validation loss.
    val_rise : float
        Median of the last ``patience`` raw validation losses minus ``val_min``.
    val_rise_relative : float
        ``val_rise`` as a share of ``val_min``.
    rise_threshold : float
        The rise that counts: ``max(val_noise * (sqrt(2 ln n) + 1.25 noise_factor /
        sqrt(k)), min_rise * val_min)``, ``k`` the number of entries in the end level.
    epochs_since_best : int
        Entries after the best one.
    val_late_fall : float
        Fall of the validation loss over the last ``max(patience, n_epochs // 3)``
        entries, from a least-squares line (negative when it rises).
    train_rise : float
        Median of the last ``patience`` raw training losses minus their minimum.
    relative_drop : float
        Fall of the training loss from its second entry to its end (the curve from the
        second entry on, smoothed), as a share of its smoothed second entry (the first
        entry is skipped: many runs drop most in epoch 1).
    final_loss_ratio : float
        Smoothed training loss at the end divided by its first value.
    explosion : float
        The smaller of the last two raw training losses divided by the first one.
    oscillation : float
        Median absolute epoch-to-epoch change of the raw training loss divided by the
        fall of the smoothed training loss over the run (inf when it did not fall).
    sign_change_rate : float
        Share of consecutive changes of the training loss that reverse direction.
    gap : float
        Smoothed validation minus smoothed training loss at the end.
    gap_at_best : float
        The same at the best epoch.
    train_loss_change_after_best : float
        Smoothed training loss at the end minus at the best epoch.
    val_accuracy_change : float or None
        Median validation accuracy of the last ``patience`` entries minus the validation
        accuracy at the best epoch; None without validation accuracy.
    final_train_accuracy : float or None
        Smoothed training accuracy at the end; None when not logged.
    baseline_loss : float or None
        The loss of a guess that ignores the input (``ln K``) used, if any.
    """

    regime: str
    start_epoch: int | float | None
    best_epoch: int | float | None
    reason: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    n_epochs: int = 0
    patience: int = 0
    val_noise: float = math.nan
    train_noise: float = math.nan
    val_min: float = math.nan
    val_rise: float = math.nan
    val_rise_relative: float = math.nan
    rise_threshold: float = math.nan
    epochs_since_best: int = 0
    val_late_fall: float = math.nan
    train_rise: float = math.nan
    relative_drop: float = math.nan
    final_loss_ratio: float = math.nan
    explosion: float = math.nan
    oscillation: float = math.nan
    sign_change_rate: float = math.nan
    gap: float = math.nan
    gap_at_best: float = math.nan
    train_loss_change_after_best: float = math.nan
    val_accuracy_change: float | None = None
    final_train_accuracy: float | None = None
    baseline_loss: float | None = None

    def to_dict(self) -> dict[str, object]:
        """Return every field in a new dict (``notes`` as a list), e.g. for ``json.dumps``."""
        as_dict = asdict(self)
        as_dict["notes"] = list(self.notes)
        return as_dict


def diagnosis_table(
    histories: Mapping[str, History], diagnoses: Mapping[str, Diagnosis] | None = None
) -> str:
    """One line per run: its regime, its lowest validation loss (and epoch), its last one.

    The text table of a comparison of training recipes (chapter 5's remedies), in the
    order of ``histories``; columns are padded to the longest name and regime.

    Parameters
    ----------
    histories : dict of str to History
        The runs, by name.
    diagnoses : dict of str to Diagnosis, optional
        Their diagnoses, by the same names; by default ``diagnose(history)`` of each.

    Returns
    -------
    str
        The lines, joined by newlines, ready to ``print``.

    Raises
    ------
    TypeError
        If ``histories`` is not a non-empty mapping of History objects, or a diagnosis
        is not a Diagnosis.
    ValueError
        If ``diagnoses`` does not name the same runs as ``histories``.

    Examples
    --------
    >>> h = History.from_arrays([0.7, 0.5, 0.4, 0.3], [0.8, 0.6, 0.5, 0.55])
    >>> print(diagnosis_table({"run": h}))
    run  inconclusive  lowest validation loss 0.500 (epoch 3), last 0.550
    """
    if not isinstance(histories, Mapping) or not histories:
        raise TypeError(
            "histories must be a non-empty mapping from a name to a History, got "
            f"{type(histories).__name__}; for example {{'L2 penalty': history}}."
        )
    for name, h in histories.items():
        if not isinstance(h, History):
            raise TypeError(f"histories[{name!r}] must be a History, got {type(h).__name__}.")
    if diagnoses is None:
        diagnoses = {name: diagnose(h) for name, h in histories.items()}
    elif not isinstance(diagnoses, Mapping) or set(diagnoses) != set(histories):
        found = sorted(diagnoses) if isinstance(diagnoses, Mapping) else type(diagnoses).__name__
        raise ValueError(
            f"diagnoses must name the same runs as histories, {sorted(histories)}; got {found}."
        )
    for name, d in diagnoses.items():
        if not isinstance(d, Diagnosis):
            raise TypeError(f"diagnoses[{name!r}] must be a Diagnosis, got {type(d).__name__}.")
    name_width = max(len(name) for name in histories) + 1
    regime_width = max(len(d.regime) for d in diagnoses.values()) + 1
    lines = []
    for name, h in histories.items():
        regime = diagnoses[name].regime
        lines.append(
            f"{name:<{name_width}} {regime:<{regime_width}} lowest validation loss "
            f"{np.min(h.val_loss):.3f} (epoch {h.best_epoch}), last {h.val_loss[-1]:.3f}"
        )
    return "\n".join(lines)


def noise_level(values: ArrayLike) -> float:
    r"""Estimate the epoch-to-epoch noise (a standard deviation) of a curve.

    Each interior value is compared with the mean of its two neighbours,
    :math:`r_t = x_t - (x_{t-1} + x_{t+1})/2`, which removes any locally linear trend; for
    independent noise of standard deviation :math:`\sigma`, :math:`r_t` has standard
    deviation :math:`\sigma\sqrt{3/2}`. Two estimates of that standard deviation are
    taken, the median absolute :math:`r_t` times 1.4826 (robust to spikes and to the sharp
    bend of a loss in its first epochs) and the mean absolute :math:`r_t` times
    :math:`\sqrt{\pi/2}` (less variable on short curves), and the larger is divided by
    :math:`\sqrt{3/2}`: erring high keeps a short curve whose noise happens to look small
    from turning on noise. It assumes noise independent from epoch to epoch and a curve
    smooth over three epochs. Non-finite values are skipped. Fewer than 3 finite values
    give 0.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> curve = np.exp(-np.arange(200) / 30) + rng.normal(0, 0.02, 200)
    >>> round(noise_level(curve), 2)
    0.02
    """
    residual = _residuals(values)
    if len(residual) == 0:
        return 0.0
    robust = _MAD_TO_SD * np.median(residual)
    efficient = math.sqrt(math.pi / 2) * np.mean(residual)
    return float(max(robust, efficient) / math.sqrt(1.5))


def _residuals(values: ArrayLike) -> NDArray:
    """Absolute differences of each finite interior value from its neighbours' mean."""
    x = np.asarray(values, dtype=np.float64)
    x = x[np.isfinite(x)]
    return np.abs(x[1:-1] - 0.5 * (x[:-2] + x[2:]))


def _robust_noise(values: ArrayLike) -> float:
    """Return the median-based half of ``noise_level`` alone (blind to a bend)."""
    residual = _residuals(values)
    return float(_MAD_TO_SD * np.median(residual) / math.sqrt(1.5)) if len(residual) else 0.0


def _smooth(values: NDArray, window: int) -> NDArray:
    """Centred moving median (removes isolated spikes), then moving mean (noise).

    Both use ``window`` epochs (shrunk to the curve's length, kept odd); the ends are
    padded by repeating the first and last values.
    """
    window = min(window, len(values) - (len(values) + 1) % 2)
    if window <= 1:
        return values.astype(np.float64)
    half = window // 2
    padded = np.pad(values, half, mode="edge")
    median = np.median(sliding_window_view(padded, window), axis=1)
    padded = np.pad(median, half, mode="edge")
    return np.convolve(padded, np.full(window, 1.0 / window), mode="valid")


def _late_fall(values: NDArray, k: int) -> float:
    """Fall over the last ``k`` values of a least-squares line through them."""
    slope = np.polyfit(np.arange(k, dtype=np.float64), values[-k:], 1)[0]
    return -float(slope) * (k - 1)


def _sign_change_rate(values: NDArray) -> float:
    signs = np.sign(np.diff(values))
    signs = signs[signs != 0]
    if len(signs) < 2:
        return 0.0
    return float(np.mean(signs[1:] != signs[:-1]))


def _resolve_history(history: History | None, arrays: dict[str, ArrayLike | None]) -> History:
    given = [name for name, values in arrays.items() if values is not None]
    if history is not None:
        if not isinstance(history, History):
            raise TypeError(
                f"history must be a History, got {type(history).__name__}. For plain "
                "arrays pass train_loss=..., val_loss=... (and optionally "
                "train_accuracy=..., val_accuracy=...) instead; to read a log file use "
                "lossacc_helpers.logs.load_log(path)."
            )
        if given:
            raise ValueError(
                f"Pass either history or the arrays, not both; got history and {given}."
            )
        return history
    missing = [name for name in ("train_loss", "val_loss") if arrays[name] is None]
    if missing:
        raise ValueError(
            f"Without history, train_loss and val_loss are required; missing {missing}. "
            "Pass a History, or train_loss and val_loss (accuracies are optional)."
        )
    return History.from_arrays(**arrays)  # type: ignore[arg-type]


def _check_options(options: dict[str, object]) -> None:
    check_scalar(options["smooth_window"], "smooth_window", low=1, integer=True)
    if options["smooth_window"] % 2 == 0:  # type: ignore[operator]
        raise ValueError(
            f"smooth_window must be odd (a centred window), got {options['smooth_window']}."
        )
    if options["patience"] is not None:
        check_scalar(options["patience"], "patience", low=1, integer=True)
    check_scalar(options["noise_factor"], "noise_factor", low=0, include_low=False)
    check_scalar(options["min_rise"], "min_rise", low=0, high=1)
    check_scalar(options["diverge_factor"], "diverge_factor", low=1, include_low=False)
    check_scalar(options["diverge_rise"], "diverge_rise", low=0, include_low=False)
    check_scalar(options["min_drop"], "min_drop", low=0, high=1, include_high=False)
    check_scalar(
        options["oscillation_threshold"], "oscillation_threshold", low=0, include_low=False
    )
    check_scalar(options["sign_change_threshold"], "sign_change_threshold", low=0, high=1)
    check_scalar(options["accuracy_tolerance"], "accuracy_tolerance", low=0, high=1)
    check_scalar(options["shared_rise"], "shared_rise", low=0, high=1)
    check_scalar(options["min_late_fall"], "min_late_fall", low=0, high=1)
    check_scalar(
        options["high_loss_fraction"], "high_loss_fraction", low=0, high=1, include_low=False
    )
    check_scalar(
        options["baseline_tolerance"], "baseline_tolerance", low=0, high=1, include_high=False
    )
    if options["baseline_accuracy"] is not None:
        check_scalar(options["baseline_accuracy"], "baseline_accuracy", low=0, high=1)
    if options["baseline_loss"] is not None:
        check_scalar(options["baseline_loss"], "baseline_loss", low=0, include_low=False)
    if options["n_classes"] is not None:
        check_scalar(options["n_classes"], "n_classes", low=2, integer=True)


def _baseline(h: History, baseline_loss: float | None, n_classes: int | None) -> float | None:
    if baseline_loss is not None and n_classes is not None:
        raise ValueError(
            f"Pass baseline_loss or n_classes, not both; got baseline_loss={baseline_loss} "
            f"and n_classes={n_classes} (n_classes means baseline_loss = ln n_classes)."
        )
    if baseline_loss is not None:
        return float(baseline_loss)
    k = n_classes if n_classes is not None else h.n_classes
    return math.log(k) if k is not None else None


def _median_tail(values: NDArray, k: int) -> float:
    return float(np.median(values[-k:]))


def diagnose(
    history: History | None = None,
    *,
    train_loss: ArrayLike | None = None,
    val_loss: ArrayLike | None = None,
    train_accuracy: ArrayLike | None = None,
    val_accuracy: ArrayLike | None = None,
    smooth_window: int = 3,
    patience: int | None = None,
    noise_factor: float = 2.0,
    min_rise: float = 0.02,
    diverge_factor: float = 3.0,
    diverge_rise: float = 0.1,
    min_drop: float = 0.05,
    oscillation_threshold: float = 0.25,
    sign_change_threshold: float = 0.5,
    accuracy_tolerance: float = 0.01,
    shared_rise: float = 0.5,
    min_late_fall: float = 0.05,
    high_loss_fraction: float = 0.5,
    baseline_tolerance: float = 0.05,
    baseline_accuracy: float | None = None,
    baseline_loss: float | None = None,
    n_classes: int | None = None,
    notes: tuple[str, ...] = (),
) -> Diagnosis:
    r"""Name the regime of a training history with explicit, documented rules.

    **Quantities.** For a raw loss curve :math:`x_1, \dots, x_n` the *noise level*
    :math:`\sigma` is ``noise_level`` (a robust per-epoch standard deviation). The
    *best epoch* :math:`b` is the raw argmin of the validation loss (what early stopping
    keeps). With :math:`p` = ``patience`` (default :math:`\min(5, \max(2, n // 3))`, so
    short runs need fewer epochs), the *rise* is measured from the raw minimum, like
    Keras' ``EarlyStopping`` measures from the best value:

    .. math::

        \mathrm{rise} = \operatorname{median}(x_{n-p+1}, \dots, x_n) - x_b ,

    a median so that one or two spikes do not count (when the minimum is among the last
    :math:`p` entries, only the :math:`k` entries after it are used). It *counts* when
    it exceeds

    .. math::

        \max\Big(\sigma\big(\sqrt{2\ln n} + 1.25\,\texttt{noise\_factor}/\sqrt{k}\big),
        \ \texttt{min\_rise}\cdot x_b\Big).

    This assumes independent Gaussian noise: the minimum of :math:`n` such values lies
    about :math:`\sigma\sqrt{2\ln n}` below their typical level (2.7 :math:`\sigma` for
    40 epochs, 3.3 for 200), so a flat noisy curve "rises" that much from its minimum by
    chance; the median of :math:`k` end values adds a standard error of about
    :math:`1.25\sigma/\sqrt{k}`, of which ``noise_factor`` (2) are allowed. ``min_rise``
    (2 % of the minimum) keeps noise-free curves from turning on a rounding error.
    Smoothed curves (a centred moving median then mean over ``smooth_window`` epochs)
    are used only for the end levels, the gap and the fall of the training loss.

    **Rules**, checked in this order; the first that fires gives the regime:

    1. **diverging**: a loss is NaN or infinite (start: the last finite epoch), except a
       validation entry that is not finite while the training loss stays finite and the
       validation loss is finite again at the end (one overflowed validation pass: the
       entry is left out, with a note); or the
       last two training losses exceed ``diverge_factor`` times the first (``explosion``);
       or the training loss has not made a new minimum for :math:`p` epochs and its rise
       exceeds both its own noise threshold and ``diverge_rise`` times its first value
       (start, for both: the last epoch at which the smoothed training loss is within two
       median-based noise levels of its minimum). Not when the loss never got below the
       baseline (rule 2 then says "not learning").
    2. **not learning**: with a baseline :math:`L_0` (``baseline_loss``, or
       :math:`\ln K` from ``n_classes`` or ``History.n_classes``: the loss of a guess that
       ignores the input, for :math:`K` balanced classes), the smoothed training loss
       never got below :math:`(1 - \texttt{baseline\_tolerance}) L_0`: the loss is
       stuck at the guess, or far above it (a broken run). Or the smoothed training loss
       fell from its second entry to its end by less than ``min_drop`` of it
       (``relative_drop``, the curve from the second entry on smoothed on its own; a loss
       stuck at the entropy of the class frequencies after one epoch, as with
       imbalanced classes, is caught here), unless the validation accuracy moved by more
       than 0.02 after the first entry (then the model is learning something; a
       pretrained model that converged within one epoch and logs no accuracy is
       misread here, as the reason says). Or it oscillates: at least
       ``sign_change_threshold`` of its changes reverse direction *and* its median swing
       is at least ``oscillation_threshold`` times its fall over the run. Start: the first
       epoch.
    3. **inconclusive** (degenerate or too little data): fewer than ``MIN_EPOCHS`` (4)
       entries; a frozen validation loss (the same value at every entry: validation not
       run or a constant logged); validation accuracy 1.0 from the first entry (the task
       is trivial or the validation set leaked); a validation curve so noisy that
       3 times its noise exceeds the whole range of the curve smoothed over
       ``max(5, n // 5)`` epochs (no trend stands out of the noise).
    4. **overfitting** / **overconfident**: the validation loss has made no new minimum for
       at least :math:`p` entries and its rise counts. Then the training loss usually
       keeps falling (``train_loss_change_after_best``) and the gap widens
       (``gap`` against ``gap_at_best``). With validation accuracy, "overconfident" when
       the median accuracy of the last :math:`p` entries is at least its value at the
       best epoch minus ``max(accuracy_tolerance, 3 sigma_acc)`` (the accuracy holds while
       the loss rises: predictions grow too confident, Guo et al. 2017; chapter 6), and
       "overfitting" when it fell further. Without accuracy: "overfitting", with a note
       saying what accuracy would have told. A rise that counts but whose minimum is
       fewer than :math:`p` entries old is "inconclusive" (wait :math:`p` more epochs),
       never "still improving". The gap must widen by at least ``shared_rise`` times the
       rise: when the training loss rose with the validation loss (a strong penalty
       shrinking the weights, an optimiser drifting), the rise is *shared*; the run is
       then read by rules 7-8 with the shared rise in the reason ("underfitting" when
       its loss is high, else "inconclusive"), never "still improving".
    5. **short runs** (fewer than ``SHORT_RUN``, 10, entries, and no rise that counts):
       never called converged, since the noise of so few points cannot be told from the
       curve's bend. "still improving" when the validation loss fell at each of its last
       two entries and is lowest at the last, else "inconclusive".
    6. **still improving** (not converged: train longer): the validation loss did not
       turn up, and a least-squares line through its last ``max(p, n // 3)`` entries
       falls by more than ``max(2 sigma, min_late_fall * x_b)`` over them (5 % of the
       minimum by default: an exponential decay with a time constant of a sixth of the
       run or less has converged by this measure).
    7. **underfitting** (converged, high bias): the smoothed training loss ends above
       ``high_loss_fraction`` of its first value (``final_loss_ratio``), or above
       half the baseline :math:`L_0`, or the final training accuracy is below
       ``baseline_accuracy``. The gap is reported; a large gap is noted.
    8. **good fit**: none of the above.

    A rise that counts is never answered with "still improving"; it is answered with
    "underfitting" only when it is shared by the training loss (the gap did not widen)
    and the loss is high: the advice is then a larger model or less regularisation,
    never more epochs.
    A validation loss below the training loss at the end is noted (a penalty or dropout
    acting in training only, running averages, an easier validation set; if it is far
    below, check for leakage) but does not change the verdict.

    Parameters
    ----------
    history : History, optional
        The curves. Give either ``history`` or the arrays.
    train_loss, val_loss : array-like of shape (n_epochs,), optional
        Loss per epoch (nats for a cross-entropy), non-negative; NaN or inf means the
        run diverged.
    train_accuracy, val_accuracy : array-like of shape (n_epochs,), optional
        Accuracy per epoch, in [0, 1]; optional.
    smooth_window : int, default=3
        Width in epochs of the moving median and mean; odd; 1 turns smoothing off.
    patience : int or None, default=None
        Entries without a new validation minimum before a rise counts (at least 1).
        None: ``min(5, max(2, n_epochs // 3))``.
    noise_factor : float, default=2.0
        Standard errors of the end level allowed on top of the expected depth of the
        minimum (see above).
    min_rise : float, default=0.02
        ... and above this share of the validation minimum, in [0, 1].
    diverge_factor : float, default=3.0
        Explosion threshold, > 1, on the ratio of the last training losses to the first.
    diverge_rise : float, default=0.1
        Rise of the training loss above its minimum, as a share of its first value,
        that means diverging.
    min_drop : float, default=0.05
        Least fall of the training loss after its second entry (share), in [0, 1).
    oscillation_threshold : float, default=0.25
        Least median swing, relative to the fall, that with enough direction changes
        means not learning.
    sign_change_threshold : float, default=0.5
        Least share of direction changes, in [0, 1], for an oscillation.
    accuracy_tolerance : float, default=0.01
        Least fall of validation accuracy taken as "falling" (rule 4).
    shared_rise : float, default=0.5
        Rule 4 needs the gap to widen by at least this share of the validation rise;
        in [0, 1], 0 turns the condition off.
    min_late_fall : float, default=0.05
        Least late fall of the validation loss, as a share of its minimum, that means
        still improving.
    high_loss_fraction : float, default=0.5
        ``final_loss_ratio`` above which too little was learnt, in (0, 1].
    baseline_tolerance : float, default=0.05
        A training loss within this share of the baseline counts as stuck at it.
    baseline_accuracy : float or None, default=None
        Training accuracy the model should reach, in [0, 1].
    baseline_loss : float or None, default=None
        Loss of a guess that ignores the input (> 0); the entropy of the class
        frequencies for imbalanced classes.
    n_classes : int or None, default=None
        Number of classes K: ``baseline_loss = ln K``. Default: ``history.n_classes``.
        Only meaningful for a cross-entropy loss.
    notes : tuple of str, default=()
        Notes to carry into the diagnosis (e.g. from a loader).

    Returns
    -------
    Diagnosis
        The regime, its start, the best epoch, a reason, notes and the measured
        quantities.

    Raises
    ------
    TypeError
        If ``history`` is not a History, or an option has the wrong type.
    ValueError
        If both or neither of ``history`` and the losses are given, the curves fail
        :class:`History`'s checks, ``smooth_window`` is even, an option is out of range,
        or both ``baseline_loss`` and ``n_classes`` are given.

    References
    ----------
    C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger (2017), "On Calibration of Modern
    Neural Networks", *ICML*, PMLR 70, 1321-1330. Keras ``EarlyStopping`` (``min_delta``,
    ``patience``), keras/src/callbacks/early_stopping.py.

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
    >>> d.regime, d.best_epoch, d.start_epoch
    ('overfitting', 12, 12)
    >>> diagnose(train_loss=[0.7, 0.5, np.nan], val_loss=[0.7, 0.6, np.nan]).regime
    'diverging'
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
    options = {
        "smooth_window": smooth_window,
        "patience": patience,
        "noise_factor": noise_factor,
        "min_rise": min_rise,
        "diverge_factor": diverge_factor,
        "diverge_rise": diverge_rise,
        "min_drop": min_drop,
        "oscillation_threshold": oscillation_threshold,
        "sign_change_threshold": sign_change_threshold,
        "accuracy_tolerance": accuracy_tolerance,
        "shared_rise": shared_rise,
        "min_late_fall": min_late_fall,
        "high_loss_fraction": high_loss_fraction,
        "baseline_tolerance": baseline_tolerance,
        "baseline_accuracy": baseline_accuracy,
        "baseline_loss": baseline_loss,
        "n_classes": n_classes,
    }
    _check_options(options)
    h, gap_note = _without_validation_glitches(h)
    if gap_note:
        notes = [*notes, gap_note]
    return _Reader(h, options, tuple(notes)).verdict()


def _without_validation_glitches(h: History) -> tuple[History, str | None]:
    """Leave out validation entries that are NaN or inf while the run went on normally.

    A validation pass can overflow (float16, one bad batch) while training is fine: the
    training loss stays finite and the validation loss is finite again afterwards, up to
    the last entry. Such entries are dropped, with a note; a run whose training loss, or
    whose last validation loss, is not finite is left as it is (it diverged).
    """
    bad = ~np.isfinite(h.val_loss)
    if not bad.any() or bad[-1] or not np.all(np.isfinite(h.train_loss)):
        return h, None
    keep = ~bad
    epochs = h.epochs[bad].tolist()

    def kept(values: NDArray | None) -> NDArray | None:
        return None if values is None else values[keep]

    cleaned = History(
        train_loss=h.train_loss[keep],
        val_loss=h.val_loss[keep],
        train_accuracy=kept(h.train_accuracy),
        val_accuracy=kept(h.val_accuracy),
        epoch_numbers=h.epochs[keep],
        n_classes=h.n_classes,
    )
    note = (
        f"the validation loss is not finite at epoch(s) {epochs} while the training loss "
        "stays finite and the validation loss recovers: those entries were left out (a "
        "validation pass that overflowed, e.g. in float16); check them if they recur."
    )
    return cleaned, note


class _Reader:
    """Measures the curves once, then applies the rules of :func:`diagnose` in order."""

    def __init__(self, h: History, options: dict, notes: tuple[str, ...]) -> None:
        self.h = h
        self.o = options
        self.notes = list(notes)
        self.n = len(h)
        self.epochs = h.epochs
        self.p = options["patience"] or min(5, max(2, self.n // 3))
        self.baseline = _baseline(h, options["baseline_loss"], options["n_classes"])
        self.values: dict[str, object] = {"n_epochs": self.n, "patience": self.p}
        self.values["baseline_loss"] = self.baseline
        self.shared_rise = ""

    def epoch(self, index: int) -> int | float:
        return self.epochs[index].item()

    def result(self, regime: str, start: int | float | None, reason: str) -> Diagnosis:
        best = self.h.best_index
        finite = bool(np.any(np.isfinite(self.h.val_loss)))
        return Diagnosis(
            regime=regime,
            start_epoch=start,
            best_epoch=self.epoch(best) if finite else None,
            reason=reason,
            notes=tuple(self.notes),
            **self.values,  # type: ignore[arg-type]
        )

    def verdict(self) -> Diagnosis:
        h = self.h
        for name in ("train_loss", "val_loss"):
            values = getattr(h, name)
            bad = ~np.isfinite(values)
            if np.any(bad):
                first = int(np.flatnonzero(bad)[0])
                what = "NaN" if np.isnan(values[first]) else "infinite"
                start = self.epoch(first - 1) if first > 0 else self.epoch(0)
                return self.result(
                    "diverging",
                    start,
                    f"the {name.replace('_', ' ')} is {what} at epoch {self.epoch(first)}: "
                    f"the run diverged (last finite epoch {start if first else 'none'}); "
                    "lower the learning rate, clip gradients or check the inputs.",
                )
        if self.n < MIN_EPOCHS:
            return self.result(
                "inconclusive",
                None,
                f"only {self.n} entries; at least {MIN_EPOCHS} are needed to tell a trend "
                "from noise.",
            )
        self.measure()
        for rule in (
            self.diverging,
            self.not_learning,
            self.degenerate,
            self.turned,
            self.short_run,
            self.still_improving,
            self.underfitting,
        ):
            found = rule()
            if found is not None:
                return found
        v = self.values
        return self.result(
            "good fit",
            None,
            f"the validation loss levelled off without turning up (rise "
            f"{v['val_rise']:.3g} from its minimum {v['val_min']:.3g} at epoch "
            f"{self.epoch(self.h.best_index)}, threshold {v['rise_threshold']:.3g}) and "
            f"the training loss fell to {v['final_loss_ratio']:.0%} of its first value; "
            f"gap {v['gap']:.3g}.",
        )

    # --- measurements -------------------------------------------------------------------

    def measure(self) -> None:
        h, n, p, o, v = self.h, self.n, self.p, self.o, self.values
        window = o["smooth_window"]
        self.tl = _smooth(h.train_loss, window)
        self.vl = _smooth(h.val_loss, window)
        best = h.best_index
        val_min = float(h.val_loss[best])
        v["val_noise"] = noise_level(h.val_loss)
        v["train_noise"] = noise_level(h.train_loss)
        v["val_min"] = val_min
        after = h.val_loss[max(best + 1, n - p) :]
        v["val_rise"] = float(np.median(after)) - val_min if len(after) else 0.0
        v["val_rise_relative"] = v["val_rise"] / val_min if val_min > 0 else math.inf
        v["rise_threshold"] = max(
            _rise_threshold(v["val_noise"], n, max(len(after), 1), o["noise_factor"]),
            o["min_rise"] * val_min,
        )
        v["epochs_since_best"] = n - 1 - best
        k = max(p, n // 3)
        v["val_late_fall"] = _late_fall(h.val_loss, k)
        v["train_rise"] = _median_tail(h.train_loss, p) - float(np.min(h.train_loss))
        t0 = max(float(self.tl[0]), np.finfo(np.float64).tiny)
        rest = _smooth(h.train_loss[1:], window)
        t1 = max(float(rest[0]), np.finfo(np.float64).tiny)
        v["relative_drop"] = float(rest[0] - rest[-1]) / t1
        v["final_loss_ratio"] = float(self.tl[-1]) / t0
        first = max(float(h.train_loss[0]), np.finfo(np.float64).tiny)
        v["explosion"] = float(np.min(h.train_loss[-2:])) / first
        fall = float(self.tl[0] - self.tl[-1])
        swing = float(np.median(np.abs(np.diff(h.train_loss))))
        v["oscillation"] = swing / fall if fall > 0 else math.inf
        v["sign_change_rate"] = _sign_change_rate(h.train_loss)
        v["gap"] = float(self.vl[-1] - self.tl[-1])
        v["gap_at_best"] = float(self.vl[best] - self.tl[best])
        v["train_loss_change_after_best"] = float(self.tl[-1] - self.tl[best])
        if h.val_accuracy is not None:
            v["val_accuracy_change"] = _median_tail(h.val_accuracy, p) - float(h.val_accuracy[best])
        if h.train_accuracy is not None:
            ta = _smooth(h.train_accuracy, window)
            v["final_train_accuracy"] = float(np.clip(ta[-1], 0.0, 1.0))
        self.add_notes()

    def add_notes(self) -> None:
        v, h = self.values, self.h
        if v["gap"] < -max(_NOISE_BAND * v["val_noise"], 0.01 * abs(float(self.tl[-1]))):
            self.notes.append(
                f"the validation loss ends {-v['gap']:.3g} below the training loss: usual when "
                "the training figure includes a penalty or dropout, or is a running mean "
                "over the epoch, or when the training labels are noisier; if it is far "
                "below from the start, check that validation data did not leak into "
                "training."
            )
        if h.val_accuracy is None:
            self.notes.append(
                "no validation accuracy logged: the verdict reads the losses only; the "
                "accuracy would tell overfitting (it falls) from overconfidence (it holds "
                "while the loss rises, chapter 6)."
            )
        if self.baseline is None:
            self.notes.append(
                "no baseline: pass n_classes (--n-classes K) to compare the loss with ln K, "
                "the loss of a guess that ignores the input, and catch broken runs."
            )

    # --- rules ----------------------------------------------------------------------------

    def never_below_baseline(self) -> bool:
        if self.baseline is None:
            return False
        return float(np.min(self.tl)) >= (1 - self.o["baseline_tolerance"]) * self.baseline

    def diverging(self) -> Diagnosis | None:
        h, v, o, p = self.h, self.values, self.o, self.p
        if self.never_below_baseline():
            return None
        train_best = int(np.argmin(h.train_loss))
        floor = float(np.min(self.tl)) + 2 * _robust_noise(h.train_loss)
        start = self.epoch(int(np.flatnonzero(self.tl <= floor)[-1]))
        if v["explosion"] > o["diverge_factor"]:
            return self.result(
                "diverging",
                start,
                f"the last two training losses are {v['explosion']:.3g} times the first "
                f"(threshold {o['diverge_factor']:g}); it left its floor after epoch {start}.",
            )
        threshold = max(
            _rise_threshold(v["train_noise"], self.n, p, o["noise_factor"]),
            o["diverge_rise"] * float(h.train_loss[0]),
        )
        if self.n - 1 - train_best >= p and v["train_rise"] > threshold:
            return self.result(
                "diverging",
                start,
                f"the training loss left its floor after epoch {start} and rose "
                f"{v['train_rise']:.3g} above its minimum over the last {p} entries "
                f"(threshold {threshold:.3g}: "
                f"noise of the minimum and the mean, and {o['diverge_rise']:.0%} of its first "
                "value); lower the learning rate.",
            )
        return None

    def not_learning(self) -> Diagnosis | None:
        v, o = self.values, self.o
        start = self.epoch(0)
        if self.never_below_baseline():
            low = float(np.min(self.tl))
            where = (
                f"far above ({low / self.baseline:.1f} times)"
                if low > 1.5 * self.baseline
                else "at"
            )
            return self.result(
                "not learning",
                start,
                f"the training loss never got below {low:.3g}, {where} the baseline "
                f"{self.baseline:.3g} (ln K: a guess that ignores the input): the model "
                "learnt nothing; check the labels, the inputs and the learning rate.",
            )
        accuracy = self.h.val_accuracy
        moving = accuracy is not None and np.ptp(accuracy[1:]) > 0.02
        if v["relative_drop"] < o["min_drop"] and not moving:
            return self.result(
                "not learning",
                start,
                f"after its first epoch the training loss fell by only "
                f"{v['relative_drop']:.1%} (at least {o['min_drop']:.0%} expected), staying "
                f"near {float(self.tl[-1]):.3g}: stuck at a plateau such as the entropy of "
                "the class frequencies (ln K for balanced classes); if the model was "
                "pretrained and converged within its first epoch, read it as a good fit.",
            )
        if (
            v["sign_change_rate"] >= o["sign_change_threshold"]
            and v["oscillation"] >= o["oscillation_threshold"]
        ):
            return self.result(
                "not learning",
                start,
                f"the training loss oscillates: {v['sign_change_rate']:.0%} of its changes "
                f"reverse direction (threshold {o['sign_change_threshold']:.0%}) with a median "
                f"swing of {v['oscillation']:.2f} times its fall (threshold "
                f"{o['oscillation_threshold']:g}); lower the learning rate.",
            )
        return None

    def degenerate(self) -> Diagnosis | None:
        h, v = self.h, self.values
        if np.ptp(h.val_loss) <= 1e-9 * max(1.0, abs(float(h.val_loss[0]))):
            return self.result(
                "inconclusive",
                None,
                f"the validation loss is frozen at {float(h.val_loss[0]):.6g} in every entry: "
                "validation did not run, was logged from a stale value, or the model "
                "ignores its input at evaluation.",
            )
        if h.val_accuracy is not None and np.all(h.val_accuracy == 1.0):
            return self.result(
                "inconclusive",
                None,
                "the validation accuracy is 1.0 from the first entry: the task is trivial "
                "for this model, or the validation set overlaps the training set (leakage);"
                " the curves cannot show fitting problems.",
            )
        wide = max(5, self.n // 5) | 1  # odd, at least 5 epochs
        signal = float(np.ptp(_smooth(h.val_loss, wide)))
        if _NOISE_BAND * v["val_noise"] >= signal:
            return self.result(
                "inconclusive",
                None,
                f"the validation loss is too noisy: {_NOISE_BAND:g} times its noise "
                f"level {v['val_noise']:.3g} exceeds the whole range {signal:.3g} of its "
                "smoothed curve; use a larger validation set or average over epochs.",
            )
        return None

    def turned(self) -> Diagnosis | None:
        v, o, p = self.values, self.o, self.p
        if v["val_rise"] <= v["rise_threshold"]:
            return None
        best = self.epoch(self.h.best_index)
        rise = (
            f"the validation loss, lowest at epoch {best} ({v['val_min']:.3g}), rose "
            f"{v['val_rise']:.3g} ({v['val_rise_relative']:.1%}) above that minimum "
            f"(threshold {v['rise_threshold']:.3g}, from its noise level "
            f"{v['val_noise']:.2g} and {o['min_rise']:.0%} of the minimum)"
        )
        if v["epochs_since_best"] < p:
            return self.result(
                "inconclusive",
                None,
                f"{rise}, but only {v['epochs_since_best']} entries ago (patience {p}): a "
                "turn or a bump; do not train longer blindly, watch the next "
                f"{p - v['epochs_since_best']} epochs or stop at epoch {best}.",
            )
        train = (
            f"; the training loss changed by {v['train_loss_change_after_best']:+.3g} and "
            f"the gap grew from {v['gap_at_best']:.3g} to {v['gap']:.3g}"
        )
        widening = v["gap"] - v["gap_at_best"]
        if widening < o["shared_rise"] * v["val_rise"]:
            self.shared_rise = (
                f"{rise}, but the training loss rose with it (the gap changed by only "
                f"{widening:+.3g}): not memorisation but a penalty or optimiser pulling both "
                f"losses up; do not train longer, keep epoch {best}"
            )
            return None
        change = v.get("val_accuracy_change")
        if change is None:
            return self.result(
                "overfitting",
                best,
                f"{rise}{train}: stop early at epoch {best} or regularise.",
            )
        tolerance = max(o["accuracy_tolerance"], _NOISE_BAND * noise_level(self.h.val_accuracy))
        if change >= -tolerance:
            return self.result(
                "overconfident",
                best,
                f"{rise} while the validation accuracy held ({change:+.3f}, tolerance "
                f"{tolerance:.3g}){train}: the predictions grow overconfident; "
                "recalibrate (temperature scaling) or stop at the best epoch.",
            )
        return self.result(
            "overfitting",
            best,
            f"{rise} and the validation accuracy fell by {-change:.3f} (tolerance "
            f"{tolerance:.3g}){train}: stop early at epoch {best} or regularise.",
        )

    def short_run(self) -> Diagnosis | None:
        """Below ``SHORT_RUN`` entries a level curve cannot be told from a pause.

        The noise level of so few points is swamped by the curve's own bend, so neither
        "good fit" nor "underfitting" (both say "converged") is given: a run still
        falling at its last entry is "still improving", any other "inconclusive".
        """
        if self.n >= SHORT_RUN or self.shared_rise:
            return None
        v = self.h.val_loss
        if self.h.best_index == self.n - 1 and v[-1] < v[-2] < v[-3]:
            return self.result(
                "still improving",
                None,
                f"a short run ({self.n} entries) whose validation loss still fell at each of "
                f"its last two entries ({v[-3]:.3g}, {v[-2]:.3g}, {v[-1]:.3g}) and is lowest at "
                "the last: train longer, then read the curves again.",
            )
        return self.result(
            "inconclusive",
            None,
            f"only {self.n} entries and no rise above the noise: too few to tell a converged "
            f"run from a pause (at least {SHORT_RUN} are needed to call it a good fit or "
            "underfitting); train longer.",
        )

    def still_improving(self) -> Diagnosis | None:
        v, o = self.values, self.o
        if self.shared_rise:
            return None
        needed = max(2 * v["val_noise"], o["min_late_fall"] * v["val_min"])
        if v["val_late_fall"] > needed:
            k = max(self.p, self.n // 3)
            return self.result(
                "still improving",
                None,
                f"the validation loss is still falling: {v['val_late_fall']:.3g} over the last "
                f"{k} entries (threshold {needed:.3g}: 2 noise levels or "
                f"{o['min_late_fall']:.0%} of its minimum) and has not turned up; train "
                "longer.",
            )
        return None

    def underfitting(self) -> Diagnosis | None:
        v, o = self.values, self.o
        final = float(self.tl[-1])
        gap_note = f"; the gap {v['gap']:.3g} is large too" if v["gap"] > 0.25 * final else ""
        reasons = []
        if v["final_loss_ratio"] > o["high_loss_fraction"]:
            reasons.append(
                f"the training loss levelled off at {v['final_loss_ratio']:.0%} of its first "
                f"value (threshold {o['high_loss_fraction']:.0%})"
            )
        if self.baseline is not None and final > 0.5 * self.baseline:
            reasons.append(
                f"it ends at {final:.3g}, more than half the baseline {self.baseline:.3g} (ln K)"
            )
        accuracy = v.get("final_train_accuracy")
        if o["baseline_accuracy"] is not None and accuracy is not None:
            if accuracy < o["baseline_accuracy"]:
                reasons.append(
                    f"the final training accuracy {accuracy:.3f} is below the baseline "
                    f"{o['baseline_accuracy']:.3f}"
                )
        if not reasons:
            return self.shared()
        shared = f"; {self.shared_rise}" if self.shared_rise else ""
        return self.result(
            "underfitting",
            None,
            "converged but high bias: "
            + "; ".join(reasons)
            + f" (gap {v['gap']:.3g}{gap_note}){shared}: a larger model, less "
            "regularisation or better features.",
        )

    def shared(self) -> Diagnosis | None:
        """Report a validation rise shared by the training loss, on a run that learnt well."""
        if not self.shared_rise:
            return None
        return self.result("inconclusive", None, self.shared_rise + ".")
