"""Learning curves and validation curves with the loss *and* the accuracy, one fit per point.

scikit-learn's :func:`~sklearn.model_selection.learning_curve` and
:func:`~sklearn.model_selection.validation_curve` take one ``scoring`` per call, so
reading the cross-entropy and the accuracy of the same models needs every model to be
fitted twice. :func:`learning_curve_scores` and :func:`validation_curve_scores` fit each
model once, on the same splits and subsets as scikit-learn, and score it with both of
scikit-learn's scorers (``"neg_log_loss"``, negated back to a loss, and ``"accuracy"``):
the numbers equal scikit-learn's (chapter 5). :class:`CVCurves` holds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, as_label_array, check_consistent_length

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CVCurves", "learning_curve_scores", "validation_curve_scores"]


@dataclass(frozen=True, eq=False)
class CVCurves:
    """Cross-validated training and validation scores over a horizontal axis.

    Every score array has shape ``(n_points, n_splits)``, as scikit-learn's: one row per
    value of :attr:`x`, one column per cross-validation split.

    Attributes
    ----------
    x : ndarray of shape (n_points,)
        The training-set sizes (learning curve) or the hyperparameter values
        (validation curve).
    train_loss, val_loss : ndarray of shape (n_points, n_splits)
        Cross-entropy (nats) on the training part and on the validation part.
    train_accuracy, val_accuracy : ndarray of shape (n_points, n_splits)
        Accuracy on the two parts.
    param_name : str or None
        The hyperparameter varied, or None for a learning curve over the size.
    """

    x: NDArray
    train_loss: NDArray[np.float64]
    val_loss: NDArray[np.float64]
    train_accuracy: NDArray[np.float64]
    val_accuracy: NDArray[np.float64]
    param_name: str | None = None

    def table(self, x_name: str | None = None) -> str:
        """Tabulate the means over the splits, one line per point, with a header.

        Parameters
        ----------
        x_name : str, optional
            Header of the first column; default ``param_name``, or ``"samples"``.

        Returns
        -------
        str

        Examples
        --------
        >>> curves = CVCurves(np.array([10, 20]), np.full((2, 2), 0.2), np.full((2, 2), 0.5),
        ...                   np.ones((2, 2)), np.full((2, 2), 0.9))
        >>> print(curves.table("images"))
          images  training CE  validation CE  training acc.  validation acc.
              10        0.200          0.500          1.000            0.900
              20        0.200          0.500          1.000            0.900
        """
        if x_name is None:
            x_name = self.param_name or "samples"
        if not isinstance(x_name, str):
            raise TypeError(f"x_name must be a string, got {type(x_name).__name__}.")
        lines = [
            f"{x_name:>8} {'training CE':>12} {'validation CE':>14} "
            f"{'training acc.':>14} {'validation acc.':>16}"
        ]
        means = [
            scores.mean(axis=1)
            for scores in (self.train_loss, self.val_loss, self.train_accuracy, self.val_accuracy)
        ]
        for i, x in enumerate(self.x):
            ce_t, ce_v, acc_t, acc_v = (m[i] for m in means)
            lines.append(f"{x:>8g} {ce_t:>12.3f} {ce_v:>14.3f} {acc_t:>14.3f} {acc_v:>16.3f}")
        return "\n".join(lines)

    def plot(self, axes: Sequence[Axes] | None = None, **kwargs: Any) -> NDArray:
        """Draw the curves with :func:`~lossacc_helpers.plot_cv_curves`; same arguments."""
        from .learning_curve_plots import plot_cv_curves

        return plot_cv_curves(self, axes=axes, **kwargs)


def _check_data(X: ArrayLike, y: ArrayLike) -> tuple[NDArray, NDArray]:
    Xs = as_float_array(X, "X", ndim=2)
    ys = as_label_array(y, "y")
    check_consistent_length(X=Xs, y=ys)
    return Xs, ys


def _check_estimator(estimator: object) -> None:
    if isinstance(estimator, type):
        raise TypeError(
            f"estimator must be an instance, got the class {estimator.__name__}; "
            f"call it: {estimator.__name__}()."
        )
    if not callable(getattr(estimator, "predict_proba", None)):
        raise TypeError(
            f"estimator {type(estimator).__name__} has no predict_proba, so its "
            "cross-entropy cannot be measured; use a probabilistic classifier."
        )


def _absolute_sizes(train_sizes: ArrayLike, n_max: int) -> NDArray[np.int64]:
    """Training-set sizes as scikit-learn's learning_curve reads them: fractions or counts."""
    sizes = as_float_array(train_sizes, "train_sizes")
    if np.issubdtype(np.asarray(train_sizes).dtype, np.floating):
        if sizes.min() <= 0.0 or sizes.max() > 1.0:
            raise ValueError(
                f"train_sizes given as fractions must lie in (0, 1], got {sizes.tolist()}."
            )
        counts = np.clip((sizes * n_max).astype(int), 1, n_max)
    else:
        if sizes.min() < 1 or sizes.max() > n_max:
            raise ValueError(
                f"train_sizes given as counts must lie in 1 .. {n_max} (the largest training "
                f"part), got {sizes.astype(int).tolist()}."
            )
        counts = sizes.astype(int)
    return np.unique(counts)


def _score_fits(fits: list[tuple[Any, NDArray, NDArray]], Xs: NDArray, ys: NDArray) -> NDArray:
    """Fit each (model, train, test) once; return (n_fits, 4) scores: CE and accuracy on both."""
    from sklearn.metrics import get_scorer

    neg_log_loss, accuracy = get_scorer("neg_log_loss"), get_scorer("accuracy")
    out = np.empty((len(fits), 4))
    for row, (model, train, test) in enumerate(fits):
        model.fit(Xs[train], ys[train])
        for col, part in ((0, train), (1, test)):
            out[row, col] = -neg_log_loss(model, Xs[part], ys[part])
            out[row, col + 2] = accuracy(model, Xs[part], ys[part])
    return out


def _curves(scores: NDArray, n_points: int, x: NDArray, param_name: str | None) -> CVCurves:
    # Fits are ordered split by split, point by point: reshape to (n_splits, n_points).
    columns = [scores[:, j].reshape(-1, n_points).T.copy() for j in range(4)]
    return CVCurves(x, columns[0], columns[1], columns[2], columns[3], param_name)


def learning_curve_scores(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    *,
    cv: Any,
    train_sizes: ArrayLike = (0.1, 0.325, 0.55, 0.775, 1.0),
) -> CVCurves:
    """Score a learning curve over the training-set size: loss and accuracy, one fit a point.

    As :func:`sklearn.model_selection.learning_curve` (without shuffling): for every
    split of ``cv`` and every size ``n``, a clone of ``estimator`` is fitted on the
    first ``n`` training indices of the split, and scored on them and on the split's
    validation part.

    Parameters
    ----------
    estimator : object
        A classifier with ``fit`` and ``predict_proba``; cloned for every fit.
    X : array-like of shape (n_samples, n_features)
        Inputs.
    y : array-like of shape (n_samples,)
        Labels.
    cv : int or object
        A cross-validation splitter or a number of folds, as scikit-learn's ``cv`` (an
        int means stratified k-fold for a classifier).
    train_sizes : array-like of shape (n_sizes,)
        Fractions of the largest training part, in (0, 1], or absolute sizes
        (integers), as scikit-learn reads them.

    Returns
    -------
    CVCurves
        ``x`` holds the absolute sizes.

    Raises
    ------
    TypeError
        If ``estimator`` has no ``predict_proba`` or the data are not numeric.
    ValueError
        As scikit-learn for invalid sizes, or on inconsistent lengths.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.model_selection import StratifiedShuffleSplit
    >>> X, y = load_iris(return_X_y=True)
    >>> cv = StratifiedShuffleSplit(n_splits=3, test_size=0.2, random_state=0)
    >>> curves = learning_curve_scores(LogisticRegression(max_iter=500), X, y, cv=cv,
    ...                                train_sizes=[0.5, 1.0])
    >>> curves.x.tolist(), curves.val_loss.shape
    ([60, 120], (2, 3))
    """
    from sklearn.base import clone, is_classifier
    from sklearn.model_selection import check_cv

    _check_estimator(estimator)
    Xs, ys = _check_data(X, y)
    splits = list(check_cv(cv, ys, classifier=is_classifier(estimator)).split(Xs, ys))
    sizes = _absolute_sizes(train_sizes, len(splits[0][0]))
    fits = [(clone(estimator), train[:n], test) for train, test in splits for n in sizes]
    return _curves(_score_fits(fits, Xs, ys), len(sizes), sizes, None)


def validation_curve_scores(
    estimator: Any,
    X: ArrayLike,
    y: ArrayLike,
    *,
    cv: Any,
    param_name: str,
    param_range: ArrayLike,
) -> CVCurves:
    """Score a validation curve over a hyperparameter: loss and accuracy, one fit a point.

    As :func:`sklearn.model_selection.validation_curve`: for every split of ``cv`` and
    every value, a clone of ``estimator`` with ``param_name`` set to the value is fitted
    on the split's training part, and scored on it and on the validation part.

    Parameters
    ----------
    estimator : object
        A classifier with ``fit`` and ``predict_proba``; cloned for every fit.
    X : array-like of shape (n_samples, n_features)
        Inputs.
    y : array-like of shape (n_samples,)
        Labels.
    cv : int or object
        A cross-validation splitter or a number of folds, as scikit-learn's ``cv``.
    param_name : str
        The parameter to vary, for example ``"C"``.
    param_range : array-like of shape (n_values,)
        Its values.

    Returns
    -------
    CVCurves
        ``x`` holds the values, ``param_name`` the parameter.

    Raises
    ------
    TypeError
        If ``estimator`` has no ``predict_proba``, ``param_name`` is not a string, or
        the data are not numeric.
    ValueError
        If ``param_name`` is not a parameter of ``estimator``, or ``param_range`` is empty.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = load_iris(return_X_y=True)
    >>> curves = validation_curve_scores(LogisticRegression(max_iter=500), X, y, cv=3,
    ...                                  param_name="C", param_range=[0.1, 10.0])
    >>> bool(curves.train_loss.mean(axis=1)[1] < curves.train_loss.mean(axis=1)[0])
    True
    """
    from sklearn.base import clone, is_classifier
    from sklearn.model_selection import check_cv

    _check_estimator(estimator)
    if not isinstance(param_name, str):
        raise TypeError(f"param_name must be a string, got {type(param_name).__name__}.")
    if param_name not in estimator.get_params():
        raise ValueError(
            f"param_name {param_name!r} is not a parameter of {type(estimator).__name__}; "
            f"it has {sorted(estimator.get_params())}."
        )
    values = np.asarray(param_range)
    if values.ndim != 1 or len(values) == 0:
        raise ValueError(
            f"param_range must be a non-empty 1D sequence of values, got shape {values.shape}."
        )
    Xs, ys = _check_data(X, y)
    splits = list(check_cv(cv, ys, classifier=is_classifier(estimator)).split(Xs, ys))
    fits = [
        (clone(estimator).set_params(**{param_name: v}), train, test)
        for train, test in splits
        for v in values
    ]
    return _curves(_score_fits(fits, Xs, ys), len(values), values, param_name)
