"""Tests of lossacc_helpers.loss_comparisons: the data sets, models and scores of chapter 4."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit
from sklearn.datasets import make_hastie_10_2
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import accuracy_score, hinge_loss, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

import lossacc_helpers as lah


def test_sgd_classifier_has_the_chapter_settings_for_every_loss() -> None:
    for loss in lah.SGD_LOSSES:
        model = lah.sgd_classifier(loss)
        assert isinstance(model, SGDClassifier) and model.loss == loss
        assert model.get_params()["random_state"] == 0 and model.average is True
    assert lah.sgd_classifier("hinge") is not lah.sgd_classifier("hinge")  # a fresh model
    with pytest.raises(ValueError, match="loss must be one of"):
        lah.sgd_classifier("exponential")


def test_gaussian_classes_and_their_bayes_classifier() -> None:
    X, y = lah.gaussian_classes(20000, np.random.default_rng(0))
    assert X.shape == (20000, 10) and set(np.unique(y)) == {0, 1}
    assert np.mean(X[y == 1, 0]) == pytest.approx(1, abs=0.05)
    assert np.mean(X[y == 0, 0]) == pytest.approx(-1, abs=0.05)
    assert np.allclose(X[:, 1:].std(axis=0), 1, atol=0.05)
    acc, ll = lah.gaussian_bayes_scores(X, y)
    eta = expit(2 * X[:, 0])
    assert acc == accuracy_score(y, eta > 0.5) and ll == pytest.approx(log_loss(y, eta))
    rng = np.random.default_rng(0)
    first, second = lah.gaussian_classes(5, rng), lah.gaussian_classes(5, rng)
    assert not np.array_equal(first[0], second[0])  # the generator advances
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        lah.gaussian_classes(5, 0)
    with pytest.raises(ValueError, match="n_samples must be in"):
        lah.gaussian_classes(0, rng)


def test_gaussian_bayes_scores_reads_pandas_and_refuses_bad_labels() -> None:
    X, y = lah.gaussian_classes(50, np.random.default_rng(3))
    assert lah.gaussian_bayes_scores(pd.DataFrame(X), pd.Series(y)) == (
        lah.gaussian_bayes_scores(X, y)
    )
    with pytest.raises(ValueError, match="y must hold the labels 0 and 1, found -1"):
        lah.gaussian_bayes_scores(X, 2 * y - 1)
    with pytest.raises(ValueError, match="Expected 2D array for X"):
        lah.gaussian_bayes_scores(pd.Series(X[:, 0]), y)


def test_model_scores_match_sklearn() -> None:
    rng = np.random.default_rng(1)
    X, y = lah.gaussian_classes(300, rng)
    X_test, y_test = lah.gaussian_classes(300, rng)
    hinge = lah.sgd_classifier("hinge").fit(X, y)
    assert lah.model_scores(hinge, X_test, y_test) == (
        accuracy_score(y_test, hinge.predict(X_test)),
        None,
    )
    logistic = LogisticRegression().fit(X, y)
    acc, ll = lah.model_scores(logistic, pd.DataFrame(X_test), pd.Series(y_test))
    assert ll == pytest.approx(log_loss(y_test, logistic.predict_proba(X_test)))
    with pytest.raises(TypeError, match="model must be a fitted classifier"):
        lah.model_scores("model", X_test, y_test)


def test_add_outliers_appends_far_points_with_the_wrong_label() -> None:
    X, y = lah.gaussian_classes(100, np.random.default_rng(0))
    X_noisy, y_noisy = lah.add_outliers(X, y, 20, np.random.default_rng(5))
    assert X_noisy.shape == (120, 10) and np.array_equal(X_noisy[:100], X)
    assert np.array_equal(y_noisy, np.r_[y, np.zeros(20, dtype=int)])
    assert np.all(X_noisy[100:, 0] > 15)
    expected = np.random.default_rng(5).normal(size=(20, 10))
    expected[:, 0] += 20
    assert np.array_equal(X_noisy[100:], expected)
    _, y_one = lah.add_outliers(pd.DataFrame(X), pd.Series(y), 2, np.random.default_rng(0), label=1)
    assert y_one[-2:].tolist() == [1, 1]
    with pytest.raises(ValueError, match="label must be 0 or 1"):
        lah.add_outliers(X, y, 2, np.random.default_rng(0), label=-1)
    with pytest.raises(ValueError, match="n_outliers must be in"):
        lah.add_outliers(X, y, -1, np.random.default_rng(0))
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        lah.add_outliers(X, y[:5], 2, np.random.default_rng(0))


def test_hastie_data_is_sklearns_with_labels_zero_and_one() -> None:
    X_train, y_train, X_test, y_test = lah.hastie_data(300, 200, seed=4)
    X, y = make_hastie_10_2(n_samples=500, random_state=4)
    assert np.array_equal(np.vstack([X_train, X_test]), X)
    assert np.array_equal(np.r_[y_train, y_test], (y > 0).astype(int))
    with pytest.raises(ValueError, match="n_test must be in"):
        lah.hastie_data(10, 0)


def test_flip_deepest_flips_the_closest_and_furthest_points() -> None:
    X, y, _, _ = lah.hastie_data(400, 1)
    y_noisy, flipped = lah.flip_deepest(X, y, 10)
    radius = (X**2).sum(axis=1)
    deepest = np.r_[np.argsort(radius)[:10], np.argsort(radius)[-10:]]
    assert np.array_equal(flipped, deepest)
    assert np.array_equal(y_noisy != y, np.isin(np.arange(400), deepest))
    assert np.array_equal(lah.flip_deepest(pd.DataFrame(X), pd.Series(y), 10)[0], y_noisy)
    assert np.array_equal(lah.flip_deepest(X, y, 0)[0], y)
    with pytest.raises(ValueError, match="n_each must be in"):
        lah.flip_deepest(X, y, 201)


def test_boost_stumps_is_sklearns_gradient_boosting_on_stumps() -> None:
    X, y, X_test, y_test = lah.hastie_data(300, 300)
    model = lah.boost_stumps("exponential", X, y, n_estimators=10)
    assert model.loss == "exponential" and model.max_depth == 1 and len(model.estimators_) == 10
    assert lah.accuracy(y_test, model.predict(X_test)) > 0.5
    with pytest.raises(ValueError, match="loss must be 'log_loss' or 'exponential'"):
        lah.boost_stumps("hinge", X, y)


def test_standardised_split_matches_sklearn() -> None:
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 3)) * 5 + 2, np.repeat([0, 1, 2], 20)
    parts = lah.standardised_split(X, y, test_size=0.25, seed=3)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=3, stratify=y
    )
    scaler = StandardScaler().fit(X_train)
    np.testing.assert_allclose(parts["train"][0], scaler.transform(X_train))
    np.testing.assert_allclose(parts["test"][0], scaler.transform(X_test))
    assert np.array_equal(parts["test"][1], y_test)
    from_pandas = lah.standardised_split(pd.DataFrame(X), pd.Series(y), test_size=0.25, seed=3)
    np.testing.assert_allclose(from_pandas["test"][0], parts["test"][0])
    with pytest.raises(ValueError, match="test_size must be in"):
        lah.standardised_split(X, y, test_size=1.0)


def test_multiclass_model_scores_match_sklearn() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(150, 4)) + np.repeat(np.eye(3, 4) * 2, 50, axis=0)
    parts = lah.standardised_split(X, np.repeat([0, 1, 2], 50))
    models = {
        "svm": LinearSVC(multi_class="crammer_singer", C=0.1, random_state=0),
        "lr": LogisticRegression(C=0.1),
    }
    scores = lah.multiclass_model_scores(models, parts)
    assert list(scores) == [("svm", "train"), ("svm", "test"), ("lr", "train"), ("lr", "test")]
    for (name, part), (acc, hinge, ce) in scores.items():
        X_part, y_part = parts[part]
        s = models[name].decision_function(X_part)
        assert acc == accuracy_score(y_part, models[name].predict(X_part))
        assert hinge == pytest.approx(hinge_loss(y_part, s))
        assert ce == pytest.approx(log_loss(y_part, np.exp(s) / np.exp(s).sum(1, keepdims=True)))


@pytest.mark.parametrize(
    ("models", "parts", "kwargs", "error", "match"),
    [
        ([LogisticRegression()], {"train": None}, {}, TypeError, "models and parts must be dicts"),
        ({"lr": LogisticRegression()}, {"test": None}, {}, ValueError, "fit_on must be one of"),
        ({"x": "model"}, {"train": None}, {}, TypeError, "models\\['x'\\] has no fit method"),
        ({"lr": LogisticRegression()}, {"a": None}, {"fit_on": "b"}, ValueError, "'b'"),
    ],
)
def test_multiclass_model_scores_refuses_bad_input(models, parts, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.multiclass_model_scores(models, parts, **kwargs)
