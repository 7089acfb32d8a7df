"""Tests of lossacc_helpers.surrogates: values, declared properties, psi, minimisers, inputs.

Every boolean a MarginLoss declares is recomputed here from the loss values alone, in both
directions: a property declared true must hold on a dense grid, and one declared false must
be violated somewhere on it, so a wrong flag fails.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.mathtext import MathTextParser
from numpy.testing import assert_allclose, assert_array_equal
from scipy.special import logit, xlogy
from sklearn.metrics import hinge_loss

from lossacc_helpers.margin import (
    exponential,
    hinge,
    logistic,
    modified_huber,
    perceptron,
    squared,
    squared_hinge,
    zero_one,
)
from lossacc_helpers.surrogates import SURROGATES, MarginLoss, margins, multiclass_hinge

NAMES = list(SURROGATES)
LN2 = np.log(2.0)
KINKS = np.array([-1.0, 0.0, 1.0])  # every kink or jump of the losses here
GRID = np.union1d(np.linspace(-5.0, 5.0, 20001), KINKS)  # step 5e-4, kinks included exactly
STEP = 1e-6  # difference quotients
ALPHAS = np.union1d(np.linspace(-30.0, 30.0, 60001), KINKS)  # scores for brute-force minima
THETAS = np.linspace(0.0, 1.0, 41)

FUNCTIONS = {
    "zero_one": zero_one,
    "hinge": hinge,
    "squared_hinge": squared_hinge,
    "logistic": logistic,
    "logistic_base2": lambda z: logistic(z, base2=True),
    "exponential": exponential,
    "squared": squared,
    "modified_huber": modified_huber,
    "perceptron": perceptron,
}
PUBLIC_FUNCTIONS = [zero_one, hinge, squared_hinge, logistic, exponential, squared]
PUBLIC_FUNCTIONS += [modified_huber, perceptron]


def phi(name: str, z: np.ndarray) -> np.ndarray:
    return np.asarray(SURROGATES[name].loss(z))


def left_quotient(name: str, z: np.ndarray) -> np.ndarray:
    return (phi(name, z) - phi(name, z - STEP)) / STEP


def right_quotient(name: str, z: np.ndarray) -> np.ndarray:
    return (phi(name, z + STEP) - phi(name, z)) / STEP


def brute_conditional_risks(name: str, eta: np.ndarray) -> np.ndarray:
    """C_eta(alpha) for every eta (rows) and every alpha of ALPHAS (columns)."""
    eta = eta[:, None]
    return eta * phi(name, ALPHAS)[None, :] + (1 - eta) * phi(name, -ALPHAS)[None, :]


def brute_h_and_h_minus(name: str, eta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """H(eta) and H^-(eta) (inf over alpha with alpha (2 eta - 1) <= 0) on the ALPHAS grid."""
    risks = brute_conditional_risks(name, eta)
    wrong_side = ALPHAS[None, :] * (2 * eta[:, None] - 1) <= 0
    return risks.min(axis=1), np.where(wrong_side, risks, np.inf).min(axis=1)


def convex_closure(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Greatest convex function below the points (x, y) (x sorted), evaluated at x."""
    hull: list[int] = []
    for i in range(len(x)):
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            if (y[b] - y[a]) * (x[i] - x[a]) >= (y[i] - y[a]) * (x[b] - x[a]):
                hull.pop()  # b lies on or above the chord from a to i
            else:
                break
        hull.append(i)
    return np.interp(x, x[hull], y[hull])


# --- the registry --------------------------------------------------------------------------


def test_registry_holds_the_nine_losses_by_name() -> None:
    expected = {"zero_one", "hinge", "squared_hinge", "logistic", "logistic_base2"}
    expected |= {"exponential", "squared", "modified_huber", "perceptron"}
    assert set(SURROGATES) == expected
    for name, loss in SURROGATES.items():
        assert isinstance(loss, MarginLoss)
        assert loss.name == name


def test_margin_loss_is_frozen() -> None:
    with pytest.raises(AttributeError):
        SURROGATES["hinge"].convex = False  # type: ignore[misc]


@pytest.mark.parametrize("name", NAMES)
def test_formulas_render_with_mathtext(name: str) -> None:
    parser = MathTextParser("path")
    for formula in (SURROGATES[name].formula, SURROGATES[name].psi_formula):
        width, height, *_ = parser.parse(f"${formula}$")
        assert width > 0 and height > 0


@pytest.mark.parametrize("name", NAMES)
def test_registry_loss_is_the_public_function(name: str) -> None:
    assert_array_equal(SURROGATES[name].loss(GRID), FUNCTIONS[name](GRID))


# --- values --------------------------------------------------------------------------------

HAND_COMPUTED = [
    (zero_one, [-1.0, 0.0, 1e-12, 2.0], [1.0, 1.0, 0.0, 0.0]),
    (hinge, [-2.0, 0.0, 1.0, 3.0], [3.0, 1.0, 0.0, 0.0]),
    (squared_hinge, [-1.0, 0.0, 0.5, 2.0], [4.0, 1.0, 0.25, 0.0]),
    (logistic, [0.0, -np.log(3.0), 1000.0, -1000.0], [LN2, np.log(4.0), 0.0, 1000.0]),
    (
        lambda z: logistic(z, base2=True),
        [0.0, -np.log(3.0), np.log(3.0)],
        [1.0, 2.0, np.log2(4.0 / 3.0)],
    ),
    (exponential, [0.0, LN2, -np.log(4.0)], [1.0, 0.5, 4.0]),
    (squared, [-1.0, 0.0, 1.0, 3.0], [4.0, 1.0, 0.0, 4.0]),
    (modified_huber, [-3.0, -1.0, 0.0, 0.5, 2.0], [12.0, 4.0, 1.0, 0.25, 0.0]),
    (perceptron, [-2.0, 0.0, 3.0], [2.0, 0.0, 0.0]),
]


@pytest.mark.parametrize(("func", "z", "expected"), HAND_COMPUTED)
def test_hand_computed_values(func, z, expected) -> None:
    assert_allclose(func(z), expected, rtol=1e-14, atol=1e-300)


@pytest.mark.parametrize("func", PUBLIC_FUNCTIONS)
def test_shapes_are_kept_and_a_scalar_gives_a_float(func) -> None:
    assert isinstance(func(0.5), float)
    assert isinstance(func(np.float64(0.5)), float)
    z = np.linspace(-2, 2, 12).reshape(2, 3, 2)
    out = func(z)
    assert out.shape == (2, 3, 2)
    assert_array_equal(out.ravel(), func(z.ravel()))
    assert func(np.empty((0, 3))).shape == (0, 3)
    assert_array_equal(func([1, 2]), func([1.0, 2.0]))  # integers are accepted


def test_perceptron_has_no_negative_zero() -> None:
    assert not np.signbit(perceptron(0.0))


def test_overflow_gives_inf_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert exponential(-709.0) < np.inf
        assert exponential(-710.0) == np.inf
        assert SURROGATES["exponential"].derivative(-710.0) == -np.inf
        assert squared(1e300) == np.inf
        assert logistic(-1e300) == 1e300
        assert logistic(1e300) == 0.0
        assert SURROGATES["exponential"].mean_loss([1, 0], [-800.0, 0.0]) == np.inf


def test_logistic_base2_bounds_the_zero_one_loss_but_nats_do_not() -> None:
    assert logistic(0.0) == pytest.approx(LN2)
    assert logistic(0.0) < zero_one(0.0)
    assert logistic(0.0, base2=True) == pytest.approx(1.0)
    assert np.all(logistic(GRID, base2=True) >= zero_one(GRID) - 1e-15)


# --- the declared properties, checked both ways on a dense grid ---------------------------


@pytest.mark.parametrize("name", NAMES)
def test_upper_bound_flag(name: str) -> None:
    violated = phi(name, GRID) < zero_one(GRID) - 1e-12
    assert SURROGATES[name].upper_bounds_zero_one == (not violated.any())


@pytest.mark.parametrize("name", NAMES)
def test_convex_flag(name: str) -> None:
    h = 1e-3
    values = phi(name, GRID)
    second = phi(name, GRID - h) - 2 * values + phi(name, GRID + h)
    convex_on_grid = np.all(second >= -1e-9 * (1 + values))
    assert SURROGATES[name].convex == convex_on_grid


@pytest.mark.parametrize("name", NAMES)
def test_non_increasing_flag(name: str) -> None:
    assert SURROGATES[name].non_increasing == np.all(np.diff(phi(name, GRID)) <= 1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_every_loss_is_non_increasing_up_to_margin_one(name: str) -> None:
    below = GRID[GRID <= 1]
    assert np.all(np.diff(phi(name, below)) <= 1e-12)


def largest_step(name: str, h: float) -> float:
    """Largest change of the loss over a step h, at any grid point (kinks included)."""
    values = phi(name, GRID)
    return max(
        np.max(np.abs(phi(name, GRID + h) - values)), np.max(np.abs(values - phi(name, GRID - h)))
    )


@pytest.mark.parametrize("name", NAMES)
def test_continuous_flag(name: str) -> None:
    # A continuous loss is Lipschitz on [-5, 5] here, so its largest step shrinks with h;
    # a jump does not shrink.
    shrinks = largest_step(name, 1e-5) < 0.1 * largest_step(name, 1e-3)
    assert SURROGATES[name].continuous == shrinks


@pytest.mark.parametrize("name", NAMES)
def test_differentiable_flag(name: str) -> None:
    left, right = left_quotient(name, GRID), right_quotient(name, GRID)
    agree = np.abs(left - right) <= 1e-3 * (1 + np.abs(left))
    assert SURROGATES[name].differentiable == bool(np.all(agree))


@pytest.mark.parametrize("name", NAMES)
def test_calibration_flag_by_the_definition(name: str) -> None:
    # Calibrated iff H^-(eta) > H(eta) for every eta != 1/2 (Bartlett et al. 2006).
    eta = np.concatenate([np.linspace(0.0, 0.45, 10), np.linspace(0.55, 1.0, 10)])
    h, h_minus = brute_h_and_h_minus(name, eta)
    assert SURROGATES[name].classification_calibrated == bool(np.all(h_minus - h > 1e-6))


@pytest.mark.parametrize("name", [n for n in NAMES if SURROGATES[n].convex])
def test_calibration_flag_by_the_convex_criterion(name: str) -> None:
    # A convex loss is calibrated iff it is differentiable at 0 with phi'(0) < 0.
    zero = np.array([0.0])
    left, right = left_quotient(name, zero)[0], right_quotient(name, zero)[0]
    criterion = abs(left - right) <= 1e-3 and left < 0
    assert SURROGATES[name].classification_calibrated == criterion
    if criterion:
        assert SURROGATES[name].derivative(0.0) < 0


@pytest.mark.parametrize("name", NAMES)
def test_calibration_flag_by_psi(name: str) -> None:
    positive = np.all(SURROGATES[name].psi(THETAS[1:]) > 0)
    assert SURROGATES[name].classification_calibrated == positive


# --- derivatives ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences_away_from_kinks(name: str) -> None:
    z = GRID[np.min(np.abs(GRID[:, None] - KINKS[None, :]), axis=1) > 1e-3]
    central = (phi(name, z + STEP) - phi(name, z - STEP)) / (2 * STEP)
    assert_allclose(SURROGATES[name].derivative(z), central, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_at_kinks_is_the_left_derivative(name: str) -> None:
    assert_allclose(SURROGATES[name].derivative(KINKS), left_quotient(name, KINKS), atol=1e-5)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_is_never_nan(name: str) -> None:
    z = np.concatenate([GRID, [-1e300, -1e5, 1e5, 1e300]])
    assert not np.any(np.isnan(SURROGATES[name].derivative(z)))


def test_sklearn_sgd_losses_agree() -> None:
    try:
        from sklearn.linear_model import SGDClassifier

        table = SGDClassifier.loss_functions
        sgd = {name: table[name][0](*table[name][1:]) for name in ("modified_huber", "hinge")}
        sgd["squared_hinge"] = table["squared_hinge"][0](*table["squared_hinge"][1:])
        sgd["perceptron"] = table["perceptron"][0](*table["perceptron"][1:])
        sgd["modified_huber"].py_loss(0.0, 1.0)
    except (ImportError, AttributeError, KeyError, TypeError) as err:
        pytest.skip(f"scikit-learn's SGD loss objects are not reachable here: {err!r}")
    z = np.union1d(np.linspace(-4, 4, 161), KINKS)
    for name, reference in sgd.items():
        # SGD's loss(p, y) is phi(y p) and dloss(p, y) is y phi'(y p); y = -1 checks the sign.
        for y in (1.0, -1.0):
            expected = np.array([reference.py_loss(p, y) for p in y * z])
            slope = np.array([reference.py_dloss(p, y) for p in y * z])
            assert_allclose(SURROGATES[name].loss(z), expected, rtol=1e-12, err_msg=name)
            assert_allclose(y * SURROGATES[name].derivative(z), slope, rtol=1e-12, err_msg=name)


# --- the psi-transform ---------------------------------------------------------------------


def test_psi_known_closed_forms() -> None:
    t = THETAS
    assert_allclose(SURROGATES["hinge"].psi(t), np.abs(t))
    assert_allclose(SURROGATES["squared"].psi(t), t**2)
    assert_allclose(SURROGATES["exponential"].psi(t), 1 - np.sqrt(1 - t**2), atol=1e-15)
    natural = xlogy((1 + t) / 2, 1 + t) + xlogy((1 - t) / 2, 1 - t)
    assert_allclose(SURROGATES["logistic"].psi(t), natural, rtol=1e-10, atol=1e-15)
    assert_allclose(SURROGATES["logistic_base2"].psi(t), natural / LN2, rtol=1e-10, atol=1e-15)


def test_psi_is_accurate_for_small_theta() -> None:
    theta = 1e-8  # both psi are theta^2 / 2 + O(theta^4) here
    assert SURROGATES["logistic"].psi(theta) == pytest.approx(theta**2 / 2, rel=1e-12)
    assert SURROGATES["exponential"].psi(theta) == pytest.approx(theta**2 / 2, rel=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_psi_matches_the_brute_force_definition(name: str) -> None:
    eta = (1 + THETAS) / 2
    h, h_minus = brute_h_and_h_minus(name, eta)
    psi_tilde = h_minus - h
    expected = convex_closure(THETAS, psi_tilde)
    assert_allclose(SURROGATES[name].psi(THETAS), expected, atol=1e-6)


@pytest.mark.parametrize("name", [n for n in NAMES if SURROGATES[n].convex])
def test_psi_of_a_convex_loss_is_phi0_minus_h(name: str) -> None:
    loss = SURROGATES[name]
    expected = loss.loss(0.0) - loss.optimal_conditional_risk((1 + THETAS) / 2)
    assert_allclose(loss.psi(THETAS), expected, atol=1e-14)


@pytest.mark.parametrize("name", NAMES)
def test_psi_is_zero_at_zero_nondecreasing_and_convex(name: str) -> None:
    values = SURROGATES[name].psi(THETAS)
    assert values[0] == 0.0
    assert np.all(np.diff(values) >= 0)
    assert np.all(np.diff(values, 2) >= -1e-12)


def test_perceptron_psi_is_zero() -> None:
    assert_array_equal(SURROGATES["perceptron"].psi(THETAS), np.zeros_like(THETAS))


# --- minimisers of the conditional risk ----------------------------------------------------

ETAS = np.union1d(np.linspace(0.0, 1.0, 51), [0.5])


def test_minimizer_known_closed_forms() -> None:
    eta = ETAS
    get = {name: SURROGATES[name].minimizer(eta) for name in NAMES}
    assert_allclose(get["logistic"], logit(eta))
    assert_allclose(get["logistic_base2"], logit(eta))
    assert_allclose(get["exponential"], 0.5 * logit(eta))
    assert get["logistic"][0] == -np.inf and get["logistic"][-1] == np.inf
    for name in ("squared", "squared_hinge", "modified_huber"):
        assert_allclose(get[name], 2 * eta - 1)
    assert_array_equal(get["hinge"], np.sign(2 * eta - 1))
    assert_array_equal(get["zero_one"], np.where(eta >= 0.5, 1.0, -1.0))
    assert_array_equal(get["perceptron"], np.zeros_like(eta))


@pytest.mark.parametrize("name", NAMES)
def test_minimizer_reaches_the_brute_force_minimum(name: str) -> None:
    loss = SURROGATES[name]
    brute_min = brute_conditional_risks(name, ETAS).min(axis=1)
    at_minimizer = loss.optimal_conditional_risk(ETAS)
    # The closed form is at most the grid minimum (it is the infimum), and not far below it.
    assert np.all(at_minimizer <= brute_min + 1e-12)
    assert_allclose(at_minimizer, brute_min, atol=1e-6)


@pytest.mark.parametrize("name", [n for n in NAMES if n != "zero_one"])
def test_minimizer_is_the_brute_force_argmin_where_unique(name: str) -> None:
    # Unique on (0, 1), except the hinge at 1/2 (all of [-1, 1]); the 0-1 loss never is.
    eta = ETAS[(ETAS > 0) & (ETAS < 1) & ((ETAS != 0.5) | (name != "hinge"))]
    argmin = ALPHAS[brute_conditional_risks(name, eta).argmin(axis=1)]
    assert_allclose(SURROGATES[name].minimizer(eta), argmin, atol=2e-3)


def test_zero_one_minimizer_has_the_bayes_sign_and_is_never_zero() -> None:
    f = SURROGATES["zero_one"].minimizer(ETAS)
    assert np.all(f != 0)
    assert np.all(np.sign(f[ETAS != 0.5]) == np.sign(2 * ETAS[ETAS != 0.5] - 1))


@pytest.mark.parametrize("name", NAMES)
def test_least_risk_is_zero_for_a_certain_label(name: str) -> None:
    assert_array_equal(SURROGATES[name].optimal_conditional_risk([0.0, 1.0]), [0.0, 0.0])


def test_conditional_risk_values() -> None:
    loss = SURROGATES["squared"]
    assert loss.conditional_risk(0.25, 0.5) == pytest.approx(0.25 * 0.25 + 0.75 * 2.25)
    assert_allclose(loss.conditional_risk([0.0, 1.0], [2.0, 2.0]), [9.0, 1.0])
    assert_allclose(loss.conditional_risk([0.2, 0.8], 0.0), [1.0, 1.0])


# --- the comparison theorem psi(R(f) - R*) <= R_phi(f) - R_phi* ---------------------------


def excess_risks(name: str, weight, eta, f) -> tuple[float, float]:
    loss, zero = SURROGATES[name], SURROGATES["zero_one"]
    excess_error = weight @ (zero.conditional_risk(eta, f) - np.minimum(eta, 1 - eta))
    excess_phi = weight @ (loss.conditional_risk(eta, f) - loss.optimal_conditional_risk(eta))
    return float(excess_error), float(excess_phi)


@pytest.mark.parametrize("name", NAMES)
def test_comparison_theorem_on_finite_distributions(name: str) -> None:
    rng = np.random.default_rng(4)
    for trial in range(40):
        weight = rng.dirichlet(np.ones(30))
        eta = rng.uniform(0, 1, 30)
        spread = 3.0 if trial % 2 else 0.3  # far from and close to the Bayes scores
        f = np.clip(SURROGATES["logistic"].minimizer(eta), -5, 5) + rng.normal(0, spread, 30)
        excess_error, excess_phi = excess_risks(name, weight, eta, f)
        assert 0 <= excess_error <= 1
        assert SURROGATES[name].psi(excess_error) <= excess_phi + 1e-12


@pytest.mark.parametrize("name", [n for n in NAMES if SURROGATES[n].convex])
def test_comparison_theorem_is_tight_for_convex_losses(name: str) -> None:
    # One point with eta = (1 + theta)/2 and a score just on the wrong side of 0: the
    # excess error is theta and the excess phi-risk tends to psi(theta).
    for theta in THETAS[1:]:
        eta = np.array([(1 + theta) / 2])
        excess_error, excess_phi = excess_risks(name, np.ones(1), eta, np.array([-1e-12]))
        assert excess_error == pytest.approx(theta)
        assert SURROGATES[name].psi(theta) == pytest.approx(excess_phi, abs=1e-9)


# --- margins and mean losses ----------------------------------------------------------------


def test_margins_read_each_label_encoding() -> None:
    scores = np.array([0.5, -2.0, 1.5, 0.0])
    expected = np.array([-0.5, -2.0, 1.5, -0.0])
    assert_array_equal(margins([0, 1, 1, 0], scores), expected)
    assert_array_equal(margins([-1, 1, 1, -1], scores), expected)
    assert_array_equal(margins([False, True, True, False], scores), expected)
    assert_array_equal(margins([0.0, 1.0, 1.0, 0.0], scores), expected)
    assert_array_equal(margins(["a", "b", "b", "a"], scores, labels=["a", "b"]), expected)
    with pytest.warns(UserWarning, match="not sorted"):
        assert_array_equal(margins(["b", "a", "a", "b"], scores, labels=["b", "a"]), expected)
    assert_array_equal(margins([3, 7, 7, 3], scores, labels=[3, 7]), expected)


def test_margins_with_a_single_class() -> None:
    assert_array_equal(margins([1, 1], [2.0, -1.0]), [2.0, -1.0])
    assert_array_equal(margins([0, 0], [2.0, -1.0]), [-2.0, 1.0])
    assert_array_equal(margins([-1, -1], [2.0, -1.0]), [-2.0, 1.0])
    assert_array_equal(margins(["x", "x"], [2.0, -1.0], labels=["x", "y"]), [-2.0, 1.0])


@pytest.mark.parametrize("y_true", [[0, 1, 1, 0, 1], [-1, 1, 1, -1, 1], ["neg", "pos"] * 3])
def test_hinge_mean_loss_matches_sklearn(y_true) -> None:
    rng = np.random.default_rng(0)
    scores = rng.normal(0, 2, len(y_true))
    labels = ["neg", "pos"] if isinstance(y_true[0], str) else None
    ours = SURROGATES["hinge"].mean_loss(y_true, scores, labels=labels)
    assert ours == pytest.approx(hinge_loss(y_true, scores), abs=1e-12)


def test_mean_loss_is_the_mean_of_the_margin_losses() -> None:
    rng = np.random.default_rng(1)
    y, scores = rng.integers(0, 2, 50), rng.normal(0, 2, 50)
    for name in NAMES:
        expected = np.mean(SURROGATES[name].loss(margins(y, scores)))
        assert SURROGATES[name].mean_loss(y, scores) == pytest.approx(expected, rel=1e-15)


MARGIN_ERRORS = [
    (([0, 1, 1], [0.5, 1.0]), {}, ValueError, "inconsistent numbers of samples"),
    (([0, 1, 2], [0.5, 1.0, 2.0]), {}, ValueError, "the label 2, but a 1D input"),
    (([0, 1], [0.5, np.nan]), {}, ValueError, "scores contains 1 NaN"),
    (([0, 1], [0.5, np.inf]), {}, ValueError, "scores contains 0 NaN and 1 infinite"),
    (([0.0, np.nan], [0.5, 1.0]), {}, ValueError, "y_true contains NaN"),
    (([0, 1], ["a", "b"]), {}, TypeError, "scores must hold numbers"),
    (([0, 1], "ab"), {}, TypeError, "scores must be array-like of numbers"),
    (([0, 1], [[0.5, 1.0]]), {}, ValueError, "Expected 1D array for scores"),
    (([], []), {}, ValueError, "y_true is empty"),
    ((["a", "a"], [0.5, 1.0]), {}, ValueError, "only integer labels .* labels="),
    (([3, 7], [0.5, 1.0]), {}, ValueError, "the label 7, .* labels="),
    (([0, -1, 1], [0.5, 1.0, 2.0]), {}, ValueError, "mixes -1 and 0"),
    ((["a", "b"], [0.5, 1.0]), {"labels": ["a", "b", "c"]}, ValueError, "stands for 2 columns"),
    ((["a", "b"], [0.5, 1.0]), {"labels": ["a", "a"]}, ValueError, "must not repeat"),
    ((["a", "c"], [0.5, 1.0]), {"labels": ["a", "b"]}, ValueError, r"not in labels: \['c'\]"),
    ((["a", "b"], [0.5, 1.0]), {"labels": [0, 1]}, TypeError, "different types"),
]


@pytest.mark.parametrize(("args", "kwargs", "error", "match"), MARGIN_ERRORS)
def test_margins_reject_bad_input(args, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        margins(*args, **kwargs)
    with pytest.raises(error, match=match):
        SURROGATES["logistic"].mean_loss(*args, **kwargs)


# --- multiclass hinge -----------------------------------------------------------------------


def test_multiclass_hinge_matches_sklearn() -> None:
    rng = np.random.default_rng(2)
    y = rng.integers(0, 4, 60)
    scores = rng.normal(0, 1.5, (60, 4))
    assert multiclass_hinge(y, scores) == pytest.approx(hinge_loss(y, scores), abs=1e-12)
    names = np.array(["ant", "bee", "cat", "dog"])[y]
    ours = multiclass_hinge(names, scores, labels=["ant", "bee", "cat", "dog"])
    assert ours == pytest.approx(hinge_loss(names, scores), abs=1e-12)
    missing = y[y != 2]  # class 2 has no sample: integer labels still index the columns
    kept = scores[y != 2]
    expected = hinge_loss(missing, kept, labels=[0, 1, 2, 3])
    assert multiclass_hinge(missing, kept) == pytest.approx(expected, abs=1e-12)
    assert multiclass_hinge(missing, kept, labels=[0, 1, 2, 3]) == pytest.approx(
        expected, abs=1e-12
    )


def test_multiclass_hinge_with_two_columns_is_the_binary_hinge() -> None:
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 40)
    scores = rng.normal(0, 1, (40, 2))
    binary = SURROGATES["hinge"].mean_loss(y, scores[:, 1] - scores[:, 0])
    assert multiclass_hinge(y, scores) == pytest.approx(binary, abs=1e-12)


MULTICLASS_ERRORS = [
    (([0, 1, 2], [0.5, 1.0, 2.0]), {}, ValueError, "scores is 1D"),
    (([0, 0], [[0.5], [1.0]]), {}, ValueError, "1 column"),
    (([0, 1, 4], np.zeros((3, 4))), {}, ValueError, "the label 4, but scores has 4 columns"),
    (([0, 1, 2], np.zeros((2, 3))), {}, ValueError, "inconsistent numbers of samples"),
    (([0, 1, 5], np.zeros((3, 3))), {"labels": [0, 1, 2]}, ValueError, r"not in labels: \[5\]"),
    (([0, 1], np.zeros((2, 3))), {"labels": [0, 1]}, ValueError, "labels has 2 classes but"),
    (([0, 1], [[0.0, np.nan], [1.0, 2.0]]), {}, ValueError, "scores contains 1 NaN"),
    (([0, 1], [["a", "b"], ["c", "d"]]), {}, TypeError, "scores must hold numbers"),
    ((["a", "b"], np.zeros((2, 2))), {"labels": [0, 1]}, TypeError, "different types"),
]


@pytest.mark.parametrize(("args", "kwargs", "error", "match"), MULTICLASS_ERRORS)
def test_multiclass_hinge_rejects_bad_input(args, kwargs, error, match) -> None:
    with pytest.raises(error, match=match):
        multiclass_hinge(*args, **kwargs)


# --- bad input to the elementwise functions and the methods -------------------------------

BAD_VALUES = [
    ("a string", TypeError, "{} must be array-like of numbers, got a string"),
    (["a", "b"], TypeError, "{} must hold numbers"),
    ([True, False], TypeError, "{} must hold numbers, got booleans"),
    ([1 + 2j], TypeError, "{} must hold real numbers"),
    ([0.5, np.nan], ValueError, "{} contains 1 NaN"),
    ([0.5, np.inf], ValueError, "{} contains 0 NaN and 1 infinite"),
    ([[0.5], [0.1, 0.2]], ValueError, "{} could not be converted"),
]


@pytest.mark.parametrize(("value", "error", "match"), BAD_VALUES)
def test_margin_functions_reject_bad_z(value, error, match) -> None:
    for func in [*PUBLIC_FUNCTIONS, SURROGATES["hinge"].loss, SURROGATES["hinge"].derivative]:
        with pytest.raises(error, match=match.format("z")):
            func(value)


@pytest.mark.parametrize(("value", "error", "match"), BAD_VALUES)
def test_methods_reject_bad_eta_and_theta(value, error, match) -> None:
    loss = SURROGATES["exponential"]
    for method in (loss.minimizer, loss.optimal_conditional_risk):
        with pytest.raises(error, match=match.format("eta")):
            method(value)
    with pytest.raises(error, match=match.format("eta")):
        loss.conditional_risk(value, 0.0)
    with pytest.raises(error, match=match.format("f")):
        loss.conditional_risk(0.5, value)
    with pytest.raises(error, match=match.format("theta")):
        loss.psi(value)


@pytest.mark.parametrize("value", [-0.1, 1.5, [0.5, 2.0]])
def test_eta_and_theta_must_lie_in_the_unit_interval(value) -> None:
    loss = SURROGATES["logistic"]
    with pytest.raises(ValueError, match=r"eta must be in \[0, 1\], found"):
        loss.minimizer(value)
    with pytest.raises(ValueError, match=r"eta must be in \[0, 1\], found"):
        loss.optimal_conditional_risk(value)
    with pytest.raises(ValueError, match=r"eta must be in \[0, 1\], found"):
        loss.conditional_risk(value, 1.0)
    with pytest.raises(ValueError, match=r"theta must be in \[0, 1\], found"):
        loss.psi(value)


def test_conditional_risk_refuses_to_broadcast_different_shapes() -> None:
    with pytest.raises(ValueError, match=r"eta has shape \(2,\) and f has shape \(3,\)"):
        SURROGATES["hinge"].conditional_risk([0.2, 0.4], [0.0, 1.0, 2.0])


def test_logistic_base2_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="base2 must be True or False, got str"):
        logistic(0.0, base2="yes")


# --- properties for any input (hypothesis) -------------------------------------------------

finite_margins = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
unit = st.floats(min_value=0.0, max_value=1.0)


@given(z=finite_margins)
def test_every_loss_is_non_negative_and_never_nan(z: float) -> None:
    for loss in SURROGATES.values():
        value, slope = loss.loss(z), loss.derivative(z)
        assert value >= 0 and not np.isnan(value)
        assert not np.isnan(slope)
        if loss.upper_bounds_zero_one:
            assert value >= zero_one(z)


@given(a=finite_margins, b=finite_margins)
def test_losses_are_monotone_where_declared(a: float, b: float) -> None:
    low, high = min(a, b), max(a, b)
    for loss in SURROGATES.values():
        if loss.non_increasing or high <= 1:
            assert loss.loss(low) >= loss.loss(high)


@given(s=unit, t=unit)
def test_psi_is_nondecreasing_and_below_phi_at_zero(s: float, t: float) -> None:
    for loss in SURROGATES.values():
        low, high = loss.psi(min(s, t)), loss.psi(max(s, t))
        assert 0 <= low <= high <= loss.loss(0.0) + 1e-15


@given(eta=unit, f=st.floats(min_value=-50, max_value=50))
def test_wrong_sign_costs_at_least_psi(eta: float, f: float) -> None:
    # The pointwise step of the comparison theorem: a score on the wrong side of 0
    # (f (2 eta - 1) <= 0) has an excess conditional risk of at least psi(|2 eta - 1|).
    if f * (2 * eta - 1) > 0:
        f = -f
    for loss in SURROGATES.values():
        excess = loss.conditional_risk(eta, f) - loss.optimal_conditional_risk(eta)
        assert loss.psi(abs(2 * eta - 1)) <= excess + 1e-9 * (1 + abs(excess))


@given(
    y=st.lists(st.sampled_from([0, 1]), min_size=1, max_size=20),
    seed=st.integers(0, 2**32 - 1),
)
def test_margins_agree_across_encodings(y: list[int], seed: int) -> None:
    scores = np.random.default_rng(seed).normal(0, 3, len(y))
    z = margins(y, scores)
    assert_array_equal(z, margins(2 * np.array(y) - 1, scores))
    assert_array_equal(np.abs(z), np.abs(scores))
    with pytest.warns(UserWarning, match="not sorted"):
        assert_array_equal(margins(y, scores, labels=[1, 0]), -z)


# ------------------------------------------------------------- excess risk and probability
@pytest.mark.parametrize("name", list(SURROGATES))
def test_excess_risk_is_the_mean_conditional_risk_minus_its_least_value(name: str) -> None:
    loss = SURROGATES[name]
    rng = np.random.default_rng(1)
    eta = rng.uniform(0.05, 0.95, 7)
    scores = rng.normal(size=(5, 7)) * 2
    expected = [
        np.mean(eta * loss.loss(f) + (1 - eta) * loss.loss(-f))
        - np.mean(loss.optimal_conditional_risk(eta))
        for f in scores
    ]
    assert_allclose(loss.excess_risk(eta, scores), expected, rtol=1e-12, atol=1e-15)
    assert isinstance(loss.excess_risk(eta, scores[0]), float)
    assert loss.excess_risk(eta, loss.minimizer(eta)) == pytest.approx(0, abs=1e-12)


def test_excess_risk_of_the_zero_one_loss_is_the_excess_error_rate() -> None:
    eta = np.array([0.9, 0.2, 0.6, 0.3])
    scores = np.array([1.0, 1.0, -1.0, -1.0])  # wrong at the second and third input
    bayes_error = np.mean(np.minimum(eta, 1 - eta))
    error = np.mean(np.where(scores > 0, 1 - eta, eta))
    assert SURROGATES["zero_one"].excess_risk(eta, scores) == pytest.approx(error - bayes_error)
    assert SURROGATES["hinge"].excess_risk(np.full(3, 0.5), 0.0) == 0.0  # a scalar score


@pytest.mark.parametrize(
    ("eta", "scores", "error", "match"),
    [
        ([0.5, 1.5], [0.0, 0.0], ValueError, r"eta must be in \[0, 1\]"),
        ([[0.5]], [0.0], ValueError, "Expected 1D array for eta"),
        ([0.5, 0.5], [0.0, 0.0, 0.0], ValueError, "one score per input"),
        ([0.5], [np.nan], ValueError, "NaN"),
        ([0.5], ["a"], TypeError, "scores must hold numbers"),
        (pd.Series([0.2, 0.7]), pd.DataFrame([[0.0]]), ValueError, "one score per input"),
    ],
)
def test_excess_risk_refuses_bad_input(eta, scores, error, match) -> None:
    with pytest.raises(error, match=match):
        SURROGATES["hinge"].excess_risk(eta, scores)


def test_excess_risk_reads_pandas_like_numpy() -> None:
    eta, scores = pd.Series([0.2, 0.7, 0.9]), pd.DataFrame([[0.5, -1.0, 2.0], [1.0, 1.0, 1.0]])
    assert_allclose(
        SURROGATES["logistic"].excess_risk(eta, scores),
        SURROGATES["logistic"].excess_risk(eta.to_numpy(), scores.to_numpy()),
    )


@pytest.mark.parametrize("name", list(SURROGATES))
def test_probability_inverts_the_minimiser_exactly_where_it_is_increasing(name: str) -> None:
    loss = SURROGATES[name]
    eta = np.linspace(0.01, 0.99, 99)
    f_star = loss.minimizer(eta)
    increasing = bool(np.all(np.diff(f_star) > 0))
    assert loss.estimates_probability == increasing
    if increasing:
        assert_allclose(loss.probability(f_star), eta, rtol=1e-12)
    else:
        with pytest.raises(ValueError, match="does not estimate probabilities.*Platt"):
            loss.probability(f_star)


def test_probability_is_sklearns_inverse_link() -> None:
    from sklearn.linear_model import SGDClassifier

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(200, 3)), rng.integers(0, 2, 200)
    for loss, name in (("log_loss", "logistic"), ("modified_huber", "modified_huber")):
        model = SGDClassifier(loss=loss, random_state=0).fit(X, y)
        f = model.decision_function(X)
        assert_allclose(SURROGATES[name].probability(f), model.predict_proba(X)[:, 1])
    with pytest.raises(TypeError, match="f must hold numbers"):
        SURROGATES["logistic"].probability(["x"])
