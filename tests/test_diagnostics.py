"""Tests of lossacc_helpers.diagnostics.diagnose on constructed learning curves.

Each regime is built from smooth curves with a known change point; the same curves with
seeded Gaussian noise (0.01 nats on the losses, 0.005 on the accuracies) must give the
same regime and a start epoch within START_TOLERANCE epochs of the true one. Files in
every log format are tested in test_log_corpus.py.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lossacc_helpers.diagnostics import REGIMES, Diagnosis, diagnose, noise_level
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
        "still improving",
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


def test_every_regime_but_inconclusive_is_covered() -> None:
    assert {curves[4] for curves in SCENARIOS.values()} | {"inconclusive"} == set(REGIMES)


def test_history_and_arrays_give_the_same_diagnosis() -> None:
    curves = _noisy(SCENARIOS["overfitting"], seed=0)
    from_history = diagnose(History.from_arrays(**curves))
    from_arrays = diagnose(**curves)
    assert from_history == from_arrays


def test_best_epoch_is_the_raw_minimum_in_the_log_numbering() -> None:
    curves = _noisy(SCENARIOS["overfitting"], seed=3)
    d = diagnose(**curves)
    assert d.best_epoch == int(np.argmin(curves["val_loss"])) + 1
    keras = History.from_arrays(**curves, epochs=np.arange(N_EPOCHS))  # 0-based
    assert diagnose(keras).best_epoch == d.best_epoch - 1 == keras.best_epoch


def test_measured_quantities() -> None:
    train_loss, val_loss, train_acc, val_acc = SCENARIOS["overfitting"][:4]
    d = diagnose(**_clean(SCENARIOS["overfitting"]), smooth_window=1, patience=5)
    best = int(np.argmin(val_loss))
    assert d.best_epoch == best + 1 == 15 and d.epochs_since_best == N_EPOCHS - 15
    assert_allclose(d.val_min, val_loss[best])
    assert_allclose(d.val_rise, np.median(val_loss[-5:]) - val_loss[best])
    assert_allclose(d.val_rise_relative, d.val_rise / val_loss[best])
    assert_allclose(d.val_accuracy_change, np.median(val_acc[-5:]) - val_acc[best])
    assert_allclose(d.gap, val_loss[-1] - train_loss[-1])
    assert_allclose(d.gap_at_best, val_loss[best] - train_loss[best])
    assert_allclose(d.final_train_accuracy, train_acc[-1])
    assert_allclose(d.explosion, min(train_loss[-2:]) / train_loss[0])
    assert_allclose(d.relative_drop, (train_loss[1] - train_loss[-1]) / train_loss[1])
    assert d.train_loss_change_after_best < 0
    assert d.sign_change_rate == 0.0
    assert "epoch 15" in d.reason and f"{d.val_rise_relative:.1%}" in d.reason


def test_noise_level_recovers_the_noise_of_a_trending_curve() -> None:
    rng = np.random.default_rng(1)
    t = np.arange(300)
    for sd in (0.005, 0.02, 0.1):
        curve = 2.0 * np.exp(-t / 40) + rng.normal(0, sd, len(t))
        assert noise_level(curve) == pytest.approx(sd, rel=0.2)
    assert noise_level(0.5 - 0.01 * t) == pytest.approx(0.0, abs=1e-12)  # a line: no noise
    assert noise_level([1.0, 2.0]) == 0.0 and noise_level([1.0, np.nan, 2.0, 3.0]) == 0.0


@pytest.mark.parametrize("n_epochs", [30, 200])
def test_flat_noisy_validation_curves_do_not_turn(n_epochs: int) -> None:
    # A converged run whose validation loss only wobbles: its minimum lies a few noise
    # levels below its typical value, which must not read as a turn.
    t = np.arange(1, n_epochs + 1)
    train = 0.2 + 0.5 * np.exp(-t / 3)
    wrong = []
    for seed in range(20):
        rng = np.random.default_rng(seed)
        val = 0.3 + 0.4 * np.exp(-t / 3) + rng.normal(0, 0.01, n_epochs)
        d = diagnose(train_loss=train + rng.normal(0, 0.005, n_epochs), val_loss=val)
        wrong += [d.reason] if d.regime != "good fit" else []
    assert len(wrong) <= 1, wrong  # at most 1 in 20 false alarms


def test_a_single_bump_or_two_spikes_are_not_a_rise() -> None:
    curves = _clean(SCENARIOS["good fit"])
    curves["val_loss"] = curves["val_loss"].copy()
    curves["val_loss"][[-4, -2]] += 0.3  # two bad epochs near the end
    curves["train_loss"] = curves["train_loss"].copy()
    curves["train_loss"][-2] += 0.3
    d = diagnose(**curves)
    assert d.regime == "good fit", d.reason


def test_rules_are_checked_in_order() -> None:
    # The explosion also makes the validation loss rise: diverging wins.
    d = diagnose(**_clean(SCENARIOS["explosion"]))
    assert d.regime == "diverging" and d.val_rise > d.rise_threshold
    # A flat training loss with a rising validation loss is "not learning".
    curves = _clean(SCENARIOS["flat"])
    curves["val_loss"] = curves["val_loss"] + 0.02 * np.maximum(T - 20, 0)
    assert diagnose(**curves).regime == "not learning"


def test_thresholds_change_the_verdict() -> None:
    good = _clean(SCENARIOS["good fit"])
    assert diagnose(**good, baseline_accuracy=0.95).regime == "underfitting"
    assert "baseline" in diagnose(**good, baseline_accuracy=0.95).reason
    assert diagnose(**good, baseline_accuracy=0.90).regime == "good fit"
    plateau = _clean(SCENARIOS["high plateau"])
    assert diagnose(**plateau, high_loss_fraction=1.0).regime == "good fit"
    overfit = _clean(SCENARIOS["overfitting"])
    assert diagnose(**overfit, min_rise=0.9).regime != "overfitting"
    assert diagnose(**overfit, accuracy_tolerance=0.2).regime == "overconfident"


def test_nan_or_inf_means_diverging_from_the_last_finite_epoch() -> None:
    curves = _clean(SCENARIOS["good fit"])
    curves["train_loss"] = curves["train_loss"].copy()
    curves["train_loss"][25:] = np.nan
    d = diagnose(**curves)
    assert d.regime == "diverging" and d.start_epoch == 25
    assert "NaN at epoch 26" in d.reason
    curves["train_loss"][25:] = np.inf
    assert "infinite" in diagnose(**curves).reason
    assert diagnose(train_loss=[np.nan], val_loss=[np.nan]).best_epoch is None


def test_short_runs_are_inconclusive_or_use_a_small_patience() -> None:
    good = _clean(SCENARIOS["overfitting"])
    short = diagnose(**{k: v[:3] for k, v in good.items()})
    assert short.regime == "inconclusive" and "only 3 entries" in short.reason
    nine = diagnose(
        train_loss=[1.2, 0.6, 0.4, 0.3, 0.22, 0.17, 0.13, 0.1, 0.08],
        val_loss=[1.0, 0.6, 0.45, 0.42, 0.45, 0.5, 0.55, 0.6, 0.65],
    )
    assert nine.patience == 3 and nine.regime == "overfitting" and nine.best_epoch == 4


def test_loss_only_logs_get_a_verdict_and_a_note() -> None:
    curves = _noisy(SCENARIOS["overconfident"], seed=0)
    d = diagnose(train_loss=curves["train_loss"], val_loss=curves["val_loss"])
    assert d.regime == "overfitting" and d.val_accuracy_change is None
    assert any("no validation accuracy" in note for note in d.notes)


def test_a_recent_rise_is_inconclusive_not_still_improving() -> None:
    val = np.r_[0.7 - 0.01 * np.arange(30), 0.45, 0.5]
    d = diagnose(train_loss=np.linspace(0.7, 0.2, 32), val_loss=val, patience=5)
    assert d.regime == "inconclusive" and "only 2 entries ago" in d.reason


def test_a_rise_shared_with_the_training_loss_is_not_overfitting() -> None:
    t = T
    train = 0.9 + 0.5 * np.exp(-t / 2) + 0.002 * np.maximum(t - 5, 0)
    val = 0.95 + 0.5 * np.exp(-t / 2) + 0.002 * np.maximum(t - 5, 0)
    d = diagnose(train_loss=train, val_loss=val)
    assert d.regime == "underfitting" and "rose with it" in d.reason
    assert "do not train longer" in d.reason


def test_degenerate_curves_are_inconclusive() -> None:
    good = _clean(SCENARIOS["good fit"])
    frozen = diagnose(**{**good, "val_loss": np.full(N_EPOCHS, 0.61)})
    assert frozen.regime == "inconclusive" and "frozen" in frozen.reason
    perfect = diagnose(**{**good, "val_accuracy": np.ones(N_EPOCHS)})
    assert perfect.regime == "inconclusive" and "1.0 from the first" in perfect.reason
    rng = np.random.default_rng(0)
    noisy = {**good, "val_loss": 0.5 + 0.05 * FAST + rng.normal(0, 0.1, N_EPOCHS)}
    assert "too noisy" in diagnose(**noisy).reason


def test_baseline_catches_broken_runs() -> None:
    # Epoch 1 explodes, then the loss sits at ln 10 with chance accuracy.
    flat = np.log(10) + 0.001 * np.sin(np.arange(28))
    train_loss = np.r_[21.4, 2.6, flat]
    curves = {
        "train_loss": train_loss,
        "val_loss": train_loss + 0.01,
        "train_accuracy": np.full(30, 0.1),
        "val_accuracy": np.full(30, 0.1),
    }
    for verdict in (diagnose(**curves, n_classes=10), diagnose(**curves, baseline_loss=np.log(10))):
        assert verdict.regime == "not learning" and "ignores the input" in verdict.reason
    assert diagnose(History.from_arrays(**curves, n_classes=10)).baseline_loss == np.log(10)
    far = diagnose(
        train_loss=np.full(20, 30.0) + np.arange(20) % 3,
        val_loss=np.full(20, 31.0) + np.arange(20) % 2,
        n_classes=10,
    )
    assert far.regime == "not learning" and "far above" in far.reason


def test_validation_below_training_is_noted_not_judged() -> None:
    good = _clean(SCENARIOS["good fit"])
    d = diagnose(**{**good, "val_loss": good["train_loss"] - 0.1})
    assert d.regime == "good fit" and any("below the training loss" in n for n in d.notes)


def test_to_dict_holds_every_field() -> None:
    d = diagnose(**_clean(SCENARIOS["overfitting"]), notes=("from a loader",))
    as_dict = d.to_dict()
    assert as_dict["regime"] == "overfitting" and as_dict["notes"][0] == "from a loader"
    assert as_dict["start_epoch"] == d.start_epoch == d.best_epoch
    assert {"best_epoch", "val_noise", "val_rise", "rise_threshold", "gap"} <= set(as_dict)
    assert set(as_dict) == {f.name for f in dataclasses.fields(Diagnosis)}


# --- bad input --------------------------------------------------------------------------

GOOD = _clean(SCENARIOS["good fit"])


def test_rejects_history_and_arrays_together_or_neither() -> None:
    history = History.from_arrays(**GOOD)
    with pytest.raises(ValueError, match=r"either history or the arrays, not both"):
        diagnose(history, train_loss=GOOD["train_loss"])
    with pytest.raises(ValueError, match=r"missing \['train_loss', 'val_loss'\]"):
        diagnose()
    with pytest.raises(ValueError, match=r"missing \['val_loss'\]"):
        diagnose(train_loss=GOOD["train_loss"])
    with pytest.raises(TypeError, match="history must be a History, got dict"):
        diagnose(GOOD)


def test_rejects_bad_curves() -> None:
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        diagnose(**{**GOOD, "val_loss": GOOD["val_loss"][:-1]})
    with pytest.raises(ValueError, match="val_accuracy must hold accuracies in"):
        diagnose(**{**GOOD, "val_accuracy": GOOD["val_accuracy"] * 100})
    with pytest.raises(ValueError, match="train_loss must hold non-negative losses"):
        diagnose(**{**GOOD, "train_loss": -GOOD["train_loss"]})


@pytest.mark.parametrize(
    ("option", "error", "match"),
    [
        ({"smooth_window": 4}, ValueError, "smooth_window must be odd"),
        ({"smooth_window": 0}, ValueError, r"smooth_window must be in \[1, inf\]"),
        ({"smooth_window": 3.0}, TypeError, "smooth_window must be an integer"),
        ({"patience": 0}, ValueError, r"patience must be in \[1, inf\]"),
        ({"noise_factor": 0}, ValueError, r"noise_factor must be in \(0, inf\]"),
        ({"min_rise": 2}, ValueError, r"min_rise must be in \[0, 1\]"),
        ({"diverge_factor": 1.0}, ValueError, r"diverge_factor must be in \(1, inf\]"),
        ({"diverge_rise": 0}, ValueError, "diverge_rise must be in"),
        ({"min_drop": 1.0}, ValueError, r"min_drop must be in \[0, 1\)"),
        ({"oscillation_threshold": -1}, ValueError, "oscillation_threshold must be in"),
        ({"sign_change_threshold": 1.5}, ValueError, "sign_change_threshold must be in"),
        ({"noise_factor": np.nan}, ValueError, "noise_factor must be finite"),
        ({"accuracy_tolerance": "0.01"}, TypeError, "accuracy_tolerance must be a real"),
        ({"shared_rise": -0.1}, ValueError, "shared_rise must be in"),
        ({"min_late_fall": 1.5}, ValueError, "min_late_fall must be in"),
        ({"high_loss_fraction": 0}, ValueError, r"high_loss_fraction must be in \(0, 1\]"),
        ({"baseline_accuracy": 1.2}, ValueError, r"baseline_accuracy must be in \[0, 1\]"),
        ({"baseline_loss": 0.0}, ValueError, "baseline_loss must be in"),
        ({"n_classes": 1}, ValueError, r"n_classes must be in \[2, inf\]"),
        (
            {"n_classes": 2, "baseline_loss": 0.5},
            ValueError,
            "baseline_loss or n_classes, not both",
        ),
    ],
)
def test_rejects_bad_options(option, error, match) -> None:
    with pytest.raises(error, match=match):
        diagnose(**GOOD, **option)


# ------------------------------------------------------------------ diagnosis_table
def test_diagnosis_table_has_one_padded_line_per_run() -> None:
    from lossacc_helpers.diagnostics import diagnosis_table

    a = History.from_arrays([0.7, 0.5, 0.4, 0.3], [0.8, 0.6, 0.5, 0.55])
    b = History.from_arrays([0.9, 0.6, 0.5, 0.45], [0.9, 0.7, 0.65, 0.6])
    runs = {"a": a, "longer name": b}
    lines = diagnosis_table(runs).splitlines()
    assert len(lines) == 2
    width = len("longer name") + 1
    regimes = [diagnose(a).regime, diagnose(b).regime]
    regime_width = max(map(len, regimes)) + 1
    assert lines[0].startswith(f"{'a':<{width}} {regimes[0]:<{regime_width}} lowest")
    assert lines[0].endswith("lowest validation loss 0.500 (epoch 3), last 0.550")
    assert lines[1].endswith("0.600 (epoch 4), last 0.600")
    given = {"a": diagnose(a), "longer name": diagnose(b)}
    assert diagnosis_table(runs, given) == diagnosis_table(runs)


def test_diagnosis_table_rejects_bad_input() -> None:
    from lossacc_helpers.diagnostics import diagnosis_table

    h = History.from_arrays([0.7, 0.5, 0.4, 0.3], [0.8, 0.6, 0.5, 0.55])
    with pytest.raises(TypeError, match="non-empty mapping"):
        diagnosis_table([h])
    with pytest.raises(TypeError, match="must be a History"):
        diagnosis_table({"a": [0.1, 0.2]})
    with pytest.raises(ValueError, match="same runs"):
        diagnosis_table({"a": h}, {"b": diagnose(h)})
    with pytest.raises(TypeError, match="must be a Diagnosis"):
        diagnosis_table({"a": h}, {"a": "good fit"})
