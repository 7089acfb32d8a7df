"""Small helpers shared by the authoring tools: where things are, and the repository URL."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"
TOC = ROOT / "_toc.yml"
CHAPTERS = ROOT / "chapters"
TEMPLATE = ROOT / "tools" / "chapter_template.ipynb"

# The first code cell of every chapter installs the helpers from the repository (Colab).
REPOSITORY_LINE = re.compile(r'^REPOSITORY = "(?P<url>[^"]*)"$', re.MULTILINE)


def repository_url(config_text: str | None = None) -> str:
    """Return ``repository.url`` of ``_config.yml``, the one place a fork changes."""
    import yaml

    config = yaml.safe_load(config_text if config_text is not None else CONFIG.read_text())
    return str(config["repository"]["url"])


def chapter_notebooks() -> list[Path]:
    """Every chapter notebook, in file-name order (which is chapter order)."""
    return sorted(CHAPTERS.glob("[0-9][0-9]_*.ipynb"))
