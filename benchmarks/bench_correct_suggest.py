"""CPU time of correcting a page and of suggesting spans on it, per page of a book.

Run from the repository's top folder:  python benchmarks/bench_correct_suggest.py [PAGES]

A project of PAGES pages (300 by default) is built from the bundled sample yearbook: its
two-column pages stacked two to a page (pages 1 over 2, then 3 over 1: about 2,300
characters a page, with their character boxes), each page's layer its own (heights differ by
a hair, so that nothing learnt of one page serves another). Then, CPU time
(``time.process_time``):

- **correct**: ``operations.correcting.correct_page_in`` on each of the first half of the
  pages, freshly imported, in one transaction (reading order, normalisation, edits stored);
- **suggest**: ``operations.suggesting.suggest`` over the other half (each page corrected
  first, then the rules run and their suggestions stored; one transaction);
- **suggest again**: the same run once more, where every suggestion is known already.

The raw library: the rows those steps stored (edits; spans) are read back and inserted again,
page by page, into a copy of the project as it was before, with sqlite3's ``executemany``
alone (no SQLAlchemy, no correction): the floor of storing the same rows. Ratios are
xzannot's time over it. Goals (issue 17): correct at most 20 ms a page, suggest (correction
included) at most 25 ms a page.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xzannot.core.pages import ExtractedPage  # noqa: E402
from xzannot.io.pdf_import import extract_pdf  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.operations.correcting import correct_page_in  # noqa: E402
from xzannot.operations.suggesting import suggest  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import add_document, list_pages  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "xiuzhou-2022-sample.pdf"
GOALS = {"correct": 20.0, "suggest": 25.0}


def stacked(top: ExtractedPage, bottom: ExtractedPage, number: int) -> ExtractedPage:
    """``top`` with ``bottom`` printed below it: one page twice as tall."""
    shift = top.height

    def down(box: tuple[float, float, float, float] | None) -> tuple[float, ...] | None:
        return None if box is None else (box[0], box[1] + shift, box[2], box[3] + shift)

    return dataclasses.replace(
        top,
        number=number,
        height=top.height + bottom.height + number * 0.01,  # each page's layer its own
        text=top.text + "\n" + bottom.text,
        boxes=[*top.boxes, None, *map(down, bottom.boxes)],  # type: ignore[list-item]
        rules=[*top.rules, *map(down, bottom.rules)],  # type: ignore[list-item]
        printed_label=None,
    )


def build(db: Path, count: int) -> list[int]:
    worker = PdfiumWorker()
    extracted = extract_pdf(worker, SAMPLE)
    worker.shutdown()
    one, two, three = extracted[:3]
    pages = [
        stacked(one, two, n + 1) if n % 2 == 0 else stacked(three, one, n + 1) for n in range(count)
    ]
    with open_project(db, create=True) as project, project.transaction() as s:
        add_document(s, title="bench", kind="pdf", source_path=SAMPLE, sha256="0" * 64,
                     pages=pages)  # fmt: skip
        ids = [p.id for p in list_pages(s)]
    chars = sum(len(p.text) for p in pages) / len(pages)
    print(f"project: {len(ids)} pages of {chars:,.0f} characters on average")
    return ids


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def raw_inserts(db: Path, scratch: Path, table: str, pages: list[int]) -> float:
    """CPU ms a page of inserting, with sqlite3 alone, the rows ``table`` holds for ``pages``
    (into ``scratch``: the project as it was before, given the annotators made since)."""
    with sqlite3.connect(db) as source:
        names = [row[1] for row in source.execute(f"PRAGMA table_info({table})")][1:]  # no id
        query = f"SELECT {_quoted(names)} FROM {table} WHERE page_id = ? ORDER BY id"
        rows = {page: source.execute(query, (page,)).fetchall() for page in pages}
        annotators = source.execute("SELECT id, name, created_at FROM annotators").fetchall()
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT OR IGNORE INTO annotators VALUES (?, ?, ?)", annotators)
    insert = f"INSERT INTO {table} ({_quoted(names)}) VALUES ({', '.join('?' * len(names))})"
    start = time.process_time()
    for page in pages:
        conn.executemany(insert, rows[page])
    spent = time.process_time() - start
    conn.execute("ROLLBACK")
    conn.close()
    return spent * 1000 / len(pages)


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as folder:
        db, scratch = Path(folder) / "bench.sqlite", Path(folder) / "raw.sqlite"
        ids = build(db, count)
        shutil.copyfile(db, scratch)
        first, second = ids[: count // 2], ids[count // 2 :]
        with open_project(db) as project:
            with project.transaction() as s:
                start = time.process_time()
                for page_id in first:
                    correct_page_in(s, page_id)
                correct = (time.process_time() - start) * 1000 / len(first)
            start = time.process_time()
            outcome = suggest(project, second)
            suggested = (time.process_time() - start) * 1000 / len(second)
            start = time.process_time()
            again = suggest(project, second)
            known = (time.process_time() - start) * 1000 / len(second)
        added = sum(outcome.added.values())
        assert sum(again.added.values()) == 0 and again.known >= added
        raw_edits = raw_inserts(db, scratch, "edits", first)
        raw_both = raw_inserts(db, scratch, "edits", second) + raw_inserts(
            db, scratch, "spans", second
        )
    print(f"suggestions: {added} ({added / len(second):.0f} a page)\n")
    print(f"{'step':<14} {'cpu ms/page':>11} {'goal':>6} {'raw sqlite3 ms':>15} {'ratio':>6}")
    rows = [
        ("correct", correct, GOALS["correct"], raw_edits),
        ("suggest", suggested, GOALS["suggest"], raw_both),
        ("suggest again", known, None, None),
    ]
    for name, ms, goal, raw in rows:
        goal_text = f"{goal:6.0f}" if goal is not None else f"{'':6}"
        raw_text = f"{raw:15.2f} {ms / raw:6.1f}" if raw else ""
        print(f"{name:<14} {ms:11.1f} {goal_text} {raw_text}")
    met = correct <= GOALS["correct"] and suggested <= GOALS["suggest"]
    print("\ngoals met" if met else "\ngoals NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
