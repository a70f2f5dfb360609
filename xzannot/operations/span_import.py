"""Importing spans made elsewhere (JSONL as exported or doccano's, Label Studio's JSON,
brat standoff).

Each text is matched to a page of the project by its text: the page whose corrected
text it is, or the one page that contains it. The files are read a record at a time and
each record's spans stored as it comes, in batches, all in one transaction: a text that
matches no page (or several), a label the project lacks, or a field the files get wrong,
however late in the files, stops the import with the reasons, and the transaction is
undone, so nothing is stored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.formats import DEFAULT_ANNOTATOR
from xzannot.io.corpus.records import TextRecord
from xzannot.io.corpus.span_files import check_span_files, span_records
from xzannot.io.corpus.span_sets import fresh_rows
from xzannot.io.corpus.span_table import SpanTable
from xzannot.operations.changes import NOTHING, OpChanges, on_pages
from xzannot.operations.correcting import correct_page_in
from xzannot.operations.suggesting import project_rules
from xzannot.store.database import Project
from xzannot.store.documents import PageInfo, current_text, list_documents, list_pages
from xzannot.store.labels import add_label
from xzannot.store.session import Session
from xzannot.store.span_batches import OWNERS, insert_spans, label_ids, span_places
from xzannot.store.spans import annotator_id

_MAX_REPORTED = 8
_BATCH = 5000  # spans stored in one statement


class MissingLabels(UserError):
    """The files use labels the project does not have."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__(
            f"the project has no label {', '.join(labels)} "
            "(add them with --create-labels, or change the labels in the file)"
        )
        self.labels = labels


@dataclass
class SpanImportOutcome:
    """What an import stored."""

    records: int = 0
    added: Counter[str] = field(default_factory=Counter)  # label -> spans stored
    known: int = 0  # already on the page
    new_labels: list[str] = field(default_factory=list)
    changes: OpChanges = NOTHING  # the pages given spans, and the labels if some were added


@dataclass(frozen=True)
class _Match:
    page: PageInfo
    offset: int


def _match(
    record: TextRecord, texts: dict[int, str], pages: list[PageInfo], titles: dict[int, str]
) -> _Match | str:
    """Where the record's text is, or why it cannot be placed."""

    def hinted(page: PageInfo) -> bool:
        if record.page is not None and page.number != record.page:
            return False
        doc = record.document
        return doc is None or doc in (titles[page.document_id], str(page.document_id))

    wanted = record.text
    exact = [p for p in pages if texts[p.id] == wanted or texts[p.id].strip() == wanted.strip()]
    if len(exact) > 1:
        exact = [p for p in exact if hinted(p)] or exact
    if len(exact) == 1:
        page = exact[0]
        return _Match(page, texts[page.id].find(wanted) if texts[page.id] != wanted else 0)
    if len(exact) > 1:
        return "its text is on several pages"
    if not wanted.strip():
        return "its text is empty"
    inside = [(p, texts[p.id].find(wanted)) for p in pages if wanted in texts[p.id]]
    if len(inside) > 1:
        inside = [(p, at) for p, at in inside if hinted(p)] or inside
    if len(inside) == 1 and texts[inside[0][0].id].count(wanted) == 1:
        return _Match(*inside[0])
    if inside:
        return "its text occurs more than once"
    return "its text is on no page of the project"


class _Importer:
    """Places the records on the pages and stores their spans, while no record has failed;
    after a failure it only checks the rest, to report every problem at once."""

    def __init__(
        self, session: Session, annotator: str, create_labels: bool, outcome: SpanImportOutcome
    ) -> None:
        self.session = session
        self.annotator = annotator
        self.create_labels = create_labels
        self.outcome = outcome
        self.pages = list_pages(session)
        self.titles = {d.id: d.title for d in list_documents(session)}
        self.texts: dict[int, str] = {}
        for page in self.pages:
            correct_page_in(session, page.id)  # exports carry the corrected text
            self.texts[page.id] = current_text(session, page.id)
        self.labels = label_ids(session)
        self.annotators: dict[str, int] = {}
        self.grammar = project_rules(session).grammar
        self.missing: set[str] = set()
        self.problems: list[str] = []

    def add(self, record: TextRecord) -> None:
        """Place one record and store its spans (or note why it cannot be)."""
        found = _match(record, self.texts, self.pages, self.titles)
        if isinstance(found, str):
            self.problems.append(f"{record.where}: {found}")
            return
        unknown = [name for name in record.spans.used_labels() if name not in self.labels]
        if unknown and not self.create_labels:
            self.missing.update(unknown)
        elif unknown:
            for name in sorted(unknown):
                add_label(self.session, name)
                self.outcome.new_labels.append(name)
                self.outcome.changes |= OpChanges(labels=True)
            self.labels = label_ids(self.session)
        if not (self.problems or self.missing):
            self._store(record, found)

    def finish(self) -> None:
        """Refuse the whole import if any record failed."""
        if self.missing:
            raise MissingLabels(sorted(self.missing))
        if self.problems:
            shown = "; ".join(self.problems[:_MAX_REPORTED])
            more = len(self.problems) - _MAX_REPORTED
            raise UserError(
                f"nothing was imported: {shown}" + (f"; and {more} more" if more > 0 else "")
            )
        self.outcome.new_labels.sort()

    def _annotator_id(self, name: str) -> int:
        found = self.annotators.get(name)
        if found is None:
            found = self.annotators[name] = annotator_id(self.session, name)
        return found

    def _owners(self, table: SpanTable) -> npt.NDArray[np.int64]:
        """Each span's annotator's id (the default annotator's where the file names none)."""
        numbers = table.annotator_numbers()
        ids = [self._annotator_id(name) for name in table.annotator_names]
        if len(numbers) and int(numbers.min()) < 0:
            ids.append(self._annotator_id(self.annotator))  # number -1: the last
        return np.array(ids or [0], np.int64)[numbers]

    def _store(self, record: TextRecord, where: _Match) -> None:
        """The record's spans that the page does not have yet, stored in batches."""
        page_id, text, shift = where.page.id, self.texts[where.page.id], where.offset
        table = record.spans
        starts, ends, labels = table.columns()
        ids = np.array([self.labels.get(n, -1) for n in table.label_names] or [0], np.int32)
        if shift:
            starts, ends = starts + np.int32(shift), ends + np.int32(shift)
        slots = ids[labels].astype(np.int64) * OWNERS + self._owners(table)
        rows = fresh_rows((starts, ends, slots), span_places(self.session, page_id))
        del slots
        del starts, ends, labels
        self.outcome.known += len(table) - len(rows)
        for first in range(0, len(rows), _BATCH):
            batch = rows[first : first + _BATCH]
            insert_spans(self.session, page_id, [
                self._row(table_row, text, shift, record) for table_row in batch.tolist()
            ])  # fmt: skip
        self.outcome.records += 1
        if len(rows):
            self.outcome.changes |= on_pages([page_id], spans=True)

    def _row(self, index: int, text: str, shift: int, record: TextRecord) -> dict[str, Any]:
        table = record.spans
        start, end = table.starts[index] + shift, table.ends[index] + shift
        label = table.label_names[table.labels[index]]
        quote = text[start:end]
        attributes = table.attributes.get(index) or {}
        if label == "target" and not attributes:
            attributes = self.grammar.parse(quote)
        self.outcome.added[label] += 1
        return {
            "start": start,
            "end": end,
            "label_id": self.labels[label],
            "quote": quote,
            "status": table.status(index) or SpanStatus.ACCEPTED.value,
            "annotator_id": self._annotator_id(table.annotator(index) or self.annotator),
            "attributes": attributes,
            "note": table.notes.get(index, ""),
        }


def import_spans(
    project: Project,
    paths: list[Path],
    *,
    annotator: str = DEFAULT_ANNOTATOR,
    create_labels: bool = False,
) -> SpanImportOutcome:
    """Read the files a record at a time, match every text to a page and store every span,
    or nothing."""
    check_span_files(paths)
    outcome = SpanImportOutcome()
    with project.transaction() as session:
        importer = _Importer(session, annotator, create_labels, outcome)
        for record in span_records(paths):
            importer.add(record)
        importer.finish()
    return outcome
