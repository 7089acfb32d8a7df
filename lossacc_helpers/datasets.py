"""The data sets the chapters share, built the same way wherever they are used.

Each function returns plain NumPy arrays, with fixed seeds, so that two chapters that
speak of "the pixel task" or "the tumour split" work on the very same numbers.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_label_array, check_scalar

__all__ = [
    "corrupt_labels",
    "imbalanced_split",
    "pixel_task",
    "tumour_split",
    "two_feature_data",
]

#: Row 3, column 3 of the 8 x 8 digit images: near the centre.
_TARGET_PIXEL = 27


def pixel_task() -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Chapter 1's denoising task: guess one pixel of a digit from the 63 others.

    The 1797 scikit-learn digits, 8 x 8 grey images stored as 0..16, rescaled to grey
    levels 0 (black) to 255 (white). The target is pixel 27 (row 3, column 3).

    Returns
    -------
    X : ndarray of shape (1797, 63)
        The other pixels, in grey levels 0..255.
    y : ndarray of shape (1797,)
        The target pixel, in grey levels 0..255.

    Examples
    --------
    >>> X, y = pixel_task()
    >>> X.shape, float(y.max())
    ((1797, 63), 255.0)
    """
    from sklearn.datasets import load_digits

    images = load_digits().data * 255 / 16
    return np.delete(images, _TARGET_PIXEL, axis=1), images[:, _TARGET_PIXEL]


def two_feature_data() -> tuple[NDArray[np.float64], NDArray[np.int_]]:
    """Chapter 1's binary data for gradient descent: 300 samples, two features.

    ``make_classification`` with one cluster per class and 5 % of the labels flipped
    (``random_state=0``); each feature standardised to mean 0 and standard deviation 1.

    Returns
    -------
    X : ndarray of shape (300, 2)
        Standardised features.
    y : ndarray of shape (300,)
        Labels 0 and 1.

    Examples
    --------
    >>> X, y = two_feature_data()
    >>> X.shape, sorted(set(y.tolist()))
    ((300, 2), [0, 1])
    """
    from sklearn.datasets import make_classification

    X, y = make_classification(
        n_samples=300,
        n_features=2,
        n_redundant=0,
        n_clusters_per_class=1,
        flip_y=0.05,
        random_state=0,
    )
    return (X - X.mean(axis=0)) / X.std(axis=0), y


def tumour_split() -> tuple[NDArray, NDArray, NDArray, NDArray]:
    """Split the breast cancer data as chapters 2 and 3 do.

    scikit-learn's 569 tumours with 30 measurements each; class 0 is malignant, class 1
    benign. A quarter is held out for testing, stratified (the same share of each class
    on both sides) with ``random_state=8``.

    Returns
    -------
    X_train, X_test : ndarray of shape (426, 30) and (143, 30)
    y_train, y_test : ndarray of shape (426,) and (143,)

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = tumour_split()
    >>> X_train.shape, X_test.shape
    ((426, 30), (143, 30))
    """
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    cancer = load_breast_cancer()
    return tuple(
        train_test_split(
            cancer.data,
            cancer.target,
            test_size=0.25,
            stratify=cancer.target,
            random_state=8,
        )
    )


def imbalanced_split() -> tuple[NDArray, NDArray, NDArray, NDArray]:
    """Chapter 2's imbalanced data: 4000 samples, 5 % positive, split a quarter for testing.

    ``make_classification`` with five features, three of them informative and none
    redundant, ``weights=[0.95]``, no flipped label, ``class_sep=1.0`` and
    ``random_state=1``; the test quarter is stratified (``random_state=0``). Think of
    fraud among payments, or a rare disease.

    Returns
    -------
    X_train, X_test : ndarray of shape (3000, 5) and (1000, 5)
    y_train, y_test : ndarray of shape (3000,) and (1000,)
        Labels 0 (negative) and 1 (positive).

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = imbalanced_split()
    >>> len(y_test), float(y_test.mean())
    (1000, 0.05)
    """
    from sklearn.datasets import make_classification
    from sklearn.model_selection import train_test_split

    X, y = make_classification(
        n_samples=4000,
        n_features=5,
        n_informative=3,
        n_redundant=0,
        weights=[0.95],
        flip_y=0,
        class_sep=1.0,
        random_state=1,
    )
    return tuple(train_test_split(X, y, test_size=0.25, stratify=y, random_state=0))


def corrupt_labels(
    y: ArrayLike, n_flipped: int, *, n_classes: int | None = None, random_state: int = 0
) -> tuple[NDArray[np.int_], NDArray[np.intp]]:
    """Change ``n_flipped`` integer labels at random, each to another class.

    The samples are drawn without replacement; each chosen label ``c`` becomes
    ``(c + s) % n_classes`` for a random shift ``s`` in ``1 .. n_classes - 1``, so it
    always changes. Chapter 3 plants such label errors and finds them among the samples
    with the highest loss.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Integer labels ``0 .. n_classes - 1``.
    n_flipped : int
        How many labels to change, at most ``n_samples``.
    n_classes : int, optional
        The number of classes; by default one more than the largest label.
    random_state : int, default=0
        Seed of :func:`numpy.random.default_rng`.

    Returns
    -------
    y_noisy : ndarray of shape (n_samples,)
        A copy of ``y`` with the changed labels.
    flipped : ndarray of shape (n_flipped,)
        The indices of the changed samples.

    Raises
    ------
    TypeError
        If the labels are not integers, or ``n_flipped`` or ``n_classes`` is not an
        integer.
    ValueError
        If a label is negative or not below ``n_classes``, ``n_classes`` is below 2, or
        ``n_flipped`` is negative or larger than the number of samples.

    Examples
    --------
    >>> y_noisy, flipped = corrupt_labels([0, 1, 2, 0, 1], 2, n_classes=3)
    >>> int((y_noisy != [0, 1, 2, 0, 1]).sum())
    2
    """
    labels = as_label_array(y, "y")
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(
            f"y must hold integer labels 0 .. K-1, got dtype {labels.dtype}; encode other "
            "labels first (sklearn.preprocessing.LabelEncoder)."
        )
    if labels.min() < 0:
        raise ValueError(f"y must hold labels 0 .. K-1, found {labels.min()}.")
    k = int(labels.max()) + 1 if n_classes is None else n_classes
    k = check_scalar(k, "n_classes", low=2, integer=True)
    if labels.max() >= k:
        raise ValueError(f"y holds label {labels.max()}, but n_classes is {k}.")
    n = check_scalar(n_flipped, "n_flipped", low=0, high=len(labels), integer=True)
    rng = np.random.default_rng(random_state)
    flipped = rng.choice(len(labels), size=n, replace=False)
    y_noisy = labels.astype(np.int_, copy=True)
    y_noisy[flipped] = (y_noisy[flipped] + rng.integers(1, k, size=n)) % k
    return y_noisy, flipped
