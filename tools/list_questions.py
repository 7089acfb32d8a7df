"""List every self-check question of the book with its answers, for a teacher.

Usage: ``python tools/list_questions.py [NOTEBOOK ...]`` (``make questions`` runs it on every
chapter). For each ``{question}`` block in the chapters' markdown it prints the label, the
question, each choice marked right or wrong with its feedback (or the numeric answer and
both feedbacks), as Markdown. Glued numbers are filled in from the notebook's stored
outputs, formatted as the page shows them, so the list matches the website.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from questions import QUESTION_BLOCK, check_items, split_block  # noqa: E402

_GLUE = re.compile(r"\{glue(?::text)?\}`([A-Za-z0-9_]+)(?::([^`]*))?`")
_RECORD = "application/papermill.record/text/plain"


def glued_values(notebook: nbformat.NotebookNode) -> dict[str, object]:
    """Every value the notebook glued, from its stored outputs (name -> value)."""
    values: dict[str, object] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name and _RECORD in output.get("data", {}):
                text = output["data"][_RECORD]
                try:
                    values[name] = ast.literal_eval(text)
                except (ValueError, SyntaxError):
                    values[name] = text.strip("'\"")
    return values


def fill_glue(text: str, values: dict[str, object]) -> str:
    """Replace each glue role by its stored value, formatted as the page formats it."""

    def replace(match: re.Match[str]) -> str:
        name, spec = match.group(1), match.group(2)
        if name not in values:
            raise KeyError(f"{name!r} is not glued in this notebook")
        value = values[name]
        return format(value, spec) if spec else str(value)

    return _GLUE.sub(replace, text)


def questions(path: Path) -> list[dict[str, object]]:
    """Return the questions of one notebook: label, prompt, kind and items (glue filled)."""
    notebook = nbformat.read(path, as_version=4)
    values = glued_values(notebook)
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for match in QUESTION_BLOCK.finditer(cell.source):
            prompt = match.group(2)
            options, items = split_block(match.group(3))
            kind = check_items(items)
            found.append(
                {
                    "label": options.get("label", ""),
                    "prompt": fill_glue(prompt, values),
                    "kind": kind,
                    "items": [(marker, fill_glue(text, values)) for marker, text in items],
                }
            )
    return found


def as_markdown(path: Path, found: list[dict[str, object]]) -> str:
    """One notebook's questions as a Markdown list, answers marked."""
    lines = [f"## {path.stem}", ""]
    for question in found:
        lines.append(f"- **{question['label']}** ({question['kind']}): {question['prompt']}")
        for marker, text in question["items"]:
            lines.append(
                {
                    "(x)": f"  - [right] {text}",
                    "( )": f"  - [wrong] {text}",
                    "=": f"  - answer: {text}",
                    ">": f"    - feedback: {text}",
                    "!": f"    - when wrong: {text}",
                }[marker]
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("*.ipynb"))
    total = 0
    print("# Self-check questions and their answers\n")
    for path in paths:
        found = questions(path)
        total += len(found)
        if found:
            print(as_markdown(path, found))
    print(f"{total} questions in {len(paths)} notebooks.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
