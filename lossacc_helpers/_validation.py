"""Input validation shared by every public function of :mod:`lossacc_helpers`.

Each check raises :class:`TypeError` for the wrong kind of input and :class:`ValueError`
for the wrong value, with a message that names the argument, says what was found, what
was expected and, where it helps, how to fix it (the style of scikit-learn's
``utils/validation.py``).
"""

from __future__ import annotations

import numbers
import sys
import warnings
from collections.abc import Mapping, Sequence, Set

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "LabelOrderWarning",
    "as_float_array",
    "as_label_array",
    "check_axes",
    "check_consistent_length",
    "check_labels_argument",
    "check_probabilities",
    "check_probability_rows",
    "check_sample_weight",
    "check_scalar",
    "class_columns",
    "external_stacklevel",
    "is_numeric_labels",
    "weighted_mean",
]


def external_stacklevel() -> int:
    """Return the ``stacklevel`` that points a warning at the first caller outside the package.

    The checks run at different depths below the public functions, so a fixed
    ``stacklevel`` would blame a line of the package instead of the user's call.
    """
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("lossacc_helpers"):
        frame = frame.f_back
        level += 1
    return level


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


def _label_kind(value: object) -> str:
    """Name the kind of one label in an object array: str, bool, int, float, or what it is."""
    if isinstance(value, str):
        return "str"
    if isinstance(value, bool | np.bool_):
        return "bool"
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "float"
    return type(value).__name__


def _is_missing(value: object) -> bool:
    """Whether ``value`` is None, NaN or pandas' NA/NaT (anything that is not equal to itself)."""
    if value is None:
        return True
    if isinstance(value, list | tuple | dict | set | np.ndarray):
        return False  # not missing, not a label either: reported as a wrong type
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # pandas.NA refuses bool()
        return True


def _object_labels(arr: NDArray, name: str) -> NDArray:
    """Check the labels of an object array one by one and return them in a typed array."""
    types = set(map(type, arr))
    if all(issubclass(t, str) for t in types):  # the common case (pandas string columns)
        return arr.astype(str)
    missing = [i for i, v in enumerate(arr) if _is_missing(v)]
    if missing:
        raise ValueError(
            f"{name} holds {len(missing)} missing label(s) ({arr[missing[0]]!r} at position "
            f"{missing[0]}); drop those samples or fill them in before computing a metric."
        )
    kinds = {_label_kind(v) for v in arr}
    bad = kinds - {"str", "bool", "int", "float"}
    if bad:
        example = next(v for v in arr if _label_kind(v) in bad)
        raise TypeError(
            f"{name} must hold one label (a string or an integer) per sample, got "
            f"{type(example).__name__} values such as {example!r}. Multilabel or nested input is "
            "not supported; pass a 1D array of class labels."
        )
    if len(kinds) > 1 and not kinds <= {"int", "float"}:
        raise TypeError(f"{name} mixes label types {sorted(kinds)}; use one type for all labels.")
    if kinds == {"str"}:
        return arr.astype(str)
    if kinds == {"bool"}:
        return arr.astype(bool)
    return arr.astype(np.int64 if kinds == {"int"} else np.float64)


def as_label_array(y: ArrayLike, name: str) -> NDArray:
    """Convert class labels to a 1D array and check them.

    Labels may be integers, strings or floats holding whole numbers; booleans are
    accepted as the classes ``False < True``. Object arrays (pandas' string columns among
    them) are checked element by element and returned as a typed array.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        The labels.
    name : str
        The argument's name, used in error messages.

    Returns
    -------
    ndarray of shape (n_samples,)
        Of an integer, float, bool or string dtype, never object.

    Raises
    ------
    TypeError
        If ``y`` is None, a string, a mapping or a set rather than a sequence of labels, or
        holds values that are not labels (lists, dicts, complex numbers, mixed types).
    ValueError
        If ``y`` is not 1D, is empty, or holds missing values, NaN, inf or non-integral
        floats.
    """
    if y is None:
        raise TypeError(f"{name} is None; pass an array-like of class labels, one per sample.")
    if isinstance(y, str | bytes):
        raise TypeError(f"{name} must be a sequence of labels, got a single string: {y!r}.")
    if isinstance(y, Mapping | Set):
        raise TypeError(
            f"{name} must be an ordered sequence of labels, got a {type(y).__name__}; "
            f"pass a list or an array (for a dict, list(d.values()) or list(d))."
        )
    try:
        arr = np.asarray(y)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name} could not be converted to an array: {err}") from None
    if arr.ndim != 1:
        hint = (
            f" Use {name}.ravel() (numpy) or a single column (pandas) for a column vector."
            if arr.ndim == 2 and 1 in arr.shape
            else ""
        )
        raise ValueError(
            f"Expected 1D array of labels for {name}, got {arr.ndim}D array of shape "
            f"{arr.shape} instead.{hint}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} is empty; at least one sample is required.")
    if arr.dtype == object:
        arr = _object_labels(arr, name)
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} holds complex numbers, which are not class labels.")
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool or arr.dtype.kind in "US"):
        raise TypeError(
            f"{name} must hold class labels (integers or strings), got dtype {arr.dtype}."
        )
    if np.issubdtype(arr.dtype, np.floating):
        if not np.all(np.isfinite(arr)):
            n_nan = int(np.isnan(arr).sum())
            raise ValueError(
                f"{name} contains NaN or infinite labels ({n_nan} missing as NaN, "
                f"{len(arr) - n_nan - int(np.isfinite(arr).sum())} infinite); drop those "
                "samples or fill them in."
            )
        if not np.all(arr == np.round(arr)):
            example = arr[arr != np.round(arr)][0].item()
            raise ValueError(
                f"{name} holds non-integral floats such as {example!r}: "
                "class labels must be whole numbers or strings. Did you pass probabilities?"
            )
    return arr


def is_numeric_labels(y: NDArray) -> bool:
    """Whether validated labels are numbers or booleans (not strings).

    Parameters
    ----------
    y : ndarray
        Labels returned by :func:`as_label_array`.

    Returns
    -------
    bool
    """
    return bool(np.issubdtype(y.dtype, np.number) or y.dtype == bool)


class LabelOrderWarning(UserWarning):
    """``labels=`` is not sorted: the columns are read in the order given.

    scikit-learn sorts ``labels``; the helpers read them as the column order, so with
    unsorted labels the two can differ. Silence it with ``warnings.filterwarnings`` when
    the order is intended.
    """


def check_labels_argument(labels: ArrayLike, y: NDArray, n_columns: int, columns: str) -> NDArray:
    """Validate ``labels=``: distinct classes, one per column, of the same kind as ``y``.

    Parameters
    ----------
    labels : array-like of shape (n_columns,)
        The classes, in column order.
    y : ndarray
        The validated labels the classes must cover.
    n_columns : int
        The number of columns ``labels`` must name (2 for a 1D binary input).
    columns : str
        The name of the argument whose columns ``labels`` names.

    Returns
    -------
    ndarray of shape (n_columns,)
        The classes, in the order given.

    Raises
    ------
    TypeError
        If ``labels`` is not a sequence of labels, or holds labels of another kind than ``y``.
    ValueError
        If ``labels`` repeats a class or does not have one class per column.

    Warns
    -----
    LabelOrderWarning
        When ``labels`` is not sorted (scikit-learn would sort it).
    """
    classes = as_label_array(labels, "labels")
    if len(np.unique(classes)) != len(classes):
        raise ValueError(f"labels must not repeat a class, got {classes.tolist()}.")
    if is_numeric_labels(classes) != is_numeric_labels(y):
        raise TypeError(
            f"y_true holds {y.dtype} labels and labels holds {classes.dtype} labels; "
            "labels of different types never match. Use the same kind of labels for both."
        )
    if len(classes) != n_columns:
        where = (
            "a 1D input stands for 2 columns, [negative, positive]"
            if columns == "1D input"
            else f"{columns} has {n_columns} columns"
        )
        raise ValueError(
            f"labels has {len(classes)} classes but {where}; "
            "give one class per column, in column order."
        )
    if np.any(classes[1:] < classes[:-1]):
        warnings.warn(
            f"labels={classes.tolist()} is not sorted; its order is taken as the column "
            f"order of {'the 1D input, [negative, positive]' if columns == '1D input' else columns}"
            ". scikit-learn sorts labels, so its result can differ.",
            LabelOrderWarning,
            stacklevel=external_stacklevel(),
        )
    return classes


def _labels_hint(found: NDArray, n_columns: int, one_column: bool) -> str:
    """Suggest the ``labels=`` that fixes the input, with the classes found when they fit."""
    what = "labels=[negative, positive]" if one_column else "labels=[...], in column order"
    if len(found) == n_columns:
        return (
            f"pass the classes with {what}: for example labels={found.tolist()} if that is "
            "the order of the columns (scikit-learn's classes_ order)."
        )
    return f"pass {'both' if n_columns == 2 else f'all {n_columns}'} classes with {what}."


def class_columns(
    y: NDArray,
    n_columns: int,
    labels: ArrayLike | None,
    *,
    columns: str = "proba",
    one_column: bool = False,
) -> NDArray[np.intp]:
    """Map validated labels to column indices: THE label rule of the package.

    * Without ``labels``, integer labels ``0 .. n_columns - 1`` (or integral floats, or
      booleans as 0 and 1) *are* the column indices. For a 1D binary input
      (``one_column=True``: a probability or score of the positive class) the negative class
      may also be written -1, so that ``{-1, +1}`` works like ``{0, 1}``. Any other label
      raises a ``ValueError`` asking for ``labels=``.
    * With ``labels``, label ``labels[j]`` is column ``j``: the order given is respected (a
      :class:`LabelOrderWarning` says so when it is not sorted). For a 1D binary input,
      ``labels = [negative, positive]``.

    The column of a sample depends on its own label only, never on the other samples.

    Parameters
    ----------
    y : ndarray of shape (n_samples,)
        Labels validated by :func:`as_label_array`.
    n_columns : int
        The number of columns (2 for a 1D binary input).
    labels : array-like of shape (n_columns,) or None
        The classes in column order.
    columns : str, default="proba"
        The name of the argument with the columns, used in error messages.
    one_column : bool, default=False
        Whether the input is 1D (binary), allowing -1 for the negative class.

    Returns
    -------
    ndarray of intp, shape (n_samples,)

    Raises
    ------
    ValueError
        On labels that are not column indices when ``labels`` is None, or labels absent
        from ``labels``.
    TypeError
        As :func:`check_labels_argument`.
    """
    if labels is not None:
        classes = check_labels_argument(labels, y, n_columns, "1D input" if one_column else columns)
        order = np.argsort(classes, kind="stable")
        ordered = classes[order]
        position = np.clip(np.searchsorted(ordered, y), 0, n_columns - 1)
        unknown = ordered[position] != y
        if np.any(unknown):
            raise ValueError(
                f"y_true contains labels not in labels: {np.unique(y[unknown]).tolist()}; "
                f"expected one of {classes.tolist()}."
            )
        return order[position]
    kind = y.dtype.kind
    if kind not in "biuf":
        found = np.unique(y)
        raise ValueError(
            f"y_true holds {'string' if kind in 'US' else y.dtype} labels such as "
            f"{found[0].item()!r}; only integer labels 0 .. {n_columns - 1} index the columns "
            f"of {columns} directly. P{_labels_hint(found, n_columns, one_column)[1:]}"
        )
    low, high = y.min(), y.max()
    if one_column and low == -1:
        if high > 1 or np.any(y == 0):
            raise ValueError(
                "y_true mixes -1 and 0 (or holds labels above 1) for a 1D binary input; use "
                "{0, 1} or {-1, +1}, or name the classes with labels=[negative, positive]."
            )
        return (y == 1).astype(np.intp)
    if low < 0 or high > n_columns - 1:
        bad = (low if low < 0 else high).item()
        shape = "a 1D input (2 classes)" if one_column else f"{columns} has {n_columns} columns"
        raise ValueError(
            f"y_true holds the label {bad!r}, but {shape}, indexed 0 .. {n_columns - 1}: "
            "integer labels are column indices. If your labels are not column indices, "
            f"{_labels_hint(np.unique(y), n_columns, one_column)}"
        )
    return y.astype(np.intp, copy=False)


def check_sample_weight(sample_weight: ArrayLike | None, n_samples: int) -> NDArray | None:
    """Validate ``sample_weight``: None, or finite non-negative numbers, one per sample.

    Parameters
    ----------
    sample_weight : array-like of shape (n_samples,) or None
        The weights.
    n_samples : int
        The number of samples they must match.

    Returns
    -------
    ndarray of shape (n_samples,) or None

    Raises
    ------
    ValueError
        On a wrong length or shape, NaN, inf or negative weights, or weights summing to 0.
    TypeError
        On non-numeric weights.
    """
    if sample_weight is None:
        return None
    w = as_float_array(sample_weight, "sample_weight", ndim=1)
    if len(w) != n_samples:
        raise ValueError(
            f"sample_weight has {len(w)} values but there are {n_samples} samples; "
            "give one weight per sample."
        )
    if np.any(w < 0):
        raise ValueError(
            f"sample_weight must be non-negative, found {w[w < 0][0].item()!r}; "
            "negative weights are not supported."
        )
    if not w.sum() > 0:
        raise ValueError("sample_weight sums to 0; at least one sample needs a positive weight.")
    return w


def weighted_mean(values: NDArray, sample_weight: NDArray | None) -> float:
    """Return the mean of ``values`` over the samples, weighted when weights are given.

    For 2D ``values`` (several outputs) the per-output means are averaged uniformly, as
    scikit-learn's ``multioutput="uniform_average"``.

    Parameters
    ----------
    values : ndarray of shape (n_samples,) or (n_samples, n_outputs)
        Per-sample values (losses, or booleans for hits).
    sample_weight : ndarray of shape (n_samples,) or None
        Weights validated by :func:`check_sample_weight`.

    Returns
    -------
    float
    """
    if sample_weight is None:
        return float(np.mean(values))
    return float(np.mean(np.average(values, axis=0, weights=sample_weight)))


def check_consistent_length(**arrays: NDArray) -> None:
    """Check that all arrays have the same number of samples (first axis).

    Parameters
    ----------
    **arrays : ndarray
        The arrays, by argument name.

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
    """Check that every value of ``p`` is a probability: finite and in [0, 1].

    One pass for the minimum and one for the maximum: NaN propagates into both, so an
    input with NaN or inf fails the range test too, and only then are they counted for the
    message. Use it with ``as_float_array(..., finite=False)`` to check finiteness for free.

    Parameters
    ----------
    p : ndarray
        The values to check.
    name : str
        The argument's name, used in error messages.

    Raises
    ------
    ValueError
        Reporting the NaN and infinite values, or the smallest or largest offending value.
    """
    low, high = p.min(), p.max()
    if low >= 0 and high <= 1:
        return
    n_nan = int(np.isnan(p).sum())
    n_inf = int(np.isinf(p).sum())
    if n_nan or n_inf:
        raise ValueError(
            f"{name} contains {n_nan} NaN and {n_inf} infinite value(s); "
            "every value must be finite."
        )
    bad = float(low if low < 0 else high)
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

    Parameters
    ----------
    proba : ndarray of shape (n_samples, n_classes)
        The probabilities.
    name : str
        The argument's name, used in the message.

    Warns
    -----
    UserWarning
        When a row sum differs from 1 by more than ``sqrt(eps)``.
    """
    # einsum sums short rows several times faster than proba.sum(axis=1) and needs no BLAS
    # threads (a matrix-vector product does); max |sum - 1| <= rtol is
    # np.allclose(sums, 1, rtol=rtol, atol=0) without its temporaries.
    sums = np.einsum("ij->i", proba)
    rtol = float(np.sqrt(np.finfo(proba.dtype).eps))
    deviation = np.abs(np.subtract(sums, 1.0, out=sums), out=sums)
    if not deviation.max() <= rtol:
        sums = proba.sum(axis=1)
        worst = int(np.argmax(deviation))
        warnings.warn(
            f"The rows of {name} do not sum to one (row {worst} sums to {sums[worst]:.6g}). "
            "Make sure to pass probabilities; the values are used as given.",
            UserWarning,
            stacklevel=external_stacklevel(),
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

    Parameters
    ----------
    value : object
        The argument.
    name : str
        The argument's name, used in error messages.
    low, high : float, optional
        The bounds of the interval; None for no bound.
    include_low, include_high : bool, default=True
        Whether the bounds belong to the interval.
    integer : bool, default=False
        Whether an integer is required (booleans never pass).

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

    Parameters
    ----------
    ax : object
        The argument.
    name : str, default="ax"
        The argument's name, used in the message.

    Raises
    ------
    TypeError
        Naming the type that was passed instead.
    """
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"{name} must be a matplotlib Axes or None, got {type(ax).__name__}.")
