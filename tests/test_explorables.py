"""Explorable figures: the rows they store, the readout they promise, their checks."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

import lossacc_helpers as lah


def _cost_figure(**changes):
    p = np.linspace(0.01, 1, 100)
    arguments = {
        "rows": {"p": p, "nats": -np.log(p), "bits": -np.log2(p)},
        "slider": "p",
        "slider_label": "probability of the true class",
        "slider_format": ".2f",
        "lines": {"nats": "cost in nats", "bits": "cost in bits"},
        "readouts": [("nats", "cost (nats)", ".3f"), ("bits", "cost (bits)", ".3f")],
        "y_title": "cost of one prediction",
        "title": "A sure mistake costs without bound",
        "description": "The cost of one prediction against p.",
    }
    return lah.slider_explorable("cost-of-p", **(arguments | changes))


def test_rows_are_rounded_to_the_stored_precision() -> None:
    figure = _cost_figure()
    assert len(figure.rows) == 100
    assert figure.rows[0]["nats"] == lah.reproducible(-np.log(0.01))
    assert all(
        len(repr(v).replace(".", "").lstrip("0")) <= 8 for r in figure.rows for v in r.values()
    )


def test_readout_is_the_nearest_row_formatted() -> None:
    figure = _cost_figure()
    shown = figure.readout(0.5)
    row = figure.row_at(0.5)
    assert abs(row["p"] - 0.5) <= 0.005
    assert shown == {
        "probability of the true class": f"{row['p']:.2f}",
        "cost (nats)": f"{row['nats']:.3f}",
        "cost (bits)": f"{row['bits']:.3f}",
    }
    assert figure.row_at(-5)["p"] == 0.01 and figure.row_at(7)["p"] == 1.0


def test_html_holds_the_spec_and_a_fallback() -> None:
    figure = _cost_figure(description="Cost </script> of p")
    page = figure._repr_html_()
    assert page.startswith('<figure class="lossacc-explorable" id="explorable-cost-of-p"')
    spec_text = re.search(r'<script type="application/json"[^>]*>(.*)</script>', page, re.S)
    assert spec_text is not None and "</script>" not in spec_text.group(1)
    spec = json.loads(spec_text.group(1).replace("<\\/", "</"))
    assert spec == json.loads(json.dumps(figure.spec))
    assert "Cost &lt;/script&gt; of p" in page  # the description is escaped in the markup
    assert "Explorable 'cost-of-p'" in repr(figure) and "100 rows" in repr(figure)


def test_spec_draws_each_line_with_the_book_colours() -> None:
    spec = _cost_figure().spec
    lines = spec["layer"][0]
    assert lines["mark"]["type"] == "line"
    assert lines["encoding"]["color"]["scale"]["domain"] == ["cost in nats", "cost in bits"]
    assert lines["encoding"]["color"]["scale"]["range"] == [
        lah.OKABE_ITO["blue"],
        lah.OKABE_ITO["orange"],
    ]
    assert lines["encoding"]["x"]["title"] == "probability of the true class"
    assert lines["encoding"]["y"]["title"] == "cost of one prediction"
    assert " ".join(spec["title"]["text"]) == "A sure mistake costs without bound"
    assert all(len(line) <= 36 for line in spec["title"]["text"])  # fits a phone


def test_a_picker_reads_only_its_group() -> None:
    rows = {
        "loss": ["hinge"] * 3 + ["logistic"] * 3,
        "z": [-1.0, 0.0, 1.0] * 2,
        "value": [2.0, 1.0, 0.0, 1.313, 0.693, 0.313],
    }
    figure = lah.slider_explorable(
        "margin-losses",
        rows,
        slider="z",
        slider_label="margin",
        lines={"value": "loss"},
        readouts=[("value", "loss", ".3f"), ("loss", "picked", "s")],
        y_title="loss",
        title="Losses of the margin",
        description="Each loss against the margin.",
        group="loss",
        group_label="loss",
    )
    assert figure.controls["group"]["options"] == ["hinge", "logistic"]
    assert figure.readout(0.1) == {"margin": "0.000", "loss": "1.000", "picked": "hinge"}
    assert figure.readout(0.1, "logistic")["loss"] == "0.693"
    with pytest.raises(ValueError, match="not one of"):
        figure.row_at(0, "squared")


def test_a_dataframe_gives_the_same_figure() -> None:
    p = np.linspace(0.01, 1, 100)
    frame = pd.DataFrame({"p": p, "nats": -np.log(p), "bits": -np.log2(p)})
    assert _cost_figure(rows=frame).spec == _cost_figure().spec


@pytest.mark.parametrize(
    ("value", "spec", "text"),
    [
        (0.6931, ".3f", "0.693"),
        (0.0625, ".3f", "0.063"),  # half away from zero, as the page script rounds
        (0.91234, ".1%", "91.2%"),
        (-1.5, "d", "-2"),
        (2.5, "d", "3"),
        ("overfitting", "s", "overfitting"),
        (1.5e-7, ".2e", "1.50e-7"),
        (2.0, ".2e", "2.00e0"),
        (-31234.0, ".1e", "-3.1e4"),
    ],
)
def test_format_readout(value, spec, text) -> None:
    assert lah.format_readout(value, spec) == text


@pytest.mark.parametrize("spec", [".3g", "3f", ".12f", "", None])
def test_format_readout_rejects_unknown_formats(spec) -> None:
    with pytest.raises(ValueError, match="format must be"):
        lah.format_readout(1.0, spec)


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"rows": [1, 2, 3]}, TypeError, "rows must be a non-empty mapping"),
        ({"rows": {}}, TypeError, "rows must be a non-empty mapping"),
        ({"rows": {"p": [0.1, 0.2], "nats": [1.0]}}, ValueError, "same length"),
        ({"rows": {"p": [0.1, np.nan], "nats": [1.0, 2.0], "bits": [1.0, 2.0]}}, ValueError, "NaN"),
        ({"rows": {"p": [[0.1]], "nats": [[1.0]], "bits": [[1.0]]}}, ValueError, "one-dimensional"),
        ({"slider": "q"}, ValueError, "slider column 'q' is not among"),
        ({"lines": {"nat": "cost"}}, ValueError, "line column 'nat'"),
        ({"lines": {}}, ValueError, "at least one column"),
        ({"readouts": [("nats", "cost", ".3x")]}, ValueError, "format must be"),
        ({"slider_format": "%"}, ValueError, "format must be"),
        ({"group": "nats", "group_label": "g"}, TypeError, "group column 'nats' must hold"),
        (
            {"log_x": True, "rows": {"p": [0.0, 1.0], "nats": [1.0, 0.0], "bits": [1.0, 0.0]}},
            ValueError,
            "positive slider column",
        ),
    ],
)
def test_bad_input_is_named(changes, error, match) -> None:
    with pytest.raises(error, match=match):
        _cost_figure(**changes)


def test_bad_names_and_a_group_without_label() -> None:
    with pytest.raises(ValueError, match="joined by hyphens or underscores"):
        lah.slider_explorable(
            "Cost of p",
            {"p": [1.0]},
            slider="p",
            slider_label="p",
            lines={"p": "p"},
            readouts=[],
            y_title="y",
            title="t",
            description="d",
        )
    rows = {"p": [0.1, 0.2], "g": ["a", "b"]}
    with pytest.raises(ValueError, match="group_label is required"):
        lah.slider_explorable(
            "x",
            rows,
            slider="p",
            slider_label="p",
            lines={"p": "p"},
            readouts=[],
            y_title="y",
            title="t",
            description="d",
            group="g",
        )
