"""Where each correction of a page stands in its current text, and how one is reverted.

A page's corrections are a chain of edits (:mod:`xzannot.core.edits`); each link says which
edit it reverts, if any. A correction is placed by following the characters it put in
through every later edit; a character a later edit took is found again where the revert
of that edit put its old text back. Reverting appends the inverse edit, moved to where the
correction's text stands now, and is possible only while that text is still together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xzannot.core.anchoring import map_boundary, track
from xzannot.core.edits import Edit, Review, apply_edit, follow, inverse
from xzannot.errors import UserError

CONTEXT = 6  # characters shown on each side of a correction
REVERT_KIND = "revert"  # the kind of the edit that reverts another


@dataclass(frozen=True, slots=True)
class Link:
    """One edit of a page's chain, as stored."""

    id: int
    seq: int
    kind: str
    review: Review
    edit: Edit
    reverts: int | None = None  # the id of the edit this one reverts
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class CorrectionInfo:
    """One edit as a reviewer sees it."""

    id: int
    seq: int
    kind: str
    review: Review
    before: str  # the text it replaced
    after: str  # the text it put in
    start: int  # where its text stands in the current text (-1 if changed since)
    end: int
    context: str  # a little of the current text around it
    evidence: str | None = None  # what an automatic correction acted on, in words


def texts_before(original: str, edits: Sequence[Edit]) -> list[str]:
    """The text before each edit, and the current text last."""
    texts = [original]
    for edit in edits:
        texts.append(apply_edit(texts[-1], edit))
    return texts


def _follow_point(links: Sequence[Link], index: int) -> int:
    """Where the point a deletion left stands now."""
    point = links[index].edit.start
    swallowed: list[tuple[int, int]] = []  # (id of an edit, offset in its range)
    for later in links[index + 1 :]:
        step = later.edit
        undone = [i for i, (link_id, _) in enumerate(swallowed) if link_id == later.reverts]
        if undone:  # the edit that swallowed the point is reverted: the point is back
            point = step.start + swallowed[undone[0]][1]
            del swallowed[undone[0] :]
            continue
        if step.start < point <= step.end:  # inside what this edit replaces
            swallowed.append((later.id, point - step.start))
        point = map_boundary(point, step)
    return point


def locate(texts: Sequence[str], links: Sequence[Link], index: int) -> list[int | None]:
    """Where the characters edit ``index`` put in stand now (None: changed since); for a
    deletion, the one point between characters where its text was.

    ``texts`` is :func:`texts_before` of the chain. A character a later edit took is
    found again where the revert of that edit put its old text back.
    """
    edit = links[index].edit
    if not edit.replacement:  # a deletion is a point between characters: follow the point
        return [_follow_point(links, index)]
    positions: list[int | None] = list(range(edit.start, edit.start + len(edit.replacement)))
    lost: dict[int, tuple[int, int]] = {}  # slot -> (id of the edit that took it, offset)
    for later in range(index + 1, len(links)):
        step = links[later].edit
        moved = track(positions, len(texts[later]), step)
        for slot, (old, new) in enumerate(zip(positions, moved, strict=True)):
            if old is not None and new is None:
                lost[slot] = (links[later].id, old - step.start)
        reverted = links[later].reverts
        for slot, (taken_by, offset) in list(lost.items()):
            if taken_by == reverted:
                moved[slot] = step.start + offset
                del lost[slot]
        positions = moved
    return positions


def _makers(original: str, edits: Sequence[Edit]) -> tuple[list[object], list[int | None]]:
    """Per character of the current text, the (edit index, offset) that put it in (None for
    an original character); and per edit, where the point of a deletion is now."""
    made_by: list[object] = [None] * len(original)
    points: list[int | None] = []
    for index, edit in enumerate(edits):
        made_by = follow(made_by, edit)
        for i in range(len(edit.replacement)):
            made_by[edit.start + i] = (index, i)
        points = [None if p is None else map_boundary(p, edit) for p in points]
        points.append(edit.start if not edit.replacement else None)
    return made_by, points


def place_corrections(original: str, links: Sequence[Link]) -> list[CorrectionInfo]:
    """Every edit of a page, oldest first, with where it stands in the current text.

    One pass: each character of the text carries the edit that put it in, so a
    page's hundreds of corrections are placed without tracking each separately.
    """
    edits = [link.edit for link in links]
    texts = texts_before(original, edits)
    current = texts[-1]
    made_by, points = _makers(original, edits)
    where: dict[int, list[int]] = {}
    for position, maker in enumerate(made_by):
        if maker is not None:
            where.setdefault(maker[0], []).append(position)  # type: ignore[index]
    out = []
    for index, link in enumerate(links):
        edit = link.edit
        start = end = -1
        if edit.replacement:
            found = where.get(index, [])
            if len(found) == len(edit.replacement) and found == list(
                range(found[0], found[0] + len(found))
            ):
                start, end = found[0], found[0] + len(found)
        elif points[index] is not None:
            start = end = points[index]  # type: ignore[assignment]
        lo, hi = (
            (max(0, start - CONTEXT), min(len(current), end + CONTEXT)) if start >= 0 else (0, 0)
        )
        out.append(
            CorrectionInfo(
                link.id,
                link.seq,
                link.kind,
                link.review,
                texts[index][edit.start : edit.end],
                edit.replacement,
                start,
                end,
                current[lo:hi],
                link.evidence,
            )
        )
    return out


def reverting_edit(original: str, links: Sequence[Link], edit_id: int) -> Edit:
    """The edit that reverts edit ``edit_id`` of the chain where its text stands now.

    Refused in words when the edit is not in the chain, is reverted already, or a later
    correction changed or split up its text (that one has to be reverted first).
    """
    index = next((i for i, link in enumerate(links) if link.id == edit_id), None)
    if index is None:
        raise UserError(f"correction {edit_id} is not on this page")
    link = links[index]
    if link.review == Review.REVERTED:
        raise UserError("that correction is already reverted")
    edit = link.edit
    texts = texts_before(original, [other.edit for other in links])
    located = locate(texts, links, index)
    here = [p for p in located if p is not None]
    if len(here) != len(located):
        raise UserError("a later correction changed this text; revert that one first")
    start = here[0]  # for a deletion: the point where its text was
    if here != list(range(start, start + len(edit.replacement))) and edit.replacement:
        raise UserError("this correction's text has been split up since; revert later ones first")
    back = inverse(texts[index], edit)  # undoes the edit where it was made...
    delta = start - edit.start  # ...moved to where its text stands now
    return Edit(
        back.start + delta,
        back.end + delta,
        back.replacement,
        tuple(o + delta if o >= 0 else -1 for o in back.origins or ()),
    )


def all_later_reverted(links: Sequence[Link], edit_id: int) -> bool:
    """Whether every edit after ``edit_id`` is a revert or reverted: the text is then again
    what it was before that edit, so spans it reshaped can go back exactly."""
    index = next(i for i, link in enumerate(links) if link.id == edit_id)
    return all(
        link.kind == REVERT_KIND or link.review == Review.REVERTED for link in links[index + 1 :]
    )
