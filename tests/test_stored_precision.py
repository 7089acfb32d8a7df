"""Stored outputs hold only the precision that reproduces on another CPU or BLAS kernel.

The rule is ``lossacc_helpers.STORED_DIGITS`` significant digits (see
``lossacc_helpers/stored.py`` and ``tools/stored_precision.py``). The scan covers every
chapter and the chapter template; the planted cases prove that it can fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from _book import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from _book_files import TEMPLATE, chapter_notebooks  # noqa: E402
from stored_precision import is_reproducible, long_floats  # noqa: E402

import lossacc_helpers as lah  # noqa: E402


@pytest.mark.parametrize("path", [*chapter_notebooks(), TEMPLATE], ids=lambda p: p.name)
def test_no_stored_output_carries_irreproducible_digits(path: Path) -> None:
    found = long_floats(path)
    assert not found, "\n".join(map(str, found))


def _notebook_with_outputs(path: Path, outputs: list[nbformat.NotebookNode]) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Planted"), nbformat.v4.new_code_cell("x = 1")]
    nb.cells[1].outputs = outputs
    nbformat.write(nb, path)
    return path


def _glue_record(value: object) -> nbformat.NotebookNode:
    # The output myst-nb's glue writes: a papermill record with the value's repr.
    return nbformat.v4.new_output(
        "display_data",
        data={"application/papermill.record/text/plain": repr(value)},
        metadata={"scrapbook": {"mime_prefix": "application/papermill.record/", "name": "x"}},
    )


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (_glue_record(0.5116587177380792), "0.5116587177380792"),
        (nbformat.v4.new_output("stream", name="stdout", text="T = 2.1694674368314515\n"), "2.16"),
        (
            nbformat.v4.new_output(
                "execute_result", data={"text/html": "<td>0.13311759567030956</td>"}
            ),
            "0.133117",
        ),
        (nbformat.v4.new_output("stream", name="stdout", text="3.746101  3.746101\n"), "3.746101"),
    ],
    ids=["glue record", "printed", "html table", "seven digits"],
)
def test_a_planted_long_float_is_found_and_named(
    tmp_path: Path, output: nbformat.NotebookNode, expected: str
) -> None:
    path = _notebook_with_outputs(tmp_path / "planted.ipynb", [output])
    found = long_floats(path)
    assert len(found) >= 1
    assert found[0].cell == 1 and expected in found[0].text
    assert "planted.ipynb: cell 1" in str(found[0])


def test_rounded_outputs_pass(tmp_path: Path) -> None:
    outputs = [
        _glue_record(lah.reproducible(0.5116587177380792)),
        nbformat.v4.new_output("stream", name="stdout", text="accuracy 94.85%, 1.6e-12, v1.8.0\n"),
        nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo1.23456789"}),
    ]
    assert long_floats(_notebook_with_outputs(tmp_path / "ok.ipynb", outputs)) == []


@pytest.mark.parametrize(
    ("literal", "ok"),
    [
        ("0.511659", True),
        ("0.5116587", False),
        ("1e-12", True),
        ("1.23457e+06", True),
        ("1234567.0", False),
        ("-0.000123456", True),
        ("100.0", True),
    ],
)
def test_the_rule_counts_significant_digits(literal: str, ok: bool) -> None:
    assert is_reproducible(literal) is ok
