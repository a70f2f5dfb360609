"""Importing files into a project: PDFs, dumped text layers and reference witnesses.

A document is stored in one transaction after every page has been read, so a
failed or cancelled import leaves the project exactly as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from xzannot.core.boilerplate import strip_web_furniture
from xzannot.errors import CancelledError, UserError
from xzannot.io.file_kind import file_kind, looks_like_pdf
from xzannot.io.hashing import sha256_file, sha256_text
from xzannot.io.ocr_pages import image_pages, ocr_file_pages
from xzannot.io.page_spool import PageSpool
from xzannot.io.pdf_import import Progress, extract_pdf
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.text_import import dump_pages, read_text_file
from xzannot.operations.changes import NOTHING, OpChanges
from xzannot.store.database import Project, check_location, open_project, project_exists
from xzannot.store.documents import (
    add_document,
    add_reference,
    find_document_by_hash,
    get_document,
    list_pages,
)
from xzannot.store.session import Session

ADDED = OpChanges(documents=True)  # what importing a new document changes


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did."""

    document_id: int
    title: str
    pages: int
    already_present: bool
    pages_needing_text: int = 0
    page_ids_needing_text: tuple[int, ...] = ()
    changes: OpChanges = NOTHING  # a document added, or nothing for a file known already


@dataclass(frozen=True, slots=True)
class ReferenceOutcome:
    """What importing a reference witness did."""

    reference_id: int
    document_id: int
    document_title: str
    characters: int
    already_present: bool
    removed: tuple[tuple[int, str], ...] = ()  # web page lines left out (number, line)
    changes: OpChanges = NOTHING  # a reference stored, or nothing for one known already


def _check_file(path: Path) -> None:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give the files inside it")


@dataclass(slots=True)
class ReadDocument:
    """A file read, its pages spooled to a temporary file, ready to be stored."""

    path: Path
    sha256: str
    kind: str  # "pdf", "image", "ocr" or "text"
    pages: PageSpool

    def close(self) -> None:
        """Let the spooled pages go."""
        self.pages.close()


def read_document(
    worker: PdfiumWorker,
    path: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ReadDocument:
    """Read a PDF, a scanned image, another tool's OCR or a dumped text layer, without
    touching any project."""
    path = path.expanduser().absolute()
    _check_file(path)
    sha = sha256_file(path)
    kind = file_kind(path)
    if kind == "pdf":
        pages = extract_pdf(worker, path, password=password, progress=progress, cancel=cancel)
        return ReadDocument(path, sha, "pdf", pages)
    if kind == "image":
        read = image_pages(path)
    elif kind == "ocr":
        read = ocr_file_pages(path)
    else:
        read = dump_pages(read_text_file(path))
    if progress:
        progress(len(read), len(read))
    return ReadDocument(path, sha, kind, PageSpool(read))


def store_documents(project: Project, documents: list[ReadDocument]) -> list[ImportOutcome]:
    """Store read documents in one transaction; files already imported are recognised by hash."""
    outcomes: list[ImportOutcome] = []
    seen: dict[str, ImportOutcome] = {}
    with project.transaction() as session:
        for read in documents:
            known = find_document_by_hash(session, read.sha256)
            if known is not None:
                outcomes.append(
                    ImportOutcome(known.id, known.title, known.page_count, already_present=True)
                )
                continue
            if read.sha256 in seen:  # the same file given twice
                outcomes.append(replace(seen[read.sha256], already_present=True))
                continue
            doc = add_document(
                session,
                title=read.path.stem,
                kind=read.kind,
                source_path=read.path,
                sha256=read.sha256,
                pages=read.pages,
            )
            outcome = ImportOutcome(
                doc.id,
                doc.title,
                doc.page_count,
                already_present=False,
                pages_needing_text=read.pages.needing_text,
                page_ids_needing_text=pages_needing_text(session, doc.id),
                changes=ADDED,
            )
            seen[read.sha256] = outcome
            outcomes.append(outcome)
    return outcomes


def pages_needing_text(session: Session, document_id: int) -> tuple[int, ...]:
    """The ids of a document's pages that have no text (scans waiting for OCR)."""
    return tuple(p.id for p in list_pages(session, document_id) if p.needs_text)


def find_imported(project: Project, path: Path) -> ImportOutcome | None:
    """The document already imported from a file with the same bytes as ``path``, if any."""
    path = path.expanduser().absolute()
    _check_file(path)
    sha = sha256_file(path)
    with project.session() as session:  # a read: no write lock
        known = find_document_by_hash(session, sha)
    if known is None:
        return None
    return ImportOutcome(known.id, known.title, known.page_count, already_present=True)


def import_document(
    project: Project,
    worker: PdfiumWorker,
    path: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportOutcome:
    """Read and store one file; a file imported before is recognised without re-reading it."""
    pages = None if progress is None else (lambda _path: progress)
    return import_files(
        project, worker, [path], password=password, file_progress=pages, cancel=cancel
    )[0]


FilePart = Callable[[Path], Progress | None]  # a file -> the progress of its pages, if shown


def _part(progress: Progress, index: int, files: int, done: int, total: int) -> None:
    """Files count as equal parts of the whole; pages move it within a file."""
    progress(index * 1000 + (done * 1000 // max(total, 1)), files * 1000)


def _pages_progress(
    index: int, path: Path, files: int, progress: Progress | None, file_progress: FilePart | None
) -> Progress | None:
    """The progress a file's reading reports to: the whole's, the file's own, or both."""
    shown = file_progress(path) if file_progress is not None else None
    whole = partial(_part, progress, index, files) if progress is not None else None
    if shown is None or whole is None:
        return shown or whole

    def both(done: int, total: int) -> None:
        whole(done, total)
        shown(done, total)

    return both


def _imported_already(project: Project | str, paths: Sequence[Path]) -> dict[int, ImportOutcome]:
    """The files (by index) whose bytes the project holds already; none for a project
    location where there is no project yet (nothing is created to look)."""
    if isinstance(project, Project):
        found = [find_imported(project, path) for path in paths]
    elif project_exists(check_location(project, create=True)):
        with open_project(project) as opened:
            found = [find_imported(opened, path) for path in paths]
    else:
        found = [None] * len(paths)
    return {index: outcome for index, outcome in enumerate(found) if outcome is not None}


def import_files(
    project: Project | str,
    worker: PdfiumWorker,
    paths: Sequence[Path],
    *,
    password: str | None = None,
    progress: Progress | None = None,
    file_progress: FilePart | None = None,
    cancel: threading.Event | None = None,
) -> list[ImportOutcome]:
    """Import files: those the project holds already are recognised by their bytes and not
    read again; all the others are read, then stored in one transaction (all or none).

    ``project`` is an open project, or the location of one (a path or URL): a project is
    then created there only to store what was read, so a file that cannot be read leaves
    no project behind. ``progress`` counts files as equal parts of the whole, pages within
    a file; ``file_progress`` gives a progress of its own for each file's pages. Returns
    the outcomes in the order of ``paths``; known files are reported as already present.
    """
    known = _imported_already(project, paths)
    reads: list[ReadDocument] = []
    try:
        for index, path in enumerate(paths):
            if index in known:
                if progress is not None:
                    _part(progress, index, len(paths), 1, 1)
                continue
            pages = _pages_progress(index, path, len(paths), progress, file_progress)
            reads.append(
                read_document(worker, path, password=password, progress=pages, cancel=cancel)
            )
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        if isinstance(project, Project):
            stored = iter(store_documents(project, reads))
        else:
            with open_project(project, create=True) as opened:
                stored = iter(store_documents(opened, reads))
    finally:
        for read in reads:
            read.close()
    return [known.get(index) or next(stored) for index in range(len(paths))]


def read_reference(path: Path) -> str:
    """The text of a reference witness file (refused in words if it is not text)."""
    path = path.expanduser().absolute()
    _check_file(path)
    if looks_like_pdf(path):
        raise UserError(f"{path} is a PDF; a reference witness must be a text file")
    return read_text_file(path)


@dataclass(frozen=True, slots=True)
class _Witness:
    """A reference text read and cleaned, not yet stored."""

    path: Path | None
    title: str
    text: str
    removed: tuple[tuple[int, str], ...]


def _read_witness(
    path: Path | None,
    *,
    text: str | None = None,
    keep_furniture: bool = False,
    title: str | None = None,
) -> _Witness:
    """Read a witness (a file, or pasted ``text``), leaving out the lines of the web page
    around a copied transcription (site notices, the page's address, comment boxes) unless
    ``keep_furniture``."""
    if path is not None:
        text = read_reference(path)
        path = path.expanduser().absolute()
    if text is None or not text.strip():
        raise UserError("the reference text is empty")
    removed: tuple[tuple[int, str], ...] = ()
    if not keep_furniture:
        stripped = strip_web_furniture(text)
        text, removed = stripped.text, stripped.removed
        if not text.strip():
            raise UserError("the reference text holds nothing but web page furniture")
    title = title or (path.stem if path is not None else "pasted reference")
    return _Witness(path, title, text, removed)


def _store_witness(session: Session, witness: _Witness, document: str | None) -> ReferenceOutcome:
    doc = get_document(session, document)
    ref_id, new = add_reference(
        session,
        document_id=doc.id,
        title=witness.title,
        source_path=witness.path,
        sha256=sha256_text(witness.text),
        text=witness.text,
    )
    return ReferenceOutcome(
        ref_id,
        doc.id,
        doc.title,
        len(witness.text),
        already_present=not new,
        removed=witness.removed,
        changes=OpChanges(references=True, collation=True) if new else NOTHING,
    )


def import_reference(
    project: Project,
    path: Path | None,
    *,
    text: str | None = None,
    document: str | None = None,
    keep_furniture: bool = False,
    title: str | None = None,
) -> ReferenceOutcome:
    """Store a reference witness (from a file, or pasted ``text``) against a document.

    Lines of the web page around a copied transcription (site notices, the page's
    address, comment boxes) are left out, unless ``keep_furniture``.
    """
    witness = _read_witness(path, text=text, keep_furniture=keep_furniture, title=title)
    with project.transaction() as session:
        return _store_witness(session, witness, document)


def import_references(
    project: Project,
    paths: list[Path],
    *,
    document: str | None = None,
    keep_furniture: bool = False,
) -> list[ReferenceOutcome]:
    """Store several witness files against a document: all read first, then stored in one
    transaction (all or none)."""
    witnesses = [_read_witness(p, keep_furniture=keep_furniture) for p in paths]
    with project.transaction() as session:
        return [_store_witness(session, w, document) for w in witnesses]
