"""Correction on real pages: the character error rate of each page of the corpus of real pages
(``tests/data/realpages``), as extracted and as corrected, and what the differences are.

Run from the repository's top folder:  python benchmarks/bench_real_pages.py
It reads the PDFs from ``../shared/realpdfs`` (or ``XZANNOT_SHARED_DIR``). Texts are compared
as ``xzannot.core.cer.comparable`` folds them: widths folded, white space folded, no space
beside a Chinese character. Kinds of difference of the corrected text from the reference:
``+sp``/``-sp`` a space too many or missing, ``sub`` a character replaced, ``ins`` one too many,
``del`` one missing.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from tests.conftest import SHARED  # noqa: E402
from tests.real_pages import corpus_stems, read_stem  # noqa: E402
from xzannot.core.cer import comparable, error_kinds  # noqa: E402


def main() -> int:
    if not (SHARED / "realpdfs").is_dir():
        print(f"{SHARED / 'realpdfs'} is absent: the real PDFs are needed")
        return 1
    print(f"{'page':<58} {'chars':>6} {'extracted':>9} {'corrected':>9}  differences")
    totals = Counter[str]()
    for stem in corpus_stems():
        for page in read_stem(stem):
            reference = comparable(page.reference)
            extracted = comparable(page.extracted)
            corrected = comparable(page.corrected)
            found = error_kinds(corrected, reference)
            totals["chars"] += len(reference)
            totals["extracted"] += Levenshtein.distance(extracted, reference)
            totals["corrected"] += Levenshtein.distance(corrected, reference)
            mark = "  WORSE" if page.cer_corrected > page.cer_extracted else ""
            detail = " ".join(f"{k} {v}" for k, v in sorted(found.items()))
            print(
                f"{page.name:<58} {len(reference):>6} {page.cer_extracted:>9.2%} "
                f"{page.cer_corrected:>9.2%}  {detail}{mark}"
            )
    chars = max(totals["chars"], 1)
    print(
        f"{'all pages':<58} {totals['chars']:>6} {totals['extracted'] / chars:>9.2%} "
        f"{totals['corrected'] / chars:>9.2%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
