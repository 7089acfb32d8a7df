"""The built website in a real browser: every page of the table of contents, offline.

The site is served on 127.0.0.1 and opened in Debian's Chromium, driven by Playwright
(``executable_path`` points at the system browser; no browser is downloaded). Every
request that is not to the local server is aborted, so a page that needs the network
fails here. For each page: no console error and no failed request (a missing favicon
counts), every formula typeset (at build time: no raw TeX left), every image loaded,
given alt text and a width and height, every link within the site pointing at an
existing page and anchor, no critical, serious or moderate accessibility violation found
by axe-core (vendored from npm into ``node_modules/``, run in light and in dark mode), and
nothing wider than a 390 px phone screen. The sidebars are opened by clicking the
visible menu and contents buttons at phone, tablet and desktop widths, and by keyboard.
With ``LOSSACC_SCREENSHOTS=1`` (``=full`` for whole pages) a screenshot of each page is
saved to ``_build/browser/`` for inspection (not committed).

One browser serves the whole module; each page is opened once, and its checks at 1280 px,
in dark mode and at 390 px run on that same loaded page (the viewport is resized), which
keeps this module within the suite's time budget.
"""

from __future__ import annotations

import functools
import http.server
import io
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

from _book import HTML, ROOT, explorables_of, published_path, toc_pages

SCREENSHOTS = ROOT / "_build" / "browser"
REPORT = SCREENSHOTS / "report.json"
CHECKED: dict[str, dict[str, int]] = {}  # page -> counts, written to REPORT
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WAIT_MS = 20_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE, TABLET, DESKTOP = 390, 800, 1280
# Pages the theme generates, checked like the pages of the table of contents.
GENERATED_PAGES = ["genindex", "py-modindex", "search", "404"]
# `make test` opens the pages of the table of contents; `make check-site` (CI) the
# generated ones too, to stay within the everyday suite's time budget.
CHECK_SITE = os.environ.get("LOSSACC_CHECK_SITE") == "1"
PAGES = toc_pages() + (GENERATED_PAGES if CHECK_SITE else [])
# Screenshots for inspection, on request (they cost the everyday run time):
# LOSSACC_SCREENSHOTS=1 takes each page's first screen, =full whole pages.
SHOTS = os.environ.get("LOSSACC_SCREENSHOTS", "")


def _screenshot(page, name: str) -> None:
    if SHOTS in ("1", "full"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=SHOTS == "full")


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


# Where GitHub Pages publishes the site (https://OWNER.github.io/REPO/): its path.
SITE_PATH = published_path()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at ``/`` and, as GitHub Pages does, under ``SITE_PATH``.

    Under ``SITE_PATH`` (which may be ``/``) a missing file gets the site's ``404.html``,
    with status 404.
    """

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # noqa: D102
        if self.path.startswith(SITE_PATH):
            self.path = "/" + self.path[len(SITE_PATH) :]
            if not Path(self.translate_path(self.path)).exists():
                body = (HTML / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()


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
    page.failed = []  # responses with an error status (a missing favicon, a broken asset)

    def block(route):
        page.blocked.append(route.request.url)
        route.abort()

    page.route(_outside(site_url), block)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and page.failed.append(f"{r.status} {r.url}"))
    yield page
    context.close()


def _outside(site_url: str) -> re.Pattern[str]:
    """URLs that are neither the local server's nor inline data.

    Playwright intercepts only the requests that match a route's pattern, so the page's own
    requests go straight to the local server, without a round trip to Python each.
    """
    return re.compile(rf"^(?!{re.escape(site_url)}|data:)")


def _offline_page(context, site_url: str):
    """A new page of ``context`` whose requests outside the local server are aborted."""
    page = context.new_page()
    page.route(_outside(site_url), lambda route: route.abort())
    return page


# The checks look at every section of a page: a browser skips the layout of sections off
# screen (content-visibility in custom.css), and a skipped section cannot overflow or be
# checked for contrast. test_sections_off_screen_are_skipped checks the skipping itself.
_SHOW_EVERY_SECTION = "article.bd-article section { content-visibility: visible !important; }"


def _open(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.add_style_tag(content=_SHOW_EVERY_SECTION)
    # Figures load lazily (as a reader scrolls to them); load them all for the checks.
    page.evaluate("""() => Promise.all([...document.images].map(img => {
      img.loading = 'eager';
      return img.complete && img.naturalWidth ? null
        : new Promise(done => { img.addEventListener('load', done, {once: true});
                                img.addEventListener('error', done, {once: true}); });
    }))""")


# Text of the page outside code: raw TeX left there means MathJax did not typeset it.
_PROSE_TEXT = """() => {
  const clone = document.querySelector('main, .bd-article, body').cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, mjx-container, .MathJax, textarea')
       .forEach(e => e.remove());
  return clone.innerText;
}"""
_RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$|\\(frac|ln|mathrm|sum)\b")


# The dark pass runs only the rules whose outcome depends on colour: the markup is the
# same in both modes, and a full second run would double the module's time.
_AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block", "non-text-contrast"]
_AXE_RUN = """(rules) => axe.run(document, rules ? {resultTypes: ['violations'],
    runOnly: {type: 'rule', values: rules}} : {resultTypes: ['violations']}).then(r =>
  r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                          where: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""


def _axe(page, mode: str) -> list[dict]:
    """Violations axe-core finds on the loaded page in a colour mode (``light``/``dark``)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm installs axe-core)")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
        # The theme animates colour changes; axe must see the settled colours.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate(f"() => {{ document.documentElement.dataset.theme = '{mode}'; }}")
    known = page.evaluate("() => axe.getRules().map(r => r.ruleId)")
    rules = [rule for rule in _AXE_COLOUR_RULES if rule in known]
    return page.evaluate(_AXE_RUN, None if mode == "light" else rules)


def _page_width(page, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 844})
    return page.evaluate("() => document.documentElement.scrollWidth")


@pytest.mark.parametrize("name", PAGES)
def test_page_in_browser(page, site_url: str, name: str) -> None:
    _open(page, site_url + name + ".html")
    _screenshot(page, name.replace("/", "__"))

    assert not page.console_errors, f"console errors on {name}: {page.console_errors}"
    assert not page.blocked, f"{name} tried to load from outside the site: {page.blocked}"
    assert not page.failed, f"{name}: requests that failed: {page.failed}"

    math = page.evaluate("""() => {
      const nodes = [...document.querySelectorAll('.math')];
      return {total: nodes.length,
              typeset: nodes.filter(n => n.querySelector('mjx-container')).length};
    }""")
    assert math["typeset"] == math["total"], f"{name}: untypeset formulas {math}"
    leftover = _RAW_TEX.findall(page.evaluate(_PROSE_TEXT))
    assert not leftover, f"{name}: raw TeX left in the text: {leftover[:5]}"

    images = page.evaluate("""() => [...document.querySelectorAll('article.bd-article img')]
        .map(i => ({src: i.getAttribute('src'), alt: i.getAttribute('alt') || '',
                    width: i.naturalWidth, sized: !i.src.includes('/_images/')
                    || (i.hasAttribute('width') && i.hasAttribute('height'))}))""")
    for image in images:
        assert image["width"] > 0, f"{name}: image {image['src']} did not load"
        alt = image["alt"].strip()
        assert alt and not re.search(r"\.(png|jpe?g|svg|gif)$", alt), (
            f"{name}: image {image['src']} has no real alt text ({alt!r})"
        )
        assert image["sized"], f"{name}: image {image['src']} has no width and height"

    links = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    internal = [link for link in links if link.startswith(site_url)]
    for link in internal:
        _check_internal_link(name, link[len(site_url) :])

    icons = _check_icons(page, name)
    explorables = _check_explorables(page, name)
    questions = _check_questions(page, name)

    # A phone: the page is no wider than the screen, and figure text stays readable.
    wide_figures = _check_figure_text(page, name, DESKTOP)
    assert not wide_figures, f"{name}: figures that do not fit at {DESKTOP} px: {wide_figures}"
    width = _page_width(page, PHONE)
    assert width <= PHONE, f"{name} is {width} px wide on a {PHONE} px screen"
    _check_figure_text(page, name, PHONE)
    _record(
        name,
        {"formulas": math["total"], "images": len(images), "links": len(internal)}
        | {"explorables": explorables, "questions": questions, "icons": icons}
        | {"scroll_width_390": width},
    )


# Every Font Awesome character the page draws: (font family, weight, code point). Only
# the elements the stylesheets give an icon font (or an icon variable) are looked at.
_ICONS = """() => {
  const selectors = new Set();
  const visit = rules => { for (const rule of rules) {
    if (rule.cssRules) visit(rule.cssRules);
    if (rule.selectorText && /Font Awesome|--fa-font|--pst-icon/.test(rule.cssText))
      rule.selectorText.split(',').forEach(s => selectors.add(
        s.replace(/::?(before|after)\\b/g, '').trim() || '*'));
  } };
  for (const sheet of document.styleSheets) visit(sheet.cssRules);
  const elements = new Set();
  for (const selector of selectors) {
    try { document.querySelectorAll(selector).forEach(e => elements.add(e)); } catch (e) {}
  }
  return [...elements].flatMap(element => [null, '::before', '::after'].flatMap(pseudo => {
    const style = getComputedStyle(element, pseudo);
    if (!style.fontFamily.includes('Font Awesome') || style.display === 'none') return [];
    const text = pseudo ? (/^"(.*)"$/s.exec(style.content) || [])[1] || ''
                        : [...element.childNodes].filter(n => n.nodeType === 3)
                            .map(n => n.textContent).join('');
    return [...text].map(c => c.codePointAt(0)).filter(c => c >= 0xE000 && c <= 0xF8FF)
      .map(c => [style.fontFamily.replace(/"/g, ''), style.fontWeight, c]);
  }));
}"""


@functools.cache
def _icon_fonts() -> dict[tuple[str, str], set[int]]:
    """The cut Font Awesome fonts the site serves: (family, weight) to their characters."""
    from fontTools.ttLib import TTFont

    families = {"fa-solid-900": ("Font Awesome 6 Free", "900")}
    families |= {"fa-regular-400": ("Font Awesome 6 Free", "400")}
    families |= {"fa-brands-400": ("Font Awesome 6 Brands", "400")}
    fonts = {}
    for file in (HTML / "_static" / "vendor" / "fontawesome" / "webfonts").glob("*.subset-*"):
        fonts[families[file.name.split(".")[0]]] = set(TTFont(str(file)).getBestCmap())
    return fonts


def _check_icons(page, name: str) -> int:
    """Every icon the page draws is in the cut font it is drawn with (``icon_subset``)."""
    css = page.evaluate("""() => [...document.styleSheets].flatMap(sheet =>
        [...sheet.cssRules]).filter(rule => rule instanceof CSSFontFaceRule)
        .map(rule => rule.style.getPropertyValue('src')).join(' ')""")
    assert "fa-solid-900.subset-" in css and ".woff2" not in css, f"{name}: {css[:300]}"
    drawn = set()
    # Each colour mode (light, dark, and "auto", the system's) shows its own icon on the
    # colour-mode button: every one is looked at.
    for mode, theme in (("light", "light"), ("dark", "dark"), ("auto", "light")):
        page.evaluate(f"""() => {{ const root = document.documentElement;
            root.dataset.mode = '{mode}'; root.dataset.theme = '{theme}'; }}""")
        drawn |= {(family, weight, code) for family, weight, code in page.evaluate(_ICONS)}
    page.evaluate("() => { const r = document.documentElement; r.dataset.mode = 'auto'; }")
    fonts = _icon_fonts()
    missing = [
        (family, weight, hex(code))
        for family, weight, code in sorted(drawn)
        if code not in fonts.get((family.split(",")[0].strip(), weight), set())
    ]
    assert not missing, f"{name}: icons the cut fonts do not hold: {missing}"
    return len({code for *_, code in drawn})


# Each notebook figure: the size of its smallest text as shown, and its scroll box.
_FIGURES = """() => [...document.querySelectorAll('article.bd-article .cell_output img')]
    .map(img => {
      const box = img.closest('a.image-reference'), style = box && getComputedStyle(box);
      const shown = img.getBoundingClientRect();
      return {src: img.getAttribute('src'), smallest: img.dataset.smallestTextPx,
              width: shown.width, height: shown.height, natural: +img.getAttribute('width'),
              ratio: img.naturalWidth / img.naturalHeight,
              box: box && box.clientWidth, scrolls: box && box.scrollWidth > box.clientWidth,
              overflow: style && style.overflowX,
              fades: style && [style.getPropertyValue('--lossacc-fade-start'),
                               style.getPropertyValue('--lossacc-fade-end')]};
    })"""
MIN_FIGURE_TEXT_PX = 10


def _check_figure_text(page, name: str, width: int) -> list[str]:
    """Check every figure's smallest text is 10 CSS px or more at ``width``, as shown.

    A figure too wide for the screen scrolls inside its box, whose far edge fades (the
    cue) until it is scrolled there. Returns the figures that scroll.
    """
    page.set_viewport_size({"width": width, "height": 844})
    figures = page.evaluate(_FIGURES)
    smallest_shown = []
    for figure in figures:
        where = f"{name} at {width} px: figure {figure['src']}"
        assert figure["smallest"], f"{where} records no text size (lossacc_helpers.style)"
        if not figure["height"]:
            continue  # in a folded output: not shown
        # Scaled in proportion (a fixed CSS height once squashed every figure).
        ratio = figure["width"] / figure["height"]
        assert ratio == pytest.approx(figure["ratio"], rel=0.01), f"{where} is distorted"
        shown = float(figure["smallest"]) * figure["width"] / figure["natural"]
        smallest_shown.append(shown)
        assert shown >= MIN_FIGURE_TEXT_PX - 0.05, f"{where}: text shown at {shown:.1f} px"
        if figure["scrolls"]:
            assert figure["overflow"] == "auto", f"{where} is cut, not scrollable"
            assert figure["fades"] == ["0px", "40px"], f"{where}: no scroll cue {figure}"
        else:
            assert figure["fades"] == ["0px", "0px"], f"{where} fits but fades {figure}"
    scrolling = [f["src"] for f in figures if f["scrolls"]]
    if scrolling:  # scrolled to its end, the cue moves to the side with more to see
        box = page.locator(f'a.image-reference:has(img[src="{scrolling[0]}"])')
        box.evaluate("box => box.scrollTo({left: box.scrollWidth})")
        page.wait_for_timeout(100)
        fades = box.evaluate("""box => ['start', 'end'].map(side => getComputedStyle(box)
            .getPropertyValue('--lossacc-fade-' + side))""")
        assert fades == ["40px", "0px"], f"{name}: cue after scrolling {fades}"
        box.evaluate("box => box.scrollTo({left: 0})")
    if figures:
        _record(
            name,
            {
                "figures": len(figures),
                f"figures_scrolling_{width}": len(scrolling),
                f"smallest_figure_text_px_{width}": round(min(smallest_shown), 1),
            },
        )
    return scrolling


_READOUT = """(figure) => Object.fromEntries([...figure.querySelectorAll(
    '.lossacc-explorable-table tr')].map(tr => [tr.cells[0].textContent,
                                                tr.cells[1].textContent]))"""


def _check_explorables(page, name: str) -> int:
    """Each explorable draws, and shows the notebook's numbers under mouse and keyboard."""
    notebook = ROOT / f"{name}.ipynb"
    stored = explorables_of(notebook) if notebook.is_file() else {}
    figures = page.locator("figure.lossacc-explorable")
    assert figures.count() == len(stored), f"{name}: {figures.count()} explorables on the page"
    for index in range(figures.count()):
        figure = figures.nth(index)
        _check_explorable(page, figure, stored[figure.get_attribute("data-explorable")])
    return len(stored)


def _check_explorable(page, figure, explorable) -> None:
    handle = figure.element_handle()
    figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "(f) => ['ready', 'failed'].includes(f.dataset.state)", arg=handle, timeout=WAIT_MS
    )
    assert figure.get_attribute("data-state") == "ready", f"{explorable.name}: not drawn"
    assert figure.locator(".lossacc-explorable-view svg path").count() > 3
    meta = explorable.controls
    field = meta["slider"]["field"]
    group = meta.get("group", {}).get("default")

    def shows_the_notebooks_row(expected_at: float | None = None) -> float:
        at = float(figure.get_attribute("data-at"))
        if expected_at is not None:
            assert at == expected_at, (explorable.name, at, expected_at)
        shown = page.evaluate(_READOUT, handle)
        assert shown == explorable.readout(at, group), (explorable.name, at, shown)
        return at

    def values() -> list[float]:
        key = meta.get("group", {}).get("field")
        return sorted({r[field] for r in explorable.rows if key is None or r[key] == group})

    shows_the_notebooks_row(explorable.row_at(meta["slider"]["initial"], group)[field])
    slider = figure.locator("input[type=range]")
    slider.focus()  # the keyboard: Home, two steps, End
    page.keyboard.press("Home")
    shows_the_notebooks_row(values()[0])
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    shows_the_notebooks_row(values()[2])
    page.keyboard.press("End")
    shows_the_notebooks_row(values()[-1])
    box = slider.bounding_box()  # the mouse: a click on the track
    page.mouse.click(box["x"] + 0.3 * box["width"], box["y"] + box["height"] / 2)
    assert shows_the_notebooks_row() < values()[-1]
    if "group" in meta:  # the picker
        group = meta["group"]["options"][-1]
        figure.locator("select").select_option(group)
        shows_the_notebooks_row()


# What a question shows once ``choice`` is chosen (JavaScript, for one round trip).
_CHOICE_SHOWN = """(question, choice) => ({
    right: choice.classList.contains('lossacc-right'),
    says_right: question.querySelector('.lossacc-question-result').textContent
      .startsWith('Right'),
    own_feedback_shown: choice.querySelector('.lossacc-feedback').checkVisibility(),
    feedback_shown: [...question.querySelectorAll('.lossacc-feedback')]
      .filter(feedback => feedback.checkVisibility()).length})"""
_CHOSEN = f"""(question, k) => ({_CHOICE_SHOWN})(question,
    question.querySelectorAll('.lossacc-choice')[k])"""
_CLICK_THE_OTHER_CHOICES = f"""(question) => [...question.querySelectorAll('.lossacc-choice')]
    .slice(2).map(choice => {{
      choice.querySelector('button.lossacc-choice-button').click();
      return ({_CHOICE_SHOWN})(question, choice);
    }})"""


def _check_questions(page, name: str) -> int:
    """Each question gives the right feedback to every answer, by mouse and by keyboard."""
    questions = page.locator(".lossacc-question")
    for index in range(questions.count()):
        question = questions.nth(index)
        result = question.locator(".lossacc-question-result")
        if "lossacc-question-choice" in (question.get_attribute("class") or ""):
            # The first choice by keyboard, the second by mouse, the others clicked in one
            # round trip (a script's click: the same handler, without the hit test).
            question.locator("button.lossacc-choice-button").first.focus()
            page.keyboard.press("Enter")
            answers = [question.evaluate(_CHOSEN, 0)]
            question.locator("button.lossacc-choice-button").nth(1).click()  # by mouse
            answers.append(question.evaluate(_CHOSEN, 1))
            answers += question.evaluate(_CLICK_THE_OTHER_CHOICES)
            assert len(answers) >= 2, (name, question.get_attribute("id"))
            for k, answer in enumerate(answers):
                where = (name, question.get_attribute("id"), k, answer)
                assert answer["says_right"] == answer["right"], where
                assert answer["own_feedback_shown"] and answer["feedback_shown"] == 1, where
        else:
            answer = question.locator(".lossacc-answer").text_content()
            number = re.search(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", answer.replace(",", ""))
            box = question.locator("input")
            box.fill("-123456")
            question.locator("button").click()
            assert result.text_content().startswith("Not quite")
            assert question.locator(".lossacc-feedback.lossacc-wrong").is_visible()
            box.fill(number.group(0))
            box.press("Enter")
            assert result.text_content() == "Right.", (name, question.get_attribute("id"))
            assert question.locator(".lossacc-feedback.lossacc-ok").is_visible()
    return questions.count()


def _record(name: str, counts: dict[str, int]) -> None:
    CHECKED.setdefault(name, {}).update(counts)
    keys = {key for page in CHECKED.values() for key in page}
    totals = {key: sum(page.get(key, 0) for page in CHECKED.values()) for key in sorted(keys)}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({"pages": CHECKED, "totals": totals}, indent=2))


# axe-core on ~15 pages in two colour modes takes longer than the everyday `make test`
# allows (about 40 s of its 60 s on 2 cores): it runs in `make check-site`, which CI runs.
@pytest.mark.skipif(
    not CHECK_SITE,
    reason="axe-core runs in `make check-site` (LOSSACC_CHECK_SITE=1), which .ci/run runs",
)
@pytest.mark.parametrize("name", toc_pages() + GENERATED_PAGES)
def test_page_is_accessible(page, site_url: str, name: str) -> None:
    """axe-core finds no critical, serious or moderate violation, in light and dark mode."""
    _open(page, site_url + name + ".html")
    # Explorables draw when scrolled to: draw them all, so axe sees their charts and controls.
    page.evaluate("""() => window.lossaccExplorables
        ? Promise.all(lossaccExplorables.figures.map(lossaccExplorables.build)) : null""")
    counts = {}
    for mode in ("light", "dark"):
        violations = _axe(page, mode)
        counts[mode] = {  # nodes per impact, for the report
            impact: sum(v["nodes"] for v in violations if v["impact"] == impact)
            for impact in ("critical", "serious", "moderate", "minor")
        }
        # The issue asks for no critical or serious one; moderate ones (landmarks) are
        # fixed too and kept out. Minor ones are counted, not refused.
        found = [v for v in violations if v["impact"] in ("critical", "serious", "moderate")]
        assert not found, f"{name} ({mode} mode): axe-core violations {found}"
    _record(
        name,
        {f"axe_{mode}_{impact}": n for mode, c in counts.items() for impact, n in c.items()},
    )


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
    parts = urlsplit(relative.removeprefix(SITE_PATH.lstrip("/")))  # the 404 page's links
    target = HTML / unquote(parts.path or "index.html")
    if target.is_dir():
        target = target / "index.html"
    assert target.is_file(), f"{page_name}: link to missing page {relative}"
    if parts.fragment and target.suffix == ".html":
        assert unquote(parts.fragment) in _ids_of(target), (
            f"{page_name}: link to missing anchor {relative}"
        )


def test_a_missing_page_deep_in_the_site_gets_a_working_404_page(page, site_url: str) -> None:
    """GitHub Pages answers a missing address at any depth with the site's 404.html."""
    address = site_url.rstrip("/") + SITE_PATH + "chapters/no-such-chapter.html"
    response = page.goto(address, wait_until="load")
    assert response.status == 404
    assert page.locator("h1").first.text_content() == "Page not found"
    # Nothing else failed: the only 404 is the page's own (which the console also logs).
    assert page.failed == [f"404 {address}"], page.failed
    assert len(page.console_errors) <= 1, page.console_errors
    assert all("404" in error for error in page.console_errors), page.console_errors
    # Styled (its stylesheet came from the site's root, not from /chapters/) ...
    sidebar = page.evaluate("""() => getComputedStyle(
        document.querySelector('.bd-sidebar-primary')).position""")
    assert sidebar in ("sticky", "fixed"), f"the 404 page is unstyled ({sidebar})"
    # ... and its links lead to pages that exist.
    for link in page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .map(a => a.href)"""):
        assert page.request.get(link).status == 200, link


def test_search_finds_the_chapter(page, site_url: str) -> None:
    pages = toc_pages()
    term, expected = (
        ("hinge", "chapters/04_surrogate_losses")
        if "chapters/04_surrogate_losses" in pages
        else ("baselines", "chapters/01_what_a_loss_measures")
    )
    _open(page, site_url + f"search.html?q={term}")
    page.wait_for_selector("#search-results ul.search li", timeout=WAIT_MS)
    hits = page.evaluate(
        "() => [...document.querySelectorAll('#search-results ul.search li a')]"
        ".map(a => a.getAttribute('href'))"
    )
    assert any(expected in (href or "") for href in hits), f"{term!r} found {hits}"
    assert not page.console_errors, page.console_errors


def test_sections_off_screen_are_skipped_and_reached(browser, site_url: str) -> None:
    """A reader's phone skips the sections it does not show; a link to one still lands."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    page = _offline_page(context, site_url)
    chapter = site_url + "chapters/04_surrogate_losses.html"
    page.goto(chapter, wait_until="load")  # as a reader sees it: no _open, no override
    sections = page.evaluate("""() => [...document.querySelectorAll(
        'article.bd-article > section > section')].map(s => ({id: s.id,
        skipped: getComputedStyle(s).contentVisibility,
        height: s.getBoundingClientRect().height}))""")
    assert len(sections) > 5, sections
    assert all(s["skipped"] == "auto" for s in sections), sections
    last = sections[-1]["id"]
    page.goto(f"{chapter}#{last}", wait_until="load")
    page.wait_for_timeout(300)
    top = page.evaluate(f"() => document.getElementById('{last}').getBoundingClientRect().top")
    context.close()
    # The heading is at the top of the screen, below the sticky header bar.
    assert 0 <= top <= 120, f"#{last} is at {top} px after following a link to it"


# Each code block and table box: where it is, its tab stop, whether it scrolls, and
# whether a reader sees it (the point at its centre is in it: not in a folded cell).
_TAB_STOPS = """() => [...document.querySelectorAll('article pre, .pst-scrollable-table-container')]
    .map(box => {
      const r = box.getBoundingClientRect(), x = r.left + r.width / 2;
      const y = Math.min(Math.max(r.top + r.height / 2, 1), innerHeight - 1);
      return {top: r.top, tab: box.tabIndex,
              seen: r.bottom > 0 && r.top < innerHeight && box.contains(
                document.elementFromPoint(x, y)),
              scrolls: box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight};
    })"""


def test_scrolling_blocks_get_their_tab_stop_as_they_come_near(browser, site_url: str) -> None:
    """A code block or table that scrolls takes focus, one that fits does not (site_html 11).

    The theme's test of each block runs as the block comes within a screen of the
    viewport; a block far below keeps the tab stop the build gave it. On a desktop, where
    80-column code fits, a block that fits loses its tab stop once near, not before.
    """
    height = 900
    context = browser.new_context(viewport={"width": DESKTOP, "height": height})
    page = _offline_page(context, site_url)
    page.goto(site_url + "chapters/01_what_a_loss_measures.html", wait_until="load")
    for moment in ("first", "middle"):  # scrolled to the first, then a middle code block
        page.evaluate(f"""() => {{
          const blocks = [...document.querySelectorAll('article .cell_input pre')]
            .filter(pre => !pre.closest('details'));
          blocks[{"0" if moment == "first" else "Math.floor(blocks.length / 2)"}]
            .scrollIntoView({{block: 'center'}});
        }}""")
        settled = "every(b => !b.seen || b.tab === (b.scrolls ? 0 : -1))"
        # The theme's test has run on every block on the screen.
        page.wait_for_function(f"() => ({_TAB_STOPS})().{settled}", timeout=5000)
        boxes = page.evaluate(_TAB_STOPS)
        near = [box for box in boxes if box["seen"]]
        assert near, (moment, boxes)
        assert any(not box["scrolls"] for box in near), (moment, near)
        for box in near:
            assert box["tab"] == (0 if box["scrolls"] else -1), (moment, box)
        far = [box for box in boxes if box["top"] > 3 * height]
        # Far blocks that fit still have their tab stop: the test has not run on them.
        assert any(not box["scrolls"] for box in far), (moment, far)
        assert all(box["tab"] == 0 for box in far), (moment, far)
    context.close()


def test_dark_mode_keeps_figures_readable(browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = _offline_page(context, site_url)
    _open(page, site_url + "chapters/01_what_a_loss_measures.html")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    # Figures keep their own white background (black text on it stays legible).
    corners = page.evaluate("""() => [...document.querySelectorAll('.cell_output img')]
      .map(img => { const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        return Array.from(g.getImageData(2, 2, 1, 1).data); })""")
    _screenshot(page, "dark__chapters__01")
    context.close()
    assert background not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background
    assert corners and all(c == [255, 255, 255, 255] for c in corners), corners


_VISIBLE_CHAPTER_LINKS = """(scope) => [...document.querySelectorAll(scope + ' a.reference')]
  .filter(a => a.getClientRects().length && getComputedStyle(a).visibility !== 'hidden')
  .map(a => a.getAttribute('href'))"""


@pytest.mark.parametrize("width", [PHONE, TABLET, DESKTOP])
def test_sidebars_open_from_the_visible_buttons(browser, site_url: str, width: int) -> None:
    """The menu (chapter list) and contents buttons work at phone, tablet and desktop width."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = _offline_page(context, site_url)
    chapters = [p for p in toc_pages() if p.startswith("chapters/")]
    # A short page (no formula to typeset) keeps this quick; its sidebar is every page's.
    start = "reference/execution"
    page.goto(site_url + start + ".html", wait_until="load")
    # One header bar: one menu button and one search control on screen.
    assert page.locator(".primary-toggle:visible").count() == 1
    assert page.locator(".search-button:visible, .search-button-field:visible").count() == 1
    # The contents button ("On this page") shows the page's sections below 1200 px; wider,
    # they are always shown in the margin.
    contents = page.locator(".secondary-toggle:visible")
    if width < 1200:
        assert contents.count() == 1
        contents.click()
        page.wait_for_function("() => document.querySelector('#pst-secondary-sidebar-modal').open")
        assert page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-secondary-sidebar-modal")
        page.keyboard.press("Escape")  # close it again before the menu is tried
        page.wait_for_function("() => !document.querySelector('#pst-secondary-sidebar-modal').open")
    else:
        assert page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-secondary-sidebar")
    menu = page.locator(".primary-toggle:visible")
    if width < 992:
        # The chapter list is hidden until the menu opens it, as a dialog.
        assert not page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-primary-sidebar")
        menu.click()
        page.wait_for_function("() => document.querySelector('#pst-primary-sidebar-modal').open")
        links = page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-primary-sidebar-modal")
    else:
        # The chapter list is shown; the menu button hides it and shows it again.
        assert page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-primary-sidebar")
        menu.click()
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
            ".visibility === 'hidden'"
        )
        menu.click()
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
            ".visibility === 'visible'"
        )
        links = page.evaluate(_VISIBLE_CHAPTER_LINKS, "#pst-primary-sidebar")
    for chapter in chapters:
        assert any(chapter.split("/")[-1] in link for link in links), (width, chapter, links)
    # A chapter link in the open list is clickable and leads to that chapter.
    scope = "#pst-primary-sidebar-modal" if width < 992 else "#pst-primary-sidebar"
    page.locator(f"{scope} a.reference[href*='{chapters[1].split('/')[-1]}']").first.click()
    page.wait_for_url(f"**/{chapters[1]}.html*", wait_until="commit")

    context.close()


def test_keyboard_reaches_and_operates_the_controls(browser, site_url: str) -> None:
    """Every control works from the keyboard: header buttons, menu, solutions, wide figures.

    Tab reaches every header button; Enter opens the menu; Enter, Space and a click each
    open a solution; the arrow keys scroll a figure wider than the phone.
    """
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    page = _offline_page(context, site_url)
    _open(page, site_url + "chapters/01_what_a_loss_measures.html")
    buttons = page.evaluate("""() => [...document.querySelectorAll('.bd-header-article button')]
        .filter(b => b.getClientRects().length).length""")
    reached = set()
    for _ in range(buttons + 5):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate("""() => { const e = document.activeElement;
              return e.closest('.bd-header-article') && e.tagName === 'BUTTON'
                ? [...document.querySelectorAll('.bd-header-article button')].indexOf(e)
                : null; }""")
        )
    reached.discard(None)
    assert len(reached) == buttons, f"Tab reached {len(reached)} of {buttons} header buttons"

    page.locator(".primary-toggle:visible").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#pst-primary-sidebar-modal').open")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('#pst-primary-sidebar-modal').open")
    assert page.evaluate("() => document.activeElement.classList.contains('primary-toggle')")

    # Solutions are closed on load; Enter, Space and a click each open one.
    solutions = page.locator(".solution.dropdown")
    assert solutions.count() >= 3
    for index, key in ((0, "Enter"), (1, " "), (2, "click")):
        solution = solutions.nth(index)
        body = solution.locator(".solution-content, section").first
        assert not body.is_visible(), "a solution is visible before the reader opens it"
        if key == "click":
            # On the title's text, not its button (on a narrow title the centre is the
            # button, whose own handler would toggle a second time).
            solution.locator(".admonition-title").first.click(position={"x": 8, "y": 8})
        else:
            solution.locator("button.toggle-button").focus()
            page.keyboard.press(key)
        body.wait_for(state="visible", timeout=5000)

    # A figure wider than the phone scrolls from the keyboard: its box takes focus, and
    # the arrow keys move it.
    box = page.locator(".cell_output figure > a.image-reference").first
    box.focus()
    focused = page.evaluate("""() => { const box = document.activeElement;
        const style = getComputedStyle(box);
        return {figure: box.matches('a.image-reference'), ring: style.outlineStyle,
                width: parseFloat(style.outlineWidth), mask: style.maskImage}; }""")
    # Its focus ring shows: drawn inside the box, with no fade masking it.
    assert focused["figure"] and focused["ring"] != "none" and focused["width"] > 0, focused
    assert focused["mask"] == "none", focused
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=5000)
    context.close()
