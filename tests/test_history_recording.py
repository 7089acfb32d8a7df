import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import SGDClassifier
from sklearn.neural_network import MLPClassifier

import lossacc_helpers as lah

SPLIT = lah.digit_splits(n_train=100)


def _net() -> MLPClassifier:
    return MLPClassifier((8,), learning_rate_init=0.05, batch_size=50, random_state=0)


def test_fit_recording_proba_is_fit_with_history_one_epoch_at_a_time() -> None:
    s = SPLIT
    model = _net()
    history, proba = lah.fit_recording_proba(
        model, s.X_train, s.y_train, s.X_val, s.y_val, epochs=4
    )
    assert proba.shape == (4, len(s.y_val), 10)
    np.testing.assert_allclose(proba[-1], model.predict_proba(s.X_val))
    by_hand, parts = _net(), []
    for epoch in range(4):
        parts.append(
            lah.fit_with_history(
                by_hand, s.X_train, s.y_train, s.X_val, s.y_val, epochs=1, random_state=epoch
            )
        )
    np.testing.assert_array_equal(history.val_loss, [p.val_loss[0] for p in parts])
    np.testing.assert_array_equal(history.train_accuracy, [p.train_accuracy[0] for p in parts])
    assert history.n_classes == 10
    losses = [lah.cross_entropy(s.y_val, p) for p in proba]
    np.testing.assert_allclose(history.val_loss, losses)


def test_fit_recording_proba_replays_and_records_another_set() -> None:
    s = SPLIT
    history, _ = lah.fit_recording_proba(_net(), s.X_train, s.y_train, s.X_val, s.y_val, epochs=3)
    model = _net()
    short, on_test = lah.fit_recording_proba(
        model, s.X_train, s.y_train, s.X_val, s.y_val, epochs=2, X_record=pd.DataFrame(s.X_test)
    )
    np.testing.assert_array_equal(short.val_loss, history.val_loss[:2])
    assert on_test.shape == (2, len(s.y_test), 10)
    np.testing.assert_allclose(on_test[-1], model.predict_proba(s.X_test))


def test_fit_recording_proba_refuses_bad_input() -> None:
    s = SPLIT
    args = (s.X_train, s.y_train, s.X_val, s.y_val)
    with pytest.raises(ValueError, match="X_record has 3 features but X_train has 64"):
        lah.fit_recording_proba(_net(), *args, epochs=1, X_record=np.zeros((2, 3)))
    with pytest.raises(ValueError, match="epochs must be in"):
        lah.fit_recording_proba(_net(), *args, epochs=0)
    with pytest.raises(TypeError, match="random_state must be an integer"):
        lah.fit_recording_proba(_net(), *args, epochs=1, random_state=None)
    with pytest.raises(TypeError, match="has no predict_proba"):
        lah.fit_recording_proba(clone(SGDClassifier(random_state=0)), *args, epochs=1)
