import numpy as np
import pytest

import lossacc_helpers as lah
from lossacc_helpers import ece_bootstrap, ece_noise_floor, expected_calibration_error


@pytest.fixture
def multiclass():
    rng = np.random.default_rng(3)
    logits = rng.normal(scale=3.0, size=(400, 5))
    proba = lah.softmax(logits)
    y = np.array([rng.choice(5, p=row) for row in proba])  # calibrated labels
    return y, proba


def test_point_estimate_is_the_ece(multiclass) -> None:
    y, proba = multiclass
    for n_bins in (5, 15):
        result = ece_bootstrap(y, proba, n_bins=n_bins, n_resamples=50)
        assert np.isclose(result.ece, expected_calibration_error(y, proba, n_bins=n_bins))


def test_bootstrap_interval_is_seeded_and_ordered(multiclass) -> None:
    y, proba = multiclass
    a = ece_bootstrap(y, proba, n_resamples=200, random_state=1)
    b = ece_bootstrap(y, proba, n_resamples=200, random_state=1)
    assert np.array_equal(a.resamples, b.resamples) and a.resamples.shape == (200,)
    assert a.low < a.high and a.low <= np.median(a.resamples) <= a.high
    # Each resample's ECE equals the reference function on that resample.
    rng = np.random.default_rng(1)
    draw = rng.integers(0, len(y), size=(200, len(y)))[0]
    assert np.isclose(a.resamples[0], expected_calibration_error(y[draw], proba[draw]))


def test_noise_floor_of_calibrated_labels(multiclass) -> None:
    y, proba = multiclass
    floor = ece_noise_floor(proba, n_draws=300)
    assert floor.shape == (300,) and (floor > 0).all()
    # Labels drawn from the probabilities are one more draw from the same law.
    ece = expected_calibration_error(y, proba)
    assert np.quantile(floor, 0.01) < ece < np.quantile(floor, 0.99)
    # The floor shrinks with the sample size (roughly as 1 / sqrt(n)).
    bigger = ece_noise_floor(np.tile(proba, (16, 1)), n_draws=50)
    assert bigger.mean() < floor.mean() / 2.5


def test_binary_one_column_and_bad_input() -> None:
    floor = ece_noise_floor([0.9, 0.2, 0.6] * 30, n_draws=20)
    assert floor.shape == (20,)
    with pytest.raises(ValueError):
        ece_noise_floor([0.9, 0.2], n_draws=0)
    with pytest.raises(ValueError):
        ece_bootstrap([0, 1], [0.2, 0.7], confidence_level=1.5)
    with pytest.raises(ValueError):
        ece_bootstrap([0, 1], [0.2, 0.7], n_bins=0)


def test_reliability_diagram_names_underconfident_gaps() -> None:
    # Bin 0.6-0.8 is underconfident (all right), bin 0.8-1.0 overconfident (half right).
    y = [1, 1, 1, 0, 1, 0]
    proba = [0.7, 0.7, 0.7, 0.9, 0.9, 0.9]
    ax = lah.reliability_diagram(y, proba, n_bins=5)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("underconfident" in t for t in texts)
    assert any("overconfident" in t for t in texts)
    assert min(t.get_fontsize() for t in ax.texts) >= 9
    only_over = lah.reliability_diagram([1, 0], [0.9, 0.9], n_bins=5)
    texts = [t.get_text() for t in only_over.get_legend().get_texts()]
    assert not any("underconfident" in t for t in texts)


def test_plot_accuracy_noise_bars_and_no_ln2_line() -> None:
    points = {"early": (0.95, 0.27), "late": (0.94, 0.36)}
    ax = lah.plot_accuracy_noise(points, n_samples=719)
    assert "ln 2" not in [line.get_label() for line in ax.get_lines()]
    assert len(ax.containers) == 2  # one error bar per point
    se = np.sqrt(0.95 * 0.05 / 719)
    segment = ax.containers[0].lines[2][0].get_segments()[0]
    assert np.allclose(segment[:, 0], [0.95 - se, 0.95 + se])
    with pytest.raises(ValueError):
        lah.plot_accuracy_noise(points, n_samples=0)


def _reference_ece(score, hit, edges):
    index = np.searchsorted(edges[1:-1], score, side="left")
    total = 0.0
    for b in range(len(edges) - 1):
        mine = index == b
        if mine.any():
            total += mine.sum() * abs(hit[mine].mean() - score[mine].mean())
    return total / len(score)


def test_calibration_error_variants(multiclass) -> None:
    y, proba = multiclass
    assert np.isclose(lah.calibration_error(y, proba), expected_calibration_error(y, proba))
    conf, hit = proba.max(axis=1), (proba.argmax(axis=1) == y).astype(float)
    edges = np.quantile(conf, np.linspace(0, 1, 11))
    assert np.isclose(
        lah.calibration_error(y, proba, n_bins=10, strategy="quantile"),
        _reference_ece(conf, hit, edges),
    )
    uniform = np.linspace(0, 1, 16)
    classwise = np.mean(
        [_reference_ece(proba[:, k], (y == k).astype(float), uniform) for k in range(5)]
    )
    assert np.isclose(lah.calibration_error(y, proba, classwise=True), classwise)
    with pytest.raises(ValueError):
        lah.calibration_error(y, proba, strategy="equal")
