import numpy as np
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
