"""The book's explorable figures, one per chapter, built from the chapter's own numbers.

Each function computes the rows an explorable shows with the package's functions (the
same ones the chapter's prose and figures use) and returns an :class:`Explorable`
(:func:`slider_explorable`), which the chapter's notebook displays; nbval then checks its
stored numbers like every other output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_float_array, as_label_array, check_consistent_length, check_scalar
from .classification import per_sample_cross_entropy
from .explorables import Explorable, slider_explorable

if TYPE_CHECKING:
    from .history import History

__all__ = [
    "cost_of_probability_explorable",
    "margin_explorable",
    "mistake_confidence_explorable",
    "reliability_explorable",
    "runs_explorable",
    "temperature_explorable",
    "threshold_explorable",
]


def cost_of_probability_explorable(
    *, batch_size: int = 100, others_proba: float = 0.9, n_points: int = 161
) -> Explorable:
    """Show the cost of one prediction against the probability it gives the true class.

    The readout gives the cost in nats and bits, and the share of a batch's total loss
    this one prediction carries when the other ``batch_size - 1`` predictions give their
    true class ``others_proba``.

    Parameters
    ----------
    batch_size : int, default=100
        Images in the batch, at least 2.
    others_proba : float, default=0.9
        Probability the other images give their true class, in (0, 1].
    n_points : int, default=161
        Grid points evenly spaced in the logarithm from 1e-4 to 1 (0.25, 0.5, 0.51, 0.9
        and 0.99 are added).

    Returns
    -------
    Explorable

    Examples
    --------
    >>> figure = cost_of_probability_explorable()
    >>> figure.readout(0.5)["cost (nats)"]
    '0.693'
    """
    n = int(check_scalar(batch_size, "batch_size", low=2, integer=True))
    q = check_scalar(others_proba, "others_proba", low=0, high=1, include_low=False)
    points = int(check_scalar(n_points, "n_points", low=2, integer=True))
    # Even in the logarithm, plus the probabilities the chapter discusses.
    p = np.unique(np.r_[np.geomspace(1e-4, 1, points), 0.25, 0.5, 0.51, 0.9, 0.99])
    cost = per_sample_cross_entropy(np.ones(len(p), dtype=int), p)
    others = (n - 1) * per_sample_cross_entropy([1], [q])[0]
    rows = {"p": p, "nats": cost, "bits": cost / np.log(2), "share": cost / (cost + others)}
    return slider_explorable(
        "ch1-cost-of-p",
        rows,
        slider="p",
        slider_label="probability given to the true class",
        slider_format=".4f",
        lines={"nats": "cost in nats", "bits": "cost in bits"},
        readouts=[
            ("nats", "cost (nats)", ".3f"),
            ("bits", "cost (bits)", ".3f"),
            ("share", f"share of the loss of a batch of {n}", ".1%"),
        ],
        y_title="cost of this prediction",
        title="A confident mistake takes a large share of a batch's loss",
        description=(
            "The cost -ln p of one prediction against the probability p it gives the true "
            f"class, in nats and bits, on a log axis from 0.0001 to 1; the readout adds the "
            f"share of a batch's loss when the other {n - 1} images give their true class "
            f"{q:g}."
        ),
        log_x=True,
        initial=0.5,
    )


def threshold_explorable(
    y_true: ArrayLike, proba: ArrayLike, *, name: str = "ch2-threshold"
) -> Explorable:
    """Show accuracy, balanced accuracy and macro-F1 of a binary model at every threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Labels 0 and 1.
    proba : array-like of shape (n_samples,)
        The model's probability of class 1.
    name : str, default="ch2-threshold"
        The explorable's name.

    Returns
    -------
    Explorable
        Thresholds 0.01 to 0.99; the readout shows the confusion counts too.
    """
    from .class_balance import balance_scores

    y = as_label_array(y_true, "y_true")
    p = as_float_array(proba, "proba", ndim=1)
    check_consistent_length(y_true=y, proba=p)
    if not set(np.unique(y)) <= {0, 1}:
        raise ValueError(f"y_true must hold the labels 0 and 1, got {np.unique(y)[:5]}")
    thresholds = np.round(np.arange(1, 100) / 100, 2)
    columns: dict[str, list[float]] = {k: [] for k in ("acc", "bal", "f1", "tp", "fp", "fn", "tn")}
    for t in thresholds:
        pred = (p >= t).astype(int)
        scores = balance_scores(y, pred)
        columns["acc"].append(scores.accuracy)
        columns["bal"].append(scores.balanced_accuracy)
        columns["f1"].append(scores.macro_f1)
        for key, (truth, guess) in {"tp": (1, 1), "fp": (0, 1), "fn": (1, 0), "tn": (0, 0)}.items():
            columns[key].append(float(np.sum((y == truth) & (pred == guess))))
    share = float(y.mean())
    return slider_explorable(
        name,
        {"threshold": thresholds, **columns},
        slider="threshold",
        slider_label="threshold on the probability of the rare class",
        slider_format=".2f",
        lines={"acc": "accuracy", "bal": "balanced accuracy", "f1": "macro-F1"},
        readouts=[
            ("acc", "accuracy", ".3f"),
            ("bal", "balanced accuracy", ".3f"),
            ("f1", "macro-F1", ".3f"),
            ("tp", "rare cases found (true positives)", "d"),
            ("fn", "rare cases missed (false negatives)", "d"),
            ("fp", "false alarms (false positives)", "d"),
            ("tn", "correct rejections (true negatives)", "d"),
        ],
        y_title="score on the test set",
        title="Accuracy and balanced accuracy want different thresholds",
        description=(
            f"Accuracy, balanced accuracy and macro-F1 of the model on {len(y)} test "
            f"samples, {share:.0%} of them positive, against the threshold from 0.01 to "
            "0.99; the readout adds the four counts of the confusion matrix."
        ),
        initial=0.5,
        y_domain=(0.0, 1.0),
    )


def mistake_confidence_explorable(
    accuracy: float, *, proba_when_right: Sequence[float] = (0.9, 0.99, 0.999)
) -> Explorable:
    """Show the cross-entropy of a binary model from its accuracy and how sure it is.

    A model that is right on a share ``accuracy`` of the samples gives the true class
    ``q`` when right and ``p`` when wrong: its cross-entropy is
    ``-(a ln q + (1 - a) ln p)``. The slider moves ``p`` (at most 1/2: a mistake of the
    argmax rule), the picker ``q``; the readout compares with the floor
    ``(1 - a) ln 2`` that holds for argmax predictions.

    Parameters
    ----------
    accuracy : float
        The share of right predictions, in (0, 1).
    proba_when_right : list of float, optional
        The values of ``q`` the picker offers, each in [1/2, 1); by default 0.9, 0.99
        and 0.999.

    Returns
    -------
    Explorable
    """
    a = check_scalar(accuracy, "accuracy", low=0, high=1, include_low=False, include_high=False)
    options = [
        check_scalar(q, "proba_when_right", low=0.5, high=1, include_high=False)
        for q in proba_when_right
    ]
    if not options:
        raise ValueError("proba_when_right must offer at least one probability")
    p = np.geomspace(1e-12, 0.5, 121)
    rows: dict[str, list[Any]] = {"p": [], "q": [], "loss": [], "floor": [], "share": []}
    for q in options:
        loss = -(a * np.log(q) + (1 - a) * np.log(p))
        rows["p"] += p.tolist()
        rows["q"] += [f"{q:g}"] * len(p)
        rows["loss"] += loss.tolist()
        rows["floor"] += [(1 - a) * np.log(2)] * len(p)
        rows["share"] += (-(1 - a) * np.log(p) / loss).tolist()
    return slider_explorable(
        "ch3-mistake-confidence",
        rows,
        slider="p",
        slider_label="probability a mistake gives the true class",
        slider_format=".2e",
        lines={"loss": "cross-entropy", "floor": "floor (1 - accuracy) ln 2"},
        readouts=[
            ("loss", "cross-entropy (nats)", ".4f"),
            ("floor", "floor for argmax predictions (nats)", ".4f"),
            ("share", "share of the loss from the mistakes", ".1%"),
        ],
        y_title="cross-entropy (nats)",
        title=f"At {a:.1%} accuracy, the mistakes' confidence sets the loss",
        description=(
            f"The cross-entropy of a model that is right on {a:.1%} of the samples, against "
            "the probability its mistakes give the true class (log axis, 1e-12 to 0.5), for "
            "a chosen probability when right, with the floor (1 - accuracy) ln 2 that no "
            "argmax classifier can go below."
        ),
        group="q",
        group_label="probability given to the true class when right",
        log_x=True,
        initial=0.01,
    )


def margin_explorable(*, losses: Sequence[str] | None = None, n_points: int = 121) -> Explorable:
    """Show each surrogate of the registry against the margin, with its slope.

    Parameters
    ----------
    losses : list of str, optional
        Names in ``lah.SURROGATES`` the picker offers; every surrogate by default (the 0-1
        loss is always drawn beside the picked one).
    n_points : int, default=121
        Margins from -3 to 3.

    Returns
    -------
    Explorable
    """
    from .surrogates import SURROGATES

    names = [k for k in SURROGATES if k != "zero_one"] if losses is None else list(losses)
    unknown = [k for k in names if k not in SURROGATES or k == "zero_one"]
    if unknown or not names:
        raise ValueError(
            f"losses must name surrogates of lah.SURROGATES other than the 0-1 loss; got "
            f"{unknown or names}. Choose from {sorted(set(SURROGATES) - {'zero_one'})}."
        )
    points = int(check_scalar(n_points, "n_points", low=3, integer=True))
    z = np.linspace(-3, 3, points)
    step = SURROGATES["zero_one"].loss(z)
    rows: dict[str, list[Any]] = {"loss": [], "z": [], "value": [], "zero_one": [], "slope": []}
    for name in names:
        surrogate = SURROGATES[name]
        rows["loss"] += [name.replace("_", " ")] * points
        rows["z"] += z.tolist()
        rows["value"] += surrogate.loss(z).tolist()
        rows["zero_one"] += step.tolist()
        rows["slope"] += surrogate.derivative(z).tolist()
    return slider_explorable(
        "ch4-margin",
        rows,
        slider="z",
        slider_label="margin z = y f(x)",
        slider_format=".2f",
        lines={"value": "the picked surrogate", "zero_one": "0-1 loss"},
        readouts=[
            ("value", "loss at this margin", ".3f"),
            ("zero_one", "0-1 loss at this margin", ".0f"),
            ("slope", "slope (the pull on a sample there)", ".3f"),
        ],
        y_title="loss",
        title="Each surrogate is a different price for the same margin",
        description=(
            "A picked surrogate loss and the 0-1 loss against the margin from -3 to 3; the "
            "readout gives the loss and its slope at the slider's margin."
        ),
        group="loss",
        group_label="surrogate loss",
        initial=0.0,
        y_domain=(0.0, 6.0),
    )


def runs_explorable(
    histories: Mapping[str, History], *, diagnoses: Mapping[str, Any] | None = None
) -> Explorable:
    """Show several training runs' learning curves, one run at a time, with its verdict.

    Parameters
    ----------
    histories : dict of str to History
        Run name -> its curves (as :func:`fit_with_history` returns them), all with
        validation curves.
    diagnoses : dict of str to Diagnosis, optional
        Run name -> its :func:`diagnose` result; computed when not given.

    Returns
    -------
    Explorable
        The readout gives the losses and the validation accuracy at the slider's epoch,
        and ``diagnose``'s verdict on the whole run.
    """
    from .diagnostics import diagnose

    if not isinstance(histories, Mapping) or not histories:
        raise TypeError("histories must be a non-empty mapping of run name -> History")
    rows: dict[str, list[Any]] = {
        k: [] for k in ("run", "epoch", "train", "val", "val_acc", "verdict")
    }
    for name, history in histories.items():
        if history.val_loss is None or history.val_accuracy is None:
            raise ValueError(f"run {name!r} has no validation curves to draw")
        verdict = (diagnoses[name] if diagnoses else diagnose(history)).regime
        n = len(history)
        rows["run"] += [str(name)] * n
        rows["epoch"] += np.asarray(history.epochs, dtype=float).tolist()
        rows["train"] += np.asarray(history.train_loss, dtype=float).tolist()
        rows["val"] += np.asarray(history.val_loss, dtype=float).tolist()
        rows["val_acc"] += np.asarray(history.val_accuracy, dtype=float).tolist()
        rows["verdict"] += [verdict] * n
    return slider_explorable(
        "ch5-runs",
        rows,
        slider="epoch",
        slider_label="epoch",
        slider_format="d",
        lines={"train": "training loss", "val": "validation loss"},
        readouts=[
            ("train", "training loss (nats)", ".3f"),
            ("val", "validation loss (nats)", ".3f"),
            ("val_acc", "validation accuracy", ".1%"),
            ("verdict", "diagnose's verdict on the run", "s"),
        ],
        y_title="cross-entropy (nats)",
        title="The same network, trained different ways",
        description=(
            "Training and validation loss over the epochs of a picked training run of "
            "chapter 5's network, with diagnose's verdict on that run."
        ),
        group="run",
        group_label="training run",
        initial=1.0,
    )


def temperature_explorable(
    y_true: ArrayLike, logits: ArrayLike, temperatures: ArrayLike
) -> Explorable:
    """Show the test scores of a network's probabilities at every temperature.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Labels ``0 .. n_classes - 1``.
    logits : array-like of shape (n_samples, n_classes)
        The network's logits.
    temperatures : array-like of shape (n_temperatures,)
        Positive temperatures, increasing.

    Returns
    -------
    Explorable
        Lines for the cross-entropy, the Brier score and the ECE; the readout adds the
        accuracy, the same at every temperature.
    """
    from .calibration import temperature_sweep

    t = as_float_array(temperatures, "temperatures", ndim=1)
    sweep = temperature_sweep(
        y_true, logits, t, scores=("cross-entropy", "Brier score", "ECE", "0-1 loss")
    )
    rows = {
        "T": t,
        "ce": sweep["cross-entropy"],
        "brier": sweep["Brier score"],
        "ece": sweep["ECE"],
        "acc": 1 - sweep["0-1 loss"],
    }
    return slider_explorable(
        "ch6-temperature",
        rows,
        slider="T",
        slider_label="temperature T",
        slider_format=".2f",
        lines={"ce": "cross-entropy", "brier": "Brier score", "ece": "ECE"},
        readouts=[
            ("ce", "test cross-entropy (nats)", ".3f"),
            ("brier", "test Brier score", ".3f"),
            ("ece", "test ECE", ".4f"),
            ("acc", "test accuracy", ".2%"),
        ],
        y_title="score on the test set (lower is better)",
        title="Temperature changes every score but the accuracy",
        description=(
            "Cross-entropy, Brier score and expected calibration error of the network on "
            "the test set against the temperature that divides its logits (log axis); the "
            "readout adds the accuracy, which no temperature changes."
        ),
        log_x=True,
        initial=1.0,
    )


def reliability_explorable(
    y_true: ArrayLike, logits: ArrayLike, temperatures: Sequence[float], *, n_bins: int = 15
) -> Explorable:
    """Show a network's reliability diagram at each of a few temperatures.

    For each temperature, the top-label confidence and the accuracy of every non-empty
    bin (:func:`calibration_bins`, ``n_bins`` equal-width bins): the picker chooses the
    temperature, the slider walks through the bins.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Labels ``0 .. n_classes - 1``.
    logits : array-like of shape (n_samples, n_classes)
        The network's logits.
    temperatures : list of float
        The temperatures the picker offers, each positive.
    n_bins : int, default=15
        Equal-width confidence bins.

    Returns
    -------
    Explorable
        The readout adds the images in the bin and the ECE at that temperature.
    """
    from .calibration import calibration_bins, expected_calibration_error, softmax

    z = as_float_array(logits, "logits", ndim=2)
    ts = [check_scalar(t, "temperatures", low=0, include_low=False) for t in temperatures]
    if not ts:
        raise ValueError("temperatures must offer at least one temperature")
    rows: dict[str, list[Any]] = {k: [] for k in ("T", "conf", "acc", "n", "ece")}
    for t in ts:
        proba = softmax(z / t)
        bins = calibration_bins(y_true, proba, n_bins=n_bins)
        ece = expected_calibration_error(y_true, proba, n_bins=n_bins)
        full = bins.counts > 0
        rows["T"] += [f"{t:.2f}"] * int(full.sum())
        rows["conf"] += bins.confidence[full].tolist()
        rows["acc"] += bins.accuracy[full].tolist()
        rows["n"] += bins.counts[full].astype(float).tolist()
        rows["ece"] += [float(ece)] * int(full.sum())
    return slider_explorable(
        "ch6-reliability",
        {**rows, "diagonal": rows["conf"]},
        slider="conf",
        slider_label="mean confidence in the bin",
        slider_format=".3f",
        lines={"acc": "accuracy in the bin", "diagonal": "perfect calibration"},
        readouts=[
            ("acc", "accuracy in the bin", ".3f"),
            ("n", "test images in the bin", "d"),
            ("ece", "ECE at this temperature", ".4f"),
        ],
        y_title="accuracy in the bin",
        title="Below the diagonal: more confident than right",
        description=(
            f"The reliability diagram of the network's test predictions ({n_bins} equal-width "
            "bins of top-label confidence): each bin's accuracy against its mean confidence, "
            "with the diagonal of perfect calibration, at a picked temperature."
        ),
        group="T",
        group_label="temperature T",
        initial=0.99,
        y_domain=(0.0, 1.0),
    )
