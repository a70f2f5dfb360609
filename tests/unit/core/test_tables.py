"""Ruled tables read cell by cell: a wrapped cell stays one cell, a merged cell one field."""

from __future__ import annotations

from xzannot.core.boxes import Box
from xzannot.core.layout import page_layout


def _text(glyphs: list[tuple[str, float, float]], size: float = 8.0) -> tuple[str, list]:
    """A text layer from (text, left, top) pieces, written row by row across the cells, the
    way a table read line by line weaves a wrapped cell into its neighbours."""
    chars, boxes = [], []
    for piece, left, top in glyphs:
        for i, ch in enumerate(piece):
            chars.append(ch)
            width = size if ord(ch) > 0x2E80 else size / 2
            x = left + sum(size if ord(c) > 0x2E80 else size / 2 for c in piece[:i])
            boxes.append((x, top, x + width * 0.95, top + size))
    return "".join(chars), boxes


def test_a_wrapped_cell_stays_whole_and_a_merged_cell_is_one_field() -> None:
    rules: list[Box] = [(50, y, 350, y + 0.5) for y in (100, 120, 150, 170)]
    rules += [(x, 100, x + 0.5, 170) for x in (50, 150, 350)]
    rules += [(250, 120, 250.5, 170)]  # the header's 金额 spans the last two columns
    text, boxes = _text([
        ("项目", 55, 106), ("金额", 160, 106),
        ("以公允价值计量且其", 55, 124), ("1,000.00", 160, 130), ("2,000.00", 260, 130),
        ("变动计入当期损益", 55, 136),  # the second line of the first cell
        ("合计", 55, 156), ("3.00", 160, 156), ("4.00", 260, 156),
    ])  # fmt: skip
    layout = page_layout(text, boxes, 595, 842, [], rules=rules)
    assert layout.text.split("\n") == [
        "项目\t金额\t",
        "以公允价值计量且其变动计入当期损益\t1,000.00\t2,000.00",
        "合计\t3.00\t4.00",
    ]
    assert layout.table and "ruled table" in layout.evidence


def test_text_under_a_rule_is_no_table() -> None:
    """A running head's rule and the prose under it, then a three-line table."""
    rules: list[Box] = [(50, y, 350, y + 0.5) for y in (60, 200, 216, 260)]
    prose = [
        ("正文第一段文字内容较长一直排到版心的右边缘为止正文", 50, 70 + 12 * r) for r in range(8)
    ]
    table = [("指标", 50, 204), ("二〇二一", 150, 204), ("二〇二二", 250, 204)]
    table += [("产值", 50, 222 + 12 * r) for r in range(3)]
    table += [(f"{r}.5", 150, 222 + 12 * r) for r in range(3)]
    table += [(f"{r}.9", 250, 222 + 12 * r) for r in range(3)]
    text, boxes = _text(prose + table)
    layout = page_layout(text, boxes, 595, 842, [], rules=rules)
    lines = layout.text.split("\n")
    assert "\t" not in lines[0] and lines[0].startswith("正文第一段")
    assert lines[-4:] == [
        "指标\t二〇二一\t二〇二二",
        "产值\t0.5\t0.9",
        "产值\t1.5\t1.9",
        "产值\t2.5\t2.9",
    ]
