"""Re-execute chapter notebooks in place, so their stored outputs are fresh.

Usage: ``python tools/refresh_notebooks.py [NOTEBOOK ...]`` (``make refresh`` runs it on
every notebook in ``chapters/``). Each notebook runs top to bottom in a fresh kernel of the
current environment, from its own folder, exactly as nbval and the book build run it. The
stored outputs are what ``make test`` then compares against (nbval, strict mode).

Execution timestamps are not stored, so a refresh that changes nothing leaves the file
byte-identical and the diff empty.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def execute(
    path: Path, kernel_name: str = "python3", timeout: int = 300
) -> tuple[nbformat.NotebookNode, float]:
    """Run a notebook top to bottom from its own folder; return it and the wall time (s).

    Raises ``CellExecutionError`` (with the failing cell and its traceback) on an error.
    """
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    client.execute()
    return nb, time.perf_counter() - start


def coalesce_streams(outputs: list[dict]) -> list[dict]:
    """Merge consecutive stream outputs of the same stream (stdout, stderr) into one.

    The kernel sends a cell's printed text in as many messages as its buffer was flushed,
    which varies from run to run: one ``print`` was once stored as two outputs. Merged,
    the same text is stored the same way every time.
    """
    merged: list[dict] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.get("output_type") == previous.get("output_type") == "stream"
            and output.get("name") == previous.get("name")
        ):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


def refresh(path: Path, timeout: int = 300) -> float:
    """Execute one notebook in place; return the wall time in seconds."""
    nb, elapsed = execute(path, timeout=timeout)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("jupytext", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        if "outputs" in cell:
            cell.outputs = coalesce_streams(cell.outputs)
    nbformat.write(nb, path)
    return elapsed


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "chapters").glob("*.ipynb"))
    for path in paths:
        elapsed = refresh(path)
        print(f"{path}: executed in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
