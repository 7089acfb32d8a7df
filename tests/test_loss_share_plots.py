"""The loss-share figures draw the curves they claim and refuse bad input."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import lossacc_helpers as lah


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_cost_per_mistake_curves_stop_at_ln2_and_mark_cap_and_assumption():
    p = np.linspace(0.6, 0.999, 50)
    costs = {"m3": lah.cost_per_mistake(0.991, 0.2544, p)}
    fig, ax = plt.subplots()
    out = lah.plot_cost_per_mistake(p, costs, assumed=0.99, caps={"cap": 16.1}, ax=ax)
    assert out is ax and ax.get_yscale() == "log"
    drawn = ax.lines[0].get_ydata()
    assert np.all(np.isnan(drawn[costs["m3"] < np.log(2) - 1e-9]))
    assert np.nanmin(drawn) >= np.log(2) - 1e-9
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "m3",
        r"$\ln 2$: least cost of a mistake",
        "cap",
        "assumed in the table: 0.99",
    ]
    assert ax.get_ylabel() == "cost of each mistake (nats, log scale)"


def test_cost_per_mistake_plot_bad_input():
    with pytest.raises(ValueError, match=r"p_correct must be in \(0, 1\]"):
        lah.plot_cost_per_mistake([0.0, 0.5], {"m": [1, 2]})
    with pytest.raises(ValueError, match="length 2"):
        lah.plot_cost_per_mistake([0.4, 0.5], {"m": [1, 2, 3]})
    with pytest.raises(ValueError, match=r"caps\['c'\] must be in \(0"):
        lah.plot_cost_per_mistake([0.4, 0.5], {"m": [1, 2]}, caps={"c": -1})
    with pytest.raises(TypeError, match="non-empty mapping"):
        lah.plot_cost_per_mistake([0.4, 0.5], pd.DataFrame({"m": [1, 2]}).values)
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        lah.plot_cost_per_mistake([0.4, 0.5], {"m": [1, 2]}, ax=[])


def test_sorted_losses_marks_the_worst_and_gives_their_share():
    losses = pd.Series([0.1, 3.0, 0.01, 5.0, 0.2])
    fig, ax = plt.subplots()
    out = lah.plot_sorted_losses(losses, top_k=2, ax=ax)
    assert out is ax
    curve, worst, ln2 = ax.lines
    assert list(curve.get_ydata()) == [5.0, 3.0, 0.2, 0.1, 0.01]
    assert list(worst.get_xdata()) == [1, 2] and list(worst.get_ydata()) == [5.0, 3.0]
    assert to_hex(worst.get_color()) == lah.OKABE_ITO["vermillion"].lower()
    assert ln2.get_ydata()[0] == pytest.approx(np.log(2))
    share = 8.0 / losses.sum()
    assert ax.get_title() == f"the 2 worst of 5 samples carry {share:.0%} of the loss"
    assert [t.get_text() for t in ax.get_legend().get_texts()][1] == "the 2 worst samples"
    assert ax.get_xscale() == "log" and ax.get_ylabel() == "cross-entropy of the sample (nats)"


def test_sorted_losses_of_per_sample_cross_entropy():
    y = np.array([0, 1, 1, 0])
    losses = lah.per_sample_cross_entropy(y, [0.2, 0.9, 0.1, 0.99])
    ax = lah.plot_sorted_losses(losses, top_k=1, title="t")
    assert ax.get_title() == "t" and ax.lines[1].get_ydata()[0] == pytest.approx(-np.log(0.01))


@pytest.mark.parametrize(
    ("losses", "kwargs", "error", "match"),
    [
        ([0.1, -0.2], {}, ValueError, "non-negative"),
        ([0.1, 0.2], {"top_k": 3}, ValueError, r"top_k must be in \[1, 2\]"),
        ([0.1, 0.2], {"top_k": 1.5}, TypeError, "top_k must be an integer"),
        ([[0.1, 0.2]], {"top_k": 1}, ValueError, "1D"),
        ([], {}, ValueError, "empty"),
        ([0.1, np.nan], {"top_k": 1}, ValueError, "NaN"),
        (["a"], {"top_k": 1}, TypeError, "numbers"),
    ],
)
def test_sorted_losses_bad_input(losses, kwargs, error, match):
    with pytest.raises(error, match=match):
        lah.plot_sorted_losses(losses, **kwargs)
