"""Point the book at another repository: the one change a fork makes.

Usage: ``python tools/set_repository.py https://github.com/OWNER/NAME``
(``make set-repository URL=...``).

Rewrites ``repository.url`` in ``_config.yml`` (which drives the repository, issue, edit,
download, Binder and Colab buttons) and the ``REPOSITORY`` line of the first code cell of
every chapter and of the chapter template (which installs the helpers when a notebook is
opened alone, in Colab). A test checks that they agree.
"""

from __future__ import annotations

import re
import sys

import nbformat
from _book_files import CONFIG, REPOSITORY_LINE, TEMPLATE, chapter_notebooks

URL = re.compile(r"^https://[^\s\"']+$")
CONFIG_URL = re.compile(r"^(repository:\s*\n\s+url:\s*)(\S+)", re.MULTILINE)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not URL.match(argv[0]):
        print(__doc__)
        return 2
    url = argv[0].rstrip("/")
    config = CONFIG.read_text()
    if not CONFIG_URL.search(config):
        print("Could not find `repository: url:` in _config.yml; edit it by hand.")
        return 1
    CONFIG.write_text(CONFIG_URL.sub(lambda m: m.group(1) + url, config, count=1))
    changed = [CONFIG.name]
    for path in [*chapter_notebooks(), TEMPLATE]:
        notebook = nbformat.read(path, as_version=4)
        install = next(cell for cell in notebook.cells if cell.cell_type == "code")
        source = REPOSITORY_LINE.sub(f'REPOSITORY = "{url}"', install.source)
        if source != install.source:
            install.source = source
            nbformat.write(notebook, path)
            changed.append(path.name)
    print(f"repository set to {url} in: {', '.join(changed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
