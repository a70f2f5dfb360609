"""Spans as plain records, the shape shared by the JSON formats and the importers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo


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
    spans: tuple[SpanRecord, ...]
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
