"""The book builds with warnings as errors, every page is there, and nothing loads from outside.

The build runs once per test session (the ``built_site`` fixture in ``conftest.py``:
``jupyter-book build --all --warningiserror --nitpick --keep-going .`` in the book root)
and writes ``_build/html``. The build renders the outputs stored in the notebooks and
executes nothing (``execute_notebooks: "off"``): nbval, in the same test run, proves that
every stored output is what the code produces, and fails on a cell that raises.
"""

from __future__ import annotations

import re
from pathlib import Path

import imagesize
import pytest
from css_bundle import bundle_text, bundled_files
from social_card import CARD, CARD_SIZE

from _book import (
    HTML,
    ResourceCollector,
    book_config,
    external_resources,
    published_address,
    published_path,
    toc_pages,
)

_CONFIG = book_config()
SITE_ADDRESS = published_address()
SITE_PATH = published_path()


@pytest.fixture(scope="module")
def build(built_site: str) -> str:
    return built_site


def test_build_passes_with_warnings_as_errors(build: str) -> None:
    assert (HTML / "index.html").is_file()


@pytest.mark.parametrize("page", toc_pages())
def test_every_page_of_the_toc_is_built(build: str, page: str) -> None:
    assert (HTML / f"{page}.html").is_file(), f"{page} is in _toc.yml but was not built"


def test_no_page_loads_anything_from_outside_the_site(build: str) -> None:
    assert any(HTML.rglob("*.html")), "no HTML page was built"
    offenders = external_resources(HTML)
    assert not offenders, f"resources loaded from outside the site: {offenders}"


def _script_sources(page: Path) -> list[str]:
    collector = ResourceCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [u for u in collector.urls if u.split("?")[0].endswith(".js")]


@pytest.mark.parametrize("page", toc_pages())
def test_formulas_are_typeset_in_the_page(build: str, page: str) -> None:
    # _ext/static_math.py typesets at build time: the page needs no script for its math.
    html_file = HTML / f"{page}.html"
    text = html_file.read_text(encoding="utf-8")
    assert not [s for s in _script_sources(html_file) if "mathjax" in s.lower()], page
    assert "window.MathJax" not in text, f"{page} still configures MathJax in the browser"
    formulas = re.split(r'class="math notranslate nohighlight"[^>]*>', text)[1:]
    for formula in formulas:
        body = re.sub(r'^\s*<span class="eqno">.*?</span>', "", formula, flags=re.S)
        assert body.lstrip().startswith("<mjx-container"), f"{page}: untypeset {body[:80]!r}"
        # MathML for screen readers, as MathJax gives in the browser.
        assert "<mjx-assistive-mml" in body.split("</mjx-container>")[0], page


def test_chapters_and_intro_have_math(build: str) -> None:
    # Guards the test above against passing because no page has math at all.
    for page in ("intro", *[p for p in toc_pages() if p.startswith("chapters/")]):
        assert "<mjx-container" in (HTML / f"{page}.html").read_text(encoding="utf-8"), page


def test_math_fonts_and_styles_are_served_by_the_site(build: str) -> None:
    sheet = HTML / "_static" / "static-math.css"
    css = sheet.read_text(encoding="utf-8")
    fonts = re.findall(r'url\("([^"]+\.woff)"\)', css)
    assert len(fonts) > 5, "the math stylesheet loads no MathJax font"
    for font in fonts:
        assert (sheet.parent / font).resolve().is_file(), f"{font} is missing from the site"
    # Each glyph the chapters use has its rule (here: the italic x of chapter 4).
    assert "mjx-c.mjx-c1D465.TEX-I::before" in css
    # And the stylesheet reaches the pages, in their one bundle of styles.
    chapter = (HTML / "chapters" / "04_surrogate_losses.html").read_text(encoding="utf-8")
    bundles = re.findall(r'<link rel="stylesheet" href="\.\./(_static/bundle-\w+\.css)"', chapter)
    assert len(bundles) == 1, bundles
    assert "mjx-container" in (HTML / bundles[0]).read_text(encoding="utf-8")


def test_each_style_bundle_holds_its_stylesheets_as_they_are_now(build: str) -> None:
    # A bundle made before another handler rewrote one of its files (pydata-sphinx-theme
    # writes its light and dark pygments.css when the build finishes) serves stale styles:
    # it once served unreadable code colours in light mode.
    linked = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*_static/(bundle-\w+\.css)"')
    names = {n for page in HTML.rglob("*.html") for n in linked.findall(page.read_text("utf-8"))}
    assert names, "no page links a style bundle"
    bundles = [HTML / "_static" / name for name in sorted(names)]
    for bundle in bundles:
        files = bundled_files(bundle)
        assert len(files) > 5, f"{bundle.name} names {len(files)} stylesheets"
        fresh = bundle_text(files, bundle.parent)
        assert bundle.read_text(encoding="utf-8") == fresh, f"{bundle.name} is stale"
    css = "\n".join(bundle.read_text(encoding="utf-8") for bundle in bundles)
    assert 'html[data-theme="light"] .highlight' in css


def test_glued_numbers_reach_the_page(build: str) -> None:
    # The prose's numbers are computed in the notebook and glued; none is left as a role.
    for page in (HTML / "chapters").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "{glue" not in text, f"an unresolved glue role is left in {page.name}"


@pytest.mark.parametrize("page", [p for p in toc_pages() if p.startswith("chapters/")])
def test_chapter_pages_have_launch_download_and_edit_buttons(build: str, page: str) -> None:
    url = _CONFIG["repository"]["url"]
    repo = url.removeprefix("https://github.com/")
    html = (HTML / f"{page}.html").read_text(encoding="utf-8")
    expected = [
        f"https://colab.research.google.com/github/{repo}/blob/main/{page}.ipynb",
        f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab/tree/{page}.ipynb",
        f"{url}/edit/main/{page}.ipynb",
        f'href="{url}"',
    ]
    for link in expected:
        assert link in html, f"{page}: missing {link}"
    download = re.search(r'href="([^"]*_sources/[^"]*\.ipynb)"', html)
    assert download, f"{page}: no download button for the notebook"
    assert (HTML / "chapters" / download[1]).resolve().is_file()


@pytest.mark.parametrize("page", [*toc_pages(), "404", "genindex"])
def test_every_page_has_a_description_favicon_and_social_preview(build: str, page: str) -> None:
    html = (HTML / f"{page}.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]{40,})"', html)
    assert description, f"{page}: no meta description"
    for tag in ("og:title", "og:description", "og:image", "og:type"):
        assert f'property="{tag}"' in html, f"{page}: no {tag}"
    # Social sites show a raster card at an absolute address: the book's own site.
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]
    assert image == SITE_ADDRESS + CARD, f"{page}: og:image {image}"
    assert imagesize.get(HTML / CARD) == CARD_SIZE
    assert 'name="twitter:card" content="summary_large_image"' in html
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html)
    assert icon and _local_file(page, icon[1]).is_file(), page
    assert html.count('class="sidebar-toggle primary-toggle') == 1, f"{page}: menu buttons"


def _local_file(page: str, url: str) -> Path:
    """The built file a page's URL names (the 404 page's start at the site's path)."""
    if url.startswith(SITE_PATH):
        return HTML / url.removeprefix(SITE_PATH)
    return ((HTML / page).parent / url).resolve()


def test_404_page_links_home_from_the_site_root(build: str) -> None:
    # A host serves it at any depth: its links start at the site's path, not at its folder.
    html = (HTML / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html and f'href="{SITE_PATH}intro.html"' in html
    assert not re.search(r'\s(?:href|src)="_static/', html), "a relative link is left"


def test_api_reference_shows_numpydoc_types_in_order(build: str) -> None:
    html = (HTML / "reference" / "api.html").read_text(encoding="utf-8")
    assert "_SupportsArray" not in html and "_Buffer" not in html, "expanded ArrayLike types"
    for fields in re.findall(r'<dl class="field-list[^"]*">(.*?)</dl>\s*</dd>', html, re.S):
        names = re.findall(r'<dt class="field-(?:odd|even)">([^<]+)', fields)
        if "Returns" in names and "Parameters" in names:
            assert names.index("Parameters") < names.index("Returns"), names


@pytest.mark.parametrize("page", [p for p in toc_pages() if p.startswith("chapters/")])
def test_figures_are_sharp(build: str, page: str) -> None:
    """Every figure has at least twice the pixels of its size on the page (retina PNG).

    Needs notebooks whose outputs were stored with lossacc_helpers.style's retina setting
    (``make refresh``).
    """
    html_file = HTML / f"{page}.html"
    tags = re.findall(r'<img\b[^>]*src="([^"]*_images/[^"]+)"[^>]*>', html_file.read_text())
    figures = re.findall(r"<img\b[^>]*_images/[^>]*>", html_file.read_text())
    assert len(tags) == len(figures)
    for tag, src in zip(figures, tags, strict=True):
        width = re.search(r'\swidth="(\d+)"', tag)
        assert width, f"{page}: figure {src} has no width"
        pixels, _ = imagesize.get(str((html_file.parent / src).resolve()))
        if src.endswith(".svg"):
            continue
        assert pixels >= 1.9 * int(width[1]), (
            f"{page}: {src} has {pixels} px for {width[1]} CSS px (run `make refresh`)"
        )
