"""Train one epoch at a time and keep the best model: the cheap loop behind a seed band.

A comparison of training recipes on one seed is one draw. To repeat it over seeds
cheaply, :func:`train_keeping_best` trains with ``partial_fit``, measures only the
validation loss after each epoch, and keeps a copy of the model at its lowest value,
what early stopping with restored weights returns. Taught in chapter 5.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .classification import cross_entropy


@dataclass(frozen=True)
class KeptModels:
    """The result of :func:`train_keeping_best`.

    Attributes
    ----------
    last : object
        The model after the last epoch (the object passed in, trained).
    best : object
        A copy of the model at the epoch of its lowest validation loss.
    best_epoch : int
        That epoch, counted from 1.
    val_loss : ndarray
        The validation cross-entropy after every epoch, one value per epoch.
    """

    last: Any
    best: Any
    best_epoch: int
    val_loss: NDArray[np.float64]


def train_keeping_best(
    model: Any,
    X_train: ArrayLike,
    y_train: ArrayLike,
    X_val: ArrayLike,
    y_val: ArrayLike,
    *,
    epochs: int,
    classes: ArrayLike | None = None,
) -> KeptModels:
    """Train ``model`` for ``epochs`` epochs; keep a copy at its lowest validation loss.

    Each epoch is one ``partial_fit`` call on the whole training set, followed by the
    validation cross-entropy of ``predict_proba``. Ties keep the earliest epoch, as
    :attr:`History.best_epoch <lossacc_helpers.History.best_epoch>` does.

    Parameters
    ----------
    model : object
        An estimator with ``partial_fit`` and ``predict_proba``; trained in
        place, from the state it is in.
    X_train, y_train : array-like
        Training data.
    X_val, y_val : array-like
        Validation data; ``y_val`` labels in the columns of ``predict_proba``.
    epochs : int
        Number of epochs (at least 1).
    classes : array-like, optional
        All class labels, passed to ``partial_fit``; by default those of ``y_train``.

    Returns
    -------
    KeptModels

    Examples
    --------
    >>> from sklearn.linear_model import SGDClassifier
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> kept = train_keeping_best(
    ...     SGDClassifier(loss="log_loss", random_state=0), X, [0, 0, 1, 1], X,
    ...     [0, 0, 1, 1], epochs=3)
    >>> kept.best_epoch == int(kept.val_loss.argmin()) + 1
    True
    """
    if not isinstance(epochs, int | np.integer) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}.")
    classes = np.unique(np.asarray(y_train)) if classes is None else np.asarray(classes)
    losses, best, best_epoch = [], None, 0
    for epoch in range(1, epochs + 1):
        model.partial_fit(X_train, y_train, classes=classes)
        losses.append(cross_entropy(y_val, model.predict_proba(X_val), labels=classes))
        if best is None or losses[-1] < min(losses[:-1]):
            best, best_epoch = copy.deepcopy(model), epoch
    return KeptModels(model, best, best_epoch, np.array(losses))
