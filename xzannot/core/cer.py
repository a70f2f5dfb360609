"""Character error rate between a text and a reference."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein

from xzannot.core.cjk import is_cjk

_WHITESPACE = re.compile(r"\s+")


def cer(text: str, reference: str) -> float:
    """Edit distance (insertions, deletions, substitutions) per character of the reference."""
    if not reference:
        return 0.0 if not text else 1.0
    return Levenshtein.distance(text, reference) / len(reference)


def without_whitespace(text: str) -> str:
    """The text with every space and line break removed (for comparing reading order)."""
    return "".join(text.split())


def comparable(text: str) -> str:
    """A text as a reader compares it with the page: compatibility forms folded (NFKC: full-
    and half-width, radicals), any run of white space one space, and none beside a Chinese
    character (Chinese sets no word spaces: a line wrapped inside Chinese, or the gap a
    typesetter leaves around ``2025`` in ``2025 年``, is no error; a space inside a number or
    the loss of one between Latin words counts)."""
    folded = _WHITESPACE.sub(" ", text).strip()
    kept = (
        ch
        for index, ch in enumerate(folded)
        if ch != " " or not (is_cjk(folded[index - 1]) or is_cjk(folded[index + 1]))
    )
    return unicodedata.normalize("NFKC", "".join(kept))


def error_kinds(text: str, reference: str) -> Counter[str]:
    """How ``text`` differs from ``reference``, counted by kind: ``sub`` a character replaced,
    ``ins`` one too many, ``del`` one missing, ``+sp``/``-sp`` a space too many or missing."""
    counts: Counter[str] = Counter()
    for op in Levenshtein.editops(text, reference):
        if op.tag == "insert":  # the text lacks reference[dest]
            counts["-sp" if reference[op.dest_pos] == " " else "del"] += 1
        elif op.tag == "delete":  # the text has text[src] too many
            counts["+sp" if text[op.src_pos] == " " else "ins"] += 1
        else:
            counts["sub"] += 1
    return counts
