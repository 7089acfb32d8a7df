r"""Classification losses and metrics: cross-entropy, accuracy and the 0-1 loss.

Following scikit-learn's convention, a ``*_loss`` and :func:`cross_entropy` are lower-is-better;
:func:`accuracy` is higher-is-better. Chapter 1 teaches cross-entropy, chapter 2 accuracy,
and chapter 3 how to read them together.

Every function that reads probabilities or logits maps labels to columns by one rule
(``class_columns`` in ``_validation.py``): integer labels ``0 .. K-1`` are the
column indices; any other labels need ``labels=``, the classes in column order. The result
for a sample never depends on the other samples of the batch.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    as_float_array,
    as_label_array,
    check_consistent_length,
    check_probabilities,
    check_probability_rows,
    check_sample_weight,
    class_columns,
    is_numeric_labels,
    weighted_mean,
)

__all__ = [
    "accuracy",
    "correct_predictions",
    "true_class_probability",
    "cross_entropy",
    "cross_entropy_from_logits",
    "per_sample_cross_entropy",
    "zero_one_loss",
]


def _validated_columns(
    y_true: ArrayLike, proba: ArrayLike, labels: ArrayLike | None
) -> tuple[NDArray[np.floating], NDArray[np.intp]]:
    """Validate the input; return ``proba`` and each sample's true column.

    The one validation behind every function that reads probabilities. A 1D ``proba``
    (or a single column, which scikit-learn reads the same way) is returned 1D, with
    columns 0 (negative) and 1 (positive); use :func:`_pick` and
    :func:`_predicted_columns` to read it either way.
    """
    y = as_label_array(y_true, "y_true")
    p = as_float_array(proba, "proba", ndim=(1, 2), finite=False)
    check_consistent_length(y_true=y, proba=p)
    check_probabilities(p, "proba")  # also rejects NaN and inf
    if p.ndim == 2 and p.shape[1] == 1:
        p = p[:, 0]  # one column: the positive class, as in sklearn.metrics.log_loss
    if p.ndim == 1:
        return p, class_columns(y, 2, labels, one_column=True)
    check_probability_rows(p, "proba")
    return p, class_columns(y, p.shape[1], labels)


def _pick(p: NDArray[np.floating], columns: NDArray[np.intp]) -> NDArray[np.floating]:
    """Return the probability of column ``columns[i]`` in row ``i`` (1D ``p``: of class 1).

    The result is always a new array (never a view of ``p``), which callers may overwrite.
    """
    if p.ndim == 1:
        return np.where(columns == 1, p, 1.0 - p)
    return np.take_along_axis(p, columns[:, None], axis=1)[:, 0]


def _predicted_columns(p: NDArray[np.floating]) -> NDArray[np.intp]:
    """Return the most probable column of each row; ties go to the first (1D: 1 if p > 1/2)."""
    if p.ndim == 1:
        return (p > 0.5).astype(np.intp)
    return p.argmax(axis=1)


def correct_predictions(
    y_true: ArrayLike, proba: ArrayLike, *, labels: ArrayLike | None = None
) -> NDArray[np.bool_]:
    """Whether each prediction is correct: its most probable class is the true one.

    For a 2D ``proba`` the predicted class is ``proba.argmax(axis=1)`` (ties go to the
    first column); for a 1D probability of the positive class, the prediction is positive
    when the probability exceeds 1/2. So ``correct_predictions(...).mean()`` is the
    accuracy of the predictions. Same label rule and validation as :func:`cross_entropy`.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as in :func:`cross_entropy`.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`cross_entropy`.

    Returns
    -------
    ndarray of bool, shape (n_samples,)

    Raises
    ------
    ValueError, TypeError
        As :func:`cross_entropy`.

    Examples
    --------
    >>> correct_predictions([0, 1, 2], [[0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6]])
    array([ True, False,  True])
    """
    p, true_columns = _validated_columns(y_true, proba, labels)
    return _predicted_columns(p) == true_columns


def true_class_probability(
    y_true: ArrayLike, proba: ArrayLike, *, labels: ArrayLike | None = None
) -> NDArray[np.floating]:
    """Probability each prediction gives to the true class of its sample.

    The one number per sample that the cross-entropy reads (chapter 1): the loss of a
    sample is minus its logarithm. Same label rule and validation as :func:`cross_entropy`.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as in :func:`cross_entropy`.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`cross_entropy`.

    Returns
    -------
    ndarray of shape (n_samples,)

    Raises
    ------
    ValueError, TypeError
        As :func:`cross_entropy`.

    Examples
    --------
    >>> true_class_probability(["cat", "dog"], [[0.8, 0.2], [0.3, 0.7]], labels=["cat", "dog"])
    array([0.8, 0.7])
    """
    return _pick(*_validated_columns(y_true, proba, labels))


def per_sample_cross_entropy(
    y_true: ArrayLike, proba: ArrayLike, *, labels: ArrayLike | None = None
) -> NDArray[np.floating]:
    r"""Cross-entropy of each sample, :math:`-\ln p_i(y_i)`, in nats.

    Same label rule, clipping and validation as :func:`cross_entropy`, which is its
    (weighted) mean.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities, as in :func:`cross_entropy`.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`cross_entropy`.

    Returns
    -------
    ndarray of shape (n_samples,)

    Raises
    ------
    ValueError, TypeError
        As :func:`cross_entropy`.

    Examples
    --------
    >>> per_sample_cross_entropy([1, 1, 0], [0.51, 0.99, 0.2]).round(4)
    array([0.6733, 0.0101, 0.2231])
    """
    p_true = true_class_probability(y_true, proba, labels=labels)
    eps = np.finfo(p_true.dtype).eps
    np.clip(p_true, eps, 1.0 - eps, out=p_true)  # p_true is a fresh array: work in place
    np.log(p_true, out=p_true)
    return np.negative(p_true, out=p_true)


def cross_entropy(
    y_true: ArrayLike,
    proba: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    r"""Mean cross-entropy (log loss) in nats; lower is better.

    .. math::

        \mathrm{CE} = -\frac{1}{\sum_i w_i}\sum_{i=1}^{n} w_i \ln p_i(y_i),

    where :math:`p_i(y_i)` is the probability the model gives the true class of sample
    :math:`i` and :math:`w_i` its weight (1 by default). Probabilities are clipped to
    :math:`[\epsilon, 1-\epsilon]` with :math:`\epsilon` the machine epsilon of their dtype,
    as :func:`sklearn.metrics.log_loss` does, so a confident mistake costs at most about
    36 nats instead of infinity. Taught in chapter 1.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels: integers ``0 .. n_classes - 1``, or any labels listed in
        ``labels``.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities. A 1D array (or a single column) is the probability of the
        positive class, column 1 of [negative, positive]. Column ``j`` of a 2D array
        belongs to class ``j``, or to ``labels[j]`` when ``labels`` is given.
    labels : array-like of shape (n_classes,), optional
        The classes in column order (for a 1D ``proba``: ``[negative, positive]``).
        Needed for labels that are not the integers ``0 .. n_classes - 1``. Respected as
        given; an unsorted one issues a :class:`~lossacc_helpers.LabelOrderWarning`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted mean.

    Returns
    -------
    float
        The mean loss, in nats (divide by ``ln 2`` for bits).

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, probabilities outside
        [0, 1], labels that are not column indices without ``labels``, a ``labels`` that
        does not name one class per column, unknown labels, or bad weights.
    TypeError
        On non-numeric probabilities, labels that are not labels (None, lists, dicts,
        mixed types) or ``labels`` of another kind than ``y_true``.

    Warns
    -----
    UserWarning
        When rows of a 2D ``proba`` do not sum to one (as scikit-learn does); the
        values are used as given.

    Notes
    -----
    Differences from :func:`sklearn.metrics.log_loss`, which infers the classes from the
    sorted unique values of ``y_true``:

    * integer labels index the columns directly, also when some class has no sample
      (scikit-learn raises unless ``labels`` is given); labels such as 1, 2, 3 or
      strings need ``labels=`` (scikit-learn accepts them when every class occurs, and
      then a batch missing a class changes the meaning of the columns);
    * ``labels`` is the column order as given; scikit-learn sorts it;
    * a 1D ``proba`` with labels other than {0, 1} or {-1, +1} needs ``labels=``.

    Examples
    --------
    >>> round(cross_entropy([0, 1, 1], [0.1, 0.8, 0.6]), 4)
    0.2798
    >>> round(cross_entropy([2, 0], [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]]), 4)
    0.5249
    >>> round(cross_entropy(["no", "yes"], [0.2, 0.9], labels=["no", "yes"]), 4)
    0.1643
    >>> round(cross_entropy([0, 1], [0.2, 0.9], sample_weight=[3, 1]), 4)
    0.1937
    """
    losses = per_sample_cross_entropy(y_true, proba, labels=labels)
    return weighted_mean(losses, check_sample_weight(sample_weight, len(losses)))


def _exp_of_difference(a: NDArray, b: NDArray) -> NDArray:
    """Return ``exp(a - b)`` with the rounding error of the subtraction put back.

    ``a - b`` is rounded to ``s``; the two-sum algorithm (Knuth, TAOCP vol. 2, 4.2.2)
    gives the exact error ``t = (a - b) - s``, and ``exp(s + t) = exp(s) (1 + t)`` to
    first order. Without it the rounding of a difference of magnitude 700 alone costs
    about 2**-43 of relative error in the exponential.
    """
    s = a - b
    a_part = s + b
    t = (a - a_part) + (a_part - s - b)
    out = np.exp(s)
    out += out * t
    return out


def _logit_losses(z: NDArray[np.floating], columns: NDArray[np.intp]) -> NDArray[np.floating]:
    r"""Per-sample cross-entropy of logits: :math:`\ln\sum_k e^{z_k} - z_y`, to a few ulps.

    1D ``z`` holds log-odds: the loss is ``logaddexp(0, -z)`` for class 1 and
    ``logaddexp(0, z)`` for class 0. For 2D ``z``, with :math:`m = z_{\hat k}` the row
    maximum, the loss is :math:`(m - z_y) + \operatorname{log1p}(\sum_{k \ne \hat k}
    e^{z_k - m})`: the second term never computes ``1 + tiny`` before its logarithm (the
    ``log`` form returns 0 for every margin above about 37), and both terms are positive,
    so nothing cancels.
    """
    if z.ndim == 1:
        return np.logaddexp(0.0, np.where(columns == 1, -z, z))
    rows = np.arange(len(z))
    top = z.argmax(axis=1)
    row_max = z[rows, top]
    others = _exp_of_difference(z, row_max[:, None])
    others[rows, top] = 0.0
    return (row_max - z[rows, columns]) + np.log1p(others.sum(axis=1))


def _validated_logits(
    y_true: ArrayLike, logits: ArrayLike, labels: ArrayLike | None
) -> tuple[NDArray[np.floating], NDArray[np.intp]]:
    """Validate labels and logits (1D: log-odds); return the logits and the true columns."""
    y = as_label_array(y_true, "y_true")
    z = as_float_array(logits, "logits", ndim=(1, 2))
    check_consistent_length(y_true=y, logits=z)
    if z.ndim == 2 and z.shape[1] == 1:
        z = z[:, 0]
    if z.ndim == 1:
        return z, class_columns(y, 2, labels, columns="logits", one_column=True)
    return z, class_columns(y, z.shape[1], labels, columns="logits")


def cross_entropy_from_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    labels: ArrayLike | None = None,
    sample_weight: ArrayLike | None = None,
) -> float:
    r"""Mean cross-entropy computed from logits through log-sum-exp; lower is better.

    .. math::

        \mathrm{CE} = \frac{1}{n}\sum_{i=1}^{n}
            \Big(\ln \sum_{k} e^{z_{ik}} - z_{i y_i}\Big)
            = \frac{1}{n}\sum_{i=1}^{n}
            \Big(m_i - z_{i y_i} + \operatorname{log1p} \sum_{k \ne k_i} e^{z_{ik} - m_i}\Big),
        \quad m_i = z_{i k_i} = \max_k z_{ik}.

    Subtracting the row maximum keeps every exponent at or below zero, so nothing
    overflows (logits of 1e4 and beyond are fine), and ``log1p`` keeps the loss of a
    confident correct prediction, :math:`\approx e^{-\text{margin}}`, from rounding to 0.
    The result is accurate to a few units in the last place for margins up to 700
    (binary log-odds go through ``numpy.logaddexp``; the differences
    :math:`z_{ik} - m_i` are corrected for rounding). Unlike :func:`cross_entropy` nothing
    is clipped: a confident mistake costs its full margin.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels: integers ``0 .. n_classes - 1``, or any labels listed in
        ``labels``.
    logits : array-like of shape (n_samples,) or (n_samples, n_classes)
        Unnormalised scores. A 1D array (or a single column) holds the log-odds of the
        positive class, column 1 of [negative, positive].
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`cross_entropy`.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted mean.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, labels that are not
        column indices without ``labels``, unknown labels, or bad weights.
    TypeError
        On non-numeric logits or labels that are not labels.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0, 1], [[2.0, 0.0], [0.0, 1e4]]), 4)
    0.0635
    >>> float(cross_entropy_from_logits([1], [40.0]))  # e**-40, not 0
    4.248354255291589e-18
    """
    z, columns = _validated_logits(y_true, logits, labels)
    losses = _logit_losses(z, columns)
    return weighted_mean(losses, check_sample_weight(sample_weight, len(losses)))


def _labels_pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[NDArray, NDArray]:
    y = as_label_array(y_true, "y_true")
    yhat = as_label_array(y_pred, "y_pred")
    check_consistent_length(y_true=y, y_pred=yhat)
    if is_numeric_labels(y) != is_numeric_labels(yhat):
        raise TypeError(
            f"y_true holds {y.dtype} labels and y_pred {yhat.dtype} labels; "
            "labels of different types never match. Use the same kind of labels for both."
        )
    return y, yhat


def accuracy(
    y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None
) -> float:
    r"""Share of predictions that equal the true label; higher is better.

    .. math::

        \mathrm{accuracy} = \frac{1}{\sum_i w_i}\sum_{i=1}^{n} w_i\,[\hat y_i = y_i]
                          = 1 - \text{mean 0-1 loss},

    with weights :math:`w_i` (1 by default). Taught in chapter 2. It reads predicted
    *labels*; turn probabilities into labels first (``proba.argmax(axis=1)``, or a
    threshold for one positive-class column).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted share.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        On empty input, mismatched lengths, 2D input, missing or NaN labels,
        non-integral floats (probabilities passed by mistake) or bad weights.
    TypeError
        When one side holds numbers and the other strings, or a side holds values that
        are not labels (None, lists, dicts).

    Notes
    -----
    Equals :func:`sklearn.metrics.accuracy_score` (with ``normalize=True``), weights
    included. Unlike it, multilabel indicator matrices are refused (2D input).

    Examples
    --------
    >>> accuracy(["cat", "cat", "dog", "dog", "cat"], ["cat", "dog", "dog", "cat", "cat"])
    0.6
    >>> accuracy([0, 1, 1], [0, 1, 0], sample_weight=[1, 1, 2])
    0.5
    """
    y, yhat = _labels_pair(y_true, y_pred)
    return weighted_mean(y == yhat, check_sample_weight(sample_weight, len(y)))


def zero_one_loss(
    y_true: ArrayLike, y_pred: ArrayLike, *, sample_weight: ArrayLike | None = None
) -> float:
    r"""Mean 0-1 loss, the share of wrong predictions (the error rate); lower is better.

    .. math::

        \frac{1}{\sum_i w_i}\sum_{i=1}^{n} w_i\,[\hat y_i \neq y_i] = 1 - \mathrm{accuracy}.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.
    sample_weight : array-like of shape (n_samples,), optional
        Non-negative weights; the result is the weighted share.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError, TypeError
        As :func:`accuracy`.

    Notes
    -----
    Equals :func:`sklearn.metrics.zero_one_loss` with ``normalize=True``.

    Examples
    --------
    >>> zero_one_loss([1, 0, 1, 1], [1, 1, 1, 0])
    0.5
    """
    y, yhat = _labels_pair(y_true, y_pred)
    return weighted_mean(y != yhat, check_sample_weight(sample_weight, len(y)))
