"""Import and render speed against raw pypdfium2, and database size, on a 200-page yearbook.

Run from the repository's top folder:  python benchmarks/bench_import_render.py [--pages 200]

Prints one table. Ratios compare xzannot doing a job with pypdfium2 doing the same job
directly, alternately in the same run; each ratio is the median of the pairs, with the range
in brackets. The goal for both ratios is at most 1.5. "Import" is everything xzannot does:
hashing the file, reading every page's text and boxes, finding folios, and storing it all in
a new project database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.io.render import PageRenderer  # noqa: E402
from xzannot.operations.importing import import_document  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.ui.yearbook_pdf import Geometry, read_paragraphs, write_yearbook_pdf  # noqa: E402

SOURCE = ROOT / "resources" / "samples" / "xiuzhou-2022-report.txt"
DPI = 150


def make_pdf(path: Path, pages: int) -> int:
    """Lay the sample report out, repeated, until it fills ``pages`` pages."""
    paragraphs = read_paragraphs(SOURCE)
    g = Geometry()
    chars_per_page = 2 * g.lines_per_column * 22
    repeat = max(1, pages * chars_per_page // sum(len(p) for p in paragraphs) + 1)
    return write_yearbook_pdf(paragraphs * repeat, path, stream="rows", max_pages=pages)


def raw_extract(path: Path) -> int:
    """pypdfium2 alone: each page's text and one box per character."""
    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        textpage.get_text_range()
        for i in range(count):
            textpage.get_charbox(i)
        chars += count
        textpage.close()
        page.close()
    pdf.close()
    return chars


def raw_render(path: Path, numbers: list[int]) -> None:
    pdf = pdfium.PdfDocument(str(path))
    for number in numbers:
        page = pdf[number - 1]
        bitmap = page.render(scale=DPI / 72, rev_byteorder=True)
        bytes(bitmap.buffer)
        bitmap.close()
        page.close()
    pdf.close()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paired(
    runs: int, baseline: Callable[[], object], ours: Callable[[], object]
) -> dict[str, float]:
    """Run baseline and ours alternately; timings on a shared machine drift, pairs do not."""
    base_times, our_times, ratios = [], [], []
    for _ in range(runs):
        b = timed(baseline)
        o = timed(ours)
        base_times.append(b)
        our_times.append(o)
        ratios.append(o / b)
    return {
        "base": statistics.median(base_times),
        "ours": statistics.median(our_times),
        "ratio": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7, help="alternating repetitions")
    parser.add_argument("--render-pages", type=int, default=20)
    args = parser.parse_args()

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf_path = folder / "yearbook.pdf"
        start = time.perf_counter()
        pages = make_pdf(pdf_path, args.pages)
        made_in = time.perf_counter() - start

        worker = PdfiumWorker()
        counter = iter(range(10_000))

        def app_import() -> None:
            db = folder / f"bench-{next(counter)}.sqlite"
            with open_project(db, create=True) as project:
                import_document(project, worker, pdf_path)

        imports = paired(args.runs, lambda: raw_extract(pdf_path), app_import)
        db_sizes = [p.stat().st_size for p in folder.glob("bench-*.sqlite")]

        numbers = list(range(1, min(pages, args.render_pages) + 1))

        def app_render() -> None:
            renderer = PageRenderer(worker)  # a new renderer each run: nothing cached
            futures = [renderer.render_dpi(pdf_path, n, DPI) for n in numbers]
            for future in futures:
                future.result()

        renders = paired(args.runs, lambda: raw_render(pdf_path, numbers), app_render)
        worker.shutdown()

    per_page = lambda seconds: seconds / pages * 1000  # noqa: E731
    per_render = lambda seconds: seconds / len(numbers) * 1000  # noqa: E731
    spread = lambda r: f"{r['ratio']:.2f} ({r['low']:.2f}-{r['high']:.2f})"  # noqa: E731
    rows = [
        ("pages in the generated PDF", f"{pages}", f"(made in {made_in:.1f} s)", ""),
        (
            "import, ms per page",
            f"{per_page(imports['ours']):.2f}",
            f"raw pypdfium2 text+boxes {per_page(imports['base']):.2f}",
            spread(imports),
        ),
        (
            f"render at {DPI} DPI, ms per page",
            f"{per_render(renders['ours']):.2f}",
            f"raw pypdfium2 render {per_render(renders['base']):.2f}",
            spread(renders),
        ),
        ("database bytes per page", f"{statistics.mean(db_sizes) / pages:,.0f}", "", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'xzannot':>10}  {'baseline':<34}  ratio: median (range)")
    for name, ours, base, ratio in rows:
        print(f"{name:<{width}}  {ours:>10}  {base:<34}  {ratio}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
