"""Shared fixtures: sample files, a template project copied per test, isolated user folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "resources" / "samples"
SAMPLE_PDF = SAMPLES / "xiuzhou-2022-sample.pdf"
SAMPLE_DUMP = SAMPLES / "xiuzhou-2022-p52-dump.txt"
SAMPLE_REFERENCE = SAMPLES / "xiuzhou-2022-web-transcription.txt"
SAMPLE_SOURCE = SAMPLES / "xiuzhou-2022-report.txt"

# Files written by others (real PDFs, official XML schemas, other tools' examples) are never
# copied into the repository: tests read them from shared/ beside the project's root, which
# CI and developers have, and skip, saying why, where it is absent (a user's clone).
SHARED = Path(os.environ.get("XZANNOT_SHARED_DIR") or ROOT.parent / "shared")
# the real PDFs in shared/realpdfs (see its README.md)
REAL_PDFS = (
    "chatchat_caj2pdf_1994_journal.pdf",
    "kqallm_changan_webpage_print.pdf",
    "pdfjs_XiaoBiaoSong_toc.pdf",
    "pdfplumber_issue-336_anhui_land_standard_p173.pdf",
    "pdfplumber_issue-67_quarterly_report.pdf",
    "pdfplumber_pr-136_scanned_with_ocr_layer.pdf",
    "rapiddoc_GBT3620.1-2016_standard_rotated_tables.pdf",
    "rapiddoc_byd_2025q1_report_tables.pdf",
    "rapiddoc_disciplinary_decision_scan_no_text.pdf",
)


def shared_file(*parts: str) -> Path:
    """A third-party file from ``../shared/`` (e.g. ``"realpdfs", "x.pdf"``); skips without it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: third-party test files are read from shared/ beside the "
            "project's root (set XZANNOT_SHARED_DIR to point elsewhere)"
        )
    return path


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder; nothing touches the real one."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("XZANNOT_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, fully migrated project, made once per test session."""
    from xzannot.store.database import open_project

    path = tmp_path_factory.mktemp("template") / "empty.xzannot.sqlite"
    open_project(path, create=True).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the empty template project."""
    path = tmp_path / "project.xzannot.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture(scope="session")
def worker() -> Iterator[object]:
    """The pdfium process, shared by the tests of one test process (a test that crashes it
    leaves the next request to start it again), stopped at the end."""
    from xzannot.io.pdfium_worker import PdfiumWorker

    w = PdfiumWorker()
    yield w
    w.shutdown()


@pytest.fixture
def sample_pdf(tmp_path: Path) -> Path:
    """A private copy of the sample yearbook (tests may move or delete it)."""
    target = tmp_path / "pdfs" / SAMPLE_PDF.name
    target.parent.mkdir()
    shutil.copyfile(SAMPLE_PDF, target)
    return target


@pytest.fixture(scope="session")
def scans(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The sample's first two pages as a scanned TIFF, imported and read by OCR, once per
    test process (tests using it share the "ocr" xdist group, so one process makes it)."""
    from tests.scans import make_scans

    return make_scans(tmp_path_factory.mktemp("scans"))


@pytest.fixture
def scanned_db(scans: object, tmp_path: Path) -> Path:
    """A private copy of the OCR'd scans project."""
    path = tmp_path / "scans.xzannot.sqlite"
    shutil.copyfile(scans.project, path)  # type: ignore[attr-defined]
    return path


@pytest.fixture(scope="session")
def sample_template(
    template_db: Path, worker: object, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The sample yearbook imported into a project, once per test process."""
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.operations.importing import import_document
    from xzannot.store.database import open_project

    assert isinstance(worker, PdfiumWorker)
    path = tmp_path_factory.mktemp("sample") / "sample.xzannot.sqlite"
    shutil.copyfile(template_db, path)
    with open_project(path) as project:
        import_document(project, worker, SAMPLE_PDF)
    return path


@pytest.fixture
def sample_db(sample_template: Path, db_path: Path) -> Path:
    """A project holding the sample yearbook (three pages, not yet corrected)."""
    shutil.copyfile(sample_template, db_path)
    return db_path
