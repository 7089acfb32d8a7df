r"""Accuracy of a binary classifier as a function of its decision threshold.

A probabilistic binary classifier gives each sample a probability :math:`p_i` of the
positive class; a *decision threshold* :math:`t` turns it into a label, positive when
:math:`p_i > t`, so that :math:`t = 1/2` gives the labels of scikit-learn's ``predict``
and of :func:`~lossacc_helpers.classification.correct_predictions`. Accuracy and
balanced accuracy read the labels, so they change with :math:`t`; the cross-entropy reads
the probabilities and has no threshold at all. Chapter 2 draws these curves.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    as_float_array,
    as_label_array,
    check_consistent_length,
    check_probabilities,
    is_numeric_labels,
)

__all__ = ["accuracy_by_threshold"]


def _positive_mask(y: NDArray, pos_label: object) -> NDArray[np.bool_]:
    """Return ``y == positive class``, checking that ``y`` holds exactly two classes."""
    classes = np.unique(y)
    if len(classes) != 2:
        raise ValueError(
            f"y_true must hold exactly two classes (a binary problem), found {len(classes)}: "
            f"{classes.tolist()}. Accuracy by threshold needs samples of both classes."
        )
    if pos_label is None:
        found = set(classes.tolist())
        if not is_numeric_labels(y) or not (found == {0, 1} or found == {-1, 1}):
            raise ValueError(
                f"y_true holds the classes {classes.tolist()}; without pos_label only 0/1 and "
                "-1/+1 say which class proba belongs to (1). Name the positive class with "
                f"pos_label=..., for example pos_label={classes[1].item()!r}."
            )
        return y == 1
    if pos_label not in classes.tolist():
        raise ValueError(
            f"pos_label={pos_label!r} is not one of the classes of y_true {classes.tolist()}."
        )
    return y == pos_label


def accuracy_by_threshold(
    y_true: ArrayLike,
    proba: ArrayLike,
    thresholds: ArrayLike,
    *,
    balanced: bool = False,
    pos_label: object = None,
) -> NDArray[np.floating]:
    r"""Accuracy (or balanced accuracy) of thresholded probabilities, for each threshold.

    A sample is predicted positive when its probability exceeds the threshold,
    :math:`\hat y_i(t) = [p_i > t]`; then, with :math:`n_+` positives and
    :math:`n_-` negatives,

    .. math::

        \mathrm{accuracy}(t) = \frac{\mathrm{TP}(t) + \mathrm{TN}(t)}{n_+ + n_-},
        \qquad
        \mathrm{balanced\ accuracy}(t) = \frac12\Big(\frac{\mathrm{TP}(t)}{n_+}
            + \frac{\mathrm{TN}(t)}{n_-}\Big),

    where :math:`\mathrm{TP}(t)` counts positives with :math:`p_i > t` and
    :math:`\mathrm{TN}(t)` negatives with :math:`p_i \le t`. Both counts come from sorted
    probabilities, so a grid of :math:`T` thresholds costs :math:`O((n + T)\log n)`, not
    :math:`O(nT)`. Taught in chapter 2.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels of a binary problem; both classes must be present.
    proba : array-like of shape (n_samples,)
        Predicted probability of the positive class, in [0, 1].
    thresholds : array-like of shape (n_thresholds,)
        Decision thresholds in [0, 1]. A threshold of 1 predicts every sample negative;
        one of 0, every sample with a non-zero probability positive.
    balanced : bool, default=False
        Return the balanced accuracy (the mean of the recalls of the two classes, as
        :func:`sklearn.metrics.balanced_accuracy_score`) instead of the accuracy.
    pos_label : int, str or bool, optional
        The positive class, whose probability ``proba`` holds. Default: class 1, for
        labels 0/1 or -1/+1 (the label rule of :func:`~lossacc_helpers.cross_entropy`);
        other labels need it, as in scikit-learn.

    Returns
    -------
    ndarray of shape (n_thresholds,)
        The score at each threshold, in [0, 1]; higher is better.

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, a 2D ``proba``,
        probabilities or thresholds outside [0, 1], a ``y_true`` without exactly two
        classes, a ``pos_label`` that is not one of them, or labels other than 0/1 and
        -1/+1 without ``pos_label``.
    TypeError
        On non-numeric probabilities or thresholds, or a ``balanced`` that is not a bool.

    Examples
    --------
    >>> y = [0, 0, 1, 1, 0]
    >>> p = [0.1, 0.6, 0.4, 0.9, 0.2]
    >>> accuracy_by_threshold(y, p, [0.0, 0.5, 1.0])
    array([0.4, 0.6, 0.6])
    >>> accuracy_by_threshold(y, p, [0.0, 0.3, 0.5], balanced=True).round(4)
    array([0.5   , 0.8333, 0.5833])
    >>> accuracy_by_threshold(y, p, [0.4])  # 0.4 is not above 0.4: predicted negative
    array([0.6])
    """
    if not isinstance(balanced, bool | np.bool_):
        raise TypeError(f"balanced must be True or False, got {type(balanced).__name__}.")
    y = as_label_array(y_true, "y_true")
    p = as_float_array(proba, "proba", ndim=1)
    check_consistent_length(y_true=y, proba=p)
    check_probabilities(p, "proba")
    t = as_float_array(thresholds, "thresholds", ndim=1)
    if np.any((t < 0) | (t > 1)):
        bad = t[(t < 0) | (t > 1)][0].item()
        raise ValueError(f"thresholds must lie in [0, 1], found {bad!r}.")
    positive = _positive_mask(y, pos_label)
    p_pos = np.sort(p[positive])
    p_neg = np.sort(p[~positive])
    # side="right": searchsorted counts the values at or below each threshold.
    true_pos = len(p_pos) - np.searchsorted(p_pos, t, side="right")
    true_neg = np.searchsorted(p_neg, t, side="right")
    if balanced:
        return (true_pos / len(p_pos) + true_neg / len(p_neg)) / 2
    return (true_pos + true_neg) / len(y)
