"""Sphinx extension: the site's address and the picture a link to it shows when shared.

Social sites (Mastodon, Slack, LinkedIn, X, ...) read a page's ``og:image`` for the
preview of a shared link. They need an absolute address and a raster image: a relative
path or an SVG shows no picture. So:

* :func:`site_address` gives the address the book is published at. ``html.baseurl`` in
  ``_config.yml`` wins when set (a custom domain); otherwise it is derived from
  ``repository.url``, as ``.github/workflows/pages.yml`` publishes a GitHub repository
  ``OWNER/REPO`` at ``https://OWNER.github.io/REPO/``. A fork that changes only its
  repository address gets previews that point at its own site. With no address known,
  pages carry no ``og:image`` (``site_html`` leaves it out) rather than a broken one.
* :func:`draw_card` draws the 1200 x 630 px card (the size Open Graph consumers ask
  for) with matplotlib when the HTML build finishes: the title, the subtitle and the
  logo's two curves, in the book's colour-blind-safe colours. The file is written with
  no timestamp, so the same matplotlib draws the same bytes.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

CARD = "_static/social-card.png"
CARD_SIZE = (1200, 630)  # pixels: Open Graph's recommended 1.91:1 card
CARD_ALT = "Loss and Accuracy: a falling loss curve and a rising accuracy curve"
LOSS_COLOUR, ACCURACY_COLOUR, INK = "#D55E00", "#0072B2", "#1f2933"  # Okabe-Ito, as the logo

_GITHUB = re.compile(r"^https?://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?$")


def site_address(baseurl: str, repository_url: str) -> str:
    """Return the address the book is published at, ending in ``/``, or ``""`` if unknown.

    Parameters
    ----------
    baseurl : str
        ``html_baseurl`` (``html.baseurl`` in ``_config.yml``); used when not empty.
    repository_url : str
        ``repository.url``; a GitHub repository gives its GitHub Pages address.

    Examples
    --------
    >>> site_address("", "https://github.com/ada/loss-book")
    'https://ada.github.io/loss-book/'
    >>> site_address("", "https://github.com/ada/ada.github.io")
    'https://ada.github.io/'
    >>> site_address("https://book.example.org", "https://github.com/ada/loss-book")
    'https://book.example.org/'
    >>> site_address("", "https://gitlab.com/ada/loss-book")
    ''
    """
    if baseurl.strip():
        return baseurl.strip().rstrip("/") + "/"
    match = _GITHUB.match(repository_url.strip())
    if not match:
        return ""
    owner, repo = match[1], match[2]
    if repo.lower() == f"{owner.lower()}.github.io":
        return f"https://{repo.lower()}/"
    return f"https://{owner.lower()}.github.io/{repo}/"


def draw_card(path: Path, title: str, subtitle: str) -> Path:
    """Draw the social-preview card (``CARD_SIZE`` pixels, PNG) to ``path`` and return it."""
    import matplotlib.style

    # matplotlib's defaults, whatever style the process set (the book's crops figures).
    with matplotlib.style.context("default"):
        return _draw_card(path, title, subtitle)


def _draw_card(path: Path, title: str, subtitle: str) -> Path:
    import numpy as np
    from matplotlib.figure import Figure

    dpi = 100
    figure = Figure(figsize=(CARD_SIZE[0] / dpi, CARD_SIZE[1] / dpi), dpi=dpi)
    figure.patch.set_facecolor("white")
    text = figure.add_axes((0.06, 0.08, 0.56, 0.84))
    text.set_axis_off()
    title = textwrap.fill(title, 12)  # "Loss and / Accuracy": two lines fit the left half
    subtitle = textwrap.fill(subtitle, 40)
    text.text(
        0, 0.5, title, fontsize=60, fontweight="bold", color=INK, va="bottom", linespacing=1.1
    )
    text.text(0, 0.42, subtitle, fontsize=22, color=INK, va="top", linespacing=1.45)
    curves = figure.add_axes((0.66, 0.16, 0.3, 0.68))
    steps = np.linspace(0, 1, 200)
    curves.plot(steps, 0.12 + 0.85 * np.exp(-4.5 * steps), color=LOSS_COLOUR, lw=9)
    curves.plot(steps, 0.9 - 0.75 * np.exp(-5 * steps), color=ACCURACY_COLOUR, lw=9)
    curves.text(0.98, 0.2, "loss", color=LOSS_COLOUR, fontsize=30, ha="right", va="bottom")
    curves.text(0.98, 0.8, "accuracy", color=ACCURACY_COLOUR, fontsize=30, ha="right", va="top")
    curves.set(xlim=(-0.04, 1.04), ylim=(0, 1.05), xticks=[], yticks=[])
    for side in ("top", "right"):
        curves.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        curves.spines[side].set(color=INK, linewidth=4)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=dpi, bbox_inches=None, metadata={"Software": None})
    return path


def _configure(app: Any, config: Any) -> None:
    repository = (config.html_theme_options or {}).get("repository_url", "")
    config.html_baseurl = site_address(config.html_baseurl or "", repository)


def _write_card(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.name == "html":
        title = app.config.html_title or app.config.project
        draw_card(Path(app.outdir) / CARD, title, app.config.lossacc_card_subtitle)


def setup(app: Any) -> dict[str, Any]:
    """Derive the site's address and draw the social card for the HTML build."""
    app.add_config_value(
        "lossacc_card_subtitle",
        "What a model's loss and accuracy mean, how they relate, and how to read "
        "learning curves and calibration.",
        "html",
    )
    app.connect("config-inited", _configure)
    app.connect("build-finished", _write_card)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
