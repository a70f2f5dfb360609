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
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.records import (
    SpanRecord,
    TextRecord,
    offset,
    page_fields,
    span_fields,
    span_from_fields,
    text_field,
    text_record,
)


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


def _spans(record: dict[str, Any], where: str) -> list[SpanRecord]:
    ours = _our_spans(record, where)
    labelled = _labelled(record, where)
    if ours is None or labelled is None:
        return ours or labelled or []
    # the tool wins: its labels are the spans; ours add fields to those it left unchanged
    left = Counter((s.start, s.end, s.label) for s in labelled)
    kept = []
    for span in ours:
        key = (span.start, span.end, span.label)
        if span.status == SpanStatus.REJECTED.value:
            kept.append(span)  # never a label: kept as ours say
        elif left[key] > 0:
            left[key] -= 1
            kept.append(span)
    added = [s for s in labelled if left[(s.start, s.end, s.label)] > 0]
    for span in added:
        left[(span.start, span.end, span.label)] -= 1
    return kept + added


def _our_spans(record: dict[str, Any], where: str) -> list[SpanRecord] | None:
    if isinstance(record.get("spans"), list):
        return [span_from_fields(item, where) for item in record["spans"]]
    return None


def _labelled(record: dict[str, Any], where: str) -> list[SpanRecord] | None:
    if isinstance(record.get("entities"), list):  # doccano's relation-extraction shape
        return [
            SpanRecord(
                offset(e.get("start_offset"), where),
                offset(e.get("end_offset"), where),
                text_field(e, "label", where, needed=True) or "",
            )
            for e in record["entities"]
            if isinstance(e, dict)
        ]
    key = next((k for k in ("label", "labels", "column_label") if k in record), None)
    if key is None:
        return None
    labels: Any = record[key]
    if not isinstance(labels, list):
        raise UserError(f"{where}: 'label' is not a list")
    spans = []
    for item in labels:
        if not isinstance(item, list) or len(item) != 3:
            raise UserError(f"{where}: a label is not [start, end, label]")
        if not isinstance(item[2], str) or not item[2]:
            raise UserError(f"{where}: a label is not text ({str(item[2])[:30]!r})")
        spans.append(SpanRecord(offset(item[0], where), offset(item[1], where), item[2]))
    return spans


def read_jsonl(text: str, name: str) -> list[TextRecord]:
    """The records of a JSON Lines file; a line that cannot be read is refused in words."""
    records: list[TextRecord] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{where}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise UserError(f"{where}: not a JSON object")
        body = next((record[k] for k in ("text", "data", "column_data") if k in record), None)
        if not isinstance(body, str):
            raise UserError(f"{where}: no 'text'")
        records.append(text_record(where, body, _spans(record, where), record))
    return records
