"""Tests of lossacc_helpers.logs: each reader on small files in its framework's layout."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from lossacc_helpers.logs import (
    TrainingLog,
    detect_format,
    example_log,
    load_log,
    read_csv_log,
    read_hf_trainer_state,
    read_keras_csv,
    read_lightning_csv,
    read_ultralytics_csv,
)

CORPUS = Path(__file__).parent / "data" / "logs"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, newline="")
    return path


def test_keras_csv_reads_zero_based_epochs_and_sorted_keys(tmp_path) -> None:
    path = _write(
        tmp_path,
        "log.csv",
        "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,1.2,0.6,1.0\r\n1,0.8,0.6,0.8,0.7\r\n",
    )
    log = read_keras_csv(path)
    assert isinstance(log, TrainingLog) and log.format == "keras"
    assert log.history.epochs.tolist() == [0, 1] and log.history.best_epoch == 1
    assert_allclose(log.history.train_loss, [1.2, 0.6])
    assert log.columns == {
        "train_loss": "loss",
        "val_loss": "val_loss",
        "train_accuracy": "accuracy",
        "val_accuracy": "val_accuracy",
    }
    assert detect_format(path) == "keras"


def test_keras_append_restart_keeps_the_last_run(tmp_path) -> None:
    rows = "".join(f"{e},{1 - e / 10},{1.1 - e / 10}\r\n" for e in range(5))
    again = "".join(f"{e},{0.9 - e / 20},{1.0 - e / 20}\r\n" for e in range(3))
    path = _write(tmp_path, "log.csv", "epoch,loss,val_loss\r\n" + rows + again)
    log = read_keras_csv(path)
    assert len(log.history) == 3 and log.history.epochs.tolist() == [0, 1, 2]
    assert any("diagnosed the last of 2 runs" in note for note in log.notes)
    repeated = _write(
        tmp_path, "joined.csv", "epoch,loss,val_loss\n" + rows + "epoch,loss,val_loss\n" + again
    )
    assert len(read_keras_csv(repeated).history) == 3


def test_keras_na_and_nan_cells(tmp_path) -> None:
    path = _write(tmp_path, "log.csv", "epoch,loss,val_loss\n0,1.0,NA\n1,0.8,0.9\n2,nan,nan\n")
    log = read_keras_csv(path)
    assert len(log.history) == 2 and np.isnan(log.history.train_loss[-1])
    assert any("1 of 3 entries" in note for note in log.notes)


def test_lightning_aggregates_sparse_rows_per_epoch(tmp_path) -> None:
    text = (
        "epoch,step,train_loss_epoch,train_loss_step,val_acc,val_loss\n"
        "0,1,,0.9,,\n0,3,,0.7,,\n0,3,,,0.6,0.75\n0,3,0.8,,,\n"
        "1,5,,0.5,,\n1,7,,0.3,,\n1,7,,,0.7,0.55\n1,7,0.4,,,\n"
    )
    log = read_lightning_csv(_write(tmp_path, "metrics.csv", text))
    assert log.history.epochs.tolist() == [0, 1]
    assert_allclose(log.history.train_loss, [0.8, 0.4])
    assert_allclose(log.history.val_accuracy, [0.6, 0.7])
    steps_only = (
        "epoch,step,train_loss_step,val_loss\n0,1,0.9,\n0,3,0.7,\n0,3,,0.75\n"
        "1,5,0.5,\n1,7,0.3,\n1,7,,0.55\n"
    )
    log = read_lightning_csv(_write(tmp_path, "steps.csv", steps_only))
    assert log.columns["train_loss"] == "train_loss_step"
    assert_allclose(log.history.train_loss, [0.8, 0.4])  # mean of the steps
    assert detect_format(tmp_path / "metrics.csv") == "lightning"


def test_hf_trainer_state_pairs_evaluations_with_training_losses(tmp_path) -> None:
    state = {
        "global_step": 30,
        "log_history": [
            {"epoch": 0.33, "loss": 1.0, "step": 10},
            {"epoch": 0.67, "loss": 0.8, "step": 20},
            {"epoch": 0.67, "eval_loss": 0.85, "eval_accuracy": 0.7, "step": 20},
            {"epoch": 1.0, "loss": 0.6, "step": 30},
            {"epoch": 1.0, "eval_loss": 0.7, "eval_accuracy": 0.75, "step": 30},
            {"epoch": 1.0, "step": 30, "train_loss": 0.8, "train_runtime": 3.0},
        ],
    }
    path = _write(tmp_path, "trainer_state.json", json.dumps(state, indent=2, sort_keys=True))
    log = read_hf_trainer_state(path)
    assert log.history.epochs.tolist() == [0.67, 1.0]
    assert_allclose(log.history.train_loss, [0.9, 0.6])
    assert_allclose(log.history.val_accuracy, [0.7, 0.75])
    assert log.history.train_accuracy is None
    assert load_log(tmp_path).format == "hf"  # a directory holding trainer_state.json


def test_ultralytics_padded_and_detection(tmp_path) -> None:
    header = ("%23s," * 4 % ("epoch", "train/loss", "metrics/accuracy_top1", "val/loss")).rstrip(
        ","
    )
    rows = [
        ("%23.5g," * 4 % (e + 1, 1 - e / 10, 0.5 + e / 20, 1.1 - e / 10)).rstrip(",")
        for e in range(4)
    ]
    path = _write(tmp_path, "results.csv", "\n".join([header, *rows]) + "\n")
    log = read_ultralytics_csv(path)
    assert log.history.epochs.tolist() == [1, 2, 3, 4] and log.loss_is_cross_entropy
    assert_allclose(log.history.val_accuracy, [0.5, 0.55, 0.6, 0.65])
    assert detect_format(path) == "ultralytics"
    detection = load_log(CORPUS / "ultralytics_detection_good_fit.csv")
    assert not detection.loss_is_cross_entropy and detection.history.val_accuracy is None
    assert "sum" in detection.notes[0]


def test_plain_csv_names_percentages_and_fastai(tmp_path) -> None:
    path = _write(
        tmp_path, "h.csv", "train_loss,valid_loss,train_acc,valid_acc\n1,1.1,50,48\n0.5,0.6,80,78\n"
    )
    log = read_csv_log(path)
    assert_allclose(log.history.val_accuracy, [0.48, 0.78])
    assert log.history.epochs.tolist() == [1, 2]
    assert any("percentage" in note for note in log.notes)
    fastai = load_log(CORPUS / "fastai_real_still_improving.csv")
    assert fastai.history.train_accuracy is None and fastai.columns["val_accuracy"] == "accuracy"
    assert fastai.history.epochs[0] == 0


def test_example_logs_are_shipped() -> None:
    assert load_log(example_log("keras")).format == "keras"
    assert load_log(example_log("lightning")).format == "lightning"
    pasted = np.loadtxt(example_log("pasted"), skiprows=1)  # chapter 5's exercise
    assert pasted.shape == (12, 5) and (pasted[:, 0] == np.arange(1, 13)).all()
    with pytest.raises(ValueError, match=r"name must be one of \['keras', 'lightning', 'pasted'\]"):
        example_log("hf")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (
            "epoch,loss,accuracy\n0,1.0,0.5\n",
            r"no validation loss column found; columns are \['epoch', 'loss', 'accuracy'\]",
        ),
        ("epoch,val_loss\n0,1.0\n", "no training loss column found"),
        ("", "is empty"),
        ("loss\n1.0\n", "single column"),
        (
            "epoch,loss,val_loss\n0,abc,1.0\n",
            r"row 2, column 'loss': expected a number, found 'abc'",
        ),
    ],
)
def test_unreadable_csv_files_name_what_is_missing(tmp_path, text, match) -> None:
    with pytest.raises(ValueError, match=match):
        load_log(_write(tmp_path, "bad.csv", text))


def test_unreadable_paths_and_formats(tmp_path) -> None:
    with pytest.raises(ValueError, match="no such file"):
        load_log(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="directory without a known log file"):
        load_log(tmp_path)
    with pytest.raises(ValueError, match="format must be 'auto' or one of"):
        load_log(example_log("keras"), format="tensorboard")
    with pytest.raises(TypeError, match="format must be a string, got int"):
        load_log(example_log("keras"), format=3)
    with pytest.raises(ValueError, match="not valid JSON"):
        load_log(_write(tmp_path, "x.json", "{not json"))
    with pytest.raises(ValueError, match="no log_history list found"):
        load_log(_write(tmp_path, "y.json", '{"epoch": 3}'))
    with pytest.raises(ValueError, match=r"no evaluation \(eval_loss\) entries"):
        load_log(_write(tmp_path, "z.json", '{"log_history": [{"loss": 1.0, "step": 1}]}'))
    with pytest.raises(ValueError, match="no ultralytics loss columns found"):
        load_log(_write(tmp_path, "r.csv", "epoch,metrics/mAP50(B)\n1,0.5\n"))
    with pytest.raises(ValueError, match="no epoch column"):
        read_lightning_csv(_write(tmp_path, "m.csv", "step,val_loss\n1,0.5\n"))
