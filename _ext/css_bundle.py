"""One stylesheet per page instead of thirteen (used by ``site_html``'s after-build fixes).

The theme and the extensions each link their own stylesheet, and one of them ``@import``s
another: a browser must fetch all of them before it draws anything. On a phone's
connection (Lighthouse's mobile profile: 150 ms round trips) those requests, six at a
time, delayed the first paint by more than a second. :func:`bundle_stylesheets`
concatenates a page's stylesheets, in their order, into one file under ``_static/``
(named by a hash of its content, so a changed style is never served from a stale cache),
inlines ``@import`` rules and rewrites relative ``url(...)`` references for the new
location. Pages that link the same stylesheets share the same file.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

BUNDLE_PREFIX = "bundle-"

_LINK = re.compile(r'<link\b(?=[^>]*\brel="stylesheet")[^>]*>\s*')
_HREF = re.compile(r'\bhref="([^"]+)"')
_IMPORT = re.compile(r'@import\s+(?:url\()?["\']?([^"\')\s;]+)["\']?\)?\s*;')
_URL = re.compile(r'url\(\s*(["\']?)([^"\')]+)\1\s*\)')
_BUNDLED = re.compile(r'<link rel="stylesheet" href="[^"]*" data-lossacc-bundle="([^"]*)" />')
_SECTION = re.compile(r"^/\* (\S+\.css) \*/$", re.MULTILINE)
_DROPPED = re.compile(r"@charset\s+\"[^\"]*\";|/\*# sourceMappingURL=[^*]*\*/")


def _is_relative(url: str) -> bool:
    return not (urlsplit(url).scheme or url.startswith(("/", "#")))  # data: is a scheme


def _css_text(file: Path, bundle_dir: Path, seen: set[Path]) -> str:
    """``file``'s CSS with its imports inlined and its URLs relative to ``bundle_dir``."""
    seen.add(file)
    text = _DROPPED.sub("", file.read_text(encoding="utf-8"))

    def rebased(match: re.Match[str]) -> str:
        url = match[2]
        if not _is_relative(url):
            return match[0]
        target = os.path.relpath(file.parent / url, bundle_dir).replace(os.sep, "/")
        return f'url("{target}")'

    imports: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        imports.append(match[1])
        return f"@lossacc-import {len(imports) - 1};"

    def inlined(match: re.Match[str]) -> str:
        imported = (file.parent / urlsplit(imports[int(match[1])]).path).resolve()
        return "" if imported in seen else _css_text(imported, bundle_dir, seen)

    # Rebase this file's own URLs, then inline its imports (rebased from their place).
    text = _URL.sub(rebased, _IMPORT.sub(set_aside, text))
    return re.sub(r"@lossacc-import (\d+);", inlined, text)


def bundle_text(files: list[Path], static: Path) -> str:
    """Return the CSS of one bundle in ``static``: ``files`` in order, each under its name.

    Each comment gives the file's path relative to ``static``, so
    :func:`bundled_files` can read the list back (and a test can check that a bundle
    still holds its files as they are now).
    """
    seen: set[Path] = set()
    return "\n".join(
        f"/* {os.path.relpath(file, static).replace(os.sep, '/')} */\n"
        f"{_css_text(file, static, seen)}"
        for file in files
    )


def bundled_files(bundle: Path) -> list[Path]:
    """Return the stylesheets a bundle written by :func:`bundle_stylesheets` was made from."""
    names = _SECTION.findall(bundle.read_text(encoding="utf-8"))
    return [(bundle.parent / name).resolve() for name in names]


def _files(hrefs: list[str], page: Path) -> list[Path] | None:
    """Return the stylesheets ``hrefs`` name from ``page`` (None if one is not in the site)."""
    files = []
    for href in hrefs:
        if not _is_relative(href):
            return None
        file = (page.parent / urlsplit(href).path).resolve()
        if not file.is_file():
            return None
        files.append(file)
    return files


def _bundle_link(files: list[Path], hrefs: list[str], page: Path, static: Path) -> str:
    """Write the bundle of ``files`` (if new) and return the link to it from ``page``."""
    css = bundle_text(files, static)
    name = f"{BUNDLE_PREFIX}{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    if not (static / name).is_file():
        (static / name).write_text(css, encoding="utf-8")
    href = os.path.relpath(static / name, page.parent).replace(os.sep, "/")
    return f'<link rel="stylesheet" href="{href}" data-lossacc-bundle="{" ".join(hrefs)}" />'


def bundle_stylesheets(text: str, page: Path, static: Path) -> str:
    """Replace the stylesheet links of one page's HTML by a link to their bundle.

    The link keeps the stylesheets it stands for (``data-lossacc-bundle``): on a page
    bundled by an earlier build, which an incremental build does not write again, the
    bundle is made again from the stylesheets as they are now, so a changed style
    reaches every page. Left as it is: a page with fewer than two stylesheets, or one that
    links a stylesheet outside the site or with a ``media``.
    """
    bundled = _BUNDLED.search(text)
    if bundled:
        hrefs = bundled[1].split()
        files = _files(hrefs, page)
        return (
            text
            if files is None
            else text.replace(bundled[0], _bundle_link(files, hrefs, page, static), 1)
        )
    links = _LINK.findall(text)
    if len(links) < 2 or any(" media=" in link for link in links):
        return text
    hrefs = [href[1] if (href := _HREF.search(link)) else "" for link in links]
    files = _files(hrefs, page) if all(hrefs) else None
    if files is None:
        return text
    first = text.index(links[0])
    for link in links:
        text = text.replace(link, "", 1)
    return f"{text[:first]}{_bundle_link(files, hrefs, page, static)}\n{text[first:]}"
