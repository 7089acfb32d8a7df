"""Input validation shared by every public function of :mod:`lossacc_helpers`.

Each check raises :class:`TypeError` for the wrong kind of input and :class:`ValueError`
for the wrong value, with a message that names the argument, says what was found, what
was expected and, where it helps, how to fix it (the style of scikit-learn's
``utils/validation.py``).
"""

from __future__ import annotations

import numbers
import warnings
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "as_float_array",
    "as_label_array",
    "check_axes",
    "check_consistent_length",
    "check_probabilities",
    "check_probability_rows",
    "check_scalar",
]


def _describe_ndim(ndim: int | Sequence[int]) -> str:
    dims = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    return " or ".join(f"{d}D" for d in dims)


def as_float_array(
    x: ArrayLike,
    name: str,
    *,
    ndim: int | Sequence[int] = 1,
    allow_empty: bool = False,
    finite: bool = True,
) -> NDArray[np.float64]:
    """Convert ``x`` to a float array and check its shape and values.

    Parameters
    ----------
    x : array-like
        The input.
    name : str
        The argument's name, used in error messages.
    ndim : int or sequence of int, default=1
        The accepted numbers of dimensions.
    allow_empty : bool, default=False
        Whether an array with no element is accepted.
    finite : bool, default=True
        Whether NaN and infinite values are rejected.

    Returns
    -------
    ndarray of float64 (or the input's floating dtype)

    Raises
    ------
    TypeError
        If ``x`` is not numeric (strings, objects, booleans are refused).
    ValueError
        If ``x`` has the wrong number of dimensions, is empty, or holds NaN or inf.
    """
    if isinstance(x, str | bytes):
        raise TypeError(f"{name} must be array-like of numbers, got a string: {x!r}.")
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError) as err:  # ragged nested lists
        raise ValueError(f"{name} could not be converted to an array: {err}") from None
    if arr.dtype == bool:
        raise TypeError(
            f"{name} must hold numbers, got booleans; convert them with .astype(float)."
        )
    if not np.issubdtype(arr.dtype, np.number):
        raise TypeError(f"{name} must hold numbers, got an array of dtype {arr.dtype}.")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must hold real numbers, got complex values.")
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    dims = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if arr.ndim not in dims:
        hint = ""
        if arr.ndim == 0:
            hint = f" Wrap a single value in a list: {name}=[value]."
        elif 1 in dims and arr.ndim == 2 and 1 in arr.shape:
            hint = f" Use {name}.ravel() to turn a column or row vector into a 1D array."
        raise ValueError(
            f"Expected {_describe_ndim(dims)} array for {name}, "
            f"got {arr.ndim}D array of shape {arr.shape} instead.{hint}"
        )
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty (shape {arr.shape}); at least one sample is required.")
    if finite and not np.all(np.isfinite(arr)):
        n_nan = int(np.isnan(arr).sum())
        n_inf = int(np.isinf(arr).sum())
        raise ValueError(
            f"{name} contains {n_nan} NaN and {n_inf} infinite value(s); "
            "every value must be finite."
        )
    return arr


def as_label_array(y: ArrayLike, name: str) -> NDArray:
    """Convert class labels to a 1D array and check them.

    Labels may be integers, strings or floats holding whole numbers; booleans are
    accepted as the classes ``False < True``.

    Raises
    ------
    TypeError
        If ``y`` is a string rather than a sequence of labels.
    ValueError
        If ``y`` is not 1D, is empty, or holds NaN, inf or non-integral floats.
    """
    if isinstance(y, str | bytes):
        raise TypeError(f"{name} must be a sequence of labels, got a single string: {y!r}.")
    try:
        arr = np.asarray(y)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name} could not be converted to an array: {err}") from None
    if arr.ndim != 1:
        hint = (
            f" Use {name}.ravel() for a column vector." if arr.ndim == 2 and 1 in arr.shape else ""
        )
        raise ValueError(
            f"Expected 1D array of labels for {name}, got {arr.ndim}D array of shape "
            f"{arr.shape} instead.{hint}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} is empty; at least one sample is required.")
    if arr.dtype == object:
        kinds = {type(v).__name__ for v in arr}
        if len(kinds) > 1:
            raise TypeError(
                f"{name} mixes label types {sorted(kinds)}; use one type for all labels."
            )
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{name} contains NaN or infinite labels.")
        if not np.all(arr == np.round(arr)):
            example = arr[arr != np.round(arr)][0].item()
            raise ValueError(
                f"{name} holds non-integral floats such as {example!r}: "
                "class labels must be whole numbers or strings. Did you pass probabilities?"
            )
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} holds complex numbers, which are not class labels.")
    return arr


def check_consistent_length(**arrays: NDArray) -> None:
    """Check that all arrays have the same number of samples (first axis).

    Raises
    ------
    ValueError
        Naming every argument and its length when they differ.
    """
    lengths = {name: len(arr) for name, arr in arrays.items()}
    if len(set(lengths.values())) > 1:
        found = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"Found input variables with inconsistent numbers of samples: {found}.")


def check_probabilities(p: NDArray, name: str) -> None:
    """Check that every value of ``p`` lies in [0, 1].

    Raises
    ------
    ValueError
        Reporting the smallest or largest offending value.
    """
    low, high = float(np.min(p)), float(np.max(p))
    if low < 0 or high > 1:
        bad = low if low < 0 else high
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], found {bad!r}. "
            "If these are scores or logits, convert them first (for example with a softmax), "
            "or use cross_entropy_from_logits."
        )


def check_probability_rows(proba: NDArray, name: str) -> None:
    """Warn when the rows of a 2D probability array do not sum to one.

    As :func:`sklearn.metrics.log_loss` does, this warns rather than raises, with the
    same tolerance (``rtol = sqrt(eps)``), and the values are used as given: the loss of
    a sample only reads the probability of its true class.

    Warns
    -----
    UserWarning
        When a row sum differs from 1 by more than ``sqrt(eps)``.
    """
    sums = proba.sum(axis=1)
    rtol = float(np.sqrt(np.finfo(proba.dtype).eps))
    if not np.allclose(sums, 1.0, rtol=rtol, atol=0.0):
        worst = int(np.argmax(np.abs(sums - 1.0)))
        warnings.warn(
            f"The rows of {name} do not sum to one (row {worst} sums to {sums[worst]:.6g}). "
            "Make sure to pass probabilities; the values are used as given.",
            UserWarning,
            stacklevel=3,
        )


def check_scalar(
    value: object,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    include_low: bool = True,
    include_high: bool = True,
    integer: bool = False,
) -> float:
    """Check a scalar argument: its type and the interval it must lie in.

    Returns
    -------
    float or int
        The value, as ``int`` when ``integer`` is true.

    Raises
    ------
    TypeError
        If ``value`` is not a real number (or not an integer when ``integer`` is true).
    ValueError
        If ``value`` is NaN, infinite or outside the interval.
    """
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        what = "an integer" if integer else "a real number"
        raise TypeError(f"{name} must be {what}, got {type(value).__name__} {value!r}.")
    if not integer and not np.isfinite(float(value)):
        raise ValueError(f"{name} must be finite, got {value!r}.")
    too_low = low is not None and (value < low if include_low else value <= low)
    too_high = high is not None and (value > high if include_high else value >= high)
    if too_low or too_high:
        left = "[" if include_low else "("
        right = "]" if include_high else ")"
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        raise ValueError(f"{name} must be in {left}{lo}, {hi}{right}, got {value!r}.")
    return int(value) if integer else float(value)


def check_axes(ax: object, name: str = "ax") -> None:
    """Check that ``ax`` is None or a matplotlib ``Axes`` (what every plot helper accepts).

    Raises
    ------
    TypeError
        Naming the type that was passed instead.
    """
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"{name} must be a matplotlib Axes or None, got {type(ax).__name__}.")
