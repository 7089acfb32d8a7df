"""Tests of the command line: python -m lossacc_helpers diagnose PATH."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lossacc_helpers.cli import main
from lossacc_helpers.logs import example_log

CORPUS = Path(__file__).parent / "data" / "logs"


def test_module_prints_verdict_reason_and_best_epoch() -> None:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "lossacc_helpers", "diagnose", str(example_log("keras"))],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("overfitting: ")
    assert "best epoch: 4 (lowest validation loss" in result.stdout
    assert "0-based epoch column" in result.stdout
    assert elapsed < 3  # 1.5 s is the target on an idle machine; the suite runs in parallel


def test_json_has_the_documented_fields(capsys) -> None:
    assert main(["diagnose", str(CORPUS / "keras_restarted_good_fit.csv"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["regime"] == "good fit" and out["start_epoch"] is None
    assert out["best_epoch"] == 25 and out["best_index"] == 26
    for key in ("reason", "val_noise", "val_rise", "rise_threshold", "gap", "epoch_numbering"):
        assert key in out
    assert any("diagnosed the last of 2 runs" in note for note in out["notes"])


def test_n_classes_sets_the_baseline(capsys) -> None:
    path = str(CORPUS / "keras_broken_far_above_lnk.csv")
    assert main(["diagnose", path, "--n-classes", "10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["regime"] == "not learning"
    assert (
        main(["diagnose", str(CORPUS / "ultralytics_detection_good_fit.csv"), "--n-classes", "3"])
        == 0
    )
    assert "--n-classes 3 ignored" in capsys.readouterr().out


def test_plot_writes_a_png(tmp_path, capsys) -> None:
    out = tmp_path / "curves.png"
    assert (
        main(["diagnose", str(CORPUS / "hf_overfitting_half_epochs.json"), "--plot", str(out)]) == 0
    )
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diagnose", "/nonexistent/log.csv"], "no such file"),
        (["diagnose", str(CORPUS / "MANIFEST.json")], "no log_history list found"),
        (["diagnose", str(CORPUS / "keras_short.csv"), "--n-classes", "1"], "at least 2"),
    ],
)
def test_unreadable_input_exits_with_2_and_says_why(args, message, capsys) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_bad_arguments_exit_with_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["diagnose", "x.csv", "--format", "tensorboard"])
    assert exit_info.value.code == 2


def test_the_command_path_imports_neither_matplotlib_nor_scipy_nor_sklearn() -> None:
    path = str(example_log("lightning"))
    code = (
        "import sys, contextlib, io\n"
        "from lossacc_helpers.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['diagnose', {path!r}])\n"
        "print(sorted(m for m in ('matplotlib', 'scipy', 'sklearn') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
