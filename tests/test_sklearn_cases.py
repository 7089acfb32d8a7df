"""scikit-learn's own test cases for the counterparts of our metrics, run against ours.

The inputs and expected values below come from the test suites of the installed
scikit-learn (1.9.1): ``sklearn/metrics/tests/test_classification.py``,
``sklearn/metrics/tests/test_regression.py``, ``sklearn/metrics/tests/test_common.py`` and
``sklearn/tests/test_calibration.py``; each case names the test function it comes from.
The test code is ours. Where our convention differs from scikit-learn's, the case is kept
and checks our documented behaviour instead; every such difference is marked
``DIFFERENCE`` and is named in the Notes of the function's docstring:

* labels that are not the integers ``0 .. K-1`` (strings, ``[0, 2]``, ``[1, 2, 3]``) need
  ``labels=``, in column order; scikit-learn infers the sorted classes from ``y_true``;
* integer labels index the columns even when some class is absent (scikit-learn raises);
* ``labels`` is used in the order given (with a ``LabelOrderWarning`` when unsorted);
  scikit-learn sorts it;
* multilabel indicator matrices, ``normalize=False`` and multioutput weights are not
  supported (2D labels raise a ValueError).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics as sk
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose

from lossacc_helpers import (
    accuracy,
    calibration_bins,
    cross_entropy,
    expected_calibration_error,
    hinge_loss,
    mae,
    mse,
    multiclass_hinge,
    zero_one_loss,
)
from lossacc_helpers._validation import LabelOrderWarning
from lossacc_helpers.thresholds import accuracy_by_threshold


def _crammer_singer(scores: np.ndarray, pairs: list[tuple[int, int]]) -> float:
    """Mean of max(0, 1 - s[true] + s[other]) over rows, for the given (true, other) columns.

    scikit-learn's hinge tests spell out, for every row, the true column and the best other
    column; these pairs are the facts carried over.
    """
    losses = [max(0.0, 1 - row[t] + row[o]) for row, (t, o) in zip(scores, pairs, strict=True)]
    return float(np.mean(losses))


# ================================================================ log_loss -> cross_entropy
# From test_classification.py::test_log_loss
NO_YES = ["no", "no", "no", "yes", "yes", "yes"]
NO_YES_PROBA = np.array(
    [[0.5, 0.5], [0.1, 0.9], [0.01, 0.99], [0.9, 0.1], [0.75, 0.25], [0.001, 0.999]]
)


def test_log_loss_binary_symbolic_labels():
    # test_log_loss: binary case with symbolic labels ("no" < "yes"); expected value is
    # minus the mean Bernoulli log-likelihood of the "yes" column.
    is_yes = np.array(NO_YES) == "yes"
    expected = -np.mean(np.log(np.where(is_yes, NO_YES_PROBA[:, 1], NO_YES_PROBA[:, 0])))
    assert_allclose(cross_entropy(NO_YES, NO_YES_PROBA, labels=["no", "yes"]), expected)
    # DIFFERENCE: without labels= string labels are refused with a message naming the fix.
    with pytest.raises(ValueError, match=r"labels=\['no', 'yes'\]"):
        cross_entropy(NO_YES, NO_YES_PROBA)


def test_log_loss_multiclass():
    # test_log_loss: multiclass case, expected 0.6904911; doubling the data keeps the mean
    # (scikit-learn's normalize=False sum, 0.6904911 * 6, is not supported here).
    y_true = [1, 0, 2]
    y_proba = [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]
    assert_allclose(cross_entropy(y_true, y_proba), 0.6904911, rtol=1e-6)
    assert_allclose(cross_entropy(y_true * 2, y_proba * 2), 0.6904911, rtol=1e-6)


def test_log_loss_unequal_number_of_classes_raises():
    # test_log_loss: "raise error if number of classes are not equal".
    with pytest.raises(ValueError, match="label 2, but proba has 2 columns"):
        cross_entropy([1, 0, 2], [[0.3, 0.7], [0.6, 0.4], [0.4, 0.6]])


def test_log_loss_labels_missing_a_value_of_y_true():
    # test_log_loss: labels ["a", "c", "d"] do not contain "b".
    y_true = ["a", "b", "c"]
    y_proba = [[0.9, 0.1, 0.0], [0.1, 0.9, 0.0], [0.1, 0.1, 0.8]]
    with pytest.raises(ValueError, match=r"y_true contains labels not in labels: \['b'\]"):
        cross_entropy(y_true, y_proba, labels=["a", "c", "d"])


HAM_SPAM = ["ham", "spam", "spam", "ham"]
HAM_SPAM_PROBA = [[0.3, 0.7], [0.6, 0.4], [0.4, 0.6], [0.7, 0.3]]


def test_log_loss_string_array():
    # test_log_loss: "case when y_true is a string array object", expected 0.7469410.
    assert_allclose(cross_entropy(HAM_SPAM, HAM_SPAM_PROBA, labels=["ham", "spam"]), 0.7469410)
    obj = np.array(HAM_SPAM, dtype=object)
    assert_allclose(cross_entropy(obj, HAM_SPAM_PROBA, labels=["ham", "spam"]), 0.7469410)


def test_log_loss_single_label_needs_labels():
    # test_log_loss: y_true [2, 2] alone raises; with labels=[1, 2] the loss is
    # -mean(log 0.9). Here too label 2 is not a column index of two columns.
    with pytest.raises(ValueError, match="label 2, but proba has 2 columns"):
        cross_entropy([2, 2], [[0.2, 0.8], [0.6, 0.4]])
    y_score = np.array([[0.1, 0.9], [0.1, 0.9]])
    assert_allclose(cross_entropy([2, 2], y_score, labels=[1, 2]), -np.mean(np.log(0.9)))


def test_log_loss_inconsistent_numbers_of_samples():
    # test_log_loss: "Found input variables with inconsistent numbers of samples: [3, 2]".
    with pytest.raises(ValueError, match="inconsistent numbers of samples: y_true has 2"):
        cross_entropy([2, 2], [[0.2, 0.8], [0.6, 0.4], [0.7, 0.3]], labels=[1, 2])


def test_log_loss_labels_with_a_class_absent_from_y_true():
    # test_log_loss: "ensure labels work when len(np.unique(y_true)) != y_proba.shape[1]".
    y_score2 = [[0.7, 0.1, 0.2], [0.2, 0.7, 0.1], [0.1, 0.7, 0.2]]
    assert_allclose(cross_entropy([1, 2, 2], y_score2, labels=[1, 2, 3]), -np.log(0.7))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_log_loss_eps(dtype):
    # test_log_loss_eps: the clipping epsilon follows the dtype; the loss stays finite.
    y_true = np.array([0, 1], dtype=dtype)
    y_proba = np.array([1, 0], dtype=dtype)
    assert np.isfinite(cross_entropy(y_true, y_proba))


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_log_loss_not_probabilities_warning(dtype):
    # test_log_loss_not_probabilities_warning: rows not summing to one warn.
    y_true = np.array([0, 1, 1, 0])
    y_proba = np.array([[0.2, 0.7], [0.6, 0.3], [0.4, 0.7], [0.8, 0.3]], dtype=dtype)
    with pytest.warns(UserWarning, match="do not sum to one"):
        cross_entropy(y_true, y_proba)


@pytest.mark.parametrize(
    ("y_true", "y_proba"),
    [
        ([0, 1, 0], [0, 1, 0]),
        ([0, 1, 0], [[1, 0], [0, 1], [1, 0]]),
        ([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    ],
)
def test_log_loss_perfect_predictions(y_true, y_proba):
    # test_log_loss_perfect_predictions: 0 up to the clipping.
    assert cross_entropy(y_true, y_proba) == pytest.approx(0)


def test_log_loss_pandas_input():
    # test_log_loss_pandas_input: Series of labels and DataFrame of probabilities, 0.7469410.
    y_true, y_proba = pd.Series(HAM_SPAM), pd.DataFrame(HAM_SPAM_PROBA)
    assert_allclose(cross_entropy(y_true, y_proba, labels=["ham", "spam"]), 0.7469410)
    # DIFFERENCE: without labels= the message says how to fix the input.
    with pytest.raises(ValueError, match=r"labels=\['ham', 'spam'\]"):
        cross_entropy(y_true, y_proba)
    categorical = pd.Series(HAM_SPAM, dtype="category")
    assert_allclose(cross_entropy(categorical, y_proba, labels=["ham", "spam"]), 0.7469410)


def test_log_loss_warnings_on_unsorted_labels():
    # test_log_loss_warnings: labels ["spam", "eggs", "ham"] are not sorted; scikit-learn
    # warns and reads the columns in sorted order. DIFFERENCE: we warn and read them in
    # the order given, so row i (one-hot on column i) is certain of labels[i].
    y_true = ["eggs", "spam", "ham"]
    y_proba = np.eye(3)
    with pytest.warns(LabelOrderWarning, match="not sorted"):
        value = cross_entropy(y_true, y_proba, labels=["spam", "eggs", "ham"])
    # Given order: eggs -> column 1 (row 0 gives it 0), spam -> column 0 (row 1: 0),
    # ham -> column 2 (row 2: 1).
    eps = np.finfo(float).eps
    assert_allclose(value, -(2 * np.log(eps) + np.log(1 - eps)) / 3)
    with pytest.warns(LabelOrderWarning):
        assert cross_entropy(y_true, y_proba, labels=["eggs", "spam", "ham"]) == pytest.approx(0)


# ================================================================ hinge_loss
def test_hinge_loss_binary():
    # test_hinge_loss_binary: 1.2 / 4 for labels -1/+1 and for labels 0/2.
    pred_decision = np.array([-8.5, 0.5, 1.5, -0.3])
    assert hinge_loss(np.array([-1, 1, 1, -1]), pred_decision) == pytest.approx(1.2 / 4)
    y02 = np.array([0, 2, 2, 0])
    # DIFFERENCE: labels 0 and 2 are not 0/1 or -1/+1; name [negative, positive].
    assert hinge_loss(y02, pred_decision, labels=[0, 2]) == pytest.approx(1.2 / 4)
    with pytest.raises(ValueError, match="label 2, but a 1D input"):
        hinge_loss(y02, pred_decision)


def test_hinge_loss_single_class_is_read_by_the_label_rule():
    # Not a scikit-learn test case, but its behaviour next to ours. DIFFERENCE: with one
    # class in y_true, scikit-learn's LabelBinarizer makes every sample negative
    # (hinge_loss([1, 1], [0.5, 2.0]) is 2.25); here label 1 is positive in any batch.
    assert hinge_loss([1, 1], [0.5, 2.0]) == pytest.approx((0.5 + 0.0) / 2)
    assert hinge_loss([0, 0], [0.5, 2.0]) == pytest.approx((1.5 + 3.0) / 2)


MULTICLASS_SCORES = np.array(
    [
        [+0.36, -0.17, -0.58, -0.99],
        [-0.54, -0.37, -0.48, -0.58],
        [-1.45, -0.58, -0.38, -0.17],
        [-0.54, -0.38, -0.48, -0.58],
        [-2.36, -0.79, -0.27, +0.24],
        [-1.45, -0.58, -0.38, -0.17],
    ]
)
MULTICLASS_Y = np.array([0, 1, 2, 1, 3, 2])
MULTICLASS_PAIRS = [(0, 1), (1, 2), (2, 3), (1, 2), (3, 2), (2, 3)]


def test_hinge_loss_multiclass():
    # test_hinge_loss_multiclass.
    expected = _crammer_singer(MULTICLASS_SCORES, MULTICLASS_PAIRS)
    assert multiclass_hinge(MULTICLASS_Y, MULTICLASS_SCORES) == pytest.approx(expected)
    assert hinge_loss(MULTICLASS_Y, MULTICLASS_SCORES) == pytest.approx(expected)


def test_hinge_loss_multiclass_missing_labels_with_labels_none():
    # test_hinge_loss_multiclass_missing_labels_with_labels_none: y_true [0, 1, 2, 2] with
    # four columns; scikit-learn raises ("Please include all labels in y_true or pass
    # labels"). DIFFERENCE: integer labels are the column indices, so the loss is defined.
    scores = np.array(
        [
            [+1.27, 0.034, -0.68, -1.40],
            [-1.45, -0.58, -0.38, -0.17],
            [-2.36, -0.79, -0.27, +0.24],
            [-2.36, -0.79, -0.27, +0.24],
        ]
    )
    expected = _crammer_singer(scores, [(0, 1), (1, 3), (2, 3), (2, 3)])
    assert multiclass_hinge([0, 1, 2, 2], scores) == pytest.approx(expected)


def test_hinge_loss_multiclass_no_consistent_pred_decision_shape():
    # test_hinge_loss_multiclass_no_consistent_pred_decision_shape: 1D scores with a
    # multiclass target, and 2 columns with labels=[0, 1, 2], both raise.
    y_true = np.array([2, 1, 0, 1, 0, 1, 1])
    with pytest.raises(ValueError, match="label 2, but a 1D input"):
        hinge_loss(y_true, np.array([0, 1, 2, 1, 0, 2, 1]))
    with pytest.raises(ValueError, match="scores is 1D"):
        multiclass_hinge(y_true, np.array([0, 1, 2, 1, 0, 2, 1]))
    two_columns = np.array([[0, 1], [0, 1], [0, 1], [0, 1], [2, 0], [0, 1], [1, 0]])
    with pytest.raises(ValueError, match="labels has 3 classes but scores has 2 columns"):
        hinge_loss(y_true, two_columns, labels=[0, 1, 2])


def test_hinge_loss_multiclass_with_missing_labels():
    # test_hinge_loss_multiclass_with_missing_labels: labels [0, 1, 2, 3], class 3 absent.
    scores = np.array(
        [
            [+0.36, -0.17, -0.58, -0.99],
            [-0.55, -0.38, -0.48, -0.58],
            [-1.45, -0.58, -0.38, -0.17],
            [-0.55, -0.38, -0.48, -0.58],
            [-1.45, -0.58, -0.38, -0.17],
        ]
    )
    y_true = np.array([0, 1, 2, 1, 2])
    expected = _crammer_singer(scores, [(0, 1), (1, 2), (2, 3), (1, 2), (2, 3)])
    assert multiclass_hinge(y_true, scores, labels=np.array([0, 1, 2, 3])) == pytest.approx(
        expected
    )


def test_hinge_loss_multiclass_missing_labels_only_two_unq_in_y_true():
    # test_hinge_loss_multiclass_missing_labels_only_two_unq_in_y_true (sklearn #17630).
    scores = np.array(
        [
            [+0.36, -0.17, -0.58],
            [-0.15, -0.58, -0.48],
            [-1.45, -0.58, -0.38],
            [-0.55, -0.78, -0.42],
            [-1.45, -0.58, -0.38],
        ]
    )
    y_true = np.array([0, 2, 2, 0, 2])
    expected = _crammer_singer(scores, [(0, 1), (2, 0), (2, 1), (0, 2), (2, 1)])
    assert hinge_loss(y_true, scores, labels=np.array([0, 1, 2])) == pytest.approx(expected)


def test_hinge_loss_multiclass_invariance_lists():
    # test_hinge_loss_multiclass_invariance_lists: string labels and nested lists.
    y_true = ["blue", "green", "red", "green", "white", "red"]
    scores = [
        [+0.36, -0.17, -0.58, -0.99],
        [-0.55, -0.38, -0.48, -0.58],
        [-1.45, -0.58, -0.38, -0.17],
        [-0.55, -0.38, -0.48, -0.58],
        [-2.36, -0.79, -0.27, +0.24],
        [-1.45, -0.58, -0.38, -0.17],
    ]
    expected = _crammer_singer(np.array(scores), MULTICLASS_PAIRS)
    labels = ["blue", "green", "red", "white"]  # DIFFERENCE: strings need labels=
    assert multiclass_hinge(y_true, scores, labels=labels) == pytest.approx(expected)


# ================================================================ accuracy, zero_one_loss
def test_multilabel_accuracy_and_zero_one_loss_are_refused():
    # test_multilabel_accuracy_score_subset_accuracy / test_multilabel_zero_one_loss_subset:
    # scikit-learn scores indicator matrices (0.5 here). DIFFERENCE: not supported; the
    # message names the argument and the shape.
    y1 = np.array([[0, 1, 1], [1, 0, 1]])
    y2 = np.array([[0, 0, 1], [1, 0, 1]])
    for metric in (accuracy, zero_one_loss):
        with pytest.raises(ValueError, match=r"Expected 1D array of labels for y_true"):
            metric(y1, y2)
    # What scikit-learn computes, the share of rows predicted exactly: 0.5.
    rows = [" ".join(map(str, r)) for r in y1], [" ".join(map(str, r)) for r in y2]
    assert accuracy(*rows) == 0.5 and zero_one_loss(*rows) == 0.5


# ================================================================ regression
def test_regression_metrics():
    # test_regression.py::test_regression_metrics: y_pred = y_true + 1 gives 1.0.
    y_true = np.arange(50)
    assert_allclose(mse(y_true, y_true + 1), 1.0)
    assert_allclose(mae(y_true, y_true + 1), 1.0)


def test_regression_metrics_at_limits():
    # test_regression.py::test_regression_metrics_at_limits: single sample, 0.0.
    assert mse([0.0], [0.0]) == 0.0
    assert mae([0.0], [0.0]) == 0.0


def test_regression_multioutput_array():
    # test_regression.py::test_regression_multioutput_array: raw values [0.125, 0.5625]
    # (MSE) and [0.25, 0.625] (MAE); ours is their uniform average. Then 1.0 for all-ones.
    y_true = [[1, 2], [2.5, -1], [4.5, 3], [5, 7]]
    y_pred = [[1, 1], [2, -1], [5, 4], [5, 6.5]]
    assert_allclose(mse(y_true, y_pred), np.mean([0.125, 0.5625]))
    assert_allclose(mae(y_true, y_pred), np.mean([0.25, 0.625]))
    assert_allclose(mse([[0, 0]] * 4, [[1, 1]] * 4), 1.0)
    assert_allclose(mae([[0, 0]] * 4, [[1, 1]] * 4), 1.0)


def test_check_reg_targets_column_against_vector():
    # test_regression.py::test__check_reg_targets: scikit-learn reshapes a 1D y to (n, 1).
    # DIFFERENCE: shapes must match; the message says how to fix it.
    with pytest.raises(ValueError, match=r"shape \(3, 1\) .* shape \(3,\).*ravel"):
        mse([[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0])


# ================================================================ calibration
def test_calibration_curve_upper_half():
    # sklearn/tests/test_calibration.py::test_calibration_curve: y [0, 0, 0, 1, 1, 1], p
    # [0, .1, .2, .8, .9, 1], n_bins=2 gives prob_true [0, 1], prob_pred [0.1, 0.9].
    # calibration_curve bins the positive-class probability; calibration_bins the top-label
    # confidence max(p, 1 - p) (Guo et al.). They agree where every p >= 1/2: the upper
    # bin, accuracy 1 at confidence 0.9.
    table = calibration_bins([1, 1, 1], [0.8, 0.9, 1.0], n_bins=2)
    assert_allclose(table.accuracy[1], 1.0)
    assert_allclose(table.confidence[1], 0.9)
    # The lower half read as the negative class: all correct, confidence 0.9 as well.
    table = calibration_bins([0, 0, 0], [0.0, 0.1, 0.2], n_bins=2)
    assert_allclose([table.accuracy[1], table.confidence[1]], [1.0, 0.9])
    # "Probabilities outside [0, 1] should not be accepted at all."
    with pytest.raises(ValueError, match=r"proba must hold probabilities in \[0, 1\]"):
        calibration_bins([1], [-0.1])
    with pytest.raises(ValueError, match=r"proba must hold probabilities in \[0, 1\]"):
        expected_calibration_error([1], [-0.1])


@pytest.mark.parametrize("dtype_y_str", [str, object])
def test_calibration_curve_pos_label_error_str(dtype_y_str):
    # test_calibration_curve_pos_label_error_str: string targets without pos_label raise,
    # asking for {0, 1}, {-1, 1} or pos_label. Same rule in accuracy_by_threshold, and the
    # label rule (labels=) in calibration_bins.
    rng = np.random.RandomState(42)
    y1 = np.array(["spam"] * 3 + ["eggs"] * 2, dtype=dtype_y_str)
    y2 = rng.randint(0, 2, size=y1.size).astype(float)
    with pytest.raises(ValueError, match="only 0/1 and -1/\\+1 .* pos_label="):
        accuracy_by_threshold(y1, y2, [0.5])
    with pytest.raises(ValueError, match="only integer labels .* labels="):
        calibration_bins(y1, y2)


@pytest.mark.parametrize("dtype_y_str", [str, object])
def test_calibration_curve_pos_label(dtype_y_str):
    # test_calibration_curve_pos_label: with pos_label the string labels give the result of
    # the 0/1 labels. Our counterpart of the positive class is pos_label (thresholds) and
    # labels=[negative, positive] (calibration).
    y_true = np.array([0, 0, 0, 1, 1, 1, 1, 1, 1])
    classes = np.array(["spam", "egg"], dtype=dtype_y_str)
    y_true_str = classes[y_true]
    y_pred = np.array([0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0])
    t = [0.25, 0.5, 0.75]
    assert_allclose(
        accuracy_by_threshold(y_true_str, y_pred, t, pos_label="egg"),
        accuracy_by_threshold(y_true, y_pred, t),
    )
    assert_allclose(
        accuracy_by_threshold(y_true_str, 1 - y_pred, t, pos_label="spam"),
        accuracy_by_threshold(1 - y_true, 1 - y_pred, t),
    )
    with pytest.warns(LabelOrderWarning):  # "spam" > "egg": [negative, positive] unsorted
        by_name = calibration_bins(y_true_str, y_pred, n_bins=4, labels=["spam", "egg"])
    by_index = calibration_bins(y_true, y_pred, n_bins=4)
    assert_allclose(by_name.accuracy, by_index.accuracy)


# ================================================================ sample weights
def _weighted_cases():
    rng = np.random.RandomState(0)
    y = rng.randint(0, 3, 20)
    p = rng.dirichlet(np.ones(3), 20)
    y_bin = y % 2
    scores = rng.normal(size=20)
    values = rng.normal(size=20)
    return [
        ("cross_entropy", cross_entropy, y, p),
        ("cross_entropy binary", cross_entropy, y_bin, p[:, 0]),
        ("accuracy", accuracy, y, p.argmax(axis=1)),
        ("zero_one_loss", zero_one_loss, y, p.argmax(axis=1)),
        ("hinge_loss", hinge_loss, y_bin, scores),
        ("multiclass_hinge", multiclass_hinge, y, p),
        ("mse", mse, values, values + scores),
        ("mae", mae, values, values + scores),
        ("expected_calibration_error", expected_calibration_error, y, p),
    ]


@pytest.mark.parametrize(("name", "metric", "y1", "y2"), _weighted_cases())
def test_sample_weight_invariance(name, metric, y1, y2):
    # sklearn/metrics/tests/test_common.py::check_sample_weight_invariance: unit weights
    # equal no weights; weights change the score; a list equals an array; integer weights
    # equal repeated samples; zero weights equal removed samples; scaling the weights
    # (by 2 and 0.3) changes nothing.
    sample_weight = np.random.RandomState(0).randint(1, 10, size=len(y1))
    unweighted = metric(y1, y2)
    assert_allclose(metric(y1, y2, sample_weight=np.ones(len(y1))), unweighted)
    weighted = metric(y1, y2, sample_weight=sample_weight)
    assert not np.isclose(weighted, unweighted), name
    assert_allclose(metric(y1, y2, sample_weight=sample_weight.tolist()), weighted)
    repeated = metric(np.repeat(y1, sample_weight, axis=0), np.repeat(y2, sample_weight, axis=0))
    assert_allclose(weighted, repeated)
    zeroed = sample_weight.copy()
    zeroed[::2] = 0
    subset = metric(y1[1::2], y2[1::2], sample_weight=sample_weight[1::2])
    assert_allclose(metric(y1, y2, sample_weight=zeroed), subset)
    for scaling in (2, 0.3):
        assert_allclose(metric(y1, y2, sample_weight=sample_weight * scaling), weighted)


# ================================================================ weighted, against sklearn
@st.composite
def _weighted_classification(draw):
    n = draw(st.integers(2, 30))
    k = draw(st.integers(2, 5))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    raw = draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0.01, 1.0)))
    w = draw(hnp.arrays(np.float64, n, elements=st.floats(0.0, 10.0)))
    w[0] += 0.5  # the weights never sum to 0
    return y, raw / raw.sum(axis=1, keepdims=True), w, k


@settings(max_examples=60)
@given(_weighted_classification())
def test_weighted_classification_metrics_equal_sklearn(case):
    y, p, w, k = case
    labels = np.arange(k)
    assert_allclose(
        cross_entropy(y, p, sample_weight=w),
        sk.log_loss(y, p, labels=labels, sample_weight=w),
        rtol=1e-12,
    )
    y_bin = y % 2
    assert_allclose(
        cross_entropy(y_bin, p[:, 1], sample_weight=w),
        sk.log_loss(y_bin, p[:, 1], labels=[0, 1], sample_weight=w),
        rtol=1e-12,
    )
    pred = p.argmax(axis=1)
    assert_allclose(accuracy(y, pred, sample_weight=w), sk.accuracy_score(y, pred, sample_weight=w))
    assert_allclose(
        zero_one_loss(y, pred, sample_weight=w),
        sk.zero_one_loss(y, pred, sample_weight=w),
        atol=1e-15,
    )
    if k > 2:  # with two columns scikit-learn takes the binary path, needing 1D scores
        assert_allclose(
            multiclass_hinge(y, p, sample_weight=w),
            sk.hinge_loss(y, p, labels=labels, sample_weight=w),
            rtol=1e-12,
        )
    if len(np.unique(y_bin)) == 2:  # scikit-learn's binarizer needs both classes
        scores = p[:, 0] - 0.5
        assert_allclose(
            hinge_loss(y_bin, scores, sample_weight=w),
            sk.hinge_loss(y_bin, scores, sample_weight=w),
            rtol=1e-12,
        )


@settings(max_examples=60)
@given(st.data(), st.integers(1, 30))
def test_weighted_regression_metrics_equal_sklearn(data, n):
    y = data.draw(hnp.arrays(np.float64, (n, 2), elements=st.floats(-1e3, 1e3)))
    yhat = data.draw(hnp.arrays(np.float64, (n, 2), elements=st.floats(-1e3, 1e3)))
    w = data.draw(hnp.arrays(np.float64, n, elements=st.floats(0.0, 10.0)))
    w[0] += 0.5
    for ours, theirs in ((mse, sk.mean_squared_error), (mae, sk.mean_absolute_error)):
        assert_allclose(
            ours(y, yhat, sample_weight=w), theirs(y, yhat, sample_weight=w), rtol=1e-10, atol=1e-10
        )
        assert_allclose(
            ours(y[:, 0], yhat[:, 0], sample_weight=w),
            theirs(y[:, 0], yhat[:, 0], sample_weight=w),
            rtol=1e-10,
            atol=1e-10,
        )
