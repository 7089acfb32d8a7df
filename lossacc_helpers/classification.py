"""Classification losses and metrics: cross-entropy, accuracy and the 0-1 loss.

Following scikit-learn's convention, a ``*_loss`` and :func:`cross_entropy` are lower-is-better;
:func:`accuracy` is higher-is-better. Chapter 1 teaches cross-entropy, chapter 2 accuracy,
and chapter 3 how to read them together.
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


def _class_indices(y_true: NDArray, n_columns: int, labels: ArrayLike | None) -> NDArray[np.intp]:
    """Map labels to column indices of a probability array with ``n_columns`` columns.

    The columns follow ``labels`` when given, else the sorted classes of ``y_true``. When
    ``labels`` is None, ``y_true`` holds integers in ``0 .. n_columns - 1`` and some class has
    no sample, the integers are taken as column indices (scikit-learn raises in that case).
    """
    if labels is not None:
        classes = as_label_array(labels, "labels")
        if len(np.unique(classes)) != len(classes):
            raise ValueError(f"labels must not repeat a class, got {classes.tolist()}.")
        classes = np.sort(classes)
        if len(classes) != n_columns:
            raise ValueError(
                f"labels has {len(classes)} classes but proba has {n_columns} columns; "
                "give one column per class."
            )
    else:
        classes = np.unique(y_true)
        is_int = np.issubdtype(y_true.dtype, np.integer) or np.issubdtype(y_true.dtype, np.floating)
        if len(classes) != n_columns and is_int and classes[0] >= 0 and classes[-1] < n_columns:
            classes = np.arange(n_columns)
    if len(classes) != n_columns:
        raise ValueError(
            f"y_true has {len(classes)} classes {classes.tolist()} but proba has {n_columns} "
            "columns. Pass the full list of classes with labels=..."
        )
    index = np.searchsorted(classes, y_true)
    index = np.clip(index, 0, n_columns - 1)
    unknown = classes[index] != y_true
    if np.any(unknown):
        raise ValueError(
            f"y_true contains labels not in labels: {np.unique(y_true[unknown]).tolist()}; "
            f"expected one of {classes.tolist()}."
        )
    return index


def _validated_columns(
    y_true: ArrayLike, proba: ArrayLike, labels: ArrayLike | None
) -> tuple[NDArray[np.floating], NDArray[np.intp]]:
    """Validate the input; return ``proba`` and each sample's true column.

    The one validation and label-to-column mapping behind every function that reads
    probabilities. A 1D ``proba`` is returned as it is, with columns 0 (negative) and 1
    (positive); use :func:`_pick` and :func:`_predicted_columns` to read it either way.
    """
    y = as_label_array(y_true, "y_true")
    p = as_float_array(proba, "proba", ndim=(1, 2))
    check_consistent_length(y_true=y, proba=p)
    check_probabilities(p, "proba")
    if p.ndim == 1:
        # Binary: p is the probability of the positive (greater) class.
        n_found = len(np.unique(y))
        if labels is None and n_found > 2:
            raise ValueError(
                f"y_true has {n_found} classes but proba is 1D (binary). "
                "Pass a 2D proba of shape (n_samples, n_classes) for multiclass problems."
            )
        if labels is None and n_found == 1 and not np.isin(y[0], [0, 1]):
            raise ValueError(
                f"y_true contains only one label ({y[0].item()!r}) and proba is 1D, so the "
                "positive class is ambiguous. Pass both classes with labels=[negative, positive]."
            )
        return p, _class_indices(y, 2, labels)
    if p.shape[1] < 2:
        raise ValueError(
            f"proba has {p.shape[1]} column; give one column per class (at least 2), "
            "or a 1D array of positive-class probabilities."
        )
    check_probability_rows(p, "proba")
    return p, _class_indices(y, p.shape[1], labels)


def _pick(p: NDArray[np.floating], columns: NDArray[np.intp]) -> NDArray[np.floating]:
    """Return the probability of column ``columns[i]`` in row ``i`` (1D ``p``: of class 1)."""
    if p.ndim == 1:
        return np.where(columns == 1, p, 1.0 - p)
    return p[np.arange(len(p)), columns]


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
    accuracy of the predictions. Same arguments and validation as :func:`cross_entropy`.

    Returns
    -------
    ndarray of bool, shape (n_samples,)

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
    sample is minus its logarithm. Same arguments and validation as :func:`cross_entropy`.

    Returns
    -------
    ndarray of shape (n_samples,)

    Examples
    --------
    >>> true_class_probability(["cat", "dog"], [[0.8, 0.2], [0.3, 0.7]])
    array([0.8, 0.7])
    """
    return _pick(*_validated_columns(y_true, proba, labels))


def per_sample_cross_entropy(
    y_true: ArrayLike, proba: ArrayLike, *, labels: ArrayLike | None = None
) -> NDArray[np.floating]:
    r"""Cross-entropy of each sample, :math:`-\ln p_i(y_i)`, in nats.

    Same arguments, clipping and validation as :func:`cross_entropy`, which is its mean.

    Returns
    -------
    ndarray of shape (n_samples,)

    Examples
    --------
    >>> per_sample_cross_entropy([1, 1, 0], [0.51, 0.99, 0.2]).round(4)
    array([0.6733, 0.0101, 0.2231])
    """
    p_true = true_class_probability(y_true, proba, labels=labels)
    eps = np.finfo(p_true.dtype).eps
    return -np.log(np.clip(p_true, eps, 1.0 - eps))


def cross_entropy(y_true: ArrayLike, proba: ArrayLike, *, labels: ArrayLike | None = None) -> float:
    r"""Mean cross-entropy (log loss) in nats; lower is better.

    .. math::

        \mathrm{CE} = -\frac{1}{n}\sum_{i=1}^{n} \ln p_i(y_i),

    where :math:`p_i(y_i)` is the probability the model gives the true class of sample
    :math:`i`. Probabilities are clipped to :math:`[\epsilon, 1-\epsilon]` with
    :math:`\epsilon` the machine epsilon of their dtype, as :func:`sklearn.metrics.log_loss`
    does, so a confident mistake costs at most about 36 nats instead of infinity.
    Taught in chapter 1.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    proba : array-like of shape (n_samples,) or (n_samples, n_classes)
        Predicted probabilities. A 1D array is the probability of the positive class
        (the greater of two labels; with labels 0 and 1 it is class 1 even when
        ``y_true`` holds only one of them). In a 2D array, column ``j`` belongs to the ``j``-th
        class in sorted order (of ``labels`` if given, else of ``y_true``); integer labels
        ``0 .. n_classes - 1`` index the columns directly even when a class has no sample.
    labels : array-like of shape (n_classes,), optional
        All the classes, when ``y_true`` does not contain every one of them.

    Returns
    -------
    float
        The mean loss, in nats (divide by ``ln 2`` for bits).

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, probabilities outside
        [0, 1], a number of columns that does not match the classes, or unknown labels.
    TypeError
        On non-numeric probabilities.

    Warns
    -----
    UserWarning
        When rows of a 2D ``proba`` do not sum to one (as scikit-learn does); the
        values are used as given.

    Examples
    --------
    >>> round(cross_entropy([0, 1, 1], [0.1, 0.8, 0.6]), 4)
    0.2798
    >>> round(cross_entropy([2, 0], [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]]), 4)
    0.5249
    """
    return float(np.mean(per_sample_cross_entropy(y_true, proba, labels=labels)))


def cross_entropy_from_logits(y_true: ArrayLike, logits: ArrayLike) -> float:
    r"""Mean cross-entropy computed from logits through log-sum-exp; lower is better.

    .. math::

        \mathrm{CE} = \frac{1}{n}\sum_{i=1}^{n}
            \Big(\ln \sum_{k} e^{z_{ik}} - z_{i y_i}\Big)
            = \frac{1}{n}\sum_{i=1}^{n}
            \Big(m_i + \ln \sum_{k} e^{z_{ik} - m_i} - z_{i y_i}\Big),
        \quad m_i = \max_k z_{ik}.

    Subtracting the row maximum keeps every exponent at or below zero, so the result is
    finite and exact where a naive softmax overflows (logits of 1e4 and beyond). Unlike
    :func:`cross_entropy` nothing is clipped: a confident mistake costs its full margin.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Integer class indices in ``0 .. n_classes - 1`` (binary: 0 or 1).
    logits : array-like of shape (n_samples,) or (n_samples, n_classes)
        Unnormalised scores. A 1D array holds the log-odds of class 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        On empty, NaN or infinite input, mismatched lengths, or labels that are not
        integers in ``0 .. n_classes - 1``.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0, 1], [[2.0, 0.0], [0.0, 1e4]]), 4)
    0.0635
    """
    y = as_label_array(y_true, "y_true")
    z = as_float_array(logits, "logits", ndim=(1, 2))
    check_consistent_length(y_true=y, logits=z)
    if z.ndim == 1:
        z = np.stack([np.zeros_like(z), z], axis=1)
    n_classes = z.shape[1]
    if n_classes < 2:
        raise ValueError(
            "logits has 1 column; give one column per class, or a 1D array of log-odds."
        )
    if not (np.issubdtype(y.dtype, np.integer) or np.issubdtype(y.dtype, np.floating)):
        raise ValueError(f"y_true must hold integer class indices, got dtype {y.dtype}.")
    if y.min() < 0 or y.max() >= n_classes:
        raise ValueError(
            f"y_true must hold class indices in 0 .. {n_classes - 1} (one per logits column), "
            f"found {(y.min() if y.min() < 0 else y.max()).item()!r}."
        )
    index = y.astype(np.intp)
    row_max = z.max(axis=1)
    log_norm = row_max + np.log(np.exp(z - row_max[:, None]).sum(axis=1))
    return float(np.mean(log_norm - z[np.arange(len(z)), index]))


def _labels_pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[NDArray, NDArray]:
    y = as_label_array(y_true, "y_true")
    yhat = as_label_array(y_pred, "y_pred")
    check_consistent_length(y_true=y, y_pred=yhat)
    numeric_true = np.issubdtype(y.dtype, np.number) or y.dtype == bool
    numeric_pred = np.issubdtype(yhat.dtype, np.number) or yhat.dtype == bool
    if numeric_true != numeric_pred:
        raise TypeError(
            f"y_true holds {y.dtype} labels and y_pred {yhat.dtype} labels; "
            "labels of different types never match. Use the same kind of labels for both."
        )
    return y, yhat


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Share of predictions that equal the true label; higher is better.

    .. math::

        \mathrm{accuracy} = \frac{1}{n}\sum_{i=1}^{n} [\hat y_i = y_i]
                          = 1 - \text{mean 0-1 loss}.

    Taught in chapter 2. It reads predicted *labels*; turn probabilities into labels
    first (``proba.argmax(axis=1)``, or a threshold for one positive-class column).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels.
    y_pred : array-like of shape (n_samples,)
        Predicted labels.

    Returns
    -------
    float
        In [0, 1].

    Raises
    ------
    ValueError
        On empty input, mismatched lengths, 2D input, NaN labels or non-integral
        floats (probabilities passed by mistake).
    TypeError
        When one side holds numbers and the other strings.

    Examples
    --------
    >>> accuracy(["cat", "cat", "dog", "dog", "cat"], ["cat", "dog", "dog", "cat", "cat"])
    0.6
    """
    y, yhat = _labels_pair(y_true, y_pred)
    return float(np.mean(y == yhat))


def zero_one_loss(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    r"""Mean 0-1 loss, the share of wrong predictions (the error rate); lower is better.

    .. math::

        \frac{1}{n}\sum_{i=1}^{n} [\hat y_i \neq y_i] = 1 - \mathrm{accuracy}.

    Parameters and errors as in :func:`accuracy`.

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> zero_one_loss([1, 0, 1, 1], [1, 1, 1, 0])
    0.5
    """
    y, yhat = _labels_pair(y_true, y_pred)
    return float(np.mean(y != yhat))
