"""Build the whole book as one PDF, offline: ``make pdf`` (``python tools/build_pdf.py``).

1. ``jupyter-book build --builder singlehtml`` writes every page of the table of contents
   into one HTML page (``_build/singlehtml/intro.html``), from the notebooks' stored
   outputs, like the website.
2. That page is served on 127.0.0.1 and opened in the system Chromium (Playwright, as in
   the browser tests; every request outside the local server is aborted). Once the fonts
   have loaded (formulas are typeset at build time), folded code cells are opened and
   the solutions shown (or removed with ``--no-solutions``), and Chromium prints it with
   the book's print style
   (``_static/print.css``: no sidebars or buttons, code in full, every chapter on a new
   page, numbered headings as on the site).
3. The PDF is written to ``_extra/loss-and-accuracy.pdf``; the next website build copies it
   into the site and links it from every page's footer (``make pdf`` rebuilds the site).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE = ROOT / "_build" / "singlehtml"
OUT = ROOT / "_extra" / "loss-and-accuracy.pdf"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

_PREPARE = """(solutions) => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  document.querySelectorAll('.toggle-hidden').forEach(e => e.classList.remove('toggle-hidden'));
  if (!solutions) {
    document.documentElement.classList.add('lossacc-no-solutions');
  }
  return document.querySelectorAll('.solution').length;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def browser_path() -> str:
    import os

    found = os.environ.get("LOSSACC_CHROMIUM") or next(
        filter(None, map(shutil.which, BROWSERS)), None
    )
    if not found:
        sys.exit("No Chromium found: install chromium or set LOSSACC_CHROMIUM.")
    return found


def build_single_page() -> Path:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    command = [str(jupyter_book), "build", "--builder", "singlehtml", "--keep-going", "."]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return SINGLE / "intro.html"


def print_pdf(page_file: Path, out: Path, solutions: bool) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(page_file.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=browser_path(), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.route(
                "**/*",
                lambda r: r.continue_() if r.request.url.startswith(base) else r.abort(),
            )
            page.goto(base + page_file.name, wait_until="load", timeout=120_000)
            # Formulas are typeset at build time (_ext/static_math.py); wait for their fonts.
            page.evaluate("() => document.fonts.ready.then(() => null)")
            # Explorables draw when scrolled to; print them drawn (their controls are
            # hidden in print, the chart and the readout of the first position stay).
            page.evaluate("""() => window.lossaccExplorables ? Promise.all(
                lossaccExplorables.figures.map(lossaccExplorables.build)) : null""")
            count = page.evaluate(_PREPARE, solutions)
            page.emulate_media(media="print")
            math = page.evaluate("""() => ({total: document.querySelectorAll('.math').length,
              typeset: document.querySelectorAll('.math mjx-container').length})""")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=(
                    '<div style="font-size:8px;width:100%;text-align:center;color:#555">'
                    'Loss and Accuracy &middot; <span class="pageNumber"></span> / '
                    '<span class="totalPages"></span></div>'
                ),
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"solutions": count, **math}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-solutions", action="store_true", help="leave the solutions out")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    page_file = build_single_page()
    info = print_pdf(page_file, args.out, solutions=not args.no_solutions)
    from pypdf import PdfReader

    pages = len(PdfReader(args.out).pages)
    shown = "omitted" if args.no_solutions else "printed"
    print(
        f"{args.out}: {pages} pages, {info['typeset']} of {info['total']} "
        f"formulas typeset, {info['solutions']} solutions {shown}"
    )
    return 0 if info["typeset"] == info["total"] else 1


if __name__ == "__main__":
    sys.exit(main())
