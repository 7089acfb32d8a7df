"""Figures of chapter 6 with several panels: reliability diagrams side by side, proper scores.

:func:`plot_reliability_diagrams` draws one :func:`~lossacc_helpers.reliability_diagram`
per set of probabilities (before and after temperature scaling, say) with one shared
legend; :func:`plot_proper_scores` shows that the cross-entropy and the Brier score are
lowest at honest probabilities, for one event and over the temperatures of a network,
while the 0-1 loss does not care.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

from ._validation import as_float_array, check_scalar
from .calibration import expected_calibration_error, reliability_diagram
from .plots import _check_panels
from .style import OKABE_ITO

__all__ = ["plot_proper_scores", "plot_reliability_diagrams"]

#: The three score curves of :func:`plot_proper_scores`, in order.
_SCORE_STYLES = (
    {"color": OKABE_ITO["blue"]},
    {"color": OKABE_ITO["orange"], "linestyle": "--"},
    {"color": OKABE_ITO["black"], "linestyle": "-."},
)
_MARK = {"color": "grey", "linestyle": ":", "linewidth": 1.5}


def _check_named_arrays(values: object, name: str) -> dict[str, object]:
    if not isinstance(values, Mapping):
        raise TypeError(
            f"{name} must be a dict mapping a name to an array, got {type(values).__name__}; "
            f"write {{'model': array}} for one."
        )
    if not values:
        raise ValueError(f"{name} is empty: give at least one named array.")
    return {str(k): v for k, v in values.items()}


def plot_reliability_diagrams(
    y_true: ArrayLike,
    probas: Mapping[str, ArrayLike],
    *,
    n_bins: int = 15,
    labels: ArrayLike | None = None,
    axes: Sequence[Axes] | None = None,
) -> NDArray:
    """Draw a reliability diagram per set of probabilities, side by side, with one legend.

    Each panel is :func:`~lossacc_helpers.reliability_diagram` of one entry of
    ``probas``, titled with its name and its ECE; their legends are merged into one
    legend below the panels, each entry once (an underconfident gap appears in it when
    some panel has one).

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True class labels.
    probas : dict
        A panel title mapped to predicted probabilities, for example
        ``{"Before": proba, "After": proba_scaled}``.
    n_bins : int, default=15
        Number of equal-width bins.
    labels : array-like of shape (n_classes,), optional
        The classes in column order, as in :func:`~lossacc_helpers.calibration_bins`.
    axes : list of Axes, optional
        One Axes per entry of ``probas``; by default a new figure, 4.5 inches wide per
        panel, whose panels share the accuracy axis.

    Returns
    -------
    ndarray of Axes

    Raises
    ------
    TypeError
        If ``probas`` is not a dict or ``axes`` not a sequence of Axes.
    ValueError
        If ``probas`` is empty, ``axes`` has another length, or an array is rejected by
        :func:`~lossacc_helpers.calibration_bins`.

    Examples
    --------
    >>> y, p = [0, 1, 1, 1], [0.2, 0.7, 0.9, 0.4]
    >>> axes = plot_reliability_diagrams(y, {"a": p, "b": [0.1, 0.8, 0.8, 0.6]}, n_bins=5)
    >>> [ax.get_title() for ax in axes]
    ['a: ECE = 0.300', 'b: ECE = 0.225']
    """
    panels = _check_named_arrays(probas, "probas")
    n = len(panels)
    axes = _check_panels(axes, n, "one per entry of probas", (4.5 * n, 4.8), sharey=True)
    entries: dict[str, object] = {}
    for ax, (name, proba) in zip(axes, panels.items(), strict=True):
        reliability_diagram(y_true, proba, n_bins=n_bins, labels=labels, ax=ax)
        legend = ax.get_legend()
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            entries.setdefault(text.get_text().split(" (ECE")[0], handle)  # the ECE: in the title
        legend.remove()
        ece = expected_calibration_error(y_true, proba, n_bins=n_bins, labels=labels)
        ax.set_title(f"{name}: ECE = {ece:.3f}")
    for ax in axes[1:]:
        ax.set_ylabel("")
    axes[0].figure.legend(entries.values(), entries.keys(), loc="outside lower center", ncol=2)
    return axes


def plot_proper_scores(
    p: ArrayLike,
    expected: Mapping[str, ArrayLike],
    temperatures: ArrayLike,
    sweep: Mapping[str, ArrayLike],
    *,
    q: float,
    temperature: float,
    scores: Sequence[str] = ("cross-entropy", "Brier score", "0-1 loss"),
    axes: Sequence[Axes] | None = None,
) -> NDArray:
    """Two panels: expected losses of announcing ``p`` for one event; test losses over ``T``.

    Left, titled "A single event, q = ...", the expected loss of every entry of
    ``expected`` against the announced probability, with a dotted line at the true
    probability ``q`` (the axis stops at 2, since the cross-entropy grows without bound
    at the edges). Right, titled "The digits", the entries ``scores`` of ``sweep``
    against the temperature on a logarithmic axis (ticks at powers of two), with a
    dotted line at the fitted ``temperature``. Both panels draw their curves in the
    same three styles (blue, orange dashed, black dash-dotted), so one legend below the
    panels names them both, with the dotted line.

    Parameters
    ----------
    p : array-like of shape (n_points,)
        The announced probabilities, in [0, 1].
    expected : dict
        Up to three names mapped to the expected losses at ``p``, one value per point.
    temperatures : array-like of shape (n_temperatures,)
        Positive temperatures, as given to :func:`~lossacc_helpers.temperature_sweep`.
    sweep : dict
        A score's name mapped to its values at ``temperatures``, as
        :func:`~lossacc_helpers.temperature_sweep` returns.
    q : float
        The true probability of the event, in [0, 1].
    temperature : float
        The fitted temperature, positive.
    scores : tuple of str, optional
        The entries of ``sweep`` to draw, in the order of ``expected``; by default
        ``("cross-entropy", "Brier score", "0-1 loss")``.
    axes : list of Axes, optional
        Two Axes, the event panel and the temperature panel; by default a new
        9 x 4.4 inch figure.

    Returns
    -------
    ndarray of Axes

    Raises
    ------
    TypeError
        If ``expected`` or ``sweep`` is not a dict, or ``axes`` not two Axes.
    ValueError
        If a curve's length differs from its x values, a name of ``scores`` is not in
        ``sweep``, there are more than three curves, or ``q`` or ``temperature`` is out
        of range.

    Examples
    --------
    >>> p = np.linspace(0.01, 0.99, 99)
    >>> expected = {"Brier score": 2 * 0.7 * (1 - p) ** 2 + 2 * 0.3 * p**2}
    >>> axes = plot_proper_scores(p, expected, [1, 2], {"Brier score": [0.2, 0.1]},
    ...                           q=0.7, temperature=1.5, scores=["Brier score"])
    >>> [ax.get_xlabel() for ax in axes]
    ['announced probability p', 'temperature T']
    """
    x = as_float_array(p, "p")
    t = as_float_array(temperatures, "temperatures")
    q = check_scalar(q, "q", low=0, high=1)
    temperature = check_scalar(temperature, "temperature", low=0, include_low=False)
    expected = _check_named_arrays(expected, "expected")
    sweep = _check_named_arrays(sweep, "sweep")
    missing = [name for name in scores if name not in sweep]
    if missing:
        raise ValueError(f"scores {missing} are not in sweep, whose scores are {list(sweep)}.")
    if max(len(expected), len(scores)) > len(_SCORE_STYLES):
        raise ValueError(
            f"at most {len(_SCORE_STYLES)} curves per panel, got {len(expected)} in expected "
            f"and {len(scores)} in scores."
        )
    rule_ax, digit_ax = _check_panels(axes, 2, "event panel, temperature panel", (9, 4.4))
    for (name, values), style in zip(expected.items(), _SCORE_STYLES, strict=False):
        rule_ax.plot(x, _curve(values, x, f"expected[{name!r}]"), label=name, **style)
    rule_ax.axvline(q, **_MARK)
    rule_ax.set(
        xlabel="announced probability p",
        ylabel="expected loss",
        ylim=(0, 2),
        title=f"A single event, q = {q:g}",
    )
    for name, style in zip(scores, _SCORE_STYLES, strict=False):
        digit_ax.plot(t, _curve(sweep[name], t, f"sweep[{name!r}]"), label=name, **style)
    digit_ax.axvline(temperature, **_MARK)
    digit_ax.set(xscale="log", xlabel="temperature T", ylabel="test loss", title="The digits")
    digit_ax.set_ylim(bottom=0)
    ticks = 2.0 ** np.arange(np.floor(np.log2(t.min())), np.ceil(np.log2(t.max())) + 1)
    ticks = ticks[(ticks >= t.min()) & (ticks <= t.max())]
    if len(ticks) > 1:  # powers of two, written as numbers
        digit_ax.set_xticks(ticks, labels=[f"{v:g}" for v in ticks])
        digit_ax.minorticks_off()
    handles, names = rule_ax.get_legend_handles_labels()
    handles.append(rule_ax.get_lines()[-1])  # the dotted line
    names.append("left: true probability q; right: fitted temperature")
    rule_ax.figure.legend(handles, names, loc="outside lower center", ncol=2)
    return np.array([rule_ax, digit_ax], dtype=object)


def _curve(values: ArrayLike, x: NDArray, name: str) -> NDArray:
    y = as_float_array(values, name, finite=False)
    if len(y) != len(x):
        raise ValueError(f"{name} has {len(y)} values but its x axis has {len(x)} points.")
    return y
