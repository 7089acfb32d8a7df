"""Run every notebook in an environment that holds only the package and a kernel.

Usage::

    python tools/clean_env.py pinned    # make check-clean-env
    python tools/clean_env.py floors    # make check-floors
    python tools/clean_env.py lock      # rewrite binder/requirements.txt (make lock)

``pinned`` is what a Binder, Colab or a reader's venv has: ``binder/requirements.txt`` (the
package's dependencies at the versions of ``requirements/constraints.txt``, installed with
``--no-deps`` so that a missing one fails ``pip check``), the package itself built as a
wheel (not editable), and ``ipykernel``; no myst-nb, no Jupyter Book, no test tools. Every
chapter and every student notebook (``tools/student_version.py``) must run there.

``floors`` installs the lowest version of each dependency that ``pyproject.toml``
declares (``numpy>=X`` becomes ``numpy==X``), as scikit-learn's own minimum-dependencies
CI does, and runs every chapter: the declared floors are true only if that passes.

The environments live in ``.envs/`` and are reused while their inputs are unchanged.
Notebooks run through a kernel of that environment, from their own folder, like nbval;
outputs are not compared (the versions differ from the pinned ones), errors fail.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import nbformat
from _book_files import ROOT, chapter_notebooks
from refresh_notebooks import execute
from student_version import strip_solutions

ENVS = ROOT / ".envs"
BINDER_REQUIREMENTS = ROOT / "binder" / "requirements.txt"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
PYPROJECT = ROOT / "pyproject.toml"
FLOOR = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)\s*>=\s*(?P<version>[0-9][0-9a-zA-Z.]*)$")
BINDER_HEADER = """\
# Binder (repo2docker) installs these, then binder/postBuild installs the package itself.
# The dependencies of lossacc-helpers and nothing else, at the versions of
# requirements/constraints.txt. Written by `make lock`; `make check-clean-env` installs it
# with --no-deps (a missing dependency fails pip check) and runs every notebook.
"""


def _pip(python: Path, *args: str) -> None:
    command = [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True, cwd=ROOT)


def _fresh_venv(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def declared_floors() -> dict[str, str]:
    """Return the lowest version of each dependency ``pyproject.toml`` declares, by name."""
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    floors = {}
    for requirement in dependencies:
        match = FLOOR.match(requirement.replace(" ", ""))
        if not match:
            raise SystemExit(f"pyproject.toml: {requirement!r} has no plain '>=' floor to test")
        floors[match["name"]] = match["version"]
    return floors


def _constraint_pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _environment(kind: str) -> Path:
    """Create (or reuse) the environment of ``kind``; return its Python."""
    if kind == "pinned":
        requirements = [f"-r{BINDER_REQUIREMENTS}", "--no-deps"]
        inputs = BINDER_REQUIREMENTS.read_text() + CONSTRAINTS.read_text()
    else:
        requirements = [f"{name}=={version}" for name, version in declared_floors().items()]
        inputs = " ".join(requirements)
    path = ENVS / kind
    python = path / "bin" / "python"
    stamp = path / ".inputs"
    digest = hashlib.sha256((inputs + sys.version).encode()).hexdigest()
    if not (python.is_file() and stamp.is_file() and stamp.read_text() == digest):
        print(f"creating {path.relative_to(ROOT)}", flush=True)
        python = _fresh_venv(path)
        _pip(python, "install", "--upgrade", "pip==26.3")
        if kind == "pinned":
            _pip(python, "install", *requirements)
            _pip(python, "install", "--no-deps", str(ROOT))
            _pip(python, "check")  # every dependency of the package is in the file
        else:
            _pip(python, "install", *requirements, str(ROOT))
        _pip(python, "install", "-c", str(CONSTRAINTS), "ipykernel")
        stamp.write_text(digest)
    # The package as it is now, built as a wheel, without touching its dependencies.
    _pip(python, "install", "--no-deps", "--force-reinstall", str(ROOT))
    return python


def _versions(python: Path, names: list[str]) -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys\n"
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    out = subprocess.run([str(python), "-c", code, *names], check=True, capture_output=True)
    return json.loads(out.stdout)


def _check_clean(python: Path) -> None:
    """Fail when the environment has notebook tooling the chapters could lean on."""
    for module in ("myst_nb", "jupyter_book", "sphinx", "pytest", "nbval"):
        found = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True)
        if found.returncode == 0:
            raise SystemExit(f"{python}: {module} is installed; the environment is not clean")


def _kernel(python: Path, name: str, folder: Path) -> None:
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": name, "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel))


def check(kind: str) -> int:
    """Build the environment of ``kind`` and run the notebooks it must run."""
    python = _environment(kind)
    _check_clean(python)
    wanted = list(declared_floors())
    versions = _versions(python, wanted)
    print(f"{kind} environment: " + ", ".join(f"{n} {v}" for n, v in versions.items()))
    if kind == "floors":
        wrong = {n: v for n, v in versions.items() if v != declared_floors()[n]}
        if wrong:
            raise SystemExit(f"not at the declared floors: {wrong}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _kernel(python, f"lossacc-{kind}", folder / "jupyter")
        os.environ["JUPYTER_PATH"] = str(folder / "jupyter")
        notebooks = chapter_notebooks()
        if kind == "pinned":
            (folder / "student").mkdir()
            for path in chapter_notebooks():
                notebook = nbformat.read(path, as_version=4)
                strip_solutions(notebook, path.name)
                nbformat.write(notebook, folder / "student" / path.name)
            notebooks = [*notebooks, *sorted((folder / "student").glob("*.ipynb"))]
        for path in notebooks:
            label = f"student/{path.name}" if path.parent.name == "student" else path.name
            _, seconds = execute(path, kernel_name=f"lossacc-{kind}")
            print(f"  ran {label} in {seconds:.1f} s", flush=True)
    print(f"{len(notebooks)} notebooks ran in the {kind} environment")
    return 0


def lock() -> int:
    """Rewrite binder/requirements.txt: the package's dependency closure, pinned."""
    with tempfile.TemporaryDirectory() as tmp:
        python = _fresh_venv(Path(tmp) / "venv")
        _pip(python, "install", "-c", str(CONSTRAINTS), str(ROOT))
        frozen = subprocess.run(
            [str(python), "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    pins = _constraint_pins()
    lines = []
    for line in frozen:
        name, _, version = line.partition("==")
        key = name.split(" @ ")[0].strip().lower().replace("_", "-")
        if key == "lossacc-helpers":
            continue
        if pins.get(key) != version:
            raise SystemExit(f"{line} is not the version of requirements/constraints.txt")
        lines.append(line)
    BINDER_REQUIREMENTS.write_text(BINDER_HEADER + "\n".join(sorted(lines, key=str.lower)) + "\n")
    print(f"wrote {BINDER_REQUIREMENTS.relative_to(ROOT)} ({len(lines)} packages)")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["pinned", "floors", "lock"])
    args = parser.parse_args(argv)
    return lock() if args.what == "lock" else check(args.what)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
