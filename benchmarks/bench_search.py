"""How fast the project answers a search, and what the index costs, on a 10,000-page project.

Run from the repository's top folder:

    python benchmarks/bench_search.py [--pages 10000] [--runs 7]

The project is the one ``bench_scale.py`` makes (``--pages`` generated two-column yearbook
pages, about 2,200 characters each, imported by ``xzannot import``; kept in
``~/.cache/xzannot-bench/scale``, so only the first run pays for importing it).

- **queries**: ``operations.search.find`` (the pages holding hits, in document and page
  order: what the Search dock and ``xzannot search`` start from), median wall and CPU time
  of ``--runs`` runs, for words of one to six characters chosen from the text as rare,
  common and absent; beside it ``find(count=True)``, the hits on each page counted too.
  The raw library doing the index's part of the work is ``sqlite3`` alone running the same
  FTS5 ``MATCH`` (three characters or more) or ``instr`` scan (fewer) on the same table;
  the ratio is find's wall time to it. Goals: ≤ 100 ms for three characters or more,
  ≤ 300 ms for one or two.
- **concordance**: the first screen of the Search dock: ``find``, then ``hits_on`` the
  pages holding the first 25 hits with their glyphs' areas, then each hit's glyphs rendered
  by the pdfium process (``PageRenderer.render_area``, nothing cached). Goal ≤ 200 ms.
- **size**: the index's share of the database (``dbstat``: ``page_search`` and the FTS5
  tables against everything else). Goal ≤ 50 % added.
- **upkeep**: one typed correction committed (the index refolds that page) against the
  same change with the index's hook not listening, median ms; and the time to build the
  index for every page (what upgrading an older project costs).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import describe_tree, fresh_project  # noqa: E402

from xzannot.core.edits import Edit  # noqa: E402
from xzannot.core.search import SearchQuery, fold  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.io.render import PageRenderer  # noqa: E402
from xzannot.operations.reviewing import manual_edit  # noqa: E402
from xzannot.operations.search import find, hits_on  # noqa: E402
from xzannot.store import search_index  # noqa: E402
from xzannot.store.database import Project, open_project  # noqa: E402
from xzannot.store.documents import list_documents, list_pages  # noqa: E402

FIRST_SCREEN = 25  # hits the concordance shows first
CROP_SCALE = 2.0  # pixels per point of a hit's glyphs (144 dpi)
PAGES_A_READ = 8  # pages whose hits are read at a time


def timed(fn, runs: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    """Median wall and CPU milliseconds of ``runs`` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def pick_words(db: Path) -> dict[str, str]:
    """Words to look for, by kind: from the folded texts, the commonest and a rare n-gram
    of each length, and one not there."""
    conn = sqlite3.connect(db)
    texts = [t for (t,) in conn.execute("SELECT folded FROM page_search LIMIT 400")]
    conn.close()
    words: dict[str, str] = {}
    for length in (1, 2, 3, 4, 6):
        grams = Counter(t[i : i + length] for t in texts for i in range(0, len(t) - length, 7))
        ranked = [g for g, _ in grams.most_common() if g.strip() and '"' not in g]
        words[f"{length} chars, common"] = ranked[0]
        words[f"{length} chars, rare"] = ranked[len(ranked) * 9 // 10]
    words["3 chars, absent"] = "龘靐齉"
    words["2 chars, absent"] = "龘靐"
    return words


def raw_index(db: Path, needle: str) -> callable:  # type: ignore[valid-type]
    """The raw library doing the index's part: sqlite3 alone, same table, same query."""
    conn = sqlite3.connect(db)
    if len(needle) >= search_index.TRIGRAM:
        phrase = '"' + needle.replace('"', '""') + '"'
        sql, arg = "SELECT rowid FROM page_search_fts WHERE page_search_fts MATCH ?", phrase
    else:
        sql, arg = "SELECT page_id FROM page_search WHERE instr(folded, ?) > 0", needle
    return lambda: conn.execute(sql, (arg,)).fetchall()


def bench_queries(project: Project, db: Path, runs: int) -> None:
    print("\nqueries: find                        wall ms   cpu ms  pages   raw ms  ratio  goal"
          "   counted: wall ms    hits")  # fmt: skip
    for kind, word in pick_words(db).items():
        query = SearchQuery(word)
        wall, cpu, found = timed(lambda q=query: find(project, q), runs)
        raw, _, _ = timed(raw_index(db, fold(word)), runs)
        goal = 100 if len(fold(word)) >= search_index.TRIGRAM else 300
        held = "yes" if wall <= goal else "NO"
        every, _, counted = timed(lambda q=query: find(project, q, count=True), runs)
        print(
            f"  {kind:<18} {word!r:<10} {wall:8.1f} {cpu:8.1f} {len(found.pages):6d}"  # type: ignore[union-attr]
            f" {raw:8.1f} {wall / max(raw, 0.01):6.1f}  <= {goal} {held:3}"
            f"  {every:15.1f} {counted.hit_count:7d}"  # type: ignore[union-attr]
        )


def first_screen(project: Project, renderer: PageRenderer, word: str) -> int:
    """What the concordance does before its first screen is drawn; returns crops made."""
    found = find(project, SearchQuery(word))
    with project.session() as session:
        paths = {doc.id: Path(doc.source_path) for doc in list_documents(session)}
    ids = [page_id for page_id, _ in found.pages]
    futures: list = []  # type: ignore[type-arg]
    for first in range(0, len(ids), PAGES_A_READ):  # a few pages at a time, as the dock reads
        for page in hits_on(project, found, ids[first : first + PAGES_A_READ], areas=True):
            for hit in page.hits:
                if hit.area is not None and len(futures) < FIRST_SCREEN:
                    path = paths[page.page.document_id]
                    area = renderer.render_area(path, page.page.number, hit.area, CROP_SCALE)
                    futures.append(area)
        if len(futures) >= FIRST_SCREEN:
            break
    for future in futures:
        future.result()
    return len(futures)


def bench_concordance(project: Project, runs: int) -> None:
    print("\nconcordance: first screen (25 hits, glyphs cut)   wall ms  goal")
    worker = PdfiumWorker()
    try:
        for word in ("就业", "基本医疗保险", "力"):
            first_screen(
                project, PageRenderer(worker), word
            )  # the pdfium process has the file open
            wall, _, crops = timed(
                lambda w=word: first_screen(project, PageRenderer(worker), w), runs
            )
            held = "yes" if wall <= 200 else "NO"
            print(f"  {word!r:<14} {crops:3d} crops {wall:24.1f}  <= 200 {held}")
    finally:
        worker.shutdown()


def bench_size(db: Path) -> None:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    conn.close()
    index = sum(size for name, size in rows if name.startswith("page_search"))
    rest = sum(size for name, size in rows if not name.startswith("page_search"))
    share = 100 * index / rest
    print(f"\nsize: database without the index {rest / 1e6:,.0f} MB, index {index / 1e6:,.0f} MB"
          f" (+{share:.0f} %, goal <= 50 % {'yes' if share <= 50 else 'NO'})")  # fmt: skip


def bench_upkeep(project: Project, runs: int) -> None:
    with project.session() as session:
        page = list_pages(session)[len(list_pages(session)) // 2]
    with_hook, _, _ = timed(lambda: manual_edit(project, page.id, Edit(0, 0, "测"), "bench"), runs)
    from sqlalchemy import event

    event.remove(project.writers, "before_commit", search_index.bring_up_to_date)
    without, _, _ = timed(lambda: manual_edit(project, page.id, Edit(0, 0, "测"), "bench"), runs)
    event.listen(project.writers, "before_commit", search_index.bring_up_to_date)
    with project.transaction() as session:  # the edits made unheard are folded in now
        search_index.refresh(session, [page.id])
    print(f"\nupkeep: a typed correction committed {with_hook:.1f} ms, {without:.1f} ms without"
          f" the index ({with_hook - without:+.1f} ms)")  # fmt: skip
    with project.transaction() as session:
        ids = [p.id for p in list_pages(session)]
        start = time.process_time()
        search_index.refresh(session, ids)
        took = time.process_time() - start
    print(f"upkeep: folding every page into the index {took:.1f} s CPU ({len(ids):,} pages)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"run: {describe_tree()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = fresh_project(args.pages, Path(tmp), "search")
        with open_project(db) as project:
            conn = sqlite3.connect(db)
            (chars,) = conn.execute("SELECT sum(length(folded)) FROM page_search").fetchone()
            conn.close()
            print(f"project: {args.pages:,} pages, {chars / 1e6:.1f} million characters (folded)")
            bench_queries(project, db, args.runs)
            bench_concordance(project, args.runs)
            bench_size(db)
            bench_upkeep(project, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
