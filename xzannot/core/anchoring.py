"""Spans following edits: they keep the characters they cover, wherever those go.

A span covers a set of characters. After an edit, it runs from the first to the
last of those characters that still exist; if none does, it is orphaned (listed
for review, never dropped). Because characters keep their identity through
edits that carry origins, undoing every edit brings every span back exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from xzannot.core.edits import Edit, replacement_origins


def anchor(start: int, end: int, length: int, edit: Edit) -> tuple[int, int] | None:
    """Where ``[start, end)`` of a ``length``-character text lies after ``edit``, or None."""
    return anchor_many([(start, end)], length, edit)[0]


def anchor_many(
    spans: list[tuple[int, int]], length: int, edit: Edit
) -> list[tuple[int, int] | None]:
    """:func:`anchor` for many spans at once.

    Characters before the edit stay, those after it shift by the change in length, and
    only the replaced range is looked up: the cost follows the edit and the spans, not
    the length of the page.
    """
    if not spans:
        return []
    if edit.end > length:
        raise ValueError(f"edit {edit.start}..{edit.end} past the end of a {length}-char text")
    return anchor_spans(spans, edit)


def anchor_spans(spans: Sequence[tuple[int, int]], edit: Edit) -> list[tuple[int, int] | None]:
    """:func:`anchor_many` for an edit already known to lie within the text."""
    delta = len(edit.replacement) - (edit.end - edit.start)
    kept: dict[int, int] | None = None  # built once, and only when a span reaches into the edit
    out: list[tuple[int, int] | None] = []
    for start, end in spans:
        if end <= edit.start:  # wholly before the edit
            out.append((start, end))
            continue
        if start >= edit.end:
            out.append((start + delta, end + delta))  # wholly after it
            continue
        if kept is None:
            kept = {o: edit.start + i for i, o in enumerate(replacement_origins(edit)) if o >= 0}
        found: list[int] = []
        if start < edit.start:
            found += (start, min(end, edit.start) - 1)
        if end > edit.end:
            found += (max(start, edit.end) + delta, end - 1 + delta)
        found += (kept[o] for o in range(max(start, edit.start), min(end, edit.end)) if o in kept)
        out.append((min(found), max(found) + 1) if found else None)
    return out


def track(positions: list[int | None], length: int, edit: Edit) -> list[int | None]:
    """Where characters at ``positions`` of a ``length``-character text are after ``edit``.

    None for a character the edit replaced or deleted (and stays None). Cheap for
    edits without origins; an edit with origins is looked up through its map.
    """
    delta = len(edit.replacement) - (edit.end - edit.start)
    if edit.origins is not None:
        where = {o: edit.start + i for i, o in enumerate(edit.origins) if o >= 0}
    out: list[int | None] = []
    for p in positions:
        if p is None:
            out.append(None)
        elif p < edit.start:
            out.append(p)
        elif p >= edit.end:
            out.append(p + delta)
        elif edit.origins is not None:
            out.append(where.get(p))
        else:
            i = p - edit.start
            out.append(edit.start + i if i < len(edit.replacement) else None)
    return out


def map_boundary(position: int, edit: Edit) -> int:
    """Where a point between characters lies after ``edit`` (inside a replaced range: its start)."""
    if position <= edit.start:
        return position
    if position >= edit.end:
        return position + len(edit.replacement) - (edit.end - edit.start)
    return edit.start
