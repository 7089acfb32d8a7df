"""Inputs people get wrong, and the label rule: each case once gave a silent wrong answer.

The issue: "lossacc_helpers as a library people can trust with their own data: no silent
wrong answer, scikit-learn's conventions, near the speed limit". The sections below follow
its list: silent wrong numbers, crashes instead of messages, nonsense accepted, numerics,
traps in the API. (Speed is measured in benchmarks/bench_cross_entropy.py, not here.)
"""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal
from scipy.special import softmax as scipy_softmax
from sklearn.metrics import hinge_loss as sk_hinge_loss
from sklearn.metrics import log_loss

import lossacc_helpers as lah
from lossacc_helpers._validation import LabelOrderWarning


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# ------------------------------------------------------------- silent wrong numbers
# Three columns, labels 1..3; every row gives 0.8 to the column of its class (label - 1).
P3 = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.8, 0.1, 0.1]])
Y3 = np.array([1, 2, 3, 1])
WITHOUT_CLASS_3 = [0, 1, 3]


def test_labels_one_to_three_need_labels_instead_of_a_batch_dependent_guess():
    # Before: 0.2231 on four rows, 2.3026 on the three rows without class 3.
    with pytest.raises(ValueError, match=r"label 3, but proba has 3 columns.*labels="):
        lah.cross_entropy(Y3, P3)
    full = lah.cross_entropy(Y3, P3, labels=[1, 2, 3])
    part = lah.cross_entropy(Y3[WITHOUT_CLASS_3], P3[WITHOUT_CLASS_3], labels=[1, 2, 3])
    assert_allclose([full, part], -np.log(0.8))


@pytest.mark.parametrize(
    "metric",
    [
        lambda y, p, **kw: lah.correct_predictions(y, p, **kw).mean(),  # before: 1.0 -> 0.0
        lambda y, p, **kw: lah.expected_calibration_error(y, p, n_bins=5, **kw),  # 0.2 -> 0.8
        lambda y, p, **kw: lah.true_class_probability(y, p, **kw).mean(),
        lambda y, p, **kw: lah.per_sample_cross_entropy(y, p, **kw).mean(),
        lambda y, p, **kw: lah.calibration_bins(y, p, n_bins=5, **kw).ece,
    ],
)
def test_every_function_reading_probabilities_keeps_its_value_on_a_sub_batch(metric):
    full = metric(Y3, P3, labels=[1, 2, 3])
    part = metric(Y3[WITHOUT_CLASS_3], P3[WITHOUT_CLASS_3], labels=[1, 2, 3])
    assert full == pytest.approx(part)


def test_plots_read_the_columns_by_the_same_rule():
    for rows in (slice(None), WITHOUT_CLASS_3):
        ax = lah.plot_true_class_proba(Y3[rows], P3[rows], labels=[1, 2, 3])
        assert [b.get_height() for b in ax.patches] == pytest.approx([0.8] * len(Y3[rows]))
        ax = lah.reliability_diagram(Y3[rows], P3[rows], labels=[1, 2, 3], n_bins=5)
        assert "ECE = 0.200" in ax.get_legend().get_texts()[0].get_text()


def test_labels_five_and_seven_of_ten_columns_index_columns_five_and_seven():
    p = np.full((4, 10), 0.02)
    p[[0, 2], 5] = 0.82
    p[[1, 3], 7] = 0.82
    y = np.array([5, 7, 5, 7])
    per_row = lah.per_sample_cross_entropy(y, p)
    assert_allclose(per_row, -np.log(0.82))
    assert_allclose(lah.per_sample_cross_entropy(y[:1], p[:1]), per_row[:1])
    assert_allclose(lah.cross_entropy(y, p), log_loss(y, p, labels=np.arange(10)))


@st.composite
def _batch(draw):
    n = draw(st.integers(2, 30))
    k = draw(st.integers(2, 5))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, k - 1)))
    raw = draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0.01, 1.0)))
    keep = draw(hnp.arrays(np.bool_, n))
    keep[0] = True
    order = draw(st.permutations(range(n)))
    return y, raw / raw.sum(axis=1, keepdims=True), keep, np.array(order)


@given(_batch(), st.sampled_from([None, "strings"]))
def test_per_row_results_do_not_depend_on_the_rest_of_the_batch(case, naming):
    y, p, keep, order = case
    kwargs = {}
    if naming == "strings":
        names = np.array([f"class {j}" for j in range(p.shape[1])])
        y, kwargs = names[y], {"labels": names}
    for per_row in (lah.per_sample_cross_entropy, lah.true_class_probability):
        full = per_row(y, p, **kwargs)
        assert_allclose(per_row(y[keep], p[keep], **kwargs), full[keep])
        assert_allclose(per_row(y[order], p[order], **kwargs), full[order])
    full = lah.correct_predictions(y, p, **kwargs)
    assert_array_equal(lah.correct_predictions(y[keep], p[keep], **kwargs), full[keep])
    ece = lah.expected_calibration_error(y, p, **kwargs)
    assert lah.expected_calibration_error(y[order], p[order], **kwargs) == pytest.approx(ece)


@given(_batch())
def test_margins_of_a_row_do_not_depend_on_the_batch(case):
    y, p, keep, _ = case
    y = y % 2
    scores = p[:, 0] - 0.5
    assert_allclose(lah.margins(y[keep], scores[keep]), lah.margins(y, scores)[keep])


# ------------------------------------------------------------- crashes instead of messages
def test_pandas_string_column_with_one_class_gets_a_message():
    # Before: AttributeError: 'str' object has no attribute 'item'.
    y = pd.Series(["spam"] * 3)
    assert y.dtype == object or str(y.dtype) in {"str", "string"}
    with pytest.raises(ValueError, match=r"only integer labels .* labels="):
        lah.cross_entropy(y, [0.2, 0.4, 0.9])
    value = lah.cross_entropy(y, [0.2, 0.4, 0.9], labels=["ham", "spam"])
    assert value == pytest.approx(log_loss(y, [0.2, 0.4, 0.9], labels=["ham", "spam"]))


@pytest.mark.parametrize(
    "func",
    [lah.cross_entropy, lah.true_class_probability, lah.expected_calibration_error],
)
def test_none_labels_get_a_message(func):
    # Before: an internal "'<' not supported between instances of 'NoneType'" TypeError.
    with pytest.raises(ValueError, match=r"y_true holds 2 missing label\(s\) \(None"):
        func([None, None], [0.3, 0.6])


def test_loss_accuracy_region_refuses_a_list_of_pairs_with_a_message():
    # Before: AttributeError: 'list' object has no attribute 'items'.
    with pytest.raises(TypeError, match=r"models must be a mapping .* got list"):
        lah.plot_loss_accuracy_region([(0.9, 0.3)])
    assert lah.plot_loss_accuracy_region({"model": (0.9, 0.3)}).get_xlabel() == "accuracy"


# ------------------------------------------------------------- nonsense accepted
def test_accuracy_of_none_labels_is_refused():
    # Before: 1.0.
    with pytest.raises(ValueError, match="y_true holds 2 missing label"):
        lah.accuracy([None, None], [None, None])
    with pytest.raises(ValueError, match="1 missing as NaN"):
        lah.zero_one_loss(pd.Series([1, None, 2]), [1, 1, 2])  # float64 with NaN


@pytest.mark.parametrize(
    "labels",
    [
        np.array([[0, 1], [1]], dtype=object),
        np.array([{"a": 1}, {"b": 2}], dtype=object),
        pd.Series([[0, 1], [1]]),
    ],
)
def test_nested_values_are_not_labels(labels):
    with pytest.raises(TypeError, match="one label .* per sample, got (list|dict) values"):
        lah.accuracy(labels, labels)


@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [
        (
            {"ham": 0, "spam": 1},
            TypeError,
            "labels must be an ordered sequence of labels, got a dict",
        ),
        ({"ham", "spam"}, TypeError, "labels must be an ordered sequence of labels, got a set"),
        ([None, "spam"], ValueError, r"labels holds 1 missing label\(s\) \(None"),
        ([["ham"], ["spam"]], ValueError, "Expected 1D array of labels for labels"),
    ],
)
def test_labels_argument_must_be_a_sequence_of_labels(bad, error, match):
    with pytest.raises(error, match=match):
        lah.cross_entropy(["ham", "spam"], [0.2, 0.7], labels=bad)


def test_y_true_none_is_refused_with_its_name():
    with pytest.raises(TypeError, match="y_true is None"):
        lah.cross_entropy(None, [0.2, 0.7])
    with pytest.raises(TypeError, match="y_pred is None"):
        lah.accuracy([0, 1], None)


def test_unsorted_labels_are_respected_as_given_and_said_so():
    # Before: re-sorted without a word. Now the order given is the column order.
    p = [[0.9, 0.1], [0.2, 0.8]]
    with pytest.warns(LabelOrderWarning, match=r"labels=\['yes', 'no'\] is not sorted"):
        value = lah.cross_entropy(["yes", "no"], p, labels=["yes", "no"])
    assert value == pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lah.cross_entropy(["no", "yes"], p, labels=["no", "yes"])  # sorted: silent


# ------------------------------------------------------------- numerics
def test_fit_temperature_warns_on_separable_logits():
    # Before: 0.206 or 0.119, wherever the search stopped in the flat region, silently.
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(300, 3)) * 20
    y = logits.argmax(axis=1)
    with pytest.warns(lah.TemperatureFitWarning, match="classified correctly"):
        t = lah.fit_temperature(y, logits)
    assert t == 0.05
    with pytest.warns(lah.TemperatureFitWarning, match="classified correctly"):
        lah.fit_temperature(y, logits, bounds=(0.5, 5.0))


def test_fit_temperature_warns_when_given_probabilities():
    # Before: 0.248, silently.
    rng = np.random.default_rng(1)
    proba = scipy_softmax(rng.normal(size=(200, 4)) * 2, axis=1)
    y = np.array([rng.choice(4, p=row) for row in proba])
    with pytest.warns(lah.TemperatureFitWarning, match="look like probabilities.*np.log"):
        lah.fit_temperature(y, proba)
    assert issubclass(lah.TemperatureFitWarning, UserWarning)


def test_fit_temperature_is_data_first_and_says_so_when_swapped():
    z = np.array([2.0, -1.0, 0.5, -0.3])
    y = np.array([1, 0, 0, 1])
    assert lah.fit_temperature(y, z) > 0
    with pytest.raises(ValueError, match=r"non-integral.*fit_temperature\(y_true, logits\)"):
        lah.fit_temperature(z, y)


def test_softmax_does_not_overflow_when_dividing_by_the_temperature():
    # Before: [[nan, nan]].
    assert_array_equal(lah.softmax([[1e308, 0.0]], temperature=0.5), [[1.0, 0.0]])
    assert_array_equal(lah.softmax([[1e308, -1e308]], temperature=0.1), [[1.0, 0.0]])
    half = lah.softmax([[1e308, 1e308, -1e308]], temperature=0.5)
    assert_array_equal(half, [[0.5, 0.5, 0.0]])


def test_softmax_of_a_vector_is_one_distribution():
    # Before: elementwise sigmoids (summing to 1.5 here); scipy and PyTorch normalise.
    v = [0.0, 1.0, -1.0]
    assert_allclose(lah.softmax(v), scipy_softmax(v), rtol=1e-15)
    assert lah.softmax(v).sum() == pytest.approx(1.0)


def _ulps(value: float, exact: float) -> float:
    return abs(value - exact) / math.ulp(exact)


@pytest.mark.parametrize("margin", [1.0, 20.0, 30.0, 37.0, 40.0, 100.0, 300.0, 700.0])
def test_logit_cross_entropy_is_accurate_to_a_few_ulps(margin):
    # Before: 1.3 % off at margin 30 and 0 (100 % off) at margin 40.
    # Reference: -ln sigma(m) = log1p(e^-m); math.exp and math.log1p are correctly rounded
    # to within 1 ulp by the C library, and log1p has condition number <= 1, so the
    # composition is accurate to about 2 ulps.
    exact = math.log1p(math.exp(-margin))
    assert _ulps(lah.cross_entropy_from_logits([1], [margin]), exact) <= 4
    assert _ulps(lah.cross_entropy_from_logits([0], [-margin]), exact) <= 4
    assert _ulps(lah.cross_entropy_from_logits([0], [[margin, 0.0]]), exact) <= 4
    # Three classes: the third term, e**-(margin + 1e4 + 0.5), is 0 at any precision.
    three = [[0.5, -1e4, margin + 0.5]]
    assert _ulps(lah.cross_entropy_from_logits([2], three), exact) <= 4


@given(
    hnp.arrays(np.float64, (4,), elements=st.floats(-700, 700)),
    st.integers(0, 3),
)
def test_multiclass_logit_loss_matches_an_extended_precision_reference(row, label):
    # Reference in numpy.longdouble (80-bit extended on x86-64, 11 more bits than float64;
    # on platforms where it is plain float64 the test is skipped): the differences are
    # exact there, and log1p of the sum of the other exponentials is the loss when the
    # true class is the largest; otherwise (max - true) + log1p(...).
    if np.finfo(np.longdouble).eps >= np.finfo(np.float64).eps:
        pytest.skip("no extended precision")
    z = row.astype(np.longdouble)
    top = int(np.argmax(row))
    others = np.exp(np.delete(z, top) - z[top]).sum()
    exact = float((z[top] - z[label]) + np.log1p(others))
    value = lah.cross_entropy_from_logits([label], [row])
    if exact == 0:
        assert value == 0
    else:
        assert _ulps(value, exact) <= 8


def test_logit_docstring_no_longer_claims_exactness():
    doc = lah.cross_entropy_from_logits.__doc__
    assert "exact where" not in doc and "units in the last place" in doc


# ------------------------------------------------------------- traps in the API
def test_top_level_hinge_is_no_longer_a_per_margin_function():
    # Before: lah.hinge(y, s) failed with "takes 1 positional argument".
    with pytest.raises(AttributeError, match=r"margin\.hinge\(z\) or the metric hinge_loss"):
        lah.hinge  # noqa: B018
    for name in ("logistic", "squared", "zero_one", "exponential", "perceptron"):
        assert not hasattr(lah, name)
        assert callable(getattr(lah.margin, name))


def test_binary_hinge_metric_sits_beside_multiclass_hinge():
    y, s = np.array([0, 1, 1, 0]), np.array([-0.5, 2.0, 0.3, 0.8])
    assert lah.hinge_loss(y, s) == pytest.approx(sk_hinge_loss(y, s))
    assert lah.hinge_loss(y, s) == pytest.approx(lah.SURROGATES["hinge"].mean_loss(y, s))
    scores = np.column_stack([np.zeros(4), s, -s])
    y3 = np.array([0, 1, 2, 1])
    assert lah.hinge_loss(y3, scores) == pytest.approx(lah.multiclass_hinge(y3, scores))


def test_labels_means_the_column_order_everywhere():
    # cross_entropy, margins and hinge_loss read labels=[negative, positive] the same way.
    y = np.array(["ham", "spam", "spam"])
    p, s = np.array([0.2, 0.9, 0.6]), np.array([-1.0, 2.0, 0.5])
    labels = ["ham", "spam"]
    ce = lah.cross_entropy(y, p, labels=labels)
    assert ce == pytest.approx(lah.cross_entropy([0, 1, 1], p))
    assert_allclose(lah.margins(y, s, labels=labels), lah.margins([0, 1, 1], s))
    assert lah.hinge_loss(y, s, labels=labels) == pytest.approx(lah.hinge_loss([0, 1, 1], s))


def test_top_level_names_that_look_like_metrics_are_metrics():
    y, p = np.array([0, 1, 1]), np.array([0.3, 0.8, 0.4])
    metrics = [
        "accuracy",
        "zero_one_loss",
        "cross_entropy",
        "cross_entropy_from_logits",
        "hinge_loss",
        "multiclass_hinge",
        "mse",
        "mae",
        "expected_calibration_error",
    ]
    for name in metrics:
        func = getattr(lah, name)
        if name in {"accuracy", "zero_one_loss"}:
            args = (y, (p > 0.5).astype(int))
        elif name == "multiclass_hinge":
            args = (y, np.column_stack([1 - p, p]))
        else:
            args = (y, p)
        assert isinstance(func(*args), float)
        assert func(*args, sample_weight=[1, 2, 3]) == pytest.approx(
            func(*(np.repeat(a, [1, 2, 3], axis=0) for a in args))
        )


# ------------------------------------------------------------- inputs scikit-learn accepts
# "pandas Series/DataFrame, lists and (n, 1) columns give scikit-learn's number or a message
# that says how to fix the input: never a different number."
Y_INT = np.array([0, 2, 1, 2, 0])
P_3 = np.array(
    [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4], [0.5, 0.25, 0.25]]
)


@pytest.mark.parametrize(
    "convert",
    [
        lambda y, p: (y.tolist(), p.tolist()),
        lambda y, p: (pd.Series(y), pd.DataFrame(p)),
        lambda y, p: (pd.Series(y, index=[10, 3, 7, 1, 0]), pd.DataFrame(p, index=[4, 2, 0, 1, 3])),
        lambda y, p: (pd.Series(y, dtype="Int64"), pd.DataFrame(p, columns=["a", "b", "c"])),
        lambda y, p: (y.astype(np.uint8), np.asfortranarray(p)),
        lambda y, p: (y.astype(float), p.astype(np.float32)),
    ],
)
def test_other_containers_give_sklearns_number(convert):
    y, p = convert(Y_INT, P_3)
    assert cross_entropy_close(lah.cross_entropy(y, p), log_loss(Y_INT, P_3))
    pred = P_3.argmax(axis=1)
    assert lah.accuracy(y, pd.Series(pred)) == pytest.approx(np.mean(pred == Y_INT))


def cross_entropy_close(ours: float, theirs: float) -> bool:
    return ours == pytest.approx(theirs, rel=1e-6)


def test_pandas_probabilities_of_the_positive_class():
    y = pd.Series([0, 1, 1, 0])
    p = pd.Series([0.2, 0.7, 0.9, 0.4], index=list("abcd"))
    assert lah.cross_entropy(y, p) == pytest.approx(log_loss(y, p))
    assert lah.cross_entropy(y, p.to_frame()) == pytest.approx(log_loss(y, p.to_frame()))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: lah.cross_entropy(pd.DataFrame({"y": [0, 1]}), [0.2, 0.7]), r"y_true.*\(2, 1\)"),
        (lambda: lah.accuracy([[0], [1]], [0, 1]), r"y_true.*ravel\(\) \(numpy\) or a single"),
        (lambda: lah.accuracy([0, 1], pd.DataFrame({"p": [0, 1]})), r"y_pred.*\(2, 1\)"),
        (lambda: lah.mse([[1.0], [2.0]], [1.0, 2.0]), r"shape \(2, 1\).*ravel"),
        (lambda: lah.hinge_loss([[0], [1]], [0.5, -0.5]), r"y_true.*ravel"),
        (lambda: lah.accuracy([0, 1], [[0.2, 0.8], [0.6, 0.4]]), "Expected 1D array of labels"),
    ],
)
def test_column_vectors_get_a_message_saying_how_to_fix_them(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_warnings_point_at_the_callers_line():
    with pytest.warns(LabelOrderWarning) as record:
        lah.cross_entropy([1, 0], [0.3, 0.6], labels=[1, 0])
    assert record[0].filename == __file__
    with pytest.warns(UserWarning, match="do not sum to one") as record:
        lah.expected_calibration_error([0, 1], [[0.5, 0.4], [0.2, 0.8]])
    assert record[0].filename == __file__


# ------------------------------------------------------------- only ValueError and TypeError
WEIRD = [
    None,
    "ab",
    3,
    {"a": 1},
    {1, 2},
    [],
    [None, None],
    [[0, 1], [1]],
    [np.nan, 1.0],
    [1, "a"],
    [True, False],
    [[0.5, 0.5], [0.2, 0.8]],
    np.zeros((2, 0)),
    np.zeros((2, 2, 2)),
    np.array([1 + 1j, 2]),
    np.array(["2020-01-01", "2020-01-02"], dtype="datetime64[D]"),
    pd.Series(["x", None]),
    pd.Series([1, None], dtype="Int64"),
    pd.Series([pd.NA, pd.NA]),
    pd.DataFrame({"a": [0, 1]}),
    [object(), object()],
    [float("inf"), 1.0],
]
METRICS = {
    "cross_entropy": lah.cross_entropy,
    "true_class_probability": lah.true_class_probability,
    "correct_predictions": lah.correct_predictions,
    "cross_entropy_from_logits": lah.cross_entropy_from_logits,
    "expected_calibration_error": lah.expected_calibration_error,
    "accuracy": lah.accuracy,
    "zero_one_loss": lah.zero_one_loss,
    "mse": lah.mse,
    "mae": lah.mae,
    "hinge_loss": lah.hinge_loss,
    "multiclass_hinge": lah.multiclass_hinge,
    "margins": lah.margins,
    "fit_temperature": lah.fit_temperature,
    "accuracy_by_threshold": lambda y, p, **kw: lah.accuracy_by_threshold(y, p, [0.5], **kw),
    "plot_true_class_proba": lah.plot_true_class_proba,
}
TAKES_LABELS = {
    "cross_entropy",
    "true_class_probability",
    "correct_predictions",
    "cross_entropy_from_logits",
    "expected_calibration_error",
    "hinge_loss",
    "multiclass_hinge",
    "margins",
    "fit_temperature",
    "plot_true_class_proba",
}
TAKES_WEIGHTS = set(METRICS) - {
    "true_class_probability",
    "correct_predictions",
    "margins",
    "accuracy_by_threshold",
    "plot_true_class_proba",
}


@pytest.mark.parametrize("name", list(METRICS))
def test_bad_input_raises_value_or_type_errors_only(name):
    # No AttributeError, IndexError or KeyError from inside, whatever the argument holds.
    func = METRICS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for value in WEIRD:
            calls = [lambda v=value: func(v, [0.2, 0.7]), lambda v=value: func([0, 1], v)]
            if name in TAKES_LABELS:
                calls.append(lambda v=value: func([0, 1], [0.2, 0.7], labels=v))
            if name in TAKES_WEIGHTS:
                calls.append(lambda v=value: func([0, 1], [0.2, 0.7], sample_weight=v))
            for call in calls:
                try:
                    call()
                except (ValueError, TypeError):
                    pass
