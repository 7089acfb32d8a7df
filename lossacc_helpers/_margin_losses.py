r"""Margin losses :math:`\phi(z)` of binary classification, evaluated elementwise.

The margin of a sample is :math:`z = y f(x)` with :math:`y \in \{-1, +1\}`: positive when the
score :math:`f(x)` has the sign of the label, and the larger the more confident. Every loss
here is a non-negative function of the margin, lower is better. Each public function
validates its input and accepts a number or an array of any shape; the private ``_phi_*`` and
``_dphi_*`` functions skip the validation (and accept :math:`\pm\infty`), for
:mod:`lossacc_helpers.surrogates`, which re-exports the public ones.
"""

from __future__ import annotations

import typing

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit, logit

from ._validation import as_float_array
from .bounds import LN2, _scalar_or_array

__all__ = [
    "exponential",
    "hinge",
    "logistic",
    "modified_huber",
    "perceptron",
    "squared",
    "squared_hinge",
    "zero_one",
]

#: Every number of dimensions numpy allows: the elementwise functions accept any shape.
ANY_NDIM = tuple(range(65))

# typing.Callable, not collections.abc.Callable: the API reference is built offline with
# nitpicky Sphinx, which can resolve typing.* names (ignored) but not collections.abc ones.
Elementwise = typing.Callable[[NDArray[np.floating]], NDArray[np.floating]]


def as_values(x: ArrayLike, name: str) -> NDArray[np.floating]:
    """Validate a number or array of any shape (numeric, finite; empty arrays allowed).

    Parameters
    ----------
    x : float or array-like
        The input.
    name : str
        The argument's name, used in error messages.

    Returns
    -------
    ndarray
    """
    return as_float_array(x, name, ndim=ANY_NDIM, allow_empty=True)


def evaluate(func: Elementwise, values: NDArray[np.floating]) -> float | NDArray[np.floating]:
    """Apply ``func`` without overflow warnings; a 0-d input gives a float.

    Parameters
    ----------
    func : callable
        An elementwise function of the margin.
    values : ndarray
        Validated margins.

    Returns
    -------
    float or ndarray
    """
    with np.errstate(over="ignore"):
        out = func(values)
    return _scalar_or_array(np.asarray(out, dtype=values.dtype), values.ndim == 0)


# Unvalidated forms: losses phi(z) and the derivatives the registry uses. At a kink or a
# jump the derivative is the left derivative lim_{h -> 0+} (phi(z) - phi(z - h)) / h,
# finite everywhere here, and for a convex loss a subgradient (scikit-learn's SGD uses the
# same value for the hinge and perceptron losses).
def _phi_zero_one(z: NDArray) -> NDArray:
    return (z <= 0).astype(z.dtype)


def _dphi_zero_one(z: NDArray) -> NDArray:
    return np.zeros_like(z)


def _phi_hinge(z: NDArray) -> NDArray:
    return np.maximum(0.0, 1.0 - z)


def _dphi_hinge(z: NDArray) -> NDArray:
    return np.where(z <= 1, -1.0, 0.0).astype(z.dtype)


def _phi_squared_hinge(z: NDArray) -> NDArray:
    return np.maximum(0.0, 1.0 - z) ** 2


def _dphi_squared_hinge(z: NDArray) -> NDArray:
    return -2.0 * np.maximum(0.0, 1.0 - z)


def _phi_logistic(z: NDArray) -> NDArray:
    return np.logaddexp(0.0, -z)


def _dphi_logistic(z: NDArray) -> NDArray:
    return -expit(-z)


def _phi_logistic_base2(z: NDArray) -> NDArray:
    return np.logaddexp(0.0, -z) / LN2


def _dphi_logistic_base2(z: NDArray) -> NDArray:
    return -expit(-z) / LN2


def _phi_exponential(z: NDArray) -> NDArray:
    return np.exp(-z)


def _dphi_exponential(z: NDArray) -> NDArray:
    return -np.exp(-z)


def _phi_squared(z: NDArray) -> NDArray:
    return (1.0 - z) ** 2


def _dphi_squared(z: NDArray) -> NDArray:
    return -2.0 * (1.0 - z)


def _phi_modified_huber(z: NDArray) -> NDArray:
    return np.where(z >= -1, np.maximum(0.0, 1.0 - z) ** 2, -4.0 * z)


def _dphi_modified_huber(z: NDArray) -> NDArray:
    return np.where(z >= -1, -2.0 * np.maximum(0.0, 1.0 - z), -4.0)


def _phi_perceptron(z: NDArray) -> NDArray:
    return np.where(z < 0, -z, 0.0)  # not maximum(0, -z), which gives -0.0 at z = 0


def _dphi_perceptron(z: NDArray) -> NDArray:
    return np.where(z <= 0, -1.0, 0.0).astype(z.dtype)


def zero_one(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Zero-one loss of a margin: 1 for a mistake, 0 for a correct sign.

    .. math::

        \phi_{01}(z) = \mathbf{1}[z \le 0].

    A margin of exactly 0 (a score of 0, which favours neither label) counts as a mistake
    whatever the label, so a classifier cannot score well by abstaining. This is the loss the
    surrogates of chapter 4 stand in for.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> zero_one([-0.5, 0.0, 0.5])
    array([1., 1., 0.])
    """
    return evaluate(_phi_zero_one, as_values(z, "z"))


def hinge(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Hinge loss, the loss of the support vector machine.

    .. math::

        \phi(z) = \max(0,\ 1 - z).

    Zero once the margin reaches 1, linear below. See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> hinge([-1.0, 0.0, 0.5, 2.0])
    array([2. , 1. , 0.5, 0. ])
    """
    return evaluate(_phi_hinge, as_values(z, "z"))


def squared_hinge(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Squared hinge loss.

    .. math::

        \phi(z) = \max(0,\ 1 - z)^2.

    A differentiable hinge: its derivative :math:`-2\max(0, 1-z)` is continuous. See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> squared_hinge([-1.0, 0.5, 2.0])
    array([4.  , 0.25, 0.  ])
    """
    return evaluate(_phi_squared_hinge, as_values(z, "z"))


def logistic(z: ArrayLike, *, base2: bool = False) -> float | NDArray[np.floating]:
    r"""Logistic loss, the cross-entropy of a sigmoid model written in the margin.

    .. math::

        \phi(z) = \ln\!\big(1 + e^{-z}\big)
                \qquad\text{or, with base2=True,}\qquad
                \log_2\!\big(1 + e^{-z}\big) = \frac{\ln(1 + e^{-z})}{\ln 2}.

    Computed as ``np.logaddexp(0, -z)``, exact without overflow for any finite margin (it is
    close to :math:`-z` for very negative margins). In nats it equals :math:`\ln 2 < 1` at
    :math:`z = 0`, so it does not bound the 0-1 loss; in bits it does. See chapter 4.


    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).
    base2 : bool, default=False
        Return bits (divide by :math:`\ln 2`) instead of nats.

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric, or ``base2`` is not a bool.
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> logistic([0.0, 800.0, -800.0])
    array([6.93147181e-01, 0.00000000e+00, 8.00000000e+02])
    >>> logistic(0.0, base2=True)
    1.0
    """
    if not isinstance(base2, bool | np.bool_):
        raise TypeError(f"base2 must be True or False, got {type(base2).__name__} {base2!r}.")
    func = _phi_logistic_base2 if base2 else _phi_logistic
    return evaluate(func, as_values(z, "z"))


def exponential(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Exponential loss, the loss AdaBoost minimises.

    .. math::

        \phi(z) = e^{-z}.

    It grows exponentially with a wrong margin: in float64 it overflows to ``inf`` for
    :math:`z` below about :math:`-709.78` (:math:`\ln` of the largest double); the
    overflow is expected and raises no warning. See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> exponential([0.0, 1.0, -1000.0])
    array([1.        , 0.36787944,        inf])
    """
    return evaluate(_phi_exponential, as_values(z, "z"))


def squared(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Squared loss in the margin, the least-squares loss of a :math:`\pm 1` target.

    .. math::

        \phi(z) = (1 - z)^2 = (y - f(x))^2 \quad\text{for } y \in \{-1, +1\}.

    Unlike the other surrogates it also penalises margins above 1: a prediction that is
    *too* right costs as much as one equally wrong. See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> squared([-1.0, 1.0, 3.0])
    array([4., 0., 4.])
    """
    return evaluate(_phi_squared, as_values(z, "z"))


def modified_huber(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Squared hinge with a linear tail: ``SGDClassifier(loss="modified_huber")`` of scikit-learn.

    .. math::

        \phi(z) = \begin{cases}
            \max(0,\ 1 - z)^2 & z \ge -1,\\
            -4z & z < -1.
        \end{cases}

    The squared hinge, continued linearly with the same slope (-4) and value (4) at
    :math:`z = -1`, so it is differentiable and a single outlier costs only linearly.
    See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> modified_huber([-3.0, -1.0, 0.0, 2.0])
    array([12.,  4.,  1.,  0.])
    """
    return evaluate(_phi_modified_huber, as_values(z, "z"))


def perceptron(z: ArrayLike) -> float | NDArray[np.floating]:
    r"""Perceptron loss.

    .. math::

        \phi(z) = \max(0,\ -z).

    A hinge at 0 instead of 1: any correct sign costs nothing, however small the margin,
    and the score 0 costs nothing either. See chapter 4.

    Parameters
    ----------
    z : float or array-like
        Margins :math:`y f(x)`, finite real numbers (any shape).

    Returns
    -------
    float or ndarray
        The loss of each margin, same shape as ``z``; lower is better.

    Raises
    ------
    TypeError
        If ``z`` is not numeric (a string, booleans, complex numbers).
    ValueError
        If ``z`` holds NaN or infinite values, or is a ragged nested list.

    Examples
    --------
    >>> perceptron([-2.0, 0.0, 3.0])
    array([2., 0., 0.])
    """
    return evaluate(_phi_perceptron, as_values(z, "z"))


# Closed forms of the psi-transform of Bartlett, Jordan and McAuliffe (2006) on [0, 1],
# derived from its definition in chapter 4 and checked against a brute-force one in the tests.
def _psi_linear(theta: NDArray) -> NDArray:
    return theta.copy()


def _psi_square(theta: NDArray) -> NDArray:
    return theta**2


def _psi_logistic(theta: NDArray) -> NDArray:
    # ((1+t)/2) ln(1+t) + ((1-t)/2) ln(1-t) = t artanh(t) + ln(1-t^2)/2, the second form
    # accurate for small t (no cancellation of first-order terms); the limit at t=1 is ln 2.
    with np.errstate(divide="ignore", invalid="ignore"):
        value = theta * np.arctanh(theta) + 0.5 * np.log1p(-(theta**2))
    return np.where(theta == 1, LN2, value).astype(theta.dtype)


def _psi_logistic_base2(theta: NDArray) -> NDArray:
    return _psi_logistic(theta) / LN2


def _psi_exponential(theta: NDArray) -> NDArray:
    return theta**2 / (1.0 + np.sqrt(1.0 - theta**2))  # = 1 - sqrt(1 - t^2), stable


def _zeros(x: NDArray) -> NDArray:
    return np.zeros_like(x)


# Minimisers f*(eta) of the conditional risk eta phi(f) + (1 - eta) phi(-f).
def _fstar_sign(eta: NDArray) -> NDArray:
    return np.sign(2.0 * eta - 1.0)


def _fstar_zero_one(eta: NDArray) -> NDArray:
    return np.where(eta >= 0.5, 1.0, -1.0).astype(eta.dtype)


def _fstar_linear(eta: NDArray) -> NDArray:
    return 2.0 * eta - 1.0


def _fstar_logit(eta: NDArray) -> NDArray:
    return logit(eta)


def _fstar_half_logit(eta: NDArray) -> NDArray:
    return 0.5 * logit(eta)


# Inverses of the strictly increasing minimisers: the probability eta a score f* stands for.
def _eta_from_logit(f: NDArray) -> NDArray:
    return expit(f)


def _eta_from_half_logit(f: NDArray) -> NDArray:
    return expit(2.0 * f)


def _eta_from_linear(f: NDArray) -> NDArray:
    return (np.clip(f, -1.0, 1.0) + 1.0) / 2.0
