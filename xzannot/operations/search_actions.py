"""Acting on every hit of a search at once: labelling them, or correcting them.

Each action is one transaction, all or nothing, and checks each hit still reads as it did
when it was found (a page changed since is refused in words). Labelling stores spans (as
suggestions or accepted); correcting stores one edit of kind ``batch`` per hit, open for
review and revertable one by one like any correction, with spans following.
Both can be undone as one step: :func:`unlabel` and :func:`revert_replacements`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xzannot.core.edits import Edit, Review
from xzannot.core.search import fold
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.reviewing import revert_in
from xzannot.operations.search import Hit
from xzannot.operations.suggesting import project_rules
from xzannot.store.database import Project
from xzannot.store.edits import add_edits
from xzannot.store.export_reads import chunks, current_texts
from xzannot.store.session import Session
from xzannot.store.span_batches import add_spans, live_places, live_span_ids
from xzannot.store.spans import annotator_id, require_label, update_span

BATCH_KIND = "batch"
TARGET = "target"


@dataclass(frozen=True, slots=True)
class Labelled:
    """What labelling hits stored: the new spans' ids, and the hits already so labelled."""

    span_ids: list[int]
    already: int
    changes: OpChanges


@dataclass(frozen=True, slots=True)
class Replaced:
    """What correcting hits stored: the new edits' ids, by page."""

    edits: dict[int, list[int]]
    changes: OpChanges

    @property
    def count(self) -> int:
        """How many hits were corrected."""
        return sum(len(ids) for ids in self.edits.values())


def _by_page(hits: Iterable[Hit]) -> dict[int, list[Hit]]:
    pages: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        pages[hit.page_id].append(hit)
    return pages


def _checked(session: Session, pages: dict[int, list[Hit]]) -> dict[int, str]:
    """The pages' current texts, once each hit is seen to read there as it did."""
    texts: dict[int, str] = {}
    for chunk in chunks(sorted(pages)):
        texts.update(current_texts(session, chunk))
    for page_id, hits in pages.items():
        text = texts[page_id]
        for hit in hits:
            if hit.end > len(text) or fold(text[hit.start : hit.end]) != fold(hit.match):
                raise UserError(
                    f"“{hit.match.strip()}” is no longer at its place on a page (the page "
                    "changed since the search); search again: nothing was changed"
                )
    return texts


def label_hits(
    project: Project,
    hits: Sequence[Hit],
    label: str,
    annotator: str,
    *,
    status: SpanStatus = SpanStatus.SUGGESTED,
) -> Labelled:
    """Mark each hit with ``label`` (a hit already so marked is left as it is); the spans are
    stored a page at a time, in one statement each."""
    pages = _by_page(hits)
    made: list[int] = []
    already = 0
    with project.transaction() as session:
        label_id = require_label(session, label)
        who = annotator_id(session, annotator)
        grammar = project_rules(session).grammar if label == TARGET else None
        texts = _checked(session, pages)
        for page_id, page_hits in pages.items():
            held = live_places(session, page_id, label_id, who)
            places = sorted({(h.start, h.end) for h in page_hits} - held)
            already += len({(h.start, h.end) for h in page_hits} & held)
            quotes = [texts[page_id][start:end] for start, end in places]
            add_spans(session, [
                {"page_id": page_id, "start": start, "end": end, "label_id": label_id,
                 "quote": quote, "status": status.value, "annotator_id": who, "note": "",
                 "attributes": grammar.parse(quote) if grammar is not None else {}}
                for (start, end), quote in zip(places, quotes, strict=True)
            ])  # fmt: skip
            made += live_span_ids(session, page_id, label_id, who, places)
    return Labelled(made, already, on_pages(pages, spans=True))


def unlabel(project: Project, span_ids: Sequence[int], *, deleted: bool = True) -> OpChanges:
    """Delete the spans labelling hits made (undo), or bring them back (redo)."""
    pages: set[int] = set()
    with project.transaction() as session:
        for span_id in span_ids:
            pages.add(update_span(session, span_id, deleted=deleted).page_id)
    return on_pages(pages, spans=True)


def replace_hits(
    project: Project, hits: Sequence[Hit], replacement: str, annotator: str
) -> Replaced:
    """Replace each hit's characters with ``replacement``: one ``batch`` edit a hit, open
    for review. Hits that overlap an earlier hit on their page are left out."""
    pages = _by_page(hits)
    made: dict[int, list[int]] = {}
    with project.transaction() as session:
        _checked(session, pages)
        for page_id, page_hits in pages.items():
            edits = [Edit(h.start, h.end, replacement) for h in _apart(page_hits)]
            edits.reverse()  # from the end of the page: each edit's offsets still hold
            added = add_edits(
                session,
                page_id,
                [(edit, BATCH_KIND) for edit in edits],
                author=annotator,
                review=Review.OPEN,
                evidence={BATCH_KIND: f"replaced with “{replacement}” from a search"},
            )
            made[page_id] = added.ids
    return Replaced(made, on_pages(made, text=True, edits=True, spans=True))


def _apart(hits: Sequence[Hit]) -> list[Hit]:
    """The hits in text order, without those overlapping the one before."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if not kept or kept[-1].end <= hit.start:
            kept.append(hit)
    return kept


def revert_replacements(project: Project, edits: dict[int, list[int]], author: str) -> OpChanges:
    """Revert the edits a replacement made, on every page, in one transaction (undo)."""
    with project.transaction() as session:
        for page_id, edit_ids in edits.items():
            for edit_id in sorted(edit_ids, reverse=True):
                revert_in(session, page_id, edit_id, author)
    return on_pages(edits, text=True, edits=True, spans=True)
