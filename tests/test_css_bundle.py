"""The after-build stylesheet bundle (``_ext/css_bundle.py``) on a tiny site."""

from __future__ import annotations

from pathlib import Path

import pytest
from css_bundle import bundle_stylesheets

PAGE = """<html><head>
<link href="../_static/styles/theme.css?digest=1" rel="stylesheet" />
<link rel="stylesheet" type="text/css" href="../_static/custom.css?v=2" />
<link rel="icon" href="../_static/favicon.svg"/>
</head><body><p>text</p></body></html>"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("div.body { background: url(file.png); }\n")
    (static / "styles" / "theme.css").write_text(
        '@charset "utf-8";\n@import "../basic.css";\n'
        ".icon { src: url(../vendor/fa.woff2) format('woff2'), url(data:font/x;base64,AA); }\n"
        "/*# sourceMappingURL=theme.css.map */\n"
    )
    (static / "custom.css").write_text('.a { background: url("img/x.svg"); }\n')
    (tmp_path / "chapters").mkdir()
    return tmp_path


def test_one_bundle_replaces_the_links_in_order(site: Path) -> None:
    page = site / "chapters" / "one.html"
    html = bundle_stylesheets(PAGE, page, site / "_static")
    assert html.count('rel="stylesheet"') == 1
    assert '<link rel="icon" href="../_static/favicon.svg"/>' in html
    href = html.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert href.startswith("../_static/bundle-") and href.endswith(".css")
    css = (page.parent / href).read_text()
    # The import is inlined where it stood, before the importing file's own rules.
    assert css.index("div.body") < css.index(".icon") < css.index(".a {")
    assert "@import" not in css and "@charset" not in css and "sourceMappingURL" not in css
    # URLs now resolve from _static/, where the bundle is.
    assert 'url("file.png")' in css
    assert 'url("vendor/fa.woff2")' in css
    assert 'url("img/x.svg")' in css
    assert "url(data:font/x;base64,AA)" in css


def test_bundling_twice_changes_nothing_and_pages_share_a_bundle(site: Path) -> None:
    page = site / "chapters" / "one.html"
    once = bundle_stylesheets(PAGE, page, site / "_static")
    assert bundle_stylesheets(once, page, site / "_static") == once
    top = bundle_stylesheets(PAGE.replace("../", ""), site / "index.html", site / "_static")
    assert len(list((site / "_static").glob("bundle-*.css"))) == 1
    assert 'href="_static/bundle-' in top


@pytest.mark.parametrize(
    "change",
    [
        ("../_static/custom.css?v=2", "https://cdn.example.org/x.css"),  # outside the site
        ("../_static/custom.css?v=2", "../_static/missing.css"),  # not in the site
        ('type="text/css" href', 'media="print" href'),  # a media query to keep
    ],
)
def test_pages_it_cannot_bundle_are_left_alone(site: Path, change: tuple[str, str]) -> None:
    html = PAGE.replace(*change)
    assert bundle_stylesheets(html, site / "chapters" / "one.html", site / "_static") == html


def test_a_page_bundled_before_gets_the_stylesheets_as_they_are_now(site: Path) -> None:
    # An incremental build leaves unchanged pages as they were: their bundle must still
    # follow an edited stylesheet.
    page = site / "chapters" / "one.html"
    once = bundle_stylesheets(PAGE, page, site / "_static")
    (site / "_static" / "custom.css").write_text(".a { color: red; }\n")
    again = bundle_stylesheets(once, page, site / "_static")
    assert again != once and again.count('rel="stylesheet"') == 1
    href = again.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert ".a { color: red; }" in (page.parent / href).read_text()
