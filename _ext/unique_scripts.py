"""Sphinx extension: write each inline ``<script>`` once per page.

Extensions that add an inline script (one with a body and no file) once the HTML builder
exists end up with it twice on every page: Sphinx keeps the script in its registry and in
the builder, and puts both copies in the page. Most such scripts are harmless twice, but
sphinx-thebe's declares a ``const``, so the second copy throws "Identifier 'THEBE_JS_URL'
has already been declared" in the reader's console. This removes exact duplicates.
"""

from __future__ import annotations

from typing import Any


def _unique_scripts(
    app: Any, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple[str, str]] = set()
    unique = []
    for script in scripts:
        # The two copies differ only in an empty filename: None in one, "" in the other.
        filename = getattr(script, "filename", None) or ""
        key = (filename, repr(sorted(getattr(script, "attributes", {}).items())))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    context["script_files"] = unique


def setup(app: Any) -> dict[str, Any]:
    """Register the handler (runs late, after other extensions have added their scripts)."""
    app.connect("html-page-context", _unique_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
