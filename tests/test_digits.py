"""Tests of lossacc_helpers.digits: the seeded digits split and the label noise."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_array_equal
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

import lossacc_helpers as lah


def test_split_equals_two_stratified_train_test_splits() -> None:
    splits = lah.digit_splits(n_train=300, test_size=0.4, random_state=0)
    d = load_digits()
    X_dev, X_test, y_dev, y_test = train_test_split(
        d.data / 16, d.target, test_size=0.4, stratify=d.target, random_state=0
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, train_size=300, stratify=y_dev, random_state=0
    )
    for got, want in [
        (splits.X_dev, X_dev),
        (splits.y_test, y_test),
        (splits.X_train, X_train),
        (splits.y_train, y_train),
        (splits.X_val, X_val),
        (splits.y_val, y_val),
        (splits.X_test, X_test),
    ]:
        assert_array_equal(got, want)
    assert len(splits.y_train) + len(splits.y_val) == len(splits.y_dev)
    assert np.bincount(splits.y_train).min() >= 29  # stratified: every digit present


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"n_train": 5}, ValueError, "n_train must be in"),
        ({"n_train": 1075}, ValueError, "at least 10 of the 1078"),
        ({"n_train": 300.0}, TypeError, "n_train must be an integer"),
        ({"test_size": 1.0}, ValueError, "test_size must be in"),
        ({"random_state": None}, TypeError, "random_state must be an integer"),
    ],
)
def test_split_rejects_bad_arguments(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.digit_splits(**kwargs)


def test_mislabel_moves_labels_to_another_class_with_the_chapters_draws() -> None:
    y = np.arange(1000) % 10
    noisy, moved = lah.mislabel(y, 0.1, random_state=0)
    # The draws the chapter made by hand: one uniform per label, then one shift each.
    rng = np.random.default_rng(0)
    expected_moved = rng.random(len(y)) < 0.1
    shift = rng.integers(1, 10, expected_moved.sum())
    expected = y.copy()
    expected[expected_moved] = (expected[expected_moved] + shift) % 10
    assert_array_equal(moved, expected_moved)
    assert_array_equal(noisy, expected)
    assert (noisy[moved] != y[moved]).all() and (noisy[~moved] == y[~moved]).all()
    assert 0.07 < moved.mean() < 0.13
    assert_array_equal(y, np.arange(1000) % 10)  # the input is not changed


def test_mislabel_accepts_a_pandas_series_whole_floats_and_edge_fractions() -> None:
    noisy, moved = lah.mislabel([0.0, 1.0, 2.0], 1.0)
    assert noisy.dtype.kind == "i" and (noisy != [0, 1, 2]).all()
    y = pd.Series([0, 1, 2, 1, 0, 2])
    noisy, moved = lah.mislabel(y, 0.0)
    assert_array_equal(noisy, y.to_numpy()) and not moved.any()
    noisy, moved = lah.mislabel(y, 1.0, n_classes=3)
    assert moved.all() and (noisy != y.to_numpy()).all()


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (([0.5, 1.5], 0.1), {}, ValueError, "non-integral floats"),
        ((["a", "b"], 0.1), {}, TypeError, "integer labels"),
        (([0, 1], 1.5), {}, ValueError, "fraction must be in"),
        (([0, 1], "0.1"), {}, TypeError, "fraction must be a real number"),
        (([0, 5], 0.1), {"n_classes": 3}, ValueError, r"labels in 0 \.\. 2"),
        (([0, -1], 0.1), {"n_classes": 3}, ValueError, "found -1"),
        (([True, False], 0.1), {}, TypeError, "integer labels"),
        (([0, 0], 0.1), {}, ValueError, "n_classes must be in"),
        ((pd.DataFrame({"a": [0, 1]}), 0.1), {}, ValueError, "1D"),
    ],
)
def test_mislabel_rejects_bad_input(args, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.mislabel(*args, **kwargs)


def test_wrong_labels_learnt_counts_reproduced_wrong_labels() -> None:
    X = np.arange(20.0).reshape(-1, 1)
    y = np.arange(20) % 2
    noisy, moved = lah.mislabel(y, 0.3, n_classes=2, random_state=3)
    tree = DecisionTreeClassifier(random_state=0).fit(X, noisy)  # memorises everything
    assert lah.wrong_labels_learnt(tree, X, noisy, moved) == 1.0
    honest = DecisionTreeClassifier(random_state=0).fit(X, y)  # learnt the true labels
    assert lah.wrong_labels_learnt(honest, pd.DataFrame(X), pd.Series(noisy), moved) == 0.0
    assert lah.wrong_labels_learnt(tree, X, noisy, moved) == np.mean(
        tree.predict(X[moved]) == noisy[moved]
    )


def test_wrong_labels_learnt_rejects_bad_input() -> None:
    X, y = np.zeros((3, 1)), [0, 1, 0]
    tree = DecisionTreeClassifier().fit(X, y)
    with pytest.raises(TypeError, match="fitted classifier with predict"):
        lah.wrong_labels_learnt(object(), X, y, [True, False, False])
    with pytest.raises(TypeError, match="boolean mask"):
        lah.wrong_labels_learnt(tree, X, y, [1, 0, 1])
    with pytest.raises(ValueError, match="inconsistent numbers"):
        lah.wrong_labels_learnt(tree, X, [0, 1], [True, False, True])
    with pytest.raises(ValueError, match="marks no sample"):
        lah.wrong_labels_learnt(tree, X, y, np.zeros(3, dtype=bool))
