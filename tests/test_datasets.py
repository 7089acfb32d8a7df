"""The shared data sets are what the chapters built by hand, and the label noise is exact."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_array_equal
from sklearn.datasets import load_breast_cancer, load_digits, make_classification
from sklearn.model_selection import train_test_split

import lossacc_helpers as lah


def test_pixel_task_is_pixel_27_of_the_digits_in_grey_levels():
    X, y = lah.pixel_task()
    images = load_digits().data * 255 / 16
    assert_array_equal(y, images[:, 27])
    assert_array_equal(X, np.delete(images, 27, axis=1))
    assert X.min() == 0 and X.max() == 255


def test_two_feature_data_is_standardised():
    X, y = lah.two_feature_data()
    X_raw, y_raw = make_classification(
        n_samples=300,
        n_features=2,
        n_redundant=0,
        n_clusters_per_class=1,
        flip_y=0.05,
        random_state=0,
    )
    assert_array_equal(y, y_raw)
    np.testing.assert_allclose(X.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(X.std(axis=0), 1)


def test_tumour_split_is_stratified_and_reproducible():
    X_train, X_test, y_train, y_test = lah.tumour_split()
    cancer = load_breast_cancer()
    assert len(y_train) + len(y_test) == len(cancer.target) and X_test.shape == (143, 30)
    assert abs(y_test.mean() - cancer.target.mean()) < 0.01
    assert_array_equal(lah.tumour_split()[3], y_test)


def test_imbalanced_split_has_five_percent_positives():
    X_train, X_test, y_train, y_test = lah.imbalanced_split()
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
    expected = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    assert_array_equal(y_test, expected[3])
    assert y_train.mean() == pytest.approx(0.05) and y_test.mean() == pytest.approx(0.05)


def test_corrupt_labels_changes_exactly_n_labels_as_the_chapter_did():
    y = np.arange(100) % 10
    y_noisy, flipped = lah.corrupt_labels(y, 10, random_state=0)
    rng = np.random.default_rng(0)  # the recipe chapter 3 used to write out
    idx = rng.choice(100, size=10, replace=False)
    by_hand = y.copy()
    by_hand[idx] = (by_hand[idx] + rng.integers(1, 10, size=10)) % 10
    assert_array_equal(flipped, idx)
    assert_array_equal(y_noisy, by_hand)
    assert (y_noisy != y).sum() == 10 and set(np.flatnonzero(y_noisy != y)) == set(flipped)
    assert_array_equal(y, np.arange(100) % 10)  # the input is not changed


def test_corrupt_labels_reads_pandas():
    y_noisy, flipped = lah.corrupt_labels(pd.Series([0, 1, 2, 0]), 2, n_classes=3)
    assert len(flipped) == 2 and (y_noisy != [0, 1, 2, 0]).sum() == 2


@pytest.mark.parametrize(
    ("y", "n", "kwargs", "error", "match"),
    [
        ([0, 1, 2], 5, {}, ValueError, r"n_flipped must be in \[0, 3\]"),
        ([0, 1, 2], 1.5, {}, TypeError, "n_flipped must be an integer"),
        (["a", "b"], 1, {}, TypeError, "integer labels.*LabelEncoder"),
        ([0, 1, 5], 1, {"n_classes": 3}, ValueError, "label 5, but n_classes is 3"),
        ([0, 0], 1, {}, ValueError, r"n_classes must be in \[2"),
        ([-1, 1], 1, {}, ValueError, "labels 0 .. K-1, found -1"),
    ],
)
def test_corrupt_labels_bad_input(y, n, kwargs, error, match):
    with pytest.raises(error, match=match):
        lah.corrupt_labels(y, n, **kwargs)
