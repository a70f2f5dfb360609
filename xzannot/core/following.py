"""A page's spans carried through a chain of edits at once: where each ends up, which are
orphaned, and where each edit that changed a span's shape found it (for reverting).

The outcome is exactly that of anchoring every span through every edit in turn
(:func:`xzannot.core.anchoring.anchor_many`), with two live spans of one label that come to
cover the same characters parted (the younger orphaned). It is reached a run of edits at a
time (:func:`xzannot.core.edits.edit_runs`): within a run each edit lies wholly before the one
before it, so a span is anchored only through the edits that reach into it and shifted once
past all those before it. A page's hundreds of normalisation edits then cost a look-up per
span, not a pass over every span per edit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from xzannot.core.anchoring import anchor_spans
from xzannot.core.edits import Edit, edit_runs

Place = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Tracked:
    """A span as it stands before the edits: its place, its label, and whether it claims
    its place (a live span does; a deleted one does not)."""

    start: int
    end: int
    label: Hashable  # what two spans claiming one place may not share (a label, a layer)
    claims: bool = True


@dataclass(slots=True)
class Followed:
    """Where spans went: each one's place (an orphan keeps the place it had before the edit
    that took its last character), which were orphaned, and for every edit that changed a
    span's shape, ``(edit number in the chain from 0, span index, start, end)`` of where the
    span stood before it."""

    places: list[Place]
    orphaned: list[bool]
    changes: list[tuple[int, int, int, int]] = field(default_factory=list)


def follow_spans(spans: Sequence[Tracked], length: int, edits: Sequence[Edit]) -> Followed:
    """``spans`` (oldest first: the younger of two that meet is orphaned) of a
    ``length``-character text carried through ``edits`` in order."""
    out = Followed([(s.start, s.end) for s in spans], [False] * len(spans))
    alive = list(range(len(spans)))
    number = 0
    for run in edit_runs(edits):
        if not alive:
            break
        if run[0].end > length:
            raise ValueError(f"edit past the end of a {length}-char text")
        if not _follow_run(spans, run, number, alive, out):
            _follow_each(spans, run, number, alive, out)  # two spans met: an edit at a time
        alive = [i for i in alive if not out.orphaned[i]]
        length += sum(len(e.replacement) - (e.end - e.start) for e in run)
        number += len(run)
    return out


def _follow_run(
    spans: Sequence[Tracked], run: list[Edit], number: int, alive: list[int], out: Followed
) -> bool:
    """One run: each span anchored through the edits reaching into it, in the chain's order,
    then shifted past those before it. False (and ``out`` untouched) when two claiming
    spans of one label would meet, for the edit-at-a-time pass to settle."""
    rising = run[::-1]  # edits left to right
    starts, ends = [e.start for e in rising], [e.end for e in rising]
    shift = [0, *accumulate(len(e.replacement) - (e.end - e.start) for e in rising)]
    reach: dict[int, list[int]] = {}
    first: dict[int, int] = {}
    for i in alive:
        start, end = out.places[i]
        low, high = bisect_right(ends, start), bisect_left(starts, end)
        first[i] = low
        for k in range(low, high):
            reach.setdefault(k, []).append(i)
    places = {i: out.places[i] for i in alive}
    lost: dict[int, int] = {}  # span -> the edit (left-to-right index) that took its last char
    changes: list[tuple[int, int, int, int]] = []
    for k in sorted(reach, reverse=True):  # the chain's order
        members = [i for i in reach[k] if i not in lost]
        moved = anchor_spans([places[i] for i in members], rising[k])
        for i, place in zip(members, moved, strict=True):
            start, end = places[i]
            if place is None or place[1] - place[0] != end - start:
                changes.append((number + len(run) - 1 - k, i, start, end))
            if place is None:
                lost[i] = k
            else:
                places[i] = place
    for i in alive:
        if i not in lost:
            start, end = places[i]
            places[i] = (start + shift[first[i]], end + shift[first[i]])
    if _meet(spans, places, lost):
        return False
    for i, place in places.items():
        out.places[i] = place
        out.orphaned[i] = i in lost
    out.changes.extend(sorted(changes))
    return True


def _meet(spans: Sequence[Tracked], places: dict[int, Place], lost: dict[int, int]) -> bool:
    """Whether two claiming spans of one label came to cover the same characters in the run
    (they then move as one: they share their place at its end, or the edit that orphaned
    them and the place they had before it)."""
    keys = Counter(
        (place, spans[i].label, lost.get(i, -1)) for i, place in places.items() if spans[i].claims
    )
    return any(count > 1 for count in keys.values())


def _follow_each(
    spans: Sequence[Tracked], run: list[Edit], number: int, alive: list[int], out: Followed
) -> None:
    """One run an edit at a time, parting spans that meet."""
    live = list(alive)
    for offset, edit in enumerate(run):
        moved = anchor_spans([out.places[i] for i in live], edit)
        taken: set[tuple[int, int, Hashable]] = set()
        still: list[int] = []
        for i, anchored in zip(live, moved, strict=True):  # oldest first
            place = anchored
            if anchored is not None and spans[i].claims:
                key = (*anchored, spans[i].label)
                if key in taken:
                    place = None  # the younger of two on the same characters
                taken.add(key)
            start, end = out.places[i]
            if place is None or place[1] - place[0] != end - start:
                out.changes.append((number + offset, i, start, end))
            if place is None:
                out.orphaned[i] = True
            else:
                out.places[i] = place
                still.append(i)
        live = still
