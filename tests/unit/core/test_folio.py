from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_DUMP
from xzannot.core.folio import find_folio, folio_of_line


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("—  2 2  —", "22"),
        ("- 173 -", "173"),
        ("173", "173"),
        ("第 22 页", "22"),
        ("— ２２ —", "22"),  # full-width digits
        ("P. 52", "52"),
    ],
)
def test_folio_lines(line: str, label: str) -> None:
    assert folio_of_line(line) == label


@pytest.mark.parametrize("line", ["", "2022年", "47   48   49   50", "实现24小时内", "— —"])
def test_not_folio_lines(line: str) -> None:
    assert folio_of_line(line) is None


def test_dump_folio_is_the_printed_page_not_the_viewer_page() -> None:
    text = SAMPLE_DUMP.read_text(encoding="utf-8")
    # the viewer says "P. 52" at the top; the page prints "— 2 2 —" at its foot
    assert find_folio(text, [], 0.0) == "22"


def _boxes_for(lines: list[tuple[str, float]]) -> tuple[str, list]:
    text = "\n".join(t for t, _ in lines)
    boxes: list = []
    for number, (line, y) in enumerate(lines):
        boxes.extend((10.0 * i, y, 10.0 * i + 9, y + 10) for i in range(len(line)))
        if number < len(lines) - 1:
            boxes.append(None)
    return text, boxes


def test_folio_with_boxes_must_sit_in_the_margin() -> None:
    text, boxes = _boxes_for([("正文", 100.0), ("25", 400.0), ("更多正文", 420.0)])
    assert find_folio(text, boxes, 842.0) is None
    text, boxes = _boxes_for([("正文", 100.0), ("— 25 —", 800.0)])
    assert find_folio(text, boxes, 842.0) == "25"


def test_decorated_foot_folio_beats_bare_number_at_head() -> None:
    text, boxes = _boxes_for([("7", 20.0), ("正文", 300.0), ("— 8 —", 810.0)])
    assert find_folio(text, boxes, 842.0) == "8"
