"""Vertical pages: columns right to left, double-line notes and head notes as blocks."""

from __future__ import annotations

from xzannot.core.boxes import Box
from xzannot.core.layout import page_layout
from xzannot.core.normalise import normalise


def _column(text: str, right: float, top: float, size: float = 12.0) -> list[tuple[str, Box]]:
    return [
        (ch, (right - size, top + size * i, right, top + size * (i + 1)))
        for i, ch in enumerate(text)
    ]


def _note(text: str, right: float, top: float, size: float = 6.0) -> list[tuple[str, Box]]:
    """A double-line note: two half-columns, the right one read first."""
    half = (len(text) + 1) // 2
    return _column(text[:half], right, top, size) + _column(text[half:], right - size, top, size)


def _layer(glyphs: list[tuple[str, Box]]) -> tuple[str, list[Box | None]]:
    return "".join(ch for ch, _ in glyphs), [box for _, box in glyphs]


def test_columns_read_right_to_left_with_notes_as_blocks_and_brackets_folded() -> None:
    glyphs = [
        *_column("﹁秀洲志﹂卷一地理", 500, 100),  # the first column, at the right
        *_column("疆域东至嘉兴西至", 480, 100),
        *_column("湖州南北各三十里", 460, 100),
        *_column("沿革", 440, 100),
        *_note("旧志作秀水县", 440, 124),
        *_column("秦属会稽", 440, 160),
        *_column("郡汉因之", 420, 124),  # indented: a new paragraph
        *_column("此说可疑", 500, 60, size=6.0),  # a head note above the text block
    ]  # fmt: skip
    text, boxes = _layer(glyphs[::-1])  # the layer's order says nothing here
    layout = page_layout(text, boxes, 595, 842)
    corrected = normalise(layout.text)[0]
    assert corrected.split("\n") == [
        "「秀洲志」卷一地理疆域东至嘉兴西至湖州南北各三十里沿革",
        "旧志作秀水县",
        "秦属会稽",
        "郡汉因之",
        "此说可疑",
    ]
    assert "vertical text" in layout.evidence and "double-line note" in layout.evidence
    # every character is where the layer had it: boxes and spans follow
    assert sorted(o for o in layout.origins if o >= 0) == list(range(len(text)))


def test_horizontal_text_is_not_taken_for_vertical() -> None:
    glyphs = [
        (ch, (50 + 12 * i, 100 + 20 * row, 62 + 12 * i, 112 + 20 * row))
        for row in range(8)
        for i, ch in enumerate("横排正文每行十二个字满行")
    ]
    text, boxes = _layer(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    assert "vertical" not in layout.evidence
    assert layout.text.startswith("横排正文每行十二个字满行横排")
