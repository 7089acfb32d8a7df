"""Write the student version of every chapter: the notebooks without their solutions.

Usage: ``python tools/student_version.py [OUTPUT_FOLDER]`` (``make student``; default
``student/``).

A solution is everything from a markdown cell that opens a ``{solution-start}`` directive
to the next cell that holds ``{solution-end}``, both included (the convention of
AUTHORING.md). The exercises stay. The self-check questions stay, without their answers:
each ``{question}`` block becomes the question and its choices as a plain list (a teacher
has ``make questions`` for the answers). Outputs are cleared, so students run the notebooks
themselves. A notebook whose markers do not pair up is refused, and so is one where a cell
outside the solutions reads a name that only a solution defines (it would fail for the
students).
"""

from __future__ import annotations

import re
import symtable
import sys
from pathlib import Path

import nbformat
from _book_files import ROOT, chapter_notebooks

sys.path.insert(0, str(ROOT / "_ext"))
from questions import QUESTION_BLOCK, split_block  # noqa: E402

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


def solution_cells(notebook: nbformat.NotebookNode, name: str = "notebook") -> list[bool]:
    """For each cell, whether it belongs to a solution (markers included).

    Raises ValueError when the markers share a cell with other content or do not pair up.
    """
    flags, inside = [], False
    for index, cell in enumerate(notebook.cells):
        opens, closes = START in cell.source, END in cell.source
        if (opens or closes) and not _marker_only(cell.source):
            raise ValueError(
                f"{name}: cell {index} mixes a solution marker with other content; put each "
                "{solution-start} and {solution-end} directive in a markdown cell of its own"
            )
        if opens and inside:
            raise ValueError(f"{name}: cell {index} opens a solution inside another one")
        if closes and not (inside or opens):
            raise ValueError(f"{name}: cell {index} closes a solution that was not opened")
        inside = inside or opens
        flags.append(inside)
        if closes:
            inside = False
    if inside:
        raise ValueError(f"{name}: a solution is opened but never closed")
    return flags


def _python(source: str) -> str:
    """Replace IPython magics and shell escapes (not Python) by ``pass``."""
    if source.lstrip().startswith("%%"):
        return ""
    lines = source.splitlines()
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            lines[i] = line[: len(line) - len(stripped)] + "pass"
    return "\n".join(lines)


def _defined_and_used(source: str) -> tuple[set[str], set[str]]:
    """Global names a cell binds, and global names it reads (nested scopes included)."""
    table = symtable.symtable(_python(source), "<cell>", "exec")
    defined = {
        s.get_name()
        for s in table.get_symbols()
        if s.is_assigned() or s.is_imported() or s.is_namespace()
    }
    used = {s.get_name() for s in table.get_symbols() if s.is_referenced()}
    stack = list(table.get_children())
    while stack:
        child = stack.pop()
        used |= {s.get_name() for s in child.get_symbols() if s.is_global() and s.is_referenced()}
        stack += child.get_children()
    return defined, used


def solution_only_names(notebook: nbformat.NotebookNode, name: str = "notebook") -> dict[int, set]:
    """Names a cell outside the solutions reads that only a solution defined before it.

    Such a cell fails in the student version, which drops the solutions. Returns a dict from
    cell index to the offending names (empty when the student version is self-contained).
    """
    in_solution = solution_cells(notebook, name)
    by_solution: set[str] = set()
    by_kept: set[str] = set()
    offenders: dict[int, set] = {}
    for index, (cell, removed) in enumerate(zip(notebook.cells, in_solution, strict=True)):
        if cell.cell_type != "code":
            continue
        defined, used = _defined_and_used(cell.source)
        if removed:
            by_solution |= defined
            continue
        missing = (used & by_solution) - by_kept - defined
        if missing:
            offenders[index] = missing
        by_kept |= defined
    return offenders


def strip_solutions(notebook: nbformat.NotebookNode, name: str = "notebook") -> int:
    """Remove the solution cells in place; return how many solutions were removed."""
    flags = solution_cells(notebook, name)
    removed = sum(
        1 for cell, flag in zip(notebook.cells, flags, strict=True) if flag and END in cell.source
    )
    kept = [cell for cell, flag in zip(notebook.cells, flags, strict=True) if not flag]
    for cell in kept:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.cells = kept
    return removed


def _question_for_students(match: re.Match[str]) -> str:
    prompt = match.group(2)
    options, items = split_block(match.group(3))
    head = f"**Check yourself** ({options.get('label', 'question')}). {prompt}\n"
    if any(marker == "=" for marker, _ in items):
        return head + "\nYour answer: ...\n"
    choices = [text for marker, text in items if marker in ("( )", "(x)")]
    return head + "\n" + "".join(f"- ( ) {text}\n" for text in choices)


def strip_answers(notebook: nbformat.NotebookNode) -> int:
    """Turn each question into a plain list without answers or feedback; return how many."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and "{question}" in cell.source:
            cell.source, n = QUESTION_BLOCK.subn(_question_for_students, cell.source)
            count += n
    return count


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "student"
    out.mkdir(parents=True, exist_ok=True)
    for path in chapter_notebooks():
        notebook = nbformat.read(path, as_version=4)
        dependent = solution_only_names(notebook, path.name)
        if dependent:
            print(
                f"{path.name}: cells outside the solutions read names only a solution "
                f"defines (cell: names): {dependent}",
                file=sys.stderr,
            )
            return 1
        removed = strip_solutions(notebook, path.name)
        asked = strip_answers(notebook)
        nbformat.write(notebook, out / path.name)
        print(f"{path.name}: {removed} solutions removed, {asked} questions kept without answers")
    print(f"student notebooks written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
