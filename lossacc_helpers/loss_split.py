r"""Where the loss comes from: what the mistakes and the correct predictions cost.

The cross-entropy of a set is the mean cost :math:`-\ln p_i(y_i)` of its predictions, so
it splits exactly into the share of the mistakes times their mean cost and the share of
the correct predictions times theirs,

.. math::

    \mathrm{CE} = \frac{n_{\text{right}}}{n}\,\overline{c}_{\text{right}}
                + \frac{n_{\text{wrong}}}{n}\,\overline{c}_{\text{wrong}} .

:func:`mistake_costs` computes both groups for every epoch of a training run,
:func:`plot_mistake_costs` draws them. Taught in chapter 6: an overconfident network
makes about as many mistakes as before, each of them more expensive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_scalar
from .classification import _pick, _predicted_columns, _validated_columns

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["MistakeCosts", "mistake_costs", "plot_mistake_costs"]


@dataclass(frozen=True, eq=False)
class MistakeCosts:
    """The loss of every epoch split into mistakes and correct predictions.

    Every attribute holds one value per epoch; see :func:`mistake_costs`.

    Attributes
    ----------
    epochs : ndarray of int
        The epochs, 1, 2, ...
    n_wrong : ndarray of int
        Number of wrong predictions.
    cost_wrong, cost_right : ndarray of float
        Mean cost (nats) of a wrong and of a correct prediction; NaN when a group is
        empty.
    share_wrong : ndarray of float
        The share of the total loss that the mistakes carry, in [0, 1].
    loss : ndarray of float
        The cross-entropy of all predictions, the weighted mean of the two groups.
    """

    epochs: NDArray[np.int64]
    n_wrong: NDArray[np.int64]
    cost_wrong: NDArray[np.float64]
    cost_right: NDArray[np.float64]
    share_wrong: NDArray[np.float64]
    loss: NDArray[np.float64]

    def to_text(self, epochs: Sequence[int]) -> str:
        """Format the given epochs (counted from 1) as an aligned text table.

        Parameters
        ----------
        epochs : tuple of int
            The epochs to show, each between 1 and the last epoch.

        Returns
        -------
        str

        Raises
        ------
        ValueError, TypeError
            If an epoch is not an integer in range.
        """
        lines = [
            f"{'epoch':>5} {'mistakes':>9} {'cost per mistake':>17} "
            f"{'cost per correct':>17} {'share of loss':>14}"
        ]
        for epoch in epochs:
            i = int(check_scalar(epoch, "epoch", low=1, high=len(self.epochs), integer=True)) - 1
            lines.append(
                f"{epoch:>5} {self.n_wrong[i]:>9} {self.cost_wrong[i]:>17.2f} "
                f"{self.cost_right[i]:>17.4f} {self.share_wrong[i]:>14.0%}"
            )
        return "\n".join(lines)


def mistake_costs(
    y_true: ArrayLike, proba_by_epoch: ArrayLike, *, labels: ArrayLike | None = None
) -> MistakeCosts:
    r"""Split every epoch's cross-entropy into what the mistakes and the correct predictions cost.

    A prediction is wrong when its most probable class is not the true one (ties go to
    the first column); its cost is :math:`-\ln p_i(y_i)`, as in
    :func:`~lossacc_helpers.per_sample_cross_entropy`.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels, by the rule of :func:`~lossacc_helpers.cross_entropy`.
    proba_by_epoch : array-like of shape (n_epochs, n_samples, n_classes)
        The predicted probabilities after every epoch, as
        :func:`~lossacc_helpers.fit_recording_proba` returns them; for one epoch pass
        ``proba[None]``.
    labels : array-like of shape (n_classes,), optional
        The classes in column order.

    Returns
    -------
    MistakeCosts

    Raises
    ------
    ValueError
        If ``proba_by_epoch`` is not 3D, or an epoch's probabilities are rejected by
        :func:`~lossacc_helpers.cross_entropy` (the message names the epoch).
    TypeError
        On non-numeric input.

    Examples
    --------
    >>> costs = mistake_costs([0, 1], [[[0.9, 0.1], [0.6, 0.4]]])
    >>> int(costs.n_wrong[0]), round(float(costs.cost_wrong[0]), 4)
    (1, 0.9163)
    """
    stack = as_float_array(proba_by_epoch, "proba_by_epoch", ndim=3, finite=False)
    n_wrong, cost_wrong, cost_right, share_wrong, loss = [], [], [], [], []
    for epoch, proba in enumerate(stack, start=1):
        try:
            p, columns = _validated_columns(y_true, proba, labels)
        except (TypeError, ValueError) as err:
            raise type(err)(f"epoch {epoch} of proba_by_epoch: {err}") from None
        with np.errstate(divide="ignore"):
            cost = -np.log(_pick(p, columns))
        wrong = _predicted_columns(p) != columns
        n_wrong.append(int(wrong.sum()))
        cost_wrong.append(float(cost[wrong].mean()) if wrong.any() else np.nan)
        cost_right.append(float(cost[~wrong].mean()) if (~wrong).any() else np.nan)
        share_wrong.append(float(cost[wrong].sum() / cost.sum()) if cost.sum() else 0.0)
        loss.append(float(cost.mean()))
    return MistakeCosts(
        np.arange(1, len(stack) + 1),
        np.array(n_wrong),
        np.array(cost_wrong),
        np.array(cost_right),
        np.array(share_wrong),
        np.array(loss),
    )


def plot_mistake_costs(
    costs: MistakeCosts,
    *,
    mark_epoch: int | None = None,
    mark_label: str = "lowest validation loss",
    axes: Sequence[Axes] | None = None,
) -> NDArray:
    """Draw two panels over the epochs: the cost of a mistake and of a hit; the mistakes.

    Left, titled "Cost", the mean cost (nats) of a wrong prediction (vermillion) and of
    a correct one (blue, dashed) on a logarithmic axis, with a legend; right, titled
    "Mistakes", the number of wrong predictions. A dotted black line marks
    ``mark_epoch`` in both panels.

    Parameters
    ----------
    costs : MistakeCosts
        What :func:`mistake_costs` returns.
    mark_epoch : int, optional
        An epoch to mark, such as the best epoch.
    mark_label : str, default="lowest validation loss"
        The legend entry of the mark.
    axes : list of Axes, optional
        Two Axes, the cost panel and the mistakes panel; by default a new 9 x 3.6 inch figure.

    Returns
    -------
    ndarray of Axes

    Raises
    ------
    TypeError
        If ``costs`` is not a :class:`MistakeCosts` or ``axes`` not two Axes.
    ValueError
        If ``mark_epoch`` is not one of the epochs.

    Examples
    --------
    >>> costs = mistake_costs([0, 1], [[[0.9, 0.1], [0.6, 0.4]], [[0.9, 0.1], [0.7, 0.3]]])
    >>> axes = plot_mistake_costs(costs, mark_epoch=1)
    >>> [ax.get_title() for ax in axes]
    ['Cost', 'Mistakes']
    """
    from .plots import _check_panels
    from .style import OKABE_ITO

    if not isinstance(costs, MistakeCosts):
        raise TypeError(
            f"costs must be the MistakeCosts of mistake_costs(y_true, proba_by_epoch), got "
            f"{type(costs).__name__}."
        )
    if mark_epoch is not None:
        check_scalar(mark_epoch, "mark_epoch", low=1, high=len(costs.epochs), integer=True)
    cost_ax, count_ax = _check_panels(axes, 2, "cost panel, mistakes panel", (9, 3.6))
    wrong_style = {"color": OKABE_ITO["vermillion"]}
    right_style = {"color": OKABE_ITO["blue"], "linestyle": "--"}
    cost_ax.plot(costs.epochs, costs.cost_wrong, **wrong_style, label="per wrong prediction")
    cost_ax.plot(costs.epochs, costs.cost_right, **right_style, label="per correct prediction")
    count_ax.plot(costs.epochs, costs.n_wrong, **wrong_style)
    for ax in (cost_ax, count_ax):
        if mark_epoch is not None:
            ax.axvline(mark_epoch, color="black", linestyle=":", linewidth=1.5, label=mark_label)
        ax.set_xlabel("epoch")
    cost_ax.set(yscale="log", ylabel="mean cost (nats)", title="Cost")
    count_ax.set(ylabel="wrong predictions", title="Mistakes")
    count_ax.set_ylim(bottom=0)
    cost_ax.legend()
    return np.array([cost_ax, count_ax], dtype=object)
