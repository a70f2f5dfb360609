"""Edits on a page's original text, and the current text they produce.

A page keeps its original text for ever; every correction is an :class:`Edit`
(replace ``text[start:end]``, in the text as it stood before the edit, with
``replacement``). Edits apply in sequence, so the current text is the original
with each edit applied in turn.

An edit may say where each character of its replacement came from
(``origins``: an index into the text before the edit, or -1 for a new
character). Reflowing a page into reading order is one such edit: it moves
characters rather than retyping them, so their boxes and the spans on them
follow. An edit without origins keeps characters one for one from the start of
the range it replaces (typing over a misread character keeps its box).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Review(StrEnum):
    """Where an edit stands with reviewers: an automatic correction is open until someone
    accepts or reverts it; a person's own edit is accepted as made."""

    OPEN = "open"
    ACCEPTED = "accepted"
    REVERTED = "reverted"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets in code points)."""

    start: int
    end: int
    replacement: str
    origins: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")
        if self.origins is not None and len(self.origins) != len(self.replacement):
            raise ValueError("an edit needs one origin per replacement character")


def apply_edit(text: str, edit: Edit) -> str:
    """Apply one edit; the range must lie inside the text."""
    if edit.end > len(text):
        raise ValueError(f"edit {edit.start}..{edit.end} past the end of a {len(text)}-char text")
    return text[: edit.start] + edit.replacement + text[edit.end :]


def edit_runs(edits: Iterable[Edit]) -> Iterator[list[Edit]]:
    """The chain cut into runs of edits that each lie wholly before the one before it.

    Within such a run every edit's offsets hold in the text the run started from (the
    normalisation writes each rule's edits so, from the end backwards), so a run applies
    in one pass: a page's thousands of small edits cost one copy of the text, not one each.
    """
    run: list[Edit] = []
    for edit in edits:
        if run and edit.end > run[-1].start:
            yield run
            run = []
        run.append(edit)
    if run:
        yield run


def apply_edits(original: str, edits: Iterable[Edit]) -> str:
    """The text after applying ``edits`` to ``original`` in order."""
    text = original
    for run in edit_runs(edits):
        if len(run) == 1:
            text = apply_edit(text, run[0])
            continue
        if run[0].end > len(text):
            raise ValueError(f"edit past the end of a {len(text)}-char text")
        pieces, position = [], 0
        for edit in reversed(run):  # left to right
            pieces.append(text[position : edit.start])
            pieces.append(edit.replacement)
            position = edit.end
        pieces.append(text[position:])
        text = "".join(pieces)
    return text


def replacement_origins(edit: Edit) -> list[int]:
    """Where each replacement character came from (explicit, or one for one from ``start``)."""
    if edit.origins is not None:
        return list(edit.origins)
    replaced = edit.end - edit.start
    return [edit.start + i if i < replaced else -1 for i in range(len(edit.replacement))]


def origin_map(length: int, edit: Edit) -> list[int]:
    """For every character after the edit: its index before the edit, or -1 if it is new."""
    return [
        *range(edit.start),
        *replacement_origins(edit),
        *range(edit.end, length),
    ]


def inverse(before: str, edit: Edit) -> Edit:
    """The edit that undoes ``edit`` on the text it produced, carrying characters back."""
    new_position = {
        origin: edit.start + i for i, origin in enumerate(replacement_origins(edit)) if origin >= 0
    }
    old = before[edit.start : edit.end]
    origins = tuple(new_position.get(edit.start + i, -1) for i in range(len(old)))
    return Edit(edit.start, edit.start + len(edit.replacement), old, origins)


def follow(values: Sequence[object], edit: Edit, fill: object = None) -> list[object]:
    """A per-character list (boxes, identities) carried through an edit.

    Only the replaced range is built element by element; the rest is sliced, so a
    page's hundreds of small normalisation edits stay cheap.
    """
    middle = [values[o] if o >= 0 else fill for o in replacement_origins(edit)]
    return [*values[: edit.start], *middle, *values[edit.end :]]


def follow_all(
    values: Sequence[object], edits: Iterable[Edit], fill: object = None
) -> list[object]:
    """:func:`follow` through a chain of edits, a run in one pass (see :func:`edit_runs`).

    An edit without origins that puts in as many characters as it takes out (typing over,
    one for one: a page's hundreds of normalisation edits) carries every value where it was,
    and is passed over; the others of a run are spliced in from the end backwards, each
    reading the list the run started from.
    """
    current = list(values)
    for run in edit_runs(edits):
        if run[0].end > len(current):  # the run does not fit: spliced whole, as it fails
            current = _follow_run(current, run, fill)
            continue
        moving = [
            edit
            for edit in run
            if edit.origins is not None or len(edit.replacement) != edit.end - edit.start
        ]
        if not moving:
            continue
        before = current if len(moving) == 1 else current[:]  # read before any splice
        for edit in moving:
            origins = replacement_origins(edit) if edit.origins is None else edit.origins
            current[edit.start : edit.end] = [before[o] if o >= 0 else fill for o in origins]
    return current


def _follow_run(current: list[object], run: list[Edit], fill: object) -> list[object]:
    """One run of :func:`follow_all` in one pass, every edit of it spliced in."""
    out: list[object] = []
    position = 0
    for edit in reversed(run):
        out.extend(current[position : edit.start])
        out.extend(current[o] if o >= 0 else fill for o in replacement_origins(edit))
        position = edit.end
    out.extend(current[position:])
    return out


def pack_origins(origins: Sequence[int] | None) -> bytes | None:
    """Origins stored compactly: little-endian int32 per character (None stays None)."""
    if origins is None:
        return None
    values = array("i", origins)
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def unpack_origins(blob: bytes | None) -> tuple[int, ...] | None:
    """Inverse of :func:`pack_origins`."""
    if blob is None:
        return None
    values = array("i")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return tuple(values)
