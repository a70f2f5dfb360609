"""Importing several files at once, as the command line and the window both do."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, SAMPLE_DUMP, SAMPLE_PDF
from xzannot.errors import CancelledError, UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations import importing
from xzannot.operations.changes import NOTHING
from xzannot.operations.importing import ImportOutcome, import_document, import_files
from xzannot.store.database import open_project
from xzannot.store.documents import list_documents


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read, in order (every read goes through read_document)."""
    done: list[Path] = []
    read = importing.read_document

    def counted(worker: PdfiumWorker, path: Path, **options: Any) -> importing.ReadDocument:
        done.append(path)
        return read(worker, path, **options)

    monkeypatch.setattr(importing, "read_document", counted)
    return done


def test_known_files_are_not_read_again(
    db_path: Path, worker: PdfiumWorker, reads: list[Path]
) -> None:
    with open_project(db_path) as project:
        first = import_document(project, worker, SAMPLE_DUMP)
        reads.clear()
        seen: list[tuple[int, int]] = []
        outcomes = import_files(
            project, worker, [SAMPLE_DUMP, SAMPLE_PDF], progress=lambda d, t: seen.append((d, t))
        )
    assert reads == [SAMPLE_PDF]
    assert [o.already_present for o in outcomes] == [True, False]  # in the order of the paths
    assert outcomes[0].document_id == first.document_id
    assert outcomes[0].changes == NOTHING
    assert outcomes[1].changes.documents
    assert outcomes[1].pages == 3
    # files are equal parts of the whole: the known one counts as done at once
    assert seen[0] == (1000, 2000)
    assert seen[-1] == (2000, 2000)
    assert all(t == 2000 for _, t in seen)


def test_a_location_is_read_like_an_open_project(
    db_path: Path, worker: PdfiumWorker, reads: list[Path]
) -> None:
    with open_project(db_path) as project:
        import_document(project, worker, SAMPLE_DUMP)
    reads.clear()
    shown: list[Path] = []

    def per_file(path: Path) -> None:
        shown.append(path)

    outcomes = import_files(str(db_path), worker, [SAMPLE_DUMP], file_progress=per_file)
    assert reads == []  # known: not read, and not shown
    assert shown == []
    assert [o.already_present for o in outcomes] == [True]


def test_a_failed_read_creates_no_project(tmp_path: Path, worker: PdfiumWorker) -> None:
    db = tmp_path / "new.xzannot.sqlite"
    with pytest.raises(UserError, match="encrypted"):
        import_files(str(db), worker, [SAMPLE_DUMP, DATA / "encrypted-sample.pdf"])
    assert not db.exists()


def test_a_failed_read_stores_nothing(db_path: Path, worker: PdfiumWorker) -> None:
    with open_project(db_path) as project:
        with pytest.raises(UserError, match="encrypted"):
            import_files(project, worker, [SAMPLE_DUMP, DATA / "encrypted-sample.pdf"])
        with project.session() as session:
            assert list_documents(session) == []


def test_a_cancel_stores_nothing(db_path: Path, worker: PdfiumWorker) -> None:
    cancel = threading.Event()
    cancel.set()
    with open_project(db_path) as project:
        with pytest.raises(CancelledError):
            import_files(project, worker, [SAMPLE_DUMP], cancel=cancel)
        with project.session() as session:
            assert list_documents(session) == []


def test_a_new_project_is_made_only_to_store(tmp_path: Path, worker: PdfiumWorker) -> None:
    db = tmp_path / "new.xzannot.sqlite"
    outcomes = import_files(str(db), worker, [SAMPLE_DUMP, SAMPLE_DUMP])
    assert [o.already_present for o in outcomes] == [False, True]  # the same file twice
    assert isinstance(outcomes[0], ImportOutcome)
    assert db.exists()
