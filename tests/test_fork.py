"""A teacher's fork adds a chapter with the course kit, and the book still builds and passes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

from _book import BUILD_COMMAND, ROOT, copy_repository, run

sys.path.insert(0, str(ROOT / "tools"))

from stored_precision import long_floats  # noqa: E402
from student_version import solution_only_names  # noqa: E402


def test_a_fork_adds_a_chapter_and_still_passes(tmp_path: Path) -> None:
    fork = tmp_path / "my-course"
    copy_repository(fork)
    result = run(
        [sys.executable, "tools/new_chapter.py", "my_topic", "--title", "My topic"], cwd=fork
    )
    assert result.returncode == 0, result.stdout + result.stderr
    new = sorted((fork / "chapters").glob("*_my_topic.ipynb"))
    assert len(new) == 1
    assert f"chapters/{new[0].stem}" in (fork / "_toc.yml").read_text()

    build = run([*BUILD_COMMAND, "."], cwd=fork, timeout=900)
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    page = (fork / "_build" / "html" / "chapters" / f"{new[0].stem}.html").read_text()
    assert "My topic" in page
    assert '<span class="pasted-text">1.386</span> nats' in page  # the glued ln 4
    # The new chapter carries the template's stored outputs, which nbval checks in this
    # same test run (tools/chapter_template.ipynb is in testpaths); only the placeholders
    # differ, so it passes nbval too, and it keeps the other rules of `make test`.
    notebook = nbformat.read(new[0], as_version=4)
    template = nbformat.read(fork / "tools" / "chapter_template.ipynb", as_version=4)
    assert [len(c.get("outputs", [])) for c in notebook.cells] == [
        len(c.get("outputs", [])) for c in template.cells
    ]
    assert not any("CHAPTER_LABEL" in json.dumps(c) for c in notebook.cells)
    assert long_floats(new[0]) == []
    assert solution_only_names(notebook, new[0].name) == {}
