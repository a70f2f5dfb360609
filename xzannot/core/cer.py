"""Character error rate between a text and a reference."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein


def cer(text: str, reference: str) -> float:
    """Edit distance (insertions, deletions, substitutions) per character of the reference."""
    if not reference:
        return 0.0 if not text else 1.0
    return Levenshtein.distance(text, reference) / len(reference)


def without_whitespace(text: str) -> str:
    """The text with every space and line break removed (for comparing reading order)."""
    return "".join(text.split())
