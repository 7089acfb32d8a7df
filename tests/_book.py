"""Paths and commands shared by the tests that build the book."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
JUPYTER_BOOK = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or "jupyter-book"
# --all re-reads every page (a cached page would not repeat its warnings); notebooks are
# still only re-executed when their code changed.
BUILD_COMMAND = [JUPYTER_BOOK, "build", "--all", "--warningiserror", "--nitpick", "--keep-going"]


def run(command: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output as text (never raising on failure)."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def toc_pages() -> list[str]:
    """Every page of the table of contents, as a path without suffix (``chapters/01_...``)."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    walk(toc.get("chapters", []))
    return pages
