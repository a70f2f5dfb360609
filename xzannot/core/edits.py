"""Edits on a page's original text, and the current text they produce.

A page keeps its original text for ever; every correction is an :class:`Edit`
(replace ``original[start:end]`` in the text as it stood before the edit with
``replacement``). Edits apply in sequence, so the current text is the original
with each edit applied in turn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (offsets in code points)."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid edit range {self.start}..{self.end}")


def apply_edit(text: str, edit: Edit) -> str:
    """Apply one edit; the range must lie inside the text."""
    if edit.end > len(text):
        raise ValueError(f"edit {edit.start}..{edit.end} past the end of a {len(text)}-char text")
    return text[: edit.start] + edit.replacement + text[edit.end :]


def apply_edits(original: str, edits: Iterable[Edit]) -> str:
    """The text after applying ``edits`` to ``original`` in order."""
    text = original
    for edit in edits:
        text = apply_edit(text, edit)
    return text
