"""Sphinx extension: small, documented fixes to the HTML the themes and extensions write.

Each fix corrects markup we do not own (pydata-sphinx-theme 0.17.1, sphinx-book-theme
1.3.0, sphinx-exercise, sphinx-togglebutton, sphinxcontrib-bibtex), so that every page
passes axe-core with no critical or serious violation and is valid HTML. They run once the
build has finished, on every ``.html`` file of the output folder (HTML and single-page
builders), and are idempotent: running them twice changes nothing.

1. ``id="solution-content"`` / ``id="exercise-content"`` (sphinx-exercise) are repeated
   on every exercise of a page: numbered ``solution-content-2``, ... from the second on.
2. The bibliography is a ``role="list"`` whose items have ``role="doc-biblioentry"``,
   which is not a list item (axe ``aria-required-children``, critical): ``listitem``.
3. "Show code cell content" toggles carry ``aria-label="Toggle hidden content"``, which
   does not contain their visible text (``label-content-name-mismatch``): the visible
   text names them.
4. The search field button's ``aria-label="Search"`` hides its visible "Search Ctrl+K"
   (same rule): the visible text names it. The colour-mode button's icons have titles
   ("Light", "Dark", "System Settings") that become its text; the icons are decorative,
   its label "Color mode" names it.
5. Code blocks and table boxes get ``tabindex="0"`` so a keyboard reader can scroll a
   wide one (axe ``scrollable-region-focusable``); the theme's script turns it back to
   ``-1`` on those that do not overflow, as they come near the viewport (fix 11).
6. Every figure (``<img>`` from ``_images/``) without a size gets ``width`` and
   ``height`` from its file (PNG, SVG, ...), so the page does not shift while images
   load. A PNG saved at twice the figure's dpi (retina, see ``lossacc_helpers.style``)
   records its density in its pHYs chunk and is given half its pixel size, its size on
   the page. myst-nb's inline ``width``/``height`` style, whose fixed height squashed a
   figure in any column narrower than it, becomes these attributes. A notebook figure
   gets a ``min-width`` at which its smallest text (recorded in its PNG) shows at 10 CSS
   px; narrower, it scrolls in its box (:func:`_readable_width`). Figures load lazily
   (``loading="lazy"``): a phone fetches only those it scrolls to.
7. The theme's Font Awesome script (1.5 MB on every page) is dropped: its CSS web font
   draws the same icons.
8. Scripts that are not needed for the first paint are deferred (see ``_DEFERRABLE``),
   and the two tiny ones that must run before it are inlined (``_INLINED``): a script
   in ``<head>`` that is neither blocks the first paint for a request.
9. The page's thirteen stylesheets become one (:mod:`css_bundle`), for the same reason.
10. The theme's Font Awesome fonts (300 KB, fetched first by every page) are cut to the
    icons the site draws (:mod:`icon_subset`).
11. The theme's script gives scrolling blocks their tab stop as they come near the
    viewport, not all at once on load (``patch_theme_script``).
12. The primary sidebar, whose logo link lay outside every landmark (axe ``region``,
    moderate), is the book's navigation landmark.
13. The 404 page's relative links and sources start at the site's path
    (:func:`from_site_root`): a host serves it for a missing address at any depth.

It also gives each page a meta description and social-preview data (``lossacc_meta`` in
the template context, written by ``_templates/layout.html``): the page's first paragraph,
or the book's description for generated pages, and the card :mod:`social_card` draws, at
the site's address.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from css_bundle import bundle_stylesheets
from docutils import nodes
from icon_subset import subset_icon_fonts
from social_card import CARD, CARD_ALT, CARD_SIZE
from sphinx.util import logging

from lossacc_helpers.style import SMALLEST_TEXT_KEY

logger = logging.getLogger(__name__)

#: A figure's on-page density: matplotlib's figure.dpi in lossacc_helpers.style (1x).
BASE_DPI = 110
MIN_TEXT_PX = 10  # the smallest figure text a phone may show (CSS pixels)
DESCRIPTION_LENGTH = 160
PDF_NAME = "loss-and-accuracy.pdf"


def _renumber(text: str, name: str) -> str:
    count = 0

    def number(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match[0] if count == 1 else f'id="{name}-{count}"'

    return re.sub(rf'id="{name}(?:-\d+)?"', number, text)


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Yield a PNG's ``(type, content)`` chunks up to its image data."""
    position = 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind in (b"IDAT", b"IEND"):
            return
        yield kind, data[position + 8 : position + 8 + length]
        position += 12 + length


def _png_density(data: bytes) -> float:
    """Return the PNG's pixels per inch from its pHYs chunk (0 when it has none)."""
    for kind, content in _png_chunks(data):
        if kind == b"pHYs":
            x, _, unit = struct.unpack(">IIB", content[:9])
            return x * 0.0254 if unit == 1 else 0.0
    return 0.0


def png_text(data: bytes, key: str) -> str | None:
    """Return the value of the PNG's ``tEXt`` chunk ``key`` (None when it has none).

    Only chunks before the image data are read: ``lossacc_helpers.style`` writes its chunk
    right after the header.
    """
    for kind, content in _png_chunks(data):
        name, _, value = content.partition(b"\0")
        if kind == b"tEXt" and name == key.encode("latin-1"):
            return value.decode("latin-1")
    return None


def image_size(path: Path) -> tuple[int, int] | None:
    """Return the size an image takes on the page in CSS pixels (None when unknown)."""
    import imagesize

    if path.suffix.lower() == ".svg":
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        svg = re.search(r"<svg\b[^>]*>", head, re.S)
        if not svg:
            return None
        sizes = [re.search(rf'\b{key}="([\d.]+)(pt|px)?"', svg[0]) for key in ("width", "height")]
        if not all(sizes):
            return None
        scale = [4 / 3 if unit == "pt" else 1 for _, unit in (s.groups() for s in sizes)]
        return tuple(round(float(s[1]) * k) for s, k in zip(sizes, scale, strict=True))
    width, height = imagesize.get(str(path))
    if width <= 0 or height <= 0:
        return None
    if path.suffix.lower() == ".png":
        density = _png_density(path.read_bytes()[:4096])
        if density > 1.5 * BASE_DPI:
            factor = density / BASE_DPI
            return round(width / factor), round(height / factor)
    return width, height


# pydata-sphinx-theme loads Font Awesome twice: as a web font (its CSS) and as a 1.5 MB
# script that swaps every icon for an inline SVG. The web font alone draws the icons.
_FONTAWESOME_JS = re.compile(
    r'<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\s*'
)

# Scripts in <head> that block the first paint but are only needed once the page is
# there (search, copy buttons, toggles, tabs, the book theme's behaviour). ``defer`` keeps
# their order; the inline scripts between them only set variables they read later.
# The book's own page scripts wait for DOMContentLoaded, which deferred scripts precede.
_DEFERRABLE = re.compile(
    r'<script((?: [\w-]+="[^"]*")*) src="((?:\.\./)*(?:_static/(?:doctools|sphinx_highlight'
    r"|clipboard\.min|copybutton|togglebutton|design-tabs|searchtools|language_data"
    r'|sidebar-focus|questions|explorables|scripts/sphinx-book-theme)\.js|searchindex\.js)[^"]*")'
)

# Two tiny scripts must run before the page is drawn: documentation_options.js (the
# inline scripts after it write to its object) and theme-mode.js (the colour mode, read
# before the first paint). Inlined, they cost no request that blocks the first paint.
_INLINED = ("documentation_options.js", "theme-mode.js")

_IMG = re.compile(r"<img\b[^>]*>")


def _readable_width(tag: str, page: Path, src: str, width: int) -> tuple[str, str]:
    """Keep a figure wide enough for its smallest text to show at ``MIN_TEXT_PX`` or more.

    A notebook figure's PNG records its smallest text (``lossacc_helpers.style``). Below
    the width at which that text would shrink under ``MIN_TEXT_PX``, the figure stops
    shrinking (``min-width``) and scrolls sideways inside its box (``custom.css``, with a
    cue). Returns the tag (its style extended) and the attribute to add.
    """
    file = (page.parent / unquote(urlsplit(src).path)).resolve()
    if file.suffix.lower() != ".png" or not file.is_file():
        return tag, ""
    smallest = png_text(file.read_bytes(), SMALLEST_TEXT_KEY)
    try:
        size = float(smallest or "nan")
    except ValueError:
        size = math.nan
    if not size > 0:  # none recorded, or unreadable: the browser suite reports the figure
        return tag, ""
    # Never wider than the figure itself: a figure whose text is too small even there
    # is the author's to fix (the browser suite fails on it).
    readable = min(width, math.ceil(width * MIN_TEXT_PX / size))
    style = re.search(r'\sstyle="([^"]*)"', tag)
    rule = f"min-width: {readable}px;"
    if style:
        tag = tag.replace(style[0], f' style="{style[1].rstrip()} {rule}"', 1)
        added = ""
    else:
        added = f' style="{rule}"'
    return tag, f'{added} data-smallest-text-px="{smallest}"'


def _size_images(text: str, page: Path) -> str:
    def sized(match: re.Match[str]) -> str:
        tag = match[0]
        src = re.search(r'\ssrc="([^"]+)"', tag)
        if not src or urlsplit(src[1]).scheme or "_images/" not in src[1]:
            return tag
        extra = "" if " loading=" in tag else ' loading="lazy" decoding="async"'
        if not (re.search(r"\swidth=", tag) or re.search(r"\sheight=", tag)):
            file = (page.parent / unquote(urlsplit(src[1]).path)).resolve()
            # myst-nb writes a retina figure's on-page size (its metadata) as a style. A
            # fixed CSS height squashes the figure in a narrower column (max-width caps
            # only its width): the size becomes attributes, which keep its proportions.
            styled = re.search(r'\sstyle="width: (\d+)px; height: (\d+)px;"', tag)
            if styled:
                tag = tag.replace(styled[0], "", 1)
            size = (
                (int(styled[1]), int(styled[2])) if styled else file.is_file() and image_size(file)
            )
            if size:
                extra = f' width="{size[0]}" height="{size[1]}"' + extra
        width = re.search(r'\swidth="(\d+)"', tag + extra)
        if width and " data-smallest-text-px=" not in tag:
            tag, readable = _readable_width(tag, page, src[1], int(width[1]))
            extra += readable
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return tag[: -len(end)].rstrip() + extra + end

    return _IMG.sub(sized, text)


# pydata-sphinx-theme.js (0.17.1) measures every code block, output and table of the
# page once it has loaded, and again after each change to the article, to give the ones
# that scroll a tab stop: a forced layout of the whole page (1.5 s of one long task on
# the API page under Lighthouse's slowed phone CPU, and it undoes content-visibility).
# The same test, made as each element comes within a screen of the viewport, costs the
# layout of what is drawn anyway. Blocks far away keep their build-time tab stop (fix 5).
_THEME_SCRIPT = Path("scripts") / "pydata-sphinx-theme.js"
_SCROLLING_BLOCKS = (
    '["pre",".nboutput > .output_area",".cell_output > .output",".jp-RenderedHTMLCommon",'
    '".pst-scrollable-table-container"].join(", ")'
)
_SCROLLS = "{0}.scrollWidth>{0}.clientWidth||{0}.scrollHeight>{0}.clientHeight?0:-1"
_TAB_STOPS = (
    f"const e=()=>{{document.querySelectorAll({_SCROLLING_BLOCKS})"
    f".forEach(e=>{{e.tabIndex={_SCROLLS.format('e')}}})}}"
)
_TAB_STOPS_WHEN_NEAR = (  # one observer at a time: the theme calls this on every change
    "const e=()=>{window.lossaccTabStops&&window.lossaccTabStops.disconnect();"
    "const o=window.lossaccTabStops=new IntersectionObserver(n=>{for(const r of n)"
    f"if(r.isIntersecting){{const t=r.target;o.unobserve(t);t.tabIndex={_SCROLLS.format('t')}}}}},"
    f'{{rootMargin:"100% 0px"}});document.querySelectorAll({_SCROLLING_BLOCKS})'
    ".forEach(t=>o.observe(t))}"
)


def patch_theme_script(static: Path) -> bool:
    """Make the theme's tab stops for scrolling blocks lazy; False if its code changed."""
    script = static / _THEME_SCRIPT
    if not script.is_file():
        return True
    code = script.read_text(encoding="utf-8")
    if _TAB_STOPS_WHEN_NEAR in code:
        return True
    if _TAB_STOPS not in code:
        return False
    script.write_text(code.replace(_TAB_STOPS, _TAB_STOPS_WHEN_NEAR, 1), encoding="utf-8")
    return True


def inline_scripts(static: Path) -> dict[re.Pattern[str], str]:
    """Return the ``<script src>`` tags of ``_INLINED`` and the inline scripts for them."""
    found = {}
    for name in _INLINED:
        if (static / name).is_file():
            body = (static / name).read_text(encoding="utf-8").replace("</", "<\\/")
            tag = re.compile(rf'<script src="(?:\.\./)*_static/{re.escape(name)}[^"]*"></script>')
            found[tag] = f"<script>{body}</script>"
    return found


def fix_html(text: str, page: Path, inlined: dict[re.Pattern[str], str] | None = None) -> str:
    """Apply the fixes listed in the module docstring to one page's HTML.

    ``inlined`` comes from :func:`inline_scripts`, read once for the whole site.
    """
    text = _renumber(text, "solution-content")
    text = _renumber(text, "exercise-content")
    text = text.replace('role="doc-biblioentry"', 'role="listitem"')
    text = text.replace('<summary aria-label="Toggle hidden content">', "<summary>")
    text = re.sub(
        r'(<button class="btn search-button-field[^"]*"[^>]*?) aria-label="Search"', r"\1", text
    )
    text = re.sub(
        r'(<i class="theme-switch [^"]*" data-mode="\w+")\s+title="[^"]*"',
        r'\1 aria-hidden="true"',
        text,
    )
    text = re.sub(r'<pre(?: id="(codecell\d+)")?>', _pre_tag, text)
    text = text.replace(
        _PRIMARY_SIDEBAR, _PRIMARY_SIDEBAR[:-1] + ' role="navigation" aria-label="Book">'
    )
    text = text.replace(
        '<div class="pst-scrollable-table-container">',
        '<div class="pst-scrollable-table-container" tabindex="0">',
    )
    text = _FONTAWESOME_JS.sub("", text)
    text = _DEFERRABLE.sub(r'<script defer\1 src="\2', text)
    for tag, script in (inlined or {}).items():
        text = tag.sub(lambda _, script=script: script, text)
    return _size_images(text, page)


# The primary sidebar holds the book's logo link above its "Main" navigation: a link
# outside every landmark (axe ``region``). The sidebar becomes the book's navigation.
_PRIMARY_SIDEBAR = '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">'


_RELATIVE_URL = re.compile(r'(\s(?:href|src|action)=")(?![a-zA-Z][\w+.-]*:|/|#|")([^"]*")')


def from_site_root(text: str, site_path: str) -> str:
    """Make the relative links and sources of the 404 page start at ``site_path``.

    A static host serves ``404.html`` for a missing address at any depth of the site
    (``/REPO/chapters/old.html``), where its relative URLs would point at nothing: the
    page would show unstyled, with broken links. Links within the page (``#...``) stay.
    """
    text = _RELATIVE_URL.sub(lambda m: f"{m[1]}{site_path}{m[2]}", text)
    return text.replace('data-content_root="./"', f'data-content_root="{site_path}"')


def _pre_tag(match: re.Match[str]) -> str:
    ident = f' id="{match[1]}"' if match[1] else ""
    return f'<pre{ident} tabindex="0">'


def _fix_output(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    static = out / "_static"
    inlined = inline_scripts(static)
    site_path = urlsplit(app.config.html_baseurl or "").path
    pages = [p for p in out.rglob("*.html") if not {"mathjax", "_static"} & set(p.parts)]
    scripts = [s for s in static.rglob("*.js") if s.name != "fontawesome.js"]  # dropped, 7.
    subset_icon_fonts(static, pages + scripts)  # before the stylesheets are bundled
    if not patch_theme_script(static):
        logger.warning(
            "site_html: %s no longer holds the tab-stop code it makes lazy (a new "
            "pydata-sphinx-theme?): update _TAB_STOPS or drop the patch",
            _THEME_SCRIPT,
        )
    for page in pages:
        text = page.read_text(encoding="utf-8")
        fixed = bundle_stylesheets(fix_html(text, page, inlined), page, static)
        if page == out / "404.html" and site_path:
            fixed = from_site_root(fixed, site_path)  # idempotent: only relative URLs change
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def _first_paragraph(doctree: nodes.document) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        if any(
            isinstance(parent, nodes.Admonition | nodes.container | nodes.field_list)
            or "cell" in parent.get("classes", [])
            for parent in _ancestors(paragraph)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) >= 40:
            return text
    return ""


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _page_meta(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    description = app.config.lossacc_description
    if doctree is not None:
        description = _first_paragraph(doctree) or description
    title = re.sub(r"<[^>]+>", "", context.get("title") or "") or app.config.html_title
    # Social sites need the card's absolute address (social_card.py); none without one.
    base = app.config.html_baseurl or ""
    image = base + CARD if base and app.builder.name == "html" else ""
    # The whole-book PDF of `make pdf`, linked from every page's footer once it exists.
    pdf = Path(app.srcdir) / "_extra" / PDF_NAME
    context["lossacc_pdf"] = PDF_NAME if pdf.is_file() and app.builder.name == "html" else ""
    context["lossacc_meta"] = {
        "description": _shorten(description),
        "title": title,
        "type": "article" if doctree is not None and pagename != app.config.root_doc else "website",
        "image": image,
        "image_alt": CARD_ALT,
        "image_size": CARD_SIZE,
    }


def setup(app: Any) -> dict[str, Any]:
    """Register the page-context handler and the after-build fixes."""
    app.add_config_value(
        "lossacc_description",
        "An executable book on what a model's loss and accuracy mean, how they relate, "
        "why we train on surrogate losses, and how to read learning curves.",
        "html",
    )
    app.connect("html-page-context", _page_meta)
    # myst-nb draws its "Show code cell" toggles for the "html" builder only; the
    # single-page builder behind `make pdf` needs the same handlers.
    from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput

    app.registry.add_translation_handlers(
        HideCodeCellNode, singlehtml=(visit_HideCellInput, depart_HideCellInput)
    )
    # After every other build-finished handler: pydata-sphinx-theme rewrites pygments.css
    # (its light and dark styles) there, and the bundle must hold the final file.
    app.connect("build-finished", _fix_output, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
