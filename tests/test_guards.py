"""The safety nets work: a raising cell fails the strict build, a changed output fails nbval.

These tests break things on purpose in a temporary copy, so that a change to the build
or test configuration that silently disables a check is caught.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat

from _book import BUILD_COMMAND, ROOT, run


def _tiny_book(folder: Path, code: str) -> None:
    config = (ROOT / "_config.yml").read_text()
    (folder / "_config.yml").write_text(
        config.replace("execute_notebooks: cache", "execute_notebooks: force")
    )
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: broken\n")
    (folder / "intro.md").write_text("# Intro\n\nA tiny book.\n")
    (folder / "reference").mkdir()
    bib = "reference/references.bib"
    (folder / bib).write_text((ROOT / bib).read_text())
    for support in ("_extra", "_ext", "_static"):
        shutil.copytree(ROOT / support, folder / support)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_markdown_cell("# Broken"), nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, folder / "broken.ipynb")


def test_strict_build_fails_on_a_cell_that_raises(tmp_path: Path) -> None:
    _tiny_book(tmp_path, "raise RuntimeError('this cell is broken on purpose')")
    result = run([*BUILD_COMMAND, "."], cwd=tmp_path, timeout=300)
    assert result.returncode != 0, "a notebook cell that raises did not fail the strict build"
    assert "broken on purpose" in result.stdout + result.stderr


def test_strict_build_passes_on_the_same_book_without_the_error(tmp_path: Path) -> None:
    # Control: the tiny book itself is fine, so the failure above is the raising cell's.
    _tiny_book(tmp_path, "print(1 + 1)")
    result = run([*BUILD_COMMAND, "."], cwd=tmp_path, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


def _printing_notebook(path: Path, value: str) -> None:
    """A notebook whose one cell prints a computed number, stored as ``value``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    cell = nbformat.v4.new_code_cell('print(f"-ln 0.51 = {-math.log(0.51):.4f} nats")')
    cell.source = "import math\n" + cell.source
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=value)]
    cell.execution_count = 1
    nb.cells = [cell]
    nbformat.write(nb, path)


def _nbval(path: Path) -> tuple[int, str]:
    # The suite's own nbval options, sanitiser included.
    result = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "--nbval-current-env",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval_sanitize.cfg"),
            "-q",
            path.name,
        ],
        cwd=path.parent,
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


def test_nbval_fails_when_a_stored_number_no_longer_matches(tmp_path: Path) -> None:
    stored = tmp_path / "stored.ipynb"
    _printing_notebook(stored, "-ln 0.51 = 0.6733 nats\n")
    code, log = _nbval(stored)
    assert code == 0, "control: the correct stored output must pass\n" + log
    stored.unlink()
    tampered = tmp_path / "tampered.ipynb"
    _printing_notebook(tampered, "-ln 0.51 = 0.6734 nats\n")
    code, log = _nbval(tampered)
    assert code != 0, "nbval accepted a stored output that no longer matches:\n" + log
    assert "0.6734" in log and "0.6733" in log
