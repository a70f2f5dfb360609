"""brat standoff: a ``.txt`` and an ``.ann`` per page, and the configuration for the schema.

Spans are text-bound annotations (``T1	target 10 24	…``); a span across a line break
is written as fragments, as brat wants. The review status, and a target's comparator and
direction, are brat attributes declared in ``annotation.conf``; the note is an
``AnnotatorNotes`` comment, and every attribute with the annotator is kept in an
``XzannotAttributes`` comment, so reading the files back loses nothing. Rejected spans are
no annotations: brat would show them as any other; they are kept beside the ``.ann`` in
``<page>.rejected.json`` (which brat does not read), so they stay settled on the way back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from xzannot.core.corpus import CorpusPage
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus import fields
from xzannot.io.corpus.json_stream import loads
from xzannot.io.corpus.records import SpanRecord, TextRecord, span_fields, span_from_fields
from xzannot.io.corpus.span_table import SpanTable

# brat attribute values are single words
COMPARATORS = {"≥": "ge", "≤": "le", "≈": "approx", "=": "eq"}
DIRECTIONS = ("increase", "decrease", "level")
KEPT = "XzannotAttributes"  # the note that keeps what brat cannot hold


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # as json.dumps(…, ensure_ascii=False)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if text.find("\n", start, end) < 0:  # most spans: one piece
        return [(start, end)] if end > start else []
    pieces: list[tuple[int, int]] = []
    first = start
    for index in range(start, end):
        if text[index] == "\n":
            if index > first:
                pieces.append((first, index))
            first = index + 1
    if end > first:
        pieces.append((first, end))
    return pieces


def ann_text(page: CorpusPage) -> str:
    """The ``.ann`` file of a page (its spans but the rejected ones)."""
    lines: list[str] = []
    attribute = note = 0
    live = [s for s in page.spans if s.status is not SpanStatus.REJECTED]
    for number, span in enumerate(live, 1):
        pieces = _fragments(page.text, span.start, span.end)
        where = ";".join(f"{a} {b}" for a, b in pieces)
        quote = " ".join(page.text[a:b] for a, b in pieces)
        lines.append(f"T{number}\t{span.label} {where}\t{quote}")
        values = {"Status": span.status.value}
        comparator = COMPARATORS.get(str(span.attributes.get("comparator", "")))
        if comparator:
            values["Comparator"] = comparator
        if span.attributes.get("direction") in DIRECTIONS:
            values["Direction"] = str(span.attributes["direction"])
        for name, value in values.items():
            attribute += 1
            lines.append(f"A{attribute}\t{name} T{number} {value}")
        if span.note:
            note += 1
            lines.append(f"#{note}\tAnnotatorNotes T{number}\t{_one_line(span.note)}")
        kept = {
            "start": span.start,  # exact, where a line break at an edge left the fragments
            "end": span.end,
            "annotator": span.annotator,
            "attributes": span.attributes,
            "note": span.note,
        }
        note += 1
        lines.append(f"#{note}\tXzannotAttributes T{number}\t{_JSON(kept)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def annotation_conf(labels: Sequence[LabelDef]) -> str:
    """``annotation.conf``: the labels as entities, and the attributes written."""
    entities = "\n".join(label.key for label in labels)
    statuses = "|".join(s.value for s in SpanStatus)
    return (
        "# The label schema of an xzannot project.\n"
        f"[entities]\n{entities}\n\n[relations]\n"
        "# spans may overlap and nest (a target inside a policy, two targets sharing words)\n"
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        "\n[events]\n\n[attributes]\n"
        f"Status\tArg:<ENTITY>, Value:{statuses}\n"
        f"Comparator\tArg:<ENTITY>, Value:{'|'.join(COMPARATORS.values())}\n"
        f"Direction\tArg:<ENTITY>, Value:{'|'.join(DIRECTIONS)}\n"
    )


def visual_conf(labels: Sequence[LabelDef]) -> str:
    """``visual.conf``: the labels' names and colours."""
    names = "\n".join(f"{label.key} | {label.name_en} | {label.name_zh}" for label in labels)
    colours = "\n".join(f"{label.key}\tbgColor:{label.color}" for label in labels)
    return f"[labels]\n{names}\n\n[drawing]\n{colours}\n"


def rejected_json(page: CorpusPage) -> str | None:
    """The page's rejected spans, every field, as JSON (None where there are none)."""
    rejected = [span_fields(s) for s in page.spans if s.status is SpanStatus.REJECTED]
    return json.dumps(rejected, ensure_ascii=False, indent=1) + "\n" if rejected else None


def read_rejected(text: str, name: str) -> list[SpanRecord]:
    """The spans of a ``.rejected.json`` file written beside an ``.ann``."""
    items = loads(text, name)
    if not isinstance(items, list):
        raise UserError(f"{name}: not a list of spans (it is {fields.shown(items)})")
    return [
        replace(span_from_fields(item, name, f"span {number}"), status=SpanStatus.REJECTED.value)
        for number, item in enumerate(items, 1)
    ]


def write_brat(pages: Iterable[CorpusPage], folder: Path, labels: Sequence[LabelDef]) -> int:
    """Write each page's pair of files and the configuration; returns the pages written."""
    count = 0
    for page in pages:
        # newline="" keeps the text's own line breaks, so offsets stay right on any system
        (folder / f"{page.name}.txt").write_text(page.text, encoding="utf-8", newline="")
        (folder / f"{page.name}.ann").write_text(ann_text(page), encoding="utf-8", newline="")
        rejected = rejected_json(page)
        if rejected is not None:
            (folder / f"{page.name}.rejected.json").write_text(rejected, encoding="utf-8")
        count += 1
    (folder / "annotation.conf").write_text(annotation_conf(labels), encoding="utf-8")
    (folder / "visual.conf").write_text(visual_conf(labels), encoding="utf-8")
    return count


_TEXT_BOUND = re.compile(r"^(T[0-9]+)\t(\S+) ([0-9]+ [0-9]+(?:;[0-9]+ [0-9]+)*)\t(.*)$")


def _pieces(ranges: str, where: str, ident: str) -> list[tuple[int, int]]:
    numbers = ranges.replace(";", " ").split()
    for number in numbers:
        if len(number) > fields.MAX_DIGITS:
            raise UserError(
                f"{where}: an offset of {ident} is not a whole number of at most "
                f"{fields.MAX_DIGITS} digits (it is a number of {len(number)} digits)"
            )
    values = [int(n) for n in numbers]
    return list(zip(values[::2], values[1::2], strict=True))


def read_brat(ann: str, text: str, name: str) -> TextRecord:
    """The spans of an ``.ann`` file over its ``.txt``; relations and events are not read."""
    found: dict[str, dict[str, object]] = {}
    lines: dict[tuple[str, str], int] = {}  # (span, attribute or note) -> its line
    order: list[str] = []
    # lines end at \n alone: a note may hold U+2028 or U+0085, which splitlines() breaks at
    for number, line in enumerate(ann.split("\n"), 1):
        where = f"{name}, line {number}"
        if line.startswith("T"):
            match = _TEXT_BOUND.match(line)
            if not match:
                raise UserError(f"{where}: not a text-bound annotation")
            ident, label, ranges, quote = match.groups()
            pieces = _pieces(ranges, where, ident)
            start, end = pieces[0][0], pieces[-1][1]
            if end > len(text) or any(a > b for a, b in pieces):
                raise UserError(f"{where}: characters {start}..{end} are not in the text")
            if start >= end:
                raise UserError(f"{where}: {ident} covers no character ({start}..{end})")
            written = " ".join(text[a:b] for a, b in pieces)
            if written != quote:
                raise UserError(f"{where}: the text at {start}..{end} is not {quote!r}")
            label = fields.label(label, where, f"{ident}'s label")
            found[ident] = {"start": start, "end": end, "label": label, "pieces": pieces}
            order.append(ident)
        elif line.startswith("A"):
            parts = line.split("\t", 1)[-1].split()
            if len(parts) >= 2 and parts[1] in found:
                found[parts[1]][parts[0]] = parts[2] if len(parts) > 2 else "true"
                lines[parts[1], parts[0]] = number
        elif line.startswith("#"):
            parts = line.split("\t", 2)
            if len(parts) == 3 and " " in parts[1]:
                kind, target = parts[1].split(" ", 1)
                if target in found:
                    found[target][kind] = parts[2]
                    lines[target, kind] = number
    spans = [_span_record(ident, found[ident], lines, name, text) for ident in order]
    return TextRecord(name, text, SpanTable.of(spans))


def _kept(ident: str, raw: dict[str, object], lines: dict[tuple[str, str], int], name: str
          ) -> dict[str, Any]:  # fmt: skip
    """What the ``XzannotAttributes`` note of a span holds, each field checked."""
    if not isinstance(raw.get(KEPT), str):
        return {}
    where = f"{name}, line {lines[ident, KEPT]}"
    kept = loads(str(raw[KEPT]), where)
    if not isinstance(kept, dict):
        raise UserError(
            f"{where}: {ident}'s {KEPT} are not a JSON object (they are {fields.shown(kept)})"
        )
    place = f"in {ident}'s {KEPT}"
    exact = {
        key: fields.offset(kept[key], where, f"the {key} {place}")
        for key in ("start", "end")
        if kept.get(key) is not None
    }
    return {
        **exact,
        "annotator": fields.annotator(kept.get("annotator"), where, f"the annotator {place}"),
        "attributes": fields.attributes(kept.get("attributes"), where, f"the attributes {place}"),
        "note": fields.note(kept.get("note"), where, f"the note {place}"),
    }


def _span_record(
    ident: str, raw: dict[str, object], lines: dict[tuple[str, str], int], name: str, text: str
) -> SpanRecord:
    """A span from its T line, attributes and notes. What brat holds wins (its extent, its
    note, its attributes): the ``XzannotAttributes`` note adds only what brat cannot hold,
    and its exact extent only where brat's fragments are still the ones written from it."""
    kept = _kept(ident, raw, lines, name)
    attributes = dict(kept.get("attributes") or {})
    back = {v: k for k, v in COMPARATORS.items()}
    if raw.get("Comparator") in back:
        attributes["comparator"] = back[str(raw["Comparator"])]
    elif COMPARATORS.get(str(attributes.get("comparator", ""))):
        del attributes["comparator"]  # taken off in brat
    if raw.get("Direction") in DIRECTIONS:
        attributes["direction"] = raw["Direction"]
    elif attributes.get("direction") in DIRECTIONS:
        del attributes["direction"]
    status = raw.get("Status")
    if status is not None:
        where = f"{name}, line {lines[ident, 'Status']}"
        status = fields.status(status, where, f"the Status of {ident}")
    start, end = int(str(raw["start"])), int(str(raw["end"]))
    exact_start, exact_end = kept.get("start"), kept.get("end")
    if (
        isinstance(exact_start, int)
        and isinstance(exact_end, int)
        and 0 <= exact_start < exact_end <= len(text)
        and _fragments(text, exact_start, exact_end) == raw["pieces"]
    ):
        start, end = exact_start, exact_end  # unchanged in brat: the exact extent
    written = raw.get("AnnotatorNotes")
    old_note = str(kept.get("note") or "")
    if written is None:
        note = ""  # no note in brat: there was none, or it was taken off there
    elif _one_line(old_note) == written:
        note = old_note  # unchanged: the note with its line breaks
    else:
        note = str(written)
    return SpanRecord(
        start,
        end,
        str(raw["label"]),
        status=str(status) if status else None,
        annotator=kept.get("annotator"),
        attributes=attributes,
        note=note,
    )
