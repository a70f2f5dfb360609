"""The corpus of real pages (``tests/data/realpages``): each page's reference, and its text
as extracted and as corrected, read through a real project as ``xzannot text`` reads them."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import DATA, SHARED
from xzannot.core.cer import cer, comparable
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.correcting import correct_page_in
from xzannot.operations.importing import import_document
from xzannot.store.database import open_project
from xzannot.store.documents import list_pages, page_content

CORPUS = DATA / "realpages"
MADE = DATA / "madepages"  # PDFs xzannot makes itself to reproduce each fault (make_pages.py)


@dataclass(frozen=True)
class RealPage:
    """One page of the corpus, read three ways."""

    stem: str
    number: int
    reference: str
    extracted: str  # the text layer as extracted (``xzannot text --original``)
    corrected: str  # after xzannot's corrections (``xzannot text``)

    @property
    def name(self) -> str:
        return f"{self.stem} p{self.number}"

    @property
    def cer_extracted(self) -> float:
        return cer(comparable(self.extracted), comparable(self.reference))

    @property
    def cer_corrected(self) -> float:
        return cer(comparable(self.corrected), comparable(self.reference))


def corpus_stems() -> list[str]:
    """The PDFs (stems in ``shared/realpdfs``) that the corpus has references for."""
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def pdf_of(stem: str) -> Path:
    """The PDF a corpus folder is about: one xzannot made, or a third party's in shared/."""
    made = MADE / f"{stem}.pdf"
    return made if made.exists() else SHARED / "realpdfs" / f"{stem}.pdf"


def read_stem(stem: str) -> list[RealPage]:
    """Every referenced page of one PDF, imported into a new project and corrected there."""
    numbers = sorted(int(p.stem[1:]) for p in (CORPUS / stem).glob("p*.txt"))
    worker = PdfiumWorker()
    try:
        with (
            tempfile.TemporaryDirectory() as folder,
            open_project(Path(folder) / "real.xzannot.sqlite", create=True) as project,
        ):
            import_document(project, worker, pdf_of(stem))
            pages = []
            with project.transaction() as session:
                by_number = {p.number: p.id for p in list_pages(session)}
                for number in numbers:
                    correct_page_in(session, by_number[number])
                    content = page_content(session, by_number[number])
                    reference = (CORPUS / stem / f"p{number}.txt").read_text("utf-8")
                    pages.append(
                        RealPage(stem, number, reference, content.original, content.current)
                    )
            return pages
    finally:
        worker.shutdown()
