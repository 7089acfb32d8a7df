"""The course-fork kit: student versions, the repository URL, and a fork that adds a chapter."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

from _book import ROOT, copy_repository, run

TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

from _book_files import REPOSITORY_LINE, chapter_notebooks, repository_url  # noqa: E402
from student_version import END, START, solution_only_names, strip_solutions  # noqa: E402


def _solution_sources(path: Path) -> list[str]:
    """The sources of every cell inside a solution (markers included) of a chapter."""
    sources, inside = [], False
    for cell in nbformat.read(path, as_version=4).cells:
        inside = inside or START in cell.source
        if inside:
            sources.append(cell.source)
        if END in cell.source:
            inside = False
    return sources


@pytest.fixture(scope="module")
def student(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("student")
    result = run([sys.executable, str(TOOLS / "student_version.py"), str(out)], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_every_chapter_has_at_least_three_solutions() -> None:
    for path in chapter_notebooks():
        starts = [s for s in _solution_sources(path) if START in s]
        assert len(starts) >= 3, f"{path.name} has {len(starts)} solutions"


def test_no_solution_survives_in_the_student_version(student: Path) -> None:
    for path in chapter_notebooks():
        original = nbformat.read(path, as_version=4)
        stripped = nbformat.read(student / path.name, as_version=4)
        solutions = {s for s in _solution_sources(path) if s.strip()}
        remaining = [c.source for c in stripped.cells]
        assert not any(START in s or END in s for s in remaining), path.name
        assert not solutions & set(remaining), f"{path.name}: a solution cell survived"
        exercises = [c for c in original.cells if "{exercise}" in c.source]
        assert [c for c in stripped.cells if "{exercise}" in c.source] == exercises
        assert all(not c.get("outputs") for c in stripped.cells if c.cell_type == "code")


def test_student_notebooks_need_nothing_a_solution_defines() -> None:
    """No cell outside the solutions reads a name that only a solution defines.

    The student version is the chapter without its solution cells, so a chapter that runs
    (nbval, in this test run) runs without them unless a kept cell needs one of their
    names: checked here statically. The student notebooks are also executed, in an
    environment holding only the package (``make check-clean-env``, run by ``.ci/run``).
    """
    for path in chapter_notebooks():
        notebook = nbformat.read(path, as_version=4)
        assert solution_only_names(notebook, path.name) == {}, path.name


def test_a_cell_that_needs_a_solution_is_found() -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("import numpy as np\nrng = np.random.default_rng(0)"),
        nbformat.v4.new_markdown_cell("```{solution-start} ex\n:class: dropdown\n```"),
        nbformat.v4.new_code_cell("answer = rng.normal()\n%time total = 1"),
        nbformat.v4.new_markdown_cell("```{solution-end}\n```"),
        nbformat.v4.new_code_cell("def show():\n    return answer\n\nprint(rng, total)"),
        nbformat.v4.new_code_cell("answer = 2\nprint(answer)"),
    ]
    assert solution_only_names(notebook) == {4: {"answer"}}


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (["```{solution-start} ex\n:class: dropdown\n```", "x = 1"], "never closed"),
        (["```{solution-end}\n```"], "not opened"),
        (["```{solution-start} a\n```", "```{solution-start} b\n```"], "inside another"),
        (["Some text\n\n```{solution-start} a\n```", "```{solution-end}\n```"], "of its own"),
    ],
)
def test_badly_marked_solutions_are_refused(sources: list[str], message: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(s) for s in sources]
    with pytest.raises(ValueError, match=message):
        strip_solutions(notebook)


def test_every_notebook_installs_from_the_configured_repository() -> None:
    url = repository_url()
    for path in [*chapter_notebooks(), TOOLS / "chapter_template.ipynb"]:
        first_code = next(
            c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
        )
        found = REPOSITORY_LINE.search(first_code.source)
        assert found, f"{path.name}: the first code cell is not the Colab install cell"
        assert found["url"] == url, f"{path.name} installs from {found['url']}, not {url}"
        assert "remove-cell" in first_code.metadata.get("tags", []), path.name


def test_set_repository_changes_every_place(tmp_path: Path) -> None:
    fork = tmp_path / "my-course"
    copy_repository(fork, site_assets=False)  # no build here
    url = "https://github.com/a-teacher/ml-course"
    result = run([sys.executable, "tools/set_repository.py", url], cwd=fork)
    assert result.returncode == 0, result.stdout + result.stderr
    config = (fork / "_config.yml").read_text()
    assert repository_url(config) == url
    for path in [
        *sorted((fork / "chapters").glob("[0-9][0-9]_*.ipynb")),
        fork / "tools" / "chapter_template.ipynb",
    ]:
        cells = nbformat.read(path, as_version=4).cells
        first_code = next(c for c in cells if c.cell_type == "code")
        assert REPOSITORY_LINE.search(first_code.source)["url"] == url, path.name
    refused = run([sys.executable, "tools/set_repository.py", "not a url"], cwd=fork)
    assert refused.returncode != 0
