"""Sphinx extension: every formula typeset when the book is built, not in the reader's browser.

Sphinx's default renderer writes the TeX into the page and loads MathJax (1.2 MB of
script) to typeset it on the reader's device: on a mid-range phone that is the slowest
part of a page (measured with Lighthouse's mobile profile, ``tools/lighthouse.py``).
This renderer runs the same MathJax 3 (npm's ``mathjax``, pinned in ``package.json``)
once, in Node, at build time (``static_math.js``) and writes its CommonHTML output into
the page, so a page shows its formulas with no script at all:

* each formula becomes MathJax's ``<mjx-container>`` inside the usual
  ``<span class="math">`` / ``<div class="math">``, with equation numbers and their
  permalinks as Sphinx writes them;
* each carries MathJax's assistive MathML (``<mjx-assistive-mml>``), which screen
  readers read, as they did with MathJax in the browser;
* the glyph rules of every formula of the book go to one stylesheet,
  ``_static/static-math.css``; it loads MathJax's web fonts from ``mathjax/`` in the site
  (``tools/install_site_assets.py`` copies them to ``_extra/mathjax``);
* a TeX error (an unknown macro, a missing brace) is a warning that names the page and
  the formula, so the strict build fails instead of showing red text.

Not kept from MathJax in the browser: its right-click menu (zoom, "show math as TeX",
the accessibility explorer). The TeX of a formula is in the page's source (``.md`` or
``.ipynb``, linked from every page).

``_config.yml`` selects it with ``html_math_renderer: static_math``. It needs ``node``
on the PATH (``make setup`` provides one) and ``node_modules/mathjax``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STYLESHEET = "static-math.css"
#: Where the stylesheet (in ``_static/``) finds MathJax's fonts (``_extra/mathjax/...``).
FONT_URL = "../mathjax/output/chtml/fonts/woff-v2"


class TypesetError(ValueError):
    """MathJax could not typeset a formula."""


class Typesetter:
    """One MathJax process in Node for the whole build, and what it has typeset."""

    def __init__(self, mathjax: Path) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("static_math: no `node` on the PATH; run `make setup`")
        if not (mathjax / "startup.js").is_file():
            raise RuntimeError(f"static_math: MathJax is missing at {mathjax}; run `make setup`")
        self._process = subprocess.Popen(
            [node, str(HERE / "static_math.js"), str(mathjax), FONT_URL],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._html: dict[tuple[str, bool], str] = {}

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("static_math: the MathJax process stopped (see its error above)")
        return json.loads(line)

    def html(self, tex: str, display: bool) -> str:
        """MathJax's CommonHTML for ``tex``; raises :class:`TypesetError` on a TeX error."""
        key = (tex, display)
        if key not in self._html:
            answer = self._ask({"tex": tex, "display": display})
            if "error" in answer:
                raise TypesetError(answer["error"])
            self._html[key] = answer["html"]
        return self._html[key]

    def stylesheet(self) -> str:
        """Return the CSS of every glyph typeset so far."""
        return self._ask({"css": True})["css"]

    def close(self) -> None:
        """Stop the MathJax process."""
        if self._process.poll() is None:
            assert self._process.stdin
            self._process.stdin.close()
            self._process.wait(timeout=30)


def display_tex(node: nodes.math_block) -> str:
    """Return the TeX Sphinx's MathJax renderer would hand MathJax for a display formula."""
    if node["nowrap"]:
        return node.astext()
    parts = [part for part in node.astext().split("\n\n") if part.strip()]
    parts = [rf"\begin{{split}}{p}\end{{split}}" if r"\\" in p else p for p in parts]
    if len(parts) > 1:
        return r"\begin{align}\begin{aligned}" + r"\\".join(parts) + r"\end{aligned}\end{align}"
    return parts[0] if parts else ""


def _typeset(translator: Any, node: nodes.Element, tex: str, display: bool) -> str:
    typesetter = _typesetter(translator.builder.app)
    try:
        return typesetter.html(tex, display)
    except TypesetError as error:
        logger.warning("cannot typeset the formula %r: %s", tex, error, location=node)
        return translator.encode(tex)


MATH_CLASS = "math notranslate nohighlight"  # as sphinx.ext.mathjax writes it


def visit_math(translator: Any, node: nodes.math) -> None:
    """Write an inline formula, typeset."""
    translator.body.append(translator.starttag(node, "span", "", CLASS=MATH_CLASS))
    translator.body.append(_typeset(translator, node, node.astext(), False) + "</span>")
    raise nodes.SkipNode


def visit_displaymath(translator: Any, node: nodes.math_block) -> None:
    """Write a display formula, typeset, with its number and permalink."""
    translator.body.append(translator.starttag(node, "div", CLASS=MATH_CLASS))
    if node["number"] and not node["nowrap"]:
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, _("Link to this equation"))
        translator.body.append("</span>")
    translator.body.append(_typeset(translator, node, display_tex(node), True) + "</div>\n")
    raise nodes.SkipNode


def _typesetter(app: Any) -> Typesetter:
    if getattr(app, "_static_math", None) is None:
        app._static_math = Typesetter(Path(app.config.static_math_mathjax))
    return app._static_math


def _collect(app: Any, doctree: nodes.document) -> None:
    """Remember each page's formulas, so that a partial rebuild still styles all pages."""
    formulas = {(node.astext(), False) for node in doctree.findall(nodes.math)}
    formulas |= {(display_tex(node), True) for node in doctree.findall(nodes.math_block)}
    app.env.static_math_formulas = getattr(app.env, "static_math_formulas", {})
    app.env.static_math_formulas[app.env.docname] = formulas


def _purge(app: Any, env: Any, docname: str) -> None:
    getattr(env, "static_math_formulas", {}).pop(docname, None)


def _merge(app: Any, env: Any, docnames: set[str], other: Any) -> None:
    env.static_math_formulas = getattr(env, "static_math_formulas", {})
    for docname in docnames:
        env.static_math_formulas[docname] = other.static_math_formulas.get(docname, set())


def _write_stylesheet(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    typesetter = _typesetter(app)
    try:
        for formulas in getattr(app.env, "static_math_formulas", {}).values():
            for tex, display in sorted(formulas):
                try:
                    typesetter.html(tex, display)
                except TypesetError:
                    pass  # already reported when its page was written
        target = Path(app.outdir) / "_static" / STYLESHEET
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(typesetter.stylesheet(), encoding="utf-8")
    finally:
        typesetter.close()
        app._static_math = None


def setup(app: Any) -> dict[str, Any]:
    """Register the renderer ``static_math`` and its stylesheet."""
    app.add_config_value(
        "static_math_mathjax", str(Path(app.confdir) / "node_modules" / "mathjax" / "es5"), "env"
    )
    app.add_html_math_renderer("static_math", (visit_math, None), (visit_displaymath, None))
    app.add_css_file(STYLESHEET)
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    # Before site_html's after-build fixes (priority 500), which bundle this stylesheet.
    app.connect("build-finished", _write_stylesheet, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": False, "env_version": 1}
