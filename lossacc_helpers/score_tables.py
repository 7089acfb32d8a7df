"""Accuracy next to the losses: several sets of probabilities scored on the same labels.

:func:`score_table` scores named probability arrays (a model before and after
calibration, two epochs, two methods) with the accuracy, the cross-entropy, the Brier
score, the ECE or the 0-1 loss, and prints them as one aligned table
(:class:`ScoreTable`); its rows feed the figures too. Taught in chapter 6.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .calibration import expected_calibration_error
from .classification import _pick, _predicted_columns, _validated_columns, cross_entropy

__all__ = ["SCORES", "ScoreTable", "score_table"]


def _accuracy(p: NDArray, columns: NDArray) -> float:
    return float(np.mean(_predicted_columns(p) == columns))


def _brier(p: NDArray, columns: NDArray) -> float:
    """Mean squared distance to the one-hot vector of the true class (not halved)."""
    if p.ndim == 1:  # the positive class: both columns err by the same amount
        return float(np.mean(2 * (1 - _pick(p, columns)) ** 2))
    squared = (p**2).sum(axis=1) - 2 * _pick(p, columns) + 1
    return float(np.mean(squared))


#: The scores :func:`score_table` knows; only the accuracy is higher-is-better.
SCORES: tuple[str, ...] = ("accuracy", "cross-entropy", "Brier score", "ECE", "0-1 loss")
_FORMATS = {"accuracy": ".2%"}  # the others: ".4f"

_COLUMN_SCORES: dict[str, Callable[[NDArray, NDArray], float]] = {
    "accuracy": _accuracy,
    "Brier score": _brier,
    "0-1 loss": lambda p, columns: 1.0 - _accuracy(p, columns),
}


def _check_scores(scores: object) -> tuple[str, ...]:
    if isinstance(scores, str) or not isinstance(scores, tuple | list):
        raise TypeError(
            f"scores must be a tuple of score names, got {type(scores).__name__}; "
            f'for one score write ("{scores}",).'
        )
    unknown = [name for name in scores if name not in SCORES]
    if unknown or not scores:
        raise ValueError(f"scores must name some of {list(SCORES)}, got {list(scores)}.")
    return tuple(scores)


def _score(name: str, y_true: ArrayLike, proba: ArrayLike, labels: ArrayLike | None) -> float:
    if name == "cross-entropy":
        return cross_entropy(y_true, proba, labels=labels)
    if name == "ECE":
        return expected_calibration_error(y_true, proba, labels=labels)
    p, columns = _validated_columns(y_true, proba, labels)
    return _COLUMN_SCORES[name](p, columns)


@dataclass(frozen=True)
class ScoreTable:
    """Scores of several named probability arrays; see :func:`score_table`.

    ``print(table)`` shows it as an aligned text table.

    Attributes
    ----------
    scores : tuple of str
        The score names, in column order.
    rows : dict
        Each name mapped to a tuple of its scores, in the order of ``scores``.
    title : str
        The header of the name column.
    """

    scores: tuple[str, ...]
    rows: dict[str, tuple[float, ...]]
    title: str = "test set"

    def __str__(self) -> str:
        width = max(len(self.title), *map(len, self.rows)) + 2
        widths = [max(len(name) + 2, 8) for name in self.scores]
        header = "".join(f"{n:>{w}}" for n, w in zip(self.scores, widths, strict=True))
        lines = [f"{self.title:<{width}}{header}"]
        for name, values in self.rows.items():
            cells = "".join(
                f"{v:>{w}{_FORMATS.get(s, '.4f')}}"
                for s, v, w in zip(self.scores, values, widths, strict=True)
            )
            lines.append(f"{name:<{width}}{cells}")
        return "\n".join(lines)


def score_table(
    y_true: ArrayLike,
    probas: Mapping[str, ArrayLike],
    *,
    scores: tuple[str, ...] = ("accuracy", "cross-entropy"),
    labels: ArrayLike | None = None,
    title: str = "test set",
) -> ScoreTable:
    r"""Score several named probability arrays on the same labels.

    Every array is read by the rule of :func:`~lossacc_helpers.cross_entropy` (a 1D
    array is the probability of the positive class). The scores, named as in
    :data:`SCORES`, are the accuracy of the most probable class, the cross-entropy
    (nats), the Brier score :math:`\frac1n\sum_i\sum_k (p_{ik} - [y_i = k])^2` (the
    multiclass definition, *not* halved for two classes: scikit-learn's
    ``brier_score_loss(..., scale_by_half=False)``), the top-label ECE of
    :func:`~lossacc_helpers.expected_calibration_error` (15 bins) and the 0-1 loss.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    probas : dict
        A name mapped to predicted probabilities of shape (n_samples,) or
        (n_samples, n_classes), for example ``{"before": p, "after": p_scaled}``.
    scores : tuple of str, optional
        The columns, among the names of :data:`SCORES`; by default
        ``("accuracy", "cross-entropy")``.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as for :func:`~lossacc_helpers.cross_entropy`.
    title : str, default="test set"
        The header of the name column.

    Returns
    -------
    ScoreTable
        ``rows`` maps every name to its scores; ``print`` shows the table.

    Raises
    ------
    TypeError
        If ``probas`` is not a mapping, ``scores`` is not a tuple of names, or an
        array is not numeric.
    ValueError
        If ``probas`` is empty, a score name is unknown, or an array is rejected by
        :func:`~lossacc_helpers.cross_entropy` (the message names it).

    Examples
    --------
    >>> table = score_table([0, 1], {"sure": [[0.9, 0.1], [0.2, 0.8]]})
    >>> [round(v, 4) for v in table.rows["sure"]]
    [1.0, 0.1643]
    >>> print(table)
    test set    accuracy  cross-entropy
    sure         100.00%         0.1643
    """
    if not isinstance(probas, Mapping):
        raise TypeError(
            f"probas must be a dict of names and probability arrays, got "
            f"{type(probas).__name__}; write {{'model': proba}} for one array."
        )
    if not probas:
        raise ValueError("probas is empty: give at least one named probability array.")
    names = _check_scores(scores)
    rows = {}
    for name, proba in probas.items():
        try:
            rows[str(name)] = tuple(_score(s, y_true, proba, labels) for s in names)
        except (TypeError, ValueError) as err:
            raise type(err)(f"probas[{name!r}]: {err}") from None
    return ScoreTable(names, rows, str(title))
