"""The site's address and the social-preview card (``_ext/social_card.py``)."""

from __future__ import annotations

import doctest
from pathlib import Path

import imagesize
import matplotlib as mpl
import social_card

from lossacc_helpers import use_book_style


def test_site_address_examples_hold() -> None:
    # GitHub Pages addresses for a project and a user site, a custom domain, no address.
    result = doctest.testmod(social_card)
    assert result.attempted >= 4 and result.failed == 0, result


def test_a_repository_address_with_git_suffix_or_slash_gives_the_same_site() -> None:
    for url in ("https://github.com/Ada/book.git", "https://github.com/Ada/book/"):
        assert social_card.site_address("", url) == "https://ada.github.io/book/"


def test_card_is_open_graph_sized_and_the_same_whatever_style_was_set(tmp_path: Path) -> None:
    with mpl.rc_context():
        mpl.rcdefaults()
        first = social_card.draw_card(tmp_path / "a.png", "Loss and Accuracy", "A subtitle.")
        use_book_style()  # it crops saved figures and changes fonts: the card must not change
        second = social_card.draw_card(tmp_path / "b.png", "Loss and Accuracy", "A subtitle.")
    assert imagesize.get(first) == social_card.CARD_SIZE
    assert first.read_bytes() == second.read_bytes()


def test_pages_carry_no_card_when_the_site_address_is_unknown(tmp_path: Path) -> None:
    # A fork hosted elsewhere (no GitHub address, no html.baseurl): a relative or
    # guessed og:image would show a broken preview, so there is none.
    from types import SimpleNamespace

    import site_html

    config = SimpleNamespace(
        lossacc_description="A book.", html_title="Book", html_baseurl="", root_doc="intro"
    )
    app = SimpleNamespace(config=config, builder=SimpleNamespace(name="html"), srcdir=tmp_path)
    for address, image in (
        ("", ""),
        ("https://a.example/", "https://a.example/" + social_card.CARD),
    ):
        config.html_baseurl = address
        context: dict = {"title": "Chapter"}
        site_html._page_meta(app, "chapter", "page.html", context, None)
        assert context["lossacc_meta"]["image"] == image
