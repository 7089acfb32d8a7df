import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

import lossacc_helpers as lah


def test_keeps_the_model_of_the_lowest_validation_loss() -> None:
    d = load_digits()
    X, y = d.data[:400] / 16, d.target[:400]
    model = MLPClassifier(
        hidden_layer_sizes=(50,), learning_rate_init=0.05, batch_size=50, random_state=0
    )
    kept = lah.train_keeping_best(
        model, X[:200], y[:200], X[200:], y[200:], epochs=15, classes=np.arange(10)
    )
    assert kept.last is model and kept.best is not model
    assert kept.val_loss.shape == (15,)
    assert kept.best_epoch == int(np.argmin(kept.val_loss)) + 1
    best_loss = lah.cross_entropy(y[200:], kept.best.predict_proba(X[200:]))
    assert np.isclose(best_loss, kept.val_loss.min())
    last_loss = lah.cross_entropy(y[200:], kept.last.predict_proba(X[200:]))
    assert np.isclose(last_loss, kept.val_loss[-1])
    # The same as History.best_epoch on the same curve.
    h = lah.History.from_arrays(kept.val_loss, kept.val_loss)
    assert h.best_epoch == kept.best_epoch


def test_rejects_bad_epochs() -> None:
    with pytest.raises(ValueError):
        lah.train_keeping_best(None, [[0]], [0], [[0]], [0], epochs=0)
