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

from ._validation import as_float_array
from .plots import _check_ax
from .style import OKABE_ITO
from .surrogates import _PROPERTIES, SURROGATES

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


def plot_margin_losses(
    z: ArrayLike,
    *,
    slope: bool = False,
    ylim: tuple[float, float] | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Draw every loss of :data:`~lossacc_helpers.surrogates.SURROGATES` against the margin.

    With ``slope=False``, the losses :math:`\phi(z)`, the 0-1 step included; with
    ``slope=True``, the pull of one sample, :math:`|\phi'(z)|`, of every loss but the 0-1
    loss (whose slope is 0 wherever it exists). Each loss keeps its style of
    ``SURROGATE_STYLES``; the legend is in two columns at the upper right.

    Parameters
    ----------
    z : array-like of shape (n_points,)
        Margins :math:`z = y f(x)`, increasing; for the losses they set the horizontal
        range exactly, for the slopes with matplotlib's margins.
    slope : bool, default=False
        Draw :math:`|\phi'(z)|` instead of :math:`\phi(z)`.
    ylim : tuple of float, optional
        Vertical range; default ``(0, 5)`` for the losses and ``(0, 10)`` for the slopes.
    title : str, optional
        The figure's message.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 7 x 4.8 (losses) or 7 x 4.5 (slopes) inch figure when None.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``z`` is not 1D with at least two finite, increasing values.
    TypeError
        If ``z`` is not numeric, ``slope`` not a bool, or ``ax`` not an Axes.

    Examples
    --------
    >>> ax = plot_margin_losses([-1.0, 0.0, 1.0], slope=True)
    >>> len(ax.get_lines()), ax.get_ylabel()
    (8, "pull of one sample $|\\phi'(z)|$")
    """
    z = as_float_array(z, "z")
    if len(z) < 2 or np.any(np.diff(z) <= 0):
        raise ValueError(
            f"z must hold at least two increasing margins, got {len(z)} value(s) "
            f"{'in another order' if len(z) > 1 else ''}; use np.linspace(-2.5, 2.5, 1001)."
        )
    if not isinstance(slope, bool):
        raise TypeError(f"slope must be True or False, got {type(slope).__name__}.")
    ax = _check_ax(ax, (7, 4.5) if slope else (7, 4.8))
    if slope:
        curves = {
            (name,): np.abs(loss.derivative(z))
            for name, loss in SURROGATES.items()
            if name != "zero_one"
        }
        ylabel, default_ylim = r"pull of one sample $|\phi'(z)|$", (0, 10)
    else:
        curves = {(name,): loss.loss(z) for name, loss in SURROGATES.items()}
        ylabel, default_ylim = "loss", (0, 5)
    plot_surrogates(z, curves, ax=ax)
    ax.set(xlabel="margin z = y f(x)", ylabel=ylabel)
    if not slope:  # the slopes keep matplotlib's margins, which show the end markers
        ax.set_xlim(z[0], z[-1])
    ax.set_ylim(default_ylim if ylim is None else ylim)
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="upper right", ncol=2, fontsize=9)
    return ax


# Column headers of surrogate_properties_table, one per flag of a MarginLoss.
_PROPERTY_HEADERS: dict[str, str] = {
    "continuous": "continuous",
    "convex": "convex",
    "differentiable": "differentiable",
    "upper_bounds_zero_one": "bounds 0-1",
    "classification_calibrated": "classification-calibrated",
    "non_increasing": "non-increasing",
}


def surrogate_properties_table(flags: list[str] | tuple[str, ...] | None = None) -> str:
    """Markdown table of the registry's flags: one row per loss, ✓ or ✗ per property.

    The loss names are written in plain words (``squared hinge``), which wrap on a narrow
    page; the column of ``classification_calibrated`` is headed in full,
    *classification-calibrated*, not to be read as the calibration of probabilities.

    Parameters
    ----------
    flags : list of str, optional
        Boolean attributes of :class:`~lossacc_helpers.surrogates.MarginLoss`, in column
        order; default every one (``continuous``, ``convex``, ``differentiable``,
        ``upper_bounds_zero_one``, ``classification_calibrated``, ``non_increasing``).

    Returns
    -------
    str
        A Markdown table (see :func:`markdown_table`).

    Raises
    ------
    TypeError
        If ``flags`` is a string or holds something other than strings.
    ValueError
        If ``flags`` is empty or names an attribute that is not a flag.

    Examples
    --------
    >>> print(surrogate_properties_table(["convex"]).splitlines()[3])
    | hinge | ✓ |
    """
    if flags is None:
        flags = list(_PROPERTIES)
    if isinstance(flags, str) or not all(isinstance(f, str) for f in flags):
        raise TypeError(f"flags must be a list of flag names, got {flags!r}.")
    unknown = [f for f in flags if f not in _PROPERTY_HEADERS]
    if unknown or not flags:
        raise ValueError(f"flags must name some of {list(_PROPERTY_HEADERS)}, got {list(flags)!r}.")
    rows = [
        [name.replace("_", " ")] + ["✓" if getattr(loss, flag) else "✗" for flag in flags]
        for name, loss in SURROGATES.items()
    ]
    return markdown_table(["loss", *(_PROPERTY_HEADERS[f] for f in flags)], rows)


def psi_formula_list(groups: dict[tuple[str, ...], Any] | list[tuple[str, ...]]) -> str:
    r"""Markdown list of the :math:`\psi`-transforms, one item per group of losses.

    Parameters
    ----------
    groups : dict or list of tuple of str
        Groups of loss names that share a :math:`\psi`, such as the keys of
        :func:`group_equal_curves`; each item shows the first loss's ``psi_formula``.

    Returns
    -------
    str
        One Markdown item per group, ```name`, `name`: $\psi(\theta) = ...$``.

    Raises
    ------
    TypeError
        If a group is not a tuple of strings.
    ValueError
        If a group is empty or names a loss that is not in the registry.

    Examples
    --------
    >>> print(psi_formula_list([("zero_one", "hinge"), ("perceptron",)]))
    - `zero_one`, `hinge`: $\psi(\theta) = \theta$
    - `perceptron`: $\psi(\theta) = 0$
    """
    items = []
    for names in groups:
        if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
            raise TypeError(f"each group must be a tuple of loss names, got {names!r}.")
        unknown = [n for n in names if n not in SURROGATES]
        if unknown or not names:
            raise ValueError(
                f"each group must name losses of SURROGATES ({list(SURROGATES)}), got {names!r}."
            )
        formula = SURROGATES[names[0]].psi_formula
        items.append(f"- {', '.join(f'`{n}`' for n in names)}: $\\psi(\\theta) = {formula}$")
    return "\n".join(items)
