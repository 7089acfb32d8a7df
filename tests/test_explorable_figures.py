"""The book's explorables hold the numbers scikit-learn and the package's functions give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    confusion_matrix,
    f1_score,
    log_loss,
)

import lossacc_helpers as lah


def test_cost_of_probability() -> None:
    figure = lah.cost_of_probability_explorable(batch_size=10, others_proba=0.8)
    row = figure.row_at(0.25)
    assert row["p"] == 0.25
    assert np.isclose(row["nats"], np.log(4), rtol=1e-5)
    assert np.isclose(row["bits"], 2.0, rtol=1e-5)
    assert np.isclose(row["share"], np.log(4) / (np.log(4) - 9 * np.log(0.8)), rtol=1e-5)
    with pytest.raises(ValueError, match="batch_size"):
        lah.cost_of_probability_explorable(batch_size=1)
    with pytest.raises(ValueError, match="others_proba"):
        lah.cost_of_probability_explorable(others_proba=0.0)


def test_threshold_matches_sklearn() -> None:
    rng = np.random.default_rng(0)
    y = (rng.random(400) < 0.1).astype(int)
    proba = np.clip(0.3 * y + rng.random(400) * 0.7, 0, 1)
    figure = lah.threshold_explorable(y, pd.Series(proba))
    for t in (0.3, 0.5, 0.8):
        row, pred = figure.row_at(t), (proba >= t).astype(int)
        assert row["threshold"] == t
        assert np.isclose(row["acc"], accuracy_score(y, pred), rtol=1e-5)
        assert np.isclose(row["bal"], balanced_accuracy_score(y, pred), rtol=1e-5)
        assert np.isclose(row["f1"], f1_score(y, pred, average="macro"), rtol=1e-5)
        tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
        assert (row["tn"], row["fp"], row["fn"], row["tp"]) == (tn, fp, fn, tp)
    with pytest.raises(ValueError, match="labels 0 and 1"):
        lah.threshold_explorable(y + 1, proba)
    with pytest.raises(ValueError):
        lah.threshold_explorable(y[:10], proba)


def test_mistake_confidence_is_the_log_loss_of_such_a_model() -> None:
    figure = lah.mistake_confidence_explorable(0.9, proba_when_right=[0.99])
    row = figure.row_at(1e-3, "0.99")
    p = row["p"]
    # 90 right with 0.99 for the true class, 10 wrong with p for it.
    y = np.ones(100, dtype=int)
    proba1 = np.r_[np.full(90, 0.99), np.full(10, p)]
    assert np.isclose(row["loss"], log_loss(y, proba1, labels=[0, 1]), rtol=1e-5)
    assert np.isclose(row["floor"], 0.1 * np.log(2), rtol=1e-5)
    assert row["loss"] > row["floor"]  # argmax mistakes give at most 1/2
    for bad in ({"accuracy": 1.0}, {"accuracy": 0.9, "proba_when_right": [0.4]}):
        with pytest.raises(ValueError):
            lah.mistake_confidence_explorable(**bad)
    with pytest.raises(ValueError, match="at least one"):
        lah.mistake_confidence_explorable(0.9, proba_when_right=[])


def test_margin_reads_the_registry() -> None:
    figure = lah.margin_explorable(losses=["hinge", "logistic"])
    assert figure.controls["group"]["options"] == ["hinge", "logistic"]
    row = figure.row_at(-1.0, "logistic")
    assert np.isclose(row["value"], lah.SURROGATES["logistic"].loss(np.array([-1.0]))[0])
    assert np.isclose(row["slope"], lah.SURROGATES["logistic"].derivative(np.array([-1.0]))[0])
    assert row["zero_one"] == 1.0
    assert len(lah.margin_explorable().controls["group"]["options"]) == len(lah.SURROGATES) - 1
    with pytest.raises(ValueError, match="surrogates"):
        lah.margin_explorable(losses=["zero_one"])
    with pytest.raises(ValueError, match="surrogates"):
        lah.margin_explorable(losses=["cubic"])


def test_runs_show_each_run_and_its_verdict() -> None:
    falling = lah.History(
        train_loss=np.linspace(2, 0.2, 12),
        val_loss=np.linspace(2.1, 0.3, 12),
        val_accuracy=np.linspace(0.3, 0.9, 12),
    )
    figure = lah.runs_explorable({"run A": falling})
    row = figure.row_at(3, "run A")
    assert row["epoch"] == 3 and np.isclose(row["train"], falling.train_loss[2])
    assert row["verdict"] == lah.diagnose(falling).regime
    with pytest.raises(TypeError, match="non-empty mapping"):
        lah.runs_explorable({})
    no_val_accuracy = lah.History(train_loss=[1.0, 0.5], val_loss=[1.0, 0.6])
    with pytest.raises(ValueError, match="no validation curves"):
        lah.runs_explorable({"b": no_val_accuracy})


def test_temperature_scores_and_the_unchanged_accuracy() -> None:
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(200, 3)) * 3
    y = rng.integers(0, 3, 200)
    figure = lah.temperature_explorable(y, logits, [0.5, 1.0, 2.0])
    sweep = lah.temperature_sweep(y, logits, [0.5, 1.0, 2.0])
    for i, t in enumerate((0.5, 1.0, 2.0)):
        row = figure.row_at(t)
        assert np.isclose(row["ce"], sweep["cross-entropy"][i], rtol=1e-5)
        assert np.isclose(row["ece"], sweep["ECE"][i], rtol=1e-5)
        assert np.isclose(row["acc"], accuracy_score(y, logits.argmax(axis=1)), rtol=1e-5)
    with pytest.raises(ValueError):
        lah.temperature_explorable(y, logits, [0.0, 1.0])


def test_reliability_bins_match_calibration_bins() -> None:
    rng = np.random.default_rng(2)
    logits = rng.normal(size=(300, 4)) * 4
    y = rng.integers(0, 4, 300)
    figure = lah.reliability_explorable(y, logits, [1.0, 2.0], n_bins=10)
    assert figure.controls["group"]["options"] == ["1.00", "2.00"]
    bins = lah.calibration_bins(y, lah.softmax(logits / 2.0), n_bins=10)
    full = bins.counts > 0
    rows = [r for r in figure.rows if r["T"] == "2.00"]
    assert [r["n"] for r in rows] == bins.counts[full].tolist()
    assert np.allclose([r["acc"] for r in rows], bins.accuracy[full], rtol=1e-5)
    assert all(r["diagonal"] == r["conf"] for r in rows)
    ece = lah.expected_calibration_error(y, lah.softmax(logits / 2.0), n_bins=10)
    assert np.isclose(rows[0]["ece"], ece, rtol=1e-5)
    with pytest.raises(ValueError, match="at least one"):
        lah.reliability_explorable(y, logits, [])
    with pytest.raises(ValueError):
        lah.reliability_explorable(y, logits, [-1.0])
