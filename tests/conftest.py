"""Shared test settings: a non-interactive matplotlib backend and hypothesis profiles."""

from __future__ import annotations

import json
import os

import matplotlib
import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from _book import BUILD_COMMAND, HTML, ROOT, run

matplotlib.use("Agg")

# Deterministic, bounded property tests: the suite must be reproducible and quick.
settings.register_profile(
    "book",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("book")


def _build_book() -> tuple[int, str]:
    result = run([*BUILD_COMMAND, "."], cwd=ROOT, timeout=900)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Build the book once per test run (the README's strict build); return its log.

    The suite runs on two pytest-xdist workers, each with its own session. The first
    worker to need the site builds it under a file lock; the other reuses that build.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        code, log = _build_book()
    else:
        shared = tmp_path_factory.getbasetemp().parent
        with FileLock(str(shared / "book.lock")):
            record = shared / "book.json"
            if record.is_file():
                code, log = json.loads(record.read_text())
            else:
                code, log = _build_book()
                record.write_text(json.dumps([code, log]))
    assert code == 0, "the strict book build failed:\n" + log[-6000:]
    assert (HTML / "index.html").is_file()
    return log
