"""Importing spans made elsewhere (JSONL as exported or doccano's, brat standoff).

Each text is matched to a page of the project by its text: the page whose corrected
text it is, or the one page that contains it. Everything is checked before anything is
stored; a text that matches no page (or several), a label the project lacks, or an
offset outside the text stops the import with the reasons, and nothing is stored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.orm import Session

from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.brat import read_brat, read_rejected
from xzannot.io.corpus.formats import DEFAULT_ANNOTATOR
from xzannot.io.corpus.jsonl import read_jsonl
from xzannot.io.corpus.labelstudio import read_labelstudio
from xzannot.io.corpus.records import TextRecord
from xzannot.io.text_import import read_text_file
from xzannot.operations.correcting import correct_page_in
from xzannot.operations.suggesting import project_rules
from xzannot.store.database import Project
from xzannot.store.documents import PageInfo, current_text, list_documents, list_pages
from xzannot.store.labels import add_label, list_labels
from xzannot.store.spans import create_span, list_spans

_MAX_REPORTED = 8


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


def read_span_files(paths: list[Path]) -> list[TextRecord]:
    """The records of JSONL files, Label Studio JSON exports and brat ``.ann`` files (each
    beside its ``.txt``)."""
    records: list[TextRecord] = []
    for path in paths:
        if not path.is_file():
            raise UserError(f"{path}: no such file")
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            records.extend(read_jsonl(read_text_file(path), path.name))
        elif suffix == ".json":  # Label Studio's export, or ours
            records.extend(read_labelstudio(read_text_file(path), path.name))
        elif suffix == ".ann":
            text_path = path.with_suffix(".txt")
            if not text_path.is_file():
                raise UserError(f"{path}: its text {text_path.name} is not beside it")
            try:  # bytes as they are: brat offsets count every character, \r included
                text = text_path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise UserError(f"{text_path}: not UTF-8 text") from exc
            record = read_brat(read_text_file(path), text, path.name)
            beside = path.with_suffix(".rejected.json")  # the spans rejected in xzannot
            if beside.is_file():
                settled = read_rejected(read_text_file(beside), beside.name)
                record = replace(record, spans=(*record.spans, *settled))
            records.append(record)
        else:
            raise UserError(
                f"{path}: import-spans reads .jsonl files, Label Studio .json exports "
                "and brat .ann files"
            )
    return records


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


def _check_spans(record: TextRecord) -> str | None:
    for span in record.spans:
        if not 0 <= span.start < span.end <= len(record.text):
            return f"a span at {span.start}..{span.end} is outside its text"
        if span.status is not None and span.status not in {s.value for s in SpanStatus}:
            return f"a span has the unknown status {span.status!r}"
    return None


def _store(
    session: Session,
    records: list[TextRecord],
    annotator: str,
    create_labels: bool,
    outcome: SpanImportOutcome,
) -> None:
    known_labels = {label.key for label in list_labels(session)}
    wanted_labels = sorted({s.label for r in records for s in r.spans} - known_labels)
    if wanted_labels and not create_labels:
        raise MissingLabels(wanted_labels)
    pages = list_pages(session)
    titles = {d.id: d.title for d in list_documents(session)}
    texts = {}
    for page in pages:
        correct_page_in(session, page.id)  # exports carry the corrected text
        texts[page.id] = current_text(session, page.id)
    problems: list[str] = []
    placed: list[tuple[TextRecord, _Match]] = []
    for record in records:
        found = _check_spans(record) or _match(record, texts, pages, titles)
        if isinstance(found, str):
            problems.append(f"{record.where}: {found}")
        else:
            placed.append((record, found))
    if problems:
        shown = "; ".join(problems[:_MAX_REPORTED])
        more = len(problems) - _MAX_REPORTED
        raise UserError(
            f"nothing was imported: {shown}" + (f"; and {more} more" if more > 0 else "")
        )
    for label in wanted_labels:
        add_label(session, label)
        outcome.new_labels.append(label)
    grammar = project_rules(session).grammar
    for record, where in placed:
        page_id, text = where.page.id, texts[where.page.id]
        taken = {
            (s.start, s.end, s.label) for s in list_spans(session, page_id, include_deleted=True)
        }
        for span in record.spans:
            start, end = span.start + where.offset, span.end + where.offset
            if (start, end, span.label) in taken:
                outcome.known += 1
                continue
            quote = text[start:end]
            attributes = dict(span.attributes)
            if span.label == "target" and not attributes:
                attributes = grammar.parse(quote)
            create_span(
                session,
                page_id=page_id,
                start=start,
                end=end,
                label=span.label,
                quote=quote,
                annotator=span.annotator or annotator,
                status=SpanStatus(span.status) if span.status else SpanStatus.ACCEPTED,
                attributes=attributes,
                note=span.note,
            )
            taken.add((start, end, span.label))
            outcome.added[span.label] += 1
        outcome.records += 1


def import_spans(
    project: Project,
    paths: list[Path],
    *,
    annotator: str = DEFAULT_ANNOTATOR,
    create_labels: bool = False,
) -> SpanImportOutcome:
    """Read the files, match every text to a page and store every span, or nothing."""
    records = read_span_files(paths)
    outcome = SpanImportOutcome()
    with project.transaction() as session:
        _store(session, records, annotator, create_labels, outcome)
    return outcome
