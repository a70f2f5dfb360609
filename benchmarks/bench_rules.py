"""Quality and speed of the pre-annotation rules.

Run from the repository's top folder:  python benchmarks/bench_rules.py

Quality: the shipped rules are run over the three pages of the bundled sample yearbook (as
corrected by xzannot) and compared with the hand-labelled gold set in
tests/data/gold/sample-spans.jsonl: precision, recall and F1 per label, on exact boundaries
and on overlap. Goals on the sample: targets precision >= 0.85 and recall >= 0.8; projects
and policies precision >= 0.7 (exact boundaries).

Speed: RuleSet.suggest over the sample's text, against Python's re running the same compiled
expressions over the same text (the raw library doing the matching alone); and a whole
`suggest` run storing the suggestions of the three pages in a fresh SQLite project.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timing import median_ms  # noqa: E402
from xzannot.core.evaluation import locate_gold, score  # noqa: E402
from xzannot.io.pdfium_worker import PdfiumWorker  # noqa: E402
from xzannot.operations.importing import import_document  # noqa: E402
from xzannot.operations.suggesting import project_rules, suggest  # noqa: E402
from xzannot.store.database import open_project  # noqa: E402
from xzannot.store.documents import current_text, list_pages  # noqa: E402
from xzannot.store.spans import list_spans  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "xiuzhou-2022-sample.pdf"
GOLD = ROOT / "tests" / "data" / "gold" / "sample-spans.jsonl"
GOALS = {"target": (0.85, 0.8), "project": (0.7, None), "policy": (0.7, None)}


def main() -> int:
    worker = PdfiumWorker()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.xzannot.sqlite"
        with open_project(db, create=True) as project:
            import_document(project, worker, SAMPLE)
            start = time.perf_counter()
            outcome = suggest(project)
            store_ms = (time.perf_counter() - start) * 1000
            with project.session() as s:
                pages = list_pages(s)
                texts = {p.number: current_text(s, p.id) for p in pages}
                found = [
                    (p.number, sp.start, sp.end, sp.label)
                    for p in pages
                    for sp in list_spans(s, p.id)
                ]
                rules = project_rules(s)
    worker.shutdown()

    gold = locate_gold(GOLD.read_text(encoding="utf-8"), texts)
    exact, loose = score(gold, found), score(gold, found, overlap=True)
    print(f"gold spans {len(gold)}, suggestions {len(found)} on {outcome.pages} pages\n")
    print(
        f"{'label':<8} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'F1':>5}"
        f" | {'P~':>5} {'R~':>5} {'F1~':>5}  goal (exact)"
    )
    for label in ("target", "project", "policy"):
        e, o = exact[label], loose[label]
        p_goal, r_goal = GOALS[label]
        goal = f"P >= {p_goal}" + (f", R >= {r_goal}" if r_goal else "")
        print(
            f"{label:<8} {e.true_positives + e.false_negatives:>4}"
            f" {e.true_positives + e.false_positives:>5}"
            f" {e.precision:>5.2f} {e.recall:>5.2f} {e.f1:>5.2f}"
            f" | {o.precision:>5.2f} {o.recall:>5.2f} {o.f1:>5.2f}  {goal}"
        )
    print("(~: a span counts when it shares a character with a gold span of its label)\n")

    text = "\n".join(texts.values())
    chars = len(text)
    ours = median_ms(lambda: rules.suggest(text))
    raw = median_ms(lambda: [list(r.regex.finditer(text)) for r in rules.rules])
    print(f"{'measure':<50} {'chars':>6} {'median ms':>9}")
    print(f"{'re: the rules expressions alone':<50} {chars:>6} {raw:>9.2f}")
    print(f"{'RuleSet.suggest (trimming, dedup, attributes)':<50} {chars:>6} {ours:>9.2f}")
    print(f"{'ratio to re':<50} {'':>6} {ours / raw:>9.2f}")
    print(f"{'suggest: 3 pages corrected + stored in SQLite':<50} {chars:>6} {store_ms:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
