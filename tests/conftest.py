"""Shared test settings: a non-interactive matplotlib backend and hypothesis profiles."""

from __future__ import annotations

import matplotlib
from hypothesis import HealthCheck, settings

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
