"""The shared figures draw what they claim, on the Axes they are given, and refuse bad input."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex

from lossacc_helpers.plots import plot_loss_accuracy_region, plot_true_class_proba
from lossacc_helpers.style import OKABE_ITO


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_true_class_bars_are_sorted_and_coloured_by_correctness():
    y = [0, 1, 1, 0]
    proba = [0.3, 0.4, 0.9, 0.8]  # correct, wrong, correct, wrong
    ax = plot_true_class_proba(y, proba)
    heights = [patch.get_height() for patch in ax.patches]
    colours = [to_hex(patch.get_facecolor()) for patch in ax.patches]
    assert heights == pytest.approx([0.2, 0.4, 0.7, 0.9])  # mistakes first, ascending
    wrong, right = OKABE_ITO["vermillion"].lower(), OKABE_ITO["blue"].lower()
    assert colours == [wrong, wrong, right, right]
    assert (
        ax.get_title() == "accuracy 50%, cross-entropy " + f"{-np.mean(np.log(heights)):.2f} nats"
    )
    assert ax.get_ylabel() == "probability of the true class"


def test_true_class_bars_multiclass_and_given_axes():
    fig, ax = plt.subplots()
    out = plot_true_class_proba([2, 0], [[0.1, 0.2, 0.7], [0.2, 0.5, 0.3]], ax=ax, title="t")
    assert out is ax and ax.get_title() == "t"
    assert sorted(p.get_height() for p in ax.patches) == pytest.approx([0.2, 0.7])


def test_region_places_models_and_the_bound():
    ax = plot_loss_accuracy_region({"m1": (0.981, 0.1882), "m3": (0.991, 0.2544)})
    bound_line = ax.lines[0]
    x, y = bound_line.get_data()
    assert np.allclose(y, (1 - x) * np.log(2))
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert any(label.startswith("m1: 98.1%") for label in labels)
    assert any(label.startswith("m3: 99.1%") for label in labels)
    assert ax.get_ylim()[1] >= 0.2544


def test_region_labels_share_one_precision_and_drop_ln2_off_the_axes():
    ax = plot_loss_accuracy_region({"weak": (0.085, 2.298), "strong": (0.95, 0.4857)})
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "weak: 8.5%, 2.2980 nats" in labels and "strong: 95.0%, 0.4857 nats" in labels
    assert "ln 2" in labels
    zoomed = plot_loss_accuracy_region({"m3": (0.991, 0.2544)}, max_loss=0.3)
    assert "ln 2" not in [text.get_text() for text in zoomed.get_legend().get_texts()]


def test_region_can_label_points_instead_of_the_legend():
    ax = plot_loss_accuracy_region({"weak": (0.5, 0.9), "strong": (0.95, 0.1)}, label_points=True)
    assert sorted(t.get_text() for t in ax.texts) == ["strong", "weak"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert not any(text.startswith(("weak", "strong")) for text in legend)


@pytest.mark.parametrize(
    ("models", "kwargs", "error", "match"),
    [
        ({"bad": (0.9, 0.01)}, {}, ValueError, "below the bound"),
        ({"bad": (1.5, 0.3)}, {}, ValueError, r"accuracy of 'bad' must be in \[0, 1\]"),
        ({"bad": (0.5,)}, {}, TypeError, "must be a pair"),
        ({"bad": (0.5, "x")}, {}, TypeError, "loss of 'bad' must be a real number"),
        (None, {"max_loss": -1.0}, ValueError, "max_loss"),
        (None, {"ax": "axes"}, TypeError, "ax must be a matplotlib Axes"),
    ],
)
def test_region_bad_input(models, kwargs, error, match):
    with pytest.raises(error, match=match):
        plot_loss_accuracy_region(models, **kwargs)


def test_true_class_bad_input():
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        plot_true_class_proba([0, 1], [0.5])
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        plot_true_class_proba([0, 1], [0.5, 0.5], ax=object())
