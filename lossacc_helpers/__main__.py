"""``python -m lossacc_helpers diagnose PATH``: see :mod:`lossacc_helpers.cli`."""

from .cli import main

raise SystemExit(main())
