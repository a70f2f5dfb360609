"""Speed of text correction: reading order plus normalisation of a page.

Run from the repository's top folder:  python benchmarks/bench_text.py

Measures, as medians over repeated runs, on the bundled sample yearbook:
- a PDF page: reading order from character boxes (core.layout) plus normalisation;
- a dumped text layer: de-interleaving (core.dump) plus normalisation;
each scaled to a 3,000-character page by repeating the page where it is shorter.
Goal: at most 20 ms for a 3,000-character page.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_ms  # noqa: E402
from xzannot.core.dump import deinterleave  # noqa: E402
from xzannot.core.layout import page_layout  # noqa: E402
from xzannot.core.normalise import normalise  # noqa: E402
from xzannot.io.pdf_import import extract_pdf  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"


def main() -> int:
    worker = PdfiumWorker()
    page = max(extract_pdf(worker, SAMPLES / "xiuzhou-2022-sample.pdf"), key=lambda p: len(p.text))
    worker.shutdown()
    dump = (SAMPLES / "xiuzhou-2022-p52-dump.txt").read_text(encoding="utf-8")

    pdf_ms = median_ms(
        lambda: normalise(page_layout(page.text, page.boxes, page.width, page.height).text)
    )
    dump_ms = median_ms(lambda: normalise(deinterleave(dump).text))
    print(f"{'measure':<52} {'chars':>6} {'median ms':>9} {'per 3,000':>9}  goal")
    for name, chars, ms in (
        ("PDF page: reading order from boxes + normalisation", len(page.text), pdf_ms),
        ("dump: de-interleave + normalisation", len(dump), dump_ms),
    ):
        print(f"{name:<52} {chars:>6} {ms:>9.2f} {ms * 3000 / chars:>9.2f}  <= 20")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
