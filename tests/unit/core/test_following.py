"""Spans carried through a chain at once land exactly where anchoring them through one edit
at a time puts them: places, orphans, and where each reshaping edit found them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xzannot.core.anchoring import anchor_many
from xzannot.core.edits import Edit
from xzannot.core.following import Followed, Tracked, follow_spans


def one_at_a_time(spans: list[Tracked], length: int, edits: list[Edit]) -> Followed:
    """The way spans followed edits before: every span anchored through every edit, two live
    spans of a label meeting on one place parted (the younger orphaned)."""
    out = Followed([(s.start, s.end) for s in spans], [False] * len(spans))
    alive = list(range(len(spans)))
    for number, edit in enumerate(edits):
        moved = anchor_many([out.places[i] for i in alive], length, edit)
        taken: set[tuple[int, int, int]] = set()
        still = []
        for i, anchored in zip(alive, moved, strict=True):
            place = anchored
            if anchored is not None and spans[i].claims:
                key = (*anchored, spans[i].label)
                place = None if key in taken else anchored
                taken.add(key)
            start, end = out.places[i]
            if place is None or place[1] - place[0] != end - start:
                out.changes.append((number, i, start, end))
            if place is None:
                out.orphaned[i] = True
            else:
                out.places[i] = place
                still.append(i)
        alive = still
        length += len(edit.replacement) - (edit.end - edit.start)
    return out


@st.composite
def chains(draw: st.DrawFn) -> tuple[int, list[Edit], list[Tracked]]:
    """A text's length, a chain of edits (often in runs from the end backwards, as the
    normalisation writes them; some moving characters) and spans on the text."""
    length = draw(st.integers(1, 30))
    edits: list[Edit] = []
    now = length
    for _ in range(draw(st.integers(0, 8))):
        top = edits[-1].start if edits and draw(st.booleans()) else now  # go on with a run
        start = draw(st.integers(0, top))
        end = draw(st.integers(start, min(top, start + 4)))
        replacement = draw(st.text(alphabet="xy", max_size=3))
        origins = None
        if draw(st.booleans()):
            pool = draw(st.permutations(list(range(start, end))))
            origins = tuple(
                pool[i] if i < len(pool) and draw(st.booleans()) else -1
                for i in range(len(replacement))
            )
        edits.append(Edit(start, end, replacement, origins))
        now += len(replacement) - (end - start)
    spans: list[Tracked] = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, length - 1))
        span = Tracked(start, draw(st.integers(start + 1, length)), draw(st.integers(0, 1)),
                       draw(st.booleans()))  # fmt: skip
        if not any(s.claims and span.claims and s == span for s in spans):  # the unique index
            spans.append(span)
    return length, edits, spans


@settings(max_examples=500)
@given(chains())
def test_spans_follow_a_chain_at_once_as_they_did_edit_by_edit(
    case: tuple[int, list[Edit], list[Tracked]],
) -> None:
    length, edits, spans = case
    assert follow_spans(spans, length, edits) == one_at_a_time(spans, length, edits)


def test_two_spans_meeting_inside_a_run_part_at_the_edit_where_they_meet() -> None:
    # a run of two edits, from the end backwards: the first stacks the spans, the second
    # shifts them both
    spans = [Tracked(2, 5, 0), Tracked(2, 7, 0), Tracked(6, 7, 1)]
    edits = [Edit(5, 7, ""), Edit(0, 1, "")]
    followed = follow_spans(spans, 10, edits)
    assert followed == one_at_a_time(spans, 10, edits)
    assert followed.orphaned == [False, True, True]
    assert followed.places == [(1, 4), (2, 7), (6, 7)]
    assert followed.changes == [(0, 1, 2, 7), (0, 2, 6, 7)]
