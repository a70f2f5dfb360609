"""Reading a PDF into :class:`ExtractedPage` objects: size, text layer, boxes, printed label.

Each page is one request to the pdfium process, so rendering requests can run between the
pages of a long import, and cancelling takes effect within a page. A page on which pdfium
crashes ends the import with a message naming it; where only the PDF's page-label tree
crashes it (a cyclic tree does), the pages are read without the PDF's labels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from xzannot.core.folio import find_folio, out_of_sequence
from xzannot.core.pages import ExtractedPage, LabelSource, TextSource
from xzannot.core.suspect import suspect_layer
from xzannot.errors import CancelledError, UserError
from xzannot.io.page_spool import PageLabel, PageSpool
from xzannot.io.pdf_text import page_rules, page_text_and_boxes
from xzannot.io.pdfium_worker import Documents, PdfiumCrashed, PdfiumWorker

Progress = Callable[[int, int], None]  # (pages done, pages in all)

_EOF_WINDOW = 4096


def check_pdf_file(path: Path) -> None:
    """Refuse files that are not PDFs, or whose end is missing, before pdfium sees them."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - _EOF_WINDOW))
            tail = fh.read()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"%PDF-" not in head:
        raise UserError(f"{path} is not a PDF")
    if b"%%EOF" not in tail:
        raise UserError(f"{path} is truncated (its end is missing); copy or download it again")


def _count_pages(documents: Documents, path: Path, password: str | None) -> int:
    return len(documents.document(path, password))


def _extract_page(
    documents: Documents, path: Path, password: str | None, index: int, with_label: bool
) -> ExtractedPage:
    doc = documents.document(path, password)
    try:
        page = doc[index]
    except pdfium.PdfiumError as exc:
        raise UserError(f"{path}: page {index + 1} cannot be read ({exc})") from exc
    try:
        width, height = page.get_size()
        text, boxes = page_text_and_boxes(page, height)
        rules = page_rules(page, height)
    finally:
        page.close()
    extracted = ExtractedPage(number=index + 1, width=width, height=height)
    if text.strip():
        extracted.text, extracted.boxes, extracted.source = text, boxes, TextSource.PDF
        extracted.suspect = suspect_layer(text, boxes, width, height)
        extracted.rules = rules
    label = doc.get_page_label(index) if with_label else None
    if label:
        extracted.printed_label, extracted.label_source = label, LabelSource.PDF
    else:
        folio = find_folio(text, boxes, height)
        if folio:
            extracted.printed_label, extracted.label_source = folio, LabelSource.FOLIO
    return extracted


def extract_pdf(
    worker: PdfiumWorker,
    path: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> PageSpool:
    """Every page of the PDF at ``path``, spooled to a temporary file as read (a long
    yearbook is not held in memory); raises CancelledError if ``cancel`` is set."""
    check_pdf_file(path)
    count = worker.call(_count_pages, path, password, where=f"opening {path.name}")
    if count == 0:
        raise UserError(f"{path} has no pages")
    pages = PageSpool()
    try:
        _read_pages(worker, path, password, pages, count=count, progress=progress, cancel=cancel)
    except BaseException:
        pages.close()
        raise
    _drop_stray_folios(pages.labels)
    return pages


def _read_pages(
    worker: PdfiumWorker,
    path: Path,
    password: str | None,
    pages: PageSpool,
    *,
    count: int,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    with_label = True
    if progress:
        progress(0, count)
    for index in range(count):
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        where = f"reading {path.name}, page {index + 1}"
        try:
            page = worker.call(_extract_page, path, password, index, with_label, where=where)
        except PdfiumCrashed:
            if not with_label:
                raise
            # try the page once more without its label: a damaged label tree is the
            # commonest crash, and the page itself is then read as any other
            with_label = False
            page = worker.call(_extract_page, path, password, index, with_label, where=where)
        pages.append(page)
        if progress:
            progress(index + 1, count)


def _drop_stray_folios(pages: list[PageLabel]) -> None:
    """Forget page numbers read off the page that break their neighbours' sequence (read
    from a garbled text layer, or a number in the margin that is no folio)."""
    read = [p for p in pages if p.label_source is LabelSource.FOLIO]
    for position in out_of_sequence([p.number for p in read], [p.printed_label for p in read]):
        read[position].printed_label, read[position].label_source = None, LabelSource.NONE
