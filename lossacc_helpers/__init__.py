"""Helpers for the executable book *Loss and Accuracy*.

Losses (lower is better) and scores (higher is better) used by the chapters, with the
validation, plots and scenarios that the chapters share. Every function is tested
against scikit-learn, its reference implementation.
"""

from .classification import (
    accuracy,
    cross_entropy,
    cross_entropy_from_logits,
    per_sample_cross_entropy,
    zero_one_loss,
)
from .regression import mae, mse
from .style import OKABE_ITO, PALETTE, use_book_style

__version__ = "0.1.0"

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "accuracy",
    "cross_entropy",
    "cross_entropy_from_logits",
    "mae",
    "mse",
    "per_sample_cross_entropy",
    "use_book_style",
    "zero_one_loss",
]
