"""Reading scanned pages: OCR of whole pages and of regions, and the checking queue.

Each page read is stored in its own transaction as soon as it is read, so an interrupted
run (cancelled, killed, a crash) keeps the pages already read, and the next run goes on
from the first page not yet read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from xzannot.core.boxes import Box
from xzannot.core.edits import Edit, Review
from xzannot.core.pages import TextSource
from xzannot.errors import CancelledError, UserError
from xzannot.io.ocr.job import OcrJob
from xzannot.io.ocr.names import DEFAULT_DPI, REGION_DPI
from xzannot.io.ocr.worker import OcrWorker
from xzannot.operations.changes import NOTHING, OpChanges, on_pages
from xzannot.operations.correcting import AUTHOR, correct_page_in
from xzannot.operations.exporting import parse_page_numbers
from xzannot.store.database import Project
from xzannot.store.documents import get_document, list_pages, page_content
from xzannot.store.edits import add_edits
from xzannot.store.ocr import (
    OcrTarget,
    Unsure,
    accept_characters,
    has_confidences,
    ocr_targets,
    page_image,
    store_ocr_text,
    unaccept_characters,
    unsure_characters,
    unsure_counts,
)

Progress = Callable[[int, int], None]  # (pages done, pages in all)


@dataclass(slots=True)
class OcrOutcome:
    """What an OCR run did, page by page."""

    read: list[tuple[int, int]] = field(default_factory=list)  # (page id, characters)
    already: int = 0  # read by an earlier run (resumed past)
    skipped: list[str] = field(default_factory=list)  # pages left alone, and why
    failed: list[str] = field(default_factory=list)  # pages that could not be read, and why
    cancelled: bool = False
    engine: str = ""
    changes: OpChanges = NOTHING  # the pages read: their text, corrections and OCR readings


def choose_pages(
    project: Project, *, document: str | None = None, pages: str | None = None
) -> list[int]:
    """The pages an OCR run reads: ``pages`` (e.g. ``1-3,7``) of ``document`` (default the
    first), or, with no pages given, every page without a text of the document (or of all)."""
    with project.session() as session:
        if pages:
            doc = get_document(session, document)
            wanted = set(parse_page_numbers(pages))
            chosen = [p for p in list_pages(session, doc.id) if p.number in wanted]
            missing = sorted(wanted - {p.number for p in chosen})
            if missing:
                raise UserError(
                    f"{doc.title} has no page {', '.join(map(str, missing[:5]))}; "
                    f"it has pages 1 to {doc.page_count}"
                )
            return [p.id for p in chosen]
        doc_id = get_document(session, document).id if document is not None else None
        every = list_pages(session, doc_id)
        if not every:
            raise UserError("the project holds no pages yet; import a file first")
        return [p.id for p in every if p.needs_text]


def ocr_pages(
    project: Project,
    worker: OcrWorker,
    page_ids: list[int],
    *,
    dpi: float = DEFAULT_DPI,
    again: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> OcrOutcome:
    """Read the pages with ``worker``'s engine, storing each as soon as it is read.

    Pages read by an earlier run are passed over (unless ``again``), so a run that was
    interrupted goes on where it stopped. Pages someone has worked on are left alone.
    """
    with project.session() as session:
        targets = ocr_targets(session, page_ids, AUTHOR)
    outcome = OcrOutcome()
    total = len(targets)
    if progress:
        progress(0, total)
    for done, target in enumerate(targets, 1):
        if target.image is None:
            outcome.skipped.append(f"page {target.number}: imported as text, it has no image")
        elif target.source == TextSource.OCR.value and not again:
            outcome.already += 1
        elif target.blocked:
            outcome.skipped.append(f"page {target.number}: {target.blocked}")
        else:
            _read_page(project, worker, target, outcome, dpi=dpi, cancel=cancel)
            if outcome.cancelled:
                break
        if progress:
            progress(done, total)
    # corrected once every page is read: running heads are told by their repetition on the
    # neighbouring pages, which must have their text first
    with project.transaction() as session:
        for page_id, _ in outcome.read:
            correct_page_in(session, page_id)
    outcome.engine = worker.engine_name
    outcome.changes = ocr_read([page_id for page_id, _ in outcome.read])
    return outcome


def ocr_read(page_ids: list[int]) -> OpChanges:
    """What storing OCR readings of pages changed: their text (and whether they need one),
    their corrections and spans, their readings; nothing when no page was read."""
    if not page_ids:
        return NOTHING
    return on_pages(page_ids, text=True, edits=True, spans=True, ocr=True)


def _read_page(
    project: Project,
    worker: OcrWorker,
    target: OcrTarget,
    outcome: OcrOutcome,
    *,
    dpi: float,
    cancel: threading.Event | None,
) -> None:
    """Read one page and store its text in a transaction of its own; a failure or a cancel
    is noted in ``outcome``."""
    image = target.image
    assert image is not None
    job = OcrJob(Path(image.path), image.kind, image.index, dpi)
    try:
        page = worker.run(job, cancel)
    except CancelledError:
        outcome.cancelled = True
        return
    except UserError as exc:
        outcome.failed.append(f"page {target.number}: {exc}")
        return
    layer = page.layer()
    with project.transaction() as session:
        store_ocr_text(
            session,
            target.page_id,
            text=layer.text,
            boxes=layer.boxes,
            confidences=layer.confidences,
            alternatives=layer.alternatives,
            engine=page.engine,
            skew=page.skew,
            automatic=AUTHOR,
        )
    outcome.read.append((target.page_id, len(layer.text)))


def region_evidence(engine: str, dpi: float) -> str:
    """What a region read again says of itself in the Corrections dock."""
    return f"read again with {engine} at {dpi:.0f} dpi"


def read_region(
    project: Project,
    worker: OcrWorker,
    page_id: int,
    region: Box,
    *,
    dpi: float = REGION_DPI,
    cancel: threading.Event | None = None,
) -> str:
    """What OCR reads in a rectangle of a page (points on the page as shown), line by line."""
    with project.session() as session:
        image = page_image(session, page_id)
    if image is None:
        raise UserError("this page was imported as text: it has no image to read")
    job = OcrJob(Path(image.path), image.kind, image.index, dpi, skew=image.skew, region=region)
    return worker.run(job, cancel).layer().text.strip()


def put_region_text(
    project: Project, page_id: int, region: Box, text: str, *, author: str, evidence: str
) -> int:
    """Put ``text`` in place of the characters lying in a rectangle of the page, as one
    edit (kind ``ocr``) that spans follow like any other; returns the edit's id."""
    with project.transaction() as session:
        correct_page_in(session, page_id)
        content = page_content(session, page_id)
        start, end = _characters_in(content.boxes, region, content.current)
        before = content.current[start:end]
        if not text and not before:
            raise UserError("nothing was read in the region, and the page has no text there")
        if text == before:
            raise UserError("the region reads the same again; nothing was changed")
        added = add_edits(
            session,
            page_id,
            [(Edit(start, end, text), "ocr")],
            author=author,
            review=Review.ACCEPTED,
            evidence={"ocr": evidence},
        )
        return added.ids[0]


def _characters_in(boxes: list[Box | None], region: Box, text: str) -> tuple[int, int]:
    """The range of the current text whose characters' centres lie in the region; where
    none does, the place after the last character above it (a line OCR had missed)."""
    left, top, right, bottom = region
    inside = [
        i
        for i, box in enumerate(boxes)
        if box is not None
        and left <= (box[0] + box[2]) / 2 <= right
        and top <= (box[1] + box[3]) / 2 <= bottom
    ]
    if inside:
        start, end = inside[0], inside[-1] + 1
        return start, end
    above = [i for i, box in enumerate(boxes) if box is not None and box[3] <= top]
    place = above[-1] + 1 if above else 0
    while place < len(text) and text[place] != "\n" and above:
        place += 1  # to the end of that line
    return place, place


def unsure(project: Project, page_id: int) -> list[Unsure]:
    """The characters of a page OCR was unsure of and nobody has accepted, in text order."""
    with project.session() as session:
        if not has_confidences(session, page_id):
            return []  # a PDF's text layer or typed text: nothing to check (a quick read)
    with project.transaction(derived=True) as session:
        correct_page_in(session, page_id)
        content = page_content(session, page_id)
        return unsure_characters(
            session, page_id, content.origins, content.current, content.original
        )


def accept(project: Project, page_id: int, originals: list[int]) -> list[int]:
    """Accept characters as read (they leave the queue); returns the newly accepted."""
    with project.transaction() as session:
        return accept_characters(session, page_id, originals)


def characters_checked(page_id: int) -> OpChanges:
    """What accepting characters of a page as read (or putting them back into the queue)
    changed: its checking queue."""
    return on_pages([page_id], ocr=True)


def unaccept(project: Project, page_id: int, originals: list[int]) -> OpChanges:
    """Put characters back into the queue."""
    with project.transaction() as session:
        unaccept_characters(session, page_id, originals)
    return characters_checked(page_id)


def unsure_total(project: Project, page_ids: list[int]) -> int:
    """How many characters of these pages wait in the checking queue."""
    with project.session() as session:
        return sum(low for low, _ in unsure_counts(session, page_ids).values())


def unsure_shares(project: Project) -> dict[int, tuple[int, int]]:
    """Per OCR'd page: (characters still unsure, characters read)."""
    with project.session() as session:
        return unsure_counts(session)
