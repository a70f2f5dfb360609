"""How fast the review window responds: switching pages and adding a span.

Run from the repository's top folder:  python benchmarks/bench_window.py

A dense yearbook page of over 2,000 characters carries 300 spans. Measured, as
medians over repeated runs, with the window offscreen (the pages are corrected,
as they are once first shown, and the spans lie on the corrected text):

- switching to the page until its text and span highlights are painted, and
  until the first image is on screen (nothing cached), beside the time raw
  pypdfium2 takes to render that page at the same scale;
- adding a span until both views show it (one database transaction included).

Goals: the page switched in at most 80 ms, its first image in at most 150 ms; a span in
at most 20 ms. Hidden docks (Corrections, Reference, OCR Check behind the Spans tab) do no
work on a page switch.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from xzannot.app import build_window, make_application, shutdown_window  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.operations.correcting import correct_page_in  # noqa: E402
from xzannot.operations.importing import import_document  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import list_pages, page_content  # noqa: E402
from xzannot.store.spans import create_span  # noqa: E402
from xzannot.ui import settings as keys  # noqa: E402
from xzannot.ui.main_window import MainWindow  # noqa: E402
from xzannot.ui.settings import Settings  # noqa: E402
from xzannot.ui.yearbook_pdf import Geometry, read_paragraphs, write_yearbook_pdf  # noqa: E402

SOURCE = ROOT / "resources" / "samples" / "xiuzhou-2022-report.txt"
SPANS = 300
RUNS = 15


def wait_until(app: QApplication, condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError
        time.sleep(0.0005)


def make_project(folder: Path) -> tuple[Path, Path, int, int, str]:
    """A dense 3-page yearbook whose first page carries SPANS spans."""
    pdf = folder / "dense.pdf"
    dense = Geometry(body_size=8.5, line_height=13.0)
    write_yearbook_pdf(read_paragraphs(SOURCE) * 3, pdf, geometry=dense, max_pages=3)
    db = folder / "bench.sqlite"
    worker = PdfiumWorker()
    with open_project(db, create=True) as project:
        import_document(project, worker, pdf)
        with project.transaction() as session:
            pages = list_pages(session)
            for page in pages:  # corrected, as when first shown: spans go on the corrected text
                correct_page_in(session, page.id)
            text = page_content(session, pages[0].id).current
            rng = random.Random(7)
            for _ in range(SPANS):
                start = rng.randrange(0, len(text) - 30)
                end = start + rng.randrange(2, 30)
                create_span(
                    session, page_id=pages[0].id, start=start, end=end,
                    label=rng.choice(["target", "project", "policy"]),
                    quote=text[start:end], annotator="bench",
                )  # fmt: skip
    worker.shutdown()
    return db, pdf, pages[0].id, pages[1].id, text


def measure_switch(
    app: QApplication, window: MainWindow, page: int, other: int
) -> tuple[list[float], list[float]]:
    """Times until text and highlights, and until the first image, are on screen."""
    renderer = window.renderer
    text_times, image_times = [], []
    for _ in range(RUNS):
        window.show_page(other)
        wait_until(app, window.page_view.has_image)
        renderer.clear()  # nothing cached: the first image is a real render
        start = time.perf_counter()
        window.show_page(page)
        window.text_view.viewport().repaint()
        window.page_view.viewport().repaint()
        text_times.append(time.perf_counter() - start)
        wait_until(app, window.page_view.has_image)
        window.page_view.viewport().repaint()
        image_times.append(time.perf_counter() - start)
    return text_times, image_times


def measure_raw_render(pdf: Path, scale: float) -> list[float]:
    """pypdfium2 alone rendering the same page at the same scale."""
    doc = pdfium.PdfDocument(str(pdf))
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        page = doc[0]
        bitmap = page.render(scale=scale, rev_byteorder=True)
        bitmap.close()
        page.close()
        times.append(time.perf_counter() - start)
    doc.close()
    return times


def measure_add_span(window: MainWindow, length: int) -> list[float]:
    """Select four characters and press a label's key, until both views show the span."""
    times = []
    rng = random.Random(11)
    for _ in range(RUNS):
        start_at = rng.randrange(0, length - 10)
        window.text_view.select_range(start_at, start_at + 4)
        start = time.perf_counter()
        window.labelling.apply_label("policy")
        window.text_view.viewport().repaint()
        window.page_view.viewport().repaint()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    app = make_application(["bench"], language="en")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, pdf, page, other, text = make_project(folder)
        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        settings.set(keys.ANNOTATOR, "bench")
        window = build_window(db, settings=settings)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        text_times, image_times = measure_switch(app, window, page, other)
        scale = window.page_view.image_scale()
        raw_times = measure_raw_render(pdf, scale)
        shown = window.state.data.text if window.state.data else text  # corrected when shown
        span_times = measure_add_span(window, len(shown))
        window.close()
        shutdown_window(window)

    ms = lambda values: statistics.median(values) * 1000  # noqa: E731
    print(f"page: {len(text)} characters, {SPANS} spans, image at {scale:.2f} px/pt")
    print(f"{'measure':<44} {'median ms':>9}  goal")
    print(f"{'switch page: text and span highlights shown':<44} {ms(text_times):>9.1f}  <= 80")
    print(f"{'switch page: first image shown':<44} {ms(image_times):>9.1f}  <= 150")
    print(f"{'  raw pypdfium2 render of that page':<44} {ms(raw_times):>9.1f}")
    print(f"{'add a span: saved and shown in both views':<44} {ms(span_times):>9.1f}  <= 20")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
