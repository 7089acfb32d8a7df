"""Figures and tables of chapter 4 (surrogate losses), built from the registry.

Each loss of :data:`~lossacc_helpers.SURROGATES` keeps one colour, line style and marker
in every figure (:data:`SURROGATE_STYLES`); the tables are Markdown strings, which a
notebook shows with ``IPython.display.Markdown`` and the book renders as tables.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from .plots import _check_ax
from .style import OKABE_ITO

#: One matplotlib style per loss of the registry, the same in every figure.
SURROGATE_STYLES: dict[str, dict[str, Any]] = {
    "zero_one": {"color": "black", "linestyle": "-", "linewidth": 3},
    "hinge": {"color": OKABE_ITO["blue"], "linestyle": "-", "marker": "o"},
    "squared_hinge": {"color": OKABE_ITO["orange"], "linestyle": "--", "marker": "s"},
    "logistic": {"color": OKABE_ITO["green"], "linestyle": "-", "marker": "^"},
    "logistic_base2": {"color": OKABE_ITO["green"], "linestyle": ":", "marker": "v"},
    "exponential": {"color": OKABE_ITO["vermillion"], "linestyle": "-.", "marker": "D"},
    "squared": {"color": OKABE_ITO["sky"], "linestyle": "--", "marker": "P"},
    "modified_huber": {"color": OKABE_ITO["purple"], "linestyle": "-.", "marker": "X"},
    "perceptron": {"color": "black", "linestyle": ":", "marker": "*"},
}


def plot_surrogates(
    x: ArrayLike,
    curves: dict[Any, ArrayLike],
    *,
    ax: Axes | None = None,
    n_markers: int = 8,
    **kwargs: Any,
) -> Axes:
    """Plot one curve per loss, or per group of losses whose curves coincide.

    Parameters
    ----------
    x : array-like
        The horizontal values, shared by every curve.
    curves : dict
        A loss name, or a tuple of names (a group; its label joins them), mapped to
        the values; the style is that of the first name in ``SURROGATE_STYLES``.
    ax : Axes, optional
        Where to draw; a new figure when None.
    n_markers : int, default=8
        About how many markers each curve carries (staggered between curves).
    **kwargs
        Passed to ``ax.plot``, over the loss's style.

    Returns
    -------
    Axes

    Examples
    --------
    >>> ax = plot_surrogates([0, 1, 2], {"hinge": [1, 0, 0], ("logistic",): [1, 0.5, 0.1]})
    >>> [line.get_label() for line in ax.get_lines()]
    ['hinge', 'logistic']
    """
    ax = _check_ax(ax, (7, 4.5))
    x = np.asarray(x)
    for i, (names, values) in enumerate(curves.items()):
        names = (names,) if isinstance(names, str) else tuple(names)
        style = {
            "markevery": (i % 4 * len(x) // (4 * n_markers), max(1, len(x) // n_markers)),
            "markersize": 6,
            **SURROGATE_STYLES[names[0]],
            **kwargs,
        }
        ax.plot(x, values, label=", ".join(names), **style)
    return ax


def group_equal_curves(curves: dict[str, ArrayLike]) -> dict[tuple[str, ...], Any]:
    """Merge the losses whose curves coincide (``np.allclose``): ``{(name, ...): values}``.

    Examples
    --------
    >>> group_equal_curves({"a": [1, 2], "b": [3, 4], "c": [1, 2]}).keys()
    dict_keys([('b',), ('a', 'c')])
    """
    groups: dict[tuple[str, ...], Any] = {}
    for name, values in curves.items():
        match = next((k for k, v in groups.items() if np.allclose(v, values)), None)
        if match is None:
            groups[(name,)] = values
        else:
            groups[(*match, name)] = groups.pop(match)
    return groups


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """Build a Markdown table, one row per list of cells.

    Examples
    --------
    >>> print(markdown_table(["a", "b"], [["1", "2"]]))
    | a | b |
    | --- | --- |
    | 1 | 2 |
    """
    lines = [list(header), ["---"] * len(header), *map(list, rows)]
    return "\n".join("| " + " | ".join(r) + " |" for r in lines)


def plot_loss_path(
    path: ArrayLike, on_path: dict[str, ArrayLike], *, ax: Axes | None = None
) -> Axes:
    """Draw mean losses along a straight line in weight space, from 0 (start) to 1.

    ``on_path`` maps ``"zero_one"``, ``"hinge"`` and ``"logistic"`` to their mean loss
    at each position of ``path``; the 0-1 loss is drawn as a thick black staircase.

    Examples
    --------
    >>> ax = plot_loss_path([0, 1], {"zero_one": [1, 0], "hinge": [2, 0], "logistic": [1, 0.3]})
    >>> len(ax.get_lines())
    5
    """
    ax = _check_ax(ax, (7, 4))
    labels = {
        "zero_one": ("0-1 loss (error rate)", {"color": "black", "linewidth": 2.5}),
        "hinge": ("hinge loss", {"linestyle": "--"}),
        "logistic": ("logistic loss (nats)", {"linestyle": "-."}),
    }
    for name, (label, style) in labels.items():
        ax.plot(path, on_path[name], label=label, **style)
    for at in (0, 1):
        ax.axvline(at, color="grey", linestyle=":", linewidth=1.5)
    ax.legend(loc="upper right")
    return ax


def plot_decision_lines(
    X: ArrayLike,
    y: ArrayLike,
    lines: dict[str, ArrayLike],
    *,
    ax: Axes | None = None,
    limit: float = 2.6,
) -> Axes:
    """Scatter two classes in the plane and draw the lines ``w0 + w1 x1 + w2 x2 = 0``.

    Examples
    --------
    >>> ax = plot_decision_lines([[0, 0], [1, 1]], [0, 1], {"a": [0.5, -1, 1]})
    >>> len(ax.get_lines()), len(ax.collections)
    (1, 2)
    """
    ax = _check_ax(ax, (6.5, 4.8))
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    for label, marker, colour in [(0, "o", OKABE_ITO["blue"]), (1, "s", OKABE_ITO["orange"])]:
        mine = y == label
        ax.scatter(
            *X[mine].T,
            marker=marker,
            color=colour,
            s=45,
            edgecolor="black",
            linewidth=0.5,
            label=f"class {label}",
            zorder=3,
        )
    x_line = np.linspace(-limit, limit, 2)
    for (name, w), style in zip(lines.items(), ["-", "--", "-."], strict=False):
        colour = "black" if style == "-" else None
        ax.plot(x_line, -(w[0] + w[1] * x_line) / w[2], linestyle=style, color=colour, label=name)
    ax.set(xlim=(-limit, limit), ylim=(-3, 3))
    ax.legend(loc="lower right", fontsize=9)
    return ax


def plot_psi_bound(
    theta: ArrayLike,
    excess_error: ArrayLike,
    excess_risks: dict[str, ArrayLike],
    psi: dict[str, ArrayLike],
    *,
    axes: list[Axes] | None = None,
) -> np.ndarray:
    """One panel per loss: every score function's (excess error, excess risk), and psi.

    Examples
    --------
    >>> axes = plot_psi_bound([0, 1], [0.1], {"hinge": [0.2]}, {"hinge": [0, 1]})
    >>> axes[0].get_title()
    'hinge'
    """
    if axes is None:
        _, axes = plt.subplots(
            1, len(excess_risks), figsize=(8, 3.6), sharex=True, sharey=True, squeeze=False
        )
        axes = axes[0]
    axes = np.asarray(axes, dtype=object)
    for ax, (name, risk) in zip(axes, excess_risks.items(), strict=True):
        ax.plot(
            excess_error, risk, "o", markersize=4, alpha=0.5, color=SURROGATE_STYLES[name]["color"]
        )
        ax.plot(theta, psi[name], color="black", linewidth=2)
        ax.set(xlim=(0, 0.4), ylim=(0, 0.5), title=name, xlabel=r"excess error $R - R^*$")
    axes[0].set_ylabel(r"excess risk $R_\phi - R_\phi^*$")
    return axes
