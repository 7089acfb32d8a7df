"""Every log of tests/data/logs/ against the reading stated in its MANIFEST.json.

The corpus is rebuilt by tests/data/logs/make_corpus.py: real scikit-learn runs and
synthetic curves, each written in the layout of one framework's logger.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from lossacc_helpers.cli import diagnose_log
from lossacc_helpers.logs import FORMATS, load_log

CORPUS = Path(__file__).parent / "data" / "logs"
MANIFEST = json.loads((CORPUS / "MANIFEST.json").read_text())
NAMES = [entry["file"] for entry in MANIFEST]


def _read(entry: dict):
    log = load_log(CORPUS / entry["file"])
    return log, diagnose_log(log, n_classes=entry.get("n_classes"))


def test_the_corpus_covers_every_format_and_kind() -> None:
    assert {entry["format"] for entry in MANIFEST} == set(FORMATS)
    assert {entry["kind"] for entry in MANIFEST} == {"real", "synthetic"}
    assert sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".json")) == sorted(
        [*NAMES, "MANIFEST.json"]
    )
    for entry in MANIFEST:
        assert entry["why"].endswith(".") and len(entry["why"]) > 30, entry


@pytest.mark.parametrize("entry", MANIFEST, ids=NAMES)
def test_verdict_matches_the_stated_reading(entry: dict) -> None:
    log, diagnosis = _read(entry)
    assert log.format == entry["format"]
    assert diagnosis.regime == entry["verdict"], f"{entry['why']}\n{diagnosis.reason}"
    if "columns" in entry:
        assert {k: log.columns[k] for k in entry["columns"]} == entry["columns"]
    if "note" in entry:
        assert any(entry["note"] in note for note in diagnosis.notes), diagnosis.notes


@pytest.mark.parametrize("entry", MANIFEST, ids=NAMES)
def test_best_epoch_is_the_raw_minimum_of_the_validation_loss(entry: dict) -> None:
    log, diagnosis = _read(entry)
    val = log.history.val_loss
    if not np.any(np.isfinite(val)):
        return
    raw = int(np.nanargmin(val))
    assert diagnosis.best_epoch == log.history.epochs[raw]


def _independent_rise(val: np.ndarray, patience: int) -> tuple[float, float]:
    """Rise of the median after the raw minimum, and 3 robust noise SDs (own estimate)."""
    best = int(np.argmin(val))
    tail = val[max(best + 1, len(val) - patience) :]
    rise = float(np.median(tail) - val[best]) if len(tail) else 0.0
    second = val[1:-1] - (val[:-2] + val[2:]) / 2
    noise = 1.4826 * np.median(np.abs(second)) / np.sqrt(1.5)
    return rise, 3 * noise


@pytest.mark.parametrize("entry", MANIFEST, ids=NAMES)
def test_a_risen_validation_loss_is_never_told_to_train_longer(entry: dict) -> None:
    log, diagnosis = _read(entry)
    val = log.history.val_loss
    if not np.all(np.isfinite(val)) or len(val) < 4:
        return
    rise, noise = _independent_rise(val, diagnosis.patience)
    if rise > noise:
        assert diagnosis.regime != "still improving", diagnosis.reason
        assert "train longer" not in diagnosis.reason.replace("do not train longer", "")
        if diagnosis.regime == "underfitting":  # allowed only for a rise both losses share
            assert "the training loss rose with it" in diagnosis.reason


def test_agreement_summary() -> None:
    agree = sum(_read(entry)[1].regime == entry["verdict"] for entry in MANIFEST)
    assert agree == len(MANIFEST), f"{agree} of {len(MANIFEST)} verdicts agree"
