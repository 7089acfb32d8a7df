"""The course-fork kit: student versions, the repository URL, and a fork that adds a chapter."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from _book import BUILD_COMMAND, ROOT, run

TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

from _book_files import REPOSITORY_LINE, chapter_notebooks, repository_url  # noqa: E402
from student_version import END, START, strip_solutions  # noqa: E402


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


def test_student_notebooks_execute(student: Path) -> None:
    """Every student notebook runs top to bottom without an error.

    To save a kernel start and the heavy imports per notebook, the notebooks run one after
    the other in one kernel, with ``%reset -f`` before each: every name a notebook uses
    must come from its own cells (imported modules stay loaded, which only saves time).
    """
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    combined = nbformat.v4.new_notebook(metadata={"kernelspec": kernel})
    for path in chapter_notebooks():
        combined.cells.append(nbformat.v4.new_code_cell(f"%reset -f\n# --- {path.name}"))
        combined.cells += [
            c
            for c in nbformat.read(student / path.name, as_version=4).cells
            if c.cell_type == "code"
        ]
    client = NotebookClient(
        combined,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "chapters")}},
    )
    client.execute()  # raises CellExecutionError, showing the failing cell's source


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


def _copy_repository(target: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shutil.copytree(ROOT / "_extra" / "mathjax", target / "_extra" / "mathjax")


def test_set_repository_changes_every_place(tmp_path: Path) -> None:
    fork = tmp_path / "my-course"
    _copy_repository(fork)
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


def test_a_fork_adds_a_chapter_and_still_passes(built_site: str, tmp_path: Path) -> None:
    fork = tmp_path / "my-course"
    _copy_repository(fork)
    # Reuse the executed notebooks of the main build, as a fork's own cache would be.
    shutil.copytree(ROOT / "_build" / ".jupyter_cache", fork / "_build" / ".jupyter_cache")

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
    tests = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--nbval",
            "--nbval-current-env",
            "-q",
            f"chapters/{new[0].name}",
        ],
        cwd=fork,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
