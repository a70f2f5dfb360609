"""Storing what OCR read, and the queue of characters it was unsure of.

A page's recognised text becomes its original text, as a PDF's text layer would be; its
automatic corrections are made again from it. A page someone has worked on (spans, or
corrections typed by a person) is never overwritten: regions of it are read again instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from xzannot.core.boxes import Box, pack_boxes, pack_floats, unpack_floats
from xzannot.core.folio import find_folio
from xzannot.core.ocr import LOW_CONFIDENCE, is_low
from xzannot.core.pages import LabelSource, TextSource
from xzannot.errors import UserError
from xzannot.store.models import (
    Annotator,
    Document,
    EditRow,
    Page,
    PageCollation,
    PageText,
    Span,
)


@dataclass(frozen=True, slots=True)
class PageImage:
    """Where a page's image comes from: a PDF page or an image file's frame."""

    page_id: int
    path: str
    kind: str  # "pdf" or "image"
    index: int  # page or frame, from 0
    skew: float  # degrees the image is turned to stand straight


@dataclass(frozen=True, slots=True)
class OcrTarget:
    """A page chosen for OCR, and whether it can be read now."""

    page_id: int
    document_id: int
    number: int
    image: PageImage | None
    source: str  # the page text's source now ("none" when it has none)
    blocked: str | None  # why it is left alone (someone's work on it), or None


def page_image(session: Session, page_id: int) -> PageImage | None:
    """Where to find a page's image; None for a page imported as text."""
    row = session.execute(
        select(Page.number, Page.skew, Page.image_path, Page.image_frame, Document)
        .join(Document, Document.id == Page.document_id)
        .where(Page.id == page_id)
    ).first()
    if row is None:
        raise UserError(f"page {page_id} no longer exists")
    number, skew, image_path, image_frame, document = row
    skew = skew or 0.0
    if image_path:
        return PageImage(page_id, image_path, "image", image_frame or 0, skew)
    if document.kind == "pdf":
        return PageImage(page_id, document.source_path, "pdf", number - 1, skew)
    if document.kind == "image":
        return PageImage(page_id, document.source_path, "image", number - 1, skew)
    return None


def ocr_targets(session: Session, page_ids: list[int], automatic: str) -> list[OcrTarget]:
    """The pages as OCR sees them: their image, their text's source, and any work on them
    (spans, and corrections by anyone but ``automatic``, the automatic corrections' author)."""
    spans = dict(
        session.execute(
            select(Span.page_id, func.count())
            .where(Span.page_id.in_(page_ids), Span.deleted.is_(False))
            .group_by(Span.page_id)
        ).all()
    )
    typed = dict(
        session.execute(
            select(EditRow.page_id, func.count())
            .join(Annotator, Annotator.id == EditRow.annotator_id, isouter=True)
            .where(
                EditRow.page_id.in_(page_ids),
                (Annotator.name != automatic) | Annotator.name.is_(None),
            )
            .group_by(EditRow.page_id)
        ).all()
    )
    sources = dict(
        session.execute(
            select(PageText.page_id, PageText.source).where(PageText.page_id.in_(page_ids))
        ).all()
    )
    pages = {p.id: p for p in session.scalars(select(Page).where(Page.id.in_(page_ids)))}
    targets = []
    for page_id in page_ids:
        page = pages.get(page_id)
        if page is None:
            continue
        work = []
        if spans.get(page_id):
            work.append(f"{spans[page_id]} span{'s' * (spans[page_id] != 1)}")
        if typed.get(page_id):
            work.append(f"{typed[page_id]} correction{'s' * (typed[page_id] != 1)} by a person")
        blocked = (
            f"it holds {' and '.join(work)}; read regions of it again instead" if work else None
        )
        targets.append(
            OcrTarget(
                page_id,
                page.document_id,
                page.number,
                page_image(session, page_id),
                sources.get(page_id, TextSource.NONE.value),
                blocked,
            )
        )
    return targets


def store_ocr_text(
    session: Session,
    page_id: int,
    *,
    text: str,
    boxes: list[Box | None],
    confidences: list[float | None],
    alternatives: dict[int, tuple[str, ...]],
    engine: str,
    skew: float,
    automatic: str,
) -> None:
    """Make recognised text the page's original text (in the caller's transaction).

    The page's automatic corrections, furniture and collation are dropped, to be made
    again from the new text. Refused for a page someone has worked on.
    """
    target = ocr_targets(session, [page_id], automatic)
    if not target:
        raise UserError(f"page {page_id} no longer exists")
    if target[0].blocked:
        raise UserError(f"page {target[0].number} was not read again: {target[0].blocked}")
    page = session.get(Page, page_id)
    assert page is not None
    session.execute(delete(EditRow).where(EditRow.page_id == page_id))
    session.execute(delete(PageCollation).where(PageCollation.page_id == page_id))
    row = session.scalar(select(PageText).where(PageText.page_id == page_id))
    if row is None:
        row = PageText(page_id=page_id, original="", source=TextSource.OCR.value)
        session.add(row)
    row.original = text
    row.boxes = pack_boxes(boxes)
    row.rules = None
    row.source = TextSource.OCR.value
    row.confidences = pack_floats(confidences)
    row.alternatives = {str(k): list(v) for k, v in alternatives.items()} or None
    row.engine = engine
    row.checked = None
    if page.label_source == LabelSource.NONE.value:  # a scan's folio, now that it is read
        folio = find_folio(text, boxes, page.height)
        if folio:
            page.printed_label, page.label_source = folio, LabelSource.FOLIO.value
    page.skew = skew or None
    page.needs_text = False  # read: a blank page stays blank, it is not offered again
    page.suspect = None
    page.furniture = None
    page.corrected_at = None


@dataclass(frozen=True, slots=True)
class Unsure:
    """A character OCR was unsure of, as it stands in the page's current text."""

    position: int  # in the current text
    original: int  # in the original (what the confidence belongs to)
    char: str
    confidence: float
    alternatives: tuple[str, ...]


def has_confidences(session: Session, page_id: int) -> bool:
    """Whether a page's text came with a confidence per character (an OCR reading)."""
    found = session.execute(
        select(PageText.page_id).where(
            PageText.page_id == page_id, PageText.confidences.is_not(None)
        )
    ).first()
    return found is not None


def unsure_characters(
    session: Session, page_id: int, origins: list[int], current: str, original: str
) -> list[Unsure]:
    """The low-confidence characters still in a page's current text as OCR read them, and
    not yet accepted (a character someone or a rule has changed is settled)."""
    row = session.execute(
        select(PageText.confidences, PageText.alternatives, PageText.checked).where(
            PageText.page_id == page_id
        )
    ).first()
    if row is None or not row[0]:
        return []
    confidences = unpack_floats(row[0])
    alternatives = {int(k): tuple(v) for k, v in (row[1] or {}).items()}
    checked = set(row[2] or ())
    found = []
    for position, origin in enumerate(origins):
        if origin < 0 or origin >= len(confidences) or origin in checked:
            continue
        if origin >= len(original) or original[origin] != current[position]:
            continue
        confidence = confidences[origin]
        if is_low(confidence) and not current[position].isspace():
            assert confidence is not None
            found.append(
                Unsure(
                    position, origin, current[position], confidence, alternatives.get(origin, ())
                )
            )
    return found


def unsure_counts(
    session: Session, page_ids: list[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Per page with OCR confidences: (characters still unsure, characters read)."""
    query = select(PageText.page_id, PageText.confidences, PageText.checked).where(
        PageText.confidences.is_not(None)
    )
    if page_ids is not None:
        query = query.where(PageText.page_id.in_(page_ids))
    counts = {}
    for page_id, blob, checked in session.execute(query):
        # read on every project opening, for every OCR'd page: counted in numpy, not a float
        # object per character (NaN, a character without a confidence, is never low)
        values = np.frombuffer(blob or b"", dtype="<f4")
        low = values < LOW_CONFIDENCE
        accepted = [i for i in checked or () if 0 <= i < len(values) and low[i]]
        counts[page_id] = (
            int(np.count_nonzero(low)) - len(set(accepted)),
            int(np.count_nonzero(~np.isnan(values))),
        )
    return counts


def accept_characters(session: Session, page_id: int, originals: list[int]) -> list[int]:
    """Mark characters (by their index in the original) as read right; returns those that
    were not accepted before (what undoing takes back)."""
    row = session.scalar(select(PageText).where(PageText.page_id == page_id))
    if row is None:
        raise UserError(f"page {page_id} has no text")
    checked = list(row.checked or [])
    new = [i for i in originals if i not in set(checked)]
    if new:
        row.checked = sorted({*checked, *new})
    return new


def unaccept_characters(session: Session, page_id: int, originals: list[int]) -> None:
    """Put accepted characters back into the queue (undo of :func:`accept_characters`)."""
    row = session.scalar(select(PageText).where(PageText.page_id == page_id))
    if row is not None and row.checked:
        gone = set(originals)
        row.checked = [i for i in row.checked if i not in gone] or None
