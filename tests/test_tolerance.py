"""accuracy_within counts what a loop counts; its figure draws the curve it claims."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import lossacc_helpers as lah


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_matches_numpy_for_every_tolerance():
    rng = np.random.default_rng(0)
    y, pred = rng.normal(size=200), rng.normal(size=200)
    tolerances = np.linspace(0, 3, 31)
    expected = [np.mean(np.abs(pred - y) <= t) for t in tolerances]
    np.testing.assert_allclose(lah.accuracy_within(y, pred, tolerances), expected)
    assert lah.accuracy_within(y, pred, 1.0) == pytest.approx(np.mean(np.abs(pred - y) <= 1))
    assert isinstance(lah.accuracy_within(y, pred, 1.0), float)


def test_reads_pandas_and_carries_units():
    y, pred = pd.Series([10.0, 20.0, 30.0]), pd.Series([11.0, 25.0, 30.0])
    assert lah.accuracy_within(y, pred, 2) == pytest.approx(2 / 3)
    assert lah.accuracy_within(y / 255, pred / 255, 2) == 1.0  # the same "2" on 0..1


@pytest.mark.parametrize(
    ("y", "pred", "tol", "error", "match"),
    [
        ([1.0, 2.0], [1.0], 1, ValueError, "inconsistent|length"),
        ([1.0], [1.0], -1, ValueError, "tolerance must be non-negative"),
        ([1.0], [np.nan], 1, ValueError, "NaN"),
        (["a"], [1.0], 1, TypeError, "numbers"),
        ([[1.0, 2.0]], [[1.0, 2.0]], 1, ValueError, "1D"),
        (pd.DataFrame({"a": [1.0, 2.0]}), [1.0, 2.0], 1, ValueError, "shape"),
    ],
)
def test_bad_input(y, pred, tol, error, match):
    with pytest.raises(error, match=match):
        lah.accuracy_within(y, pred, tol)


def test_figure_draws_curve_rmse_and_stars_in_percent():
    y = np.arange(20.0)
    pred = y + np.linspace(-5, 5, 20)
    fig, ax = plt.subplots()
    out = lah.plot_accuracy_within(y, pred, np.arange(8), marked=[2, 4], unit="levels", ax=ax)
    assert out is ax
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    share2 = lah.accuracy_within(y, pred, 2)
    assert labels[0] == "share of test samples within ±t"
    assert f"t = 2 levels: {share2:.0%}" in labels
    rmse = np.sqrt(np.mean((pred - y) ** 2))
    assert f"RMSE = {rmse:.1f} levels" in labels
    assert ax.get_xlabel() == "tolerance t (levels)"
    assert ax.yaxis.get_major_formatter().format_pct(0.5, 1) == "50%"
    assert len(ax.lines) == 4  # curve, RMSE line, two stars


def test_figure_bad_input():
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        lah.plot_accuracy_within([1.0], [1.0], [0, 1], ax="left")
    with pytest.raises(ValueError, match="tolerance must be non-negative"):
        lah.plot_accuracy_within([1.0], [1.0], [-1, 1])
