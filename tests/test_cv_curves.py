"""Tests of lossacc_helpers.cv_curves: one fit per point, scikit-learn's numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_array_equal
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedShuffleSplit, learning_curve, validation_curve

import lossacc_helpers as lah
from lossacc_helpers.cv_curves import CVCurves


@pytest.fixture(scope="module")
def iris() -> tuple[np.ndarray, np.ndarray]:
    return load_iris(return_X_y=True)


CV = StratifiedShuffleSplit(n_splits=3, test_size=0.3, random_state=0)


def test_learning_curve_equals_scikit_learns_for_both_scores(iris) -> None:
    X, y = iris
    model = LogisticRegression(max_iter=500)
    curves = lah.learning_curve_scores(model, X, y, cv=CV, train_sizes=np.linspace(0.3, 1, 3))
    for scoring, train, val, sign in [
        ("neg_log_loss", curves.train_loss, curves.val_loss, -1),
        ("accuracy", curves.train_accuracy, curves.val_accuracy, 1),
    ]:
        sizes, t, v = learning_curve(
            model, X, y, cv=CV, scoring=scoring, train_sizes=np.linspace(0.3, 1, 3)
        )
        assert_array_equal(curves.x, sizes)
        assert_array_equal(train, sign * t)
        assert_array_equal(val, sign * v)
    assert curves.param_name is None


def test_absolute_sizes_and_pandas_inputs(iris) -> None:
    X, y = iris
    curves = lah.learning_curve_scores(
        LogisticRegression(max_iter=500), pd.DataFrame(X), pd.Series(y), cv=CV, train_sizes=[30, 60]
    )
    assert curves.x.tolist() == [30, 60] and curves.val_accuracy.shape == (2, 3)


def test_validation_curve_equals_scikit_learns_for_both_scores(iris) -> None:
    X, y = iris
    model = LogisticRegression(max_iter=500)
    c_values = np.array([0.01, 1.0, 100.0])
    curves = lah.validation_curve_scores(model, X, y, cv=CV, param_name="C", param_range=c_values)
    for scoring, train, val, sign in [
        ("neg_log_loss", curves.train_loss, curves.val_loss, -1),
        ("accuracy", curves.train_accuracy, curves.val_accuracy, 1),
    ]:
        t, v = validation_curve(
            model, X, y, cv=CV, scoring=scoring, param_name="C", param_range=c_values
        )
        assert_array_equal(train, sign * t)
        assert_array_equal(val, sign * v)
    assert curves.param_name == "C"
    assert_array_equal(curves.x, c_values)


def test_table_prints_the_means_over_the_splits() -> None:
    ones = np.ones((2, 2))
    curves = CVCurves(np.array([0.5, 10.0]), ones * [[0.1, 0.3]], ones * 0.5, ones, ones * 0.8, "C")
    lines = curves.table().splitlines()
    assert lines[0].split()[0] == "C" and len(lines) == 3
    assert lines[1].split() == ["0.5", "0.200", "0.500", "1.000", "0.800"]
    assert curves.table("images").split()[0] == "images"
    with pytest.raises(TypeError, match="x_name must be a string"):
        curves.table(3)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda X, y: lah.learning_curve_scores(LogisticRegression, X, y, cv=CV),
            TypeError,
            "call it",
        ),
        (
            lambda X, y: lah.learning_curve_scores(object(), X, y, cv=CV),
            TypeError,
            "no predict_proba",
        ),
        (
            lambda X, y: lah.learning_curve_scores(
                LogisticRegression(), X, y, cv=CV, train_sizes=[0.0, 1.0]
            ),
            ValueError,
            r"fractions must lie in \(0, 1\]",
        ),
        (
            lambda X, y: lah.learning_curve_scores(
                LogisticRegression(), X, y, cv=CV, train_sizes=[10, 500]
            ),
            ValueError,
            "counts must lie in",
        ),
        (
            lambda X, y: lah.learning_curve_scores(LogisticRegression(), X, y[:-1], cv=CV),
            ValueError,
            "inconsistent numbers",
        ),
        (
            lambda X, y: lah.validation_curve_scores(
                LogisticRegression(), X, y, cv=CV, param_name="c", param_range=[1.0]
            ),
            ValueError,
            "'c' is not a parameter",
        ),
        (
            lambda X, y: lah.validation_curve_scores(
                LogisticRegression(), X, y, cv=CV, param_name="C", param_range=[]
            ),
            ValueError,
            "non-empty 1D",
        ),
        (
            lambda X, y: lah.validation_curve_scores(
                LogisticRegression(), X, y, cv=CV, param_name=1, param_range=[1.0]
            ),
            TypeError,
            "param_name must be a string",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message(iris, call, error, match) -> None:
    with pytest.raises(error, match=match):
        call(*iris)
