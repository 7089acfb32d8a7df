"""The book's figure style: a colour-blind-safe palette and matplotlib settings.

Every chapter calls :func:`use_book_style` once, so that figures share fonts, sizes and
colours, and read well at the width of a book page, in light and in dark mode (figures
keep a white background, which the theme frames in dark mode).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import matplotlib as mpl
from cycler import cycler

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["OKABE_ITO", "PALETTE", "SMALLEST_TEXT_KEY", "smallest_text_px", "use_book_style"]

#: The PNG text chunk in which a notebook figure records :func:`smallest_text_px`; the
#: website reads it to keep the figure's text at 10 CSS px or more on a phone.
SMALLEST_TEXT_KEY = "lossacc:smallest-text-px"

#: The Okabe & Ito (2008) palette, distinguishable with every common colour-vision deficiency.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: The colour cycle of the book's figures, in order of use; yellow comes last (weak on white).
PALETTE: list[str] = [
    OKABE_ITO[name]
    for name in ("blue", "orange", "green", "vermillion", "sky", "purple", "black", "yellow")
]


def use_book_style() -> None:
    """Set matplotlib's defaults for the book's figures.

    Figures are 7 x 4 inches at 110 dpi (about the width of a page of the book), with
    large enough fonts, a light grid, the Okabe-Ito colour cycle and a white background.
    Saved metadata is fixed, so that figures are byte-stable between runs.

    In a Jupyter kernel, figures are stored as "retina" PNGs
    (``matplotlib_inline.backend_inline.set_matplotlib_formats("retina")``): twice the
    pixels of the 110 dpi figure, with the on-page size (half the pixels) in the output's
    metadata, so they stay sharp on high-density screens and when zoomed. Each PNG also
    records the size of its smallest text (:func:`smallest_text_px`, in the text chunk
    ``SMALLEST_TEXT_KEY``), from which the website sets how narrow the figure may be drawn.
    Measured against SVG on chapters 1-4 (17 figures): retina PNGs 2.2 MB, SVGs 1.1 MB (1x
    PNGs 1.0 MB). SVG is lighter, but nbval compares ``image/svg+xml`` outputs (not PNGs),
    and an SVG's coordinates and version comment change with the CPU and the matplotlib
    version, so stored SVGs would fail ``make test`` on other machines and
    ``make check-floors``.

    Examples
    --------
    >>> use_book_style()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.prop_cycle"].by_key()["color"][0]
    '#0072B2'
    """
    mpl.rcParams.update(
        {
            "figure.figsize": (7.0, 4.0),
            "figure.dpi": 110,
            "figure.facecolor": "white",
            "figure.constrained_layout.use": True,
            "savefig.facecolor": "white",
            "savefig.bbox": "tight",
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "axes.prop_cycle": cycler(color=PALETTE),
            "axes.grid": True,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "grid.alpha": 0.3,
            "legend.frameon": False,
            "lines.linewidth": 2.0,
            "image.cmap": "viridis",
            "svg.hashsalt": "loss-and-accuracy",
        }
    )
    _use_retina_figures()


def _use_retina_figures() -> None:
    """In a Jupyter kernel, store inline figures as 2x PNGs (no-op elsewhere)."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: no inline figures
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    from matplotlib.figure import Figure
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")
    shell.display_formatter.formatters["image/png"].for_type(Figure, _retina_png)


def _retina_png(figure: Figure) -> tuple[str, dict[str, int]] | None:
    """Format ``figure`` as IPython's retina PNG, with its smallest text size recorded.

    The size is measured once the PNG is drawn (tick labels get their text then) and
    written into it as a ``tEXt`` chunk, so the figure is drawn once, as without it.
    """
    import base64

    from IPython.core.pylabtools import retina_figure

    formatted = retina_figure(figure, base64=False, bbox_inches="tight")
    if formatted is None:
        return None
    png, metadata = formatted
    smallest = smallest_text_px(figure, draw=False)
    if smallest is not None:
        png = _with_text_chunk(png, SMALLEST_TEXT_KEY, f"{smallest:.2f}")
    return base64.b64encode(png).decode("ascii"), metadata


def _with_text_chunk(png: bytes, key: str, value: str) -> bytes:
    """Return ``png`` with a ``tEXt`` chunk ``key: value`` after its header chunk."""
    import struct
    import zlib

    content = b"tEXt" + key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(content) - 4) + content + struct.pack(">I", zlib.crc32(content))
    header_end = 8 + 8 + 13 + 4  # signature, then IHDR: length and type, 13 bytes, CRC
    return png[:header_end] + chunk + png[header_end:]


def _drawn_texts(artist: Artist) -> Iterator[Text]:
    """Yield the visible, non-empty texts under ``artist`` (not under a hidden one)."""
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    if not artist.get_visible():
        return
    if isinstance(artist, Text) and artist.get_text().strip():
        yield artist
    for child in artist.get_children():
        if isinstance(child, Axis) and isinstance(artist, Axes) and not artist.axison:
            continue  # ax.set_axis_off(): its ticks and labels are not drawn
        yield from _drawn_texts(child)


def smallest_text_px(figure: Figure, draw: bool = True) -> float | None:
    """Return the size of the smallest text ``figure`` draws, in pixels at its own dpi.

    That is the font size in points times ``figure.dpi / 72``: the size in CSS pixels when
    the figure is shown at its natural size (for a retina PNG, half its pixels). Shown
    ``k`` times narrower, the text is ``k`` times smaller.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure; texts that are hidden, empty, or on an axis switched off are left out.
    draw : bool, default True
        Lay the figure out first (``draw_without_rendering``), as tick labels get their
        text only when the figure is drawn; ``False`` for a figure that was just drawn.

    Returns
    -------
    float or None
        None when the figure draws no text.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure = Figure(dpi=110)
    >>> ax = figure.add_subplot()
    >>> _ = ax.set_title("A title", fontsize=12)
    >>> _ = ax.tick_params(labelsize=9)
    >>> round(smallest_text_px(figure), 2)  # the 9 pt tick labels: 9 * 110 / 72
    13.75
    >>> smallest_text_px(Figure()) is None
    True
    """
    if draw:
        figure.draw_without_rendering()
    sizes = [text.get_fontsize() for text in _drawn_texts(figure)]
    return min(sizes) * figure.dpi / 72 if sizes else None
