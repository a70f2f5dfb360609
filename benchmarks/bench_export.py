"""Speed of corpus export: 100,000 spans in each format.

Run from the repository's top folder:  python benchmarks/bench_export.py

A project of 600 pages (the three pages of the bundled sample yearbook, repeated, with their
character boxes) is corrected once and given 100,000 spans (about 167 a page, non-overlapping,
as long as the rules' suggestions). Each format is then exported whole, with every span:
the time (CPU time of this process) covers reading the project and writing the files. For
each format the raw library is timed too (json, csv or lxml writing the same records from
memory, or plain files written), and the ratio given. Goal: at most 5 s of CPU time for
100,000 spans in each format, PAGE and ALTO included.
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

from lxml import etree  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from xzannot.core.corpus import CorpusPage  # noqa: E402
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
GOAL = 5.0  # seconds of CPU time for each format


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


def _raw_json(pages: list[CorpusPage], *, tasks: bool = False) -> float:
    """json writing each page's text and spans from memory (the C encoder)."""
    start = time.process_time()
    out = io.StringIO()
    for p in pages:
        spans = [[x.id, x.start, x.end, x.label, x.quote, x.status.value] for x in p.spans]
        record = {"data": {"text": p.text}, "result": spans} if tasks else {"text": p.text,
                  "label": spans}  # fmt: skip
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.process_time() - start


def _raw_csv(pages: list[CorpusPage]) -> float:
    start = time.process_time()
    writer = csv.writer(io.StringIO())
    for p in pages:
        for x in p.spans:
            writer.writerow([p.document, p.number, x.id, x.start, x.end, x.quote])
    return time.process_time() - start


def _raw_lines(pages: list[CorpusPage]) -> float:
    """Writing a line per character (CoNLL's shape) from memory."""
    start = time.process_time()
    out = io.StringIO()
    for p in pages:
        out.write("".join(f"{c}\tO\n" for c in p.text if not c.isspace()))
    return time.process_time() - start


def _raw_files(pages: list[CorpusPage], folder: Path, *, ann: bool) -> float:
    """Writing a text file per page (and an .ann of a line per span) from memory."""
    folder.mkdir()
    start = time.process_time()
    for p in pages:
        (folder / f"{p.name}.txt").write_text(p.text, encoding="utf-8")
        if ann:
            lines = [f"T{n}\t{x.label} {x.start} {x.end}\t{x.quote}" for n, x in
                     enumerate(p.spans, 1)]  # fmt: skip
            (folder / f"{p.name}.ann").write_text("\n".join(lines), encoding="utf-8")
    return time.process_time() - start


def _raw_lxml(pages: list[CorpusPage]) -> float:
    """lxml building and serialising, per page, an element per glyph with its coordinates."""
    start = time.process_time()
    for p in pages:
        root = etree.Element("Page")
        for i, box in enumerate(p.boxes):
            if box is not None:
                points = f"{box[0]:.0f},{box[1]:.0f} {box[2]:.0f},{box[3]:.0f}"
                glyph = etree.SubElement(root, "Glyph", id=f"g{i}", points=points)
                etree.SubElement(etree.SubElement(glyph, "TextEquiv"), "Unicode").text = p.text[i]
        etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return time.process_time() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.xzannot.sqlite"
        build(db)
        every = ExportFilter(statuses=tuple(SpanStatus))
        with open_project(db) as project:
            start = time.process_time()
            with project.session() as s:
                pages, _ = gather(s, every)
            gather_s = time.process_time() - start
            spans = sum(len(p.spans) for p in pages)
            raw = {
                "jsonl": _raw_json(pages),
                "conll": _raw_lines(pages),
                "brat": _raw_files(pages, Path(folder) / "raw-brat", ann=True),
                "labelstudio": _raw_json(pages, tasks=True),
                "csv": _raw_csv(pages),
                "pagexml": _raw_lxml(pages),
                "alto": _raw_lxml(pages),
                "txt": _raw_files(pages, Path(folder) / "raw-txt", ann=False),
            }
            print(f"gathering {spans} spans from the project: {gather_s:.2f} s cpu\n")
            print(f"{'format':<12} {'cpu s':>7} {'raw lib s':>9} {'ratio':>6}  goal")
            for name in FORMATS:
                out = Path(folder) / f"out-{name}"
                start = time.process_time()
                export(project, name, out, every)
                took = time.process_time() - start
                base = raw[name]
                verdict = "ok" if took <= GOAL else "OVER"
                print(
                    f"{name:<12} {took:>7.2f} {base:>9.2f} {took / base:>6.1f}"
                    f"  <= {GOAL:.0f} s {verdict}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
