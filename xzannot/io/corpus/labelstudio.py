"""Label Studio: a JSON list of tasks for its named-entity template, and reading back
the tasks Label Studio exports.

Accepted spans are ``annotations`` (one per annotator), suggestions are ``predictions``
(as pre-annotations are); rejected spans are no regions. ``completed_by`` is left out:
Label Studio wants one of its users there (an id or e-mail) and refuses the whole import
for a name, so it records the user who imports. What Label Studio cannot hold (each span's
annotator, status, attributes and note) travels in the task's data, which Label Studio
keeps as given, under ``xzannot`` by the region's id. Offsets are code points, as Label
Studio stores them. A labelling configuration for the project's labels is written beside
the tasks (``<name>.config.xml``).

Reading back, Label Studio's regions are the spans (the tool wins): a region still as it
was exported gets its fields back from the task's data; one drawn or changed there is taken
as Label Studio has it, with the user who made it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from json.encoder import encode_basestring
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from xzannot.core.corpus import CorpusPage
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus import fields
from xzannot.io.corpus.json_stream import Cursor
from xzannot.io.corpus.records import (
    SpanRecord,
    TextRecord,
    page_fields,
    span_fields,
    span_from_fields,
    text_record,
)
from xzannot.io.corpus.span_table import SpanTable

KEY = "xzannot"  # where a task's data holds what Label Studio cannot


def _result(span: SpanInfo) -> dict[str, Any]:
    return {
        "id": f"xz{span.id}",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "prediction" if span.status is SpanStatus.SUGGESTED else "manual",
        "value": {
            "start": span.start,
            "end": span.end,
            "text": span.quote,
            "labels": [span.label],
        },
        "meta": {"text": [span.note]} if span.note else {},
    }


def task(page: CorpusPage) -> dict[str, Any]:
    """One page as a Label Studio task."""
    by_annotator: dict[str, list[dict[str, Any]]] = {}
    predictions: list[dict[str, Any]] = []
    for span in page.spans:
        if span.status is SpanStatus.ACCEPTED:
            by_annotator.setdefault(span.annotator or "", []).append(_result(span))
        elif span.status is SpanStatus.SUGGESTED:
            predictions.append(_result(span))
    data = {"text": page.text, **{k: v for k, v in page_fields(page).items() if k != "id"}}
    data[KEY] = {
        "spans": {
            f"xz{s.id}": {k: v for k, v in span_fields(s).items() if k not in ("id", "text")}
            for s in page.spans
        }
    }
    out: dict[str, Any] = {"id": page.page_id, "data": data}
    out["annotations"] = [{"result": results} for _, results in sorted(by_annotator.items())]
    if predictions:
        out["predictions"] = [{"model_version": "xzannot rules", "result": predictions}]
    return out


def write_labelstudio(pages: Iterable[CorpusPage], out: TextIO) -> None:
    """The task list, pretty-printed UTF-8 JSON (as ``json.dump(…, indent=1)`` writes the
    list of :func:`task`), written a task at a time."""
    written = False
    for page in pages:
        out.write(",\n" if written else "[\n")
        out.write(_task_text(page))
        written = True
    out.write("\n]\n" if written else "[]\n")


# Label Studio files hold a region per span: the regions, and the fields of each span kept in
# the task's data, are written from templates (the standard library's indenting encoder is
# pure Python, token by token); anything of free shape goes through json.dumps.
_STRING = encode_basestring


def _nested(value: Any, depth: int) -> str:
    """A value as ``json.dumps(…, indent=1)`` writes it where its key is ``depth`` deep."""
    if not value and isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def _result_text(span: SpanInfo) -> str:
    """:func:`_result`, five deep (an item of a ``result`` list)."""
    origin = "prediction" if span.status is SpanStatus.SUGGESTED else "manual"
    meta = (
        f'{{\n       "text": [\n        {_STRING(span.note)}\n       ]\n      }}'
        if span.note
        else "{}"
    )
    return (
        f'     {{\n      "id": "xz{span.id}",\n      "from_name": "label",\n'
        '      "to_name": "text",\n      "type": "labels",\n'
        f'      "origin": "{origin}",\n      "value": {{\n       "start": {span.start},\n'
        f'       "end": {span.end},\n       "text": {_STRING(span.quote)},\n'
        f'       "labels": [\n        {_STRING(span.label)}\n       ]\n      }},\n'
        f'      "meta": {meta}\n     }}'
    )


def _kept_text(span: SpanInfo) -> str:
    """A span's fields in the task's data, five deep."""
    annotator = "null" if span.annotator is None else _STRING(span.annotator)
    return (
        f'     "xz{span.id}": {{\n      "start": {span.start},\n      "end": {span.end},\n'
        f'      "label": {_STRING(span.label)},\n      "status": "{span.status.value}",\n'
        f'      "annotator": {annotator},\n'
        f'      "attributes": {_nested(span.attributes, 6)},\n'
        f'      "note": {_STRING(span.note)}\n     }}'
    )


def _results_text(groups: list[tuple[str, list[str]]]) -> str:
    """A list of annotations or predictions (each ``(head, regions)``), two deep."""
    if not groups:
        return "[]"
    items = [
        f'   {{\n{head}    "result": [\n' + ",\n".join(regions) + "\n    ]\n   }"
        for head, regions in groups
    ]
    return "[\n" + ",\n".join(items) + "\n  ]"


def _task_text(page: CorpusPage) -> str:
    """:func:`task` as one item of the task list, as ``json.dump(…, indent=1)`` writes it."""
    by_annotator: dict[str, list[str]] = {}
    predictions: list[str] = []
    for span in page.spans:
        if span.status is SpanStatus.ACCEPTED:
            by_annotator.setdefault(span.annotator or "", []).append(_result_text(span))
        elif span.status is SpanStatus.SUGGESTED:
            predictions.append(_result_text(span))
    data = {k: v for k, v in page_fields(page).items() if k != "id"}
    lines = [f'   "text": {_STRING(page.text)}']
    lines += [f"   {_STRING(k)}: {_nested(v, 3)}" for k, v in data.items()]
    kept = ",\n".join(_kept_text(s) for s in page.spans)
    spans = "{\n" + kept + "\n    }" if kept else "{}"
    lines.append(f'   "{KEY}": {{\n    "spans": {spans}\n   }}')
    annotations = _results_text([("", regions) for _, regions in sorted(by_annotator.items())])
    text = (
        f' {{\n  "id": {page.page_id},\n  "data": {{\n' + ",\n".join(lines) + "\n  },\n"
        f'  "annotations": {annotations}'
    )
    if predictions:
        head = '    "model_version": "xzannot rules",\n'
        text += f',\n  "predictions": {_results_text([(head, predictions)])}'
    return text + "\n }"


def labelling_config(labels: Sequence[LabelDef]) -> str:
    """The named-entity template with the project's labels and colours."""
    items = "\n".join(
        f"    <Label value={quoteattr(label.key)} background={quoteattr(label.color)}"
        f" hotkey={quoteattr(label.shortcut or '')}/>"
        for label in labels
    )
    return (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        f"{items}\n"
        "  </Labels>\n"
        '  <Text name="text" value="$text" granularity="symbol"/>\n'
        "</View>\n"
    )


def _note(result: dict[str, Any], where: str, what: str) -> str | None:
    """The note Label Studio keeps in a region's meta (None where there is none)."""
    meta = result.get("meta")
    if meta is None:
        return None
    if not isinstance(meta, dict):
        raise UserError(f"{where}: {what}'s meta is not an object (it is {fields.shown(meta)})")
    text = meta.get("text")
    if isinstance(text, list):
        return "\n".join(fields.note(t, where, f"{what}'s meta.text") for t in text)
    return fields.text(text, where, f"{what}'s meta.text")


def _user(annotation: dict[str, Any], where: str, what: str) -> str | None:
    """Who made an annotation in Label Studio (its e-mail where the export says it)."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    if isinstance(who, int) and not isinstance(who, bool):
        who = str(who)
    return fields.annotator(who, where, f"{what}'s completed_by")


def _list(value: Any, where: str, what: str) -> list[Any]:
    """A list in a task (an absent one is empty)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise UserError(f"{where}: {what} is not a list (it is {fields.shown(value)})")
    return value


def _regions(
    results: Any,
    where: str,
    *,
    text: str,
    kept: dict[str, SpanRecord],
    status: str,
    user: str | None,
) -> list[SpanRecord]:
    spans = []
    for number, result in enumerate(_list(results, where, "its result"), 1):
        region = f"region {number}"
        if not isinstance(result, dict):
            raise UserError(f"{where}: {region} is not an object (it is {fields.shown(result)})")
        if result.get("type") != "labels":
            continue
        value = result.get("value")
        if not isinstance(value, dict):
            raise UserError(f"{where}: {region} has no value")
        start = fields.offset(value.get("start"), where, f"{region}'s start")
        end = fields.offset(value.get("end"), where, f"{region}'s end")
        fields.extent(start, end, len(text), where, region)
        labels = value.get("labels")
        if not isinstance(labels, list):
            shown = fields.shown(labels)
            raise UserError(f"{where}: {region}'s labels are not a list (they are {shown})")
        note = _note(result, where, region)
        old = kept.get(str(result.get("id")))
        for given in labels:
            label = fields.label(given, where, f"a label of {region}")
            if old is not None and (old.start, old.end, old.label) == (start, end, label):
                # as exported: its fields come back, a note edited there wins
                spans.append(replace(old, status=old.status or status,
                                     note=old.note if note is None else note))  # fmt: skip
            else:
                spans.append(
                    SpanRecord(start, end, label, status=status, annotator=user, note=note or "")
                )
    return spans


def _kept(data: dict[str, Any], where: str, text: str) -> dict[str, SpanRecord]:
    """The spans' fields that the task's data keeps for Label Studio, by region id."""
    ours = data.get(KEY)
    if ours is None:
        return {}
    if not isinstance(ours, dict):
        raise UserError(f"{where}: data.{KEY} is not an object (it is {fields.shown(ours)})")
    spans = ours.get("spans")
    if spans is None:
        return {}
    if not isinstance(spans, dict):
        raise UserError(f"{where}: data.{KEY}.spans is not an object (it is {fields.shown(spans)})")
    kept = {}
    for key, item in spans.items():
        what = f"data.{KEY} span {fields.shown(key)}"
        span = span_from_fields(item, where, what)
        fields.extent(span.start, span.end, len(text), where, what)
        kept[key] = span
    return kept


def _task(task: Any, where: str) -> TextRecord:
    """One task: annotations are accepted spans, predictions suggestions, cancelled
    annotations left out."""
    data = task.get("data") if isinstance(task, dict) else None
    if not isinstance(data, dict) or "text" not in data:
        raise UserError(f"{where}: no data.text")
    text = data["text"]
    if not isinstance(text, str):
        raise UserError(f"{where}: data.text is not text (it is {fields.shown(text)})")
    kept = _kept(data, where, text)
    spans: list[SpanRecord] = []
    for kind, status in (
        ("annotation", SpanStatus.ACCEPTED.value),
        ("prediction", SpanStatus.SUGGESTED.value),
    ):
        for number, item in enumerate(_list(task.get(f"{kind}s"), where, f"'{kind}s'"), 1):
            what = f"{kind} {number}"
            if not isinstance(item, dict):
                raise UserError(f"{where}: {what} is not an object (it is {fields.shown(item)})")
            if item.get("was_cancelled"):
                continue
            user = _user(item, where, what) if kind == "annotation" else None
            place, regions = f"{where}, {what}", item.get("result")
            spans += _regions(regions, place, text=text, kept=kept, status=status, user=user)
    # rejected spans are no regions: settled as they were
    spans.extend(old for old in kept.values() if old.status == SpanStatus.REJECTED.value)
    return text_record(where, text, SpanTable.of(spans), data)


def iter_labelstudio(stream: TextIO, name: str) -> Iterator[TextRecord]:
    """The tasks of a Label Studio JSON export (or of ours), read a task at a time."""
    cursor = Cursor(stream.read, name)
    if cursor.peek() != "[":
        found = cursor.value()
        cursor.end()
        raise UserError(f"{name}: not a list of Label Studio tasks (it is {fields.shown(found)})")
    for number, item in enumerate(cursor.items(), 1):
        yield _task(item, f"{name}, task {number}")
    cursor.end()


def read_labelstudio(text: str, name: str) -> list[TextRecord]:
    """The tasks of a Label Studio JSON export held in memory."""
    return list(iter_labelstudio(io.StringIO(text), name))
