"""The package namespace: every public name is listed once and loads on first use."""

from __future__ import annotations

import importlib
import subprocess
import sys

import lossacc_helpers as lah


def test_all_lists_exactly_the_lazily_loaded_names() -> None:
    assert set(lah.__all__) == {*lah._EXPORTS, "margin"}
    for name in lah.__all__:
        assert getattr(lah, name) is not None, name


def test_each_name_is_listed_once_under_the_module_that_defines_it() -> None:
    listed = [name for names in lah._MODULES.values() for name in names]
    assert len(listed) == len(set(listed)), sorted(n for n in listed if listed.count(n) > 1)
    for module, names in lah._MODULES.items():
        source = importlib.import_module(f"lossacc_helpers.{module}")
        for name in names:
            assert name in vars(source), f"{name} is listed under {module}, which lacks it"


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, lossacc_helpers\n"
        "print(sorted(m for m in ('matplotlib', 'scipy', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
