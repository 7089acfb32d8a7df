"""Accuracy beside the scores that give every class the same weight.

On imbalanced data, always predicting the majority class scores an accuracy equal to the
majority share. Balanced accuracy (the mean of the recalls) and macro-F1 (the mean of the
per-class F1 scores) put it at one half and below (chapter 2).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from .classification import _labels_pair

__all__ = ["BalanceScores", "balance_scores"]


class BalanceScores(NamedTuple):
    """Accuracy, balanced accuracy and macro-F1 of one set of predicted labels."""

    accuracy: float
    balanced_accuracy: float
    macro_f1: float


def balance_scores(y_true: ArrayLike, y_pred: ArrayLike) -> BalanceScores:
    r"""Accuracy, balanced accuracy and macro-F1 of predicted labels; higher is better.

    Balanced accuracy is the mean over the classes of ``y_true`` of their recall.
    Macro-F1 is the mean over the classes of ``y_true`` and ``y_pred`` of
    :math:`F_1 = 2PR/(P + R)`, where a class never predicted has precision 0 (and
    F1 0), as scikit-learn's ``zero_division=0``.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.

    Returns
    -------
    BalanceScores
        A named tuple ``(accuracy, balanced_accuracy, macro_f1)``.

    Raises
    ------
    ValueError
        On empty input, mismatched lengths, 2D input or missing labels.
    TypeError
        When one side holds numbers and the other strings, or values that are not labels.

    Notes
    -----
    Equals :func:`sklearn.metrics.accuracy_score`,
    :func:`~sklearn.metrics.balanced_accuracy_score` and
    :func:`~sklearn.metrics.f1_score` with ``average="macro", zero_division=0``.

    Examples
    --------
    >>> s = balance_scores([0, 0, 0, 1], [0, 0, 0, 0])
    >>> s.accuracy, s.balanced_accuracy, round(s.macro_f1, 4)
    (0.75, 0.5, 0.4286)
    """
    y, yhat = _labels_pair(y_true, y_pred)
    classes = np.unique(np.concatenate([y, yhat]))
    hits = np.array([np.sum((y == c) & (yhat == c)) for c in classes], dtype=float)
    actual = np.array([np.sum(y == c) for c in classes], dtype=float)
    called = np.array([np.sum(yhat == c) for c in classes], dtype=float)
    present = actual > 0
    recall = np.divide(hits, actual, out=np.zeros_like(hits), where=present)
    f1 = np.divide(2 * hits, actual + called, out=np.zeros_like(hits), where=actual + called > 0)
    return BalanceScores(
        accuracy=float(np.mean(y == yhat)),
        balanced_accuracy=float(recall[present].mean()),
        macro_f1=float(f1.mean()),
    )
