import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import lossacc_helpers as lah

RNG = np.random.default_rng(3)
Y = RNG.integers(0, 3, 200)
Z = RNG.normal(scale=4, size=(200, 3)) + 3 * np.eye(3)[Y]
P = lah.softmax(Z)
P_SOFT = lah.softmax(Z, temperature=3.0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_reliability_diagrams_side_by_side_with_one_legend() -> None:
    axes = lah.plot_reliability_diagrams(Y, {"Before": P, "After": pd.DataFrame(P_SOFT)})
    eces = [lah.expected_calibration_error(Y, p) for p in (P, P_SOFT)]
    assert [ax.get_title() for ax in axes] == [
        f"Before: ECE = {eces[0]:.3f}",
        f"After: ECE = {eces[1]:.3f}",
    ]
    assert all(ax.get_legend() is None for ax in axes)
    assert axes[0].get_ylabel() == "accuracy" and axes[1].get_ylabel() == ""
    entries = [t.get_text() for t in axes[0].figure.legends[0].get_texts()]
    assert entries[0] == "accuracy" and "perfect calibration" in entries
    assert len(entries) == len(set(entries))
    assert any("overconfident" in e for e in entries)


def test_reliability_diagrams_accept_axes_and_refuse_bad_input() -> None:
    _, axes = plt.subplots(1, 3)
    panels = {"a": P, "b": P_SOFT, "c": P}
    assert list(lah.plot_reliability_diagrams(Y, panels, axes=axes)) == list(axes)
    with pytest.raises(ValueError, match="exactly 2 Axes"):
        lah.plot_reliability_diagrams(Y, {"a": P, "b": P}, axes=axes)
    with pytest.raises(TypeError, match="probas must be a dict"):
        lah.plot_reliability_diagrams(Y, P)
    with pytest.raises(ValueError, match="probas is empty"):
        lah.plot_reliability_diagrams(Y, {})
    with pytest.raises(ValueError, match="y_true"):
        lah.plot_reliability_diagrams(Y[:5], {"a": P})


def _proper_inputs():
    q, p = 0.7, np.linspace(0.01, 0.99, 99)
    expected = {
        "cross-entropy": -(q * np.log(p) + (1 - q) * np.log(1 - p)),
        "Brier score": 2 * q * (1 - p) ** 2 + 2 * (1 - q) * p**2,
        "0-1 loss (1 - accuracy)": np.where(p > 0.5, 1 - q, q),
    }
    temperatures = np.geomspace(0.5, 8, 9)
    sweep = lah.temperature_sweep(Y, Z, temperatures)
    return p, expected, temperatures, sweep


def test_plot_proper_scores_draws_both_panels_in_the_same_styles() -> None:
    p, expected, temperatures, sweep = _proper_inputs()
    rule_ax, digit_ax = lah.plot_proper_scores(
        pd.Series(p), expected, temperatures, sweep, q=0.7, temperature=2.0
    )
    assert rule_ax.get_title() == "A single event, q = 0.7"
    assert digit_ax.get_title() == "The digits" and digit_ax.get_xscale() == "log"
    assert rule_ax.get_ylabel() == "expected loss" and digit_ax.get_ylabel() == "test loss"
    assert len(rule_ax.get_lines()) == 4 and len(digit_ax.get_lines()) == 4  # 3 + the mark
    for left, right in zip(rule_ax.get_lines()[:3], digit_ax.get_lines()[:3], strict=True):
        assert left.get_color() == right.get_color()
        assert left.get_linestyle() == right.get_linestyle()
    assert [line.get_label() for line in digit_ax.get_lines()[:3]] == [
        "cross-entropy",
        "Brier score",
        "0-1 loss",
    ]
    entries = [t.get_text() for t in rule_ax.figure.legends[0].get_texts()]
    assert entries == [*expected, "left: true probability q; right: fitted temperature"]
    assert [t.get_text() for t in digit_ax.get_xticklabels()] == ["0.5", "1", "2", "4", "8"]


def test_plot_proper_scores_accepts_axes_and_refuses_bad_input() -> None:
    p, expected, temperatures, sweep = _proper_inputs()
    _, axes = plt.subplots(1, 2)
    kw = {"q": 0.7, "temperature": 2.0}
    assert list(lah.plot_proper_scores(p, expected, temperatures, sweep, axes=axes, **kw)) == list(
        axes
    )
    with pytest.raises(ValueError, match=r"scores \['AUC'\] are not in sweep"):
        lah.plot_proper_scores(p, expected, temperatures, sweep, scores=["AUC"], **kw)
    with pytest.raises(ValueError, match=r"expected\['cross-entropy'\] has 3 values"):
        lah.plot_proper_scores(p, {"cross-entropy": [1, 2, 3]}, temperatures, sweep, **kw)
    with pytest.raises(ValueError, match=r"q must be in \[0, 1\]"):
        lah.plot_proper_scores(p, expected, temperatures, sweep, q=1.5, temperature=2.0)
    with pytest.raises(ValueError, match="temperature must be in"):
        lah.plot_proper_scores(p, expected, temperatures, sweep, q=0.7, temperature=0)
    with pytest.raises(TypeError, match="sweep must be a dict"):
        lah.plot_proper_scores(p, expected, temperatures, [1, 2], **kw)
    with pytest.raises(TypeError, match="got a single Axes"):
        lah.plot_proper_scores(p, expected, temperatures, sweep, axes=axes[0], **kw)
