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

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from xzannot.core.corpus import CorpusPage
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.records import (
    SpanRecord,
    TextRecord,
    offset,
    page_fields,
    span_fields,
    span_from_fields,
    text_record,
)

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
    """The task list, pretty-printed UTF-8 JSON."""
    json.dump([task(p) for p in pages], out, ensure_ascii=False, indent=1)
    out.write("\n")


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


def _note(result: dict[str, Any]) -> str | None:
    meta = result.get("meta")
    text = meta.get("text") if isinstance(meta, dict) else None
    if isinstance(text, list):
        return "\n".join(str(t) for t in text)
    return str(text) if isinstance(text, str) else None


def _user(annotation: dict[str, Any]) -> str | None:
    """Who made an annotation in Label Studio (its e-mail where the export says it)."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return None if who is None or isinstance(who, bool) else str(who)


def _regions(
    results: Any, where: str, kept: dict[str, Any], status: str, user: str | None
) -> list[SpanRecord]:
    spans = []
    for result in results if isinstance(results, list) else []:
        if not isinstance(result, dict) or result.get("type") != "labels":
            continue
        value = result.get("value")
        if not isinstance(value, dict):
            raise UserError(f"{where}: a region without a value")
        start, end, labels = value.get("start"), value.get("end"), value.get("labels")
        if not isinstance(labels, list) or not all(isinstance(x, str) and x for x in labels):
            raise UserError(f"{where}: a region without start, end and labels")
        start, end = offset(start, where), offset(end, where)
        note = _note(result)
        for label in labels:
            old = kept.get(str(result.get("id")))
            if isinstance(old, dict) and (old.get("start"), old.get("end"), old.get("label")) == (
                start,
                end,
                label,
            ):  # as exported: its fields come back, a note edited there wins
                spans.append(SpanRecord(
                    start, end, str(label),
                    status=old.get("status") or status,
                    annotator=old.get("annotator"),
                    attributes=dict(old.get("attributes") or {}),
                    note=note if note is not None else str(old.get("note") or ""),
                ))  # fmt: skip
            else:
                spans.append(
                    SpanRecord(start, end, str(label), status=status, annotator=user,
                               note=note or "")
                )  # fmt: skip
    return spans


def read_labelstudio(text: str, name: str) -> list[TextRecord]:
    """The tasks of a Label Studio JSON export (or of ours): annotations are accepted spans,
    predictions suggestions, cancelled annotations left out."""
    try:
        tasks = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{name}: not JSON ({exc.msg})") from exc
    if not isinstance(tasks, list):
        raise UserError(f"{name}: not a list of Label Studio tasks")
    records = []
    for number, item in enumerate(tasks, 1):
        where = f"{name}, task {number}"
        data = item.get("data") if isinstance(item, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise UserError(f"{where}: no data.text")
        ours = data.get(KEY)
        kept = ours.get("spans", {}) if isinstance(ours, dict) else {}
        spans: list[SpanRecord] = []
        for annotation in item.get("annotations") or []:
            if isinstance(annotation, dict) and not annotation.get("was_cancelled"):
                found = _regions(
                    annotation.get("result"), where, kept, "accepted", _user(annotation)
                )
                spans.extend(found)
        for prediction in item.get("predictions") or []:
            if isinstance(prediction, dict):
                spans.extend(_regions(prediction.get("result"), where, kept, "suggested", None))
        spans.extend(  # rejected spans are no regions: settled as they were
            span_from_fields(old, where)
            for old in kept.values()
            if isinstance(old, dict) and old.get("status") == SpanStatus.REJECTED.value
        )
        records.append(text_record(where, data["text"], spans, data))
    return records
