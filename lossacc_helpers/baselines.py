r"""The losses of models that know nothing: the baselines that give a loss its meaning.

A model that spreads its probability evenly over :math:`K` classes gives the true class
:math:`1/K` whatever it is, and scores :math:`\ln K`. A model that knows only how
frequent each class is, and predicts those frequencies :math:`\pi_k` for every input,
scores the entropy of the frequencies,

.. math::

    H(\pi) = -\sum_k \pi_k \ln \pi_k \;\le\; \ln K,

on data whose classes occur with those frequencies. A model of that data must beat
:math:`H(\pi)` to have learned anything from its input (chapters 1 and 3).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_float_array, check_scalar

__all__ = ["prior_guess_loss", "uniform_guess_loss"]


def uniform_guess_loss(n_classes: int) -> float:
    r"""Cross-entropy (nats) of predicting :math:`1/K` for each of ``n_classes`` classes.

    Every sample then costs :math:`-\ln(1/K) = \ln K`, whatever its label, so this is
    also the mean loss on any data set.

    Parameters
    ----------
    n_classes : int
        The number of classes :math:`K`, at least 2.

    Returns
    -------
    float
        :math:`\ln K`.

    Raises
    ------
    TypeError
        If ``n_classes`` is not an integer.
    ValueError
        If ``n_classes`` is below 2.

    Examples
    --------
    >>> round(uniform_guess_loss(4), 4)
    1.3863
    """
    k = check_scalar(n_classes, "n_classes", low=2, integer=True)
    return float(np.log(k))


def prior_guess_loss(frequencies: ArrayLike) -> float:
    r"""Cross-entropy (nats) of predicting the class frequencies for every sample.

    On data whose classes occur with these frequencies, the mean cost of predicting
    them is their entropy :math:`H(\pi) = -\sum_k \pi_k \ln \pi_k` (with
    :math:`0 \ln 0 = 0`): the bar a model of that data must clear.

    Parameters
    ----------
    frequencies : array-like of shape (n_classes,)
        The share of each class, non-negative and summing to 1 (within 1e-6).

    Returns
    -------
    float
        The entropy of ``frequencies``, in nats; at most ``ln(n_classes)``.

    Raises
    ------
    ValueError
        If a frequency is negative, NaN or infinite, the array is not 1D, or the
        frequencies do not sum to 1.
    TypeError
        If ``frequencies`` is not numeric.

    Examples
    --------
    >>> round(prior_guess_loss([0.95, 0.05]), 4)
    0.1985
    >>> round(prior_guess_loss([0.5, 0.5]), 4) == round(uniform_guess_loss(2), 4)
    True
    """
    pi = as_float_array(frequencies, "frequencies")
    if np.any(pi < 0):
        raise ValueError(
            f"frequencies must be non-negative, found {pi[pi < 0][0].item()!r}; "
            "pass the share of each class."
        )
    total = float(pi.sum())
    if abs(total - 1.0) > 1e-6:
        raise ValueError(
            f"frequencies must sum to 1, got a sum of {total:.6g}; divide counts by "
            "their total (counts / counts.sum())."
        )
    nonzero = pi[pi > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))
