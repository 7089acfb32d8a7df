"""Tests of lossacc_helpers.networks: chapter 5's network and scikit-learn's L2 term."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier

import lossacc_helpers as lah


def test_sgd_network_has_the_chapters_settings_and_takes_changes() -> None:
    net = lah.sgd_network()
    assert isinstance(net, MLPClassifier)
    params = net.get_params()
    for key, value in lah.SGD_NETWORK.items():
        assert params[key] == value
    changed = lah.sgd_network(alpha=0.3, hidden_layer_sizes=(10,))
    assert changed.alpha == 0.3 and changed.hidden_layer_sizes == (10,)
    assert changed.learning_rate_init == 0.1  # the rest stays
    assert lah.SGD_NETWORK["alpha"] == 1e-5  # the settings are not changed
    with pytest.raises(TypeError):
        lah.SGD_NETWORK["alpha"] = 1.0  # read-only


def test_sgd_network_names_a_misspelt_setting() -> None:
    with pytest.raises(TypeError, match=r"does not have: \['learning_rate_int'\]"):
        lah.sgd_network(learning_rate_int=0.1)


def test_l2_penalty_is_what_scikit_learn_adds_to_its_recorded_loss() -> None:
    d = load_digits()
    X, y = d.data[:100] / 16, d.target[:100]
    net = lah.sgd_network(hidden_layer_sizes=(20,), alpha=0.5, batch_size=100)
    net.partial_fit(X, y, classes=np.arange(10))
    before = copy.deepcopy(net)
    net.partial_fit(X, y)  # one full-batch step: its loss uses the weights before it
    ce = lah.cross_entropy(y, before.predict_proba(X))
    assert net.loss_curve_[-1] == pytest.approx(ce + lah.mlp_l2_penalty(before), rel=1e-9)
    expected = 0.5 * 0.5 * sum((w**2).sum() for w in before.coefs_) / 100
    assert lah.mlp_l2_penalty(before) == pytest.approx(expected)
    assert lah.mlp_l2_penalty(before, batch_size=50) == pytest.approx(2 * expected)


def test_l2_penalty_rejects_unfitted_models_and_auto_batches() -> None:
    with pytest.raises(TypeError, match="fit it first"):
        lah.mlp_l2_penalty(lah.sgd_network())
    X, y = np.eye(4), [0, 1, 0, 1]
    auto = MLPClassifier(hidden_layer_sizes=(3,), max_iter=5, random_state=0)
    auto.partial_fit(X, y, classes=[0, 1])
    with pytest.raises(TypeError, match="min\\(200, n_samples\\)"):
        lah.mlp_l2_penalty(auto)
    assert lah.mlp_l2_penalty(auto, batch_size=4) > 0
    with pytest.raises(ValueError, match="batch_size must be in"):
        lah.mlp_l2_penalty(auto, batch_size=0)
