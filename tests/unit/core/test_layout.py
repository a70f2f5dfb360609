"""Reading order from character boxes, on the sample yearbook and on real PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REAL_PDFS, SAMPLE_PDF, SAMPLE_SOURCE, shared_file
from xzannot.core.cer import cer, without_whitespace
from xzannot.core.layout import page_layout
from xzannot.core.normalise import normalise
from xzannot.io.pdf_import import extract_pdf
from xzannot.io.pdfium_worker import PdfiumWorker


class Extracted(dict[str, list]):
    """Pages of PDFs, each file read once per module; a real PDF skips the test without it."""

    def __init__(self, worker: PdfiumWorker) -> None:
        super().__init__()
        self._worker = worker

    def __missing__(self, name: str) -> list:
        path = SAMPLE_PDF if name == SAMPLE_PDF.name else shared_file("realpdfs", name)
        self[name] = pages = extract_pdf(self._worker, path)
        return pages


@pytest.fixture(scope="module")
def extracted() -> Iterator[Extracted]:
    worker = PdfiumWorker()
    try:
        yield Extracted(worker)
    finally:
        worker.shutdown()


def _corrected(page) -> str:  # type: ignore[no-untyped-def]
    return normalise(page_layout(page.text, page.boxes, page.width, page.height).text)[0]


def test_sample_pages_give_back_their_source_text(extracted: dict[str, list]) -> None:
    pages = extracted[SAMPLE_PDF.name]
    body = without_whitespace("".join(_corrected(p) for p in pages))
    source = without_whitespace(SAMPLE_SOURCE.read_text(encoding="utf-8"))
    assert cer(body, source) <= 0.005


def test_sample_columns_furniture_and_paragraphs(extracted: dict[str, list]) -> None:
    source_paragraphs = [
        p for p in SAMPLE_SOURCE.read_text(encoding="utf-8").split("\n") if p.strip()
    ]
    pages = extracted[SAMPLE_PDF.name]
    for page in pages:
        layout = page_layout(page.text, page.boxes, page.width, page.height)
        # the last page's text stops in its left column
        assert layout.columns == (2 if page.number != pages[-1].number else 1)
        assert layout.folio == page.printed_label
        assert any("秀洲年鉴" in line for line in layout.furniture)
        # every paragraph that starts on this page starts a line of the corrected text
        corrected = normalise(layout.text)[0].split("\n")
        starts = [
            p[:8]
            for p in source_paragraphs
            if without_whitespace(p[:8]) in without_whitespace("".join(corrected))
        ]
        assert starts
        assert all(any(line.startswith(start) for line in corrected) for start in starts[1:])


@pytest.mark.parametrize("name", [SAMPLE_PDF.name, *REAL_PDFS])
def test_origins_point_back_to_the_characters_they_came_from(
    extracted: dict[str, list], name: str
) -> None:
    for page in extracted[name]:
        layout = page_layout(page.text, page.boxes, page.width, page.height)
        assert len(layout.origins) == len(layout.text)
        for char, origin in zip(layout.text, layout.origins, strict=True):
            if origin < 0:
                assert char in " \t\n"
            else:
                assert page.text[origin] == char
        used = [o for o in layout.origins if o >= 0]
        assert len(used) == len(set(used))  # no character twice


def test_letter_spaced_table_of_contents_loses_its_spaces(extracted: dict[str, list]) -> None:
    (page,) = extracted["pdfjs_XiaoBiaoSong_toc.pdf"]
    assert "关 于" in page.text
    corrected = _corrected(page)
    assert "关于红军作战的原则" in corrected
    assert "（一九三七年八月一日）" in corrected


def test_table_pages_are_not_read_as_columns(extracted: dict[str, list]) -> None:
    pages = extracted["pdfplumber_issue-67_quarterly_report.pdf"]
    for page in pages[8:]:
        layout = page_layout(page.text, page.boxes, page.width, page.height)
        assert layout.columns == 1
    tenth = page_layout(pages[9].text, pages[9].boxes, pages[9].width, pages[9].height)
    assert tenth.table
    # a row stays a row: the item and its two amounts on one line
    assert any(
        line.startswith("固定资产") and "34,456,606.27" in line for line in tenth.text.split("\n")
    )


def test_running_header_is_furniture(extracted: dict[str, list]) -> None:
    (page,) = extracted["pdfplumber_issue-336_anhui_land_standard_p173.pdf"]
    layout = page_layout(page.text, page.boxes, page.width, page.height)
    assert layout.folio == "173"
    assert not layout.text.startswith("安徽省建设用地使用标准")


def test_page_without_text(tmp_path: Path) -> None:
    layout = page_layout("", [], 595, 842)
    assert (layout.text, layout.origins, layout.columns) == ("", [], 0)


def _synthetic_page(lines: list[tuple[str, float, float]]) -> tuple[str, list]:
    """Text and boxes from (text, left, top) lines of 10-point glyphs, in the given stream order."""
    chars: list[str] = []
    boxes: list = []
    for text, left, top in lines:
        for i, ch in enumerate(text):
            chars.append(ch)
            boxes.append((left + 10.0 * i, top, left + 10.0 * i + 9.5, top + 10.0))
        chars.append("\n")
        boxes.append(None)
    return "".join(chars), boxes


def test_three_columns_under_a_heading_that_spans_them() -> None:
    columns = ("甲", "乙", "丙")
    heading = "通栏标题横跨三栏的大字标题通栏标题横跨三栏的大字标题"
    lines = []
    for row in range(12):  # the stream runs across the columns, row by row
        top = 200.0 + row * 16.0 + (40.0 if row >= 6 else 0.0)
        if row == 6:  # a heading across all three columns, between two regions
            lines.append((heading, 50.0, 200.0 + 6 * 16.0 + 8.0))
        for number, name in enumerate(columns):
            lines.append((f"{name}{row:02d}栏正文文字内容满行", 50.0 + number * 170.0, top))
    text, boxes = _synthetic_page(lines)
    layout = page_layout(text, boxes, 595.0, 842.0)
    assert layout.columns == 3
    assert not layout.table
    flat = without_whitespace(layout.text)
    above = [flat.index(f"{name}{row:02d}栏") for name in columns for row in range(6)]
    below = [flat.index(f"{name}{row:02d}栏") for name in columns for row in range(6, 12)]
    assert above == sorted(above)  # column by column, each top to bottom
    assert max(above) < flat.index(heading) < min(below)  # the heading where it stands
    assert below == sorted(below)


def test_a_page_already_in_reading_order_keeps_its_order(extracted: dict[str, list]) -> None:
    (page,) = extracted["pdfjs_XiaoBiaoSong_toc.pdf"]
    layout = page_layout(page.text, page.boxes, page.width, page.height)
    body = [o for o in layout.origins if o >= 0]
    assert body == sorted(body)  # every character where the text layer had it, none moved


def test_a_small_folio_far_below_the_last_line_is_a_row_of_its_own() -> None:
    """A folio in smaller print than the body stays apart from the line above it (and so can
    be taken out as a page number), however tall the body's print."""
    from xzannot.core.rows import printed_rows

    boxes: list[tuple[float, float, float, float]] = []
    for row in range(5):  # five lines of 16-point print
        boxes += [(80 + 17 * c, 100 + 26 * row, 96 + 17 * c, 116 + 26 * row) for c in range(10)]
    boxes.append((290, 786, 297, 796))  # "4", 9 points tall, 3 lines' pitch below
    rows = printed_rows(boxes, list(range(len(boxes))), 16.0)
    assert len(rows) == 6 and rows[-1] == [50]
    boxes[-1] = (250, 216, 256, 224)  # a comma sitting low in the last line joins it
    rows = printed_rows(boxes, list(range(len(boxes))), 16.0)
    assert len(rows) == 5 and 50 in rows[-1]
