"""Tests of lossacc_helpers.calibration: bins, ECE, reliability diagram, temperature scaling."""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from numpy.testing import assert_allclose, assert_array_equal
from scipy.special import expit
from scipy.special import softmax as scipy_softmax
from sklearn.calibration import calibration_curve

from lossacc_helpers.calibration import (
    calibration_bins,
    expected_calibration_error,
    fit_temperature,
    reliability_diagram,
    softmax,
)
from lossacc_helpers.classification import accuracy, cross_entropy_from_logits


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def sample_labels(proba: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Draw one label per row from the categorical distribution of that row."""
    u = rng.random(len(proba))
    return (proba.cumsum(axis=1) < u[:, None]).sum(axis=1).clip(max=proba.shape[1] - 1)


@pytest.fixture(scope="module")
def synthetic() -> tuple[np.ndarray, np.ndarray]:
    """Logits and labels drawn from softmax(logits): a perfectly calibrated model."""
    rng = np.random.default_rng(0)
    logits = rng.normal(0.0, 2.0, size=(20_000, 4))
    labels = sample_labels(scipy_softmax(logits, axis=1), rng)
    return logits, labels


# --- calibration_bins and expected_calibration_error ------------------------------------


def test_hand_computed_table_and_ece() -> None:
    # Top-label confidences: 0.9, 0.7, 0.6, 0.9 (binary: max(p, 1 - p)); 0.8 -> 0.8.
    # Correct?              yes,  no,  yes, no,               0.2 for y=0 -> yes.
    y = [1, 0, 1, 0, 0]
    p = [0.9, 0.7, 0.6, 0.9, 0.2]
    table = calibration_bins(y, p, n_bins=5)
    assert_allclose(table.edges, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert table.counts.tolist() == [0, 0, 1, 2, 2]
    assert_allclose(table.accuracy[2:], [1.0, 0.5, 0.5])
    assert_allclose(table.confidence[2:], [0.6, 0.75, 0.9])
    assert np.isnan(table.accuracy[:2]).all() and np.isnan(table.confidence[:2]).all()
    # ECE = 1/5 * |1 - 0.6| + 2/5 * |0.5 - 0.75| + 2/5 * |0.5 - 0.9|
    expected = 0.2 * 0.4 + 0.4 * 0.25 + 0.4 * 0.4
    assert_allclose(expected_calibration_error(y, p, n_bins=5), expected)
    assert_allclose(table.ece, expected)
    assert table.n_samples == 5


def test_bin_edges_are_left_open_and_zero_is_in_the_first_bin() -> None:
    # Three classes: confidences exactly on edges 0.4 and 0.6, and 1.0.
    proba = [[0.4, 0.3, 0.3], [0.6, 0.2, 0.2], [1.0, 0.0, 0.0]]
    table = calibration_bins([0, 0, 0], proba, n_bins=5, labels=[0, 1, 2])
    assert table.counts.tolist() == [0, 1, 1, 0, 1]  # (0.2, 0.4], (0.4, 0.6], (0.8, 1]
    # Binary 1D: confidence max(p, 1 - p) is never 0; a 2D row of zeros would be: bin 1.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # rows that do not sum to one
        zero_row = calibration_bins([0], [[0.0, 0.0]], n_bins=4, labels=[0, 1])
    assert zero_row.counts.tolist() == [1, 0, 0, 0]


def test_one_dimensional_binary_equals_two_columns() -> None:
    rng = np.random.default_rng(1)
    p = rng.random(500)
    y = (rng.random(500) < p).astype(int)
    one = calibration_bins(y, p, n_bins=10)
    two = calibration_bins(y, np.column_stack([1 - p, p]), n_bins=10)
    assert_array_equal(one.counts, two.counts)
    assert_allclose(one.accuracy, two.accuracy, equal_nan=True)
    assert_allclose(one.confidence, two.confidence, equal_nan=True)
    assert expected_calibration_error(y, p) == expected_calibration_error(
        y, np.column_stack([1 - p, p])
    )


def test_agrees_with_sklearn_calibration_curve_for_the_positive_class() -> None:
    # sklearn bins the positive-class probability; our top label is the positive class
    # exactly when p > 0.5, so on such predictions both tables are the same table.
    rng = np.random.default_rng(2)
    p = rng.uniform(0.5, 1.0, 2000)
    p = p[p > 0.5]
    y = (rng.random(len(p)) < p**2).astype(int)  # miscalibrated on purpose
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    table = calibration_bins(y, p, n_bins=10)
    filled = table.counts > 0
    assert_allclose(table.accuracy[filled], prob_true)
    assert_allclose(table.confidence[filled], prob_pred)


def test_agrees_with_sklearn_calibration_curve_on_correctness_for_any_model(synthetic) -> None:
    # In general the top-label table is calibration_curve of (correct, confidence).
    logits, labels = synthetic
    proba = softmax(logits * 2.0)
    correct = (proba.argmax(axis=1) == labels).astype(int)
    prob_true, prob_pred = calibration_curve(correct, proba.max(axis=1), n_bins=15)
    table = calibration_bins(labels, proba)
    filled = table.counts > 0
    assert_allclose(table.accuracy[filled], prob_true)
    assert_allclose(table.confidence[filled], prob_pred)


def test_ece_small_when_calibrated_and_large_when_overconfident(synthetic) -> None:
    logits, labels = synthetic
    calibrated = expected_calibration_error(labels, softmax(logits))
    overconfident = expected_calibration_error(labels, softmax(3.0 * logits))
    assert calibrated < 0.015
    assert overconfident > 0.1
    # Overconfident: in the well-filled bins the accuracy falls short of the confidence.
    table = calibration_bins(labels, softmax(3.0 * logits))
    busy = table.counts > 200
    assert np.all(table.accuracy[busy] <= table.confidence[busy])


def test_string_labels_and_labels_argument() -> None:
    y = np.array(["cat", "dog", "dog"])
    proba = [[0.8, 0.1, 0.1], [0.3, 0.6, 0.1], [0.2, 0.1, 0.7]]
    # Columns follow labels as given: cat, dog, emu; the last prediction (emu) is wrong.
    ece = expected_calibration_error(y, proba, n_bins=10, labels=["cat", "dog", "emu"])
    expected = (abs(1 - 0.8) + abs(1 - 0.6) + abs(0 - 0.7)) / 3
    assert_allclose(ece, expected)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (([0, 1], [0.2, 1.3]), {}, ValueError, r"proba must hold probabilities in \[0, 1\]"),
        (([0, 1, 1], [0.2, 0.3]), {}, ValueError, "inconsistent numbers of samples"),
        (([0, 1], [0.2, np.nan]), {}, ValueError, "proba contains 1 NaN"),
        (([0, 1, 2], [0.2, 0.3, 0.4]), {}, ValueError, "label 2, but a 1D input"),
        (([0, 3], [[0.5, 0.5], [0.5, 0.5]]), {"labels": [0, 1]}, ValueError, "not in labels"),
        (([0, 1, 3], [[0.5, 0.5]] * 3), {}, ValueError, "label 3, but proba has 2 columns"),
        (([0, 1], [[0.5, 0.5], [0.5, 0.5]]), {"labels": [0, 1, 2]}, ValueError, "3 classes"),
        (([0, 1], [0.2, 0.3]), {"sample_weight": [1, -1]}, ValueError, "non-negative"),
        (([0, 1], ["a", "b"]), {}, TypeError, "proba must hold numbers"),
        (([0, 1], [0.2, 0.3]), {"n_bins": 0}, ValueError, r"n_bins must be in \[1, inf\]"),
        (([0, 1], [0.2, 0.3]), {"n_bins": 2.5}, TypeError, "n_bins must be an integer"),
        (([], []), {}, ValueError, "y_true is empty"),
    ],
)
def test_bins_and_ece_reject_bad_input(args, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        calibration_bins(*args, **kwargs)
    with pytest.raises(error, match=match):
        expected_calibration_error(*args, **kwargs)


def test_warns_when_rows_do_not_sum_to_one() -> None:
    with pytest.warns(UserWarning, match="do not sum to one"):
        expected_calibration_error([0, 1], [[0.5, 0.4], [0.2, 0.8]])


def test_table_is_read_only() -> None:
    table = calibration_bins([0, 1], [0.2, 0.9])
    with pytest.raises(ValueError, match="read-only"):
        table.counts[0] = 3


# --- reliability_diagram ----------------------------------------------------------------


def test_reliability_diagram_draws_bins_gap_diagonal_and_ece(synthetic) -> None:
    logits, labels = synthetic
    proba = softmax(3.0 * logits[:2000])
    y = labels[:2000]
    ax = reliability_diagram(y, proba, n_bins=10, label="network")
    table = calibration_bins(y, proba, n_bins=10)
    filled = table.counts > 0
    accuracy_bars, gap_bars = ax.containers
    assert_allclose([b.get_height() for b in accuracy_bars], table.accuracy[filled])
    assert_allclose([b.get_height() for b in gap_bars], (table.confidence - table.accuracy)[filled])
    assert_allclose([b.get_x() for b in accuracy_bars], table.edges[:-1][filled])
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[0] == f"network: accuracy (ECE = {table.ece:.3f})"
    assert "perfect calibration" in texts
    diagonal = ax.get_lines()[0]
    assert_allclose(diagonal.get_xydata(), [[0, 0], [1, 1]])
    assert ax.get_xlabel() == "confidence (top-label probability)"
    assert ax.get_ylabel() == "accuracy"
    counts = [int(t.get_text()) for t in ax.texts]
    assert counts == table.counts[filled].tolist()


def test_reliability_diagram_on_given_axes_without_counts() -> None:
    fig, ax = plt.subplots()
    returned = reliability_diagram([0, 1, 1], [0.3, 0.8, 0.4], ax=ax, show_counts=False)
    assert returned is ax
    assert len(ax.texts) == 0
    assert ax.get_legend().get_texts()[0].get_text().startswith("accuracy (ECE = ")


def test_reliability_diagram_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes or None, got list"):
        reliability_diagram([0, 1], [0.2, 0.7], ax=[])
    with pytest.raises(TypeError, match="show_counts must be True or False"):
        reliability_diagram([0, 1], [0.2, 0.7], show_counts="yes")
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        reliability_diagram([0, 1], [0.2])
    assert isinstance(reliability_diagram([0, 1], [0.2, 0.7]), Axes)


# --- softmax ----------------------------------------------------------------------------


def test_softmax_matches_scipy_and_is_stable() -> None:
    rng = np.random.default_rng(3)
    z = rng.normal(0, 3, size=(50, 5))
    assert_allclose(softmax(z), scipy_softmax(z, axis=1))
    assert_allclose(softmax(z, temperature=2.5), scipy_softmax(z / 2.5, axis=1))
    huge = softmax([[1e4, 0.0], [-1e4, 1e4]])
    assert np.isfinite(huge).all()
    assert_allclose(huge, [[1.0, 0.0], [0.0, 1.0]])


def test_softmax_of_a_vector_is_one_distribution_like_scipy() -> None:
    # Issue 12: a 1D input used to give elementwise sigmoids; scipy and PyTorch normalise it.
    z = np.array([-800.0, -2.0, 0.0, 1.5, 800.0])
    assert_allclose(softmax(z), scipy_softmax(z))
    assert softmax(z).sum() == pytest.approx(1.0)
    v = np.array([0.3, -1.0, 2.0])
    assert_allclose(softmax(v, temperature=0.5), scipy_softmax(2 * v))
    # Binary log-odds: the softmax of [0, z] is the sigmoid.
    log_odds = np.array([-800.0, -2.0, 0.0, 1.5, 800.0])
    pairs = np.column_stack([np.zeros_like(log_odds), log_odds])
    assert_allclose(softmax(pairs)[:, 1], expit(log_odds))


@pytest.mark.parametrize(
    ("logits", "kwargs", "error", "match"),
    [
        ([[1.0, 2.0]], {"temperature": 0.0}, ValueError, r"temperature must be in \(0, inf\]"),
        ([[1.0, 2.0]], {"temperature": -1.0}, ValueError, "temperature must be in"),
        ([[1.0, 2.0]], {"temperature": "2"}, TypeError, "temperature must be a real number"),
        ([[1.0, np.inf]], {}, ValueError, "logits contains 0 NaN and 1 infinite"),
        ([], {}, ValueError, "logits is empty"),
        ([[[1.0]]], {}, ValueError, "Expected 1D or 2D array for logits"),
    ],
)
def test_softmax_rejects_bad_input(logits, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        softmax(logits, **kwargs)


# --- fit_temperature --------------------------------------------------------------------


@pytest.mark.parametrize("true_temperature", [0.5, 2.5])
def test_recovers_a_known_temperature(synthetic, true_temperature) -> None:
    logits, labels = synthetic
    # Labels come from softmax(logits); the model reports logits * T, so dividing by
    # the fitted T should undo it.
    fitted = fit_temperature(labels, logits * true_temperature)
    assert fitted == pytest.approx(true_temperature, rel=0.03)


def test_recovers_a_known_temperature_for_binary_log_odds() -> None:
    rng = np.random.default_rng(4)
    log_odds = rng.normal(0.0, 2.0, 20_000)
    labels = (rng.random(20_000) < expit(log_odds)).astype(int)
    assert fit_temperature(labels, 4.0 * log_odds) == pytest.approx(4.0, rel=0.05)


def test_fitted_temperature_minimises_the_loss_and_keeps_accuracy(synthetic) -> None:
    logits, labels = synthetic
    overconfident = 3.0 * logits[:3000]
    y = labels[:3000]
    t = fit_temperature(y, overconfident)
    best = cross_entropy_from_logits(y, overconfident / t)
    for other in (0.9 * t, 1.1 * t, 1.0):
        assert best < cross_entropy_from_logits(y, overconfident / other)
    before = softmax(overconfident)
    after = softmax(overconfident, temperature=t)
    assert_array_equal(before.argmax(axis=1), after.argmax(axis=1))
    assert accuracy(y, before.argmax(axis=1)) == accuracy(y, after.argmax(axis=1))
    assert expected_calibration_error(y, after) < expected_calibration_error(y, before) / 3


def test_warns_when_the_optimum_is_at_a_bound(synthetic) -> None:
    logits, labels = synthetic
    with pytest.warns(UserWarning, match="lies at a bound"):
        fit_temperature(labels[:2000], 10.0 * logits[:2000], bounds=(0.5, 2.0))


@pytest.mark.parametrize(
    ("logits", "y", "kwargs", "error", "match"),
    [
        ([[1.0, 2.0]], [2], {}, ValueError, r"label 2, but logits has 2 columns, indexed 0 .. 1"),
        ([[1.0, 2.0]], [0, 1], {}, ValueError, "inconsistent numbers of samples"),
        ([[1.0, np.nan]], [0], {}, ValueError, "logits contains 1 NaN"),
        ([[1.0, 2.0]], ["a"], {}, ValueError, "only integer labels"),
        ([[1.0, 2.0]], [0], {"bounds": (2.0, 1.0)}, ValueError, "bounds must be increasing"),
        ([[1.0, 2.0]], [0], {"bounds": (0.0, 1.0)}, ValueError, r"bounds\[0\] must be in"),
        ([[1.0, 2.0]], [0], {"bounds": 3.0}, TypeError, r"bounds must be a pair"),
        ([[1.0, 2.0]], [0], {"bounds": (1, 2, 3)}, TypeError, r"bounds must be a pair"),
        ([[1.0, 2.0]], [0], {"bounds": (0.1, "9")}, TypeError, r"bounds\[1\] must be a real"),
    ],
)
def test_fit_temperature_rejects_bad_input(logits, y, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        fit_temperature(y, logits, **kwargs)
