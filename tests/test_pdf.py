"""The whole-book PDF (``make pdf``): it exists, holds every chapter, and its math is typeset.

Slow (a single-page build and a print of about 150 pages), so it runs in ``make
check-site`` (``LOSSACC_CHECK_SITE=1``), not in ``make test``. It reads the PDF that
``make pdf`` wrote (``check-site`` makes it first) with pypdf.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape as html_unescape

import pytest

from _book import HTML, ROOT, explorables_of, toc_pages

PDF = ROOT / "_extra" / "loss-and-accuracy.pdf"


@pytest.fixture(scope="module")
def text() -> str:
    pypdf = pytest.importorskip("pypdf")
    assert PDF.is_file(), f"{PDF} is missing: run `make pdf`"
    reader = pypdf.PdfReader(PDF)
    assert len(reader.pages) > 20
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬁ" ligatures to "fi"


def _title(page: str) -> str:
    html = (ROOT / "_build" / "html" / f"{page}.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    title = html_unescape(re.sub(r"<[^>]+>", "", title)).rsplit(" — ", 1)[0]
    return " ".join(unicodedata.normalize("NFKC", title).split())


@pytest.mark.parametrize("page", [p for p in toc_pages() if p != "intro"])
def test_pdf_has_every_chapter(text: str, page: str) -> None:
    title = _title(page)
    words = re.sub(r"^\d+\.\s*", "", title).split()[:3]  # the first words of the title
    assert " ".join(words) in text, f"{page} ({title!r}) is not in the PDF"


def test_pdf_math_is_typeset(text: str) -> None:
    # Raw TeX left in the text means MathJax did not typeset it before printing.
    leftover = re.findall(r"\\\(|\\\)|\\\[|\\\]|\\frac|\\mathrm|\$\$", text)
    assert not leftover, leftover[:5]
    assert "∑" in text or "Σ" in text or "−" in text, "no typeset math symbol found"


def test_pdf_prints_every_explorable_drawn(text: str) -> None:
    # The chart's own title is SVG text that exists only once Vega has drawn it.
    for notebook in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")):
        for name, explorable in explorables_of(notebook).items():
            first_line = explorable.spec["title"]["text"][0]
            assert " ".join(first_line.split()) in text, f"{name} is not drawn in the PDF"


def test_site_links_the_pdf() -> None:
    html = (HTML / "intro.html").read_text(encoding="utf-8")
    assert 'href="loss-and-accuracy.pdf"' in html
    assert (HTML / "loss-and-accuracy.pdf").is_file()
