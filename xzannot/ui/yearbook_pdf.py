"""Lay out a report as a two-column A4 yearbook section and write it as a PDF.

This is how the bundled sample yearbook (and the benchmark's long PDF) are made:
a running head with a rule, the body in two justified columns with first-line
indents and headings, and the printed folio (``— 22 —``) at the foot, with the
shipped Noto CJK fonts embedded by Qt's PDF writer.

Regenerate the sample from the repository's top folder with::

    python -m xzannot.ui.yearbook_pdf

The text layer Qt writes is realistic on purpose: glyphs that Noto CJK shares
between an ideograph and a Kangxi radical come back from pdfium as the radical
(``⼯`` for ``工``), and with ``stream="rows"`` the content stream runs across
the columns line by line, as in many real yearbook PDFs.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from xzannot.ui.fonts import SANS_FAMILY, cjk_font

NO_LINE_START = set("，。、；：？！）》」』”’…—·%％,.;:?!)]}")
NO_LINE_END = set("（《「『“‘([{")
_HEADING_STARTS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）")


@dataclass(frozen=True)
class Geometry:
    """Page geometry in points (A4)."""

    width: float = 595.28
    height: float = 841.89
    margin_x: float = 56.0
    margin_top: float = 72.0
    margin_bottom: float = 72.0
    gutter: float = 22.0
    body_size: float = 11.0
    line_height: float = 19.0
    heading_size: float = 11.0

    @property
    def column_width(self) -> float:
        return (self.width - 2 * self.margin_x - self.gutter) / 2

    @property
    def lines_per_column(self) -> int:
        return int((self.height - self.margin_top - self.margin_bottom) // self.line_height)


@dataclass
class Line:
    """One laid-out line: its text, whether to justify it, and its indent."""

    text: str
    justify: bool
    indent: float
    heading: bool = False


def is_heading(paragraph: str) -> bool:
    """Section headings: (三)…, 五、…"""
    return paragraph.startswith(_HEADING_STARTS) or (
        len(paragraph) < 30 and paragraph[:1] in "一二三四五六七八九十" and paragraph[1:2] == "、"
    )


def _tokens(text: str) -> list[str]:
    """Units that are never split across lines: a CJK character, or a run of digits/Latin."""
    tokens: list[str] = []
    for ch in text:
        if (
            tokens
            and ch.isascii()
            and ch.isalnum()
            and tokens[-1][-1:].isascii()
            and tokens[-1][-1:].isalnum()
        ) or (tokens and ch == "." and tokens[-1][-1:].isdigit()):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def break_paragraph(text: str, metrics: QFontMetricsF, width: float, indent: float) -> list[str]:
    """Break a paragraph into lines no wider than ``width``, keeping kinsoku rules."""
    lines: list[str] = []
    current: list[str] = []
    used = indent
    for token in _tokens(text):
        advance = metrics.horizontalAdvance(token)
        if current and used + advance > width:
            carry = [token]
            # a line may not start with closing punctuation: pull characters down with it
            while len(current) > 1 and carry[0][0] in NO_LINE_START:
                carry.insert(0, current.pop())
            # nor end with opening punctuation: push it down too
            while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                carry.insert(0, current.pop())
            carry.pop()  # the token itself is appended below
            lines.append("".join(current))
            current = carry
            used = sum(metrics.horizontalAdvance(t) for t in current)
        current.append(token)
        used += advance
    if current:
        lines.append("".join(current))
    return lines


def layout_lines(
    paragraphs: list[str],
    geometry: Geometry,
    body: QFont,
    heading: QFont,
    device: QPaintDevice | None = None,
) -> list[Line]:
    """All lines of the text, in reading order."""
    # measure on the device drawn to: screen metrics (96 dpi) would misjudge a 72-dpi PDF
    body_metrics = QFontMetricsF(body, device) if device else QFontMetricsF(body)
    heading_metrics = QFontMetricsF(heading, device) if device else QFontMetricsF(heading)
    indent = 2 * body_metrics.horizontalAdvance("国")
    out: list[Line] = []
    for paragraph in paragraphs:
        if is_heading(paragraph):
            for text in break_paragraph(paragraph, heading_metrics, geometry.column_width, 0):
                out.append(Line(text, justify=False, indent=0, heading=True))
            continue
        broken = break_paragraph(paragraph, body_metrics, geometry.column_width, indent)
        for number, text in enumerate(broken):
            last = number == len(broken) - 1
            out.append(Line(text, justify=not last, indent=indent if number == 0 else 0))
    return out


def read_paragraphs(path: Path) -> list[str]:
    """Paragraphs of a text file, one per non-empty line."""
    return [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]


def write_yearbook_pdf(
    paragraphs: list[str],
    out: Path,
    *,
    first_folio: int = 21,
    running_head: tuple[str, str] = ("秀洲年鉴 2022", "特  载"),
    stream: str = "rows",
    geometry: Geometry | None = None,
    max_pages: int | None = None,
) -> int:
    """Write the paragraphs as a two-column yearbook section; returns the page count.

    ``stream`` is the order of text in the content stream: ``"columns"`` (left
    column, then right) or ``"rows"`` (across both columns, line by line). With
    ``max_pages``, text that does not fit on that many pages is left out.
    """
    g = geometry or Geometry()
    body = cjk_font(g.body_size, serif=True)
    heading = cjk_font(g.heading_size)
    heading.setBold(True)
    small = cjk_font(8.5)
    writer = QPdfWriter(str(out))
    writer.setCreator("xzannot")
    writer.setTitle("秀洲年鉴 2022 · 特载（样例）")
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
        )
    )
    lines = layout_lines(paragraphs, g, body, heading, writer)
    painter = QPainter(writer)
    per_page = 2 * g.lines_per_column
    pages = max(1, -(-len(lines) // per_page))
    if max_pages is not None:
        pages = min(pages, max_pages)
    for page in range(pages):
        if page:
            writer.newPage()
        chunk = lines[page * per_page : (page + 1) * per_page]
        columns = [chunk[: g.lines_per_column], chunk[g.lines_per_column :]]
        _draw_furniture(
            painter, g=g, font=small, head=running_head, folio=first_folio + page, page=page
        )
        slots = (
            [(col, row) for row in range(g.lines_per_column) for col in range(2)]
            if stream == "rows"
            else [(col, row) for col in range(2) for row in range(g.lines_per_column)]
        )
        for col, row in slots:
            if row < len(columns[col]):
                x = g.margin_x + col * (g.column_width + g.gutter)
                y = g.margin_top + (row + 0.8) * g.line_height
                line = columns[col][row]
                font = heading if line.heading else body
                _draw_line(painter, line, QPointF(x, y), g.column_width, font)
    painter.end()
    return pages


def _draw_furniture(
    painter: QPainter, *, g: Geometry, font: QFont, head: tuple[str, str], folio: int, page: int
) -> None:
    painter.setFont(font)
    painter.setPen(QPen())
    metrics = QFontMetricsF(font, painter.device())
    outer, inner = head if page % 2 == 0 else head[::-1]
    baseline = g.margin_top - 18
    painter.drawText(QPointF(g.margin_x, baseline), outer)
    painter.drawText(
        QPointF(g.width - g.margin_x - metrics.horizontalAdvance(inner), baseline), inner
    )
    painter.drawLine(QPointF(g.margin_x, baseline + 5), QPointF(g.width - g.margin_x, baseline + 5))
    text = f"—  {folio}  —"
    painter.drawText(
        QPointF((g.width - metrics.horizontalAdvance(text)) / 2, g.height - g.margin_bottom + 34),
        text,
    )


def _draw_line(painter: QPainter, line: Line, origin: QPointF, width: float, font: QFont) -> None:
    font = QFont(font)
    metrics = QFontMetricsF(font, painter.device())
    natural = metrics.horizontalAdvance(line.text)
    gaps = len(line.text) - 1
    if line.justify and gaps > 0:
        font.setLetterSpacing(
            QFont.SpacingType.AbsoluteSpacing, (width - line.indent - natural) / gaps
        )
    painter.setFont(font)
    painter.drawText(QPointF(origin.x() + line.indent, origin.y()), line.text)


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``resources/samples/xiuzhou-2022-sample.pdf`` from its source text."""
    args = sys.argv[1:] if argv is None else argv
    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    source = Path(args[0]) if args else samples / "xiuzhou-2022-report.txt"
    out = Path(args[1]) if len(args) > 1 else samples / "xiuzhou-2022-sample.pdf"
    app = QGuiApplication.instance() or QGuiApplication(["xzannot-sample"])
    pages = write_yearbook_pdf(read_paragraphs(source), out)
    print(f"wrote {out} ({pages} pages)")
    del app
    return 0


__all__ = ["SANS_FAMILY", "Geometry", "main", "write_yearbook_pdf"]

if __name__ == "__main__":
    raise SystemExit(main())
