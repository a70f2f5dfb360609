"""Exporting the corpus: choose pages and spans, gather them, write one format.

Pages are corrected first (once, as everywhere), so every format carries the
corrected body text; offsets are code points of that text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from xzannot.core.boxes import Box
from xzannot.core.corpus import CorpusPage, Furniture
from xzannot.core.folio import folio_of_line
from xzannot.core.labels import LabelDef
from xzannot.core.layout import EDGE
from xzannot.core.pages import BOXED_SOURCES
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import CancelledError, UserError
from xzannot.io.corpus.alto import alto_xml
from xzannot.io.corpus.brat import write_brat
from xzannot.io.corpus.conll import write_conll
from xzannot.io.corpus.formats import DEFAULT_STATUSES, FORMATS, TEXT_FORMATS
from xzannot.io.corpus.jsonl import write_jsonl
from xzannot.io.corpus.labelstudio import labelling_config, write_labelstudio
from xzannot.io.corpus.output import atomic_file, atomic_folder, check_target
from xzannot.io.corpus.pagexml import page_xml
from xzannot.io.corpus.regions import DPI
from xzannot.io.corpus.tables import write_targets_csv, write_texts
from xzannot.io.png import encode_png
from xzannot.io.render import PageRenderer
from xzannot.operations.correcting import correct_page_in
from xzannot.store.database import Project
from xzannot.store.documents import (
    DocumentInfo,
    PageContent,
    PageInfo,
    get_document,
    list_documents,
    list_pages,
)
from xzannot.store.export_reads import (
    chunks,
    current_texts,
    each_layer,
    live_spans,
    pages_to_correct,
)
from xzannot.store.labels import list_labels
from xzannot.store.ocr import page_image
from xzannot.store.session import Session


@dataclass(frozen=True)
class ExportFilter:
    """Which pages and spans to export; empty means all."""

    documents: tuple[str, ...] = ()  # ids or titles
    pages: tuple[int, ...] = ()  # page numbers within the chosen documents
    labels: tuple[str, ...] = ()
    statuses: tuple[SpanStatus, ...] = DEFAULT_STATUSES
    annotators: tuple[str, ...] = ()
    layers: tuple[SpanLayer, ...] = ()  # annotators' own layers, the curated one, or both

    def keeps(self, span: SpanInfo) -> bool:
        """Whether a span passes the label, status, annotator and layer filters."""
        return (
            not span.orphaned
            and (not self.labels or span.label in self.labels)
            and span.status in self.statuses
            and (not self.annotators or (span.annotator or "") in self.annotators)
            and (not self.layers or span.layer in self.layers)
        )


@dataclass
class ExportOutcome:
    """What an export wrote, and what it left out and why."""

    path: Path
    pages: int = 0
    spans: int = 0
    spans_left_out: int = 0  # by the filters
    notes: list[str] = field(default_factory=list)


def parse_page_numbers(text: str) -> tuple[int, ...]:
    """``1-3,7`` as (1, 2, 3, 7)."""
    numbers: list[int] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        low, _, high = part.partition("-")
        try:
            first, last = int(low), int(high or low)
        except ValueError:
            raise UserError(f"{part!r} is not a page number or a range like 3-7") from None
        if first < 1 or last < first:
            raise UserError(f"{part!r} is not a range of pages from 1")
        numbers.extend(range(first, last + 1))
    return tuple(numbers)


def _furniture(content: PageContent, height: float) -> tuple[Furniture, ...]:
    """The running heads and folios of a PDF page: the glyphs the correction took out of the
    body at the top and foot of the page, line by line."""
    original, boxes = content.original, content.original_boxes
    band = EDGE * height
    glyphs = [
        i
        for i in _dropped(content)
        if (box := boxes[i]) is not None
        and not original[i].isspace()
        and (box[1] < band or box[3] > height - band)
    ]
    items = []
    for row in _rows(glyphs, boxes):
        chars: list[str] = []
        placed: list[Box | None] = []
        for i in row:
            box = boxes[i]
            assert box is not None
            previous = placed[-1] if placed else None
            if previous is not None and box[0] - previous[2] > box[3] - box[1]:
                chars.append(" ")  # 秀洲年鉴2022      特载: two pieces of one running head
                placed.append(None)
            chars.append(original[i])
            placed.append(box)
        text = "".join(chars)
        top = min(b[1] for b in placed if b is not None)
        kind = "page-number" if folio_of_line(text) else "header" if top < height / 2 else "footer"
        items.append(Furniture(kind, text, tuple(placed)))
    return tuple(items)


def _dropped(content: PageContent) -> list[int]:
    """The extracted glyphs the current text no longer holds (a few of thousands), in order."""
    size = len(content.original_boxes)
    kept = np.zeros(max(size, len(content.original)) + 1, dtype=bool)
    kept[np.array(content.origins, dtype=np.intp)] = True  # -1 (typed in) marks the last
    found: list[int] = np.flatnonzero(~kept[:size]).tolist()
    return found


def _rows(glyphs: list[int], boxes: Sequence[Box | None]) -> list[list[int]]:
    """Glyphs (all with boxes) grouped into printed lines, top to bottom, each left to right."""
    placed = {i: box for i in glyphs if (box := boxes[i]) is not None}
    rows: list[list[int]] = []
    extents: list[tuple[float, float]] = []
    for i in sorted(placed, key=lambda g: placed[g][1]):
        top, bottom = placed[i][1], placed[i][3]
        for number, (low, high) in enumerate(extents):
            if min(high, bottom) - max(low, top) > 0.25 * min(high - low, bottom - top):
                rows[number].append(i)
                extents[number] = (min(low, top), max(high, bottom))
                break
        else:
            rows.append([i])
            extents.append((top, bottom))
    return [sorted(row, key=lambda g: placed[g][0]) for row in rows]


def _listed(session: Session, chosen: ExportFilter) -> list[tuple[DocumentInfo, PageInfo]]:
    """The chosen pages with their documents, in document and page order."""
    documents = (
        [get_document(session, ref) for ref in chosen.documents]
        if chosen.documents
        else list_documents(session)
    )
    return [
        (document, info)
        for document in documents
        for info in list_pages(session, document.id)
        if not chosen.pages or info.number in chosen.pages
    ]


@dataclass
class _Tally:
    """Spans written and left out, counted as the pages stream past."""

    spans: int = 0
    left_out: int = 0


def corpus_pages(
    session: Session,
    listed: Sequence[tuple[DocumentInfo, PageInfo]],
    chosen: ExportFilter,
    tally: _Tally,
    *,
    layout: bool,
    spans: bool,
) -> Iterator[CorpusPage]:
    """The listed pages as corpus pages, read a chunk of pages at a time (a few queries a
    chunk), so that an export of any size holds one chunk at a time (and of its layers,
    the stored rows: each page's is built in its turn)."""
    for chunk in chunks(listed):
        infos = [info for _, info in chunk]
        ids = [info.id for info in infos]
        found = live_spans(session, ids) if spans else {}
        layers = each_layer(session, infos) if layout else [None] * len(chunk)
        texts = {} if layout else current_texts(session, ids)
        for (document, info), content in zip(chunk, layers, strict=True):
            on_page = found.get(info.id, [])
            kept = tuple(s for s in on_page if chosen.keeps(s))
            tally.spans += len(kept)
            tally.left_out += len(on_page) - len(kept)
            yield _corpus_page(document, info, content, texts.get(info.id, ""), kept)


def _corpus_page(
    document: DocumentInfo,
    info: PageInfo,
    content: PageContent | None,
    text: str,
    kept: tuple[SpanInfo, ...],
) -> CorpusPage:
    page = CorpusPage(
        page_id=info.id,
        document_id=document.id,
        document=document.title,
        source=Path(document.source_path).name,
        number=info.number,
        printed_page=info.printed_label,
        text=content.current if content else text,
        spans=kept,
        width=info.width,
        height=info.height,
    )
    boxed = content is not None and content.source in BOXED_SOURCES
    if content is not None and boxed and any(content.original_boxes):
        page = replace(
            page,
            boxes=tuple(content.boxes),
            furniture=_furniture(content, info.height),
            confidences=tuple(content.confidences),
        )
    return page


def gather(
    session: Session, chosen: ExportFilter, *, layout: bool = True, spans: bool = True
) -> tuple[list[CorpusPage], int]:
    """The chosen pages, corrected, with their chosen spans; and how many spans were left out.

    Without ``layout`` the pages carry text and spans only (no boxes, no furniture):
    what every format but PAGE and ALTO needs, at a fraction of the cost; without
    ``spans``, text (and layout) only. Holds every page at once: :func:`export` streams.
    """
    listed = _listed(session, chosen)
    for page_id in pages_to_correct(session, [info.id for _, info in listed]):
        correct_page_in(session, page_id)
    tally = _Tally()
    pages = list(corpus_pages(session, listed, chosen, tally, layout=layout, spans=spans))
    return pages, tally.left_out


def _write_xml(
    pages: Iterable[CorpusPage],
    folder: Path,
    render: Callable[[CorpusPage], bytes | None] | None,
    make: Callable[[CorpusPage, str], bytes],
    outcome: ExportOutcome,
) -> None:
    for page in pages:
        if not page.has_coordinates:
            outcome.notes.append(f"{page.name}: no coordinates (imported as text), left out")
            continue
        # the page image written beside the XML; without --images, the PDF it is a page of
        # (the coordinates are its pixels at 300 dpi), never a PNG that is not there
        image = page.source
        if render is not None:
            png = render(page)
            if png is not None:
                image = f"{page.name}.png"
                (folder / image).write_bytes(png)
        (folder / f"{page.name}.xml").write_bytes(make(page, image))
        outcome.pages += 1


_Listed = list[tuple[DocumentInfo, PageInfo]]


@contextmanager
def _export_session(project: Project, chosen: ExportFilter) -> Iterator[tuple[Session, _Listed]]:
    """One read transaction for the whole export, and the pages chosen. Pages never
    corrected are corrected first, in a change of their own (only those: what was corrected
    once is never corrected again), so the write lock is not held while files are written."""
    with project.session() as session:
        listed = _listed(session, chosen)
        todo = pages_to_correct(session, [info.id for _, info in listed])
        if not todo:  # the read goes on in this transaction, begun by the first query
            yield session, listed
            return
    with project.transaction(derived=True) as session:  # corrections only, on read-only
        for page_id in todo:
            correct_page_in(session, page_id)
    with project.session() as session:
        yield session, _listed(session, chosen)


def export(
    project: Project,
    format_name: str,
    path: Path,
    chosen: ExportFilter | None = None,
    *,
    render: Callable[[CorpusPage], bytes | None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportOutcome:
    """Write the chosen pages in ``format_name`` to ``path`` (a file, or a folder for
    brat, pagexml, alto and txt). Nothing is written unless everything is.

    ``render`` gives a page's image as PNG bytes, written beside PAGE and ALTO files.
    Pages never corrected are corrected first; the pages are read a chunk at a time and
    written as they come, in one transaction.
    """
    if format_name not in FORMATS:
        raise UserError(f"unknown format {format_name!r} (one of {', '.join(FORMATS)})")
    chosen = chosen or ExportFilter()
    check_target(path, folder=FORMATS[format_name])  # before any page is touched
    with _export_session(project, chosen) as (session, listed):
        if not listed:
            raise UserError("no pages to export" + (" with those numbers" if chosen.pages else ""))
        labels = list_labels(session)
        tally = _Tally()
        pages = _checked(
            corpus_pages(
                session,
                listed,
                chosen,
                tally,
                layout=format_name in ("pagexml", "alto"),
                spans=format_name not in TEXT_FORMATS,  # the text and its layout only
            ),
            cancelled,
        )
        outcome = ExportOutcome(path)
        if FORMATS[format_name]:
            _write_folder(format_name, pages, labels, outcome, render=render, cancelled=cancelled)
        else:
            _write_file(format_name, pages, labels, outcome)
    outcome.spans, outcome.spans_left_out = tally.spans, tally.left_out
    return outcome


def _checked(
    pages: Iterable[CorpusPage], cancelled: Callable[[], bool] | None
) -> Iterator[CorpusPage]:
    """The pages, a cancel checked before each (nothing is then written)."""
    for page in pages:
        if cancelled is not None and cancelled():
            raise CancelledError
        yield page


def _write_folder(
    format_name: str,
    pages: Iterable[CorpusPage],
    labels: list[LabelDef],
    outcome: ExportOutcome,
    *,
    render: Callable[[CorpusPage], bytes | None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Write a format that is a folder of files (brat, txt, pagexml, alto), all or none."""
    with atomic_folder(outcome.path) as folder:
        if format_name == "brat":
            outcome.pages = write_brat(pages, folder, labels)
        elif format_name == "txt":
            outcome.pages = write_texts(pages, folder)
        elif format_name == "pagexml":
            when = datetime.now(UTC)
            _write_xml(pages, folder, render, lambda p, i: page_xml(p, i, when), outcome)
        else:
            _write_xml(pages, folder, render, alto_xml, outcome)
        if cancelled is not None and cancelled():
            raise CancelledError


def _write_file(
    format_name: str, pages: Iterable[CorpusPage], labels: list[LabelDef], outcome: ExportOutcome
) -> None:
    """Write a format that is one file (jsonl, conll, labelstudio, csv), all or none."""
    path = outcome.path
    counted = _counted(pages, outcome)
    with atomic_file(path) as temporary:
        # utf-8-sig for CSV: spreadsheets then read the Chinese text as UTF-8
        encoding = "utf-8-sig" if format_name == "csv" else "utf-8"
        with temporary.open("w", encoding=encoding, newline="") as out:
            if format_name == "jsonl":
                write_jsonl(counted, out)
            elif format_name == "conll":
                dropped = write_conll(counted, out, [label.key for label in labels])
                if dropped:
                    outcome.notes.append(f"{dropped} overlapping spans left out (BIO cannot nest)")
            elif format_name == "labelstudio":
                write_labelstudio(counted, out)
            else:
                rows = write_targets_csv(counted, out)
                outcome.notes.append(f"{rows} target rows")
        if format_name == "labelstudio":
            config = path.with_name(path.stem + ".config.xml")
            config.write_text(labelling_config(labels), encoding="utf-8")


def _counted(pages: Iterable[CorpusPage], outcome: ExportOutcome) -> Iterator[CorpusPage]:
    """The pages, each counted in the outcome as it is written."""
    for page in pages:
        outcome.pages += 1
        yield page


def page_images(project: Project, renderer: PageRenderer) -> Callable[[CorpusPage], bytes | None]:
    """Page images for PAGE and ALTO: each page rendered at the coordinates' resolution
    (a scan turned as it was for OCR).

    A page whose file is no longer where it was gets no image (the XML still names it).
    """

    def render(page: CorpusPage) -> bytes | None:
        with project.session() as session:
            image = page_image(session, page.page_id)
        if image is None or not Path(image.path).is_file():
            return None
        found = renderer.render_dpi(Path(image.path), image.index + 1, DPI, image.skew)
        return encode_png(found.result())

    return render
