"""Reviewing corrections: list them by kind, accept them, revert them, and correct by hand.

Reverting never rewrites history: it appends an edit that puts the old text
back (kind "revert") and marks the reverted edit so. A correction can be
reverted while its characters are still together in the current text; if a
later correction changed them, that one has to be reverted first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from xzannot.core.anchoring import map_boundary, track
from xzannot.core.edits import Edit, Review, apply_edit, follow, inverse, unpack_origins
from xzannot.errors import UserError
from xzannot.store.database import Project
from xzannot.store.documents import current_text
from xzannot.store.edits import add_edits, flush_span_moves
from xzannot.store.models import EditRow, PageText, Span, SpanChange

CONTEXT = 6  # characters shown on each side of a correction


@dataclass(frozen=True, slots=True)
class CorrectionInfo:
    """One edit as a reviewer sees it."""

    id: int
    seq: int
    kind: str
    review: str
    before: str  # the text it replaced
    after: str  # the text it put in
    start: int  # where its text stands in the current text (-1 if changed since)
    end: int
    context: str  # a little of the current text around it
    evidence: str | None = None  # what an automatic correction acted on, in words


def _chain(session: Session, page_id: int) -> tuple[str, list[EditRow], list[Edit]]:
    original = session.scalar(select(PageText.original).where(PageText.page_id == page_id)) or ""
    rows = list(
        session.scalars(select(EditRow).where(EditRow.page_id == page_id).order_by(EditRow.seq))
    )
    edits = [Edit(r.start, r.end, r.replacement, unpack_origins(r.origins)) for r in rows]
    return original, rows, edits


def _texts(original: str, edits: list[Edit]) -> list[str]:
    """The text before each edit, and the current text last."""
    texts = [original]
    for edit in edits:
        texts.append(apply_edit(texts[-1], edit))
    return texts


def _locate(
    texts: list[str], edits: list[Edit], rows: list[EditRow], index: int
) -> list[int | None]:
    """Where the characters edit ``index`` put in stand now (None: changed since).

    A character a later edit took is found again where the revert of that edit
    put its old text back.
    """
    edit = edits[index]
    if not edit.replacement:  # a deletion is a point between characters: follow the point
        point = edit.start
        swallowed: list[tuple[int, int]] = []  # (row id of an edit, offset in its range)
        for later in range(index + 1, len(edits)):
            step = edits[later]
            undone = [i for i, (row_id, _) in enumerate(swallowed) if row_id == rows[later].reverts]
            if undone:  # the edit that swallowed the point is reverted: the point is back
                point = step.start + swallowed[undone[0]][1]
                del swallowed[undone[0] :]
                continue
            if step.start < point <= step.end:  # inside what this edit replaces
                swallowed.append((rows[later].id, point - step.start))
            point = map_boundary(point, step)
        return [point]
    positions: list[int | None] = list(range(edit.start, edit.start + len(edit.replacement)))
    lost: dict[int, tuple[int, int]] = {}  # slot -> (row id of the edit that took it, offset)
    for later in range(index + 1, len(edits)):
        step = edits[later]
        moved = track(positions, len(texts[later]), step)
        for slot, (old, new) in enumerate(zip(positions, moved, strict=True)):
            if old is not None and new is None:
                lost[slot] = (rows[later].id, old - step.start)
        reverted = rows[later].reverts
        for slot, (taken_by, offset) in list(lost.items()):
            if taken_by == reverted:
                moved[slot] = step.start + offset
                del lost[slot]
        positions = moved
    return positions


def corrections(session: Session, page_id: int) -> list[CorrectionInfo]:
    """Every edit of a page, oldest first, with where it stands in the current text.

    One pass: each character of the text carries the edit that put it in, so a
    page's hundreds of corrections are placed without tracking each separately.
    """
    original, rows, edits = _chain(session, page_id)
    texts = _texts(original, edits)
    current = texts[-1]
    made_by: list[object] = [None] * len(original)  # per character: (edit index, offset)
    points: list[int | None] = []  # for deletions: where the point is now
    for index, edit in enumerate(edits):
        made_by = follow(made_by, edit)
        for i in range(len(edit.replacement)):
            made_by[edit.start + i] = (index, i)
        points = [None if p is None else map_boundary(p, edit) for p in points]
        points.append(edit.start if not edit.replacement else None)
    where: dict[int, list[int]] = {}
    for position, maker in enumerate(made_by):
        if maker is not None:
            where.setdefault(maker[0], []).append(position)  # type: ignore[index]
    out = []
    for index, (row, edit) in enumerate(zip(rows, edits, strict=True)):
        before = texts[index][edit.start : edit.end]
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
                row.id,
                row.seq,
                row.kind,
                row.review,
                before,
                edit.replacement,
                start,
                end,
                current[lo:hi],
                row.evidence,
            )
        )
    return out


def _revert_in(session: Session, page_id: int, edit_id: int, author: str) -> int:
    original, rows, edits = _chain(session, page_id)
    index = next((i for i, r in enumerate(rows) if r.id == edit_id), None)
    if index is None:
        raise UserError(f"correction {edit_id} is not on this page")
    row, edit = rows[index], edits[index]
    if row.review == Review.REVERTED:
        raise UserError("that correction is already reverted")
    texts = _texts(original, edits)
    located = _locate(texts, edits, rows, index)
    here = [p for p in located if p is not None]
    if len(here) != len(located):
        raise UserError("a later correction changed this text; revert that one first")
    start = here[0]  # for a deletion: the point where its text was
    if here != list(range(start, start + len(edit.replacement))) and edit.replacement:
        raise UserError("this correction's text has been split up since; revert later ones first")
    back = inverse(texts[index], edit)  # undoes the edit where it was made...
    delta = start - edit.start  # ...moved to where its text stands now
    undo = Edit(
        back.start + delta,
        back.end + delta,
        back.replacement,
        tuple(o + delta if o >= 0 else -1 for o in back.origins or ()),
    )
    added = add_edits(session, page_id, [(undo, "revert")], author=author, review=Review.ACCEPTED)
    new_row = session.get(EditRow, added.ids[0])
    assert new_row is not None
    new_row.reverts = row.id
    row.review = Review.REVERTED.value
    _restore_spans(session, page_id, rows, index)
    if row.reverts is not None:  # reverting a revert: the first edit stands again
        first = session.get(EditRow, row.reverts)
        if first is not None:
            first.review = Review.ACCEPTED.value
    return added.ids[0]


def _restore_spans(session: Session, page_id: int, rows: list[EditRow], index: int) -> None:
    """Spans whose shape edit ``index`` changed go back where they were before it.

    Exact when every later edit has been reverted too (reverting newest first),
    for then the text is again what it was before the edit. A span whose place another
    live span of its label now holds stays orphaned, for review.
    """
    later = rows[index + 1 :]
    if any(r.kind != "revert" and r.review != Review.REVERTED for r in later):
        return
    text = current_text(session, page_id)
    changes = list(session.scalars(select(SpanChange).where(SpanChange.edit_id == rows[index].id)))
    back = {c.span_id: (c.start, c.end) for c in changes if c.end <= len(text)}
    spans = list(session.scalars(select(Span).where(Span.page_id == page_id)))
    held = {  # the live spans that stay where they are
        (s.start, s.end, s.label_id)
        for s in spans
        if s.id not in back and not s.deleted and not s.orphaned
    }
    restored: list[Span] = []
    for span in sorted((s for s in spans if s.id in back), key=lambda s: s.id):
        start, end = back[span.id]
        if not span.deleted and (start, end, span.label_id) in held:
            continue
        span.start, span.end, span.orphaned = start, end, False
        span.quote = text[start:end]
        restored.append(span)
        if not span.deleted:
            held.add((start, end, span.label_id))
    for change in changes:
        session.delete(change)
    flush_span_moves(session, restored)


def revert(project: Project, page_id: int, edit_ids: list[int], author: str) -> list[int]:
    """Revert corrections (newest first, all or none); returns the ids of the revert edits."""
    with project.transaction() as session:
        seqs = dict(
            session.execute(select(EditRow.id, EditRow.seq).where(EditRow.id.in_(edit_ids))).all()
        )
        return [
            _revert_in(session, page_id, i, author)
            for i in sorted(edit_ids, key=lambda i: -seqs.get(i, 0))
        ]


def set_review(project: Project, edit_ids: list[int], review: Review) -> None:
    """Mark corrections accepted (or open again)."""
    with project.transaction() as session:
        for row in session.scalars(select(EditRow).where(EditRow.id.in_(edit_ids))):
            if row.review != Review.REVERTED:
                row.review = Review(review).value


class TextConflict(UserError):
    """The page's text changed elsewhere since the one a correction was typed on."""


def manual_edit(
    project: Project, page_id: int, edit: Edit, author: str, *, on: str | None = None
) -> int:
    """A correction typed by a person; returns its id. ``on`` is the text the person saw
    when typing: if the page's text is no longer that (someone else corrected it since),
    the edit's offsets would land in the wrong place, so it is refused and nothing stored."""
    with project.transaction() as session:
        if on is not None and current_text(session, page_id) != on:
            raise TextConflict(
                "this page's text was changed elsewhere since it was shown here; it has been "
                "reloaded, and your change was not stored: make it again"
            )
        return add_edits(
            session, page_id, [(edit, "manual")], author=author, review=Review.ACCEPTED
        ).ids[0]
