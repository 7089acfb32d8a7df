"""Tests of lossacc_helpers.history: fit_with_history and History."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.base import clone
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import accuracy_score, log_loss
from sklearn.neural_network import MLPClassifier

from lossacc_helpers.history import History, fit_with_history
from lossacc_helpers.style import OKABE_ITO


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, ...]:
    X, y = make_classification(
        n_samples=150, n_features=6, n_informative=4, n_classes=3, random_state=0
    )
    return X[:100], y[:100], X[100:], y[100:]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def small_mlp() -> MLPClassifier:
    return MLPClassifier(hidden_layer_sizes=(8,), learning_rate_init=0.01, random_state=0)


class RecordingSGD(SGDClassifier):
    """An SGDClassifier that records the batches partial_fit receives."""

    def partial_fit(self, X, y, classes=None, sample_weight=None):  # noqa: D102
        self.batches_ = [*getattr(self, "batches_", []), (X.copy(), y.copy())]
        return super().partial_fit(X, y, classes=classes, sample_weight=sample_weight)


# --- fit_with_history -------------------------------------------------------------------


def test_records_end_of_epoch_metrics_that_match_sklearn(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = small_mlp()
    history = fit_with_history(model, X_train, y_train, X_val, y_val, epochs=4, batch_size=25)
    assert len(history) == 4
    # The last entry describes the model as it is after the call (trained in place).
    assert_allclose(history.train_loss[-1], log_loss(y_train, model.predict_proba(X_train)))
    assert_allclose(history.val_loss[-1], log_loss(y_val, model.predict_proba(X_val)))
    assert history.train_accuracy[-1] == accuracy_score(y_train, model.predict(X_train))
    assert history.val_accuracy[-1] == accuracy_score(y_val, model.predict(X_val))
    # Training a few epochs on this easy problem lowers the training loss.
    assert history.train_loss[-1] < history.train_loss[0]


def test_each_entry_is_the_model_after_that_many_epochs(data) -> None:
    X_train, y_train, X_val, y_val = data
    full = fit_with_history(small_mlp(), X_train, y_train, X_val, y_val, epochs=3, batch_size=20)
    model = small_mlp()
    short = fit_with_history(model, X_train, y_train, X_val, y_val, epochs=2, batch_size=20)
    # Same seeds: the first two epochs are the same run.
    assert_array_equal(short.val_loss, full.val_loss[:2])
    assert_allclose(short.train_loss[-1], log_loss(y_train, model.predict_proba(X_train)))


def test_deterministic_given_random_state(data) -> None:
    X_train, y_train, X_val, y_val = data
    a = fit_with_history(small_mlp(), X_train, y_train, X_val, y_val, epochs=3, batch_size=16)
    b = fit_with_history(small_mlp(), X_train, y_train, X_val, y_val, epochs=3, batch_size=16)
    for name in ("train_loss", "val_loss", "train_accuracy", "val_accuracy"):
        assert_array_equal(getattr(a, name), getattr(b, name))
    c = fit_with_history(
        small_mlp(), X_train, y_train, X_val, y_val, epochs=3, batch_size=16, random_state=1
    )
    # Another shuffling seed visits the batches in another order: another history.
    assert not np.array_equal(a.train_loss, c.train_loss)


def test_batches_cover_the_training_set_once_per_epoch(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = RecordingSGD(loss="log_loss", random_state=0)
    fit_with_history(model, X_train, y_train, X_val, y_val, epochs=2, batch_size=32)
    sizes = [len(yb) for _, yb in model.batches_]
    assert sizes == [32, 32, 32, 4] * 2
    for epoch in range(2):
        seen = np.concatenate([xb for xb, _ in model.batches_[4 * epoch : 4 * epoch + 4]])
        assert_allclose(np.sort(seen, axis=0), np.sort(X_train, axis=0))
    first, second = model.batches_[0][0], model.batches_[4][0]
    assert not np.array_equal(first, second)  # reshuffled between epochs


def test_without_shuffle_batches_follow_the_data_order(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = RecordingSGD(loss="log_loss", random_state=0)
    fit_with_history(model, X_train, y_train, X_val, y_val, epochs=1, batch_size=40, shuffle=False)
    assert_array_equal(model.batches_[0][0], X_train[:40])
    assert_array_equal(model.batches_[2][1], y_train[80:])


def test_whole_set_per_epoch_without_batch_size(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = RecordingSGD(loss="log_loss", random_state=0)
    fit_with_history(model, X_train, y_train, X_val, y_val, epochs=3)
    assert [len(yb) for _, yb in model.batches_] == [100, 100, 100]


def test_batch_size_above_the_set_is_one_batch(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = RecordingSGD(loss="log_loss", random_state=0)
    fit_with_history(model, X_train, y_train, X_val, y_val, epochs=1, batch_size=1000)
    assert [len(yb) for _, yb in model.batches_] == [100]


def test_string_labels_and_classes_absent_from_a_batch(data) -> None:
    X_train, y_train, X_val, y_val = data
    names = np.array(["ant", "bee", "cat"])
    model = SGDClassifier(loss="log_loss", random_state=0)
    history = fit_with_history(
        model, X_train, names[y_train], X_val, names[y_val], epochs=2, batch_size=5
    )
    assert_array_equal(model.classes_, names)
    assert_allclose(history.val_loss[-1], log_loss(names[y_val], model.predict_proba(X_val)))


def test_explicit_classes_allow_a_class_missing_from_training(data) -> None:
    X_train, y_train, X_val, y_val = data
    keep = y_train != 2
    model = SGDClassifier(loss="log_loss", random_state=0)
    history = fit_with_history(
        model, X_train[keep], y_train[keep], X_val, y_val, epochs=1, classes=[0, 1, 2]
    )
    assert_array_equal(model.classes_, [0, 1, 2])
    assert np.isfinite(history.val_loss[0])


def test_warns_when_the_estimator_is_not_seeded(data) -> None:
    X_train, y_train, X_val, y_val = data
    with pytest.warns(UserWarning, match="random_state is None"):
        fit_with_history(SGDClassifier(loss="log_loss"), X_train, y_train, X_val, y_val, epochs=1)


@pytest.mark.parametrize(
    ("estimator", "error", "match"),
    [
        (LogisticRegression(), TypeError, "no partial_fit"),
        (SGDClassifier(loss="hinge", random_state=0), TypeError, "no predict_proba"),
        (SGDClassifier, TypeError, "must be an instance"),
    ],
)
def test_rejects_unsuitable_estimators(data, estimator, error, match) -> None:
    X_train, y_train, X_val, y_val = data
    with pytest.raises(error, match=match):
        fit_with_history(estimator, X_train, y_train, X_val, y_val, epochs=1)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"epochs": 0}, ValueError, "epochs must be in"),
        ({"epochs": 2.0}, TypeError, "epochs must be an integer"),
        ({"epochs": 1, "batch_size": 0}, ValueError, "batch_size must be in"),
        ({"epochs": 1, "shuffle": "yes"}, TypeError, "shuffle must be True or False"),
        ({"epochs": 1, "classes": [0, 1, 1, 2]}, ValueError, "must not repeat"),
        ({"epochs": 1, "classes": [0, 1]}, ValueError, r"y_train contains labels not in"),
        ({"epochs": 1, "classes": [5]}, ValueError, "at least two classes"),
    ],
)
def test_rejects_bad_options(data, kwargs, error, match) -> None:
    X_train, y_train, X_val, y_val = data
    model = SGDClassifier(loss="log_loss", random_state=0)
    with pytest.raises(error, match=match):
        fit_with_history(model, X_train, y_train, X_val, y_val, **kwargs)


def test_rejects_bad_data(data) -> None:
    X_train, y_train, X_val, y_val = data
    model = SGDClassifier(loss="log_loss", random_state=0)
    with pytest.raises(ValueError, match="inconsistent numbers of samples: X_train has 100"):
        fit_with_history(model, X_train, y_train[:-1], X_val, y_val, epochs=1)
    with pytest.raises(ValueError, match="inconsistent numbers of samples: X_val has 50"):
        fit_with_history(model, X_train, y_train, X_val, y_val[:10], epochs=1)
    with pytest.raises(ValueError, match="X_train has 6 features but X_val has 5"):
        fit_with_history(model, X_train, y_train, X_val[:, :5], y_val, epochs=1)
    with pytest.raises(ValueError, match="Expected 2D array for X_train"):
        fit_with_history(model, X_train[:, 0], y_train, X_val, y_val, epochs=1)
    bad = X_val.copy()
    bad[3, 2] = np.nan
    with pytest.raises(ValueError, match="X_val contains 1 NaN"):
        fit_with_history(model, X_train, y_train, bad, y_val, epochs=1)
    with pytest.raises(ValueError, match=r"y_val contains labels not in classes: \[7\]"):
        fit_with_history(model, X_train, y_train, X_val, np.r_[y_val[:-1], 7], epochs=1)
    with pytest.raises(ValueError, match="X_train is empty"):
        fit_with_history(model, X_train[:0], y_train[:0], X_val, y_val, epochs=1)


def test_does_not_touch_the_caller_arrays(data) -> None:
    X_train, y_train, X_val, y_val = data
    copies = [a.copy() for a in data]
    fit_with_history(clone(small_mlp()), X_train, y_train, X_val, y_val, epochs=1, batch_size=10)
    for before, after in zip(copies, data, strict=True):
        assert_array_equal(before, after)


# --- History ----------------------------------------------------------------------------

CURVES = {
    "train_loss": [0.69, 0.45, 0.30, 0.22, 0.18],
    "val_loss": [0.70, 0.50, 0.41, 0.40, 0.44],
    "train_accuracy": [0.5, 0.8, 0.88, 0.92, 0.94],
    "val_accuracy": [0.5, 0.78, 0.83, 0.85, 0.84],
}


def test_from_arrays_epochs_best_epoch_and_dict() -> None:
    history = History.from_arrays(**CURVES)
    assert len(history) == 5
    assert history.epochs.tolist() == [1, 2, 3, 4, 5]
    assert history.best_epoch == 4
    as_dict = history.to_dict()
    assert as_dict["epoch"] == [1, 2, 3, 4, 5]
    for name, values in CURVES.items():
        assert as_dict[name] == values
    as_dict["val_loss"][0] = 99.0  # a new dict of new lists: the history is unchanged
    assert history.val_loss[0] == 0.70


def test_best_epoch_takes_the_first_of_ties() -> None:
    history = History.from_arrays([0.5] * 3, [0.4, 0.3, 0.3], [0.5] * 3, [0.5] * 3)
    assert history.best_epoch == 2


def test_history_is_frozen_and_copies_its_input() -> None:
    values = np.array(CURVES["train_loss"])
    history = History.from_arrays(values, *list(CURVES.values())[1:])
    values[0] = 5.0
    assert history.train_loss[0] == 0.69
    with pytest.raises(dataclasses.FrozenInstanceError):
        history.train_loss = values  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        history.train_loss[0] = 1.0


@pytest.mark.parametrize(
    ("change", "error", "match"),
    [
        ({"val_loss": [0.7, 0.5, 0.4, 0.4]}, ValueError, "inconsistent numbers of samples"),
        ({"val_accuracy": [0.5, np.nan, 0.8, 0.8, 0.8]}, ValueError, "val_accuracy contains 1 NaN"),
        ({"epochs": [0, 1, 2, 2, 3]}, ValueError, "entry 4 is 2 after 2. A restarted run"),
        ({"epochs": [0, 1, 2]}, ValueError, r"one epoch number per entry of the curves \(5\)"),
        ({"n_classes": 1}, ValueError, r"n_classes must be in \[2, inf\]"),
        ({"train_loss": [0.7, -0.1, 0.3, 0.2, 0.1]}, ValueError, "non-negative losses"),
        ({"val_accuracy": [50, 78, 83, 85, 84]}, ValueError, "Divide percentages by 100"),
        ({"train_accuracy": [-0.1, 0.8, 0.9, 0.9, 0.9]}, ValueError, r"accuracies in \[0, 1\]"),
        ({"train_loss": []}, ValueError, "train_loss is empty"),
        ({"val_loss": [[0.7, 0.5, 0.4, 0.4, 0.4]]}, ValueError, "Expected 1D array for val_loss"),
        ({"train_accuracy": ["a"] * 5}, TypeError, "train_accuracy must hold numbers"),
    ],
)
def test_from_arrays_rejects_bad_curves(change, error, match) -> None:
    with pytest.raises(error, match=match):
        History.from_arrays(**{**CURVES, **change})


def test_plot_draws_two_labelled_panels() -> None:
    history = History.from_arrays(**CURVES)
    loss_ax, acc_ax = history.plot(mark_epoch=history.best_epoch, mark_label="best epoch")
    assert loss_ax.figure is acc_ax.figure
    assert loss_ax.get_ylabel() == "cross-entropy (nats)"
    assert acc_ax.get_ylabel() == "accuracy"
    for panel, train, val in (
        (loss_ax, CURVES["train_loss"], CURVES["val_loss"]),
        (acc_ax, CURVES["train_accuracy"], CURVES["val_accuracy"]),
    ):
        assert panel.get_xlabel() == "epoch"
        train_line, val_line, mark = panel.get_lines()
        assert_allclose(train_line.get_ydata(), train)
        assert_allclose(val_line.get_ydata(), val)
        assert_array_equal(train_line.get_xdata(), [1, 2, 3, 4, 5])
        assert (train_line.get_linestyle(), val_line.get_linestyle()) == ("-", "--")
        assert to_hex(train_line.get_color()) == OKABE_ITO["blue"].lower()
        assert to_hex(val_line.get_color()) == OKABE_ITO["orange"].lower()
        assert_array_equal(mark.get_xdata(), [4, 4])
        labels = [t.get_text() for t in panel.get_legend().get_texts()]
        assert labels == ["training", "validation", "best epoch"]


def test_plot_uses_the_given_axes_and_has_no_mark_by_default() -> None:
    fig, axes = plt.subplots(1, 2)
    returned = History.from_arrays(**CURVES).plot(ax=axes)
    assert returned[0] is axes[0] and returned[1] is axes[1]
    assert len(axes[0].get_lines()) == 2
    returned = History.from_arrays(**CURVES).plot(ax=[axes[1], axes[0]], mark_epoch=2)
    assert returned[0] is axes[1]
    assert axes[1].get_lines()[-1].get_label() == "epoch 2"


def test_plot_rejects_bad_axes_and_marks() -> None:
    history = History.from_arrays(**CURVES)
    fig, ax = plt.subplots()
    with pytest.raises(TypeError, match="got a single Axes"):
        history.plot(ax=ax)
    with pytest.raises(ValueError, match="exactly two Axes"):
        history.plot(ax=[ax])
    with pytest.raises(TypeError, match=r"ax\[1\] must be a matplotlib Axes"):
        history.plot(ax=[ax, "loss"])
    with pytest.raises(TypeError, match="ax must be a sequence of two Axes, got int"):
        history.plot(ax=3)
    with pytest.raises(ValueError, match=r"mark_epoch must be an epoch of the history, in 1 .. 5"):
        history.plot(mark_epoch=0)
    with pytest.raises(TypeError, match="mark_epoch must be an integer"):
        history.plot(mark_epoch=2.5)
    assert all(isinstance(a, Axes) for a in history.plot())


def test_losses_may_be_nan_or_inf_a_diverged_run() -> None:
    history = History.from_arrays([0.7, 0.5, np.nan], [0.7, np.inf, np.nan])
    assert np.isnan(history.train_loss[-1]) and history.best_epoch == 1


def test_accuracies_are_optional_and_epochs_follow_the_log() -> None:
    history = History.from_arrays([0.7, 0.5, 0.4], [0.8, 0.6, 0.65], epochs=[0, 1, 2])
    assert not history.has_accuracy and history.train_accuracy is None
    assert history.epochs.tolist() == [0, 1, 2] and history.epochs.dtype == np.int64
    assert history.best_epoch == 1 and history.best_index == 1
    assert history.to_dict()["val_accuracy"] is None
    hf = History.from_arrays([0.7, 0.5, 0.4], [0.8, 0.6, 0.65], epochs=[0.5, 1.0, 1.5])
    assert hf.best_epoch == 1.0 and hf.epochs.tolist() == [0.5, 1.0, 1.5]
    loss_ax, acc_ax = hf.plot(mark_epoch=1.0)
    assert [t.get_text() for t in acc_ax.texts] == ["not logged"]
    assert_array_equal(loss_ax.get_lines()[0].get_xdata(), [0.5, 1.0, 1.5])
    with pytest.raises(ValueError, match=r"in 0.5 .. 1.5, got 0.7"):
        hf.plot(mark_epoch=0.7)


def test_fit_with_history_records_the_number_of_classes(data) -> None:
    X_train, y_train, X_val, y_val = data
    history = fit_with_history(small_mlp(), X_train, y_train, X_val, y_val, epochs=1)
    assert history.n_classes == 3


# ------------------------------------------------------------------ early_stopping
def _keras_like(val_loss, patience):
    """Keras's EarlyStopping (min_delta=0, restore_best_weights=True), written out."""
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        if value < best:
            best, best_epoch, wait = value, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch, best_epoch
    return len(val_loss), best_epoch


@pytest.mark.parametrize("patience", [1, 2, 3, 5, 10])
def test_early_stopping_matches_the_keras_rule(patience) -> None:
    from lossacc_helpers import early_stopping

    rng = np.random.default_rng(patience)
    for _ in range(20):
        curve = 0.3 + np.exp(-np.arange(30) / 5) + 0.01 * np.arange(30) * rng.random()
        curve = curve + rng.normal(0, 0.02, 30)
        assert early_stopping(curve, patience=patience) == _keras_like(curve, patience)


def test_early_stopping_keeps_the_history_best_epoch_and_reads_pandas() -> None:
    import pandas as pd

    from lossacc_helpers import early_stopping

    val = [0.9, 0.5, 0.5, 0.6, 0.7, 0.8]  # a tie: the earliest epoch is kept
    assert early_stopping(pd.Series(val), patience=3) == (5, 2)
    assert History.from_arrays(val, val).best_epoch == 2
    assert early_stopping(val, patience=10) == (6, 2)  # never stops


@pytest.mark.parametrize(
    ("val_loss", "patience", "error", "match"),
    [
        ([0.5, 0.4], 0, ValueError, "patience must be in"),
        ([0.5, 0.4], 2.5, TypeError, "patience must be an integer"),
        ([], 3, ValueError, "val_loss is empty"),
        ([0.5, np.nan], 3, ValueError, "NaN"),
        ([[0.5, 0.4]], 3, ValueError, "1D"),
        (["a", "b"], 3, TypeError, "numbers"),
    ],
)
def test_early_stopping_rejects_bad_input(val_loss, patience, error, match) -> None:
    from lossacc_helpers import early_stopping

    with pytest.raises(error, match=match):
        early_stopping(val_loss, patience=patience)
