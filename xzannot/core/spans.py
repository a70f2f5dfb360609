"""Labelled spans of a page's text, and how overlapping spans are laid out for display."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class SpanStatus(StrEnum):
    """Where a span stands in review."""

    SUGGESTED = "suggested"  # proposed by rules, not yet confirmed
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class SpanLayer(StrEnum):
    """Whose a span is: an annotator's own work, or the layer a curator merges them into."""

    ANNOTATION = "annotation"
    CURATED = "curated"


@dataclass(frozen=True, slots=True)
class SpanInfo:
    """A span as the window and the exporters see it (offsets in code points)."""

    id: int
    page_id: int
    start: int
    end: int
    label: str
    quote: str
    status: SpanStatus = SpanStatus.ACCEPTED
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    annotator: str | None = None
    version: int = 1
    orphaned: bool = False
    deleted: bool = False
    layer: SpanLayer = SpanLayer.ANNOTATION

    def covers(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies inside the span."""
        return self.start <= offset < self.end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span shares at least one character with ``[start, end)``."""
        return self.start < end and start < self.end


def nesting_levels(spans: Iterable[SpanInfo]) -> dict[int, int]:
    """A level for each span such that overlapping spans never share a level.

    Longer spans get lower levels (drawn nearest the text), so a nested span sits
    visibly inside the span that contains it. Greedy interval colouring: optimal
    for intervals sorted by start.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.id))
    level_ends: list[int] = []  # for each level, where its last span ends
    levels: dict[int, int] = {}
    for span in ordered:
        for level, end in enumerate(level_ends):
            if end <= span.start:
                level_ends[level] = span.end
                levels[span.id] = level
                break
        else:
            levels[span.id] = len(level_ends)
            level_ends.append(span.end)
    return levels


def spans_at(spans: Sequence[SpanInfo], offset: int) -> list[SpanInfo]:
    """The spans covering a character, innermost (shortest) first."""
    return sorted(
        (s for s in spans if s.covers(offset) and not s.orphaned),
        key=lambda s: (s.end - s.start, s.start, s.id),
    )
