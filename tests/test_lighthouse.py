"""Lighthouse mobile performance of every chapter (``make check-site``, not ``make test``).

Runs npm's pinned ``lighthouse`` with the system Chromium against the built site on
127.0.0.1 (``tools/lighthouse.py``, gzip like GitHub Pages), three times per chapter, and
keeps the median run; writes ``benchmarks/results/lighthouse.json``. The issue's target
is a mobile performance of 80 on every chapter: the test holds each chapter's median to
it, and checks that images do not shift the layout.
"""

from __future__ import annotations

import json
import sys

import pytest

from _book import ROOT, toc_pages

FLOOR = 80  # medians measured 86-95 on this 2-core machine (runs of a page within 3 points)
MAX_LAYOUT_SHIFT = 0.1


@pytest.fixture(scope="module")
def scores(built_site: str) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(ROOT / "tools"))
    import lighthouse

    results = lighthouse.measure([p for p in toc_pages() if p.startswith("chapters/")])
    lighthouse.RESULTS.parent.mkdir(parents=True, exist_ok=True)
    lighthouse.RESULTS.write_text(json.dumps(results, indent=2))
    return results


@pytest.mark.parametrize("page", [p for p in toc_pages() if p.startswith("chapters/")])
def test_mobile_performance(scores: dict, page: str) -> None:
    result = scores[page]
    assert result["performance"] >= FLOOR, f"{page}: {result}"
    assert result["cls"] <= MAX_LAYOUT_SHIFT, f"{page}: layout shift {result}"
