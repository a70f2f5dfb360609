"""Label Studio: a JSON list of tasks for its named-entity template.

Accepted spans are ``annotations`` (one per annotator, ``completed_by`` their name),
suggestions are ``predictions`` (as pre-annotations are), rejected spans are left out.
Offsets are code points, as Label Studio stores them. A labelling configuration for the
project's labels is written beside the tasks (``<name>.config.xml``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from xzannot.core.corpus import CorpusPage
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.io.corpus.records import page_fields


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
    out: dict[str, Any] = {"id": page.page_id, "data": data}
    out["annotations"] = [
        {"completed_by": name or None, "result": results}
        for name, results in sorted(by_annotator.items())
    ]
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
