"""Exports read by the libraries and tools researchers feed them to: seqeval and ``spacy
convert`` for CoNLL, pandas for the CSV of targets.

These libraries are the ``consumers`` extra (``.ci/run`` installs it); without them the
tests skip, saying so.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from xzannot.core.spans import SpanStatus
from xzannot.operations.exporting import ExportFilter, export
from xzannot.operations.labelling import change_span
from xzannot.operations.suggesting import suggest
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages
from xzannot.store.spans import list_spans

EVERY_STATUS = ExportFilter(statuses=tuple(SpanStatus))


@pytest.fixture
def reviewed(sample: Path) -> Path:
    """The sample with the rules' suggestions, every third rejected, the rest accepted."""
    with open_project(sample) as project:
        suggest(project)
        with project.session() as s:
            spans = [sp for p in list_pages(s) for sp in list_spans(s, p.id)]
        for number, span in enumerate(spans):
            status = SpanStatus.REJECTED if number % 3 == 0 else SpanStatus.ACCEPTED
            change_span(project, span.id, status=status)
    return sample


def _sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            sentences.append([])
        else:
            token, tag = line.split("\t")
            sentences[-1].append((token, tag))
    return [s for s in sentences if s and s[0][0] != "-DOCSTART-"]


def test_seqeval_reads_the_conll_entities_and_nothing_else(reviewed: Path, tmp_path: Path) -> None:
    sequence = pytest.importorskip("seqeval.metrics.sequence_labeling")
    out = tmp_path / "corpus.conll"
    with open_project(reviewed) as project:
        export(project, "conll", out, EVERY_STATUS)
        with project.session() as s:
            live = [sp for p in list_pages(s) for sp in list_spans(s, p.id)
                    if sp.status is not SpanStatus.REJECTED]  # fmt: skip
    sentences = _sentences(out)
    entities = [e for sent in sentences for e in sequence.get_entities([t for _, t in sent])]
    assert {label for label, _, _ in entities} <= {"target", "project", "policy"}
    starts = sum(tag.startswith("B-") for sent in sentences for _, tag in sent)
    assert len(entities) == starts  # no entity made of a stray I- (a comment line, a break)
    labels = Counter(label for label, _, _ in entities)
    for label in ("target", "policy"):  # at least one per accepted span left after overlaps
        assert labels[label] > 0 and any(sp.label == label for sp in live)


def test_spacy_convert_reads_the_conll_with_the_projects_labels_only(
    reviewed: Path, tmp_path: Path
) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "corpus.conll"
    with open_project(reviewed) as project:
        export(project, "conll", out, EVERY_STATUS)
    converted = tmp_path / "spacy"
    converted.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(out), str(converted), "-c", "ner",
         "-l", "zh"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    docs = list(DocBin().from_disk(converted / "corpus.spacy").get_docs(spacy.blank("zh").vocab))
    labels = Counter(ent.label_ for doc in docs for ent in doc.ents)
    assert set(labels) <= {"target", "project", "policy"} and labels["target"] > 0
    expected = Counter(
        label for sent in _sentences(out) for _, tag in sent if tag.startswith("B-")
        for label in [tag[2:]]
    )  # fmt: skip
    assert labels == expected


def test_pandas_reads_the_targets_csv_and_no_cell_is_a_formula(
    reviewed: Path, tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "targets.csv"
    with open_project(reviewed) as project:
        with project.session() as s:
            page = list_pages(s)[0]
            first = next(sp for sp in list_spans(s, page.id) if sp.label == "target")
        change_span(project, first.id, note='=HYPERLINK("http://example.org","看")')
        export(project, "csv", out, EVERY_STATUS)
    table = pandas.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(table.columns[:3]) == ["document", "source", "page"]
    assert (table["status"].isin(["accepted", "rejected"])).all()
    notes = table.loc[table["span_id"] == str(first.id), "note"].tolist()
    assert notes == ["'" + '=HYPERLINK("http://example.org","看")']
    assert not table.map(lambda v: v.startswith(("=", "+", "@"))).any().any()
