"""Shared test settings: a non-interactive matplotlib backend and hypothesis profiles."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator

import matplotlib
import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from _book import BUILD_COMMAND, HTML, ROOT, run

matplotlib.use("Agg")

# The book's Sphinx extensions (tested directly by a few modules) import as top-level modules.
sys.path.insert(0, str(ROOT / "_ext"))

# The slow site checks (the whole-book PDF, Lighthouse, a fork that adds a chapter and
# builds the whole book a second time) run in `make check-site`, which sets
# LOSSACC_CHECK_SITE=1 (CI runs it); `make test` leaves them out to stay within its time
# budget.
collect_ignore = (
    []
    if os.environ.get("LOSSACC_CHECK_SITE") == "1"
    else ["test_pdf.py", "test_lighthouse.py", "test_fork.py"]
)

# Deterministic, bounded property tests: the suite must be reproducible and quick.
settings.register_profile(
    "book",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("book")


# The slowest test modules, in the order pytest-xdist should start them. With
# `--dist loadscope --no-loadscope-reorder` (pyproject.toml) each worker takes whole
# modules in collection order, so the long ones start first, on different workers, and
# the many short ones fill the gaps. Measured with `pytest --durations=0`.
_SLOW_FIRST = (
    "tests/test_book_build.py",  # builds the book (the browser tests wait for it)
    "tests/test_fork.py",  # only in `make check-site`
    "tests/test_guards.py",  # with chapter 5, about as long as the build, on the other
    "chapters/05_",  # worker: the browser tests, next, then start as the build ends
    "tests/test_site_in_browser.py",
    "chapters/06_",
    "chapters/04_",
    "chapters/",
    "tests/test_course_kit.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the slowest modules first (the order is the same on every worker)."""

    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return next((i for i, p in enumerate(_SLOW_FIRST) if path.startswith(p)), len(_SLOW_FIRST))

    items.sort(key=rank)


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every matplotlib figure a test opened (they would pile up in the worker)."""
    yield
    import matplotlib.pyplot as plt  # after matplotlib.use("Agg") above

    plt.close("all")


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


_PARTS = [
    (
        "helper unit tests",
        "tests/test_",
        (
            "test_book_build",
            "test_site_in_browser",
            "test_guards",
            "test_course_kit",
            "test_fork",
            "test_code_style",
            "test_stored_precision",
        ),
    ),
    ("helper doctests", "lossacc_helpers/", ()),
    ("notebook cells under nbval", "chapters/", ()),
    ("stored outputs at reproducible precision", "tests/test_stored_precision", ()),
    ("strict book build and site checks", "tests/test_book_build", ()),
    ("browser checks", "tests/test_site_in_browser", ()),
    ("guards (tampered outputs, raising cell, broken ref, CDN)", "tests/test_guards", ()),
    ("course kit (student versions, fork)", ("tests/test_course_kit", "tests/test_fork"), ()),
    ("chapter template under nbval", "tools/chapter_template.ipynb", ()),
    ("code style (ruff)", "tests/test_code_style", ()),
]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say what the suite covered: each part of the README's test command, with counts."""
    outcomes = {"passed": 0, "failed": 0, "error": 0, "skipped": 0}
    rows = []
    reports = [
        (outcome, report)
        for outcome in outcomes
        for report in terminalreporter.stats.get(outcome, [])
        if getattr(report, "when", "call") in ("call", "setup") and hasattr(report, "nodeid")
    ]
    for title, prefix, excluded in _PARTS:
        counts = dict.fromkeys(outcomes, 0)
        notebooks = set()
        for outcome, report in reports:
            node = report.nodeid
            if node.startswith(prefix) and not any(x in node for x in excluded):
                if outcome == "passed" and report.when != "call":
                    continue
                counts[outcome] += 1
                if prefix == "chapters/":
                    notebooks.add(node.split("::")[0])
        extra = f" in {len(notebooks)} notebooks" if notebooks else ""
        shown = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        rows.append(f"  {title:<56} {shown or 'none ran'}{extra}")
    terminalreporter.section("what the suite covered")
    for row in rows:
        terminalreporter.write_line(row)
