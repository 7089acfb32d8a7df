r"""The bound that ties cross-entropy to accuracy.

The bound needs one condition: the predicted label is the most probable class (in the
binary case, the threshold is 1/2). With a tuned threshold a mistake can give its true
class more than 1/2 and the bound fails (chapter 3 shows it). Under the condition, a
prediction is wrong when some other class gets at least as much probability as the
true class. The true class then has probability at most 1/2 (two classes share no more
than 1), so the mistake costs at least :math:`-\ln \tfrac12 = \ln 2` nats, whatever the
number of classes. A correct prediction costs at least 0. Averaging over the samples:

.. math::

    \mathrm{CE} \;\ge\; (1 - \mathrm{accuracy}) \ln 2
    \qquad\Longleftrightarrow\qquad
    \text{error rate} \;\le\; \frac{\mathrm{CE}}{\ln 2}.

The bound is the edge of the feasible region of (accuracy, loss) pairs drawn in chapter 3;
it is approached by hesitant mistakes (true class just under 1/2) and certain correct
predictions.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_float_array

__all__ = ["LN2", "max_error_rate", "min_cross_entropy"]

#: The least cross-entropy of a wrong prediction, ln 2 nats.
LN2: float = float(np.log(2.0))


def _scalar_or_array(values: np.ndarray, was_scalar: bool) -> float | np.ndarray:
    return float(values) if was_scalar else values


def min_cross_entropy(accuracy: ArrayLike) -> float | np.ndarray:
    r"""Smallest mean cross-entropy (nats) at this accuracy, for argmax labels.

    .. math::

        \mathrm{CE}_{\min}(a) = (1 - a)\ln 2.

    When each predicted label is the most probable class (threshold 1/2 for two classes),
    every wrong prediction gives its true class a probability of at most 1/2 (another
    class has at least as much, and the two share at most 1), so it costs at least
    :math:`\ln 2`; a correct prediction costs at least 0. The value is an infimum: it is
    approached, not reached, by mistakes that give the true class just under 1/2.
    See chapter 3.

    Parameters
    ----------
    accuracy : float or array-like
        Accuracy in [0, 1].

    Returns
    -------
    float or ndarray
        Same shape as ``accuracy``.

    Raises
    ------
    ValueError
        If an accuracy is outside [0, 1], NaN or infinite.
    TypeError
        If ``accuracy`` is not numeric.

    Examples
    --------
    >>> round(min_cross_entropy(0.991), 5)
    0.00624
    """
    a = as_float_array(accuracy, "accuracy", ndim=(0, 1, 2))
    if np.any((a < 0) | (a > 1)):
        raise ValueError(
            f"accuracy must be in [0, 1], found {a[(a < 0) | (a > 1)].ravel()[0].item()!r}."
        )
    return _scalar_or_array((1.0 - a) * LN2, a.ndim == 0)


def max_error_rate(cross_entropy: ArrayLike) -> float | np.ndarray:
    r"""Largest error rate (1 - accuracy) compatible with a mean cross-entropy in nats.

    .. math::

        e_{\max}(\mathrm{CE}) = \min\!\Big(1, \frac{\mathrm{CE}}{\ln 2}\Big).

    The inverse of :func:`min_cross_entropy`: each mistake costs at least :math:`\ln 2`,
    so a mean loss of CE leaves room for at most a share CE / ln 2 of mistakes. A loss
    below 0.0693 nats therefore guarantees an accuracy above 90 %. See chapter 3.

    Parameters
    ----------
    cross_entropy : float or array-like
        Mean cross-entropy in nats, non-negative.

    Returns
    -------
    float or ndarray
        In [0, 1], same shape as ``cross_entropy``.

    Raises
    ------
    ValueError
        If a loss is negative, NaN or infinite.
    TypeError
        If ``cross_entropy`` is not numeric.

    Examples
    --------
    >>> round(max_error_rate(0.0693), 4)
    0.1
    """
    ce = as_float_array(cross_entropy, "cross_entropy", ndim=(0, 1, 2))
    if np.any(ce < 0):
        raise ValueError(
            f"cross_entropy must be non-negative, found {ce[ce < 0].ravel()[0].item()!r}."
        )
    return _scalar_or_array(np.minimum(1.0, ce / LN2), ce.ndim == 0)
