"""One model, several losses: scikit-learn models trained on each loss, and scored alike.

Chapter 4 compares losses by training the same kind of model on each of them: a linear
``SGDClassifier`` on data whose best classifier is known (:func:`gaussian_classes`), then
with far-off outliers (:func:`add_outliers`); boosted stumps on ``make_hastie_10_2``
with the labels deepest inside their class flipped (:func:`hastie_data`,
:func:`flip_deepest`); and multiclass linear models on a standardised split
(:func:`standardised_split`, :func:`multiclass_model_scores`). Every model is seeded, so
a re-run gives the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit
from sklearn.datasets import make_hastie_10_2
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from ._validation import as_float_array, check_consistent_length, check_scalar
from .classification import accuracy, cross_entropy_from_logits
from .surrogates import multiclass_hinge

__all__ = [
    "SGD_LOSSES",
    "add_outliers",
    "boost_stumps",
    "flip_deepest",
    "gaussian_bayes_scores",
    "gaussian_classes",
    "hastie_data",
    "model_scores",
    "multiclass_model_scores",
    "sgd_classifier",
    "standardised_split",
]

#: The margin losses of ``SGDClassifier`` that chapter 4 compares, in its order.
SGD_LOSSES: tuple[str, ...] = ("hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron")

#: The settings every ``SGDClassifier`` of chapter 4 shares: a small L2 penalty, averaged
#: weights, a slowly decreasing step and a fixed seed.
_SGD_SETTINGS = {
    "alpha": 1e-3,
    "average": True,
    "learning_rate": "invscaling",
    "eta0": 0.01,
    "max_iter": 1000,
    "tol": 1e-4,
    "random_state": 0,
}


def _check_rng(rng: object) -> np.random.Generator:
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy Generator, got {type(rng).__name__}; "
            "pass np.random.default_rng(seed)."
        )
    return rng


def _check_binary(y: ArrayLike, name: str = "y") -> NDArray:
    y = as_float_array(y, name)
    if not np.all((y == 0) | (y == 1)):
        found = y[(y != 0) & (y != 1)][0].item()
        raise ValueError(f"{name} must hold the labels 0 and 1, found {found!r}; map them to 0/1.")
    return y.astype(int)


def sgd_classifier(loss: str) -> SGDClassifier:
    """Return an unfitted ``SGDClassifier`` with ``loss`` and the chapter's settings.

    ``alpha=1e-3, average=True, learning_rate="invscaling", eta0=0.01, max_iter=1000,
    tol=1e-4, random_state=0``: the same model for every loss, so that only the loss
    differs.

    Parameters
    ----------
    loss : str
        One of :data:`SGD_LOSSES`.

    Returns
    -------
    sklearn.linear_model.SGDClassifier

    Raises
    ------
    ValueError
        If ``loss`` is not one of :data:`SGD_LOSSES`.

    Examples
    --------
    >>> sgd_classifier("hinge").get_params()["alpha"]
    0.001
    """
    if loss not in SGD_LOSSES:
        raise ValueError(f"loss must be one of {list(SGD_LOSSES)}, got {loss!r}.")
    return SGDClassifier(loss=loss, **_SGD_SETTINGS)


def gaussian_classes(
    n_samples: int, rng: np.random.Generator, *, n_features: int = 10
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    r"""Two unit-variance Gaussian classes whose means are -1 and +1 on feature 1 only.

    Labels are 0 or 1 with probability one half each; the features are standard normal,
    plus :math:`2y - 1` on the first. The best classifier predicts the sign of
    :math:`x_1`, and :math:`P(y = 1 \mid x) = \sigma(2 x_1)` (see
    :func:`gaussian_bayes_scores`).

    Parameters
    ----------
    n_samples : int
        Number of points, at least 1.
    rng : numpy.random.Generator
        The random generator; it is advanced, so two calls give two independent sets.
    n_features : int, default=10
        Number of features, at least 1.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Labels 0 and 1.

    Raises
    ------
    TypeError
        If ``rng`` is not a numpy Generator, or a size is not an integer.
    ValueError
        If a size is below 1.

    Examples
    --------
    >>> X, y = gaussian_classes(4, np.random.default_rng(0))
    >>> X.shape, y.tolist()
    ((4, 10), [1, 1, 1, 0])
    """
    n_samples = check_scalar(n_samples, "n_samples", low=1, integer=True)
    n_features = check_scalar(n_features, "n_features", low=1, integer=True)
    rng = _check_rng(rng)
    y = rng.integers(0, 2, n_samples)
    X = rng.normal(size=(n_samples, n_features))
    X[:, 0] += 2 * y - 1
    return X, y


def gaussian_bayes_scores(X: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    r"""Accuracy and log loss (nats) of the best classifier of :func:`gaussian_classes`.

    It knows :math:`\eta(x) = P(y = 1 \mid x) = \sigma(2 x_1)`, predicts 1 where
    :math:`\eta > \frac12` and gives the probability :math:`\eta`: no model can do better
    in expectation. The log loss is :func:`sklearn.metrics.log_loss`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Points of :func:`gaussian_classes`.
    y : array-like of shape (n_samples,)
        Their labels, 0 and 1.

    Returns
    -------
    tuple of float
        ``(accuracy, log_loss)``.

    Raises
    ------
    ValueError, TypeError
        On a 1D or non-numeric ``X``, labels other than 0 and 1, or mismatched lengths.

    Examples
    --------
    >>> acc, ll = gaussian_bayes_scores([[2.0], [-2.0], [1.0]], [1, 0, 0])
    >>> round(acc, 4), round(ll, 4)
    (0.6667, 0.7211)
    """
    X = as_float_array(X, "X", ndim=2)
    y = _check_binary(y)
    check_consistent_length(X=X, y=y)
    proba = expit(2 * X[:, 0])
    return accuracy(y, (proba > 0.5) * 1), float(log_loss(y, proba, labels=[0, 1]))


def model_scores(model: object, X: ArrayLike, y: ArrayLike) -> tuple[float, float | None]:
    """Accuracy of a fitted binary classifier, and its log loss when it gives probabilities.

    The accuracy is that of ``model.predict(X)``; the log loss (nats,
    :func:`sklearn.metrics.log_loss`) that of ``model.predict_proba(X)``, or None for a
    model without ``predict_proba`` (an ``SGDClassifier`` with the hinge loss, say).

    Parameters
    ----------
    model : object
        A fitted classifier: anything with ``predict`` (and optionally ``predict_proba``).
    X : array-like of shape (n_samples, n_features)
        The points to score it on.
    y : array-like of shape (n_samples,)
        Their true labels.

    Returns
    -------
    tuple
        ``(accuracy, log_loss or None)``.

    Raises
    ------
    TypeError
        If ``model`` has no ``predict`` method.

    Examples
    --------
    >>> X, y = gaussian_classes(200, np.random.default_rng(0))
    >>> acc, ll = model_scores(sgd_classifier("hinge").fit(X, y), X, y)
    >>> acc > 0.8, ll
    (True, None)
    """
    if not callable(getattr(model, "predict", None)):
        raise TypeError(
            f"model must be a fitted classifier with a predict method, got {type(model).__name__}."
        )
    acc = accuracy(y, model.predict(X))
    if not hasattr(model, "predict_proba"):
        return acc, None
    return acc, float(log_loss(y, model.predict_proba(X)))


def add_outliers(
    X: ArrayLike,
    y: ArrayLike,
    n_outliers: int,
    rng: np.random.Generator,
    *,
    distance: float = 20.0,
    label: int = 0,
) -> tuple[NDArray[np.float64], NDArray]:
    """Append points far out on the positive side of feature 1, with the wrong label.

    Each outlier has standard normal features plus ``distance`` on the first, so it lies
    about ``distance`` standard deviations deep on the side of class 1, and is labelled
    ``label`` (0: negative), the kind of label error that data entry or a broken sensor
    produces.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The clean points.
    y : array-like of shape (n_samples,)
        Their labels, 0 and 1.
    n_outliers : int
        How many outliers to add, at least 0.
    rng : numpy.random.Generator
        The random generator (advanced by the call).
    distance : float, default=20.0
        Shift of the outliers along feature 1.
    label : int, default=0
        The label the outliers get, 0 or 1.

    Returns
    -------
    X : ndarray of shape (n_samples + n_outliers, n_features)
    y : ndarray of shape (n_samples + n_outliers,)
        The clean points first, then the outliers.

    Raises
    ------
    ValueError, TypeError
        On a 1D or non-numeric ``X``, labels other than 0 and 1, mismatched lengths, a
        negative or non-integer ``n_outliers``, or an ``rng`` that is not a Generator.

    Examples
    --------
    >>> X, y = add_outliers([[0.0, 0.0]], [1], 2, np.random.default_rng(0))
    >>> X.shape, y.tolist()
    ((3, 2), [1, 0, 0])
    """
    X = as_float_array(X, "X", ndim=2)
    y_clean = _check_binary(y)
    check_consistent_length(X=X, y=y_clean)
    n_outliers = check_scalar(n_outliers, "n_outliers", low=0, integer=True)
    distance = check_scalar(distance, "distance")
    if label not in (0, 1):
        raise ValueError(f"label must be 0 or 1, got {label!r}.")
    X_out = _check_rng(rng).normal(size=(n_outliers, X.shape[1]))
    X_out[:, 0] += distance
    return np.vstack([X, X_out]), np.r_[np.asarray(y), np.full(n_outliers, label, dtype=int)]


def hastie_data(
    n_train: int = 2000, n_test: int = 2000, *, seed: int = 0
) -> tuple[NDArray, NDArray, NDArray, NDArray]:
    r"""Return ``(X_train, y_train, X_test, y_test)`` of Hastie et al.'s simulated data set.

    :func:`sklearn.datasets.make_hastie_10_2`: ten standard normal features, class 1 where
    :math:`\sum_j x_j^2 > 9.34` (the median), labels mapped from -1/+1 to 0/1. The first
    ``n_train`` points train, the next ``n_test`` test.

    Parameters
    ----------
    n_train, n_test : int, default=2000
        Sizes of the two parts, at least 1.
    seed : int, default=0
        ``random_state`` of ``make_hastie_10_2``.

    Returns
    -------
    tuple of ndarray
        ``X_train`` (n_train, 10), ``y_train``, ``X_test`` (n_test, 10), ``y_test``.

    Raises
    ------
    ValueError, TypeError
        If a size is not a positive integer or ``seed`` not an integer.

    Examples
    --------
    >>> X_train, y_train, X_test, y_test = hastie_data(10, 5)
    >>> X_train.shape, X_test.shape, sorted(set(y_train.tolist()))
    ((10, 10), (5, 10), [0, 1])
    """
    n_train = check_scalar(n_train, "n_train", low=1, integer=True)
    n_test = check_scalar(n_test, "n_test", low=1, integer=True)
    seed = check_scalar(seed, "seed", integer=True)
    X, y = make_hastie_10_2(n_samples=n_train + n_test, random_state=seed)
    y = (y > 0).astype(int)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def flip_deepest(X: ArrayLike, y: ArrayLike, n_each: int) -> tuple[NDArray, NDArray]:
    """Flip the labels of the points deepest inside their class of :func:`hastie_data`.

    The class of ``make_hastie_10_2`` is decided by the distance from the origin, so the
    ``n_each`` points closest to it and the ``n_each`` furthest from it lie deepest inside
    their class; their labels are flipped (0 <-> 1).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The points.
    y : array-like of shape (n_samples,)
        Their labels, 0 and 1.
    n_each : int
        How many points to flip at each end, at least 0, at most half the points.

    Returns
    -------
    y_noisy : ndarray of shape (n_samples,)
        The labels with ``2 * n_each`` of them flipped (``y`` is not changed).
    flipped : ndarray of shape (2 * n_each,)
        The indices of the flipped points, the closest first.

    Raises
    ------
    ValueError, TypeError
        On a 1D or non-numeric ``X``, labels other than 0 and 1, mismatched lengths, or a
        bad ``n_each``.

    Examples
    --------
    >>> y_noisy, flipped = flip_deepest([[0.1], [3.0], [1.0], [0.5]], [0, 1, 1, 0], 1)
    >>> y_noisy.tolist(), flipped.tolist()
    ([1, 0, 1, 0], [0, 1])
    """
    X = as_float_array(X, "X", ndim=2)
    y = _check_binary(y)
    check_consistent_length(X=X, y=y)
    n_each = check_scalar(n_each, "n_each", low=0, high=len(X) // 2, integer=True)
    depth_order = np.argsort((X**2).sum(axis=1))
    flipped = np.r_[depth_order[:n_each], depth_order[len(X) - n_each :]]
    y_noisy = y.copy()
    y_noisy[flipped] = 1 - y_noisy[flipped]
    return y_noisy, flipped


def boost_stumps(
    loss: str, X: ArrayLike, y: ArrayLike, *, n_estimators: int = 50
) -> GradientBoostingClassifier:
    """Boost decision stumps on ``loss`` with scikit-learn, and return the fitted model.

    ``GradientBoostingClassifier(loss=loss, n_estimators=n_estimators, max_depth=1,
    learning_rate=1.0, random_state=0)``: with ``"exponential"`` this is AdaBoost's loss,
    with ``"log_loss"`` the logistic loss (Friedman, Hastie and Tibshirani, 2000).

    Parameters
    ----------
    loss : {"log_loss", "exponential"}
        The loss to boost.
    X : array-like of shape (n_samples, n_features)
        Training points.
    y : array-like of shape (n_samples,)
        Training labels, 0 and 1.
    n_estimators : int, default=50
        Number of stumps.

    Returns
    -------
    sklearn.ensemble.GradientBoostingClassifier

    Raises
    ------
    ValueError
        On another loss, or bad input (from scikit-learn).

    Examples
    --------
    >>> X, y, _, _ = hastie_data(200, 1)
    >>> boost_stumps("exponential", X, y, n_estimators=5).n_estimators_
    5
    """
    if loss not in ("log_loss", "exponential"):
        raise ValueError(f"loss must be 'log_loss' or 'exponential', got {loss!r}.")
    model = GradientBoostingClassifier(
        loss=loss, n_estimators=n_estimators, max_depth=1, learning_rate=1.0, random_state=0
    )
    return model.fit(X, y)


def standardised_split(
    X: ArrayLike, y: ArrayLike, *, test_size: float = 0.5, seed: int = 0
) -> dict[str, tuple[NDArray[np.float64], NDArray]]:
    """Split stratified by class, then standardise both parts with the training part's scaler.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Features.
    y : array-like of shape (n_samples,)
        Class labels (every class needs at least two samples).
    test_size : float, default=0.5
        Fraction of the samples that test, in (0, 1).
    seed : int, default=0
        ``random_state`` of :func:`sklearn.model_selection.train_test_split`.

    Returns
    -------
    dict
        ``{"train": (X_train, y_train), "test": (X_test, y_test)}``, the features of both
        parts standardised with the mean and standard deviation of ``X_train``.

    Raises
    ------
    ValueError, TypeError
        On a 1D or non-numeric ``X``, mismatched lengths or a ``test_size`` outside (0, 1).

    Examples
    --------
    >>> parts = standardised_split(np.arange(16.0).reshape(8, 2), [0, 1] * 4)
    >>> [(name, X.shape) for name, (X, y) in parts.items()]
    [('train', (4, 2)), ('test', (4, 2))]
    >>> bool(np.allclose(parts["train"][0].mean(axis=0), 0))
    True
    """
    X = as_float_array(X, "X", ndim=2)
    y = np.asarray(y)
    check_consistent_length(X=X, y=y)
    test_size = check_scalar(test_size, "test_size", low=0, high=1, include_low=False)
    if test_size >= 1:
        raise ValueError(f"test_size must be in (0, 1), got {test_size!r}.")
    seed = check_scalar(seed, "seed", integer=True)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y
    )
    scaler = StandardScaler().fit(X_train)
    return {
        "train": (scaler.transform(X_train), y_train),
        "test": (scaler.transform(X_test), y_test),
    }


def multiclass_model_scores(
    models: Mapping[str, object],
    parts: Mapping[str, tuple[ArrayLike, ArrayLike]],
    *,
    fit_on: str = "train",
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """Fit each model on one part, then score its decision function on every part.

    Each model's ``decision_function`` (one score per class, column ``k`` for class ``k``)
    gets three numbers: the accuracy of its largest score, the Crammer-Singer
    :func:`~lossacc_helpers.surrogates.multiclass_hinge` and the softmax cross-entropy
    :func:`~lossacc_helpers.cross_entropy_from_logits` (nats), the scores read as logits.

    Parameters
    ----------
    models : dict
        Unfitted classifiers with ``fit`` and ``decision_function``, by name; each is
        fitted in place on ``parts[fit_on]``.
    parts : dict
        ``(X, y)`` by part name, as :func:`standardised_split` returns; integer labels
        ``0 .. K-1``.
    fit_on : str, default="train"
        The part to fit on.

    Returns
    -------
    dict
        ``{(model name, part name): (accuracy, multiclass hinge, cross-entropy)}``, by
        model, then part in the order of ``parts``.

    Raises
    ------
    ValueError
        If ``fit_on`` is not a part, or on labels that are not column indices.
    TypeError
        If ``models`` or ``parts`` is not a mapping, or a model lacks ``fit`` or
        ``decision_function``.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = np.array([[0.0], [0.1], [1.0], [1.1], [2.0], [2.1]]), np.array([0, 0, 1, 1, 2, 2])
    >>> scores = multiclass_model_scores({"lr": LogisticRegression()}, {"train": (X, y)})
    >>> scores["lr", "train"][0]
    1.0
    """
    if not isinstance(models, Mapping) or not isinstance(parts, Mapping):
        raise TypeError(
            "models and parts must be dicts, {name: model} and {name: (X, y)}; got "
            f"{type(models).__name__} and {type(parts).__name__}."
        )
    if fit_on not in parts:
        raise ValueError(f"fit_on must be one of the parts {list(parts)}, got {fit_on!r}.")
    for name, model in models.items():
        for method in ("fit", "decision_function"):
            if not callable(getattr(model, method, None)):
                raise TypeError(f"models[{name!r}] has no {method} method.")
    results = {}
    for name, model in models.items():
        model.fit(*parts[fit_on])
        for part, (X, y) in parts.items():
            s = model.decision_function(X)
            results[name, part] = (
                accuracy(y, s.argmax(axis=1)),
                multiclass_hinge(y, s),
                cross_entropy_from_logits(y, s),
            )
    return results
