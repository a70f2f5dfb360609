"""Curation: the annotators' spans of a page grouped into units a curator settles one by one.

A *unit* is a stretch of text where spans of one or more annotators overlap one another
(overlap is followed from span to span, so a chain of overlapping spans is one unit). In a
unit each annotator who worked on the page has a *version*: their spans there, perhaps none.
A unit is *agreed* when two annotators or more worked on the page and every version holds the
same spans (place and label); otherwise a curator chooses a version, or rejects them all. A
unit is *settled* once the curated layer covers it (a kept span, or the mark of a rejection).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from xzannot.core.spans import SpanInfo
from xzannot.core.team import place

CURATED = "(curated)"  # the curated layer, where it stands beside the annotators (agreement)
AGREED_FROM = 2  # a unit agrees only when at least this many annotators worked on the page


@dataclass(frozen=True)
class Unit:
    """A stretch ``[start, end)`` of a page and each annotator's spans in it."""

    page_id: int
    start: int
    end: int
    versions: dict[str, list[SpanInfo]] = field(default_factory=dict)
    settled: bool = False

    @property
    def agreed(self) -> bool:
        """Whether every annotator who worked on the page marked the same spans here."""
        return agrees(self.versions)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the unit shares at least one character with ``[start, end)``."""
        return self.start < end and start < self.end


def marks(spans: Iterable[SpanInfo]) -> frozenset[tuple[int, int, str]]:
    """Spans as places and labels, what versions are compared on."""
    return frozenset(map(place, spans))


def agrees(versions: Mapping[str, Sequence[SpanInfo]]) -> bool:
    """Whether two versions or more are all alike (place and label)."""
    if len(versions) < AGREED_FROM:
        return False
    return len({marks(spans) for spans in versions.values()}) == 1


def stretches(spans: Iterable[SpanInfo]) -> list[tuple[int, int]]:
    """The stretches covered by chains of overlapping spans, in text order."""
    found: list[tuple[int, int]] = []
    for start, end in sorted((span.start, span.end) for span in spans):
        if found and start < found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], end))
        else:
            found.append((start, end))
    return found


def units(
    page_id: int,
    spans: Mapping[str, Sequence[SpanInfo]],
    curated: Sequence[SpanInfo] = (),
) -> list[Unit]:
    """The units of a page, in text order.

    ``spans``: each annotator who worked on the page and their spans there (an empty list
    for one who marked nothing); ``curated``: the curated layer's spans (kept or rejected),
    which settle the units they overlap.
    """
    every = [span for own in spans.values() for span in own]
    found: list[Unit] = []
    for start, end in stretches(every):
        versions = {
            name: sorted(
                (s for s in own if start <= s.start and s.end <= end),
                key=lambda s: (s.start, -s.end, s.label, s.id),
            )
            for name, own in spans.items()
        }
        settled = any(span.overlaps(start, end) for span in curated)
        found.append(Unit(page_id, start, end, versions, settled))
    return found


def split(found: Iterable[Unit]) -> tuple[list[Unit], list[Unit]]:
    """The agreed units and the others."""
    agreed: list[Unit] = []
    disagreed: list[Unit] = []
    for unit in found:
        (agreed if unit.agreed else disagreed).append(unit)
    return agreed, disagreed
