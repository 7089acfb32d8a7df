r"""Surrogate losses of binary classification, as functions of the margin.

The 0-1 loss counts mistakes, but it is flat almost everywhere and jumps at 0, so
gradient methods cannot minimise it. Training minimises a *surrogate* instead: a loss
:math:`\phi(z)` of the margin :math:`z = y f(x)` (:math:`y \in \{-1, +1\}`, :math:`f(x)` a
real score) that is small for large positive margins and, for most surrogates, convex.
Every loss here is lower-is-better. Chapter 4 ("Surrogate losses") teaches them.

The per-margin functions :math:`\phi(z)` themselves are in :mod:`lossacc_helpers.margin`
(``margin.hinge(z)``); the metrics of labels and scores are :func:`hinge_loss` and
:func:`multiclass_hinge`.

:data:`SURROGATES` maps a name to a :class:`MarginLoss`, which carries the loss, its
derivative, its averaged form and the properties chapter 4 compares (convex, bounds the 0-1
loss, classification-calibrated), together with the two functions of Bartlett, Jordan and
McAuliffe (2006, *Convexity, classification, and risk bounds*, JASA 101(473):138-156):
the minimiser :math:`f^*(\eta)` of the conditional risk and the :math:`\psi`-transform, for
which every measurable :math:`f` satisfies

.. math::

    \psi\big(R(f) - R^*\big) \;\le\; R_\phi(f) - R_\phi^*,

where :math:`R` is the 0-1 risk, :math:`R_\phi` the :math:`\phi`-risk and the stars mark
their minima over all functions. Driving the surrogate risk to its minimum therefore drives
the error rate to the Bayes error when :math:`\psi(\theta) > 0` for every :math:`\theta > 0`.

The theorem concerns a classifier that predicts one of the labels everywhere, also where
:math:`f(x) = 0`. :func:`lossacc_helpers.margin.zero_one` counts a score of exactly 0 as a
mistake for *both* labels, so a risk :math:`R` computed with it satisfies the inequality for
scores that are never exactly 0 (with :math:`f \equiv 0` and :math:`\eta = \frac12` the hinge loss
is already optimal while that :math:`R` is :math:`\frac12` above :math:`R^*`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _margin_losses as ml
from ._validation import (
    as_float_array,
    as_label_array,
    check_consistent_length,
    check_sample_weight,
    class_columns,
    weighted_mean,
)
from .bounds import _scalar_or_array

__all__ = [
    "SURROGATES",
    "MarginLoss",
    "hinge_loss",
    "margins",
    "multiclass_hinge",
]


def _unit_interval(x: ArrayLike, name: str) -> NDArray[np.floating]:
    values = ml.as_values(x, name)
    outside = (values < 0) | (values > 1)
    if np.any(outside):
        raise ValueError(f"{name} must be in [0, 1], found {values[outside].ravel()[0].item()!r}.")
    return values


def margins(
    y_true: ArrayLike, scores: ArrayLike, *, labels: ArrayLike | None = None
) -> NDArray[np.floating]:
    r"""Margins :math:`z_i = y_i f(x_i)` of binary labels and real scores.

    .. math::

        z_i = \begin{cases} +f(x_i) & \text{if } y_i \text{ is the positive class},\\
                            -f(x_i) & \text{otherwise.} \end{cases}

    A positive margin is a correct sign, its size the confidence. See chapter 4.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Binary labels, by the label rule of :func:`~lossacc_helpers.cross_entropy` for a
        1D input: :math:`\{0, 1\}` or :math:`\{-1, +1\}` (the positive class is 1), or any
        two labels named by ``labels``.
    scores : array-like of shape (n_samples,)
        Real scores :math:`f(x_i)`, positive for the positive class (a decision function or
        log-odds, not a probability).
    labels : array-like of shape (2,), optional
        ``[negative, positive]``: the classes in the order of the two columns a 1D score
        stands for. Required for labels other than 0/1 and -1/+1.

    Returns
    -------
    ndarray of shape (n_samples,)

    Raises
    ------
    ValueError
        On empty input, mismatched lengths, 2D input, NaN or infinite scores or labels,
        labels other than 0/1 and -1/+1 without ``labels``, ``labels`` not giving two
        distinct classes, or labels missing from ``labels``.
    TypeError
        On non-numeric scores, labels that are not labels, or ``labels`` of a different
        kind than ``y_true``.

    Examples
    --------
    >>> margins([0, 1, 1], [0.5, 2.0, -1.0])
    array([-0.5,  2. , -1. ])
    >>> margins(["spam", "ham"], [1.0, 1.0], labels=["ham", "spam"])
    array([ 1., -1.])
    """
    y = as_label_array(y_true, "y_true")
    s = as_float_array(scores, "scores", ndim=1)
    check_consistent_length(y_true=y, scores=s)
    positive = class_columns(y, 2, labels, columns="scores", one_column=True) == 1
    return np.where(positive, s, -s)


def hinge_loss(
    y_true: ArrayLike,
    scores: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    r"""Mean hinge loss of binary (or multiclass) scores, the loss of the SVM; lower is better.

    .. math::

        \frac{1}{n}\sum_{i=1}^{n} \max\big(0,\ 1 - y_i f(x_i)\big),
        \qquad y_i \in \{-1, +1\},

    the mean of :func:`lossacc_helpers.margin.hinge` over the :func:`margins` (a weighted
    mean with ``sample_weight``). For 2D scores, one column per class, this is
    :func:`multiclass_hinge`. The counterpart of :func:`sklearn.metrics.hinge_loss`.
    See chapter 4.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels: for 1D scores 0/1 or -1/+1, or the two classes named by ``labels``;
        for 2D scores as in :func:`multiclass_hinge`.
    scores : array-like of shape (n_samples,) or (n_samples, n_classes)
        Real scores (a decision function), positive for the positive class.
    labels : array-like, optional
        The classes in column order: ``[negative, positive]`` for 1D scores.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted mean.

    Returns
    -------
    float

    Raises
    ------
    ValueError, TypeError
        As :func:`margins` (1D scores) or :func:`multiclass_hinge` (2D scores), and on
        bad weights.

    Notes
    -----
    scikit-learn infers the two classes from ``y_true`` (the greater is positive): with
    labels 0/1 or -1/+1 the results agree, other labels need ``labels=`` here. When
    ``y_true`` holds a single class scikit-learn's binarizer makes every sample negative;
    here label 1 is positive whatever the batch holds.

    Examples
    --------
    >>> hinge_loss([0, 1, 1, 0], [-2.0, 0.5, -1.0, 0.0])
    0.875
    >>> hinge_loss([-1, 1], [0.5, 2.0], sample_weight=[3, 1])
    1.125
    """
    if np.ndim(scores) == 2 and np.shape(scores)[1] > 1:
        return multiclass_hinge(y_true, scores, labels=labels, sample_weight=sample_weight)
    z = margins(y_true, np.ravel(scores) if np.ndim(scores) == 2 else scores, labels=labels)
    return weighted_mean(ml._phi_hinge(z), check_sample_weight(sample_weight, len(z)))


def multiclass_hinge(
    y_true: ArrayLike,
    scores: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    r"""Mean multiclass hinge loss of Crammer and Singer (2001); lower is better.

    .. math::

        \frac{1}{n}\sum_{i=1}^{n}
            \max\!\Big(0,\ 1 + \max_{k \ne y_i} f_k(x_i) - f_{y_i}(x_i)\Big).

    The true class must beat the best other class by a margin of 1 to cost nothing
    (Crammer and Singer, 2001, *On the algorithmic implementation of multiclass kernel-based
    vector machines*, JMLR 2:265-292). Equals :func:`sklearn.metrics.hinge_loss` on
    multiclass input. See chapter 4.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels: integers ``0 .. n_classes - 1``, or any labels listed in
        ``labels``.
    scores : array-like of shape (n_samples, n_classes)
        One real score per class; column ``j`` belongs to class ``j`` (or ``labels[j]``).
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`~lossacc_helpers.cross_entropy`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted mean.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, 1D scores, fewer than 2
        columns, labels that are not column indices without ``labels``, a ``labels`` that
        does not name one class per column, unknown labels, or bad weights.
    TypeError
        On non-numeric scores, labels that are not labels, or ``labels`` of a different
        kind than ``y_true``.

    Notes
    -----
    scikit-learn maps labels to columns through the sorted unique values of ``labels``
    (or of ``y_true``); here integer labels are the column indices and other labels
    need ``labels=``, read in the order given.

    Examples
    --------
    >>> scores = [[2.0, 0.5, 1.5], [0.0, 2.0, 1.5], [0.0, 1.0, -1.0]]
    >>> round(multiclass_hinge([0, 2, 1], scores), 4)
    0.6667
    """
    y = as_label_array(y_true, "y_true")
    s = as_float_array(scores, "scores", ndim=(1, 2))
    if s.ndim == 1:
        raise ValueError(
            "scores is 1D; multiclass_hinge needs one column per class, shape (n_samples, "
            "n_classes). For binary scores use hinge_loss(y_true, scores)."
        )
    check_consistent_length(y_true=y, scores=s)
    n_rows, n_columns = s.shape
    if n_columns < 2:
        raise ValueError(
            f"scores has {n_columns} column; give one column per class (at least 2), or use "
            "hinge_loss(y_true, scores.ravel()) for binary scores."
        )
    column = class_columns(y, n_columns, labels, columns="scores")
    rows = np.arange(n_rows)
    true_score = s[rows, column]
    others = s.copy()
    others[rows, column] = -np.inf
    losses = np.maximum(0.0, 1.0 + others.max(axis=1) - true_score)
    return weighted_mean(losses, check_sample_weight(sample_weight, n_rows))


def _conditional_risk(phi: ml.Elementwise, eta: NDArray, f: NDArray) -> NDArray:
    """Return eta * phi(f) + (1 - eta) * phi(-f), with 0 * inf = 0 (``f`` may be infinite)."""
    with np.errstate(over="ignore", invalid="ignore"):
        positive = np.where(eta > 0, eta * phi(f), 0.0)
        negative = np.where(eta < 1, (1.0 - eta) * phi(-f), 0.0)
    return positive + negative


@dataclass(frozen=True)
class MarginLoss:
    r"""A margin loss :math:`\phi(z)` with the properties chapter 4 compares.

    Build none yourself: read them from :data:`SURROGATES`. The boolean attributes are
    claims about :math:`\phi` on the whole real line, each checked numerically by the tests.

    Attributes
    ----------
    name : str
        Key in :data:`SURROGATES`.
    formula : str
        LaTeX of :math:`\phi(z)` (no ``$``), rendered by MathJax and matplotlib's mathtext.
    psi_formula : str
        LaTeX of :math:`\psi(\theta)` on :math:`[0, 1]`.
    continuous : bool
        Whether :math:`\phi` is continuous on :math:`\mathbb{R}`.
    convex : bool
        Whether :math:`\phi` is convex on :math:`\mathbb{R}`.
    differentiable : bool
        Whether :math:`\phi` is differentiable at every point, the kinks included.
    upper_bounds_zero_one : bool
        Whether :math:`\phi(z) \ge \mathbf{1}[z \le 0]` for every :math:`z`, so that the mean
        loss bounds the error rate.
    classification_calibrated : bool
        Whether :math:`\psi(\theta) > 0` for every :math:`\theta \in (0, 1]` (Bartlett et
        al., 2006): the minimiser of the conditional risk has the Bayes classifier's sign.
    non_increasing : bool
        Whether a larger margin never costs more.
    """

    name: str
    formula: str
    psi_formula: str
    continuous: bool
    convex: bool
    differentiable: bool
    upper_bounds_zero_one: bool
    classification_calibrated: bool
    non_increasing: bool
    _phi: ml.Elementwise = field(repr=False, compare=False)
    _dphi: ml.Elementwise = field(repr=False, compare=False)
    _psi: ml.Elementwise = field(repr=False, compare=False)
    _minimizer: ml.Elementwise = field(repr=False, compare=False)
    _probability: ml.Elementwise | None = field(default=None, repr=False, compare=False)

    @property
    def estimates_probability(self) -> bool:
        r"""Whether :math:`f^*(\eta)` is strictly increasing, so a score gives :math:`\eta` back.

        True for the logistic, exponential and squared-type losses (proper composite
        losses); false for the 0-1, hinge and perceptron losses, whose :math:`f^*` carries
        a sign at most. See :meth:`probability`.

        Examples
        --------
        >>> SURROGATES["logistic"].estimates_probability, SURROGATES["hinge"].estimates_probability
        (True, False)
        """
        return self._probability is not None

    def loss(self, z: ArrayLike) -> float | NDArray[np.floating]:
        r"""Loss of each margin, :math:`\phi(z)`; lower is better.

        .. math::

            \phi(z),\qquad z = y f(x).

        Parameters
        ----------
        z : float or array-like
            Finite margins (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``z``. The exponential loss overflows to ``inf`` (without a
            warning) for margins below about -709.

        Raises
        ------
        TypeError
            If ``z`` is not numeric.
        ValueError
            If ``z`` holds NaN or infinite values.

        Examples
        --------
        >>> SURROGATES["hinge"].loss([-1.0, 0.0, 2.0])
        array([2., 1., 0.])
        """
        return ml.evaluate(self._phi, ml.as_values(z, "z"))

    def derivative(self, z: ArrayLike) -> float | NDArray[np.floating]:
        r"""Compute the derivative :math:`\phi'(z)`; at a kink or a jump, the left derivative.

        .. math::

            \phi'(z^-) = \lim_{h \downarrow 0} \frac{\phi(z) - \phi(z - h)}{h}.

        Where :math:`\phi` is differentiable this is :math:`\phi'(z)`. At the kinks of the
        hinge (:math:`z = 1`) and perceptron (:math:`z = 0`) losses it is -1, a subgradient
        and the value scikit-learn's SGD uses; for the 0-1 loss it is 0 everywhere, the jump
        at 0 included (its left derivative there is 0). Never NaN.

        Parameters
        ----------
        z : float or array-like
            Finite margins (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``z`` (``-inf`` for the exponential loss below about -709).

        Raises
        ------
        TypeError
            If ``z`` is not numeric.
        ValueError
            If ``z`` holds NaN or infinite values.

        Examples
        --------
        >>> SURROGATES["hinge"].derivative([0.0, 1.0, 2.0])
        array([-1., -1.,  0.])
        """
        return ml.evaluate(self._dphi, ml.as_values(z, "z"))

    def mean_loss(
        self,
        y_true: ArrayLike,
        scores: ArrayLike,
        *,
        labels: ArrayLike | None = None,
        sample_weight: ArrayLike | None = None,
    ) -> float:
        r"""Mean loss over samples, the empirical :math:`\phi`-risk; lower is better.

        .. math::

            \hat R_\phi(f) = \frac{1}{n}\sum_{i=1}^{n} \phi\big(y_i f(x_i)\big)

        (a weighted mean with ``sample_weight``).

        Parameters
        ----------
        y_true : array-like of shape (n_samples,)
            Binary labels, read as in :func:`margins`.
        scores : array-like of shape (n_samples,)
            Real scores, positive for the positive class.
        labels : array-like of shape (2,), optional
            ``[negative, positive]``, as in :func:`margins`.
        sample_weight : array-like of shape (n_samples,), optional
            Non-negative weights; the result is the weighted mean.

        Returns
        -------
        float

        Raises
        ------
        ValueError, TypeError
            As :func:`margins`.

        Examples
        --------
        >>> SURROGATES["hinge"].mean_loss([0, 1, 1, 0], [-2.0, 0.5, -1.0, 0.0])
        0.875
        """
        z = margins(y_true, scores, labels=labels)
        w = check_sample_weight(sample_weight, len(z))
        with np.errstate(over="ignore"):
            return weighted_mean(self._phi(z), w)

    def conditional_risk(self, eta: ArrayLike, f: ArrayLike) -> float | NDArray[np.floating]:
        r"""Compute the expected loss of a score :math:`f` where :math:`P(y = 1 \mid x) = \eta`.

        .. math::

            C_\eta(f) = \eta\,\phi(f) + (1 - \eta)\,\phi(-f).

        Parameters
        ----------
        eta : float or array-like
            Probabilities of the positive class, in [0, 1].
        f : float or array-like
            Finite scores. ``eta`` and ``f`` have the same shape, or one is a scalar.

        Returns
        -------
        float or ndarray

        Raises
        ------
        ValueError
            If ``eta`` is outside [0, 1], a value is NaN or infinite, or the shapes differ.
        TypeError
            If an argument is not numeric.

        Examples
        --------
        >>> SURROGATES["hinge"].conditional_risk(0.75, [-1.0, 0.0, 1.0])
        array([1.5, 1. , 0.5])
        """
        eta_values = _unit_interval(eta, "eta")
        f_values = ml.as_values(f, "f")
        if eta_values.shape != f_values.shape and eta_values.ndim and f_values.ndim:
            raise ValueError(
                f"eta has shape {eta_values.shape} and f has shape {f_values.shape}; give them "
                "the same shape, or make one of them a scalar."
            )
        risk = _conditional_risk(self._phi, eta_values, f_values)
        return _scalar_or_array(risk, risk.ndim == 0)

    def optimal_conditional_risk(self, eta: ArrayLike) -> float | NDArray[np.floating]:
        r"""Least conditional risk over all scores, :math:`H(\eta) = \inf_f C_\eta(f)`.

        .. math::

            H(\eta) = \inf_{f \in \mathbb{R}} \big(\eta\,\phi(f) + (1 - \eta)\,\phi(-f)\big)
                    = C_\eta\big(f^*(\eta)\big).

        Its mean over the inputs is the least :math:`\phi`-risk :math:`R_\phi^*`. Where
        :math:`f^*(\eta)` is infinite the infimum is a limit (for instance :math:`H(1) = 0`
        for the logistic loss). See :meth:`minimizer`.

        Parameters
        ----------
        eta : float or array-like
            Probabilities of the positive class, in [0, 1] (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``eta``.

        Raises
        ------
        ValueError
            If ``eta`` is outside [0, 1], NaN or infinite.
        TypeError
            If ``eta`` is not numeric.

        Examples
        --------
        >>> SURROGATES["exponential"].optimal_conditional_risk([0.0, 0.5, 1.0])
        array([0., 1., 0.])
        """
        eta_values = _unit_interval(eta, "eta")
        risk = _conditional_risk(self._phi, eta_values, self._minimizer(eta_values))
        return _scalar_or_array(risk, risk.ndim == 0)

    def minimizer(self, eta: ArrayLike) -> float | NDArray[np.floating]:
        r"""Return a score :math:`f^*(\eta)` minimising the conditional risk :math:`C_\eta`.

        .. math::

            f^*(\eta) \in \arg\min_{f \in \overline{\mathbb{R}}}
                \big(\eta\,\phi(f) + (1 - \eta)\,\phi(-f)\big).

        Logistic: :math:`\ln\frac{\eta}{1-\eta}`; exponential:
        :math:`\frac12\ln\frac{\eta}{1-\eta}`, both :math:`\mp\infty` at :math:`\eta = 0, 1`,
        where the infimum is approached but not reached. Squared, squared hinge and modified
        Huber: :math:`2\eta - 1`. Hinge: :math:`\operatorname{sign}(2\eta - 1)`.

        Where several scores are optimal, one is returned. Hinge at :math:`\eta = \frac12`:
        0 (every :math:`f \in [-1, 1]` is optimal). Hinge, squared hinge and modified Huber
        at :math:`\eta = 1`: 1 (every :math:`f \ge 1` is optimal; symmetrically at 0). 0-1
        loss: +1 for :math:`\eta \ge \frac12` and -1 below (every :math:`f > 0`,
        respectively :math:`f < 0`, is optimal; at :math:`\eta = \frac12` every
        :math:`f \ne 0` is, but not :math:`f = 0`, a mistake for both labels). Perceptron: 0,
        the only minimiser for :math:`\eta \in (0, 1)` (at :math:`\eta = 1` every
        :math:`f \ge 0` is optimal). That score carries no information about :math:`\eta`,
        not even the sign of :math:`2\eta - 1`: this is why the perceptron loss is not
        calibrated.

        Parameters
        ----------
        eta : float or array-like
            Probabilities of the positive class, in [0, 1] (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``eta``; may hold ``inf`` and ``-inf``.

        Raises
        ------
        ValueError
            If ``eta`` is outside [0, 1], NaN or infinite.
        TypeError
            If ``eta`` is not numeric.

        Examples
        --------
        >>> SURROGATES["logistic"].minimizer([0.5, 0.75, 1.0])
        array([0.        , 1.09861229,        inf])
        """
        eta_values = _unit_interval(eta, "eta")
        return ml.evaluate(self._minimizer, eta_values)

    def excess_risk(self, eta: ArrayLike, scores: ArrayLike) -> float | NDArray[np.floating]:
        r"""Excess risk :math:`R_\phi(f) - R_\phi^*` on a distribution of equally likely inputs.

        .. math::

            R_\phi(f) - R_\phi^* = \frac1n \sum_{i=1}^{n}
                \Big(C_{\eta_i}\big(f(x_i)\big) - H(\eta_i)\Big),

        with :math:`C_\eta` the :meth:`conditional_risk` and :math:`H` the
        :meth:`optimal_conditional_risk`: the exact risk when the :math:`n` inputs are
        equally likely and :math:`\eta_i = P(y = 1 \mid x_i)` is known. For the 0-1 loss
        this is the excess error rate :math:`R(f) - R^*`. See chapter 4.

        Parameters
        ----------
        eta : array-like of shape (n_inputs,)
            Probability of the positive class at each input, in [0, 1].
        scores : float or array-like of shape (..., n_inputs)
            Finite scores; each row along the last axis is one score function (a scalar is
            the same score at every input).

        Returns
        -------
        float or ndarray of shape (...)
            One excess risk per score function; a float for a single function.

        Raises
        ------
        ValueError
            If ``eta`` is not 1D and non-empty or is outside [0, 1], a value is NaN or
            infinite, or the last axis of ``scores`` does not have one score per input.
        TypeError
            If an argument is not numeric.

        Examples
        --------
        >>> hinge = SURROGATES["hinge"]
        >>> hinge.excess_risk([0.9, 0.2], [[1.0, -1.0], [0.0, 0.0], [-1.0, 1.0]])
        array([0. , 0.7, 1.4])
        """
        eta_values = _unit_interval(as_float_array(eta, "eta", ndim=1), "eta")
        f_values = ml.as_values(scores, "scores")
        if f_values.ndim and f_values.shape[-1] != len(eta_values):
            raise ValueError(
                f"scores has shape {f_values.shape} but eta has {len(eta_values)} inputs; "
                "give one score per input along the last axis (one row per score function)."
            )
        etas = np.broadcast_to(eta_values, np.broadcast_shapes(eta_values.shape, f_values.shape))
        risk = _conditional_risk(self._phi, etas, f_values).mean(axis=-1)
        best = _conditional_risk(self._phi, eta_values, self._minimizer(eta_values)).mean()
        excess = risk - best
        return _scalar_or_array(excess, excess.ndim == 0)

    def probability(self, f: ArrayLike) -> float | NDArray[np.floating]:
        r"""Turn a score back into a probability :math:`\eta`, inverting :math:`f^*(\eta)`.

        Logistic (either base): :math:`\eta = \sigma(f)`; exponential:
        :math:`\eta = \sigma(2f)`; squared, squared hinge and modified Huber:
        :math:`\eta = (\operatorname{clip}(f, -1, 1) + 1)/2`, the inverse link that
        scikit-learn's ``SGDClassifier(loss="modified_huber").predict_proba`` uses. At the
        population optimum, ``probability(minimizer(eta))`` is ``eta``. See chapter 4.

        Parameters
        ----------
        f : float or array-like
            Finite scores (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``f``, in [0, 1].

        Raises
        ------
        ValueError
            If the loss does not estimate probabilities (:attr:`estimates_probability` is
            false: the 0-1, hinge and perceptron losses), or ``f`` holds NaN or infinite
            values.
        TypeError
            If ``f`` is not numeric.

        Examples
        --------
        >>> SURROGATES["exponential"].probability([0.0, 0.5 * np.log(3)])
        array([0.5 , 0.75])
        """
        if self._probability is None:
            raise ValueError(
                f"The {self.name} loss does not estimate probabilities: its minimiser f*(eta) "
                "is not strictly increasing, so a score does not give eta back. Recalibrate "
                "the scores instead (Platt scaling: sklearn.calibration.CalibratedClassifierCV)."
            )
        return ml.evaluate(self._probability, ml.as_values(f, "f"))

    def psi(self, theta: ArrayLike) -> float | NDArray[np.floating]:
        r"""Compute the :math:`\psi`-transform of Bartlett, Jordan and McAuliffe (2006).

        .. math::

            \tilde\psi(\theta) = H^-\!\Big(\frac{1+\theta}{2}\Big) - H\Big(\frac{1+\theta}{2}\Big),
            \qquad H^-(\eta) = \inf_{f:\ f(2\eta - 1) \le 0} C_\eta(f),

        and :math:`\psi` is the convex closure of :math:`\tilde\psi`; for a convex loss
        :math:`\psi(\theta) = \phi(0) - H(\frac{1+\theta}{2})`. It turns an excess
        surrogate risk into a bound on the excess error rate:
        :math:`\psi(R(f) - R^*) \le R_\phi(f) - R_\phi^*`. The loss is calibrated exactly
        when :math:`\psi(\theta) > 0` for :math:`\theta > 0`. For the perceptron loss
        :math:`\psi \equiv 0`: the inequality holds but says nothing, since the score
        :math:`f = 0` reaches the least perceptron risk whatever its error rate.
        See chapter 4.

        Parameters
        ----------
        theta : float or array-like
            Excess 0-1 risks, in [0, 1] (any shape).

        Returns
        -------
        float or ndarray
            Same shape as ``theta``.

        Raises
        ------
        ValueError
            If ``theta`` is outside [0, 1], NaN or infinite.
        TypeError
            If ``theta`` is not numeric.

        Examples
        --------
        >>> SURROGATES["exponential"].psi([0.0, 0.6, 1.0])
        array([0. , 0.2, 1. ])
        """
        return ml.evaluate(self._psi, _unit_interval(theta, "theta"))


_PROPERTIES = (
    "continuous",
    "convex",
    "differentiable",
    "upper_bounds_zero_one",
    "classification_calibrated",
    "non_increasing",
)


def _margin_loss(
    name: str, formula: str, psi_formula: str, functions: tuple[ml.Elementwise, ...], holds: str
) -> MarginLoss:
    """Build a registry entry from (phi, dphi, psi, minimizer) and its true properties.

    ``holds`` names the properties that are true; every other one of ``_PROPERTIES`` is false.
    """
    claims = set(holds.split())
    if not claims <= set(_PROPERTIES):
        raise ValueError(f"unknown properties {sorted(claims - set(_PROPERTIES))} for {name}")
    phi, dphi, psi, minimizer = functions
    flags = {prop: prop in claims for prop in _PROPERTIES}
    return MarginLoss(
        name,
        formula,
        psi_formula,
        **flags,
        _phi=phi,
        _dphi=dphi,
        _psi=psi,
        _minimizer=minimizer,
        _probability=_INVERSE_LINKS.get(minimizer),
    )


#: The strictly increasing minimisers f*(eta), each with its inverse.
_INVERSE_LINKS: dict[ml.Elementwise, ml.Elementwise] = {
    ml._fstar_logit: ml._eta_from_logit,
    ml._fstar_half_logit: ml._eta_from_half_logit,
    ml._fstar_linear: ml._eta_from_linear,
}


#: The margin losses of chapter 4 in a plain dict from name to :class:`MarginLoss`.
#: Every loss is lower-is-better.
#:
#: :meta hide-value:
SURROGATES: dict[str, MarginLoss] = {
    loss.name: loss
    for loss in (
        _margin_loss(
            "zero_one",
            r"\mathbf{1}[z \leq 0]",
            r"\theta",
            (ml._phi_zero_one, ml._dphi_zero_one, ml._psi_linear, ml._fstar_zero_one),
            holds="upper_bounds_zero_one classification_calibrated non_increasing",
        ),
        _margin_loss(
            "hinge",
            r"\max(0,\, 1-z)",
            r"\theta",
            (ml._phi_hinge, ml._dphi_hinge, ml._psi_linear, ml._fstar_sign),
            holds=(
                "continuous convex upper_bounds_zero_one classification_calibrated non_increasing"
            ),
        ),
        _margin_loss(
            "squared_hinge",
            r"\max(0,\, 1-z)^2",
            r"\theta^2",
            (ml._phi_squared_hinge, ml._dphi_squared_hinge, ml._psi_square, ml._fstar_linear),
            holds=(
                "continuous convex differentiable upper_bounds_zero_one"
                " classification_calibrated non_increasing"
            ),
        ),
        _margin_loss(
            "logistic",
            r"\ln(1+e^{-z})",
            r"\frac{1+\theta}{2}\ln(1+\theta) + \frac{1-\theta}{2}\ln(1-\theta)",
            (ml._phi_logistic, ml._dphi_logistic, ml._psi_logistic, ml._fstar_logit),
            holds="continuous convex differentiable classification_calibrated non_increasing",
        ),
        _margin_loss(
            "logistic_base2",
            r"\log_2(1+e^{-z})",
            r"\frac{1+\theta}{2}\log_2(1+\theta) + \frac{1-\theta}{2}\log_2(1-\theta)",
            (
                ml._phi_logistic_base2,
                ml._dphi_logistic_base2,
                ml._psi_logistic_base2,
                ml._fstar_logit,
            ),
            holds=(
                "continuous convex differentiable upper_bounds_zero_one"
                " classification_calibrated non_increasing"
            ),
        ),
        _margin_loss(
            "exponential",
            r"e^{-z}",
            r"1 - \sqrt{1-\theta^2}",
            (ml._phi_exponential, ml._dphi_exponential, ml._psi_exponential, ml._fstar_half_logit),
            holds=(
                "continuous convex differentiable upper_bounds_zero_one"
                " classification_calibrated non_increasing"
            ),
        ),
        _margin_loss(
            "squared",
            r"(1-z)^2",
            r"\theta^2",
            (ml._phi_squared, ml._dphi_squared, ml._psi_square, ml._fstar_linear),
            holds=(
                "continuous convex differentiable upper_bounds_zero_one classification_calibrated"
            ),
        ),
        _margin_loss(
            "modified_huber",
            r"\max(0,\, 1-z)^2 \ (z \geq -1),\ -4z \ (z < -1)",
            r"\theta^2",
            (ml._phi_modified_huber, ml._dphi_modified_huber, ml._psi_square, ml._fstar_linear),
            holds=(
                "continuous convex differentiable upper_bounds_zero_one"
                " classification_calibrated non_increasing"
            ),
        ),
        _margin_loss(
            "perceptron",
            r"\max(0,\, -z)",
            "0",
            (ml._phi_perceptron, ml._dphi_perceptron, ml._zeros, ml._zeros),
            holds="continuous convex non_increasing",
        ),
    )
}
