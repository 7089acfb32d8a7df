"""A teacher's fork adds a chapter with the course kit, and the book still builds and passes."""

from __future__ import annotations

import sys
from pathlib import Path

from _book import BUILD_COMMAND, copy_repository, run


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
