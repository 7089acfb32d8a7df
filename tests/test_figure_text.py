"""The smallest text of a figure, recorded in its PNG for the website (``style.py``)."""

from __future__ import annotations

import base64

import matplotlib.pyplot as plt
import pytest
import site_html
from matplotlib.figure import Figure

from lossacc_helpers.style import SMALLEST_TEXT_KEY, _retina_png, smallest_text_px


def _figure() -> tuple[Figure, plt.Axes]:
    figure = Figure(dpi=110)
    ax = figure.add_subplot()
    ax.plot([0, 1], [0, 1], label="a line")
    ax.tick_params(labelsize=11)
    ax.set_title("Title", fontsize=12)
    return figure, ax


def test_legend_text_counts() -> None:
    figure, ax = _figure()
    ax.legend(fontsize=8)
    assert smallest_text_px(figure) == pytest.approx(8 * 110 / 72)


def test_hidden_and_empty_texts_do_not_count() -> None:
    figure, ax = _figure()
    ax.text(0.5, 0.5, "hidden", fontsize=4, visible=False)
    ax.text(0.5, 0.5, "  ", fontsize=5)
    ax.set_xlabel("")  # an empty label keeps its default size
    assert smallest_text_px(figure) == pytest.approx(11 * 110 / 72)


def test_tick_labels_of_an_axis_switched_off_do_not_count() -> None:
    figure, ax = _figure()
    ax.tick_params(labelsize=6)
    ax.set_axis_off()
    assert smallest_text_px(figure) == pytest.approx(12 * 110 / 72)  # the title


def test_size_follows_the_figure_dpi() -> None:
    figure, _ = _figure()
    figure.set_dpi(72)
    assert smallest_text_px(figure) == pytest.approx(11)


def test_the_kernel_png_records_it_and_the_site_reads_it_back(tmp_path) -> None:
    figure, ax = _figure()
    ax.legend(fontsize=9)
    data, metadata = _retina_png(figure)
    png = base64.b64decode(data)
    assert metadata["width"] == int.from_bytes(png[16:20], "big") // 2  # still a 2x PNG
    assert site_html.png_text(png, SMALLEST_TEXT_KEY) == "13.75"
    assert site_html.png_text(png, "no such key") is None
