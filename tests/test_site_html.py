"""Small after-build fixes of ``_ext/site_html.py`` checked on strings (the built site is
checked in ``test_book_build`` and the browser suite)."""

from __future__ import annotations

from site_html import from_site_root

PAGE = (
    '<html data-content_root="./"><a href="intro.html">front</a><a href="#top">top</a>'
    '<a href="https://x.org/">out</a><a href="/abs.html">abs</a>'
    '<form action="search.html"></form><script src="_static/a.js"></script></html>'
)


def test_the_404_page_links_from_the_site_root_and_keeps_its_own_anchors() -> None:
    fixed = from_site_root(PAGE, "/book/")
    for url in ('href="/book/intro.html"', 'action="/book/search.html"', 'src="/book/_static/a'):
        assert url in fixed
    for kept in ('href="#top"', 'href="https://x.org/"', 'href="/abs.html"'):
        assert kept in fixed
    assert 'data-content_root="/book/"' in fixed
    assert from_site_root(fixed, "/book/") == fixed  # a second run changes nothing
