r"""A regression "accuracy": the share of predictions within a tolerance of the truth.

A predicted number is almost never exactly right, so a regression model has no accuracy
until someone chooses a tolerance :math:`t` and calls a prediction right when
:math:`|\hat y - y| \le t`. The share depends on :math:`t` and on the units of the
target (chapter 2); the whole curve over :math:`t` is the distribution of the absolute
errors.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array
from .plots import plot_curves
from .regression import _residuals

__all__ = ["accuracy_within", "plot_accuracy_within"]


def accuracy_within(
    y_true: ArrayLike, y_pred: ArrayLike, tolerance: ArrayLike
) -> float | NDArray[np.float64]:
    r"""Share of predictions within ``tolerance`` of the truth, :math:`|\hat y - y| \le t`.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True values.
    y_pred : array-like of shape (n_samples,)
        Predicted values, in the same units.
    tolerance : float or array-like of shape (n_tolerances,)
        Non-negative tolerances, in the units of the target.

    Returns
    -------
    float or ndarray of shape (n_tolerances,)
        In [0, 1]; a float for a scalar ``tolerance``.

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, shapes that differ, or a negative tolerance.
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> accuracy_within([10.0, 20.0, 30.0], [11.0, 25.0, 30.0], 2)
    0.6666666666666666
    >>> accuracy_within([10.0, 20.0, 30.0], [11.0, 25.0, 30.0], [0, 1, 5]).tolist()
    [0.3333333333333333, 0.6666666666666666, 1.0]
    """
    errors = np.abs(_residuals(y_true, y_pred))
    if errors.ndim != 1:
        raise ValueError(
            f"y_true and y_pred must be 1D (one target), got shape {errors.shape}; "
            "select one output column."
        )
    t = as_float_array(tolerance, "tolerance", ndim=(0, 1))
    if np.any(t < 0):
        raise ValueError(f"tolerance must be non-negative, found {t[t < 0].ravel()[0].item()!r}.")
    shares = np.mean(errors[:, None] <= np.atleast_1d(t)[None, :], axis=0)
    return float(shares[0]) if t.ndim == 0 else shares


def plot_accuracy_within(
    y_true: ArrayLike,
    y_pred: ArrayLike,
    tolerances: ArrayLike,
    *,
    marked: Sequence[float] = (),
    unit: str = "units of the target",
    xlabel: str | None = None,
    curve_label: str = "share of test samples within ±t",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the share of predictions within ±t of the truth for every tolerance t.

    A vertical line marks the RMSE; each tolerance of ``marked`` gets a star labelled
    with its share. The vertical axis is in percent.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n_samples,)
        True and predicted values.
    tolerances : array-like of shape (n_tolerances,)
        The tolerances on the horizontal axis, non-negative.
    marked : list of float, default=()
        Tolerances to mark with a star.
    unit : str, optional
        The unit of the target (default: "units of the target"), used in the labels
        of the stars and of the RMSE line.
    xlabel : str, optional
        Label of the horizontal axis; by default ``"tolerance t (<unit>)"``.
    curve_label : str, optional
        Legend label of the curve (default: "share of test samples within ±t").
    title : str, optional
        The figure's message.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        On invalid values or tolerances (see :func:`accuracy_within`).
    TypeError
        On non-numeric input or an ``ax`` that is not an Axes.

    Examples
    --------
    >>> ax = plot_accuracy_within([1.0, 2.0, 3.0], [1.5, 2.0, 5.0], [0, 1, 2, 3], marked=[1])
    >>> ax.get_ylabel()
    'share of predictions within ±t'
    """
    from matplotlib.ticker import PercentFormatter

    t = as_float_array(tolerances, "tolerances")
    shares = accuracy_within(y_true, y_pred, t)
    stars = accuracy_within(y_true, y_pred, list(marked)) if len(marked) else []
    rmse = float(np.sqrt(np.mean(_residuals(y_true, y_pred) ** 2)))
    ax = plot_curves(
        t,
        {curve_label: shares},
        points={f"t = {m:g} {unit}: {s:.0%}": (m, s) for m, s in zip(marked, stars, strict=True)},
        vlines={f"RMSE = {rmse:.1f} {unit}": rmse},
        xlabel=xlabel or f"tolerance t ({unit})",
        ylabel="share of predictions within ±t",
        title=title,
        ax=ax,
    )
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    return ax
