import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import lossacc_helpers as lah


def test_digits_split_is_the_two_stratified_splits_of_scikit_learn() -> None:
    split = lah.digits_split(300)
    digits = load_digits()
    X_dev, X_test, y_dev, y_test = train_test_split(
        digits.data / 16, digits.target, test_size=0.4, stratify=digits.target, random_state=0
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, train_size=300, stratify=y_dev, random_state=0
    )
    for got, want in zip(split, (X_train, X_val, X_test, y_train, y_val, y_test), strict=True):
        np.testing.assert_array_equal(got, want)
    X_train_again, *_ = lah.digits_split(300)  # unpacks like train_test_split
    np.testing.assert_array_equal(X_train_again, split.X_train)
    assert np.bincount(split.y_train).min() >= 29  # stratified: about 30 of each digit
    assert split.X_test.min() == 0 and split.X_test.max() == 1


def test_digits_split_refuses_sizes_out_of_range() -> None:
    with pytest.raises(ValueError, match="train_size must be in"):
        lah.digits_split(5)
    with pytest.raises(ValueError, match="train_size must be in"):
        lah.digits_split(5000)
    with pytest.raises(TypeError, match="train_size must be an integer"):
        lah.digits_split(0.5)
    with pytest.raises(ValueError, match=r"test_size must be in \(0, 1\)"):
        lah.digits_split(300, test_size=1.0)
    with pytest.raises(TypeError, match="random_state must be an integer"):
        lah.digits_split(300, random_state="0")
