r"""Font Awesome cut to the icons the site draws (used by ``site_html``'s after-build fixes).

pydata-sphinx-theme 0.17.1 draws its icons (menu, search, colour mode, download, GitHub,
...) with Font Awesome 6's web fonts, which hold some 2000 icons: 300 KB of fonts (as
woff2; ``font-display: block``) that every page fetches at top priority, for the twenty
or so icons it shows. :func:`subset_icon_fonts` writes a copy of each font that holds
only those icons (fontTools, as woff: woff2 would need the brotli module) and points the
theme's ``@font-face`` rules at the copies, before the stylesheets are bundled.

The icons the site draws are found in the built files:

* each ``fa-NAME`` class named in a page or a script (``fa-bars``, ``fa-github``), through
  the ``.fa-NAME:before{content:"\f0c9"}`` rules of the theme's Font Awesome CSS;
* each icon character written anywhere else in the stylesheets (the theme's
  ``--pst-icon-*`` variables, for admonitions and links).

The browser suite checks that every icon character every page draws, in light and in
dark mode, is in the cut font it is drawn with.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

FONT_DIR = Path("vendor") / "fontawesome" / "webfonts"
SUBSET_MARK = ".subset-"

# ``.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`` in the theme's Font Awesome CSS.
_ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]{4,5})"\}')
_ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
_ESCAPED_CHARACTER = re.compile(r"\\([0-9a-fA-F]{4,6})")
_FONT_SOURCES = re.compile(
    r'src:url\(([^)]*?)([\w-]+)\.woff2\) format\("woff2"\),url\(\1\2\.ttf\) format\("truetype"\)'
)


def _private_use(codepoint: int) -> bool:
    return 0xE000 <= codepoint <= 0xF8FF  # where Font Awesome puts its icons


def _stylesheets(static: Path) -> dict[Path, str]:
    """Read the site's own stylesheets (not the bundles, made from them afterwards)."""
    return {
        sheet: sheet.read_text(encoding="utf-8", errors="replace")
        for sheet in static.rglob("*.css")
        if not sheet.name.startswith("bundle-")
    }


def icon_characters(sheets: dict[Path, str], scanned: list[Path]) -> set[int]:
    """Return the Font Awesome code points that ``scanned`` files (pages, scripts) use.

    ``sheets`` are the site's stylesheets (path to text): they give the class map and
    the icon characters they write themselves.
    """
    by_class: dict[str, int] = {}
    used: set[int] = set()
    for css in sheets.values():
        for selectors, codepoint in _ICON_RULE.findall(css):
            for name in re.findall(r"\.(fa-[a-z0-9-]+):", selectors):
                by_class[name] = int(codepoint, 16)
        rest = _ICON_RULE.sub("", css)
        used |= {int(c, 16) for c in _ESCAPED_CHARACTER.findall(rest) if _private_use(int(c, 16))}
        used |= {ord(c) for c in rest if _private_use(ord(c))}
    for file in scanned:
        text = file.read_text(encoding="utf-8", errors="replace")
        used |= {by_class[name] for name in _ICON_CLASS.findall(text) if name in by_class}
    return used


def _subset(source: Path, target_dir: Path, codepoints: set[int]) -> Path:
    """Write ``source`` (a TrueType font) cut to ``codepoints`` as woff; return the file."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    scratch = target_dir / f"{source.stem}.subset.tmp"
    subset.save_font(font, str(scratch), options)
    digest = hashlib.sha256(scratch.read_bytes()).hexdigest()[:12]
    target = target_dir / f"{source.stem}{SUBSET_MARK}{digest}.woff"
    for older in target_dir.glob(f"{source.stem}{SUBSET_MARK}*.woff"):
        older.unlink()  # cut for an earlier set of icons: no page names it any more
    scratch.replace(target)
    return target


def subset_icon_fonts(static: Path, scanned: list[Path]) -> None:
    """Cut the theme's Font Awesome fonts to the icons ``scanned`` files use.

    Rewrites, in the output folder only, each stylesheet's ``@font-face`` source to the
    cut copy. Does nothing when the theme's fonts are not there, or already cut.
    """
    fonts = static / FONT_DIR
    if not fonts.is_dir():
        return
    sheets = _stylesheets(static)
    codepoints = icon_characters(sheets, scanned)
    written: dict[str, Path] = {}
    for sheet, css in sheets.items():
        if "@font-face" not in css or SUBSET_MARK in css:
            continue

        def cut(match: re.Match[str]) -> str:
            folder, name = match[1], match[2]
            source = fonts / f"{name}.ttf"
            if not source.is_file():
                return match[0]
            if name not in written:
                written[name] = _subset(source, fonts, codepoints)
            return f'src:url({folder}{written[name].name}) format("woff")'

        rewritten = _FONT_SOURCES.sub(cut, css)
        if rewritten != css:
            sheet.write_text(rewritten, encoding="utf-8")
