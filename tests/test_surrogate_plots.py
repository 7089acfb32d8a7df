import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import lossacc_helpers as lah


def test_every_loss_has_one_style_and_groups_merge() -> None:
    assert set(lah.SURROGATE_STYLES) == set(lah.SURROGATES)
    theta = np.linspace(0, 1, 21)
    groups = lah.group_equal_curves({n: s.psi(theta) for n, s in lah.SURROGATES.items()})
    assert ("zero_one", "hinge") in groups
    ax = lah.plot_surrogates(theta, groups)
    assert [line.get_label() for line in ax.get_lines()] == [", ".join(k) for k in groups]


def test_tables_and_figures() -> None:
    table = lah.markdown_table(["a", "b"], [["1", "2"], ["3", "4"]])
    assert table.splitlines() == ["| a | b |", "| --- | --- |", "| 1 | 2 |", "| 3 | 4 |"]
    ax = lah.plot_decision_lines([[0, 0], [1, 1]], [0, 1], {"a": [0, -1, 1], "b": [0, 1, 1]})
    assert [line.get_label() for line in ax.get_lines()] == ["a", "b"]
    path = np.linspace(0, 1, 5)
    ax = lah.plot_loss_path(path, {"zero_one": path, "hinge": path, "logistic": path})
    assert ax.get_legend() is not None
    axes = lah.plot_psi_bound(
        path,
        [0.1, 0.2],
        {"hinge": [0.2, 0.3], "logistic": [0.1, 0.1]},
        {"hinge": path, "logistic": path**2},
    )
    assert [a.get_title() for a in axes] == ["hinge", "logistic"]


def test_surrogate_plots_refuse_an_ax_that_is_not_an_axes() -> None:
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        lah.plot_surrogates([0, 1], {"hinge": [1, 0]}, ax="not an axes")


def test_plot_margin_losses_draws_every_loss_or_every_slope() -> None:
    z = np.linspace(-2.5, 2.5, 101)
    ax = lah.plot_margin_losses(z, title="Eight surrogates for one step")
    assert [line.get_label() for line in ax.get_lines()] == list(lah.SURROGATES)
    assert ax.get_xlabel() == "margin z = y f(x)" and ax.get_ylabel() == "loss"
    assert ax.get_title() == "Eight surrogates for one step"
    assert ax.get_xlim() == (-2.5, 2.5) and ax.get_ylim() == (0, 5)
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == list(lah.SURROGATES)
    hinge = ax.get_lines()[1]
    np.testing.assert_allclose(hinge.get_ydata(), np.maximum(0, 1 - z))
    assert hinge.get_color() == lah.SURROGATE_STYLES["hinge"]["color"]

    ax = lah.plot_margin_losses(z, slope=True, ylim=(0, 3))
    assert [line.get_label() for line in ax.get_lines()] == list(lah.SURROGATES)[1:]
    assert ax.get_ylabel() == r"pull of one sample $|\phi'(z)|$" and ax.get_ylim() == (0, 3)
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), np.where(z <= 1, 1.0, 0.0))


def test_plot_margin_losses_accepts_an_ax_and_a_series() -> None:
    _, ax = plt.subplots()
    out = lah.plot_margin_losses(pd.Series(np.linspace(-1, 1, 11)), ax=ax)
    assert out is ax and len(ax.get_lines()) == len(lah.SURROGATES)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"z": [0.0]}, ValueError, "at least two increasing margins"),
        ({"z": [1.0, 0.0]}, ValueError, "in another order"),
        ({"z": [[0.0, 1.0]]}, ValueError, "Expected 1D array for z"),
        ({"z": ["a", "b"]}, TypeError, "z must hold numbers"),
        ({"z": pd.DataFrame({"a": [0.0, 1.0]})}, ValueError, "z.ravel()"),
        ({"z": [0.0, 1.0], "slope": "yes"}, TypeError, "slope must be True or False"),
        ({"z": [0.0, 1.0], "ax": "not an axes"}, TypeError, "ax must be a matplotlib Axes"),
    ],
)
def test_plot_margin_losses_refuses_bad_input(kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.plot_margin_losses(**kwargs)


def test_surrogate_properties_table_reads_the_flags() -> None:
    table = lah.surrogate_properties_table(["convex", "classification_calibrated"])
    lines = table.splitlines()
    assert lines[0] == "| loss | convex | classification-calibrated |"
    assert len(lines) == 2 + len(lah.SURROGATES)
    assert "| perceptron | ✓ | ✗ |" in lines and "| zero one | ✗ | ✓ |" in lines
    full = lah.surrogate_properties_table()
    assert full.splitlines()[0].count("|") == 2 + 6  # every flag
    assert "| non-increasing |" in full.splitlines()[0]


@pytest.mark.parametrize(
    ("flags", "error", "match"),
    [
        ("convex", TypeError, "flags must be a list"),
        ([1], TypeError, "flags must be a list"),
        ([], ValueError, "flags must name some of"),
        (["convexity"], ValueError, r"flags must name some of.*'convexity'"),
    ],
)
def test_surrogate_properties_table_refuses_unknown_flags(flags, error, match) -> None:
    with pytest.raises(error, match=match):
        lah.surrogate_properties_table(flags)


def test_psi_formula_list_has_one_item_per_group() -> None:
    theta = np.linspace(0, 1, 21)
    groups = lah.group_equal_curves({n: s.psi(theta) for n, s in lah.SURROGATES.items()})
    items = lah.psi_formula_list(groups).splitlines()
    assert len(items) == len(groups)
    assert items[0] == r"- `zero_one`, `hinge`: $\psi(\theta) = \theta$"
    with pytest.raises(ValueError, match="must name losses of SURROGATES"):
        lah.psi_formula_list([("hinge", "huber")])
    with pytest.raises(TypeError, match="tuple of loss names"):
        lah.psi_formula_list(["hinge"])
