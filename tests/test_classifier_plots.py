"""The classifier figures draw the matrix and curves they claim, and refuse bad input."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score

import lossacc_helpers as lah


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


Y = np.array([0, 0, 0, 1, 1, 1, 1])
P = np.array([0.1, 0.6, 0.3, 0.4, 0.9, 0.8, 0.7])


def test_confusion_matrix_writes_scikit_learns_counts():
    y_pred = (P > 0.5).astype(int)
    fig, ax = plt.subplots()
    out = lah.plot_confusion_matrix(
        pd.Series(Y), y_pred, display_labels=["neg", "pos"], title="t", ax=ax
    )
    assert out is ax and ax.get_title() == "t"
    texts = sorted(int(t.get_text()) for t in ax.texts)
    assert texts == sorted(confusion_matrix(Y, y_pred).ravel().tolist())
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted class", "true class")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["neg", "pos"]


def test_confusion_matrix_bad_input():
    with pytest.raises(ValueError, match="display_labels has 3 names for 2 classes"):
        lah.plot_confusion_matrix(Y, Y, display_labels=["a", "b", "c"])
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        lah.plot_confusion_matrix(Y, Y, ax=1)
    with pytest.raises(TypeError, match="labels of different types"):
        lah.plot_confusion_matrix(Y, ["a"] * len(Y))


def test_roc_pr_legends_give_the_areas():
    axes = lah.plot_roc_pr(pd.Series(Y), P, titles=("ROC", "PR"))
    assert len(axes) == 2 and axes[0].get_title() == "ROC" and axes[1].get_title() == "PR"
    roc_text = " ".join(t.get_text() for t in axes[0].get_legend().get_texts())
    pr_text = " ".join(t.get_text() for t in axes[1].get_legend().get_texts())
    assert f"{roc_auc_score(Y, P):.2f}" in roc_text and "Chance" in roc_text
    assert f"{average_precision_score(Y, P):.2f}" in pr_text


def test_roc_pr_accepts_axes_and_refuses_bad_input():
    fig, axes = plt.subplots(1, 2)
    assert list(lah.plot_roc_pr(Y, P, axes=axes)) == list(axes)
    with pytest.raises(ValueError, match="7 samples and scores 2"):
        lah.plot_roc_pr(Y, [0.1, 0.2])
    with pytest.raises(TypeError, match="axes must be two"):
        lah.plot_roc_pr(Y, P, axes=[axes[0]])
    with pytest.raises(TypeError, match=r"axes\[1\] must be a matplotlib Axes"):
        lah.plot_roc_pr(Y, P, axes=[axes[0], "x"])
    with pytest.raises(TypeError, match="numbers"):
        lah.plot_roc_pr(Y, ["a"] * 7)


def test_threshold_curves_mark_default_and_best():
    t = np.linspace(0, 1, 11)
    acc = lah.accuracy_by_threshold(Y, P, t)
    fig, ax = plt.subplots()
    out = lah.plot_threshold_curves(
        t, {"accuracy": acc}, best={"accuracy": 0.5}, hlines={"base": 0.4}, ax=ax, title="m"
    )
    assert out is ax and ax.get_title() == "m"
    labels = [x.get_text() for x in ax.get_legend().get_texts()]
    assert labels == ["accuracy", "base", "default t = 0.5", "best accuracy: t = 0.50"]
    star = ax.lines[-1]
    assert star.get_xdata()[0] == 0.5 and star.get_ydata()[0] == pytest.approx(acc[5])
    assert ax.get_xlabel() == "decision threshold t (positive when p > t)"


def test_threshold_curves_bad_input():
    t = [0.0, 0.5, 1.0]
    with pytest.raises(TypeError, match="best names 'recall'"):
        lah.plot_threshold_curves(t, {"accuracy": [1, 2, 3]}, best={"recall": 0.5})
    with pytest.raises(ValueError, match=r"best\['accuracy'\] must be in \[0, 1\]"):
        lah.plot_threshold_curves(t, {"accuracy": [1, 2, 3]}, best={"accuracy": 2})
    with pytest.raises(ValueError, match="length 3"):
        lah.plot_threshold_curves(t, {"accuracy": [1, 2]})
    with pytest.raises(TypeError, match="non-empty mapping"):
        lah.plot_threshold_curves(t, pd.Series([1, 2, 3]))
