"""Spans as plain records, the shape shared by the JSON formats and the importers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.io.corpus import fields

if TYPE_CHECKING:
    from xzannot.io.corpus.span_table import SpanTable


@dataclass(frozen=True)
class SpanRecord:
    """A span read from a file: offsets into the record's text, and what is known of it."""

    start: int
    end: int
    label: str
    status: str | None = None
    annotator: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class TextRecord:
    """A text with spans on it, as read from a file; ``where`` names it in messages."""

    where: str
    text: str
    spans: SpanTable
    document: str | None = None  # a document title or id, when the file says
    page: int | None = None


def span_fields(span: SpanInfo) -> dict[str, Any]:
    """Every field of a span, as exported."""
    return {
        "id": span.id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.quote,
        "status": span.status.value,
        "annotator": span.annotator,
        "attributes": span.attributes,
        "note": span.note,
    }


def page_fields(page: CorpusPage) -> dict[str, Any]:
    """What identifies a page in an export."""
    return {
        "id": page.page_id,
        "document": page.document,
        "document_id": page.document_id,
        "source": page.source,
        "page": page.number,
        "printed_page": page.printed_page,
    }


def span_from_fields(item: Any, where: str, what: str = "a span") -> SpanRecord:
    """A span from its exported fields (:func:`span_fields`), each checked; ``what`` names
    the span in messages ("span 3")."""
    if not isinstance(item, dict):
        raise UserError(f"{where}: {what} is not an object (it is {fields.shown(item)})")
    return SpanRecord(
        fields.offset(item.get("start"), where, f"{what}'s start"),
        fields.offset(item.get("end"), where, f"{what}'s end"),
        fields.label(item.get("label"), where, f"{what}'s label"),
        status=fields.status(item.get("status"), where, f"{what}'s status"),
        annotator=fields.annotator(item.get("annotator"), where, f"{what}'s annotator"),
        attributes=fields.attributes(item.get("attributes"), where, f"{what}'s attributes"),
        note=fields.note(item.get("note"), where, f"{what}'s note"),
    )


def check_inside(spans: SpanTable, length: int, where: str, noun: str = "span") -> None:
    """That each span is at least one character of a text of ``length`` characters."""
    outside = spans.first_outside(length)
    if outside is not None:
        start, end = spans.starts[outside], spans.ends[outside]
        fields.extent(start, end, length, where, f"{noun} {outside + 1}")


def text_record(where: str, text: Any, spans: SpanTable, hints: dict[str, Any]) -> TextRecord:
    """A text with its spans, each inside it, and the document and page the file says it is
    from."""
    if not isinstance(text, str):
        raise UserError(f"{where}: its text is not text (it is {fields.shown(text)})")
    fields.storable(text, where, "its text")
    check_inside(spans, len(text), where)
    return TextRecord(
        where,
        text,
        spans,
        document=fields.document(hints.get("document"), where),
        page=fields.page_number(hints.get("page"), where),
    )
