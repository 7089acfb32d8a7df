r"""Per-margin losses :math:`\phi(z)` of binary classification, one value per margin.

These are functions of the margin :math:`z = y f(x)` alone, not metrics of
``(y_true, scores)``: ``margin.hinge(z)`` is :math:`\max(0, 1 - z)` elementwise. The
metrics built on them are :func:`~lossacc_helpers.surrogates.hinge_loss`,
:func:`~lossacc_helpers.surrogates.multiclass_hinge` and ``SURROGATES[name].mean_loss(y_true,
scores)``; turn labels and scores into margins with
:func:`~lossacc_helpers.surrogates.margins` (also importable from here). Chapter 4
("Surrogate losses") teaches them.

Examples
--------
>>> from lossacc_helpers import margin
>>> margin.hinge(margin.margins([0, 1], [0.5, 2.0]))
array([1.5, 0. ])
"""

from __future__ import annotations

from ._margin_losses import (
    exponential,
    hinge,
    logistic,
    modified_huber,
    perceptron,
    squared,
    squared_hinge,
    zero_one,
)
from .surrogates import margins

__all__ = [
    "exponential",
    "hinge",
    "logistic",
    "margins",
    "modified_huber",
    "perceptron",
    "squared",
    "squared_hinge",
    "zero_one",
]
