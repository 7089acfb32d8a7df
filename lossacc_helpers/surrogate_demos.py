r"""The small experiments of chapter 4: a tiny data set, and a distribution known exactly.

The first section trains a line on a tiny data set, by gradient descent on a margin loss
and by exact search on the 0-1 loss; the section on calibration checks the bound of the
:math:`\psi`-transform on a distribution whose :math:`\eta(x)` is known, for a family of
score functions.

Import it as a module (``import lossacc_helpers.surrogate_demos as demos``): its names
are building blocks of one chapter's argument, not metrics, so they stay out of the
package's top-level namespace.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.datasets import make_classification

from . import margin
from ._validation import as_float_array, check_consistent_length, check_scalar
from .surrogates import SURROGATES


def tiny_data(seed: int, n_train: int = 30, n_fresh: int = 2000) -> tuple:
    """Return ``(X, y, X_fresh, y_fresh)``: a tiny training set and new points like it.

    Two classes in the plane, one Gaussian cluster each (``make_classification`` with
    ``class_sep=0.8``, no label noise), standardised with the training points' mean and
    standard deviation.

    Examples
    --------
    >>> X, y, X_new, y_new = tiny_data(0)
    >>> X.shape, X_new.shape
    ((30, 2), (2000, 2))
    """
    X, y = make_classification(
        n_samples=n_train + n_fresh,
        n_features=2,
        n_redundant=0,
        n_informative=2,
        n_clusters_per_class=1,
        class_sep=0.8,
        flip_y=0,
        random_state=seed,
    )
    X = (X - X[:n_train].mean(axis=0)) / X[:n_train].std(axis=0)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def with_intercept(X: ArrayLike) -> NDArray[np.float64]:
    """Prepend a column of ones, so that ``with_intercept(X) @ w`` is ``w0 + w1 x1 + ...``.

    Examples
    --------
    >>> with_intercept([[2.0, 3.0]]).tolist()
    [[1.0, 2.0, 3.0]]
    """
    X = np.asarray(X, dtype=float)
    return np.column_stack([np.ones(len(X)), X])


def mistakes(w: ArrayLike, X: ArrayLike, y: ArrayLike) -> int:
    """Count the points on the wrong side of the line ``w`` (a score of 0 counts).

    Examples
    --------
    >>> mistakes([0.0, 1.0], [[-1.0], [2.0]], [0, 0])
    1
    """
    scores = with_intercept(X) @ np.asarray(w, dtype=float)
    return int(margin.zero_one((2 * np.asarray(y) - 1) * scores).sum())


def brute_force_line(X: ArrayLike, y: ArrayLike) -> tuple:
    """Return ``(w, fewest, candidates)``: a line with the fewest mistakes on ``(X, y)``.

    In the plane, the order of the points along a direction changes only where the
    direction becomes perpendicular to the segment between two points. One direction
    between each pair of consecutive critical angles, and every cut between consecutive
    points along it, therefore try every way a line can split the data. The cut is
    placed midway between two points, so that no point scores exactly 0.

    Examples
    --------
    >>> w, fewest, n = brute_force_line([[0, 0], [1, 0], [0, 1], [1, 1]], [0, 1, 0, 1])
    >>> fewest, mistakes(w, [[0, 0], [1, 0], [0, 1], [1, 1]], [0, 1, 0, 1])
    (0, 0)
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    i, j = np.triu_indices(len(X), k=1)
    d = X[i] - X[j]
    normal = np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2  # perpendicular to a segment
    critical = np.sort(np.mod(np.r_[normal, normal + np.pi], 2 * np.pi))
    angles = (critical + np.r_[critical[1:], critical[0] + 2 * np.pi]) / 2
    directions = np.column_stack([np.cos(angles), np.sin(angles)])
    projected = np.sort(X @ directions.T, axis=0)  # (n_points, n_angles)
    labels = y[np.argsort(X @ directions.T, axis=0)]
    # Cut k predicts "0" for the first k points and "1" for the others.
    zeros = np.zeros((1, len(angles)))
    positives_below = np.vstack([zeros, np.cumsum(labels, axis=0)])
    negatives_above = np.vstack([np.cumsum((1 - labels)[::-1], axis=0)[::-1], zeros])
    errors = positives_below + negatives_above
    k, a = np.unravel_index(errors.argmin(), errors.shape)
    edges = np.r_[projected[0, a] - 1, projected[:, a], projected[-1, a] + 1]
    threshold = (edges[k] + edges[k + 1]) / 2
    return np.r_[-threshold, directions[a]], int(errors.min()), errors.size


def _check_points(X: ArrayLike, y: ArrayLike) -> tuple[NDArray, NDArray]:
    """Validate points ``X`` (n, d) and their labels ``y`` in {0, 1}."""
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    check_consistent_length(X=X, y=y)
    if not np.all((y == 0) | (y == 1)):
        found = y[(y != 0) & (y != 1)][0].item()
        raise ValueError(f"y must hold the labels 0 and 1, found {found!r}; map them to 0/1.")
    return X, y


def _check_line(w: ArrayLike, n_features: int, name: str = "w") -> NDArray:
    w = as_float_array(w, name, ndim=1)
    if len(w) != n_features + 1:
        raise ValueError(
            f"{name} has {len(w)} weights but X has {n_features} features; give the intercept "
            f"first, then one weight per feature ({n_features + 1} values)."
        )
    return w


def gradient_descent(
    loss: str,
    w_start: ArrayLike,
    X: ArrayLike,
    y: ArrayLike,
    *,
    learning_rate: float = 0.5,
    n_steps: int = 200,
) -> NDArray[np.float64]:
    r"""Minimise the mean margin loss of a linear classifier by plain gradient descent.

    The classifier is :math:`f(x) = w_0 + w_1 x_1 + \dots + w_d x_d` and each step is

    .. math::

        w \leftarrow w - \frac{\text{learning\_rate}}{n}
            \sum_{i=1}^{n} \phi'(z_i)\, y_i\, (1, x_i),
        \qquad z_i = y_i f(x_i),\ y_i \in \{-1, +1\},

    with :math:`\phi'` read from :data:`~lossacc_helpers.surrogates.SURROGATES` (at a kink, its left
    derivative; for the 0-1 loss, 0 everywhere, so the weights never move).

    Parameters
    ----------
    loss : str
        A name in :data:`~lossacc_helpers.surrogates.SURROGATES`, such as ``"hinge"``.
    w_start : array-like of shape (n_weights,)
        Starting weights, the intercept first, then one per feature
        (``n_weights = n_features + 1``).
    X : array-like of shape (n_samples, n_features)
        The points.
    y : array-like of shape (n_samples,)
        Labels 0 and 1 (read as -1 and +1).
    learning_rate : float, default=0.5
        Step size, positive.
    n_steps : int, default=200
        Number of steps, at least 0.

    Returns
    -------
    ndarray of shape (n_weights,)
        The final weights (``w_start`` is not changed).

    Raises
    ------
    ValueError
        On an unknown loss, labels other than 0 and 1, mismatched lengths, ``w_start`` of
        the wrong length, a non-positive learning rate or a negative number of steps.
    TypeError
        On a loss name that is not a string, or non-numeric input.

    Examples
    --------
    >>> X, y = [[-1.0], [1.0]], [0, 1]
    >>> w = gradient_descent("hinge", [0.0, -1.0], X, y)
    >>> mistakes(w, X, y)
    0
    """
    if not isinstance(loss, str):
        raise TypeError(f"loss must be a loss name (str), got {type(loss).__name__}.")
    if loss not in SURROGATES:
        raise ValueError(f"loss must be one of {sorted(SURROGATES)}, got {loss!r}.")
    X, y = _check_points(X, y)
    w = _check_line(w_start, X.shape[1], "w_start").copy()
    learning_rate = check_scalar(learning_rate, "learning_rate", low=0, include_low=False)
    n_steps = check_scalar(n_steps, "n_steps", low=0, integer=True)
    X1, signs = with_intercept(X), 2 * y - 1  # labels 0/1 as -1/+1
    derivative = SURROGATES[loss].derivative
    for _ in range(n_steps):
        z = signs * (X1 @ w)
        w -= learning_rate * (derivative(z) * signs) @ X1 / len(z)
    return w


def error_rate(w: ArrayLike, X: ArrayLike, y: ArrayLike) -> float:
    """Fraction of the points on the wrong side of the line ``w`` (a score of 0 counts).

    The mean 0-1 loss of the scores ``w0 + w1 x1 + ...``: :func:`mistakes` over the
    number of points.

    Parameters
    ----------
    w : array-like of shape (n_weights,)
        The line's weights, the intercept first, then one per feature.
    X : array-like of shape (n_samples, n_features)
        The points.
    y : array-like of shape (n_samples,)
        Labels 0 and 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError, TypeError
        On labels other than 0 and 1, mismatched lengths, a ``w`` of the wrong length,
        or non-numeric input.

    Examples
    --------
    >>> error_rate([0.0, 1.0], [[-1.0], [2.0], [3.0], [-2.0]], [0, 0, 1, 1])
    0.5
    """
    X, y = _check_points(X, y)
    w = _check_line(w, X.shape[1])
    return SURROGATES["zero_one"].mean_loss(y, with_intercept(X) @ w)


def wavy_eta(n_inputs: int = 200) -> NDArray[np.float64]:
    r"""Probability of the positive class at ``n_inputs`` equally spaced, equally likely inputs.

    .. math::

        \eta(x) = \tfrac12 + 0.45 \sin(3\pi x)\, e^{-x},
        \qquad x = \frac{i + 1/2}{n}, \ i = 0, \dots, n - 1,

    which crosses one half twice and stays in (0.05, 0.95): the Bayes classifier changes
    its prediction along the inputs, and every risk is an exact average.

    Parameters
    ----------
    n_inputs : int, default=200
        Number of inputs, at least 1.

    Returns
    -------
    ndarray of shape (n_inputs,)

    Raises
    ------
    ValueError, TypeError
        If ``n_inputs`` is not a positive integer.

    Examples
    --------
    >>> wavy_eta(4).round(3)
    array([0.867, 0.382, 0.408, 0.673])
    """
    n_inputs = check_scalar(n_inputs, "n_inputs", low=1, integer=True)
    x = (np.arange(n_inputs) + 0.5) / n_inputs
    return 0.5 + 0.45 * np.sin(3 * np.pi * x) * np.exp(-x)


def score_family(eta: ArrayLike, *, seed: int = 0) -> NDArray[np.float64]:
    r"""Score functions of every quality for known probabilities ``eta``, one per row.

    Good, noisy and reversed scores :math:`c\,(\pm(2\eta - 1) + \sigma \varepsilon)`
    (noise :math:`\sigma \in \{0, 0.3, 1, 3\}`, :math:`\varepsilon` standard normal),
    and shifted ones :math:`c\,(2\eta - 1 - s)`, wrong where :math:`2\eta - 1 < s`
    (9 shifts :math:`s` from -0.8 to 0.8), each at 12 scales :math:`c` from 0.01 to 10:
    96 + 108 = 204 functions, from tiny to large.

    Parameters
    ----------
    eta : array-like of shape (n_inputs,)
        Probabilities of the positive class, in [0, 1].
    seed : int, default=0
        Seed of the noise (``numpy.random.default_rng``).

    Returns
    -------
    ndarray of shape (204, n_inputs)

    Raises
    ------
    ValueError, TypeError
        If ``eta`` is not a 1D array of probabilities, or ``seed`` not an integer.

    Examples
    --------
    >>> score_family([0.2, 0.9]).shape
    (204, 2)
    """
    eta = as_float_array(eta, "eta", ndim=1)
    if np.any((eta < 0) | (eta > 1)):
        raise ValueError("eta must hold probabilities in [0, 1].")
    rng = np.random.default_rng(check_scalar(seed, "seed", integer=True))
    scales = np.logspace(-2, 1, 12)
    noisy = [
        scale * (sign * (2 * eta - 1) + noise * rng.normal(size=len(eta)))
        for scale in scales
        for noise in (0.0, 0.3, 1.0, 3.0)
        for sign in (1, -1)
    ]
    shifted = [
        scale * (2 * eta - 1 - shift) for scale in scales for shift in np.linspace(-0.8, 0.8, 9)
    ]
    return np.array(noisy + shifted)
