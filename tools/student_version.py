"""Write the student version of every chapter: the notebooks without their solutions.

Usage: ``python tools/student_version.py [OUTPUT_FOLDER]`` (``make student``; default
``student/``).

A solution is everything from a markdown cell that opens a ``{solution-start}`` directive
to the next cell that holds ``{solution-end}``, both included (the convention of
AUTHORING.md). The exercises stay. Outputs are cleared, so students run the notebooks
themselves. A notebook whose markers do not pair up is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from _book_files import ROOT, chapter_notebooks

START, END = "{solution-start}", "{solution-end}"


def _marker_only(source: str) -> bool:
    """Whether a cell holds nothing but one solution-start or solution-end directive."""
    lines = [line.strip() for line in source.strip().splitlines()]
    fence = lines[0][: len(lines[0]) - len(lines[0].lstrip("`:"))] if lines else ""
    return (
        len(fence) >= 3
        and (START in lines[0] or END in lines[0])
        and lines[-1] == fence
        and all(line.startswith(":") for line in lines[1:-1])
    )


def strip_solutions(notebook: nbformat.NotebookNode, name: str = "notebook") -> int:
    """Remove the solution cells in place; return how many solutions were removed."""
    kept, inside, removed = [], False, 0
    for index, cell in enumerate(notebook.cells):
        opens, closes = START in cell.source, END in cell.source
        if (opens or closes) and not _marker_only(cell.source):
            raise ValueError(
                f"{name}: cell {index} mixes a solution marker with other content; put each "
                "{solution-start} and {solution-end} directive in a markdown cell of its own"
            )
        if opens and inside:
            raise ValueError(f"{name}: cell {index} opens a solution inside another one")
        if opens:
            inside = True
        if not inside:
            if closes:
                raise ValueError(f"{name}: cell {index} closes a solution that was not opened")
            kept.append(cell)
        if inside and closes:
            inside, removed = False, removed + 1
    if inside:
        raise ValueError(f"{name}: a solution is opened but never closed")
    for cell in kept:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.cells = kept
    return removed


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "student"
    out.mkdir(parents=True, exist_ok=True)
    for path in chapter_notebooks():
        notebook = nbformat.read(path, as_version=4)
        removed = strip_solutions(notebook, path.name)
        nbformat.write(notebook, out / path.name)
        print(f"{path.name}: {removed} solutions removed")
    print(f"student notebooks written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
