"""Find stored notebook outputs holding a number more precise than reproduces across machines.

Usage: ``python tools/stored_precision.py [NOTEBOOK ...]`` (default: every chapter and the
chapter template). Prints one line per offending number, naming the notebook, the cell and
the output, and exits 1 when there is any.

The rule (``lossacc_helpers.STORED_DIGITS``, 6): every float written in a stored output
must equal itself rounded to that many significant digits. A full ``repr`` such as
``0.5116587177380792`` breaks it, ``0.511659`` and ``1.6e-12`` keep it. Text outputs, HTML
and Markdown, JSON and glue records are scanned; images are not. ``tests`` runs the same
scan on every notebook, so a new chapter cannot bring long floats back. Fix an offender
with ``lah.glue`` (which rounds) or with a format (``f"{x:.4f}"``) or ``lah.reproducible``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _book_files import TEMPLATE, chapter_notebooks

from lossacc_helpers import STORED_DIGITS

# A decimal number with a point or an exponent, not part of a word, a version or a path.
FLOAT = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+(?=[eE]))(?:[eE][-+]?\d+)?(?![\w.])")


@dataclass(frozen=True)
class LongFloat:
    """A number in a stored output that carries more digits than reproduce."""

    notebook: str
    cell: int
    output: int
    mime: str
    text: str

    def __str__(self) -> str:
        return (
            f"{self.notebook}: cell {self.cell}, output {self.output} ({self.mime}): "
            f"{self.text} has more than {STORED_DIGITS} significant digits"
        )


def is_reproducible(literal: str, digits: int = STORED_DIGITS) -> bool:
    """Whether a float literal equals itself rounded to ``digits`` significant digits."""
    value = float(literal)
    return value == float(f"{value:.{digits}g}")


def _texts(output: dict) -> Iterator[tuple[str, str]]:
    if "text" in output:
        text = output["text"]
        yield "stream", "".join(text) if isinstance(text, list) else text
    for mime, data in output.get("data", {}).items():
        if mime.startswith("image/"):
            continue
        if isinstance(data, list):
            data = "".join(data)
        yield mime, data if isinstance(data, str) else json.dumps(data)


def long_floats(path: Path, digits: int = STORED_DIGITS) -> list[LongFloat]:
    """Every float in the stored outputs of one notebook that breaks the rule."""
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    found = []
    for index, cell in enumerate(cells):
        for number, output in enumerate(cell.get("outputs", [])):
            for mime, text in _texts(output):
                found += [
                    LongFloat(path.name, index, number, mime, match.group(0))
                    for match in FLOAT.finditer(text)
                    if not is_reproducible(match.group(0), digits)
                ]
    return found


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [*chapter_notebooks(), TEMPLATE]
    found = [problem for path in paths for problem in long_floats(path)]
    for problem in found:
        print(problem)
    print(f"{len(found)} stored numbers with more than {STORED_DIGITS} significant digits")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
