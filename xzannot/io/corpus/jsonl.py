"""JSON Lines: one record per page, readable by doccano's sequence-labelling importer.

Each record has ``text`` and ``label`` (``[[start, end, "target"], …]``, as doccano
reads it; rejected spans are no labels) and ``spans`` with every field. Reading accepts
these records, doccano's exports (``text`` + ``label``, or ``entities`` with
``start_offset``/``end_offset``) and its import examples (``column_data`` +
``column_label``).

doccano keeps ``spans`` as metadata and exports it again beside the ``label`` its users
edited: ``label`` then says which spans there are (the tool wins), and ``spans`` only adds
what doccano does not hold (status, annotator, attributes, note) to the labels it still
has unchanged, and keeps the rejected spans.

A file is read a line at a time and a line in pieces, its spans into a compact table an
item at a time (:mod:`xzannot.io.corpus.json_stream`), so a line of millions of spans
takes little more memory than its text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus import fields
from xzannot.io.corpus.json_stream import Cursor
from xzannot.io.corpus.records import (
    TextRecord,
    check_inside,
    page_fields,
    span_fields,
    span_from_fields,
    text_record,
)
from xzannot.io.corpus.span_sets import tool_wins
from xzannot.io.corpus.span_table import SpanTable

_TEXTS = ("text", "data", "column_data")  # the first of these a record has is its text
_LABELS = ("label", "labels", "column_label")  # doccano's spans: [start, end, label]


def write_jsonl(pages: Iterable[CorpusPage], out: TextIO) -> None:
    """One JSON object per line, UTF-8, non-ASCII kept as is."""
    for page in pages:
        record = {
            **page_fields(page),
            "text": page.text,
            "label": [
                [s.start, s.end, s.label] for s in page.spans if s.status is not SpanStatus.REJECTED
            ],
            "spans": [span_fields(s) for s in page.spans],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _triples(cursor: Cursor, where: str, length: int | None) -> SpanTable:
    """doccano's labels, ``[start, end, label]``; the usual ones checked quickly."""
    table = SpanTable()
    last = fields.BEYOND - 1 if length is None else length
    known, add = table.label_numbers, table.add
    for number, item in enumerate(cursor.items(), 1):
        if type(item) is list and len(item) == 3:
            start, end, name = item
            if (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= last
                and type(name) is str
                and name in known
            ):
                add(start, end, name)
                continue
        what = f"label {number}"
        if not isinstance(item, list) or len(item) != 3:
            raise UserError(
                f"{where}: {what} is not [start, end, label] (it is {fields.shown(item)})"
            )
        start = fields.offset(item[0], where, f"{what}'s start")
        end = fields.offset(item[1], where, f"{what}'s end")
        fields.extent(start, end, length, where, what)
        add(start, end, fields.label(item[2], where, f"{what}'s name"))
    return table


def _entities(cursor: Cursor, where: str, length: int | None) -> SpanTable:
    """doccano's entities, ``{"start_offset": …, "end_offset": …, "label": …}``."""
    table = SpanTable()
    for number, item in enumerate(cursor.items(), 1):
        what = f"entity {number}"
        if not isinstance(item, dict):
            raise UserError(f"{where}: {what} is not an object (it is {fields.shown(item)})")
        start = fields.offset(item.get("start_offset"), where, f"{what}'s start_offset")
        end = fields.offset(item.get("end_offset"), where, f"{what}'s end_offset")
        fields.extent(start, end, length, where, what)
        table.add(start, end, fields.label(item.get("label"), where, f"{what}'s label"))
    return table


def _ours(cursor: Cursor, where: str, length: int | None) -> SpanTable:
    """xzannot's spans, every field (as :func:`span_fields` writes them)."""
    table = SpanTable()
    for number, item in enumerate(cursor.items(), 1):
        span = span_from_fields(item, where, f"span {number}")
        fields.extent(span.start, span.end, length, where, f"span {number}")
        table.append(span)
    return table


_READERS: dict[str, Callable[[Cursor, str, int | None], SpanTable]] = {
    "spans": _ours,
    "entities": _entities,
    **dict.fromkeys(_LABELS, _triples),
}
_NOUNS = {"spans": "span", "entities": "entity", **dict.fromkeys(_LABELS, "label")}


def _record(cursor: Cursor, where: str) -> TextRecord:
    values: dict[str, Any] = {}
    tables: dict[str, SpanTable] = {}
    for key in cursor.members():
        if key in values or key in tables:
            raise UserError(f"{where}: {fields.shown(key)} is given twice")
        if key in _READERS and cursor.peek() == "[":
            body = next((values[k] for k in _TEXTS if k in values), None)
            tables[key] = _READERS[key](cursor, where, len(body) if isinstance(body, str) else None)
        else:
            values[key] = cursor.value()
    cursor.end()
    body_key = next((k for k in _TEXTS if k in values), None)
    if body_key is None:
        raise UserError(f"{where}: no 'text'")
    text = values[body_key]
    if not isinstance(text, str):
        raise UserError(f"{where}: '{body_key}' is not text (it is {fields.shown(text)})")
    for key in _READERS:
        if values.get(key) is not None:
            raise UserError(f"{where}: '{key}' is not a list (it is {fields.shown(values[key])})")
    ours = tables.get("spans")
    theirs_key = next((k for k in ("entities", *_LABELS) if k in tables), None)
    theirs = tables[theirs_key] if theirs_key else None
    if ours is not None:
        check_inside(ours, len(text), where, "span")
    if theirs is not None and theirs_key is not None:
        check_inside(theirs, len(text), where, _NOUNS[theirs_key])
    if ours is not None and theirs is not None:
        spans = tool_wins(ours, theirs)
    else:
        spans = ours if ours is not None else theirs if theirs is not None else SpanTable()
    return text_record(where, text, spans, values)


def iter_jsonl(stream: TextIO, name: str) -> Iterator[TextRecord]:
    """The records of a JSON Lines file, a line at a time (a line in pieces); a line that
    cannot be read is refused in words."""
    number = 0
    while True:
        number += 1
        where = f"{name}, line {number}"
        cursor = Cursor(stream.readline, where, line=True)
        first = cursor.peek()
        if not first:
            if cursor.read_nothing:
                return  # the end of the file
            continue  # a blank line
        if first != "{":
            found = cursor.value()
            cursor.end()
            raise UserError(f"{where}: not a JSON object (it is {fields.shown(found)})")
        yield _record(cursor, where)


def read_jsonl(text: str, name: str) -> list[TextRecord]:
    """The records of a JSON Lines file held in memory."""
    return list(iter_jsonl(io.StringIO(text, newline=None), name))
