"""Comparing two sets of spans: precision, recall and F1 per label.

Used to measure the pre-annotation rules against a hand-labelled gold set, and to see how
far two annotators agree. A span is a ``(page, start, end, label)`` tuple.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SpanKey = tuple[int, int, int, str]  # page, start, end, label


@dataclass(frozen=True)
class Score:
    """Agreement of found spans with expected ones for one label."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(a: SpanKey, b: SpanKey) -> bool:
    return a[0] == b[0] and a[3] == b[3] and a[1] < b[2] and b[1] < a[2]


def score(
    expected: Iterable[SpanKey], found: Iterable[SpanKey], *, overlap: bool = False
) -> dict[str, Score]:
    """A score per label; exact boundaries, or (``overlap``) any shared character.

    With ``overlap``, each expected span is matched by at most one found span, so a
    span split in two counts one hit and one false positive.
    """
    gold, got = sorted(set(expected)), sorted(set(found))
    labels = sorted({s[3] for s in gold} | {s[3] for s in got})
    result: dict[str, Score] = {}
    for label in labels:
        g = [s for s in gold if s[3] == label]
        f = [s for s in got if s[3] == label]
        if overlap:
            unmatched = list(g)
            hits = 0
            for span in f:
                match = next((e for e in unmatched if _overlaps(e, span)), None)
                if match is not None:
                    unmatched.remove(match)
                    hits += 1
        else:
            hits = len(set(g) & set(f))
        result[label] = Score(hits, len(f) - hits, len(g) - hits)
    return result


class GoldError(ValueError):
    """A gold record that does not fit the texts it is meant for."""


def locate_gold(jsonl: str, texts: Mapping[int, str]) -> list[SpanKey]:
    """Spans from gold records (``page``, ``label``, ``quote``, optional ``occurrence``).

    Each quote is looked up on its page's text; ``occurrence`` picks the n-th (from 1).
    """
    spans: list[SpanKey] = []
    for number, line in enumerate(jsonl.splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        page, quote = int(record["page"]), str(record["quote"])
        text = texts.get(page)
        if text is None:
            raise GoldError(f"line {number}: there is no page {page}")
        start = -1
        for _ in range(int(record.get("occurrence", 1))):
            start = text.find(quote, start + 1)
            if start < 0:
                raise GoldError(f"line {number}: {quote!r} is not on page {page}")
        spans.append((page, start, start + len(quote), str(record["label"])))
    return spans
