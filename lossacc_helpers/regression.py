"""Regression losses: mean squared error and mean absolute error (lower is better).

Chapter 1 uses them to show that a loss carries the units, and the scale, of the target.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_consistent_length

__all__ = ["mae", "mse"]


def _residuals(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.floating]:
    y = as_float_array(y_true, "y_true", ndim=(1, 2))
    yhat = as_float_array(y_pred, "y_pred", ndim=(1, 2))
    check_consistent_length(y_true=y, y_pred=yhat)
    if y.shape != yhat.shape:
        raise ValueError(
            f"y_true has shape {y.shape} and y_pred has shape {yhat.shape}; they must match "
            "(no broadcasting)."
        )
    return yhat - y


def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean squared error, in the squared units of the target.

    .. math::

        \mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2.

    Multiplying the target by :math:`c` multiplies the MSE by :math:`c^2` (chapter 1);
    its square root, the RMSE, is in the target's own units.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of the same shape as ``y_true``
        Predicted values.

    Returns
    -------
    float
        The mean over all samples and outputs.

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, or shapes that differ.
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> mse([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    return float(np.mean(_residuals(y_true, y_pred) ** 2))


def mae(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean absolute error, in the units of the target.

    .. math::

        \mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i|.

    Parameters, returns and errors as in :func:`mse`.

    Examples
    --------
    >>> mae([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    return float(np.mean(np.abs(_residuals(y_true, y_pred))))
