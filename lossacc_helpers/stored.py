"""What a notebook stores: numbers at the precision that reproduces on every machine.

The book's notebooks keep their outputs, and the test suite re-runs them and compares
(nbval). The same code on another CPU, BLAS kernel or SIMD path changes the last digits of
a float (an iterative fit by about 1e-8 relative), so a stored full ``repr`` such as
``0.5116587177380792`` fails there. The rule of the book: **a stored number carries at
most** :data:`STORED_DIGITS` **significant digits**, more than any sentence quotes and
fewer than the noise. :func:`glue` applies it to every glued value, :func:`reproducible`
to anything else a cell stores, and a test scans every stored output for a float that
breaks it.

:func:`glue` works without myst-nb, the notebook tool of the book's website: where myst-nb
is not installed (Colab, Binder, a reader's own environment) it records nothing, so a
notebook runs with only the package's own dependencies.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from ._validation import check_scalar

__all__ = ["GLUE_PREFIX", "STORED_DIGITS", "glue", "reproducible"]

#: Significant digits a stored number keeps; a chapter's prose quotes at most four.
STORED_DIGITS = 6


def _round_float(x: float, digits: int) -> float:
    if not math.isfinite(x) or x == 0.0:
        return float(x)
    return float(f"{x:.{digits}g}")


def reproducible(value: Any, digits: int = STORED_DIGITS) -> Any:
    """Round every float in ``value`` to ``digits`` significant digits.

    Floats (Python and NumPy) are rounded; NumPy integers and booleans become Python ones;
    strings, Python integers and other objects are returned as they are. Lists, tuples,
    dicts and NumPy arrays are rounded element by element and keep their type.

    Parameters
    ----------
    value : object
        A number, a container of numbers, or any other object.
    digits : int, default=STORED_DIGITS
        Significant digits to keep, from 1 to :data:`STORED_DIGITS`. Use fewer for a value
        whose computation is less stable than that (check it under another BLAS kernel).

    Returns
    -------
    object
        ``value`` with its floats rounded.

    Raises
    ------
    TypeError
        If ``digits`` is not an integer.
    ValueError
        If ``digits`` is outside 1 to :data:`STORED_DIGITS`.

    Examples
    --------
    >>> reproducible(0.5116587177380792)
    0.511659
    >>> reproducible({"temperature": 2.1694674368314515, "epoch": 10}, digits=4)
    {'temperature': 2.169, 'epoch': 10}
    """
    digits = int(check_scalar(digits, "digits", low=1, high=STORED_DIGITS, integer=True))
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float | np.floating):
        return _round_float(float(value), digits)
    if isinstance(value, np.ndarray):
        if np.issubdtype(value.dtype, np.floating):
            flat = [_round_float(float(x), digits) for x in value.ravel()]
            return np.array(flat, dtype=value.dtype).reshape(value.shape)
        return value
    if isinstance(value, Mapping):
        return type(value)({k: reproducible(v, digits) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return type(value)(reproducible(v, digits) for v in value)
    return value


#: The prefix of a glue record's MIME types, as myst-nb (after papermill/scrapbook) reads
#: them from a notebook's outputs.
GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, value: Any, *, digits: int = STORED_DIGITS, display: bool = False) -> None:
    """Store ``value`` under ``name`` for the prose, rounded to reproducible precision.

    The book's way to put a computed number into a sentence: ``glue("loss", loss)`` in a
    code cell, ``{glue:text}`loss:.3f``` in the text. The value is rounded by
    :func:`reproducible` first, so the stored output is the same on every machine.

    In a Jupyter kernel the value is stored as myst-nb's :func:`myst_nb.glue` stores it: a
    display output whose MIME types carry :data:`GLUE_PREFIX` and whose metadata names
    it, which the book's build reads. It is written here, with IPython alone, so that a
    notebook stores the same outputs with or without myst-nb installed (in Colab, Binder
    or a reader's venv) and does not pay myst-nb's import (about a second) in every
    chapter. A test checks the record equals myst-nb's. Outside a kernel nothing is
    stored, and the value is printed only when ``display=True``.

    Parameters
    ----------
    name : str
        The key the text refers to.
    value : object
        The number (or other object) to store.
    digits : int, default=STORED_DIGITS
        Significant digits to keep (see :func:`reproducible`).
    display : bool, default=False
        Whether to show the value in the notebook too.

    Raises
    ------
    TypeError
        If ``name`` is not a string or ``digits`` not an integer.
    ValueError
        If ``name`` is empty or ``digits`` is outside 1 to :data:`STORED_DIGITS`.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {type(name).__name__}.")
    if not name:
        raise ValueError("name must not be empty: it is the key the text refers to.")
    rounded = reproducible(value, digits)
    try:
        from IPython import get_ipython
    except ImportError:  # no IPython: not in a notebook
        shell = None
    else:
        shell = get_ipython()
    if shell is None:
        if display:
            print(repr(rounded))
        return
    from IPython.core.formatters import format_display_data
    from IPython.display import display as show

    bundle, metadata = format_display_data(rounded)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    show({prefix + kind: data for kind, data in bundle.items()}, raw=True, metadata=metadata)
