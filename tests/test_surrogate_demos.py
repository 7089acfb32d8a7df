import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

import lossacc_helpers.surrogate_demos as demos


def test_brute_force_beats_every_line_through_two_points() -> None:
    X, y, _, _ = demos.tiny_data(seed=3, n_train=12, n_fresh=1)
    w, fewest, candidates = demos.brute_force_line(X, y)
    assert demos.mistakes(w, X, y) == fewest and candidates > len(X)
    # No line through (a small shift of) two data points does better.
    for i, j in itertools.combinations(range(len(X)), 2):
        d = X[j] - X[i]
        normal = np.array([-d[1], d[0]])
        for sign, shift in itertools.product((1, -1), (1e-6, -1e-6)):
            w_ij = sign * np.r_[-(normal @ X[i]) + shift, normal]
            assert demos.mistakes(w_ij, X, y) >= fewest


def test_tiny_data_is_standardised_and_seeded() -> None:
    X, y, X_new, _ = demos.tiny_data(seed=9)
    assert np.allclose(X.mean(axis=0), 0) and np.allclose(X.std(axis=0), 1)
    again = demos.tiny_data(seed=9)[0]
    assert np.array_equal(X, again) and X_new.shape == (2000, 2)
    assert demos.with_intercept(X).shape == (30, 3)


def test_gradient_descent_is_plain_gradient_descent_on_the_mean_loss() -> None:
    X, y, _, _ = demos.tiny_data(seed=9)
    w_start = np.array([0.0, -1.0, -1.0])
    assert np.array_equal(demos.gradient_descent("zero_one", w_start, X, y), w_start)
    # One step by hand: the gradient of the mean logistic loss, as scikit-learn writes it.
    X1, signs = demos.with_intercept(X), 2 * y - 1
    z = signs * (X1 @ w_start)
    gradient = -(expit(-z) * signs) @ X1 / len(y)
    w_one = demos.gradient_descent("logistic", w_start, X, y, learning_rate=0.1, n_steps=1)
    np.testing.assert_allclose(w_one, w_start - 0.1 * gradient)
    w_hinge = demos.gradient_descent("hinge", w_start, X, y)
    assert demos.mistakes(w_hinge, X, y) < demos.mistakes(w_start, X, y)
    assert np.array_equal(w_start, [0.0, -1.0, -1.0])  # not changed in place


def test_gradient_descent_reaches_the_logistic_regression_optimum() -> None:
    X, y, _, _ = demos.tiny_data(seed=2, n_train=40, n_fresh=1)
    w = demos.gradient_descent("logistic", np.zeros(3), X, y, learning_rate=2.0, n_steps=5000)
    reference = LogisticRegression(C=1e8, tol=1e-12, max_iter=10000).fit(X, y)
    np.testing.assert_allclose(w, np.r_[reference.intercept_, reference.coef_[0]], rtol=1e-3)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"loss": "huber"}, ValueError, "loss must be one of"),
        ({"loss": 1}, TypeError, "loss must be a loss name"),
        ({"w_start": [0.0, 1.0]}, ValueError, "w_start has 2 weights but X has 2 features"),
        ({"y": [0, 2, 1]}, ValueError, "y must hold the labels 0 and 1, found 2.0"),
        ({"y": [0, 1]}, ValueError, "inconsistent numbers of samples"),
        ({"X": pd.Series([1.0, 2.0, 3.0])}, ValueError, "Expected 2D array for X"),
        ({"learning_rate": 0}, ValueError, "learning_rate must be in"),
        ({"n_steps": 1.5}, TypeError, "n_steps must be an integer"),
    ],
)
def test_gradient_descent_refuses_bad_input(kwargs, error, match) -> None:
    args = {"loss": "hinge", "w_start": [0.0, 1.0, 1.0], "X": np.eye(3)[:, :2], "y": [0, 1, 1]}
    args |= kwargs
    with pytest.raises(error, match=match):
        demos.gradient_descent(
            args.pop("loss"), args.pop("w_start"), args.pop("X"), args.pop("y"), **args
        )


def test_error_rate_is_mistakes_over_points_and_reads_pandas() -> None:
    X, y, X_new, y_new = demos.tiny_data(seed=4)
    w = np.array([0.1, 1.0, -0.5])
    assert demos.error_rate(w, X_new, y_new) == demos.mistakes(w, X_new, y_new) / len(y_new)
    frame, series = pd.DataFrame(X), pd.Series(y)
    assert demos.error_rate(w, frame, series) == demos.error_rate(w, X, y)
    with pytest.raises(ValueError, match="w has 2 weights"):
        demos.error_rate([0.0, 1.0], X, y)


def test_wavy_eta_and_the_score_family() -> None:
    eta = demos.wavy_eta(200)
    assert eta.shape == (200,) and 0.05 < eta.min() < eta.max() < 0.95
    assert np.sum(np.diff(np.sign(2 * eta - 1)) != 0) == 2  # crosses one half twice
    scores = demos.score_family(eta, seed=0)
    assert scores.shape == (204, 200) and np.all(scores != 0)
    assert np.array_equal(scores, demos.score_family(pd.Series(eta), seed=0))
    assert not np.array_equal(scores, demos.score_family(eta, seed=1))
    np.testing.assert_allclose(scores[0], 0.01 * (2 * eta - 1))  # noiseless, smallest scale
    with pytest.raises(ValueError, match="n_inputs must be in"):
        demos.wavy_eta(0)
    with pytest.raises(ValueError, match=r"eta must hold probabilities in \[0, 1\]"):
        demos.score_family([0.5, 1.2])
    with pytest.raises(TypeError, match="seed must be an integer"):
        demos.score_family(eta, seed=0.5)
