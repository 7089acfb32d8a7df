"""Lighthouse mobile performance of every page, offline: ``python tools/lighthouse.py``.

Serves ``_build/html`` on 127.0.0.1 (text files gzip-compressed, as GitHub Pages and
most static hosts serve them) and runs npm's ``lighthouse`` (pinned in package.json,
installed by ``make setup``) with the system Chromium (``CHROME_PATH``) on each page of
the table of contents: the default mobile profile (a slow 4G connection and a 4x slower
CPU, simulated), performance category only. The simulation scales the CPU work it
observed on this machine, so one run swings by 10 points or more with the machine's load;
each page is measured ``RUNS`` times and the run with the median score is kept, as
Lighthouse's own guide to variability recommends. Prints the score, the page weight
(bytes transferred) and the metrics per page and writes them to
``benchmarks/results/lighthouse.json``.
``tests/test_lighthouse.py`` (``make check-site``) runs the same measurement.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from _book import HTML, toc_pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = ROOT / "benchmarks" / "results" / "lighthouse.json"
RUNS = 3


_COMPRESSIBLE = {".html", ".js", ".css", ".svg", ".json", ".txt", ".map", ".inv"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses text files with gzip, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # noqa: D102
        path = Path(self.translate_path(self.path))
        if (
            path.suffix not in _COMPRESSIBLE
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _chromium() -> str:
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    return os.environ.get("LOSSACC_CHROMIUM") or next(filter(None, map(shutil.which, names)))


def _run(url: str, env: dict[str, str]) -> dict[str, float]:
    """One Lighthouse run of ``url``: its score, weight and metrics."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                shutil.which("node") or "node",
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env=env,
            timeout=300,
        )
        data = json.loads(report.read_text())
    audits = data["audits"]
    return {
        "performance": round(100 * data["categories"]["performance"]["score"]),
        "bytes": audits["total-byte-weight"]["numericValue"],
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }


def measure(pages: list[str] | None = None, runs: int = RUNS) -> dict[str, dict[str, float]]:
    """Return ``{page: {"performance": 0-100, "bytes": ..., "lcp_ms": ..., ...}}``.

    Each page's entry is its median run (by score) of ``runs``, with every run's score
    in ``"scores"``.
    """
    handler = functools.partial(_Quiet, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    env = {**os.environ, "CHROME_PATH": _chromium()}
    try:
        for page in pages or toc_pages():
            measured = sorted(
                (_run(base + page + ".html", env) for _ in range(runs)),
                key=lambda run: run["performance"],
            )
            results[page] = {
                **measured[len(measured) // 2],
                "scores": [run["performance"] for run in measured],
            }
            print(page, results[page], flush=True)
    finally:
        server.shutdown()
        server.server_close()
    return results


def main() -> int:
    results = measure(sys.argv[1:] or None)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
