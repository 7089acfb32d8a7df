"""Shared test settings: a non-interactive matplotlib backend and hypothesis profiles."""

from __future__ import annotations

import matplotlib
import pytest
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


@pytest.fixture(scope="session")
def built_site() -> str:
    """Build the book once per test session (the README's strict build); return its log."""
    result = run([*BUILD_COMMAND, "."], cwd=ROOT, timeout=900)
    log = result.stdout + result.stderr
    assert result.returncode == 0, "the strict book build failed:\n" + log[-6000:]
    assert (HTML / "index.html").is_file()
    return log
