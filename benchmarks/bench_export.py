"""Speed of corpus export: 100,000 spans in each format.

Run from the repository's top folder:  python benchmarks/bench_export.py

A project of 600 pages (the three pages of the bundled sample yearbook, repeated, with their
character boxes) is corrected once and given 100,000 spans (about 167 a page, non-overlapping,
as long as the rules' suggestions). Each format is then exported whole, with every span:
the time covers reading the project and writing the files. For the JSON Lines and CSV
formats the raw library (json / csv writing the same records from memory) is timed too,
and the ratio given. Goal: at most 5 s for 100,000 spans in each format.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from xzannot.core.spans import SpanStatus  # noqa: E402
from xzannot.io.pdf_import import extract_pdf  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.operations.correcting import correct_page_in  # noqa: E402
from xzannot.operations.exporting import FORMATS, ExportFilter, export, gather  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import add_document, current_text, list_pages  # noqa: E402
from xzannot.store.models import Label, Span  # noqa: E402
from xzannot.store.spans import annotator_id  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "xiuzhou-2022-sample.pdf"
PAGES = 600
SPANS = 100_000


def build(db: Path) -> None:
    worker = PdfiumWorker()
    extracted = extract_pdf(worker, SAMPLE)
    worker.shutdown()
    pages = []
    for number in range(PAGES):
        page = extracted[number % len(extracted)]
        pages.append(dataclasses.replace(page, number=number + 1))
    with open_project(db, create=True) as project, project.transaction() as s:
        add_document(s, title="bench", kind="pdf", source_path=SAMPLE, sha256="0" * 64, pages=pages)
        ids = [p.id for p in list_pages(s)]
        texts = {}
        for page_id in ids:
            correct_page_in(s, page_id)
            texts[page_id] = current_text(s, page_id)
        labels = list(s.scalars(select(Label.id)))
        who = annotator_id(s, "bench")
        rows = []
        per_page = SPANS // len(ids) + 1
        for page_id in ids:
            text = texts[page_id]
            step = max(len(text) // per_page, 2)  # spans of step - 1 characters, side by side
            for k in range(per_page):
                start = k * step
                if len(rows) == SPANS:
                    break
                start %= max(len(text) - step, 1)  # a short page holds overlapping spans
                rows.append(
                    {
                        "page_id": page_id,
                        "start": start,
                        "end": start + step - 1,
                        "label_id": labels[k % len(labels)],
                        "quote": text[start : start + step - 1],
                        "attributes": {"indicator": "x", "value": k} if k % 3 == 0 else {},
                        "note": "",
                        "status": SpanStatus.ACCEPTED.value,
                        "annotator_id": who,
                        "version": 1,
                    }
                )
        s.execute(insert(Span), rows)
    print(f"project: {len(ids)} pages, {len(rows)} spans")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.xzannot.sqlite"
        build(db)
        every = ExportFilter(statuses=tuple(SpanStatus))
        with open_project(db) as project:
            start = time.perf_counter()
            with project.session() as s:
                pages, _ = gather(s, every)
            gather_s = time.perf_counter() - start
            spans = sum(len(p.spans) for p in pages)
            records = [
                {"text": p.text, "label": [[x.start, x.end, x.label] for x in p.spans]}
                for p in pages
            ]
            start = time.perf_counter()
            raw = io.StringIO()
            for record in records:
                raw.write(json.dumps(record, ensure_ascii=False) + "\n")
            raw_json = time.perf_counter() - start
            start = time.perf_counter()
            writer = csv.writer(io.StringIO())
            for p in pages:
                for x in p.spans:
                    writer.writerow([p.document, p.number, x.id, x.start, x.end, x.quote])
            raw_csv = time.perf_counter() - start

            print(f"gathering {spans} spans from the project: {gather_s:.2f} s\n")
            print(f"{'format':<12} {'seconds':>8} {'raw lib s':>9} {'ratio':>6}  goal")
            for name in FORMATS:
                out = Path(folder) / f"out-{name}"
                start = time.perf_counter()
                export(project, name, out, every)
                took = time.perf_counter() - start
                base = {"jsonl": raw_json, "csv": raw_csv}.get(name)
                extra = f"{base:>9.2f} {took / base:>6.1f}" if base else f"{'':>9} {'':>6}"
                print(f"{name:<12} {took:>8.2f} {extra}  <= 5 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
