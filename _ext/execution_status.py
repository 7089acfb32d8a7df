"""Sphinx extension: the ``execution-status`` directive, a table of the chapters' stored outputs.

Used on ``reference/execution.md``. At build time it reads every chapter notebook listed in
the table of contents (``chapters/*.ipynb``) and writes one row per chapter: its title
(linked), how many code cells it has and how many carry a stored output, and a status in
words. The build executes nothing (``execute_notebooks: "off"``), so the status says what
is true of the file: its outputs are stored, and ``make test`` re-runs it under nbval. A
notebook with code cells that were never run says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective


def _notebook_status(path: Path) -> tuple[str, int, int, str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    title = path.stem
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    title = line[2:].strip()
                    break
            if title != path.stem:
                break
    code = [c for c in notebook["cells"] if c["cell_type"] == "code" and "".join(c["source"])]
    run = [c for c in code if c.get("execution_count") is not None]
    with_output = sum(bool(c.get("outputs")) for c in code)
    if len(run) < len(code):
        status = f"{len(code) - len(run)} code cells never run (run make refresh)"
    else:
        status = "Outputs stored; re-run and compared by nbval on every make test"
    return title, len(code), with_output, status


class ExecutionStatus(SphinxDirective):
    """A table with one row per chapter notebook of the table of contents."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the table from the notebooks as they are now."""
        root = Path(self.env.srcdir)
        docs = [d for d in self.env.found_docs if d.startswith("chapters/")]
        table = nodes.table(classes=["execution-status"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (40, 12, 14, 34):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        body = nodes.tbody()
        group += body
        head += self._row(["Chapter", "Code cells", "With output", "Status"])
        for doc in sorted(docs):
            path = root / f"{doc}.ipynb"
            if not path.is_file():
                continue
            self.env.note_dependency(str(path))
            title, code, with_output, status = _notebook_status(path)
            link = addnodes.pending_xref(
                "", refdomain="std", reftype="doc", reftarget="/" + doc, refexplicit=True
            )
            link += nodes.inline(text=title)
            body += self._row([link, str(code), str(with_output), status])
        return [table]

    @staticmethod
    def _row(cells: list[Any]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            paragraph += cell if isinstance(cell, nodes.Node) else nodes.Text(cell)
            entry += paragraph
            row += entry
        return row


def setup(app: Any) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("execution-status", ExecutionStatus)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
