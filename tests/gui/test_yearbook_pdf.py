"""The generator of the sample yearbook: layout rules, and a PDF that imports back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF

from tests.conftest import SAMPLE_SOURCE
from xzannot.io.pdf_import import extract_pdf
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.ui.fonts import cjk_font
from xzannot.ui.yearbook_pdf import (
    NO_LINE_END,
    NO_LINE_START,
    Geometry,
    break_paragraph,
    is_heading,
    read_paragraphs,
    write_yearbook_pdf,
)


@pytest.mark.usefixtures("qapp")
def test_lines_fit_and_keep_kinsoku_rules() -> None:
    metrics = QFontMetricsF(cjk_font(10, serif=True))
    width = Geometry().column_width
    for paragraph in read_paragraphs(SAMPLE_SOURCE):
        lines = break_paragraph(paragraph, metrics, width, 0)
        assert "".join(lines) == paragraph  # nothing lost or added
        for number, line in enumerate(lines):
            assert (
                metrics.horizontalAdvance(line) <= width * 1.08
            )  # a pulled-down char may overhang
            if number:
                assert line[0] not in NO_LINE_START, line
            if number < len(lines) - 1:
                assert line[-1] not in NO_LINE_END, line


def test_headings_are_recognised() -> None:
    assert is_heading("（三）厚植绿色基底、提升生态颜值，奋力打造美丽秀洲")
    assert is_heading("五、全面加强政府自身建设")
    assert not is_heading("五镇两街道全部开建“智安街道”。")


@pytest.mark.usefixtures("qapp")
def test_written_pdf_has_folios_embedded_fonts_and_all_the_text(tmp_path: Path) -> None:
    paragraphs = read_paragraphs(SAMPLE_SOURCE) * 2
    out = tmp_path / "long.pdf"
    pages = write_yearbook_pdf(paragraphs, out, first_folio=101, stream="columns")
    assert pages >= 4
    data = out.read_bytes()
    assert b"/FontFile2" in data  # the font program is embedded
    worker = PdfiumWorker()
    try:
        extracted = extract_pdf(worker, out)
    finally:
        worker.shutdown()
    assert [p.printed_label for p in extracted] == [str(101 + i) for i in range(pages)]
    # In column order the body (all between the head and foot margins) comes back in order
    g = Geometry()
    body = "".join(
        ch
        for p in extracted
        for ch, box in zip(p.text, p.boxes, strict=True)
        if box is not None and g.margin_top < (box[1] + box[3]) / 2 < p.height - g.margin_bottom
    )
    got = "".join(_fold_kangxi(body).split())
    expected = "".join("".join(paragraphs).split())
    assert len(got) == len(expected)
    # Qt's text layer maps some glyphs to CJK radical look-alikes, and mis-maps the two
    # digits of "pm2.5" (ToUnicode faults of the kind real PDFs have); nothing else differs
    differences = {(a, b) for a, b in zip(got, expected, strict=True) if a != b}
    radicals = {d for d in differences if 0x2E80 <= ord(d[0]) <= 0x2EFF}
    assert radicals
    assert {expected_char for _, expected_char in differences - radicals} <= set("25")


def _fold_kangxi(text: str) -> str:
    # NFKC folds the Kangxi block, but ⼾ to the traditional 戶 where Simplified text has 户
    return "".join(
        "户"
        if ch == "⼾"
        else unicodedata.normalize("NFKC", ch)
        if 0x2F00 <= ord(ch) <= 0x2FDF
        else ch
        for ch in text
    )
