"""cross_entropy, accuracy and zero_one_loss against scikit-learn, and every bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose
from sklearn.metrics import accuracy_score, log_loss
from sklearn.metrics import zero_one_loss as sk_zero_one_loss

from lossacc_helpers.classification import (
    accuracy,
    cross_entropy,
    cross_entropy_from_logits,
    per_sample_cross_entropy,
    zero_one_loss,
)

# ---------------------------------------------------------------- hand-computed values
CE_TABLE = [
    # y_true, proba, expected (nats)
    ([1], [0.5], np.log(2)),
    ([0, 1], [0.2, 0.9], -(np.log(0.8) + np.log(0.9)) / 2),
    ([2, 0], [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]], -(np.log(0.7) + np.log(0.5)) / 2),
    ([0, 1], [[0.75, 0.25], [0.4, 0.6]], -(np.log(0.75) + np.log(0.6)) / 2),
]


@pytest.mark.parametrize(("y", "p", "expected"), CE_TABLE)
def test_cross_entropy_hand_computed(y, p, expected):
    assert_allclose(cross_entropy(y, p), expected, rtol=1e-15)


def test_string_labels_name_the_columns_with_labels():
    p = [[0.75, 0.25], [0.4, 0.6]]
    expected = -(np.log(0.75) + np.log(0.6)) / 2
    assert_allclose(cross_entropy(["no", "yes"], p, labels=["no", "yes"]), expected, rtol=1e-15)


def test_per_sample_is_minus_log_of_true_class_probability():
    assert_allclose(per_sample_cross_entropy([1, 1], [0.51, 0.99]), -np.log([0.51, 0.99]))


def test_clipping_matches_sklearn_for_certain_mistakes():
    y, p = [0, 1, 1], [1.0, 0.0, 1.0]
    eps = np.finfo(float).eps
    assert_allclose(cross_entropy(y, p), log_loss(y, p), rtol=1e-12)
    assert_allclose(per_sample_cross_entropy(y, p)[0], -np.log(eps))


def test_float32_probabilities_clip_at_float32_epsilon():
    p = np.array([0.0, 1.0], dtype=np.float32)
    assert_allclose(cross_entropy([1, 1], p), log_loss([1, 1], p, labels=[0, 1]), rtol=1e-6)


def test_integer_labels_index_columns_when_a_class_is_missing():
    # y_true uses only classes 0 and 2 of four; columns are 0..3.
    p = np.array([[0.7, 0.1, 0.1, 0.1], [0.1, 0.1, 0.6, 0.2]])
    assert_allclose(cross_entropy([0, 2], p), -(np.log(0.7) + np.log(0.6)) / 2)
    assert_allclose(cross_entropy([0, 2], p), log_loss([0, 2], p, labels=[0, 1, 2, 3]))


def test_binary_1d_with_one_class_present_uses_label_one_as_positive():
    assert_allclose(cross_entropy([1, 1], [0.9, 0.8]), log_loss([1, 1], [0.9, 0.8], labels=[0, 1]))


@st.composite
def _classification_case(draw):
    n = draw(st.integers(1, 40))
    k = draw(st.integers(2, 6))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    raw = draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0.0, 1.0)))
    raw[:, 0] += 1e-3  # rows are never all zero
    return y, raw / raw.sum(axis=1, keepdims=True), k


@given(_classification_case())
def test_cross_entropy_agrees_with_sklearn_multiclass(case):
    y, proba, k = case
    assert_allclose(
        cross_entropy(y, proba, labels=np.arange(k)),
        log_loss(y, proba, labels=np.arange(k)),
        rtol=1e-12,
    )


@given(
    hnp.arrays(np.int64, st.integers(2, 50), elements=st.integers(0, 1)),
    st.data(),
)
def test_cross_entropy_agrees_with_sklearn_binary(y, data):
    p = data.draw(hnp.arrays(np.float64, len(y), elements=st.floats(0.0, 1.0)))
    assert_allclose(cross_entropy(y, p, labels=[0, 1]), log_loss(y, p, labels=[0, 1]), rtol=1e-12)
    p2 = np.column_stack([1 - p, p])
    assert_allclose(cross_entropy(y, p2, labels=[0, 1]), cross_entropy(y, p, labels=[0, 1]))


@given(_classification_case())
def test_accuracy_and_zero_one_agree_with_sklearn(case):
    y, proba, _ = case
    y_pred = proba.argmax(axis=1)
    assert accuracy(y, y_pred) == pytest.approx(accuracy_score(y, y_pred), abs=1e-15)
    assert zero_one_loss(y, y_pred) == pytest.approx(sk_zero_one_loss(y, y_pred), abs=1e-15)
    assert accuracy(y, y_pred) + zero_one_loss(y, y_pred) == pytest.approx(1.0)


def test_accuracy_cat_example():
    truth = ["cat", "cat", "no cat", "no cat", "cat"]
    guess = ["cat", "no cat", "no cat", "cat", "cat"]
    assert accuracy(truth, guess) == 0.6


# ---------------------------------------------------------------- logits
def _softmax(z):
    z = np.asarray(z, float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@given(_classification_case(), st.floats(0.1, 30.0))
def test_logits_agree_with_softmax_then_log_loss(case, scale):
    y, proba, k = case
    logits = np.log(proba + 1e-3) * scale / 10
    expected = log_loss(y, _softmax(logits), labels=np.arange(k))
    assert_allclose(cross_entropy_from_logits(y, logits), expected, rtol=1e-9, atol=1e-12)


def test_logits_are_exact_where_naive_softmax_overflows():
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 2e4, 0.0], [5e5, 5e5, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        naive = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert not np.all(np.isfinite(naive))  # the naive route breaks ...
    value = cross_entropy_from_logits([0, 0, 1], logits)  # ... ours does not
    assert np.isfinite(value)
    assert_allclose(value, (0.0 + 2e4 + np.log(2)) / 3, rtol=1e-12)


def test_binary_logits_are_log_odds():
    z = np.array([-3.0, 0.0, 2.0])
    y = np.array([0, 1, 1])
    p = 1 / (1 + np.exp(-z))
    assert_allclose(cross_entropy_from_logits(y, z), log_loss(y, p), rtol=1e-12)


# ---------------------------------------------------------------- warnings and errors
def test_rows_not_summing_to_one_warn_like_sklearn():
    with pytest.warns(UserWarning, match="do not sum to one"):
        value = cross_entropy([0, 1], [[0.5, 0.3], [0.2, 0.8]])
    with pytest.warns(UserWarning):
        expected = log_loss([0, 1], [[0.5, 0.3], [0.2, 0.8]])
    assert_allclose(value, expected)


BAD_CE = [
    (([0, 1], [0.5]), ValueError, "inconsistent numbers of samples: y_true has 2, proba has 1"),
    (([], []), ValueError, "y_true is empty"),
    (([0, 1], [0.5, np.nan]), ValueError, "proba contains 1 NaN"),
    (([0, 1], [0.5, np.inf]), ValueError, "infinite"),
    (([0, 1], [0.5, 1.2]), ValueError, r"proba must hold probabilities in \[0, 1\], found 1.2"),
    (([0, 1], [-0.1, 0.5]), ValueError, "found -0.1"),
    (([0, 1], [[[0.5]]]), ValueError, "Expected 1D or 2D array for proba, got 3D"),
    (([[0], [1]], [0.5, 0.5]), ValueError, r"Expected 1D array of labels for y_true.*ravel"),
    (([0, 1], ["a", "b"]), TypeError, "proba must hold numbers"),
    (([0, 1], "0.5"), TypeError, "got a string"),
    (([0, 1, 2], [0.2, 0.3, 0.4]), ValueError, "the label 2, but a 1D input"),
    (([5, 5], [0.2, 0.3]), ValueError, r"label 5, .*pass both classes with labels=\[negative"),
    (
        ([0, 3, 5], [[0.5, 0.5]] * 3),
        ValueError,
        r"the label 5, but proba has 2 columns, indexed 0 \.\. 1",
    ),
    ((["a", "b"], [0.2, 0.3]), ValueError, r"only integer labels .* labels=\['a', 'b'\]"),
    (([0.5, 1.0], [0.2, 0.3]), ValueError, "non-integral floats"),
    (([0, np.nan], [0.2, 0.3]), ValueError, "NaN or infinite labels"),
]


@pytest.mark.parametrize(("args", "error", "match"), BAD_CE)
def test_cross_entropy_rejects_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        cross_entropy(*args)


def test_unknown_labels_are_named():
    with pytest.raises(ValueError, match=r"labels not in labels: \['dog'\]"):
        cross_entropy(["cat", "dog"], [[0.5, 0.5], [0.5, 0.5]], labels=["bird", "cat"])
    with pytest.raises(ValueError, match="labels has 3 classes but proba has 2 columns"):
        cross_entropy([0, 1], [[0.5, 0.5], [0.5, 0.5]], labels=[0, 1, 2])
    with pytest.raises(ValueError, match="must not repeat"):
        cross_entropy([0, 1], [[0.5, 0.5], [0.5, 0.5]], labels=[0, 0])


BAD_LOGITS = [
    (([0, 1], [[1.0, 2.0]]), ValueError, "inconsistent numbers of samples"),
    (([0, 2], [[1.0, 2.0], [0.0, 1.0]]), ValueError, r"logits has 2 columns, indexed 0 \.\. 1"),
    (([0, -1], [[1.0, 2.0], [0.0, 1.0]]), ValueError, "the label -1"),
    ((["a", "b"], [[1.0, 2.0], [0.0, 1.0]]), ValueError, "only integer labels"),
    (([0], [[np.nan, 1.0]]), ValueError, "logits contains 1 NaN"),
    (([0, 1], [[1.0, 2.0], [0.0, 1.0]], [1.0]), ValueError, "sample_weight has 1 values"),
]


@pytest.mark.parametrize(("args", "error", "match"), BAD_LOGITS)
def test_cross_entropy_from_logits_rejects_bad_input(args, error, match):
    y, z, *weights = args
    with pytest.raises(error, match=match):
        cross_entropy_from_logits(y, z, sample_weight=weights[0] if weights else None)


def test_one_column_is_the_positive_class_like_sklearn():
    # sklearn.metrics.log_loss reads an (n, 1) y_prob as the positive class; so do we.
    p = np.array([[0.3], [0.8]])
    assert_allclose(cross_entropy([0, 1], p), log_loss([0, 1], p), rtol=1e-15)
    assert_allclose(
        cross_entropy_from_logits([0, 1], [[1.0], [2.0]]),
        cross_entropy_from_logits([0, 1], [1.0, 2.0]),
    )


BAD_ACC = [
    (([0, 1], [0]), ValueError, "inconsistent numbers of samples"),
    (([], []), ValueError, "empty"),
    (([0, 1], [0.7, 0.2]), ValueError, "Did you pass probabilities"),
    (([0, 1], ["0", "1"]), TypeError, "labels of different types never match"),
    (([[0, 1]], [[0, 1]]), ValueError, "Expected 1D array of labels"),
    (("01", "01"), TypeError, "single string"),
]


@pytest.mark.parametrize(("args", "error", "match"), BAD_ACC)
@pytest.mark.parametrize("metric", [accuracy, zero_one_loss])
def test_label_metrics_reject_bad_input(metric, args, error, match):
    with pytest.raises(error, match=match):
        metric(*args)
