"""Explorable figures: a slider (and a picker) over numbers a chapter computed.

An :class:`Explorable` is a Vega-Lite chart (Satyanarayan et al., 2017) whose data
are rows of numbers computed in the notebook, rounded to :data:`STORED_DIGITS`
significant digits like every stored output. In a notebook it displays as HTML: on the
book's website ``_static/explorables.js`` draws it with the Vega builds the site serves
(no network), and fills a readout table with the values of the row under the slider; in
JupyterLab or Colab the same output shows a description and the first rows. nbval
compares the output like any other, so the numbers a reader sees in the browser are the
notebook's.

The browser only looks values up: each slider position is one row (one value of the
slider's column, in the picked group), and the readout shows that row's values,
formatted with the same rule as :func:`format_readout`.

Examples
--------
>>> import numpy as np
>>> p = np.linspace(0.01, 1, 100)
>>> figure = slider_explorable(
...     "cost-of-p",
...     {"p": p, "nats": -np.log(p)},
...     slider="p",
...     slider_label="probability of the true class",
...     lines={"nats": "cost (nats)"},
...     readouts=[("nats", "cost (nats)", ".3f")],
...     y_title="cost of one prediction (nats)",
...     title="A sure mistake costs without bound",
...     description="The cost -ln p of one prediction against p.",
... )
>>> figure.row_at(0.5)["nats"]
0.693147
>>> format_readout(0.693147, ".3f")
'0.693'
"""

from __future__ import annotations

import html
import json
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .stored import STORED_DIGITS, reproducible
from .style import OKABE_ITO

__all__ = ["Explorable", "format_readout", "slider_explorable"]

#: The Vega-Lite version the specs are written for (the site serves Vega-Lite 6, which
#: reads them); the schema URL is an identifier, never fetched.
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_NAME = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")
_FORMAT = re.compile(r"^(?:\.(\d)([f%e])|d|s)$")
# The book's colour-blind-safe colours, in the order lines take them.
_LINE_COLOURS = [OKABE_ITO[k] for k in ("blue", "orange", "green", "purple", "vermillion")]


def format_readout(value: Any, spec: str) -> str:
    """Format a readout value as the website's readout table shows it.

    Parameters
    ----------
    value : float, int or str
        The value of one row's column.
    spec : str
        One of five forms. ``.3f``: fixed with N decimals; ``.1%``: a percentage with
        N decimals; ``.2e``: scientific, N decimals, written as JavaScript writes it
        (``1.50e-7``, ``2.00e0``); ``d``: an integer; ``s``: the text as it is.
        ``_static/explorables.js`` implements the same five, so a test can compare what
        the browser shows with this function's output.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``spec`` is not one of the four forms.

    Examples
    --------
    >>> format_readout(0.91234, ".1%"), format_readout(3.0, "d"), format_readout("good fit", "s")
    ('91.2%', '3', 'good fit')
    >>> format_readout(1.5e-7, ".2e"), format_readout(2.0, ".2e")
    ('1.50e-7', '2.00e0')
    """
    match = _FORMAT.match(spec) if isinstance(spec, str) else None
    if match is None:
        raise ValueError(
            f"format must be '.Nf', '.N%', '.Ne' (N a digit), 'd' or 's'; got {spec!r}. "
            "For example '.3f' for 0.693, '.1%' for 91.2% or '.2e' for 1.50e-7."
        )
    if spec == "s":
        return str(value)
    if spec == "d":
        return str(int(_round_half_away(float(value), 0)))
    digits, kind = int(match.group(1)), match.group(2)
    if kind == "e":
        mantissa, exponent = f"{float(value):.{digits}e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    number = float(value) * (100 if kind == "%" else 1)
    # Round half away from zero, as JavaScript's toFixed does for these decimals.
    text = f"{_round_half_away(number, digits):.{digits}f}"
    return text + ("%" if kind == "%" else "")


def _round_half_away(x: float, digits: int) -> float:
    scale = 10**digits
    # "+ 0.0" turns -0.0 into 0.0: JavaScript prints (-0).toFixed(3) as "0.000".
    return math.copysign(math.floor(abs(x) * scale + 0.5) / scale, x) + 0.0


@dataclass(frozen=True)
class Explorable:
    """An interactive figure for the website, with the rows of numbers it shows.

    Build one with :func:`slider_explorable`. Displayed in a notebook, it renders as HTML
    (see the module's description).

    Attributes
    ----------
    name : str
        Letters and digits joined by hyphens or underscores; the element id is
        ``explorable-<name>``.
    spec : dict
        The complete Vega-Lite specification, data inline. Its ``usermeta.lossacc`` entry
        tells ``_static/explorables.js`` the controls and the readouts.
    description : str
        What the figure shows, for screen readers, for print and where scripts do not run.
    """

    name: str
    spec: dict[str, Any] = field(repr=False)
    description: str

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The data rows, as stored (rounded)."""
        return self.spec["data"]["values"]

    @property
    def controls(self) -> dict[str, Any]:
        """The slider, the optional picker and the readouts, as the page script reads them."""
        return self.spec["usermeta"]["lossacc"]

    def row_at(self, value: float, group: Any = None) -> dict[str, Any]:
        """Return the row the website shows for a slider position (and a picked group).

        The row of ``group`` (if the figure has a picker) whose slider column is nearest to
        ``value``; the first such row on a tie, as ``_static/explorables.js`` picks it.
        """
        meta = self.controls
        rows = self.rows
        if meta.get("group"):
            if group is None:
                group = meta["group"]["default"]
            rows = [r for r in rows if r[meta["group"]["field"]] == group]
            if not rows:
                raise ValueError(f"group {group!r} is not one of {meta['group']['options']}")
        column = meta["slider"]["field"]
        return min(rows, key=lambda r: abs(r[column] - value))

    def readout(self, value: float, group: Any = None) -> dict[str, str]:
        """Return the readout table for a slider position: label -> formatted value.

        Its first entry is the slider's own value (of the row shown), as on the page.
        """
        row = self.row_at(value, group)
        slider = self.controls["slider"]
        shown = {slider["label"]: format_readout(row[slider["field"]], slider["format"])}
        for r in self.controls["readouts"]:
            shown[r["label"]] = format_readout(row[r["field"]], r["format"])
        return shown

    def to_html(self) -> str:
        """Return the figure element the page script turns into the chart and its controls."""
        spec = json.dumps(self.spec, separators=(",", ":"), allow_nan=False)
        spec = spec.replace("</", "<\\/")  # never close the script element early
        head = self.rows[0]
        first = ", ".join(f"{k} = {v}" for k, v in head.items())
        text = html.escape(self.description)
        return (
            f'<figure class="lossacc-explorable" id="explorable-{self.name}" '
            f'data-explorable="{self.name}">'
            f'<div class="lossacc-explorable-view" role="img" aria-label="{text}"></div>'
            '<div class="lossacc-explorable-readout" aria-live="polite"></div>'
            f'<p class="lossacc-explorable-fallback">Interactive figure: {text} '
            f"({len(self.rows)} rows; first: {html.escape(first)}). "
            "It is drawn on the book's website.</p>"
            f'<script type="application/json" class="lossacc-explorable-spec">{spec}</script>'
            "</figure>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        columns = ", ".join(self.rows[0])
        return f"Explorable {self.name!r}: {self.description} [{len(self.rows)} rows of {columns}]"


def _columns(rows: Any, digits: int) -> dict[str, list[Any]]:
    """Columns of a mapping of sequences or a pandas DataFrame, checked for equal length.

    Numeric columns are rounded to ``digits`` significant digits.
    """
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):  # a pandas DataFrame
        rows = {str(c): rows[c].to_numpy() for c in rows.columns}
    if not isinstance(rows, Mapping) or not rows:
        raise TypeError(
            "rows must be a non-empty mapping of column name -> values (or a pandas "
            f"DataFrame); got {type(rows).__name__}"
        )
    columns: dict[str, list[Any]] = {}
    for name, values in rows.items():
        array = np.asarray(values)
        if array.ndim != 1:
            raise ValueError(f"column {name!r} must be one-dimensional; got shape {array.shape}")
        if array.dtype.kind in "fiub":
            array = array.astype(float)
            if not np.all(np.isfinite(array)):
                raise ValueError(
                    f"column {name!r} holds NaN or infinite values; the browser cannot "
                    "draw them: drop those rows or clip the values first"
                )
            columns[str(name)] = reproducible(array.tolist(), digits)
        elif array.dtype.kind in "UO":
            columns[str(name)] = [str(v) for v in array.tolist()]
        else:
            raise TypeError(f"column {name!r} must hold numbers or text; got dtype {array.dtype}")
    lengths = {name: len(v) for name, v in columns.items()}
    if len(set(lengths.values())) != 1:
        raise ValueError(f"all columns must have the same length; got {lengths}")
    return columns


def _need(columns: Mapping[str, Any], name: str, role: str, numeric: bool | None = True) -> None:
    """Check a named column exists and holds numbers (``True``), text (``False``) or either."""
    if name not in columns:
        raise ValueError(f"{role} column {name!r} is not among the columns {sorted(columns)}")
    kind = isinstance(columns[name][0], float)
    if numeric is not None and kind != numeric:
        raise TypeError(f"{role} column {name!r} must hold {'numbers' if numeric else 'text'}")


def slider_explorable(
    name: str,
    rows: Mapping[str, Sequence[Any]] | Any,
    *,
    slider: str,
    slider_label: str,
    slider_format: str = ".3f",
    lines: Mapping[str, str],
    readouts: Sequence[tuple[str, str, str]],
    y_title: str,
    title: str,
    description: str,
    x: str | None = None,
    x_title: str | None = None,
    group: str | None = None,
    group_label: str | None = None,
    initial: float | None = None,
    log_x: bool = False,
    y_domain: tuple[float, float] | None = None,
    digits: int = STORED_DIGITS,
) -> Explorable:
    """Build an explorable: lines over a grid, a slider that picks a row, a readout of it.

    Parameters
    ----------
    name : str
        Words of letters and digits joined by hyphens or underscores, unique in the book
        (``"ch2-threshold"``); it becomes the element id ``explorable-<name>``.
    rows : dict of str to array-like, or pandas.DataFrame
        The data, one row per grid point (and group). Numeric columns are rounded to
        ``digits`` significant digits; text columns are kept as text.
    slider : str
        The column the slider moves over; its range is the column's range.
    slider_label : str
        The slider's visible label (its accessible name too).
    slider_format : str, default=".3f"
        How the readout shows the slider's value (see :func:`format_readout`).
    lines : dict of str to str
        Columns drawn as lines against ``x``, each with its legend label.
    readouts : list of tuple
        ``(column, label, format)`` for each value shown for the row under the slider;
        ``format`` as in
        :func:`format_readout`.
    y_title, title : str
        The y-axis title (with its unit) and the chart's title (its message).
    description : str
        What the figure shows (alt text, print and no-script fallback).
    x : str, optional
        The column on the x-axis; the slider column by default.
    x_title : str, optional
        The x-axis title; ``slider_label`` by default.
    group : str, optional
        A column of text whose values a picker chooses between; only the picked group's
        rows are drawn and read out.
    group_label : str, optional
        The picker's label (required with ``group``).
    initial : float, optional
        The slider's first position (the row nearest to it); the middle of its range by
        default.
    log_x : bool, default=False
        A logarithmic x-axis. The slider steps through the rows, one position per value
        of the slider column, so rows evenly spaced in the logarithm give even steps.
    y_domain : (float, float), optional
        Fixed y-axis limits; by default Vega-Lite fits them to the data.
    digits : int, default=STORED_DIGITS
        Significant digits kept in the stored data.

    Returns
    -------
    Explorable

    Raises
    ------
    ValueError
        If ``name`` is not words joined by hyphens or underscores, a named column is missing, a
        column holds NaN or infinite values, columns differ in length, or a readout
        format is unknown.
    TypeError
        If ``rows`` is not a mapping or DataFrame, or a numeric role names a text column.
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            f"name must be words of letters and digits joined by hyphens or underscores, like "
            f"'ch2-threshold'; got {name!r}"
        )
    columns = _columns(rows, digits)
    x = x or slider
    for column, role in [(slider, "slider"), (x, "x"), *((c, "line") for c in lines)]:
        _need(columns, column, role)
    if not lines:
        raise ValueError("lines must name at least one column to draw")
    format_readout(1.0, slider_format)  # raises on an unknown format
    for column, _label, spec in readouts:
        _need(columns, column, "readout", numeric=None if spec == "s" else True)
        format_readout(columns[column][0], spec)  # raises on an unknown format
    if group is not None:
        _need(columns, group, "group", numeric=False)
        if not group_label:
            raise ValueError("group_label is required with group: it labels the picker")
    values = columns[slider]
    low, high = min(values), max(values)
    if log_x and low <= 0:
        raise ValueError(f"log_x needs a positive slider column; {slider!r} goes down to {low}")
    if initial is None:
        initial = math.sqrt(low * high) if log_x else (low + high) / 2
    n = len(values)
    table = [{k: v[i] for k, v in columns.items()} for i in range(n)]

    meta: dict[str, Any] = {
        "slider": {
            "field": slider,
            "label": slider_label,
            "format": slider_format,
            "min": low,
            "max": high,
            "initial": float(initial),
            "log": bool(log_x),
        },
        "readouts": [{"field": c, "label": lab, "format": f} for c, lab, f in readouts],
    }
    if group is not None:
        options = list(dict.fromkeys(columns[group]))
        meta["group"] = {
            "field": group,
            "label": group_label,
            "options": options,
            "default": options[0],
        }
    labels = dict(lines)
    colour = {
        "field": "line",
        "type": "nominal",
        "title": None,
        "sort": list(labels.values()),
        "scale": {"domain": list(labels.values()), "range": _LINE_COLOURS[: len(labels)]},
        "legend": {"orient": "bottom", "direction": "vertical"},
    }
    x_axis = {
        "field": x,
        "type": "quantitative",
        "title": x_title or slider_label,
        "scale": {"type": "log"} if log_x else {"zero": False},
    }
    y_axis: dict[str, Any] = {"field": "value", "type": "quantitative", "title": y_title}
    if y_domain is not None:
        y_axis["scale"] = {"domain": list(y_domain)}
    picked = [{"filter": f"datum[{json.dumps(group)}] === pick"}] if group else []
    nearest = [
        {"calculate": f"abs(datum[{json.dumps(slider)}] - at)", "as": "_distance"},
        {"joinaggregate": [{"op": "min", "field": "_distance", "as": "_nearest"}]},
        {"filter": "datum._distance === datum._nearest"},
    ]
    fold = [
        {"fold": list(labels), "as": ["column", "value"]},
        {"calculate": f"{json.dumps(labels)}[datum.column]", "as": "line"},
    ]
    params: list[dict[str, Any]] = [{"name": "at", "value": float(initial)}]
    if group is not None:
        params.append({"name": "pick", "value": meta["group"]["default"]})
    spec = {
        "$schema": VEGA_LITE_SCHEMA,
        # Wrapped so that it fits a phone's width (Vega does not wrap a title).
        "title": {"text": textwrap.wrap(title, 36), "anchor": "start"},
        "description": description,
        "width": "container",
        "height": 260,
        "data": {"values": table},
        "params": params,
        "transform": picked,
        "layer": [
            {
                "transform": fold,
                "mark": {"type": "line", "strokeWidth": 2, "clip": True},
                "encoding": {"x": x_axis, "y": y_axis, "color": colour},
            },
            {
                "transform": nearest,
                "mark": {"type": "rule", "color": "#555", "strokeDash": [4, 3]},
                "encoding": {"x": {"field": x, "type": "quantitative"}},
            },
            {
                "transform": nearest + fold,
                "mark": {"type": "point", "filled": True, "size": 60, "clip": True},
                "encoding": {
                    "x": {"field": x, "type": "quantitative"},
                    "y": {"field": "value", "type": "quantitative"},
                    "color": colour,
                },
            },
        ],
        "config": {
            "font": "sans-serif",
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelOverlap": "greedy"},
            "legend": {"labelFontSize": 12},
            "title": {"fontSize": 14},
        },
        "usermeta": {"lossacc": meta},
    }
    return Explorable(name=name, spec=spec, description=description)
