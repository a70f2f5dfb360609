"""Span files of each kind, read a record at a time: JSON Lines (ours and doccano's), Label
Studio's JSON export, and brat's ``.ann`` beside its ``.txt``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from xzannot.errors import UserError
from xzannot.io.corpus.brat import read_brat, read_rejected
from xzannot.io.corpus.json_stream import open_text
from xzannot.io.corpus.jsonl import iter_jsonl
from xzannot.io.corpus.labelstudio import iter_labelstudio
from xzannot.io.corpus.records import TextRecord
from xzannot.io.corpus.span_table import SpanTable
from xzannot.io.text_import import read_text_file

_JSON_LINES = (".jsonl", ".ndjson")


def check_span_files(paths: Sequence[Path]) -> None:
    """That every file is there and of a kind that holds spans (before any is read)."""
    for path in paths:
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        suffix = path.suffix.lower()
        if suffix not in (*_JSON_LINES, ".json", ".ann"):
            raise UserError(
                f"{path}: import-spans reads .jsonl files, Label Studio .json exports "
                "and brat .ann files"
            )
        if suffix == ".ann" and not path.with_suffix(".txt").is_file():
            raise UserError(f"{path}: its text {path.with_suffix('.txt').name} is not beside it")


def span_records(paths: Sequence[Path]) -> Iterator[TextRecord]:
    """The records of the files, one at a time, in order."""
    check_span_files(paths)
    for path in paths:
        try:
            yield from _records(path)
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:  # changed since its encoding was found
            raise UserError(f"{path}: not text in one encoding ({exc.reason})") from exc


def _records(path: Path) -> Iterator[TextRecord]:
    suffix = path.suffix.lower()
    if suffix in _JSON_LINES:
        with open_text(path) as stream:  # lines end in \n, \r\n or \r, as before
            empty = True
            for record in iter_jsonl(stream, path.name):
                empty = False
                yield record
        if empty:
            raise UserError(f"{path} is empty")
    elif suffix == ".json":  # Label Studio's export, or ours
        with open_text(path) as stream:
            yield from iter_labelstudio(stream, path.name)
    else:
        text_path = path.with_suffix(".txt")
        try:  # bytes as they are: brat offsets count every character, \r included
            text = text_path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(f"{text_path}: not UTF-8 text") from exc
        record = read_brat(read_text_file(path), text, path.name)
        beside = path.with_suffix(".rejected.json")  # the spans rejected in xzannot
        if beside.is_file():
            record.spans.extend(SpanTable.of(read_rejected(read_text_file(beside), beside.name)))
        yield record
