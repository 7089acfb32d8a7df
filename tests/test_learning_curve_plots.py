"""Tests of lossacc_helpers.learning_curve_plots: what each figure draws, and its checks."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import lossacc_helpers as lah
from lossacc_helpers.cv_curves import CVCurves

BLUE, ORANGE = lah.OKABE_ITO["blue"], lah.OKABE_ITO["orange"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _history(shift: float = 0.0, n: int = 12) -> lah.History:
    t = np.arange(1, n + 1)
    train = 0.2 + np.exp(-t / 3) + shift
    val = 0.3 + np.exp(-t / 3) + 0.01 * t + shift
    return lah.History.from_arrays(train, val, 1 - train / 2, 1 - val / 2)


# ------------------------------------------------------------ plot_validation_comparison
def test_validation_comparison_draws_each_run_and_early_stopping() -> None:
    runs = {"no remedy": _history(), "L2 penalty": _history(0.05), "smaller": _history(0.1)}
    loss_ax, acc_ax = lah.plot_validation_comparison(
        runs, early_stopping=(9, 4), loss_ylim=(0.2, 1.5), title="Message"
    )
    for ax in (loss_ax, acc_ax):
        labels = [line.get_label() for line in ax.lines]
        assert labels == [
            "no remedy",
            "L2 penalty",
            "smaller",
            "early stopping keeps epoch 4",
            "early stopping stops at epoch 9",
        ]
        assert ax.get_xlabel() == "epoch"
        assert [to_hex(line.get_color()) for line in ax.lines[:3]] == [
            c.lower() for c in lah.PALETTE[:3]
        ]
    star = loss_ax.lines[3]
    assert star.get_xdata()[0] == 4 and star.get_ydata()[0] == runs["no remedy"].val_loss[3]
    assert loss_ax.get_ylabel() == "validation cross-entropy (nats)"
    assert acc_ax.get_ylabel() == "validation accuracy"
    assert (loss_ax.get_title(), acc_ax.get_title()) == ("Loss", "Accuracy")
    assert loss_ax.get_ylim() == (0.2, 1.5)
    fig = loss_ax.figure
    assert fig.get_suptitle() == "Message"
    assert [t.get_text() for t in fig.legends[0].get_texts()][:3] == list(runs)


def test_validation_comparison_accepts_axes_and_returns_them() -> None:
    fig, axes = plt.subplots(1, 2)
    out = lah.plot_validation_comparison({"run": _history()}, axes=axes)
    assert list(out) == list(axes)
    assert len(axes[0].lines) == 1  # no early stopping marked


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (([1, 2],), {}, TypeError, "non-empty mapping"),
        (({"a": [0.5, 0.4]},), {}, TypeError, "must be a History"),
        (({"a": lah.History.from_arrays([0.5, 0.4], [0.6, 0.5])},), {}, ValueError, "accuracy"),
        ((None,), {"early_stopping": (30, 4)}, ValueError, "not an epoch"),
        ((None,), {"early_stopping": 4}, TypeError, "pair"),
        ((None,), {"loss_ylim": (1, 0)}, ValueError, "bottom < top"),
        ((None,), {"axes": plt.gca}, TypeError, "sequence of 2 Axes"),
    ],
)
def test_validation_comparison_rejects_bad_input(args, kwargs, error, match) -> None:
    if args == (None,):
        args = ({"run": _history()},)
    if kwargs.get("axes") is plt.gca:
        kwargs = {"axes": plt.gca()}
        match = "got a single Axes"
    with pytest.raises(error, match=match):
        lah.plot_validation_comparison(*args, **kwargs)


# ------------------------------------------------------------ plot_reported_loss
def test_reported_loss_draws_three_curves_in_the_set_colours_and_a_star() -> None:
    h = _history()
    reported = pd.Series(h.train_loss + 0.2)  # pandas is read like an array
    ax = lah.plot_reported_loss(h, reported, true_label_loss=0.25, ylim=(0, 1.6), title="T")
    labels = [line.get_label() for line in ax.lines]
    assert labels == [
        "scikit-learn's loss_curve_ (penalty, epoch mean)",
        "training cross-entropy, end of epoch",
        "validation cross-entropy",
        "training cross-entropy, true labels",
    ]
    assert [line.get_color() for line in ax.lines[:3]] == [BLUE, BLUE, ORANGE]
    assert [line.get_linestyle() for line in ax.lines[:3]] == [":", "-", "--"]
    assert ax.lines[3].get_xdata()[0] == len(h) and ax.lines[3].get_marker() == "*"
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("epoch", "loss (nats)", "T")
    assert ax.get_ylim() == (0, 1.6)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == labels


def test_reported_loss_accepts_ax_and_returns_it() -> None:
    _, ax = plt.subplots()
    h = _history()
    assert lah.plot_reported_loss(h, h.train_loss, ax=ax) is ax
    assert len(ax.lines) == 3  # no star without a true-label loss


@pytest.mark.parametrize(
    ("history", "reported", "kwargs", "error", "match"),
    [
        ("h", [0.1], {}, TypeError, "history must be a History"),
        (None, [0.1, 0.2], {}, ValueError, "one value per epoch"),
        (None, "abc", {}, TypeError, "reported must be array-like"),
        (None, -np.ones(12), {}, ValueError, "non-negative"),
        (None, np.ones(12), {"true_label_loss": -1.0}, ValueError, "true_label_loss must be in"),
        (None, np.ones(12), {"ax": "left"}, TypeError, "ax must be a matplotlib Axes"),
        (None, np.ones(12), {"ylim": 1.6}, TypeError, "pair"),
    ],
)
def test_reported_loss_rejects_bad_input(history, reported, kwargs, error, match) -> None:
    history = _history() if history is None else history
    with pytest.raises(error, match=match):
        lah.plot_reported_loss(history, reported, **kwargs)


# ------------------------------------------------------------ plot_cv_curves
def _cv(param_name=None) -> CVCurves:
    rng = np.random.default_rng(0)
    x = np.array([0.01, 1.0, 100.0]) if param_name else np.array([50, 100, 200])
    s = rng.uniform(0.1, 0.2, (3, 3))
    return CVCurves(x, s, s + 0.3, 1 - s, 0.9 - s, param_name)


@pytest.mark.parametrize("param_name", [None, "C"])
def test_cv_curves_draw_both_parts_on_two_panels(param_name) -> None:
    curves = _cv(param_name)
    loss_ax, acc_ax = lah.plot_cv_curves(curves, log_loss=param_name is not None, title="M")
    for ax, ylabel in ((loss_ax, "cross-entropy (nats)"), (acc_ax, "accuracy")):
        assert ax.get_ylabel() == ylabel
        assert len(ax.lines) == 2  # training and validation means (bands are collections)
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["training", "validation"]
    np.testing.assert_allclose(loss_ax.lines[1].get_ydata(), curves.val_loss.mean(axis=1))
    np.testing.assert_allclose(acc_ax.lines[0].get_ydata(), curves.train_accuracy.mean(axis=1))
    expected_x = "C" if param_name else "training samples"
    assert loss_ax.get_xlabel() == expected_x
    if param_name:
        assert loss_ax.get_yscale() == "log" and loss_ax.get_title() == "Loss (logarithmic scale)"
    else:
        assert loss_ax.get_title() == "Loss"
    assert acc_ax.get_title() == "Accuracy" and loss_ax.figure.get_suptitle() == "M"


def test_cv_curves_accept_axes_and_the_method_draws_the_same() -> None:
    fig, axes = plt.subplots(1, 2)
    out = lah.plot_cv_curves(_cv(), xlabel="training images", axes=axes)
    assert list(out) == list(axes) and axes[1].get_xlabel() == "training images"
    again = _cv().plot(xlabel="training images")
    assert again[0].get_xlabel() == "training images"


def test_cv_curves_reject_bad_input() -> None:
    with pytest.raises(TypeError, match="must be a CVCurves"):
        lah.plot_cv_curves({"loss": [1, 2]})
    with pytest.raises(TypeError, match="xlabel must be a non-empty string"):
        lah.plot_cv_curves(_cv(), xlabel="")
    with pytest.raises(ValueError, match="at least 2 Axes"):
        lah.plot_cv_curves(_cv(), axes=[plt.gca()])


# ------------------------------------------------------------ plot_loss_grid
def test_loss_grid_draws_one_panel_per_run_with_a_shared_legend() -> None:
    t = np.arange(1, 11)
    runs = {
        name: {"train_loss": np.exp(-t / k), "val_loss": np.exp(-t / k) + 0.1, "n_classes": 10}
        for name, k in zip("ABCDE", range(2, 7), strict=True)
    }
    runs["F"] = _history(n=10)
    grid = lah.plot_loss_grid(runs, ncols=3, ylim=(0, 2), title="Zoo")
    assert grid.shape == (2, 3)
    for ax, name in zip(grid.flat, runs, strict=True):
        assert ax.get_title() == f"run {name}" and len(ax.lines) == 2
        assert [line.get_color() for line in ax.lines] == [BLUE, ORANGE]
        assert ax.lines[1].get_linestyle() == "--" and ax.get_ylim() == (0, 2)
        assert ax.lines[0].get_xdata()[0] == 1
    assert [ax.get_xlabel() for ax in grid[-1]] == ["epoch"] * 3
    assert [ax.get_ylabel() for ax in grid[:, 0]] == ["loss (nats)"] * 2
    fig = grid[0, 0].figure
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "training loss",
        "validation loss",
    ]
    assert fig.get_suptitle() == "Zoo"


def test_loss_grid_accepts_axes_hides_spares_and_keeps_nan_gaps() -> None:
    fig, axes = plt.subplots(1, 3)
    runs = {"B": {"train_loss": [0.7, np.nan, 0.5], "val_loss": pd.Series([0.8, 0.7, 0.6])}}
    out = lah.plot_loss_grid(runs, axes=axes)
    assert list(out) == list(axes)
    assert axes[0].get_visible() and not axes[1].get_visible() and not axes[2].get_visible()
    assert np.isnan(axes[0].lines[0].get_ydata()[1])


@pytest.mark.parametrize(
    ("runs", "kwargs", "error", "match"),
    [
        ([1, 2], {}, TypeError, "non-empty mapping"),
        ({"A": [0.5, 0.4]}, {}, TypeError, "History or a mapping"),
        ({"A": {"train_loss": [0.5, 0.4]}}, {}, TypeError, "'train_loss' and 'val_loss'"),
        ({"A": {"train_loss": [0.5], "val_loss": [0.5, 0.4]}}, {}, ValueError, "one of each"),
        ({"A": {"train_loss": ["a"], "val_loss": ["b"]}}, {}, TypeError, "numbers"),
        ({"A": {"train_loss": [0.5], "val_loss": [0.4]}}, {"ncols": 0}, ValueError, "ncols"),
    ],
)
def test_loss_grid_rejects_bad_input(runs, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.plot_loss_grid(runs, **kwargs)
