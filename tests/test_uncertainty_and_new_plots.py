"""Intervals, the paired test, the test size of a claim, and the chapters' new figures."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from scipy.stats import binomtest

import lossacc_helpers as lah
from lossacc_helpers.plots import plot_cost_curve, plot_curves, plot_true_class_cost
from lossacc_helpers.uncertainty import paired_test, samples_for_margin, wilson_interval


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_wilson_matches_the_closed_form_and_stays_in_range():
    low, high = wilson_interval(991, 1000)
    assert low < 0.991 < high and 0 <= low and high <= 1
    assert wilson_interval(0, 10)[0] == 0.0 and wilson_interval(0, 10)[1] > 0.2
    assert wilson_interval(10, 10)[1] == 1.0 and wilson_interval(10, 10)[0] < 0.8
    narrow = wilson_interval(9910, 10000)
    assert narrow[1] - narrow[0] < high - low


@pytest.mark.parametrize(
    ("args", "error"),
    [((11, 10), ValueError), ((-1, 10), ValueError), ((1.5, 10), TypeError), ((1, 0), ValueError)],
)
def test_wilson_refuses_bad_counts(args, error):
    with pytest.raises(error):
        wilson_interval(*args)


def test_paired_test_is_the_exact_binomial_and_needs_disagreement():
    result = paired_test(15, 9)
    assert result.z == pytest.approx(6 / math.sqrt(24))
    assert result.pvalue == pytest.approx(binomtest(9, 24, 0.5).pvalue)
    assert paired_test(6, 0).pvalue == pytest.approx(1 / 32)
    with pytest.raises(ValueError, match="never disagree"):
        paired_test(0, 0)


def test_samples_for_margin():
    assert samples_for_margin(0.01) == 9604
    assert samples_for_margin(0.01, accuracy=0.985) < 600
    with pytest.raises(ValueError, match="margin"):
        samples_for_margin(0.0)


def test_plot_curves_labels_axes_and_puts_the_legend_below():
    ax = plot_curves(
        np.arange(5),
        {"a": np.arange(5.0), "b": np.ones(5)},
        xlabel="epoch",
        ylabel="loss (nats)",
        hlines={"ln 2": np.log(2)},
        points={"best": (2, 2.0)},
        title="t",
    )
    assert isinstance(ax, Axes) and ax.get_xlabel() == "epoch" and ax.get_ylabel() == "loss (nats)"
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["a", "b", "ln 2", "best"]
    assert legend.get_bbox_to_anchor().y0 < ax.get_window_extent().y0  # below the axes


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"curves": [1, 2, 3]}, TypeError),
        ({"curves": {"a": [1, 2]}}, ValueError),
        ({"curves": {"a": [1, 2, 3]}, "xlabel": ""}, ValueError),
        ({"curves": {"a": [1, 2, 3]}, "ax": "axes"}, TypeError),
    ],
)
def test_plot_curves_refuses_bad_input(kwargs, error):
    args = {"xlabel": "x", "ylabel": "y", **kwargs}
    with pytest.raises(error):
        plot_curves([0, 1, 2], **args)


def test_cost_curve_marks_costs_and_refuses_bad_probabilities():
    ax = plot_cost_curve({"p = 0.51": 0.51}, zero_one=True)
    assert isinstance(ax, Axes) and ax.get_xlabel().startswith("probability")
    assert ax.texts[0].get_text() == f"p = 0.51: {-np.log(0.51):.3f}"
    with pytest.raises(ValueError):
        plot_cost_curve({"bad": 0.0})
    with pytest.raises(TypeError):
        plot_cost_curve([0.5])


def test_true_class_cost_bars_are_the_losses_mistakes_first():
    y, proba = [1, 1, 1, 0], [0.9, 2e-8, 0.6, 0.3]
    ax = plot_true_class_cost(y, proba)
    heights = [patch.get_height() for patch in ax.patches]
    assert heights[0] == pytest.approx(-np.log(2e-8))  # the certain mistake is tall
    assert np.mean(heights) == pytest.approx(lah.cross_entropy(y, proba))
    assert ax.get_ylabel() == "cost of the prediction (nats)"
    with pytest.raises(TypeError):
        plot_true_class_cost(y, proba, ax=1)


def test_new_names_are_exported():
    for name in (
        "wilson_interval",
        "paired_test",
        "samples_for_margin",
        "plot_curves",
        "plot_cost_curve",
        "plot_true_class_cost",
        "PairedTest",
    ):
        assert name in lah.__all__ and getattr(lah, name) is not None


def test_the_bound_states_its_condition_and_a_tuned_threshold_breaks_it():
    # Defect 1 of issue 14: the ln 2 bound holds for argmax labels only.
    ax = lah.plot_loss_accuracy_region()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("most probable class" in label for label in labels)
    assert "most probable class" in lah.min_cross_entropy.__doc__
    y = np.r_[np.zeros(90, dtype=int), np.ones(10, dtype=int)]
    p = np.r_[np.full(90, 0.01), np.full(10, 0.96)]
    tuned_accuracy = lah.accuracy(y, (p > 0.97).astype(int))
    assert lah.cross_entropy(y, p) < lah.min_cross_entropy(tuned_accuracy)
    assert lah.cross_entropy(y, p) >= lah.min_cross_entropy(lah.accuracy(y, (p > 0.5) * 1))
