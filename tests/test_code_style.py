"""The code is ruff-clean and ruff-formatted (the rules are in pyproject.toml)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from _book import ROOT, run


def test_ruff_reports_no_problem() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.fail("ruff is not installed in the test environment; run `make setup`")
    result = run([ruff, "check", "--no-cache", "."], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    # The chapters' code cells too: `ruff format .` (or `make format`) fixes a failure.
    result = run([ruff, "format", "--check", "--no-cache", "."], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
