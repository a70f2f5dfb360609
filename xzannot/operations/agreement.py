"""How far annotators agree: span F1, Cohen's κ and Krippendorff's α over the project's
labelled pages (the figures are those of ``xzannot.core.agreement``).

Only spans an annotator stands behind count: accepted, neither deleted nor orphaned, in the
annotator's own layer. The rules' suggestions, even once accepted, spans of no one and the
curated layer are nobody's answer; measured ``against`` the curated layer (``"curated"``),
its kept spans stand beside the annotators' as those of one more, named ``CURATED``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from xzannot.core.agreement import Agreement, Mark, PageDisagreement, PageMarks, measure
from xzannot.core.agreement import measure_by_document as measure_documents
from xzannot.core.curation import CURATED
from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.operations.suggesting import RULES_ANNOTATOR
from xzannot.store.agreement_reads import (
    answered_spans,
    curated_count,
    curated_spans,
    page_places,
    span_authors,
)
from xzannot.store.database import Project
from xzannot.store.documents import get_document
from xzannot.store.labels import list_labels
from xzannot.store.session import Session
from xzannot.store.spans import list_annotators

PAGE_RULE = (
    "a page counts for a pair of annotators when both have at least one accepted span on it; "
    "α counts every page two or more annotators marked, the others being missing there"
)
WORST = 10  # the pages that disagree most, listed
AGAINST_CURATED = ("curated", CURATED)  # what ``against`` may say for the curated layer


@dataclass(frozen=True)
class AgreementReport:
    """The figures of :func:`measure_agreement` and what they were measured on."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    against: str | None
    overall: Agreement  # every page chosen
    worst_pages: tuple[PageDisagreement, ...]  # most differing characters first
    pages: int  # the pages two annotators or more marked
    documents: dict[str, Agreement] = field(default_factory=dict)  # by title, when asked
    rule: str = PAGE_RULE


def measure_agreement(
    project: Project,
    *,
    labels: Sequence[str] | None = None,
    annotators: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    against: str | None = None,
    by_document: bool = False,
) -> AgreementReport:
    """The agreement of ``annotators`` (by default everyone with accepted spans) on
    ``labels`` (by default every label they used), over ``documents`` (id, title or file
    name; by default all); with ``against``, each annotator against that one only (against
    ``"curated"``, the curated layer, named ``CURATED`` in the report)."""
    if against in AGAINST_CURATED:
        against = CURATED
    with project.session() as session:
        chosen = _annotators(session, annotators, against)
        keys = _labels(session, labels)
        document_ids = [get_document(session, ref).id for ref in documents or ()]
        pages = _pages(session, chosen, document_ids)
    if labels is None:
        used = {m.label for page in pages for marks in page.marks.values() for m in marks}
        keys = [key for key in keys if key in used]
    overall = measure(pages, chosen, labels=keys, against=against)
    per_document = (
        measure_documents(pages, chosen, labels=keys, against=against) if by_document else {}
    )
    return AgreementReport(
        annotators=tuple(chosen),
        labels=tuple(keys),
        against=against,
        overall=overall,
        worst_pages=overall.pages[:WORST],
        pages=len(overall.pages),
        documents=per_document,
    )


def _annotators(session: Session, names: Sequence[str] | None, against: str | None) -> list[str]:
    """The annotators to measure, each checked; a UserError in words for a mistake."""
    authors = span_authors(session)
    authors.pop(RULES_ANNOTATOR, None)
    wanted = list(dict.fromkeys([*(names or sorted(authors)), *([against] if against else [])]))
    if against == CURATED:
        if not curated_count(session):
            raise UserError(
                "the curated layer holds no spans yet: there is nothing to measure against"
            )
        authors[CURATED] = 1  # the curated layer stands last, beside everyone
    everyone = set(list_annotators(session))
    for name in wanted:
        if name not in authors:
            held = ", ".join(sorted(authors)) or "none"
            why = "has no accepted spans" if name in everyone else "is not in the project"
            raise UserError(f"annotator {name!r} {why} (annotators with spans: {held})")
    if len(wanted) < 2:
        held = f"only {wanted[0]}" if wanted else "nobody"
        raise UserError(
            f"agreement needs at least two annotators with accepted spans; there is {held}"
        )
    return wanted


def _labels(session: Session, keys: Sequence[str] | None) -> list[str]:
    """The labels asked for (each checked), or all of the project's, in its order."""
    known = [label.key for label in list_labels(session)]
    if keys is None:
        return known
    for key in keys:
        if key not in known:
            raise UserError(f"the project has no label {key!r}; it has {', '.join(known)}")
    return list(dict.fromkeys(keys))


def _pages(
    session: Session, annotators: Sequence[str], document_ids: Sequence[int]
) -> list[PageMarks]:
    """Each page that two of ``annotators`` or more marked, with everyone's spans on it."""
    spans = answered_spans(session, [name for name in annotators if name != CURATED], document_ids)
    marks = _marks_by_page(spans)
    if CURATED in annotators:
        for page_id, kept in _marks_by_page(curated_spans(session, document_ids), CURATED).items():
            marks[page_id].update(kept)
    shared = [page_id for page_id, by_name in marks.items() if len(by_name) >= 2]
    places = page_places(session, shared)
    return [
        PageMarks(
            page_id,
            places[page_id].length,
            marks[page_id],
            document=places[page_id].document,
            number=places[page_id].number,
        )
        for page_id in shared
    ]


def _marks_by_page(
    spans: Iterable[SpanInfo], name: str | None = None
) -> dict[int, dict[str, list[Mark]]]:
    """Each page's marks by whose they are (all ``name``'s when given)."""
    found: dict[int, dict[str, list[Mark]]] = defaultdict(dict)
    for span in spans:
        who = name or span.annotator
        if who is not None:
            mark = Mark(span.start, span.end, span.label, span.attributes)
            found[span.page_id].setdefault(who, []).append(mark)
    return found
