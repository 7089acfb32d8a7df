"""mlp_logits, temperature_sweep and CalibrationBins.to_text (lossacc_helpers.calibration)."""

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit
from sklearn.metrics import brier_score_loss, log_loss, zero_one_loss
from sklearn.neural_network import MLPClassifier

import lossacc_helpers as lah

# Small networks trained briefly: their logits are tested, not their convergence.
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

RNG = np.random.default_rng(0)
X = RNG.normal(size=(60, 4))
Y3 = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0.5)


@pytest.mark.parametrize("activation", ["relu", "tanh", "logistic", "identity"])
def test_mlp_logits_reproduce_predict_proba(activation: str) -> None:
    mlp = MLPClassifier((6, 5), activation=activation, max_iter=300, random_state=0)
    mlp.fit(X, Y3)
    z = lah.mlp_logits(mlp, pd.DataFrame(X))
    assert z.shape == (60, 3)
    np.testing.assert_allclose(lah.softmax(z), mlp.predict_proba(X), rtol=1e-10)


def test_mlp_logits_of_two_classes_are_log_odds() -> None:
    mlp = MLPClassifier((5,), max_iter=300, random_state=0).fit(X, X[:, 0] > 0)
    z = lah.mlp_logits(mlp, X)
    assert z.shape == (60,)
    np.testing.assert_allclose(expit(z), mlp.predict_proba(X)[:, 1], rtol=1e-10)


def test_mlp_logits_refuse_what_is_not_a_fitted_network() -> None:
    with pytest.raises(TypeError, match="mlp must be a fitted sklearn.neural_network"):
        lah.mlp_logits("model", X)
    with pytest.raises(ValueError, match="not fitted yet"):
        lah.mlp_logits(MLPClassifier(), X)
    mlp = MLPClassifier((3,), max_iter=50, random_state=0).fit(X, Y3)
    with pytest.raises(ValueError, match="X has 2 features, but mlp was trained on 4"):
        lah.mlp_logits(mlp, X[:, :2])
    with pytest.raises(ValueError, match="Expected 2D array for X"):
        lah.mlp_logits(mlp, X[0])
    multilabel = MLPClassifier((3,), max_iter=50, random_state=0).fit(
        X, np.eye(2)[(X[:, 0] > 0).astype(int)]
    )
    with pytest.raises(ValueError, match="multilabel"):
        lah.mlp_logits(multilabel, X)


def test_temperature_sweep_agrees_with_scikit_learn() -> None:
    z = RNG.normal(scale=3, size=(60, 3))
    temperatures = pd.Series([0.5, 1.0, 3.0])
    sweep = lah.temperature_sweep(Y3, z, temperatures)
    assert list(sweep) == ["cross-entropy", "Brier score", "ECE", "0-1 loss"]
    for i, t in enumerate(temperatures):
        p = lah.softmax(z, temperature=t)
        assert sweep["cross-entropy"][i] == pytest.approx(log_loss(Y3, p))
        assert sweep["Brier score"][i] == pytest.approx(brier_score_loss(Y3, p, labels=[0, 1, 2]))
        assert sweep["ECE"][i] == pytest.approx(lah.expected_calibration_error(Y3, p))
        assert sweep["0-1 loss"][i] == pytest.approx(zero_one_loss(Y3, p.argmax(axis=1)))
    assert np.ptp(sweep["0-1 loss"]) == 0


def test_temperature_sweep_of_log_odds_scores_the_positive_class() -> None:
    y, z = (X[:, 0] > 0).astype(int), 2 * X[:, 0] + X[:, 1]
    sweep = lah.temperature_sweep(y, z, [1.0, 2.0], scores=("cross-entropy", "Brier score"))
    p = expit(z / 2)
    assert sweep["cross-entropy"][1] == pytest.approx(log_loss(y, p))
    assert sweep["Brier score"][1] == pytest.approx(brier_score_loss(y, p, scale_by_half=False))


def test_temperature_sweep_refuses_bad_input() -> None:
    z = RNG.normal(size=(60, 3))
    with pytest.raises(ValueError, match="temperatures must all be positive, got 0"):
        lah.temperature_sweep(Y3, z, [0.0, 1.0])
    with pytest.raises(ValueError, match="scores must name some of"):
        lah.temperature_sweep(Y3, z, [1.0], scores=("log loss",))
    with pytest.raises(TypeError, match=r'for one score write \("ECE",\)'):
        lah.temperature_sweep(Y3, z, [1.0], scores="ECE")
    with pytest.raises(ValueError, match="y_true"):
        lah.temperature_sweep(Y3[:10], z, [1.0])


def test_calibration_bins_to_text_lists_the_filled_bins_and_the_ece() -> None:
    p = lah.softmax(RNG.normal(scale=2, size=(60, 3)))
    table = lah.calibration_bins(Y3, p)
    lines = table.to_text().splitlines()
    assert len(lines) == 2 + int((table.counts > 0).sum())
    assert lines[0].split() == ["confidence", "bin", "predictions", "confidence", "accuracy"]
    assert lines[-1] == f"ECE = {table.ece:.4f}"
    assert sum(int(line.split()[1]) for line in lines[1:-1]) == 60
