"""Paths and commands shared by the tests that build the book."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
JUPYTER_BOOK = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or "jupyter-book"
# --all re-reads every page (a cached page would not repeat its warnings); notebooks are
# still only re-executed when their code changed.
BUILD_COMMAND = [JUPYTER_BOOK, "build", "--all", "--warningiserror", "--nitpick", "--keep-going"]


def run(command: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output as text (never raising on failure)."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def book_config() -> dict:
    """The book's ``_config.yml``."""
    import yaml

    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def published_address() -> str:
    """The address the site is published at (``_ext/social_card.py``), ending in ``/``."""
    from social_card import site_address

    config = book_config()
    return site_address(config["html"]["baseurl"], config["repository"]["url"])


def published_path() -> str:
    """The path of that address (``/REPO/`` on GitHub Pages; ``/`` for a site at the root)."""
    return urlsplit(published_address()).path or "/"


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


class ResourceCollector(HTMLParser):
    """Collect every URL a page *loads* (scripts, styles, images, frames, fonts), not links."""

    LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed", "track"}:
            self.urls += [a[k] for k in ("src",) if a.get(k)]
            if a.get("srcset"):
                self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        elif tag == "link" and set(a.get("rel", "").lower().split()) & self.LOADING_RELS:
            self.urls.append(a.get("href", ""))
        elif tag == "object" and a.get("data"):
            self.urls.append(a["data"])


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in {"http", "https"} or url.startswith("//"))


_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")


def external_resources(html: Path) -> dict[str, list[str]]:
    """Every URL outside the site that a built page or style sheet would load, by file."""
    offenders: dict[str, list[str]] = {}
    for page in sorted(html.rglob("*.html")):
        collector = ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        external = [u for u in collector.urls if _is_external(u)]
        if external:
            offenders[str(page.relative_to(html))] = external
    for sheet in sorted(html.rglob("*.css")):
        external = _CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace"))
        if external:
            offenders[str(sheet.relative_to(html))] = external
    return offenders


def copy_repository(target: Path, *, site_assets: bool = True) -> None:
    """Copy the files git knows of (tracked or not ignored) to ``target``.

    With ``site_assets`` (for a copy that builds the book) also the site's MathJax fonts
    and Vega, which ``make setup`` installs and git ignores, and a link to
    ``node_modules`` (the build typesets formulas with its MathJax).
    """
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if site_assets:
        for asset in ("mathjax", "vega"):
            shutil.copytree(ROOT / "_extra" / asset, target / "_extra" / asset)
        (target / "node_modules").symlink_to(ROOT / "node_modules")


_SPEC = re.compile(
    r'<script type="application/json" class="lossacc-explorable-spec">(.*?)</script>', re.S
)


def explorables_of(notebook: Path) -> dict[str, object]:
    """The explorables a chapter stored, by name, rebuilt from the notebook's outputs."""
    import json

    import nbformat

    from lossacc_helpers import Explorable

    found = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            page = output.get("data", {}).get("text/html", "")
            for match in _SPEC.finditer(page if isinstance(page, str) else "".join(page)):
                spec = json.loads(match.group(1).replace("<\\/", "</"))
                name = re.search(r'data-explorable="([^"]+)"', page).group(1)
                found[name] = Explorable(name=name, spec=spec, description=spec["description"])
    return found
