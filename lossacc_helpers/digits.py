"""The 8 x 8 digits of scikit-learn, split into training, validation and test sets.

Chapters 5 and 6 train a small network on a few hundred digits, pick epochs and
temperatures on a validation set and report on a test set; :func:`digits_split` makes
that split, stratified and seeded, so every chapter that uses it sees the same images.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from ._validation import check_scalar

__all__ = ["DigitsSplit", "digits_split"]


class DigitsSplit(NamedTuple):
    """The three sets of :func:`digits_split`, in the order of ``train_test_split``.

    Attributes
    ----------
    X_train, X_val, X_test : ndarray of shape (n_samples, 64)
        Pixels scaled from 0..16 to 0..1.
    y_train, y_val, y_test : ndarray of shape (n_samples,)
        Digits 0..9.
    """

    X_train: NDArray[np.float64]
    X_val: NDArray[np.float64]
    X_test: NDArray[np.float64]
    y_train: NDArray[np.int64]
    y_val: NDArray[np.int64]
    y_test: NDArray[np.int64]


def digits_split(
    train_size: int = 300, *, test_size: float = 0.4, random_state: int = 0
) -> DigitsSplit:
    """Split the digits into training, validation and test sets, stratified by digit.

    First ``test_size`` of the 1797 images go to the test set, then ``train_size`` of the
    rest to the training set, and what remains is the validation set; both splits are
    stratified (every set holds each digit in about the same share) and seeded. The
    pixels are divided by 16, so they lie in [0, 1].

    Parameters
    ----------
    train_size : int, default=300
        Number of training images, at least 10 (one per digit) and at most the
        images left after the test set minus 10, so the validation set holds each digit.
    test_size : float, default=0.4
        Share of all images in the test set, in (0, 1).
    random_state : int, default=0
        Seed of both splits.

    Returns
    -------
    DigitsSplit
        ``(X_train, X_val, X_test, y_train, y_val, y_test)``.

    Raises
    ------
    TypeError
        If ``train_size`` or ``random_state`` is not an integer, or ``test_size`` not a
        number.
    ValueError
        If ``train_size`` or ``test_size`` lies outside its range.

    Examples
    --------
    >>> split = digits_split(300)
    >>> len(split.y_train), len(split.y_val), len(split.y_test)
    (300, 778, 719)
    >>> float(split.X_train.max())
    1.0
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    test = check_scalar(
        test_size, "test_size", low=0, high=1, include_low=False, include_high=False
    )
    seed = int(check_scalar(random_state, "random_state", integer=True))
    digits = load_digits()
    n_dev = len(digits.target) - int(np.ceil(test * len(digits.target)))
    n_train = int(check_scalar(train_size, "train_size", low=10, high=n_dev - 10, integer=True))
    X, y = digits.data / 16, digits.target
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=test, stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, train_size=n_train, stratify=y_dev, random_state=seed
    )
    return DigitsSplit(X_train, X_val, X_test, y_train, y_val, y_test)
