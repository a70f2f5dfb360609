"""The demo project: the bundled sample yearbook, made once in the user's data folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import import_document, import_reference
from xzannot.paths import demo_folder, ensure_folder
from xzannot.shipped import resource
from xzannot.store.database import open_project

SAMPLE_PDF = "xiuzhou-2022-sample.pdf"
SAMPLE_DUMP = "xiuzhou-2022-p52-dump.txt"
SAMPLE_REFERENCE = "xiuzhou-2022-web-transcription.txt"
DEMO_DB = "demo.xzannot.sqlite"


@dataclass(frozen=True, slots=True)
class Demo:
    """Where the demo project is, and whether this call created it."""

    database: Path
    created: bool


def _copy_sample(name: str, folder: Path) -> Path:
    target = folder / name
    if not target.exists():
        with resource("samples", name).open("rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    return target


def ensure_demo(worker: PdfiumWorker, folder: Path | None = None) -> Demo:
    """Create the demo project unless it exists: the sample PDF, the page dump, the witness."""
    folder = ensure_folder(folder or demo_folder())
    database = folder / DEMO_DB
    if database.exists():
        return Demo(database, created=False)
    partial = folder / (DEMO_DB + ".part")
    for leftover in folder.glob(DEMO_DB + ".part*"):
        leftover.unlink()
    with open_project(partial, create=True) as project:
        pdf = import_document(project, worker, _copy_sample(SAMPLE_PDF, folder))
        dump = import_document(project, worker, _copy_sample(SAMPLE_DUMP, folder))
        witness = _copy_sample(SAMPLE_REFERENCE, folder)
        for document in (pdf, dump):  # the same report: one witness for both
            import_reference(project, witness, document=str(document.document_id))
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.rename(database)
    return Demo(database, created=True)
