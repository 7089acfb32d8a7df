"""Tests of lossacc_helpers.diagnostics.diagnose on constructed learning curves.

Each regime is built from smooth curves with a known change point; the same curves with
seeded Gaussian noise (0.01 nats on the losses, 0.005 on the accuracies) must give the
same regime and a start epoch within START_TOLERANCE epochs of the true one.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lossacc_helpers.diagnostics import REGIMES, Diagnosis, diagnose
from lossacc_helpers.history import History

N_EPOCHS = 40
T = np.arange(1, N_EPOCHS + 1, dtype=float)
FAST = np.exp(-T / 5)  # a loss that converges within the run
SEEDS = range(6)
START_TOLERANCE = 3


def _after(change: int) -> np.ndarray:
    """Epochs elapsed since ``change`` (0 up to it)."""
    return np.maximum(T - change, 0.0)


# name -> (train_loss, val_loss, train_accuracy, val_accuracy, true regime, true start)
SCENARIOS: dict[str, tuple] = {
    "good fit": (
        0.20 + 0.50 * FAST,
        0.28 + 0.42 * FAST,
        0.93 - 0.43 * FAST,
        0.89 - 0.39 * FAST,
        "good fit",
        None,
    ),
    "still falling": (  # stopped long before convergence
        0.70 - 0.008 * T,
        0.71 - 0.0075 * T,
        0.50 + 0.008 * T,
        0.50 + 0.0075 * T,
        "underfitting",
        None,
    ),
    "high plateau": (  # converged, but learnt little
        0.52 + 0.18 * FAST,
        0.54 + 0.17 * FAST,
        0.72 - 0.20 * FAST,
        0.70 - 0.20 * FAST,
        "underfitting",
        None,
    ),
    "flat": (
        0.693 - 0.007 * (1 - FAST),
        0.695 - 0.005 * (1 - FAST),
        0.50 + 0.01 * (1 - FAST),
        0.50 + 0.005 * (1 - FAST),
        "not learning",
        1,
    ),
    "oscillating": (
        0.70 - 0.25 * (1 - FAST) + 0.12 * np.sin(2.6 * T),
        0.72 - 0.25 * (1 - FAST) + 0.12 * np.sin(2.6 * T + 0.5),
        0.70 - 0.10 * np.sin(2.6 * T),
        0.68 - 0.10 * np.sin(2.6 * T),
        "not learning",
        1,
    ),
    "rising training loss": (
        0.25 + 0.45 * FAST + 0.03 * _after(20) ** 1.6,
        0.30 + 0.45 * FAST + 0.03 * _after(20) ** 1.6,
        0.90 - 0.40 * FAST - 0.01 * _after(20),
        0.88 - 0.40 * FAST - 0.01 * _after(20),
        "diverging",
        20,
    ),
    "explosion": (
        0.25 + 0.45 * FAST + 0.02 * (np.exp(0.9 * _after(30)) - 1),
        0.30 + 0.45 * FAST + 0.02 * (np.exp(0.9 * _after(30)) - 1),
        0.90 - 0.40 * FAST,
        0.88 - 0.40 * FAST,
        "diverging",
        30,
    ),
    "overfitting": (
        0.03 + 0.67 * np.exp(-T / 7),
        0.30 + 0.40 * FAST + 0.012 * _after(15),
        0.99 - 0.49 * np.exp(-T / 7),
        0.86 - 0.36 * FAST - 0.004 * _after(15),
        "overfitting",
        15,
    ),
    "overconfident": (  # Guo et al. (2017): loss rises, accuracy does not fall
        0.03 + 0.67 * np.exp(-T / 7),
        0.30 + 0.40 * FAST + 0.01 * _after(15),
        0.99 - 0.49 * np.exp(-T / 7),
        0.86 - 0.36 * FAST + 0.0005 * _after(15),
        "overconfident",
        15,
    ),
}


def _noisy(curves: tuple, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    train_loss, val_loss, train_acc, val_acc = curves[:4]
    return {
        "train_loss": np.clip(train_loss + rng.normal(0, 0.01, N_EPOCHS), 0, None),
        "val_loss": np.clip(val_loss + rng.normal(0, 0.01, N_EPOCHS), 0, None),
        "train_accuracy": np.clip(train_acc + rng.normal(0, 0.005, N_EPOCHS), 0, 1),
        "val_accuracy": np.clip(val_acc + rng.normal(0, 0.005, N_EPOCHS), 0, 1),
    }


def _clean(curves: tuple) -> dict[str, np.ndarray]:
    return dict(
        zip(("train_loss", "val_loss", "train_accuracy", "val_accuracy"), curves[:4], strict=True)
    )


def _check(diagnosis: Diagnosis, regime: str, start: int | None) -> None:
    assert diagnosis.regime == regime, diagnosis.reason
    if start is None:
        assert diagnosis.start_epoch is None
    else:
        assert abs(diagnosis.start_epoch - start) <= START_TOLERANCE, diagnosis.reason


@pytest.mark.parametrize("name", SCENARIOS)
def test_clean_curves(name: str) -> None:
    curves = SCENARIOS[name]
    _check(diagnose(**_clean(curves)), *curves[4:])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", SCENARIOS)
def test_noisy_curves(name: str, seed: int) -> None:
    curves = SCENARIOS[name]
    _check(diagnose(**_noisy(curves, seed)), *curves[4:])


def test_every_regime_is_covered_and_listed() -> None:
    assert {curves[4] for curves in SCENARIOS.values()} == set(REGIMES)


def test_history_and_arrays_give_the_same_diagnosis() -> None:
    curves = _noisy(SCENARIOS["overfitting"], seed=0)
    from_history = diagnose(History.from_arrays(**curves))
    from_arrays = diagnose(**curves)
    assert from_history == from_arrays


def test_measured_quantities_without_smoothing() -> None:
    train_loss, val_loss, train_acc, val_acc = SCENARIOS["good fit"][:4]
    d = diagnose(**_clean(SCENARIOS["good fit"]), smooth_window=1)
    assert_allclose(d.relative_drop, (train_loss[0] - train_loss[-1]) / train_loss[0])
    assert_allclose(d.final_loss_ratio, train_loss[-1] / train_loss[0])
    assert_allclose(d.gap, val_loss[-1] - train_loss[-1])
    assert_allclose(d.final_train_accuracy, train_acc[-1])
    assert_allclose(d.explosion, min(train_loss[-2:]) / train_loss[0])
    assert d.sign_change_rate == 0.0  # monotone curve
    assert d.val_rise == 0.0 and d.train_rise == 0.0
    assert d.val_turn_epoch == N_EPOCHS  # still (barely) falling at the end
    assert_allclose(
        d.oscillation, np.median(np.abs(np.diff(train_loss))) / (train_loss[0] - train_loss[-1])
    )


def test_measured_quantities_of_a_rise() -> None:
    d = diagnose(**_clean(SCENARIOS["overfitting"]), smooth_window=1)
    val_loss, val_acc = SCENARIOS["overfitting"][1], SCENARIOS["overfitting"][3]
    turn = int(np.argmin(val_loss))
    assert d.val_turn_epoch == turn + 1 == 15
    assert_allclose(d.val_rise, (val_loss[-5] - val_loss[turn]) / val_loss[0])
    assert_allclose(d.val_accuracy_change, val_acc[-5:].mean() - val_acc[turn])
    assert d.train_loss_change_after_turn < 0
    assert "epoch 15" in d.reason and f"{d.val_rise:.1%}" in d.reason


def test_a_straight_line_has_late_slope_ratio_one() -> None:
    d = diagnose(**_clean(SCENARIOS["still falling"]), smooth_window=1)
    assert_allclose(d.late_slope_ratio, 1.0)


def test_a_single_bump_is_not_a_rise() -> None:
    curves = _clean(SCENARIOS["good fit"])
    curves["val_loss"] = curves["val_loss"].copy()
    curves["val_loss"][-3] += 0.3  # one bad epoch near the end
    curves["train_loss"] = curves["train_loss"].copy()
    curves["train_loss"][-2] += 0.3
    d = diagnose(**curves)
    assert d.regime == "good fit", d.reason
    assert d.val_rise == 0.0 and d.train_rise == 0.0


def test_rules_are_checked_in_order() -> None:
    # The explosion also makes the validation loss rise: rule 1 (diverging) wins.
    d = diagnose(**_clean(SCENARIOS["explosion"]))
    assert d.regime == "diverging" and d.val_rise > 0.05
    # A flat training loss with a rising validation loss is "not learning" (rule 2).
    curves = _clean(SCENARIOS["flat"])
    curves["val_loss"] = curves["val_loss"] + 0.02 * np.maximum(T - 20, 0)
    assert diagnose(**curves).regime == "not learning"


def test_thresholds_change_the_verdict() -> None:
    good = _clean(SCENARIOS["good fit"])
    assert diagnose(**good, baseline_accuracy=0.95).regime == "underfitting"
    assert "baseline" in diagnose(**good, baseline_accuracy=0.95).reason
    assert diagnose(**good, baseline_accuracy=0.90).regime == "good fit"
    plateau = _clean(SCENARIOS["high plateau"])
    assert diagnose(**plateau, high_loss_fraction=None).regime == "good fit"
    overfit = _clean(SCENARIOS["overfitting"])
    assert diagnose(**overfit, rise_threshold=0.5).regime != "overfitting"
    assert diagnose(**overfit, accuracy_tolerance=0.2).regime == "overconfident"


def test_to_dict_holds_every_field() -> None:
    d = diagnose(**_clean(SCENARIOS["overfitting"]))
    as_dict = d.to_dict()
    assert as_dict["regime"] == "overfitting"
    assert as_dict["start_epoch"] == d.start_epoch
    assert set(as_dict) == {
        "regime",
        "start_epoch",
        "reason",
        "relative_drop",
        "oscillation",
        "sign_change_rate",
        "explosion",
        "train_rise",
        "val_rise",
        "val_turn_epoch",
        "val_accuracy_change",
        "train_loss_change_after_turn",
        "late_slope_ratio",
        "final_loss_ratio",
        "gap",
        "final_train_accuracy",
    }


# --- bad input --------------------------------------------------------------------------

GOOD = _clean(SCENARIOS["good fit"])


def test_rejects_history_and_arrays_together_or_neither() -> None:
    history = History.from_arrays(**GOOD)
    with pytest.raises(ValueError, match=r"either history or the four arrays, not both"):
        diagnose(history, train_loss=GOOD["train_loss"])
    with pytest.raises(ValueError, match=r"missing \['train_loss', 'val_loss'"):
        diagnose()
    with pytest.raises(ValueError, match=r"missing \['val_accuracy'\]"):
        diagnose(**{k: v for k, v in GOOD.items() if k != "val_accuracy"})
    with pytest.raises(TypeError, match="history must be a History, got dict"):
        diagnose(GOOD)


def test_rejects_bad_curves() -> None:
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        diagnose(**{**GOOD, "val_loss": GOOD["val_loss"][:-1]})
    bad = GOOD["train_loss"].copy()
    bad[5] = np.nan
    with pytest.raises(ValueError, match="train_loss contains 1 NaN"):
        diagnose(**{**GOOD, "train_loss": bad})
    with pytest.raises(ValueError, match="val_accuracy must hold accuracies in"):
        diagnose(**{**GOOD, "val_accuracy": GOOD["val_accuracy"] * 100})


def test_rejects_too_few_epochs() -> None:
    short = {name: values[:6] for name, values in GOOD.items()}
    with pytest.raises(ValueError, match="has 6 epochs; diagnose needs at least 7"):
        diagnose(**short)
    assert diagnose(**short, patience=2).regime in REGIMES
    with pytest.raises(ValueError, match="needs at least 5"):
        diagnose(**{name: values[:4] for name, values in GOOD.items()}, patience=2)


@pytest.mark.parametrize(
    ("option", "error", "match"),
    [
        ({"smooth_window": 4}, ValueError, "smooth_window must be odd"),
        ({"smooth_window": 0}, ValueError, r"smooth_window must be in \[1, inf\]"),
        ({"smooth_window": 3.0}, TypeError, "smooth_window must be an integer"),
        ({"patience": 1}, ValueError, r"patience must be in \[2, inf\]"),
        ({"diverge_factor": 1.0}, ValueError, r"diverge_factor must be in \(1, inf\]"),
        ({"diverge_rise": 0}, ValueError, "diverge_rise must be in"),
        ({"min_drop": 1.0}, ValueError, r"min_drop must be in \[0, 1\)"),
        ({"oscillation_threshold": -1}, ValueError, "oscillation_threshold must be in"),
        ({"sign_change_threshold": 1.5}, ValueError, "sign_change_threshold must be in"),
        ({"rise_threshold": np.nan}, ValueError, "rise_threshold must be finite"),
        ({"accuracy_tolerance": "0.01"}, TypeError, "accuracy_tolerance must be a real"),
        ({"slope_ratio_threshold": 0}, ValueError, "slope_ratio_threshold must be in"),
        ({"high_loss_fraction": 0}, ValueError, r"high_loss_fraction must be in \(0, 1\]"),
        ({"baseline_accuracy": 1.2}, ValueError, r"baseline_accuracy must be in \[0, 1\]"),
    ],
)
def test_rejects_bad_thresholds(option, error, match) -> None:
    with pytest.raises(error, match=match):
        diagnose(**GOOD, **option)


def test_blow_up_then_settling_at_the_guess_is_not_learning_given_the_baseline():
    # Epoch 1 explodes, then the loss sits at ln 10 with chance accuracy.
    flat = np.log(10) + 0.001 * np.sin(np.arange(28))
    train_loss = np.r_[21.4, 2.6, flat]
    curves = {
        "train_loss": train_loss,
        "val_loss": train_loss + 0.01,
        "train_accuracy": np.full(30, 0.1),
        "val_accuracy": np.full(30, 0.1),
    }
    verdict = diagnose(**curves, baseline_loss=np.log(10))
    assert verdict.regime == "not learning"
    assert "ignores the input" in verdict.reason
    assert diagnose(**curves).regime != "not learning"  # why the baseline is needed


def test_baseline_loss_must_be_positive():
    curves = {k: np.linspace(1, 0.5, 10) for k in ("train_loss", "val_loss")}
    curves |= {k: np.linspace(0.5, 0.9, 10) for k in ("train_accuracy", "val_accuracy")}
    with pytest.raises(ValueError, match="baseline_loss must be in"):
        diagnose(**curves, baseline_loss=0.0)
