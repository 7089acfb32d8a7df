"""Performance report of the book on this machine: tests, builds, notebooks, site size.

Usage: ``.venv/bin/python benchmarks/bench_book.py [--skip-tests]`` (``make benchmark``).
Measures, in this order:

1. the README's test command as a new user meets it, in a fresh clone of HEAD in a
   temporary folder: ``make setup`` (timed apart), the first ``make test`` (nothing built
   yet) and a second, warm ``make test`` (everything set up, nothing changed);
2. a cold book build (empty output folder);
3. a cached rebuild with no change;
4. a rebuild after touching one notebook;
5. each notebook's execution time, in a fresh kernel;
6. the size of the built site, of its heaviest page (HTML plus its images), of its
   largest image, and each page's notebook figures (count and kB).

Builds go to a temporary output folder, so ``_build`` is left alone. Prints a table with
the targets (warm suite <= 60 s, first run after setup <= 120 s, cached rebuild <= 5 s,
notebook <= 10 s, page <= 1.5 MB) and writes ``benchmarks/results/book.json``. These are
measurements, not tests: nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "book.json"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tools"))

from refresh_notebooks import refresh  # noqa: E402

TARGETS = {
    "warm_test_s": 60.0,
    "first_test_s": 120.0,
    "cached_rebuild_s": 5.0,
    "notebook_s": 10.0,
    "page_mb": 1.5,
}


def timed(command: list[str], cwd: Path = ROOT) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
    return elapsed, result.returncode


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.sources += [v for k, v in attrs if k == "src" and v]


def site_sizes(html: Path) -> dict[str, object]:
    files = [p for p in html.rglob("*") if p.is_file()]
    pages = {}
    figures: dict[str, dict[str, float]] = {}
    for page in html.rglob("*.html"):
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        images = {(page.parent / src.split("?")[0]).resolve() for src in parser.sources}
        weight = page.stat().st_size + sum(p.stat().st_size for p in images if p.is_file())
        pages[str(page.relative_to(html))] = weight
        drawn = [p for p in images if "_images" in p.parts and p.is_file()]
        if drawn:  # the notebook figures of a page: how many, and what they weigh
            figures[str(page.relative_to(html))] = {
                "count": len(drawn),
                "kb": round(sum(p.stat().st_size for p in drawn) / 1e3, 1),
                "largest_kb": round(max(p.stat().st_size for p in drawn) / 1e3, 1),
            }
    images = [p for p in files if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".svg", ".gif"}]
    heaviest = max(pages, key=pages.get)
    # What the explorables add: their stored rows in each page (the JSON in the HTML), and
    # the Vega builds a page with an explorable loads once, when the reader scrolls near it.
    spec = re.compile(r'class="lossacc-explorable-spec">(.*?)</script>', re.S)
    explorable_kb = {
        str(page.relative_to(html)): sum(len(m.encode()) for m in spec.findall(page.read_text()))
        / 1e3
        for page in html.rglob("*.html")
        if "lossacc-explorable-spec" in page.read_text()
    }
    vega = html / "vega"
    largest = max(images, key=lambda p: p.stat().st_size) if images else None
    return {
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "site_mb_without_mathjax": sum(p.stat().st_size for p in files if "mathjax" not in p.parts)
        / 1e6,
        "heaviest_page": heaviest,
        "heaviest_page_mb": pages[heaviest] / 1e6,
        "largest_image": str(largest.relative_to(html)) if largest else None,
        "largest_image_mb": largest.stat().st_size / 1e6 if largest else 0.0,
        "explorable_kb": explorable_kb,
        "figures": figures,
        "vega_mb": sum(p.stat().st_size for p in vega.glob("*.js")) / 1e6 if vega.is_dir() else 0.0,
    }


def fresh_clone_tests() -> dict[str, float | int]:
    """Time setup, the first and a warm ``make test`` in a fresh clone of HEAD."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "MAKEFLAGS")}
        results: dict[str, float | int] = {}
        for key, target in (("setup", "setup"), ("first_test", "test"), ("warm_test", "test")):
            start = time.perf_counter()
            done = subprocess.run(
                ["make", target], cwd=clone, capture_output=True, text=True, env=environment
            )
            results[f"{key}_s"] = time.perf_counter() - start
            results[f"{key}_exit"] = done.returncode
            if done.returncode != 0:
                print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite")
    args = parser.parse_args()
    report: dict[str, object] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
    }
    if not args.skip_tests:
        report.update(fresh_clone_tests())

    jupyter_book = str(BIN / "jupyter-book")
    with tempfile.TemporaryDirectory() as tmp:
        build = [jupyter_book, "build", "--path-output", tmp, "."]
        report["cold_build_s"], _ = timed(build)
        report["cached_rebuild_s"], _ = timed(build)
        notebook = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))[0]
        notebook.touch()
        report["touched_rebuild_s"], _ = timed(build)
        report["touched_notebook"] = notebook.name
        report.update(site_sizes(Path(tmp) / "_build" / "html"))

    timings = {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")):
            copy = Path(tmp) / path.name
            shutil.copy2(path, copy)
            timings[path.name] = refresh(copy)  # a fresh kernel, as in nbval and the build
    report["notebook_s"] = timings

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print_table(report)
    print(f"written {RESULTS.relative_to(ROOT)}")


def print_table(report: dict) -> None:
    def row(name: str, value: float, unit: str, target: float | None = None) -> None:
        verdict = "" if target is None else ("ok" if value <= target else "MISSED")
        limit = "" if target is None else f"<= {target:g} {unit}"
        print(f"{name:<38} {value:>9.2f} {unit:<3} {limit:<12} {verdict}")

    print(f"{'measure':<38} {'value':>9} {'':<3} {'target':<12}")
    if "warm_test_s" in report:
        row("fresh clone: make setup", report["setup_s"], "s")
        row("fresh clone: first make test", report["first_test_s"], "s", TARGETS["first_test_s"])
        row("warm make test", report["warm_test_s"], "s", TARGETS["warm_test_s"])
    row("cold book build", report["cold_build_s"], "s")
    row("cached rebuild, no change", report["cached_rebuild_s"], "s", TARGETS["cached_rebuild_s"])
    row(
        f"rebuild after touching {report['touched_notebook'][:10]}",
        report["touched_rebuild_s"],
        "s",
    )
    for name, seconds in report["notebook_s"].items():
        row(f"notebook {name[:29]}", seconds, "s", TARGETS["notebook_s"])
    row("built site", report["site_mb"], "MB")
    row("built site without MathJax", report["site_mb_without_mathjax"], "MB")
    row(
        f"heaviest page: {report['heaviest_page'][:22]}",
        report["heaviest_page_mb"],
        "MB",
        TARGETS["page_mb"],
    )
    row(f"largest image: {str(report['largest_image'])[-22:]}", report["largest_image_mb"], "MB")
    for page, figures in report.get("figures", {}).items():
        row(f"{figures['count']} figures: {page.split('/')[-1][:24]}", figures["kb"], "kB")
    for page, kb in report.get("explorable_kb", {}).items():
        row(f"explorable data: {page.split('/')[-1][:20]}", kb, "kB")
    row("Vega builds (pages with explorables)", report.get("vega_mb", 0.0), "MB")


if __name__ == "__main__":
    main()
