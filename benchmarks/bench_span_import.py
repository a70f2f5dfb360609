"""Memory and time of span import from one huge JSON Lines line.

Run from the repository's top folder:  python benchmarks/bench_span_import.py [SPANS]

A project of one page (6,000 characters of the bundled report's text) is made in a
temporary folder, and a ``.jsonl`` file of one line holding that text and SPANS spans
(6,000,000 by default, doccano's ``[start, end, "ORG"]``: about 100 MB). Each step runs in a
process of its own, whose peak resident memory (ru_maxrss) is reported:

- Python with xzannot's span import loaded and nothing read (the floor);
- the raw library: ``json.loads`` of the file (what reading it in one go costs at least);
- reading the file's records with xzannot (checking every field, holding the spans);
- the whole import: read, checked, matched to the page and stored in one transaction.

Goal: the whole import of 6,000,000 spans in well under 600 MB (before: 2.77 GB just
to read the records).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xzannot.core.pages import ExtractedPage, TextSource  # noqa: E402
from xzannot.operations.correcting import correct_page_in  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import add_document, current_text, list_pages  # noqa: E402

SOURCE = ROOT / "resources" / "samples" / "xiuzhou-2022-report.txt"
LABELS = ("ORG", "PER", "LOC")
LONGEST = 400  # characters in a span
STEP = 1_000_003  # a prime: spans in a shuffled order


def build(db: Path, spans_path: Path, count: int) -> int:
    """The project and the file; returns the file's size in bytes."""
    text = (SOURCE.read_text(encoding="utf-8").replace("\n", "") * 4)[:6000]
    page = ExtractedPage(number=1, width=0.0, height=0.0, text=text, source=TextSource.DUMP)
    with open_project(db, create=True) as project, project.transaction() as s:
        add_document(s, title="bench", kind="text", source_path=SOURCE, sha256="0" * 64,
                     pages=[page])  # fmt: skip
        (page_id,) = [p.id for p in list_pages(s)]
        correct_page_in(s, page_id)
        text = current_text(s, page_id)
    places = (len(text) - LONGEST) * LONGEST * len(LABELS)
    if count > places:
        raise SystemExit(f"at most {places} different spans fit on the page")
    with spans_path.open("w", encoding="utf-8") as out:
        out.write('{"text": ' + json.dumps(text, ensure_ascii=False) + ', "label": [')
        for first in range(0, count, 100_000):
            items = []
            for i in range(first, min(first + 100_000, count)):
                key = i * STEP % places
                place, label = divmod(key, len(LABELS))
                start, length = divmod(place, LONGEST)
                items.append(f'[{start},{start + length + 1},"{LABELS[label]}"]')
            out.write(("," if first else "") + ",".join(items))
        out.write("]}\n")
    return spans_path.stat().st_size


PROBE = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from xzannot.operations.span_import import import_spans
    from xzannot.io.corpus.span_files import span_records
    from xzannot.store.database import open_project
    path, db, step = Path({spans!r}), Path({db!r}), {step!r}
    start = time.perf_counter()
    if step == "json.loads":
        with path.open(encoding="utf-8") as f:
            count = len(json.loads(f.read())["label"])
    elif step == "read":
        count = sum(len(r.spans) for r in span_records([path]))
    elif step == "import":
        with open_project(db) as project:
            outcome = import_spans(project, [path], create_labels=True)
        count = sum(outcome.added.values()) + outcome.known
    else:
        count = 0
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({{"seconds": took, "peak": peak, "count": count}}))
    """
)


def measure(step: str, spans: Path, db: Path) -> dict[str, float]:
    code = PROBE.format(root=str(ROOT), spans=str(spans), db=str(db), step=step)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{step} failed:\n{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 6_000_000
    with tempfile.TemporaryDirectory() as folder:
        db, spans = Path(folder) / "bench.xzannot.sqlite", Path(folder) / "spans.jsonl"
        size = build(db, spans, count)
        print(f"one line of {count:,} spans: {size / 1e6:.0f} MB\n")
        print(f"{'step':<32} {'peak MB':>8} {'x file':>7} {'seconds':>8}  spans")
        figures = {}
        for step, name in (
            ("floor", "Python + xzannot, nothing read"),
            ("json.loads", "json.loads (raw library)"),
            ("read", "xzannot: read and check"),
            ("import", "xzannot: whole import"),
        ):
            got = figures[step] = measure(step, spans, db)
            print(
                f"{name:<32} {got['peak'] / 1e6:>8.0f} {got['peak'] / size:>7.2f} "
                f"{got['seconds']:>8.1f}  {int(got['count']):,}"
            )
        raw = figures["json.loads"]
        for step in ("read", "import"):
            print(
                f"\n{step}: {figures[step]['peak'] / raw['peak']:.2f}x the memory of json.loads, "
                f"{figures[step]['seconds'] / raw['seconds']:.1f}x its time"
            )
        print("goal: the whole import well under 600 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
