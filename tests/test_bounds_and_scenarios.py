"""The loss-accuracy bound and the exact scenarios, measured with scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from sklearn.metrics import accuracy_score, log_loss

from lossacc_helpers.bounds import LN2, max_error_rate, min_cross_entropy
from lossacc_helpers.scenarios import scenario


# ---------------------------------------------------------------- bound
def test_bound_values():
    assert min_cross_entropy(1.0) == 0.0
    assert_allclose(min_cross_entropy(0.0), np.log(2))
    assert_allclose(min_cross_entropy([0.5, 0.9]), [0.5 * LN2, 0.1 * LN2])
    assert max_error_rate(10.0) == 1.0
    assert_allclose(max_error_rate(min_cross_entropy(0.75)), 0.25)


@given(st.integers(1, 60), st.integers(2, 8), st.integers(0, 10_000))
def test_no_classifier_beats_the_bound(n, k, seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, k, n)
    proba = rng.dirichlet(np.full(k, 0.3), size=n)
    acc = accuracy_score(y, proba.argmax(axis=1))
    assert log_loss(y, proba, labels=np.arange(k)) >= min_cross_entropy(acc) - 1e-12


def test_bound_is_approached_by_hesitant_mistakes():
    # Mistakes giving the true class just under 1/2, certain correct predictions.
    y = np.array([0, 1, 1, 1])
    p1 = np.array([0.5 + 1e-9, 1.0, 1.0, 0.5 - 1e-9])
    acc = accuracy_score(y, (p1 > 0.5).astype(int))
    assert acc == 0.5
    assert_allclose(log_loss(y, p1), min_cross_entropy(acc), rtol=1e-6)


@pytest.mark.parametrize(
    ("func", "arg", "error", "match"),
    [
        (min_cross_entropy, 1.5, ValueError, r"accuracy must be in \[0, 1\], found 1.5"),
        (min_cross_entropy, [0.5, -0.1], ValueError, "found -0.1"),
        (min_cross_entropy, np.nan, ValueError, "accuracy contains 1 NaN"),
        (min_cross_entropy, "0.9", TypeError, "got a string"),
        (max_error_rate, -0.2, ValueError, "cross_entropy must be non-negative, found -0.2"),
        (max_error_rate, np.inf, ValueError, "infinite"),
        (max_error_rate, [], ValueError, "empty"),
    ],
)
def test_bound_bad_input(func, arg, error, match):
    with pytest.raises(error, match=match):
        func(arg)


# ---------------------------------------------------------------- scenarios
QUESTION = [(0.981, 0.1882), (0.985, 0.0997), (0.991, 0.2544)]


@pytest.mark.parametrize(("acc", "loss"), QUESTION)
@pytest.mark.parametrize("n_classes", [2, 10])
def test_the_three_models_are_rebuilt_exactly(acc, loss, n_classes):
    s = scenario(acc, loss, 1000, n_classes=n_classes)
    assert accuracy_score(s.y_true, s.proba.argmax(axis=1)) == pytest.approx(acc, abs=1e-12)
    assert abs(log_loss(s.y_true, s.proba, labels=np.arange(n_classes)) - loss) < 1e-9
    assert_allclose(s.proba.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(s.proba >= 0)


@given(
    st.integers(1, 300),
    st.integers(2, 6),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.9),
    st.integers(0, 1000),
)
def test_any_feasible_target_is_met(n, k, frac, position, spread, seed):
    correct = round(frac * n)
    acc = correct / n
    wrong = n - correct
    # A loss strictly inside the feasible band of the default construction.
    lo = (wrong * LN2 * 1.05 + correct * 1e-6) / n
    hi = (correct * LN2 * 0.95 + wrong * 30.0) / n
    assume(hi > lo)
    loss = lo + position * (hi - lo)
    c_max = LN2 * 0.95
    # Let the correct group take what it can; solve via the wrong group's probability.
    if 0 < correct < n:
        w = max((n * loss - correct * c_max) / wrong, LN2 * 1.05)
        w = min(w, (n * loss) / wrong * 0.999)
        assume(w > LN2 * 1.01)
        kwargs = {"true_proba_wrong": float(np.exp(-w))}
    else:
        kwargs = {}
    try:
        s = scenario(acc, loss, n, n_classes=k, spread=spread, random_state=seed, **kwargs)
    except ValueError as err:  # only a spread that crosses ln 2 may refuse here
        assert "spread" in str(err)
        return
    assert accuracy_score(s.y_true, s.proba.argmax(axis=1)) == pytest.approx(acc, abs=1e-12)
    assert abs(log_loss(s.y_true, s.proba, labels=np.arange(k)) - loss) < 1e-9


def test_model_three_is_confidently_wrong():
    s = scenario(0.991, 0.2544, 1000, true_proba_correct=0.99)
    wrong_costs = s.per_sample_loss[~s.correct]
    assert_allclose(wrong_costs, (1000 * 0.2544 - 991 * -np.log(0.99)) / 9)
    assert s.true_class_proba[~s.correct].max() < 1e-11


def test_true_proba_wrong_fixes_the_correct_group():
    s = scenario(0.8, 0.3, 100, true_proba_wrong=0.3)
    assert_allclose(s.true_class_proba[~s.correct], 0.3)
    assert s.loss == pytest.approx(0.3, abs=1e-12)


def test_spread_varies_costs_but_keeps_targets():
    s = scenario(0.9, 0.2, 200, spread=0.5, random_state=3)
    assert np.ptp(s.per_sample_loss[s.correct]) > 0
    assert s.loss == pytest.approx(0.2, abs=1e-12)
    assert scenario(0.9, 0.2, 200, spread=0.5, random_state=3).proba.tobytes() == s.proba.tobytes()


def test_all_correct_and_all_wrong():
    assert scenario(1.0, 0.1, 10).true_class_proba == pytest.approx(np.exp(-0.1))
    assert scenario(0.0, 2.0, 10, n_classes=3).accuracy == 0.0


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0.9815, 0.2, 1000), {}, ValueError, r"not a multiple of 1/n.*0\.981 and 0\.982"),
        ((0.98, 0.01, 100), {}, ValueError, r"must exceed \(1 - accuracy\) ln 2 = 0.0138629"),
        ((0.98, 0.02, 100), {}, ValueError, r"true_proba_correct in \(0\.99375"),
        ((0.5, 40.0, 10), {}, ValueError, "too large"),
        ((0.8, 0.3, 100), {"true_proba_wrong": 0.1}, ValueError, "choose true_proba_wrong in"),
        (
            (0.8, 0.3, 100),
            {"true_proba_correct": 0.9, "true_proba_wrong": 0.1},
            ValueError,
            "not both",
        ),
        (
            (0.8, 0.3, 100),
            {"true_proba_correct": 0.4},
            ValueError,
            r"true_proba_correct must be in \(0\.5, 1\)",
        ),
        (
            (0.8, 0.3, 100),
            {"true_proba_wrong": 0.5},
            ValueError,
            r"true_proba_wrong must be in \(0, 0\.5\)",
        ),
        ((0.8, 0.3, 100), {"spread": 1.0}, ValueError, r"spread must be in \[0, 1\)"),
        ((0.9, 0.2, 100), {"spread": 0.95}, ValueError, "Use a smaller spread"),
        ((1.2, 0.3, 100), {}, ValueError, r"accuracy must be in \[0, 1\]"),
        ((0.8, 0.0, 100), {}, ValueError, r"loss must be in \(0, inf\]"),
        ((0.8, 0.3, 0), {}, ValueError, r"n must be in \[1, inf\]"),
        ((0.8, 0.3, 10.0), {}, TypeError, "n must be an integer"),
        ((0.8, 0.3, 10), {"n_classes": 1}, ValueError, "n_classes must be in"),
        (("0.8", 0.3, 10), {}, TypeError, "accuracy must be a real number"),
        ((0.8, np.nan, 10), {}, ValueError, "loss must be finite"),
        ((1.0, 0.9, 10), {}, ValueError, "too large"),
        ((1.0, 0.1, 10), {"true_proba_correct": 0.95}, ValueError, "leave it unset"),
        ((0.0, 2.0, 10), {"true_proba_correct": 0.95}, ValueError, "no prediction is correct"),
    ],
)
def test_scenario_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        scenario(*args, **kwargs)
