"""The digits the chapters train on: a seeded split, and training labels made wrong on purpose.

:func:`digit_splits` cuts scikit-learn's 8 x 8 digits into development and test sets, and
the development set into a small training set and a validation set, always the same way
(chapters 5 and 6). :func:`mislabel` moves a share of the training labels to another class
at random, as real labels contain mistakes; :func:`wrong_labels_learnt` then measures how
many of those mistakes a model has learnt by heart (chapter 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, as_label_array, check_consistent_length, check_scalar

__all__ = ["DigitSplits", "digit_splits", "mislabel", "wrong_labels_learnt"]


@dataclass(frozen=True, eq=False)
class DigitSplits:
    """The digits, split into training, validation and test sets (see :func:`digit_splits`).

    Attributes
    ----------
    X_dev, y_dev : ndarray
        The development set: training and validation sets together.
    X_train, y_train : ndarray
        The training set, a stratified part of the development set.
    X_val, y_val : ndarray
        The validation set: the rest of the development set.
    X_test, y_test : ndarray
        The test set, held out from the start.
    """

    X_dev: NDArray[np.float64]
    y_dev: NDArray[np.int64]
    X_train: NDArray[np.float64]
    y_train: NDArray[np.int64]
    X_val: NDArray[np.float64]
    y_val: NDArray[np.int64]
    X_test: NDArray[np.float64]
    y_test: NDArray[np.int64]


def digit_splits(
    *, n_train: int = 300, test_size: float = 0.4, random_state: int = 0
) -> DigitSplits:
    """Load the 8 x 8 digits with pixels in [0, 1] and split them, stratified and seeded.

    First ``test_size`` of the 1797 images become the test set; of the rest, the
    development set, ``n_train`` images form the training set and the others the
    validation set. Both cuts are :func:`sklearn.model_selection.train_test_split`
    with ``stratify`` (every digit in its share) and the same ``random_state``.

    Parameters
    ----------
    n_train : int, default=300
        Number of training images, at least 10 (one per digit) and fewer than the
        development set.
    test_size : float, default=0.4
        Share of the images held out for testing, in (0, 1).
    random_state : int, default=0
        Seed of both splits.

    Returns
    -------
    DigitSplits

    Raises
    ------
    TypeError
        If an argument is not a number of the right kind.
    ValueError
        If ``test_size`` is not in (0, 1), or ``n_train`` leaves no validation image.

    Examples
    --------
    >>> splits = digit_splits()
    >>> len(splits.y_train), len(splits.y_val), len(splits.y_test)
    (300, 778, 719)
    >>> float(splits.X_train.max())
    1.0
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    n_train = int(check_scalar(n_train, "n_train", low=10, integer=True))
    test_size = check_scalar(
        test_size, "test_size", low=0.0, high=1.0, include_low=False, include_high=False
    )
    seed = int(check_scalar(random_state, "random_state", low=0, integer=True))
    digits = load_digits()
    X, y = digits.data / 16, digits.target  # pixels from 0..16 to 0..1
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=test_size, stratify=y, random_state=seed
    )
    if n_train >= len(y_dev) - 10:
        raise ValueError(
            f"n_train must leave at least 10 of the {len(y_dev)} development images for "
            f"validation, got {n_train}; lower n_train or test_size."
        )
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, train_size=n_train, stratify=y_dev, random_state=seed
    )
    return DigitSplits(X_dev, y_dev, X_train, y_train, X_val, y_val, X_test, y_test)


def mislabel(
    y: ArrayLike,
    fraction: float,
    *,
    n_classes: int | None = None,
    random_state: int = 0,
) -> tuple[NDArray, NDArray[np.bool_]]:
    """Move about ``fraction`` of the labels to another class, chosen at random.

    Each label is picked with probability ``fraction`` (a seeded
    :class:`numpy.random.Generator`: first one uniform draw per label, then one shift
    per picked label); a picked label ``k`` becomes ``(k + s) % n_classes`` with ``s``
    uniform in ``1 .. n_classes - 1``, so it is always wrong and every wrong class is
    equally likely.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Integer labels ``0 .. n_classes - 1``.
    fraction : float
        Probability that a label is moved, in [0, 1].
    n_classes : int, optional
        Number of classes, at least 2; by default ``max(y) + 1``.
    random_state : int, default=0
        Seed of the generator.

    Returns
    -------
    y_noisy : ndarray of shape (n_samples,)
        A copy of ``y`` with the moved labels.
    mislabelled : ndarray of bool, shape (n_samples,)
        Which labels were moved.

    Raises
    ------
    TypeError
        If ``y`` does not hold integer labels, or an argument has the wrong type.
    ValueError
        If ``fraction`` is outside [0, 1], or a label is outside ``0 .. n_classes - 1``.

    Examples
    --------
    >>> import numpy as np
    >>> y = np.arange(10) % 3
    >>> y_noisy, moved = mislabel(y, 0.5, random_state=0)
    >>> bool((y_noisy[moved] != y[moved]).all()), bool((y_noisy[~moved] == y[~moved]).all())
    (True, True)
    """
    labels = as_label_array(y, "y")
    if labels.dtype.kind == "f":  # whole numbers (as_label_array checked): class indices
        labels = labels.astype(np.int64)
    if labels.dtype.kind not in "iu":
        raise TypeError(
            f"y must hold integer labels 0 .. K-1, got dtype {labels.dtype}; map the "
            "classes to integers first (for example with numpy.unique(y, return_inverse=True))."
        )
    p = check_scalar(fraction, "fraction", low=0.0, high=1.0)
    k = int(labels.max()) + 1 if n_classes is None else n_classes
    k = int(check_scalar(k, "n_classes", low=2, integer=True))
    if labels.min() < 0 or labels.max() >= k:
        bad = int(labels.min() if labels.min() < 0 else labels.max())
        raise ValueError(f"y must hold labels in 0 .. {k - 1} (n_classes={k}), found {bad}.")
    seed = int(check_scalar(random_state, "random_state", low=0, integer=True))
    rng = np.random.default_rng(seed)
    mislabelled = rng.random(len(labels)) < p
    noisy = labels.copy()
    shift = rng.integers(1, k, mislabelled.sum())  # 1 .. K-1: always another class
    noisy[mislabelled] = (noisy[mislabelled] + shift) % k
    return noisy, mislabelled


def wrong_labels_learnt(
    model: Any, X: ArrayLike, y_noisy: ArrayLike, mislabelled: ArrayLike
) -> float:
    """Share of the mislabelled samples that ``model`` predicts with their *wrong* label.

    A model that generalises predicts the true class of a mislabelled training image;
    one that has memorised its training set reproduces the wrong label. Chance level
    for ``K`` classes is about ``1 / K``.

    Parameters
    ----------
    model : object
        A fitted classifier with ``predict``.
    X : array-like of shape (n_samples, n_features)
        The training inputs.
    y_noisy : array-like of shape (n_samples,)
        The training labels the model was trained on, wrong ones included.
    mislabelled : array-like of bool, shape (n_samples,)
        Which labels are wrong, as returned by :func:`mislabel`.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    TypeError
        If ``model`` has no ``predict``, or ``mislabelled`` is not boolean.
    ValueError
        If the lengths differ, or no sample is mislabelled.

    Examples
    --------
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 0]
    >>> tree = DecisionTreeClassifier(random_state=0).fit(X, y)
    >>> wrong_labels_learnt(tree, X, y, [False, False, True, False])  # memorised
    1.0
    """
    if not callable(getattr(model, "predict", None)):
        raise TypeError(
            f"model must be a fitted classifier with predict, got {type(model).__name__}."
        )
    Xs = as_float_array(X, "X", ndim=2)
    ys = as_label_array(y_noisy, "y_noisy")
    wrong = np.asarray(mislabelled)
    if wrong.dtype != bool:
        raise TypeError(
            f"mislabelled must be a boolean mask (as mislabel returns), got dtype {wrong.dtype}."
        )
    check_consistent_length(X=Xs, y_noisy=ys, mislabelled=wrong)
    if not wrong.any():
        raise ValueError("mislabelled marks no sample; there is no wrong label to learn.")
    return float(np.mean(model.predict(Xs[wrong]) == ys[wrong]))
