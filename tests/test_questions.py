"""Self-check questions: the directive's rules, the teacher's list and the student version."""

from __future__ import annotations

import sys

import nbformat
import pytest

from _book import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from list_questions import fill_glue, glued_values, questions
from questions import check_items, parse_items
from student_version import strip_answers

CHOICE = """( ) 0.25 nats
> Not the probability.
(x) {glue:text}`ln4:.3f` nats
> Right: -ln 0.25.
  It is ln 4.
"""
NUMERIC = """= {glue:text}`ln10:.3f`
> Right.
! Each costs -ln(1/10).
"""


def test_items_and_kinds() -> None:
    items = parse_items(CHOICE.splitlines())
    assert items[-1] == (">", "Right: -ln 0.25. It is ln 4.")  # indented lines continue
    assert check_items(items) == "choice"
    assert check_items(parse_items(NUMERIC.splitlines())) == "numeric"


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ("(x) only one\n> yes", "two or more choices"),
        ("( ) a\n> no\n( ) b\n> no", "one or more marked"),
        ("( ) a\n( ) b\n> no\n(x) c\n> yes", "'a' has no '>' feedback"),
        ("> first\n( ) a\n> no\n(x) b\n> yes", "must follow a choice"),
        ("= 1\n> right", "'!' \\(when wrong\\)"),
        ("= 1\n= 2\n> r\n! w", "one '=' answer line"),
        ("( ) a\n> no\n(x) b\n> yes\n! w", "belongs to a numeric"),
    ],
)
def test_ill_formed_questions_are_refused(body: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        check_items(parse_items(body.splitlines()))


def test_an_unknown_line_is_named() -> None:
    with pytest.raises(ValueError, match="line 2 .*'x\\) wrong'"):
        parse_items(["( ) a", "x) wrong"])


def _notebook(tmp_path, body: str):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(
        nbformat.v4.new_markdown_cell(
            f"```{{question}} Cost of p = 1/4?\n:label: q-t\n\n{body}```\n"
        )
    )
    code = nbformat.v4.new_code_cell("glue")
    prefix = "application/papermill.record/"
    code.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={f"{prefix}text/plain": value},
            metadata={"scrapbook": {"mime_prefix": prefix, "name": name}},
        )
        for name, value in (("ln4", "1.38629"), ("ln10", "2.30259"))
    ]
    nb.cells.append(code)
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, path)
    return path


def test_the_teachers_list_fills_in_glued_values(tmp_path) -> None:
    path = _notebook(tmp_path, CHOICE)
    assert glued_values(nbformat.read(path, 4)) == {"ln4": 1.38629, "ln10": 2.30259}
    [found] = questions(path)
    assert found["label"] == "q-t" and found["kind"] == "choice"
    assert ("(x)", "1.386 nats") in found["items"]
    with pytest.raises(KeyError, match="'nope' is not glued"):
        fill_glue("{glue:text}`nope:.2f`", {})


def test_the_student_version_keeps_questions_without_answers(tmp_path) -> None:
    nb = nbformat.read(_notebook(tmp_path, CHOICE), 4)
    assert strip_answers(nb) == 1
    text = nb.cells[0].source
    assert "**Check yourself** (q-t). Cost of p = 1/4?" in text
    assert "- ( ) 0.25 nats" in text and "- ( ) {glue:text}`ln4:.3f` nats" in text
    assert "(x)" not in text and "Right" not in text and "Not the probability" not in text
    numeric = nbformat.read(_notebook(tmp_path, NUMERIC), 4)
    strip_answers(numeric)
    assert "Your answer: ..." in numeric.cells[0].source
    assert "ln10" not in numeric.cells[0].source


def test_every_chapter_has_three_questions_and_an_explorable() -> None:
    """The book's rule (AUTHORING.md): at least three questions and one explorable each."""
    from _book import explorables_of

    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb")):
        found = questions(path)
        assert len(found) >= 3, f"{path.name}: {len(found)} questions"
        labels = [q["label"] for q in found]
        assert len(set(labels)) == len(labels), labels
        assert explorables_of(path), f"{path.name} has no explorable"
