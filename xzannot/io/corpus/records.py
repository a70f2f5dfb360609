"""Spans as plain records, the shape shared by the JSON formats and the importers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError


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


_LARGEST_OFFSET = 1 << 31  # no page is longer than this


def offset(value: Any, where: str) -> int:
    """A character offset read from a file (a whole number), or the reason it is not."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError(f"{where}: an offset is not a whole number ({str(value)[:20]!r})")
    if not 0 <= value < _LARGEST_OFFSET:
        raise UserError(f"{where}: an offset is out of range ({str(value)[:20]}…)")
    return value


def text_field(item: dict[str, Any], key: str, where: str, *, needed: bool = False) -> str | None:
    """A field that must be text (or absent, unless ``needed``), or the reason it is not."""
    value = item.get(key)
    if value is None and not needed:
        return None
    if not isinstance(value, str) or (needed and not value):
        raise UserError(f"{where}: a span's {key} is not text ({str(value)[:30]!r})")
    return value


def span_from_fields(item: Any, where: str) -> SpanRecord:
    """A span from its exported fields (:func:`span_fields`); a bad one refused in words."""
    if not isinstance(item, dict):
        raise UserError(f"{where}: a span is not an object")
    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise UserError(f"{where}: a span's attributes are not an object")
    return SpanRecord(
        offset(item.get("start"), where),
        offset(item.get("end"), where),
        text_field(item, "label", where, needed=True) or "",
        status=text_field(item, "status", where),
        annotator=text_field(item, "annotator", where),
        attributes=dict(attributes),
        note=text_field(item, "note", where) or "",
    )


def text_record(
    where: str, text: str, spans: Iterable[SpanRecord], hints: dict[str, Any]
) -> TextRecord:
    """A text with its spans, and the document and page the file says it is from."""
    page, document = hints.get("page"), hints.get("document")
    return TextRecord(
        where,
        text,
        tuple(spans),
        document=str(document) if document is not None else None,
        page=page if isinstance(page, int) and not isinstance(page, bool) else None,
    )
