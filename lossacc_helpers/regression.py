"""Regression losses: mean squared error and mean absolute error (lower is better).

Chapter 1 uses them to show that a loss carries the units, and the scale, of the target.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    as_float_array,
    check_consistent_length,
    check_sample_weight,
    weighted_mean,
)

__all__ = ["mae", "mse"]


def _residuals(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.floating]:
    y = as_float_array(y_true, "y_true", ndim=(1, 2))
    yhat = as_float_array(y_pred, "y_pred", ndim=(1, 2))
    check_consistent_length(y_true=y, y_pred=yhat)
    if y.shape != yhat.shape:
        hint = (
            " Use .ravel() on the (n, 1) column to compare one output."
            if {y.ndim, yhat.ndim} == {1, 2} and 1 in (y.shape + yhat.shape)[1:]
            else ""
        )
        raise ValueError(
            f"y_true has shape {y.shape} and y_pred has shape {yhat.shape}; they must match "
            f"(no broadcasting).{hint}"
        )
    return yhat - y


def mse(y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None) -> float:
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
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights of the samples (rows).

    Returns
    -------
    float
        The (weighted) mean over the samples, averaged uniformly over the outputs, as
        :func:`sklearn.metrics.mean_squared_error` with ``multioutput="uniform_average"``.

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, shapes that differ, or bad weights.
    TypeError
        On non-numeric input.

    Notes
    -----
    Equals :func:`sklearn.metrics.mean_squared_error` with the default
    ``multioutput="uniform_average"``, weights included. Unlike it, ``y_true`` and
    ``y_pred`` must have the same shape (scikit-learn reads a 1D array against an
    ``(n, 1)`` column as one output; here that is an error suggesting ``.ravel()``), and
    other ``multioutput`` options are not offered.

    Examples
    --------
    >>> mse([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    residuals = _residuals(y_true, y_pred)
    return weighted_mean(residuals**2, check_sample_weight(sample_weight, len(residuals)))


def mae(y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None) -> float:
    r"""Mean absolute error, in the units of the target.

    .. math::

        \mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i|.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,) or (n_samples, n_outputs)
        True values.
    y_pred : array-like of the same shape as ``y_true``
        Predicted values.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights of the samples (rows).

    Returns
    -------
    float
        The (weighted) mean over the samples, averaged uniformly over the outputs, as
        :func:`sklearn.metrics.mean_absolute_error`.

    Raises
    ------
    ValueError, TypeError
        As :func:`mse`.

    Notes
    -----
    Equals :func:`sklearn.metrics.mean_absolute_error` with the default
    ``multioutput="uniform_average"``; the shapes must match, as in :func:`mse`.

    Examples
    --------
    >>> mae([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    residuals = _residuals(y_true, y_pred)
    return weighted_mean(np.abs(residuals), check_sample_weight(sample_weight, len(residuals)))
