"""accuracy_by_threshold against scikit-learn, by hand, and on every bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score

from lossacc_helpers.classification import correct_predictions
from lossacc_helpers.thresholds import accuracy_by_threshold

# ---------------------------------------------------------------- hand-computed values
Y = [0, 0, 1, 1, 0]
P = [0.1, 0.6, 0.4, 0.9, 0.2]
HAND_TABLE = [
    # threshold, accuracy, balanced accuracy (counted by hand from Y and P)
    (0.0, 2 / 5, (1 + 0) / 2),  # everything positive
    (0.1, 3 / 5, (1 + 1 / 3) / 2),  # p > t: the sample at exactly 0.1 is negative
    (0.15, 3 / 5, (1 + 1 / 3) / 2),
    (0.3, 4 / 5, (1 + 2 / 3) / 2),
    (0.4, 3 / 5, (1 / 2 + 2 / 3) / 2),  # the positive at exactly 0.4 is missed
    (0.5, 3 / 5, (1 / 2 + 2 / 3) / 2),
    (0.95, 3 / 5, (0 + 1) / 2),  # everything negative
    (1.0, 3 / 5, (0 + 1) / 2),
]


@pytest.mark.parametrize(("t", "acc", "bal"), HAND_TABLE)
def test_hand_computed(t, acc, bal):
    assert_allclose(accuracy_by_threshold(Y, P, [t]), [acc], rtol=1e-15)
    assert_allclose(accuracy_by_threshold(Y, P, [t], balanced=True), [bal], rtol=1e-15)


def test_returns_one_score_per_threshold_in_the_given_order():
    t = [1.0, 0.0, 0.3]
    assert_allclose(accuracy_by_threshold(Y, P, t), [3 / 5, 2 / 5, 4 / 5])


def test_string_labels_and_pos_label():
    y = ["no", "no", "yes", "yes", "no"]
    with pytest.raises(ValueError, match="pos_label='yes'"):
        accuracy_by_threshold(y, P, [0.5])  # which class P belongs to is not guessed
    expected = accuracy_by_threshold(Y, P, [0.5])
    assert_allclose(accuracy_by_threshold(y, P, [0.5], pos_label="yes"), expected)
    # The same probabilities read as probabilities of "no": the complement of the labels.
    flipped = accuracy_by_threshold(y, P, [0.5], pos_label="no")
    assert_allclose(flipped, [accuracy_score([1, 1, 0, 0, 1], (np.array(P) > 0.5).astype(int))])


# ---------------------------------------------------------------- against scikit-learn
@st.composite
def _binary_case(draw):
    n = draw(st.integers(2, 60))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 1)))
    y[0], y[1] = 0, 1  # both classes present
    # Probabilities on a coarse grid, so that ties with the thresholds are frequent.
    p = draw(hnp.arrays(np.float64, n, elements=st.integers(0, 20).map(lambda k: k / 20)))
    t = draw(hnp.arrays(np.float64, st.integers(1, 15), elements=st.integers(0, 20)))
    return y, p, t / 20


@given(_binary_case())
def test_agrees_with_sklearn_on_thresholded_labels(case):
    y, p, thresholds = case
    expected_acc = [accuracy_score(y, (p > t).astype(int)) for t in thresholds]
    expected_bal = [balanced_accuracy_score(y, (p > t).astype(int)) for t in thresholds]
    assert_allclose(accuracy_by_threshold(y, p, thresholds), expected_acc, rtol=1e-12)
    assert_allclose(
        accuracy_by_threshold(y, p, thresholds, balanced=True), expected_bal, rtol=1e-12
    )


def test_half_threshold_gives_the_labels_of_predict():
    X, y = make_classification(n_samples=200, random_state=0)
    model = LogisticRegression().fit(X, y)
    proba = model.predict_proba(X)[:, 1]
    assert_allclose(accuracy_by_threshold(y, proba, [0.5]), [accuracy_score(y, model.predict(X))])


def test_half_threshold_agrees_with_correct_predictions_even_on_ties():
    y = [0, 1, 1, 0, 1]
    p = [0.5, 0.5, 0.7, 0.2, 0.1]  # two probabilities exactly at the threshold
    assert_allclose(accuracy_by_threshold(y, p, [0.5]), [correct_predictions(y, p).mean()])
    assert_allclose(accuracy_by_threshold(y, p, [0.5]), [3 / 5])  # 0.5 is not above 0.5


# ---------------------------------------------------------------- errors
BAD = [
    (([0, 1], [0.5], [0.5]), {}, ValueError, "inconsistent numbers of samples"),
    (([0, 1], [0.5, 1.5], [0.5]), {}, ValueError, r"proba must hold probabilities in \[0, 1\]"),
    (([0, 1], [0.5, np.nan], [0.5]), {}, ValueError, "proba contains 1 NaN"),
    (([0, 1], [[0.5, 0.5], [0.2, 0.8]], [0.5]), {}, ValueError, "Expected 1D array for proba"),
    (([0, 1], ["a", "b"], [0.5]), {}, TypeError, "proba must hold numbers"),
    (([0, 1], [0.2, 0.8], []), {}, ValueError, "thresholds is empty"),
    (
        ([0, 1], [0.2, 0.8], [0.5, 1.2]),
        {},
        ValueError,
        r"thresholds must lie in \[0, 1\], found 1.2",
    ),
    (([0, 1], [0.2, 0.8], [-0.1]), {}, ValueError, "found -0.1"),
    (([0, 1], [0.2, 0.8], [np.inf]), {}, ValueError, "thresholds contains 0 NaN and 1 infinite"),
    (([0, 1], [0.2, 0.8], 0.5), {}, ValueError, r"Wrap a single value in a list"),
    (([0, 1], [0.2, 0.8], ["x"]), {}, TypeError, "thresholds must hold numbers"),
    (([1, 1], [0.2, 0.8], [0.5]), {}, ValueError, r"exactly two classes .* found 1: \[1\]"),
    (([0, 1, 2], [0.2, 0.8, 0.5], [0.5]), {}, ValueError, "exactly two classes"),
    (([0, 1], [0.2, 0.8], [0.5]), {"pos_label": 2}, ValueError, r"pos_label=2 is not one"),
    (([0, 1], [0.2, 0.8], [0.5]), {"balanced": "yes"}, TypeError, "balanced must be True"),
    (([0.5, 1.0], [0.2, 0.8], [0.5]), {}, ValueError, "non-integral floats"),
    (([], [], [0.5]), {}, ValueError, "y_true is empty"),
]


@pytest.mark.parametrize(("args", "kwargs", "error", "match"), BAD)
def test_rejects_bad_input(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        accuracy_by_threshold(*args, **kwargs)
