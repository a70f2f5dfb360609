from __future__ import annotations

import os
import shutil
import signal
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import DATA, SAMPLE_DUMP, SAMPLE_PDF, SAMPLE_REFERENCE
from xzannot.core.pages import ExtractedPage
from xzannot.errors import CancelledError, UserError
from xzannot.io import pdf_import
from xzannot.io.page_spool import PageSpool
from xzannot.io.pdfium_worker import Documents, PdfiumWorker
from xzannot.operations.importing import (
    import_document,
    import_reference,
    read_document,
    store_documents,
)
from xzannot.store.database import open_project
from xzannot.store.documents import list_documents, list_pages, page_content
from xzannot.store.models import Document, Page, PageText, ReferenceText


def _counts(db: Path) -> tuple[int, int, int]:
    with open_project(db) as project, project.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Document)) or 0,
            s.scalar(select(func.count()).select_from(Page)) or 0,
            s.scalar(select(func.count()).select_from(PageText)) or 0,
        )


def test_same_file_twice_is_recognised_by_hash(
    db_path: Path, worker: PdfiumWorker, tmp_path: Path
) -> None:
    renamed = tmp_path / "另一个名字.pdf"
    shutil.copyfile(SAMPLE_PDF, renamed)
    with open_project(db_path) as project:
        first = import_document(project, worker, SAMPLE_PDF)
        second = import_document(project, worker, renamed)
    assert not first.already_present
    assert second.already_present
    assert second.document_id == first.document_id
    assert _counts(db_path) == (1, 3, 3)


def _unreadable_page_3(
    documents: Documents, path: Path, password: str | None, index: int, with_label: bool
) -> ExtractedPage:
    if index == 2:
        raise UserError("page 3 is unreadable")
    return pdf_import._extract_page(documents, path, password, index, with_label)


def _crash_on_page_3(
    documents: Documents, path: Path, password: str | None, index: int, with_label: bool
) -> ExtractedPage:
    if index == 2:
        os.kill(os.getpid(), signal.SIGSEGV)
    return pdf_import._extract_page(documents, path, password, index, with_label)


@pytest.mark.parametrize(
    ("reader", "said"),
    [
        (_unreadable_page_3, "page 3 is unreadable"),
        (
            _crash_on_page_3,
            r"pdfium failed on reading xiuzhou-2022-sample\.pdf, page 3: it crashed",
        ),
    ],
)
def test_failure_on_a_later_page_leaves_no_document(
    db_path: Path,
    worker: PdfiumWorker,
    monkeypatch: pytest.MonkeyPatch,
    reader: Callable[..., ExtractedPage],
    said: str,
) -> None:
    # the function is sent to the pdfium process by name; there it calls the real reader
    monkeypatch.setattr(pdf_import, "_extract_page", reader)
    with open_project(db_path) as project, pytest.raises(UserError, match=said):
        import_document(project, worker, SAMPLE_PDF)
    assert _counts(db_path) == (0, 0, 0)


def test_cancelled_import_leaves_no_document(db_path: Path, worker: PdfiumWorker) -> None:
    cancel = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 2:
            cancel.set()

    with open_project(db_path) as project, pytest.raises(CancelledError):
        import_document(project, worker, SAMPLE_PDF, progress=progress, cancel=cancel)
    assert _counts(db_path) == (0, 0, 0)


def test_several_files_are_stored_together_or_not_at_all(
    db_path: Path, worker: PdfiumWorker
) -> None:
    reads = [read_document(worker, SAMPLE_PDF), read_document(worker, SAMPLE_DUMP)]
    bad = reads[1].pages[0]
    bad.width = "not a number"  # type: ignore[assignment]  # makes the insert fail
    reads[1].pages = PageSpool([bad])
    with open_project(db_path) as project, pytest.raises(Exception):  # noqa: B017
        store_documents(project, reads)
    assert _counts(db_path) == (0, 0, 0)


def test_text_dump_becomes_one_page_with_its_printed_label(
    db_path: Path, worker: PdfiumWorker
) -> None:
    with open_project(db_path) as project:
        outcome = import_document(project, worker, SAMPLE_DUMP)
        with project.session() as s:
            (page,) = list_pages(s, outcome.document_id)
            content = page_content(s, page.id)
    assert page.printed_label == "22"
    assert page.width == 0
    assert content.source == "dump"
    assert content.original == SAMPLE_DUMP.read_text(encoding="utf-8")
    assert content.boxes == [None] * len(content.current)  # a dump has no boxes


def test_a_dump_of_several_pages_becomes_as_many_pages(
    db_path: Path, worker: PdfiumWorker, tmp_path: Path
) -> None:
    seed = SAMPLE_DUMP.read_text(encoding="utf-8")
    book = tmp_path / "book.txt"
    book.write_text("\f".join(seed.replace("—  2 2  —", f"— {n} —") for n in (22, 23, 24)), "utf-8")
    with open_project(db_path) as project:
        outcome = import_document(project, worker, book)
        with project.session() as s:
            pages = list_pages(s, outcome.document_id)
            texts = [page_content(s, p.id).original for p in pages]
    assert outcome.pages == 3
    assert [p.printed_label for p in pages] == ["22", "23", "24"]
    assert texts[1] == seed.replace("—  2 2  —", "— 23 —")


def test_gb18030_text_dump_is_decoded(db_path: Path, worker: PdfiumWorker, tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("加强全面优质的公共服务供给。\n— 22 —\n".encode("gb18030"))
    with open_project(db_path) as project:
        outcome = import_document(project, worker, path)
        with project.session() as s:
            (page,) = list_pages(s, outcome.document_id)
            assert page_content(s, page.id).original.startswith("加强全面优质")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "scan.png"),
        ("report.docx", b"PK\x03\x04" + b"\0" * 20, "not a PDF, an image .* or a text dump"),
        ("empty.txt", b"  \n", "is empty"),
        ("binary.txt", b"abc\x00def", "neither a PDF nor a text file"),
    ],
)
def test_unsupported_files_are_explained(  # noqa: PLR0917  (fixtures and parameters)
    db_path: Path, worker: PdfiumWorker, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with open_project(db_path) as project, pytest.raises(UserError, match=reason):
        import_document(project, worker, path)
    assert _counts(db_path) == (0, 0, 0)


def test_scan_without_text_is_imported_as_needing_text(db_path: Path, worker: PdfiumWorker) -> None:
    with open_project(db_path) as project:
        outcome = import_document(project, worker, DATA / "scanned-no-text.pdf")
        with project.session() as s:
            (page,) = list_pages(s, outcome.document_id)
    assert outcome.pages_needing_text == 1
    assert page.needs_text


def test_reference_is_stored_against_a_document_once(db_path: Path, worker: PdfiumWorker) -> None:
    with open_project(db_path) as project:
        with pytest.raises(UserError, match="no documents yet"):
            import_reference(project, SAMPLE_REFERENCE)
        doc = import_document(project, worker, SAMPLE_PDF)
        first = import_reference(project, SAMPLE_REFERENCE)
        again = import_reference(project, SAMPLE_REFERENCE, document=str(doc.document_id))
        with project.session() as s:
            stored = s.scalars(select(ReferenceText)).all()
            assert len(stored) == 1
            # stored without the web page around it (the site's notice, address, comments)
            web = SAMPLE_REFERENCE.read_text(encoding="utf-8")
            assert stored[0].text == web[: web.index("本文仅代表作者观点")].rstrip("\n") + "\n"
        kept = import_reference(project, SAMPLE_REFERENCE, keep_furniture=True)
        assert not kept.already_present and kept.removed == ()
        with pytest.raises(UserError, match="a reference witness must be a text file"):
            import_reference(project, SAMPLE_PDF)
    assert first.document_id == doc.document_id
    assert not first.already_present
    assert again.already_present


def test_documents_list_in_import_order(db_path: Path, worker: PdfiumWorker) -> None:
    with open_project(db_path) as project:
        import_document(project, worker, SAMPLE_PDF)
        import_document(project, worker, SAMPLE_DUMP)
        with project.session() as s:
            assert [d.kind for d in list_documents(s)] == ["pdf", "text"]
