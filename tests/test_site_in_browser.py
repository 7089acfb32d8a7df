"""The built website in a real browser: every page of the table of contents, offline.

The site is served on 127.0.0.1 and opened in Debian's Chromium, driven by Playwright
(``executable_path`` points at the system browser; no browser is downloaded). Every request
that is not to the local server is aborted, so a page that needs the network fails here.
For each page: no console error, every formula typeset by MathJax, every image loaded and
given alt text, every link within the site pointing at an existing page and anchor. A
screenshot of each page is saved to ``_build/browser/`` for inspection (not committed; the
first screen, or the whole page with ``LOSSACC_FULL_SCREENSHOTS=1``).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from _book import HTML, ROOT, toc_pages

SCREENSHOTS = ROOT / "_build" / "browser"
REPORT = SCREENSHOTS / "report.json"
CHECKED: dict[str, dict[str, int]] = {}  # page -> counts, written to REPORT
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MATH_WAIT_MS = 20_000
# Screenshots show the first screen of each page; LOSSACC_FULL_SCREENSHOTS=1 takes whole
# pages (slower: a long chapter is a tall image).
FULL_PAGE_SHOTS = os.environ.get("LOSSACC_FULL_SCREENSHOTS") == "1"


def _browser_path() -> str:
    explicit = os.environ.get("LOSSACC_CHROMIUM")
    found = explicit or next(filter(None, map(shutil.which, BROWSER_CANDIDATES)), None)
    if not found:
        pytest.fail(
            "No Chromium found for the browser tests. Install it (Debian/Ubuntu: "
            "`apt-get install chromium`; `make setup` does so when run as root) or point "
            "LOSSACC_CHROMIUM at a Chromium or Chrome executable."
        )
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site_url(built_site: str) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=_browser_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.blocked = []  # requests to anything but the local server
    page.console_errors = []

    def route(route):
        if route.request.url.startswith(site_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


def _open(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "() => !window.MathJax || !!(MathJax.startup && MathJax.startup.promise)",
        timeout=MATH_WAIT_MS,
    )
    page.evaluate("() => window.MathJax ? MathJax.startup.promise : null")


# Text of the page outside code: raw TeX left there means MathJax did not typeset it.
_PROSE_TEXT = """() => {
  const clone = document.querySelector('main, .bd-article, body').cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, mjx-container, .MathJax, textarea')
       .forEach(e => e.remove());
  return clone.innerText;
}"""
_RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$|\\(frac|ln|mathrm|sum)\b")


@pytest.mark.parametrize("name", toc_pages())
def test_page_in_browser(page, site_url: str, name: str) -> None:
    _open(page, site_url + name + ".html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / (name.replace("/", "__") + ".png")), full_page=FULL_PAGE_SHOTS
    )

    assert not page.console_errors, f"console errors on {name}: {page.console_errors}"
    assert not page.blocked, f"{name} tried to load from outside the site: {page.blocked}"

    math = page.evaluate("""() => {
      const nodes = [...document.querySelectorAll('.math')];
      return {total: nodes.length,
              typeset: nodes.filter(n => n.querySelector('mjx-container')).length};
    }""")
    assert math["typeset"] == math["total"], f"{name}: untypeset formulas {math}"
    leftover = _RAW_TEX.findall(page.evaluate(_PROSE_TEXT))
    assert not leftover, f"{name}: raw TeX left in the text: {leftover[:5]}"

    images = page.evaluate("""() => [...document.querySelectorAll('article img, main img')]
        .map(i => ({src: i.getAttribute('src'), alt: i.getAttribute('alt') || '',
                    width: i.naturalWidth}))""")
    for image in images:
        assert image["width"] > 0, f"{name}: image {image['src']} did not load"
        alt = image["alt"].strip()
        assert alt and not re.search(r"\.(png|jpe?g|svg|gif)$", alt), (
            f"{name}: image {image['src']} has no real alt text ({alt!r})"
        )

    links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    internal = [link for link in links if link.startswith(site_url)]
    for link in internal:
        _check_internal_link(name, link[len(site_url) :])
    CHECKED[name] = {"formulas": math["total"], "images": len(images), "links": len(internal)}
    totals = {key: sum(c[key] for c in CHECKED.values()) for key in CHECKED[name]}
    REPORT.write_text(json.dumps({"pages": CHECKED, "totals": totals}, indent=2))


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("id", "name") and value:
                self.ids.add(value)


@functools.cache
def _ids_of(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def _check_internal_link(page_name: str, relative: str) -> None:
    parts = urlsplit(relative)
    target = HTML / unquote(parts.path or "index.html")
    if target.is_dir():
        target = target / "index.html"
    assert target.is_file(), f"{page_name}: link to missing page {relative}"
    if parts.fragment and target.suffix == ".html":
        assert unquote(parts.fragment) in _ids_of(target), (
            f"{page_name}: link to missing anchor {relative}"
        )


def test_solution_is_closed_on_load_and_opens_on_click(page, site_url: str) -> None:
    _open(page, site_url + "chapters/01_what_a_loss_measures.html")
    solution = page.locator(".solution.dropdown").first
    body = solution.locator(".solution-content, section").first
    assert solution.count() == 1
    assert not body.is_visible(), "a solution is visible before the reader opens it"
    solution.locator("button.toggle-button, .admonition-title").first.click()
    body.wait_for(state="visible", timeout=5000)
    assert body.is_visible()


def test_search_finds_the_chapter(page, site_url: str) -> None:
    pages = toc_pages()
    term, expected = (
        ("hinge", "chapters/04_surrogate_losses")
        if "chapters/04_surrogate_losses" in pages
        else ("baselines", "chapters/01_what_a_loss_measures")
    )
    _open(page, site_url + f"search.html?q={term}")
    page.wait_for_selector("#search-results ul.search li", timeout=MATH_WAIT_MS)
    hits = page.evaluate(
        "() => [...document.querySelectorAll('#search-results ul.search li a')]"
        ".map(a => a.getAttribute('href'))"
    )
    assert any(expected in (href or "") for href in hits), f"{term!r} found {hits}"
    assert not page.console_errors, page.console_errors


def test_dark_mode_keeps_figures_readable(browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(site_url) else route.abort()
        ),
    )
    _open(page, site_url + "chapters/01_what_a_loss_measures.html")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    # Figures keep their own white background (black text on it stays legible).
    corners = page.evaluate("""() => [...document.querySelectorAll('.cell_output img')]
      .map(img => { const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        return Array.from(g.getImageData(2, 2, 1, 1).data); })""")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dark__chapters__01.png"), full_page=False)
    context.close()
    assert background not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert corners and all(c == [255, 255, 255, 255] for c in corners), corners
