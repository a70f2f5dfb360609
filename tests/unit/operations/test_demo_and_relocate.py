from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SAMPLE_PDF
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.demo import ensure_demo
from xzannot.operations.importing import import_document
from xzannot.operations.relocate import document_path
from xzannot.store.database import open_project
from xzannot.store.documents import get_document
from xzannot.store.stats import project_stats


def test_demo_is_made_once_in_the_user_data_folder(
    worker: PdfiumWorker, user_data_dir: Path
) -> None:
    demo = ensure_demo(worker)
    assert demo.created
    assert demo.database.is_relative_to(user_data_dir)
    with open_project(demo.database) as project, project.session() as s:
        stats = project_stats(s)
    assert (stats.documents, stats.pages, stats.references) == (2, 4, 2)  # a witness each
    assert not list(demo.database.parent.glob("*.part*"))
    again = ensure_demo(worker)
    assert not again.created
    assert again.database == demo.database


def test_moved_pdf_is_found_again_by_hash(
    db_path: Path, worker: PdfiumWorker, sample_pdf: Path
) -> None:
    with open_project(db_path) as project:
        import_document(project, worker, sample_pdf)
        moved = db_path.parent / "renamed-yearbook.pdf"
        shutil.move(sample_pdf, moved)
        with project.session() as s:
            doc = get_document(s, None)
        assert document_path(project, doc) == moved
        with project.session() as s:
            assert Path(get_document(s, None).source_path) == moved  # remembered


def test_missing_pdf_is_reported_as_none(
    db_path: Path, worker: PdfiumWorker, sample_pdf: Path
) -> None:
    with open_project(db_path) as project:
        import_document(project, worker, sample_pdf)
        sample_pdf.unlink()
        with project.session() as s:
            doc = get_document(s, None)
        assert document_path(project, doc) is None


def test_a_different_pdf_with_the_same_name_is_not_taken(
    db_path: Path, worker: PdfiumWorker, sample_pdf: Path
) -> None:
    with open_project(db_path) as project:
        import_document(project, worker, sample_pdf)
        sample_pdf.write_bytes(SAMPLE_PDF.read_bytes() + b"\n% changed\n")
        with project.session() as s:
            doc = get_document(s, None)
        assert document_path(project, doc) is None
