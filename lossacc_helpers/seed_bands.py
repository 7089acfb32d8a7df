"""Train one epoch at a time and keep the best model: the cheap loop behind a seed band.

A comparison of training recipes on one seed is one draw. To repeat it over seeds
cheaply, :func:`train_keeping_best` trains with ``partial_fit``, measures only the
validation loss after each epoch, and keeps a copy of the model at its lowest value,
what early stopping with restored weights returns. Taught in chapter 5.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, as_label_array, check_consistent_length, check_scalar
from .classification import accuracy, cross_entropy

__all__ = ["KeptModels", "evaluate", "seed_band", "train_keeping_best"]


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


def evaluate(model: Any, X: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """Accuracy and cross-entropy of a fitted classifier on a data set, usually the test set.

    The accuracy of the most probable class and the mean cross-entropy (nats) of
    ``model.predict_proba(X)``, with the columns named by ``model.classes_``.

    Parameters
    ----------
    model : object
        A fitted classifier with ``predict_proba`` and ``classes_``.
    X : array-like of shape (n_samples, n_features)
        Inputs.
    y : array-like of shape (n_samples,)
        True labels, among ``model.classes_``.

    Returns
    -------
    accuracy : float
    cross_entropy : float

    Raises
    ------
    TypeError
        If ``model`` is not a fitted probabilistic classifier.
    ValueError
        If the lengths differ, or ``y`` holds a class the model does not know.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]
    >>> acc, ce = evaluate(LogisticRegression().fit(X, y), X, y)
    >>> acc, round(ce, 3)
    (1.0, 0.348)
    """
    if not callable(getattr(model, "predict_proba", None)) or not hasattr(model, "classes_"):
        raise TypeError(
            "model must be a fitted classifier with predict_proba and classes_, got "
            f"{type(model).__name__}; fit it first."
        )
    Xs = as_float_array(X, "X", ndim=2)
    ys = as_label_array(y, "y")
    check_consistent_length(X=Xs, y=ys)
    classes = np.asarray(model.classes_)
    proba = model.predict_proba(Xs)
    predicted = classes[np.argmax(proba, axis=1)]
    return accuracy(ys, predicted), cross_entropy(ys, proba, labels=classes)


def seed_band(
    make_model: Callable[..., Any],
    recipes: Mapping[str, Mapping[str, Any]],
    X_train: ArrayLike,
    y_train: ArrayLike,
    X_val: ArrayLike,
    y_val: ArrayLike,
    X_test: ArrayLike,
    y_test: ArrayLike,
    *,
    seeds: Sequence[int],
    epochs: int,
    best_of: Mapping[str, str] | None = None,
) -> dict[str, NDArray[np.float64]]:
    """Test accuracy and cross-entropy of training recipes, repeated over seeds.

    For every seed and recipe, ``make_model(**settings, random_state=seed)`` is trained
    with :func:`train_keeping_best` and its last state scored on the test set with
    :func:`evaluate`. ``best_of`` adds early stopping for free: the kept best state of a
    recipe's run, under a name of its own, with no second training.

    Parameters
    ----------
    make_model : callable
        Builds an unfitted model from keyword settings, for example
        :func:`~lossacc_helpers.sgd_network`; it must accept ``random_state``.
    recipes : dict of str to dict
        The settings of each recipe, by name (``{}`` for the defaults).
    X_train, y_train, X_val, y_val : array-like
        Training and validation data (the validation loss picks the best epoch).
    X_test, y_test : array-like
        The held-out data every model is scored on.
    seeds : tuple of int
        The seeds, one row of the result each.
    epochs : int
        Epochs per run, at least 1.
    best_of : dict of str to str, optional
        Extra rows: a new name mapped to the recipe whose best state it scores, for
        example ``{"early stopping": "no remedy"}``.

    Returns
    -------
    dict of str to ndarray of shape (n_seeds, 2)
        Per name (the recipes, then ``best_of``), one row ``(accuracy, cross-entropy)``
        per seed.

    Raises
    ------
    TypeError
        If ``make_model`` is not callable, ``recipes`` is not a mapping of mappings, or
        a seed is not an integer.
    ValueError
        If ``seeds`` or ``recipes`` is empty, or ``best_of`` names an unknown recipe or
        reuses a recipe's name.

    Examples
    --------
    >>> from sklearn.linear_model import SGDClassifier
    >>> X, y = [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]
    >>> band = seed_band(SGDClassifier, {"sgd": {"loss": "log_loss"}}, X, y, X, y, X, y,
    ...                  seeds=[0, 1], epochs=3, best_of={"kept": "sgd"})
    >>> list(band), band["sgd"].shape
    (['sgd', 'kept'], (2, 2))
    """
    if not callable(make_model):
        raise TypeError(f"make_model must be callable, got {type(make_model).__name__}.")
    if not isinstance(recipes, Mapping) or not recipes:
        raise ValueError(
            "recipes must be a non-empty mapping from a name to settings, for example "
            "{'no remedy': {}, 'L2 penalty': {'alpha': 0.3}}."
        )
    for name, settings in recipes.items():
        if not isinstance(settings, Mapping):
            raise TypeError(
                f"recipes[{name!r}] must be a mapping of settings, got {type(settings).__name__}."
            )
    extra = dict(best_of or {})
    for name, source in extra.items():
        if source not in recipes or name in recipes:
            raise ValueError(
                f"best_of[{name!r}] must name one of the recipes {list(recipes)} under a new "
                f"name, got {source!r}."
            )
    seed_list = [int(check_scalar(s, "seeds", integer=True)) for s in seeds]
    if not seed_list:
        raise ValueError("seeds must hold at least one seed.")
    data = (X_train, y_train, X_val, y_val)
    rows: dict[str, list[tuple[float, float]]] = {name: [] for name in [*recipes, *extra]}
    for seed in seed_list:
        kept = {}
        for name, settings in recipes.items():
            model = make_model(**settings, random_state=seed)
            kept[name] = train_keeping_best(model, *data, epochs=epochs)
        for name in recipes:
            rows[name].append(evaluate(kept[name].last, X_test, y_test))
        for name, source in extra.items():
            rows[name].append(evaluate(kept[source].best, X_test, y_test))
    return {name: np.array(values) for name, values in rows.items()}
