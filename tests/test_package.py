"""The package namespace: every public name is listed once and loads on first use."""

from __future__ import annotations

import subprocess
import sys

import lossacc_helpers as lah


def test_all_lists_exactly_the_lazily_loaded_names() -> None:
    assert set(lah.__all__) == {*lah._EXPORTS, "margin"}
    for name in lah.__all__:
        assert getattr(lah, name) is not None, name


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, lossacc_helpers\n"
        "print(sorted(m for m in ('matplotlib', 'scipy', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
