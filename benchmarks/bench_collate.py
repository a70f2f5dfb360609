"""Speed of collation: a 3,000-character page against a 100,000-character reference.

Run from the repository's top folder:  python benchmarks/bench_collate.py

The page is the report typeset on the sample yearbook's pages (about 2,900 characters) with
a few differences made in it. The reference is 100,000 characters: the report's text in its
web transcription (full-width punctuation, indents, line breaks) set among other text of the
same kind (the report with one character in five replaced, so no page of it is the same).
Measured: building the reference's index (once per reference, shared by all its pages),
collating the page, and, as the raw library doing the alignment alone, rapidfuzz's
Levenshtein opcodes between the page and the part of the reference it matches.
Goal: collating a 3,000-character page against a 100,000-character reference <= 200 ms.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from benchmarks.timing import median_ms  # noqa: E402
from xzannot.core.collate import ReferenceIndex, collate, normal_form  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"


def main() -> int:
    report = (SAMPLES / "xiuzhou-2022-report.txt").read_text(encoding="utf-8")
    web = (SAMPLES / "xiuzhou-2022-web-transcription.txt").read_text(encoding="utf-8")
    page = report[:3000].replace("人民", "人们", 2).replace("。", "，", 3)
    noise = random.Random(0)
    filler = []
    while sum(map(len, filler)) < 97_000:
        chars = list(report)
        for i in range(0, len(chars), 5):
            chars[i] = chr(noise.randint(0x4E00, 0x9FA5))
        filler.append("".join(chars))
    half = len(filler) // 2
    reference = "".join(filler[:half]) + web + "".join(filler[half:])
    reference = reference[:100_000] if len(reference) > 100_000 else reference

    index_ms = median_ms(lambda: ReferenceIndex(reference), runs=10)
    index = ReferenceIndex(reference)
    found = collate(page, index)
    assert found is not None
    collate_ms = median_ms(lambda: collate(page, index), runs=20)
    both_ms = median_ms(lambda: collate(page, ReferenceIndex(reference)), runs=10)
    mine = normal_form(page).text
    window = normal_form(reference[found.reference_start : found.reference_end]).text
    raw_ms = median_ms(lambda: Levenshtein.opcodes(mine, window), runs=20)

    print(f"page {len(page)} characters, reference {len(reference)} characters")
    print(f"differences found: {len(found.differences)}, CER {found.cer:.3%}\n")
    print(f"{'measure':<56} {'median ms':>9}  goal")
    print(f"{'index the reference (once per reference)':<56} {index_ms:>9.1f}")
    print(f"{'collate the page with the index built':<56} {collate_ms:>9.1f}")
    print(f"{'index and collate (a reference used for one page)':<56} {both_ms:>9.1f}  <= 200")
    print(f"{'raw: rapidfuzz opcodes, page against its window':<56} {raw_ms:>9.1f}")
    print(f"{'ratio, collate to raw':<56} {collate_ms / raw_ms:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
