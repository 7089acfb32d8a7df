"""Create a new chapter from the template and register it in the table of contents.

Usage: ``python tools/new_chapter.py SLUG --title "Title of the chapter"``
(``make new-chapter SLUG=precision_recall TITLE="Precision and recall"``).

Writes ``chapters/NN_SLUG.ipynb`` (NN = the next free number) from
``tools/chapter_template.ipynb``, with the chapter's title, labels and the repository URL of
``_config.yml`` filled in; adds it after the last chapter in ``_toc.yml``. The template's
stored outputs come along (the test suite re-runs the template with nbval, so they are
what its code produces), so the new chapter builds at once; ``--execute`` runs it instead.
Then open it in JupyterLab, replace the template's example content, and ``make refresh``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from _book_files import CHAPTERS, REPOSITORY_LINE, TEMPLATE, TOC, chapter_notebooks, repository_url
from refresh_notebooks import refresh

SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


def next_number() -> int:
    numbers = [int(path.name[:2]) for path in chapter_notebooks()]
    return max(numbers, default=0) + 1


def register(entry: str) -> None:
    """Insert ``- file: ENTRY`` after the last chapter listed in _toc.yml."""
    lines = TOC.read_text().splitlines()
    chapter_lines = [i for i, line in enumerate(lines) if re.match(r"\s*- file: chapters/", line)]
    if not chapter_lines:
        raise SystemExit("No chapter found in _toc.yml: add the new chapter there by hand.")
    last = chapter_lines[-1]
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- file: {entry}")
    TOC.write_text("\n".join(lines) + "\n")


def _fill(node: object, label: str, title: str) -> object:
    """Replace the template's placeholders in every string: sources, outputs, glue names."""
    if isinstance(node, str):
        return node.replace("CHAPTER_LABEL", label).replace("CHAPTER_TITLE", title)
    if isinstance(node, list):
        return [_fill(item, label, title) for item in node]
    if isinstance(node, dict):
        return {key: _fill(value, label, title) for key, value in node.items()}
    return node


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="file name part, lower case with underscores")
    parser.add_argument("--title", required=True, help="the chapter's title")
    parser.add_argument(
        "--execute", action="store_true", help="run the new chapter now (its outputs are stored)"
    )
    args = parser.parse_args(argv)
    if not SLUG.match(args.slug):
        parser.error(f"SLUG must be lower case letters, digits and underscores, got {args.slug!r}")
    if any(path.stem[3:] == args.slug for path in chapter_notebooks()):
        parser.error(f"a chapter named {args.slug!r} exists already")

    number = next_number()
    name = f"{number:02d}_{args.slug}"
    label = args.slug.replace("_", "-")
    notebook = _fill(json.loads(TEMPLATE.read_text()), label, args.title)
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        source = REPOSITORY_LINE.sub(f'REPOSITORY = "{repository_url()}"', source)
        cell["source"] = source.splitlines(keepends=True)
    path = CHAPTERS / f"{name}.ipynb"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    register(f"chapters/{name}")
    print(f"created {path.relative_to(CHAPTERS.parent)} and added it to _toc.yml")
    if args.execute:
        print(f"executed in {refresh(path):.1f} s; outputs stored")
    print("Next: open it in JupyterLab, write the chapter, then `make refresh` and `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
