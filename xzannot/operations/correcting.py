"""Automatic corrections of a page, stored as edits a reviewer can see and revert.

The first time a page is shown or printed, its text is put into reading order
(from character boxes for a PDF page, by de-interleaving for a dumped text
layer) and normalised. Each step is stored as edits of its own kind ("reflow",
"radicals", "punctuation", "spacing"), so the original stays retrievable and
every correction can be explained.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from xzannot.core.boxes import unpack_boxes
from xzannot.core.dump import Deinterleaved, deinterleave
from xzannot.core.edits import Edit
from xzannot.core.layout import EdgeRows, edge_rows, page_layout
from xzannot.core.normalise import DEFAULT_RULES, EVIDENCE, normalise
from xzannot.core.pages import BOXED_SOURCES, TextSource
from xzannot.core.suspect import suspect_layer
from xzannot.operations.changes import NOTHING, OpChanges, on_pages
from xzannot.store.database import Project
from xzannot.store.documents import page_content
from xzannot.store.edits import add_edits
from xzannot.store.models import Page
from xzannot.store.neighbours import packed_neighbours
from xzannot.store.search_index import known_text
from xzannot.store.session import Session

AUTHOR = "xzannot"  # the annotator name automatic corrections are recorded under


@dataclass(frozen=True, slots=True)
class Correction:
    """What correcting a page did."""

    edits: int
    orphaned: int
    already: bool = False
    changes: OpChanges = NOTHING  # the page's text and edits, when corrections were stored
    text: str | None = None  # the page's text once corrected (None: corrected before)


def correct_page_in(
    session: Session, page_id: int, rules: Iterable[str] = DEFAULT_RULES
) -> Correction:
    """Correct a page once (in the caller's transaction); later calls change nothing."""
    page = session.get(Page, page_id)
    if page is None or page.corrected_at is not None:
        return Correction(0, 0, already=True)
    content = page_content(session, page_id)
    text = content.current
    edits: list[tuple[Edit, str]] = []
    furniture: list[str] = []
    separators: list[int] = []
    evidence = ""
    corrected = text
    if text.strip():
        if content.source in BOXED_SOURCES and any(b is not None for b in content.boxes):
            neighbours = [
                _edge_rows(other, blob, height)
                for other, blob, height in packed_neighbours(session, page_id)
            ]
            layout = page_layout(
                text, content.boxes, page.width, page.height, neighbours, rules=content.rules
            )
            reflowed, origins = layout.text, tuple(layout.origins)
            furniture = layout.furniture
            separators = layout.separators
            evidence = layout.evidence
        else:
            result = deinterleave(text)
            # de-interleaving keeps no character identities: moved text counts as new
            reflowed, origins = result.text, (-1,) * len(result.text)
            furniture = result.removed
            evidence = _dump_evidence(result)
        if reflowed != text:
            edits.append((Edit(0, len(text), reflowed, origins), "reflow"))
        corrected, tagged = normalise(reflowed, rules, keep=separators)
        edits.extend((t.edit, t.kind) for t in tagged)
    why = {**EVIDENCE, "reflow": evidence}  # what each correction acted on, for the reviewer
    added = (
        add_edits(session, page_id, edits, author=AUTHOR, evidence=why, return_ids=False)
        if edits
        else None
    )
    if added is not None:
        known_text(session, page_id, corrected)  # the search index folds it as it is
    page.furniture = furniture
    if page.suspect is None and content.source == TextSource.PDF.value:  # older projects
        page.suspect = suspect_layer(text, content.boxes, page.width, page.height)
    page.corrected_at = datetime.now(UTC)
    changed = on_pages([page_id], text=True, edits=True, spans=True) if edits else NOTHING
    return Correction(len(edits), added.orphaned if added else 0, changes=changed, text=corrected)


@lru_cache(maxsize=16)
def _edge_rows(text: str, blob: bytes, height: float) -> EdgeRows:
    """:func:`edge_rows` of a stored text layer, remembered: pages corrected in order share
    four of their neighbours, whose rows are then not made again (a pure function of the
    layer, so what is remembered is never stale)."""
    return tuple(edge_rows(text, unpack_boxes(blob), height))


def _dump_evidence(result: Deinterleaved) -> str:
    order = (
        "read the left column, then the right: each line of the dump held a line of each"
        if result.columns == 2
        else "kept the dump's order: one column"
    )
    taken = [f"took “{line}” out: the viewer's page title, page strip or a folio"
             for line in result.removed]  # fmt: skip
    return "; ".join([order, *taken])


def correct_page(project: Project, page_id: int) -> Correction:
    """Correct a page once, in its own transaction."""
    with project.transaction() as session:
        return correct_page_in(session, page_id)
