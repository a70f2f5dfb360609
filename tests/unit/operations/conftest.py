"""Projects the operations are tried on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DUMP, SAMPLE_PDF
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document
from xzannot.store.database import open_project


@pytest.fixture
def sample(db_path: Path, worker: PdfiumWorker) -> Path:
    """The sample yearbook (three PDF pages) and the p52 dump, imported, nothing more."""
    with open_project(db_path) as project:
        import_document(project, worker, SAMPLE_PDF)
        import_document(project, worker, SAMPLE_DUMP)
    return db_path
