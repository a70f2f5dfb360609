"""Curation: a curator merges the annotators' spans of a page into the curated layer, a unit
at a time (see ``xzannot.core.curation``): taking one annotator's version, rejecting them all,
or taking every unit they agree on at once.

Only a curator writes the curated layer. A stretch whose versions were all rejected keeps a
mark in the curated layer (a rejected span over it), so that it stays settled.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from xzannot.core.curation import Unit, marks, split, units
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.labelling import require_curator
from xzannot.operations.suggesting import RULES_ANNOTATOR
from xzannot.store import curation as store
from xzannot.store.database import Project
from xzannot.store.documents import current_text, get_document
from xzannot.store.session import Session
from xzannot.store.spans import create_span, update_span
from xzannot.store.team import page_statuses

REJECTED_NOTE = "rejected in curation"


@dataclass(frozen=True)
class CurationPage:
    """A page as a curator sees it: the units the annotators agree on, the others, and what
    the curated layer holds (kept spans; ``rejections``: the marks of rejected stretches)."""

    page_id: int
    annotators: list[str]  # who worked on the page, by name
    agreed: list[Unit]
    disagreed: list[Unit]
    curated: list[SpanInfo]
    rejections: list[SpanInfo] = field(default_factory=list)


def _workers(
    session: Session, page_id: int, answers: Iterable[SpanInfo], chosen: Sequence[str] | None
) -> list[str]:
    """Who worked on a page: who has answers there or has begun it (of ``chosen`` only)."""
    if chosen is not None:
        return sorted(dict.fromkeys(name.strip() for name in chosen))
    begun = {
        name
        for name, status in page_statuses(session, page_id).items()
        if status != PageStatus.TODO
    }
    found = {span.annotator for span in answers if span.annotator is not None} | begun
    found.discard(RULES_ANNOTATOR)
    return sorted(found)


def _read(
    session: Session, page_id: int, chosen: Sequence[str] | None = None
) -> tuple[CurationPage, list[SpanInfo]]:
    """A page's units, and its curated layer as stored (marks of rejection included)."""
    answers = store.answers(session, page_id)
    names = _workers(session, page_id, answers, chosen)
    by_name: dict[str, list[SpanInfo]] = {name: [] for name in names}
    for span in answers:
        if span.annotator in by_name:
            by_name[span.annotator].append(span)
    layer = store.curated(session, page_id)
    agreed, disagreed = split(units(page_id, by_name, layer))
    kept = [span for span in layer if span.status != SpanStatus.REJECTED]
    rejections = [span for span in layer if span.status == SpanStatus.REJECTED]
    return CurationPage(page_id, names, agreed, disagreed, kept, rejections), layer


def curation_page(
    project: Project, page_id: int, *, annotators: list[str] | None = None
) -> CurationPage:
    """A page's units (of ``annotators`` only, when given) and its curated layer."""
    with project.session() as session:
        return _read(session, page_id, annotators)[0]


def _settle(
    session: Session, unit: Unit, spans: Sequence[SpanInfo], curator: str, layer: list[SpanInfo]
) -> int:
    """The curated layer in ``unit`` becomes a copy of ``spans`` by ``curator`` (a mark of
    rejection when there are none); how many spans were copied."""
    for span in layer:
        if span.overlaps(unit.start, unit.end) and not span.deleted:
            update_span(session, span.id, version=span.version, deleted=True)
    for span in spans:
        create_span(
            session,
            page_id=span.page_id,
            start=span.start,
            end=span.end,
            label=span.label,
            quote=span.quote,
            annotator=curator,
            attributes=span.attributes,
            note=span.note,
            layer=SpanLayer.CURATED,
        )
    if not spans:
        labels = sorted({s.label for version in unit.versions.values() for s in version})
        if not labels:
            raise UserError("this stretch holds no spans; nothing to settle")
        create_span(
            session,
            page_id=unit.page_id,
            start=unit.start,
            end=unit.end,
            label=labels[0],
            quote=current_text(session, unit.page_id)[unit.start : unit.end],
            annotator=curator,
            status=SpanStatus.REJECTED,
            note=REJECTED_NOTE,
            layer=SpanLayer.CURATED,
        )
    return len(spans)


def _version_now(session: Session, page_id: int, unit: Unit, annotator: str) -> list[SpanInfo]:
    """``annotator``'s spans in ``unit`` as they are now; refused in words when they are no
    longer those the curator was shown."""
    if annotator not in unit.versions:
        raise UserError(f"{annotator} did not work on this page")
    now = [
        span
        for span in store.answers(session, page_id)
        if span.annotator == annotator and unit.start <= span.start and span.end <= unit.end
    ]
    if marks(now) != marks(unit.versions[annotator]):
        raise UserError(
            f"{annotator}'s spans here changed since they were shown; look at the page again"
        )
    return now


def take_version(
    project: Project, page_id: int, unit: Unit, annotator: str, curator: str
) -> OpChanges:
    """The curated layer in ``unit`` becomes a copy of ``annotator``'s spans there
    (attributes and notes included), by ``curator``."""
    with project.transaction() as session:
        require_curator(session, curator)
        spans = _version_now(session, page_id, unit, annotator)
        _settle(session, unit, spans, curator.strip(), store.curated(session, page_id))
    return on_pages([page_id], spans=True)


def reject_unit(project: Project, page_id: int, unit: Unit, curator: str) -> OpChanges:
    """The curated layer holds nothing in ``unit``; the stretch stays settled."""
    with project.transaction() as session:
        require_curator(session, curator)
        _settle(session, unit, [], curator.strip(), store.curated(session, page_id))
    return on_pages([page_id], spans=True)


def take_agreed(project: Project, page_ids: Iterable[int], curator: str) -> int:
    """Copy every agreed unit not yet settled of these pages into the curated layer, by
    ``curator`` (one transaction); how many spans were copied. Versions agree on places and
    labels: the attributes copied are those of the first annotator by name."""
    copied = 0
    with project.transaction() as session:
        require_curator(session, curator)
        for page_id in page_ids:
            page, layer = _read(session, page_id)
            for unit in page.agreed:
                if not unit.settled:
                    first = min(unit.versions)
                    copied += _settle(session, unit, unit.versions[first], curator.strip(), layer)
    return copied


def pages_to_curate(project: Project, *, document: str | int | None = None) -> list[int]:
    """The pages (of a document, or all) where two annotators or more have accepted spans,
    in document and page order."""
    with project.session() as session:
        document_id = None if document is None else get_document(session, document).id
        return store.shared_pages(session, document_id, RULES_ANNOTATOR)


def curated_layer(project: Project, page_ids: Sequence[int]) -> list[SpanInfo]:
    """The curated layer of the pages (kept spans and marks of rejection), one read."""
    with project.session() as session:
        return [span for page_id in page_ids for span in store.curated(session, page_id)]
