r"""Build predictions with a prescribed accuracy and cross-entropy, exactly.

Chapter 3 rebuilds the three models of a classic forum question (98.1 % / 0.1882,
98.5 % / 0.0997, 99.1 % / 0.2544) and other pairs of (accuracy, loss). With :math:`n`
samples of which :math:`k = a n` are correct, the target loss :math:`L` fixes the *total*
cost :math:`nL`; what is free is how it is split between the correct predictions (each
costs less than :math:`\ln 2`) and the wrong ones (each costs more than :math:`\ln 2`):

.. math::

    n L = k\,c_{\text{correct}} + (n - k)\,c_{\text{wrong}},
    \qquad c = -\ln p(\text{true class}).

Choose how confident the correct predictions are and the cost each mistake must carry
follows, or the other way round. :func:`scenario` raises a ``ValueError`` that explains
why when a target cannot be met.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_scalar
from .bounds import LN2
from .classification import accuracy as _accuracy
from .classification import cross_entropy, per_sample_cross_entropy

__all__ = ["Scenario", "cost_per_mistake", "mistake_table", "proba_when_right", "scenario"]


@dataclass(frozen=True)
class Scenario:
    """Labels and predicted probabilities built by :func:`scenario`.

    Attributes
    ----------
    y_true : ndarray of shape (n_samples,)
        Integer class labels ``0 .. n_classes - 1``.
    proba : ndarray of shape (n_samples, n_classes)
        Predicted probabilities; every row sums to one.
    correct : ndarray of bool, shape (n_samples,)
        Which predictions are correct.
    """

    y_true: NDArray[np.int64]
    proba: NDArray[np.float64]
    correct: NDArray[np.bool_]

    @property
    def n_classes(self) -> int:
        """Number of classes (columns of ``proba``)."""
        return int(self.proba.shape[1])

    @property
    def y_pred(self) -> NDArray[np.int64]:
        """Predicted labels, the most probable class of each row."""
        return self.proba.argmax(axis=1)

    @property
    def accuracy(self) -> float:
        """Accuracy of the predictions, measured (not the target)."""
        return _accuracy(self.y_true, self.y_pred)

    @property
    def loss(self) -> float:
        """Mean cross-entropy in nats, measured (not the target)."""
        return cross_entropy(self.y_true, self.proba, labels=np.arange(self.n_classes))

    @property
    def per_sample_loss(self) -> NDArray[np.float64]:
        """Cross-entropy of each sample, in nats."""
        return per_sample_cross_entropy(self.y_true, self.proba, labels=np.arange(self.n_classes))

    @property
    def true_class_proba(self) -> NDArray[np.float64]:
        """Probability each sample gives its true class."""
        return self.proba[np.arange(len(self.y_true)), self.y_true]


def _spread_costs(mean: float, count: int, spread: float, rng: np.random.Generator) -> NDArray:
    """``count`` costs with the given mean, each within ``mean * (1 +- spread)``."""
    if count == 0:
        return np.empty(0)
    z = rng.uniform(-1.0, 1.0, size=count)
    z -= z.mean()
    peak = np.abs(z).max()
    if peak > 0:
        z /= peak
    return mean * (1.0 + spread * z)


def _feasible_correct_range(k: int, n: int, total: float, cost_max: float) -> tuple[float, float]:
    """Interval of true-class probabilities for the correct predictions that meets the target."""
    # wrong cost w = (total - k c) / (n - k) must lie in (ln 2, cost_max]
    c_high = min((total - (n - k) * LN2) / k, LN2)
    c_low = max((total - (n - k) * cost_max) / k, 0.0)
    return float(np.exp(-c_high)), float(np.exp(-c_low))


def scenario(
    accuracy: float,
    loss: float,
    n: int,
    *,
    n_classes: int = 2,
    true_proba_correct: float | None = None,
    true_proba_wrong: float | None = None,
    spread: float = 0.0,
    random_state: int = 0,
) -> Scenario:
    r"""Labels and probabilities whose accuracy and cross-entropy equal the targets.

    The correct predictions all give their true class the probability
    ``true_proba_correct`` (cost :math:`c = -\ln p`), the wrong ones all give it
    ``true_proba_wrong`` (cost :math:`w`), with

    .. math::

        k\,c + (n - k)\,w = n L, \qquad 0 < c < \ln 2 < w \le -\ln\epsilon,

    where :math:`k = a n` is the number of correct predictions and :math:`\epsilon` the
    machine epsilon (probabilities below it would be clipped by the loss). Give one of
    the two probabilities and the other is solved for; give neither and the correct
    predictions get 0.99. With ``spread > 0`` the costs vary from sample to sample
    (uniformly within ``mean * (1 +- spread)``) while each group keeps its mean, so the
    targets still hold exactly. Classes are balanced and shuffled; a wrong prediction
    picks another class at random, and in a correct row the other classes share what is
    left equally. See chapter 3.

    Parameters
    ----------
    accuracy : float
        Target accuracy in [0, 1]; ``accuracy * n`` must be a whole number.
    loss : float
        Target mean cross-entropy in nats, > 0.
    n : int
        Number of samples, >= 1.
    n_classes : int, default=2
        Number of classes, >= 2.
    true_proba_correct : float, optional
        Probability every correct prediction gives its true class, in (1/2, 1).
    true_proba_wrong : float, optional
        Probability every wrong prediction gives its true class, in (0, 1/2).
    spread : float, default=0.0
        Relative spread of the per-sample costs around their group mean, in [0, 1).
    random_state : int, default=0
        Seed for the labels, which samples are wrong, and the spread.

    Returns
    -------
    Scenario
        With ``accuracy`` and ``loss`` equal to the targets (to about 1e-12).

    Raises
    ------
    ValueError
        If the target is infeasible: ``accuracy * n`` is not whole; the loss is at or
        below the bound :math:`(1 - a)\ln 2` (each mistake costs more than ln 2); it is
        too large for the given accuracy; the chosen probability leaves the other group
        an impossible cost (the message gives the feasible interval); or ``spread`` pushes
        a cost across ln 2. Also on arguments of the wrong type or range.

    Examples
    --------
    >>> s = scenario(0.991, 0.2544, 1000)
    >>> round(s.accuracy, 3), round(s.loss, 4)
    (0.991, 0.2544)
    >>> float(s.true_class_proba[~s.correct].max()) < 1e-11
    True
    """
    a = check_scalar(accuracy, "accuracy", low=0.0, high=1.0)
    target = check_scalar(loss, "loss", low=0.0, include_low=False)
    n = check_scalar(n, "n", low=1, integer=True)
    n_classes = check_scalar(n_classes, "n_classes", low=2, integer=True)
    spread = check_scalar(spread, "spread", low=0.0, high=1.0, include_high=False)
    random_state = check_scalar(random_state, "random_state", low=0, integer=True)
    if true_proba_correct is not None and true_proba_wrong is not None:
        raise ValueError(
            "Give true_proba_correct or true_proba_wrong, not both: with the accuracy and the "
            "loss fixed, one determines the other."
        )
    if true_proba_correct is not None:
        true_proba_correct = check_scalar(
            true_proba_correct,
            "true_proba_correct",
            low=0.5,
            high=1.0,
            include_low=False,
            include_high=False,
        )
    if true_proba_wrong is not None:
        true_proba_wrong = check_scalar(
            true_proba_wrong,
            "true_proba_wrong",
            low=0.0,
            high=0.5,
            include_low=False,
            include_high=False,
        )

    k = round(a * n)
    if abs(a * n - k) > 1e-9 * max(n, 1):
        raise ValueError(
            f"accuracy={a!r} is not a multiple of 1/n for n={n}: {a * n:g} correct predictions "
            f"is not a whole number. The nearest feasible accuracies are {np.floor(a * n) / n:g} "
            f"and {np.ceil(a * n) / n:g}, or choose n so that accuracy * n is whole."
        )
    wrong = n - k
    total = target * n
    cost_max = -np.log(np.finfo(np.float64).eps)  # a lower probability would be clipped
    bound = wrong * LN2 / n
    if total <= wrong * LN2:
        raise ValueError(
            f"loss={target!r} is infeasible with accuracy={a!r}: each of the {wrong} mistakes "
            f"costs more than ln 2 = {LN2:.4f} nats, so the loss must exceed (1 - accuracy) ln 2 "
            f"= {bound:.6g}."
        )
    if total >= k * LN2 + wrong * cost_max:
        raise ValueError(
            f"loss={target!r} is too large for accuracy={a!r}: correct predictions cost less than "
            f"ln 2 and a mistake at most {cost_max:.2f} nats (probability = machine epsilon), so "
            f"the loss must stay below {(k * LN2 + wrong * cost_max) / n:.6g}."
        )

    # Split the total cost between the correct and the wrong predictions.
    if k == 0:
        if true_proba_correct is not None:
            raise ValueError(
                "true_proba_correct was given but accuracy=0: no prediction is correct."
            )
        c_mean, w_mean = 0.0, target
        if true_proba_wrong is not None and not np.isclose(w_mean, -np.log(true_proba_wrong)):
            raise ValueError(
                f"With accuracy=0 every prediction is wrong, so the loss alone fixes "
                f"true_proba_wrong = exp(-loss) = {np.exp(-target):.6g}; leave it unset."
            )
    elif wrong == 0:
        if true_proba_wrong is not None:
            raise ValueError("true_proba_wrong was given but accuracy=1: no prediction is wrong.")
        c_mean, w_mean = target, 0.0
        if true_proba_correct is not None and not np.isclose(c_mean, -np.log(true_proba_correct)):
            raise ValueError(
                f"With accuracy=1 every prediction is correct, so the loss alone fixes "
                f"true_proba_correct = exp(-loss) = {np.exp(-target):.6g}; leave it unset."
            )
    elif true_proba_wrong is not None:
        w_mean = -np.log(true_proba_wrong)
        c_mean = (total - wrong * w_mean) / k
        if not 0.0 < c_mean < LN2:
            w_lo = (total - k * LN2) / wrong
            w_hi = total / wrong
            raise ValueError(
                f"true_proba_wrong={true_proba_wrong!r} leaves the correct predictions a mean cost "
                f"of {c_mean:.4g} nats, outside (0, ln 2). For this target choose true_proba_wrong "
                f"in ({np.exp(-w_hi):.4g}, {min(np.exp(-w_lo), 0.5):.4g})."
            )
    else:
        p_c = 0.99 if true_proba_correct is None else true_proba_correct
        c_mean = -np.log(p_c)
        w_mean = (total - k * c_mean) / wrong
        if not LN2 < w_mean <= cost_max:
            lo, hi = _feasible_correct_range(k, n, total, cost_max)
            given = "the default " if true_proba_correct is None else ""
            raise ValueError(
                f"With {given}true_proba_correct={p_c!r} each mistake must cost {w_mean:.4g} nats, "
                f"outside (ln 2, {cost_max:.2f}]. For this target choose true_proba_correct in "
                f"({lo:.6g}, {hi:.6g})."
            )

    rng = np.random.default_rng(random_state)
    c_costs = _spread_costs(c_mean, k, spread, rng)
    w_costs = _spread_costs(w_mean, wrong, spread, rng)
    if k and not (c_costs.min() > 0 and c_costs.max() < LN2):
        raise ValueError(
            f"spread={spread!r} pushes some correct predictions' cost to {c_costs.max():.4g} nats, "
            "beyond ln 2, which would make them wrong. Use a smaller spread."
        )
    if wrong and not (w_costs.min() > LN2 and w_costs.max() <= cost_max):
        raise ValueError(
            f"spread={spread!r} pushes some mistakes' cost outside (ln 2, {cost_max:.2f}] "
            f"(range {w_costs.min():.4g} to {w_costs.max():.4g}). Use a smaller spread."
        )

    y_true = rng.permutation(np.arange(n) % n_classes).astype(np.int64)
    is_correct = np.ones(n, dtype=bool)
    is_correct[rng.choice(n, size=wrong, replace=False)] = False
    p_true = np.empty(n)
    p_true[is_correct] = np.exp(-c_costs)
    p_true[~is_correct] = np.exp(-w_costs)

    proba = np.empty((n, n_classes))
    # Correct rows: the other classes share what is left equally (each below p_true).
    proba[is_correct] = ((1.0 - p_true[is_correct]) / (n_classes - 1))[:, None]
    # Wrong rows: a randomly chosen other class is predicted; the remaining classes get a
    # share s below both the true and the predicted class.
    idx_wrong = np.flatnonzero(~is_correct)
    q = p_true[idx_wrong]
    predicted = (y_true[idx_wrong] + rng.integers(1, n_classes, size=wrong)) % n_classes
    if n_classes > 2:
        share = np.minimum(q, (1.0 - 2.0 * q) / (n_classes - 2)) / 2.0
    else:
        share = np.zeros_like(q)
    proba[idx_wrong] = share[:, None]
    proba[idx_wrong, predicted] = 1.0 - q - (n_classes - 2) * share
    proba[np.arange(n), y_true] = p_true

    result = Scenario(y_true=y_true, proba=proba, correct=is_correct)
    # Cheap self-check: the construction must meet its targets.
    if not (
        np.array_equal(result.y_pred == y_true, is_correct) and abs(result.loss - target) < 1e-9
    ):
        raise RuntimeError("scenario() failed to meet its targets; please report this as a bug.")
    return result


def cost_per_mistake(
    accuracy: float, loss: float, p_correct: ArrayLike
) -> float | NDArray[np.float64]:
    r"""Mean cost (nats) each mistake must carry if every correct prediction gives ``p_correct``.

    From :math:`L = a\,c_{\text{correct}} + (1 - a)\,c_{\text{wrong}}` with
    :math:`c_{\text{correct}} = -\ln p_{\text{correct}}`:

    .. math::

        c_{\text{wrong}} = \frac{L + a \ln p_{\text{correct}}}{1 - a}.

    The inverse question is :func:`proba_when_right`. A result below :math:`\ln 2`
    means the pair is impossible for mistakes at the most probable class.

    Parameters
    ----------
    accuracy : float
        Accuracy :math:`a`, in [0, 1).
    loss : float
        Mean cross-entropy :math:`L` in nats, non-negative.
    p_correct : float or array-like
        Probability of the true class in every correct prediction, in (0, 1].

    Returns
    -------
    float or ndarray
        Same shape as ``p_correct``.

    Raises
    ------
    ValueError
        If ``accuracy`` is not in [0, 1), ``loss`` is negative, or a ``p_correct`` is
        not in (0, 1].
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> round(cost_per_mistake(0.991, 0.2544, 0.99), 2)
    27.16
    """
    a = check_scalar(accuracy, "accuracy", low=0.0, high=1.0, include_high=False)
    total = check_scalar(loss, "loss", low=0.0)
    p = as_float_array(p_correct, "p_correct", ndim=(0, 1))
    if np.any((p <= 0) | (p > 1)):
        raise ValueError(
            f"p_correct must be in (0, 1], found {p[(p <= 0) | (p > 1)].ravel()[0].item()!r}."
        )
    cost = (total + a * np.log(p)) / (1 - a)
    return float(cost) if p.ndim == 0 else cost


def proba_when_right(accuracy: float, loss: float, mistake_cost: float) -> float:
    r"""Geometric-mean probability of the true class when right, given the mistakes' cost.

    If each mistake costs ``mistake_cost`` nats, the correct predictions carry the rest
    of the total loss, :math:`c_{\text{correct}} = (L - (1 - a)\,c_{\text{wrong}})/a`,
    and give the true class :math:`e^{-c_{\text{correct}}}` on (geometric) average.
    With ``mistake_cost = ln 2`` this is the confidence at which the mistakes become
    near misses; with a library's cap, the most the correct predictions can give.

    Parameters
    ----------
    accuracy : float
        Accuracy :math:`a`, in (0, 1].
    loss : float
        Mean cross-entropy :math:`L` in nats, non-negative.
    mistake_cost : float
        Cost of each mistake in nats, non-negative.

    Returns
    -------
    float
        In (0, 1] when the pair is possible; above 1 when the mistakes would carry more
        than the whole loss.

    Raises
    ------
    ValueError
        If ``accuracy`` is not in (0, 1], or ``loss`` or ``mistake_cost`` is negative.
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> round(proba_when_right(0.991, 0.2544, LN2), 4)
    0.7785
    """
    a = check_scalar(accuracy, "accuracy", low=0.0, high=1.0, include_low=False)
    total = check_scalar(loss, "loss", low=0.0)
    cost = check_scalar(mistake_cost, "mistake_cost", low=0.0)
    return float(np.exp(-(total - (1 - a) * cost) / a))


def mistake_table(scenarios: Mapping[str, Scenario]) -> str:
    r"""Tabulate how each scenario's loss is shared out among its mistakes.

    One row per scenario: accuracy, mean loss, number of mistakes, the mean cost of a
    mistake in nats and the probability of the true class that this cost means
    (:math:`e^{-\text{cost}}`). Chapter 3 prints it for the three forum models.

    Parameters
    ----------
    scenarios : dict
        :class:`Scenario` objects by name (as from :func:`scenario`).

    Returns
    -------
    str
        A fixed-width text table with a header line.

    Raises
    ------
    TypeError
        If ``scenarios`` is not a non-empty mapping of :class:`Scenario` objects.
    ValueError
        If a scenario has no mistake (its cost per mistake is undefined).

    Examples
    --------
    >>> print(mistake_table({"m": scenario(0.9, 0.3, 10)}))  # doctest: +NORMALIZE_WHITESPACE
              accuracy    loss  mistakes  nats per mistake  p(true) in a mistake
    m            90.0%  0.3000         1              2.91                 0.055
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise TypeError(
            f"scenarios must be a non-empty mapping from a name to a Scenario, got "
            f"{type(scenarios).__name__}; for example {{'model 1': scenario(0.98, 0.19, 1000)}}."
        )
    rows = [
        f"{'':8} {'accuracy':>9} {'loss':>7} {'mistakes':>9}"
        f" {'nats per mistake':>17} {'p(true) in a mistake':>21}"
    ]
    for name, m in scenarios.items():
        if not isinstance(m, Scenario):
            raise TypeError(f"scenarios[{name!r}] must be a Scenario, got {type(m).__name__}.")
        wrong = ~m.correct
        if not wrong.any():
            raise ValueError(
                f"scenarios[{name!r}] has no mistake: its cost per mistake is undefined."
            )
        cost = float(m.per_sample_loss[wrong].mean())
        rows.append(
            f"{name:8} {m.accuracy:>9.1%} {m.loss:>7.4f} {int(wrong.sum()):>9}"
            f" {cost:>17.2f} {np.exp(-cost):>21.2g}"
        )
    return "\n".join(rows)
