"""The small experiments of chapter 4's first section: a tiny data set, and exact search.

Import it as a module (``import lossacc_helpers.surrogate_demos as demos``): its names
are building blocks of one chapter's argument, not metrics, so they stay out of the
package's top-level namespace.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.datasets import make_classification

from . import margin


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
