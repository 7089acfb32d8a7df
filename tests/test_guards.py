"""The safety nets work: each check of the suite fails when the thing it guards breaks.

These tests break things on purpose in temporary copies, so that a change to the build or
test configuration that silently disables a check is caught:

- nbval, with the suite's own options, fails on a stored printed number and on a stored
  glued number that no longer match, and on a cell that raises (controls pass);
- the strict build fails on a broken cross-reference and on a formula MathJax cannot
  typeset, its only two warnings;
- the site check finds a script loaded from a CDN.
"""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import pytest

from _book import BUILD_COMMAND, ROOT, external_resources, run

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _notebook(path: Path, cells: list[tuple[str, list[nbformat.NotebookNode]]]) -> None:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": KERNEL})
    for count, (source, outputs) in enumerate(cells, start=1):
        cell = nbformat.v4.new_code_cell(source, execution_count=count)
        cell.outputs = outputs
        nb.cells.append(cell)
    nbformat.write(nb, path)


def _printed(text: str) -> list[nbformat.NotebookNode]:
    return [nbformat.v4.new_output("stream", name="stdout", text=text)]


def _glued(name: str, text: str) -> list[nbformat.NotebookNode]:
    # What lah.glue stores through myst-nb: a record holding the rounded value's repr.
    prefix = "application/papermill.record/"
    return [
        nbformat.v4.new_output(
            "display_data",
            data={f"{prefix}text/plain": text},
            metadata={"scrapbook": {"mime_prefix": prefix, "name": name}},
        )
    ]


PRINT = 'import math\nprint(f"-ln 0.51 = {-math.log(0.51):.4f} nats")'
GLUE = 'import math\nimport lossacc_helpers as lah\nlah.glue("ce", -math.log(0.51))'
# The planted notebook, one kernel for all: each cell is its own nbval test, and the
# kernel goes on after a cell whose output differs. Name -> (source, stored outputs,
# whether nbval must pass). The controls come first; the raising cell last.
CELLS = {
    "printed_ok": (PRINT, _printed("-ln 0.51 = 0.6733 nats\n"), True),
    "glued_ok": (GLUE, _glued("ce", "0.673345"), True),
    "printed_tampered": (PRINT, _printed("-ln 0.51 = 0.6734 nats\n"), False),
    "glued_tampered": (GLUE, _glued("ce", "0.673346"), False),
    "raises": ("raise RuntimeError('this cell is broken on purpose')", [], False),
}


@pytest.fixture(scope="module")
def nbval_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Run nbval once, with the suite's options, on the planted notebook; cell -> failure."""
    folder = tmp_path_factory.mktemp("nbval")
    _notebook(folder / "planted.ipynb", [(src, outs) for src, outs, _ in CELLS.values()])
    report = folder / "report.xml"
    result = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval_sanitize.cfg"),
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            f"--rootdir={folder}",
            f"--junitxml={report}",
            "-q",
            "planted.ipynb",
        ],
        cwd=folder,
        timeout=300,
    )
    assert report.is_file(), result.stdout + result.stderr
    names = list(CELLS)
    outcomes: dict[str, str] = {}
    for case in ET.parse(report).iter("testcase"):
        index = int(case.get("name", "").removeprefix("Cell "))
        text = "".join(
            child.get("message", "") + (child.text or "")
            for child in case
            if child.tag in ("failure", "error")
        )
        outcomes[names[index]] = text
    return outcomes


@pytest.mark.parametrize("name", CELLS)
def test_nbval_passes_or_fails_as_it_must(nbval_results: dict[str, str], name: str) -> None:
    must_pass = CELLS[name][2]
    assert name in nbval_results, f"nbval did not run {name}: {sorted(nbval_results)}"
    failure = nbval_results[name]
    if must_pass:
        assert not failure, f"control {name} failed nbval:\n{failure}"
    else:
        assert failure, f"nbval accepted the broken cell {name}"


def test_nbval_names_the_numbers_that_differ(nbval_results: dict[str, str]) -> None:
    # The failure shows the stored number and the one the code produces now.
    assert "0.6734" in nbval_results["printed_tampered"]
    assert "0.6733" in nbval_results["printed_tampered"]
    assert "0.673346" in nbval_results["glued_tampered"]
    assert "0.673345" in nbval_results["glued_tampered"]
    assert "broken on purpose" in nbval_results["raises"]


def _tiny_book(folder: Path, page: str) -> Path:
    """A one-chapter book with the real configuration, extensions and assets."""
    folder.mkdir()
    shutil.copy(ROOT / "_config.yml", folder / "_config.yml")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: page\n")
    (folder / "intro.md").write_text("(intro)=\n# Intro\n\nA tiny book.\n")
    (folder / "page.md").write_text(page)
    (folder / "reference").mkdir()
    shutil.copy(ROOT / "reference" / "references.bib", folder / "reference")
    for support in ("_extra", "_ext", "_static", "_templates"):
        shutil.copytree(ROOT / support, folder / support)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")  # MathJax, for the build
    return folder


BROKEN_PAGE = (
    "# Page\n\nBack to {ref}`no-such-label`. A typo: $\\nosuchmacro{x}$, a sum: $a + b$.\n\n"
    '<script src="https://cdn.jsdelivr.net/npm/some-lib/dist/lib.min.js"></script>\n'
)


def test_broken_reference_and_tex_fail_the_build_and_a_cdn_script_is_found(tmp_path: Path) -> None:
    book = _tiny_book(tmp_path / "broken", BROKEN_PAGE)
    result = run([*BUILD_COMMAND, "."], cwd=book, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode != 0, "a broken cross-reference did not fail the strict build"
    # The control: the planted reference and the planted formula are the build's only
    # warnings, so the tiny book is otherwise sound (and $a + b$ is typeset).
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert len(warnings) == 2, warnings
    assert any("no-such-label" in w for w in warnings), warnings
    assert any("\\nosuchmacro" in w and "Undefined control sequence" in w for w in warnings)
    page = (book / "_build" / "html" / "page.html").read_text(encoding="utf-8")
    assert page.count("<mjx-container") == 1, "the sound formula was not typeset"
    found = external_resources(book / "_build" / "html")
    assert found == {"page.html": ["https://cdn.jsdelivr.net/npm/some-lib/dist/lib.min.js"]}
