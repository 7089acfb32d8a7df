r"""How sure a test accuracy is: intervals, a paired test, and the test size a claim needs.

A test accuracy is an estimate from a finite sample. :func:`wilson_interval` gives the
Wilson score interval of a share; :func:`paired_test` compares two models on the *same*
test samples with McNemar's exact test, which only looks at the samples on which the two
disagree; :func:`samples_for_margin` says how many test samples an interval of a given
half-width needs. See chapter 3.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ._validation import check_scalar

__all__ = ["PairedTest", "paired_test", "samples_for_margin", "wilson_interval"]


def _z(confidence: float) -> float:
    from scipy.stats import norm

    confidence = check_scalar(
        confidence, "confidence", low=0.0, high=1.0, include_low=False, include_high=False
    )
    return float(norm.ppf(0.5 + confidence / 2))


def wilson_interval(
    n_correct: int, n_samples: int, *, confidence: float = 0.95
) -> tuple[float, float]:
    r"""Wilson score interval of an accuracy (any share) measured on ``n_samples``.

    .. math::

        \frac{\hat a + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat a(1-\hat a)}{n} + \frac{z^2}{4n^2}}}
             {1 + z^2/n}

    with :math:`\hat a = k/n` and :math:`z` the normal quantile of the confidence. Unlike
    the textbook interval :math:`\hat a \pm z\sqrt{\hat a(1-\hat a)/n}`, it stays inside
    [0, 1] and does not shrink to a point at 0 or n correct answers.

    Parameters
    ----------
    n_correct : int
        Number of correct predictions, between 0 and ``n_samples``.
    n_samples : int
        Number of test samples, at least 1.
    confidence : float, default=0.95
        Coverage of the interval, in (0, 1).

    Returns
    -------
    (float, float)
        The lower and upper ends.

    Raises
    ------
    ValueError
        If the counts are negative, ``n_correct > n_samples`` or ``confidence`` is not in (0, 1).
    TypeError
        If a count is not an integer.

    Examples
    --------
    >>> low, high = wilson_interval(985, 1000)
    >>> round(low, 4), round(high, 4)
    (0.9754, 0.9909)
    """
    n = check_scalar(n_samples, "n_samples", low=1, integer=True)
    k = check_scalar(n_correct, "n_correct", low=0, integer=True)
    if k > n:
        raise ValueError(f"n_correct ({k}) cannot exceed n_samples ({n}).")
    z = _z(confidence)
    share = k / n
    centre = (share + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(share * (1 - share) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


class PairedTest(NamedTuple):
    """McNemar's test of two models on the same samples (see :func:`paired_test`)."""

    #: Samples that only the first model gets wrong.
    only_first_wrong: int
    #: Samples that only the second model gets wrong.
    only_second_wrong: int
    #: The normal-approximation statistic (b - c) / sqrt(b + c).
    z: float
    #: Two-sided exact p-value: a binomial test of b against b + c trials at 1/2.
    pvalue: float


def paired_test(only_first_wrong: int, only_second_wrong: int) -> PairedTest:
    r"""Test whether two models differ in accuracy on the same test set (McNemar, exact).

    Samples that both models get right, or both wrong, say nothing about which is better.
    Of the :math:`b + c` samples on which they disagree, the first model alone is wrong on
    :math:`b` and the second alone on :math:`c`; if the two were equally accurate, each of
    those samples would fall either way with probability 1/2. The exact p-value is the
    two-sided binomial test of :math:`c` successes in :math:`b + c` trials
    (``scipy.stats.binomtest``); :math:`z = (b - c)/\sqrt{b + c}` is its normal
    approximation.

    Parameters
    ----------
    only_first_wrong, only_second_wrong : int
        The counts :math:`b` and :math:`c`, non-negative.

    Returns
    -------
    PairedTest

    Raises
    ------
    ValueError
        If a count is negative, or both are 0 (the models never disagree: nothing to test).
    TypeError
        If a count is not an integer.

    Examples
    --------
    >>> result = paired_test(15, 9)
    >>> round(result.z, 3), round(result.pvalue, 3)
    (1.225, 0.307)
    """
    from scipy.stats import binomtest

    b = check_scalar(only_first_wrong, "only_first_wrong", low=0, integer=True)
    c = check_scalar(only_second_wrong, "only_second_wrong", low=0, integer=True)
    if b + c == 0:
        raise ValueError(
            "the two models never disagree (only_first_wrong = only_second_wrong = 0): "
            "on this test set they are indistinguishable, there is nothing to test."
        )
    pvalue = float(binomtest(c, b + c, 0.5).pvalue)
    return PairedTest(b, c, (b - c) / math.sqrt(b + c), pvalue)


def samples_for_margin(margin: float, *, accuracy: float = 0.5, confidence: float = 0.95) -> int:
    r"""Test samples needed for an accuracy interval of half-width ``margin``.

    .. math::

        n = \left\lceil z^2 \, a(1-a) / m^2 \right\rceil

    from the normal approximation. The default ``accuracy=0.5`` is the worst case (the
    largest :math:`a(1-a)`); near 100 % accuracy fewer samples suffice.

    Parameters
    ----------
    margin : float
        The half-width, in (0, 1): 0.01 for "±1 %".
    accuracy : float, default=0.5
        The accuracy expected, in [0, 1].
    confidence : float, default=0.95
        Coverage of the interval, in (0, 1).

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If an argument is outside its range.

    Examples
    --------
    >>> samples_for_margin(0.01)
    9604
    """
    m = check_scalar(margin, "margin", low=0.0, high=1.0, include_low=False, include_high=False)
    a = check_scalar(accuracy, "accuracy", low=0.0, high=1.0)
    z = _z(confidence)
    return max(1, math.ceil(z**2 * a * (1 - a) / m**2 - 1e-9))
