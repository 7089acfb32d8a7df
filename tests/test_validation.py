"""The shared validators: messages name the argument, the finding and the fix."""

from __future__ import annotations

import numpy as np
import pytest

from lossacc_helpers._validation import (
    as_float_array,
    as_label_array,
    check_consistent_length,
    check_probability_rows,
    check_scalar,
)


def test_float_array_accepts_ints_and_keeps_float32():
    assert as_float_array([1, 2], "x").dtype == np.float64
    assert as_float_array(np.ones(2, np.float32), "x").dtype == np.float32


@pytest.mark.parametrize(
    ("value", "kwargs", "error", "match"),
    [
        ([[1.0, 2.0], [3.0]], {}, ValueError, "x could not be converted"),
        ([1 + 2j], {}, TypeError, "real numbers"),
        ([None, 1.0], {}, TypeError, "dtype object"),
        ([[1.0, 2.0]], {}, ValueError, r"got 2D array of shape \(1, 2\).*ravel"),
        ([], {"allow_empty": True}, None, None),
        ([np.nan], {"finite": False}, None, None),
    ],
)
def test_float_array_cases(value, kwargs, error, match):
    if error is None:
        as_float_array(value, "x", **kwargs)
    else:
        with pytest.raises(error, match=match):
            as_float_array(value, "x", **kwargs)


def test_label_array_rejects_mixed_types_and_complex():
    with pytest.raises(TypeError, match=r"mixes label types \['int', 'str'\]"):
        as_label_array(np.array([1, "a"], dtype=object), "y")
    with pytest.raises(TypeError, match="complex"):
        as_label_array([1j, 2j], "y")
    with pytest.raises(ValueError, match="could not be converted"):
        as_label_array([[1], [1, 2]], "y")


def test_consistent_length_names_every_argument():
    with pytest.raises(ValueError, match="a has 2, b has 3, c has 2"):
        check_consistent_length(a=np.zeros(2), b=np.zeros(3), c=np.zeros(2))
    check_consistent_length(a=np.zeros(2), b=np.zeros(2))


def test_rows_warning_names_the_worst_row():
    with pytest.warns(UserWarning, match=r"proba do not sum to one \(row 1 sums to 1.3\)"):
        check_probability_rows(np.array([[0.5, 0.5], [0.9, 0.4]]), "proba")


@pytest.mark.parametrize(
    ("value", "kwargs", "error", "match"),
    [
        (True, {}, TypeError, "must be a real number, got bool"),
        (2.5, {"integer": True}, TypeError, "must be an integer, got float"),
        (np.inf, {}, ValueError, "must be finite"),
        (0.0, {"low": 0.0, "include_low": False}, ValueError, r"\(0, inf\]"),
        (1.0, {"high": 1.0, "include_high": False}, ValueError, r"\[-inf, 1\)"),
    ],
)
def test_check_scalar_errors(value, kwargs, error, match):
    with pytest.raises(error, match=match):
        check_scalar(value, "v", **kwargs)


def test_check_scalar_returns_python_numbers():
    assert check_scalar(np.int64(3), "n", integer=True) == 3
    assert isinstance(check_scalar(np.float32(0.5), "p"), float)
