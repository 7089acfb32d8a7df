"""mse and mae against scikit-learn, the 255-squared scale law, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose
from sklearn.metrics import mean_absolute_error, mean_squared_error

from lossacc_helpers.regression import mae, mse

finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(st.data(), st.integers(1, 60))
def test_agree_with_sklearn(data, n):
    y = data.draw(hnp.arrays(np.float64, n, elements=finite))
    yhat = data.draw(hnp.arrays(np.float64, n, elements=finite))
    assert_allclose(mse(y, yhat), mean_squared_error(y, yhat), rtol=1e-12, atol=1e-12)
    assert_allclose(mae(y, yhat), mean_absolute_error(y, yhat), rtol=1e-12, atol=1e-12)


@given(st.data(), st.integers(1, 30), st.floats(0.01, 1000.0))
def test_scaling_the_target_scales_mse_by_the_square(data, n, c):
    y = data.draw(hnp.arrays(np.float64, n, elements=st.floats(-100, 100)))
    yhat = data.draw(hnp.arrays(np.float64, n, elements=st.floats(-100, 100)))
    assert_allclose(mse(c * y, c * yhat), c**2 * mse(y, yhat), rtol=1e-9, atol=1e-9)
    assert_allclose(mae(c * y, c * yhat), c * mae(y, yhat), rtol=1e-9, atol=1e-9)


def test_multioutput_is_the_uniform_average():
    y = np.array([[0.5, 1.0], [-1.0, 1.0], [7.0, -6.0]])
    yhat = np.array([[0.0, 2.0], [-1.0, 2.0], [8.0, -5.0]])
    assert_allclose(mse(y, yhat), mean_squared_error(y, yhat))
    assert_allclose(mae(y, yhat), mean_absolute_error(y, yhat))


BAD = [
    (([1.0, 2.0], [1.0]), ValueError, "inconsistent numbers of samples"),
    (([1.0, 2.0], [[1.0, 2.0], [1.0, 2.0]]), ValueError, "no broadcasting"),
    (([], []), ValueError, "y_true is empty"),
    (([1.0, np.nan], [1.0, 2.0]), ValueError, "y_true contains 1 NaN"),
    (([1.0, 2.0], [1.0, np.inf]), ValueError, "y_pred contains 0 NaN and 1 infinite"),
    ((["a"], [1.0]), TypeError, "y_true must hold numbers"),
    (([True, False], [1.0, 0.0]), TypeError, "booleans"),
    ((3.0, 3.0), ValueError, r"got 0D array.*\[value\]"),
]


@pytest.mark.parametrize(("args", "error", "match"), BAD)
@pytest.mark.parametrize("loss", [mse, mae])
def test_bad_input(loss, args, error, match):
    with pytest.raises(error, match=match):
        loss(*args)
