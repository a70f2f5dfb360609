"""Exports read pages in bulk, a chunk at a time, and correct only pages never corrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from xzannot.core.edits import Edit
from xzannot.core.spans import SpanStatus
from xzannot.operations import exporting
from xzannot.operations.exporting import ExportFilter, export
from xzannot.operations.labelling import add_span
from xzannot.operations.reviewing import manual_edit
from xzannot.operations.suggesting import suggest
from xzannot.store.database import open_project
from xzannot.store.documents import current_text, list_pages, page_content
from xzannot.store.export_reads import (
    current_texts,
    each_layer,
    live_spans,
    page_layers,
    pages_to_correct,
)
from xzannot.store.spans import spans_of_pages

EVERY_STATUS = ExportFilter(statuses=tuple(SpanStatus))


def _labelled(db: Path) -> list[int]:
    """Suggestions on all pages but the second, a hand edit and spans on the first."""
    with open_project(db) as project:
        with project.session() as s:
            ids = [p.id for p in list_pages(s)]
        suggest(project, [i for i in ids if i != ids[1]])
        manual_edit(project, ids[0], Edit(5, 7, "改正"), "ann")
        add_span(project, ids[0], (20, 30), "policy", "alice", attributes={"k": [1, 2.5]})
    return ids


def test_bulk_reads_are_what_the_page_reads_give(sample: Path) -> None:
    ids = _labelled(sample)
    with open_project(sample) as project, project.session() as s:
        assert pages_to_correct(s, ids) == [ids[1]]
        texts = current_texts(s, ids)
        layers = page_layers(s, list_pages(s))
        spans = live_spans(s, ids)
        assert spans == spans_of_pages(s, ids)
        for page_id in ids:
            assert texts[page_id] == current_text(s, page_id)
            assert layers[page_id] == page_content(s, page_id)
        backwards = list_pages(s)[::-1]  # a page at a time, in the order asked for
        assert list(each_layer(s, backwards)) == [page_content(s, p.id) for p in backwards]


def test_an_export_corrects_only_pages_never_corrected(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _labelled(sample)
    corrected: list[int] = []
    original = exporting.correct_page_in

    def counted(session: object, page_id: int) -> object:
        corrected.append(page_id)
        return original(session, page_id)  # type: ignore[arg-type]

    monkeypatch.setattr(exporting, "correct_page_in", counted)
    with open_project(sample) as project:
        first = export(project, "jsonl", tmp_path / "a.jsonl", EVERY_STATUS)
        assert corrected == [ids[1]]  # the one page never corrected, once
        again = export(project, "jsonl", tmp_path / "b.jsonl", EVERY_STATUS)
        with project.session() as s:
            second_page = current_text(s, ids[1])
    assert corrected == [ids[1]]  # nothing corrected again
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert second_page in (tmp_path / "a.jsonl").read_text("utf-8").replace("\\n", "\n")
    assert (first.pages, first.spans) == (again.pages, again.spans) == (len(ids), first.spans)


@pytest.mark.parametrize("kind", ["jsonl", "pagexml", "brat"])
def test_chunks_of_pages_write_what_one_chunk_writes(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    _labelled(sample)
    with open_project(sample) as project:
        whole = export(project, kind, tmp_path / "whole", EVERY_STATUS)
        real = exporting.chunks
        monkeypatch.setattr(exporting, "chunks", lambda items: real(items, 1))
        paged = export(project, kind, tmp_path / "paged", EVERY_STATUS)
    assert (whole.pages, whole.spans, whole.notes) == (paged.pages, paged.spans, paged.notes)
    files = sorted(p.name for p in (tmp_path / "whole").rglob("*")) if kind != "jsonl" else [""]
    for name in files:
        a, b = tmp_path / "whole" / name, tmp_path / "paged" / name
        if a.is_file() and kind != "pagexml":  # PAGE stamps the time it was written
            assert a.read_bytes() == b.read_bytes(), name


def test_a_cancel_while_pages_stream_writes_nothing(sample: Path, tmp_path: Path) -> None:
    from xzannot.errors import CancelledError

    calls = iter(range(100))
    with open_project(sample) as project, pytest.raises(CancelledError):
        export(project, "jsonl", tmp_path / "c.jsonl", cancelled=lambda: next(calls) >= 2)
    assert not list(tmp_path.glob("*c.jsonl*"))
