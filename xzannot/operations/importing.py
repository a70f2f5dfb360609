"""Importing files into a project: PDFs, dumped text layers and reference witnesses.

A document is stored in one transaction after every page has been read, so a
failed or cancelled import leaves the project exactly as it was.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from xzannot.core.boilerplate import strip_web_furniture
from xzannot.core.pages import ExtractedPage
from xzannot.errors import UserError
from xzannot.io.file_kind import file_kind, looks_like_pdf
from xzannot.io.hashing import sha256_file, sha256_text
from xzannot.io.ocr_pages import image_pages, ocr_file_pages
from xzannot.io.pdf_import import Progress, extract_pdf
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.text_import import dump_pages, read_text_file
from xzannot.store.database import Project
from xzannot.store.documents import (
    add_document,
    add_reference,
    find_document_by_hash,
    get_document,
    list_pages,
)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did."""

    document_id: int
    title: str
    pages: int
    already_present: bool
    pages_needing_text: int = 0
    page_ids_needing_text: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferenceOutcome:
    """What importing a reference witness did."""

    reference_id: int
    document_id: int
    document_title: str
    characters: int
    already_present: bool
    removed: tuple[tuple[int, str], ...] = ()  # web page lines left out (number, line)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give the files inside it")


@dataclass(slots=True)
class ReadDocument:
    """A file read into memory, ready to be stored."""

    path: Path
    sha256: str
    kind: str  # "pdf", "image", "ocr" or "text"
    pages: list[ExtractedPage]


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
        pages = image_pages(path)
    elif kind == "ocr":
        pages = ocr_file_pages(path)
    else:
        pages = dump_pages(read_text_file(path))
    if progress:
        progress(len(pages), len(pages))
    return ReadDocument(path, sha, kind, pages)


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
                pages_needing_text=sum(p.needs_text for p in read.pages),
                page_ids_needing_text=pages_needing_text(session, doc.id),
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
    with project.transaction() as session:
        known = find_document_by_hash(session, sha256_file(path))
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
    known = find_imported(project, path)
    if known is not None:
        return known
    read = read_document(worker, path, password=password, progress=progress, cancel=cancel)
    return store_documents(project, [read])[0]


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
