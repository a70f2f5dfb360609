"""Pages as the exporters see them: text, spans, coordinates, and the page's layout.

A :class:`CorpusPage` is a plain value gathered from a project; every exporter in
``io.corpus`` writes from it, and the importers read back into the same shape.
Offsets are code points of ``text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xzannot.core.boxes import Box, printed_lines, union
from xzannot.core.spans import SpanInfo


@dataclass(frozen=True)
class Furniture:
    """A running head, running foot or folio: printed on the page, not part of its body."""

    kind: str  # "header", "footer" or "page-number" (the words of PAGE XML)
    text: str
    boxes: tuple[Box | None, ...]  # one per character of ``text`` (None for a space)


@dataclass(frozen=True)
class CorpusPage:
    """One page of the corpus: its corrected body text and what is marked on it."""

    page_id: int
    document_id: int
    document: str  # the document's title
    source: str  # the file it was imported from (a name, not a path)
    number: int  # from 1 in the document's order
    printed_page: str | None
    text: str
    spans: tuple[SpanInfo, ...] = ()
    width: float = 0.0  # in PDF points
    height: float = 0.0
    boxes: tuple[Box | None, ...] = ()  # one per character of ``text``, or none at all
    furniture: tuple[Furniture, ...] = field(default=())
    confidences: tuple[float | None, ...] = ()  # OCR: one per character of ``text``, or none

    @property
    def has_coordinates(self) -> bool:
        """Whether the page came with character boxes (a PDF), not as plain text."""
        return self.width > 0 and any(b is not None for b in self.boxes)

    @property
    def name(self) -> str:
        """A file name stem for this page: the source's stem and the page number."""
        stem = self.source.rsplit(".", 1)[0] if "." in self.source else self.source
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem) or "document"
        return f"{safe}-p{self.number:04d}"


@dataclass(frozen=True)
class Line:
    """A printed line of the body: ``text[start:end]`` and the rectangle it covers."""

    start: int
    end: int
    box: Box | None


@dataclass(frozen=True)
class Block:
    """A paragraph of the body, in reading order, with its printed lines."""

    start: int
    end: int
    lines: tuple[Line, ...]


def _same_column(above: Box | None, below: Box | None) -> bool:
    if above is None or below is None:
        return True
    return min(above[2], below[2]) > max(above[0], below[0]) and below[1] >= above[1]


def blocks(text: str, boxes: Sequence[Box | None]) -> list[Block]:
    """The body's paragraphs (split at line breaks), each cut into its printed lines.

    A paragraph that goes on at the top of the next column becomes two blocks, so that
    every block is one area of the page.
    """
    if not boxes:
        boxes = [None] * len(text)
    found: list[Block] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        lines = [
            Line(a, b, union(boxes[a:b]))
            for a, b in printed_lines(boxes, start, end)
            if text[a:b].strip()
        ]
        group: list[Line] = []
        for line in lines:
            if group and not _same_column(group[-1].box, line.box):
                found.append(Block(group[0].start, group[-1].end, tuple(group)))
                group = []
            group.append(line)
        if group:
            found.append(Block(group[0].start, group[-1].end, tuple(group)))
        start = end + 1
    return found
