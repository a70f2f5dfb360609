"""Reading order and spacing that follow the evidence on the page: the text layer's own order
where nothing proves it wrong, spaces as the layer has them, running heads by repetition."""

from __future__ import annotations

from xzannot.core.boxes import Box
from xzannot.core.layout import edge_rows, page_layout
from xzannot.core.normalise import normalise

Glyph = tuple[str, float, float, float]  # character, left, top, advance


def page(glyphs: list[Glyph | None], size: float = 10.0) -> tuple[str, list[Box | None]]:
    """A text layer from glyphs in stream order; None is a space the layer holds (no box)."""
    chars: list[str] = []
    boxes: list[Box | None] = []
    for glyph in glyphs:
        if glyph is None:
            chars.append(" ")
            boxes.append(None)
            continue
        ch, left, top, advance = glyph
        # tight ink: a narrow glyph's box is much narrower than its advance
        ink = min(advance, size) * (0.3 if ch in ".,:;1" else 0.95)
        chars.append(ch)
        boxes.append((left, top, left + ink, top + size))
    return "".join(chars), boxes


def line(
    text: str, left: float, top: float, advance: float = 10.0, space: float = 10.0
) -> list[Glyph | None]:
    """A printed line: each character at its advance (Latin and digits half as wide); a
    space in ``text`` is a space in the layer that moves the pen by ``space``."""
    out: list[Glyph | None] = []
    x = left
    for ch in text:
        if ch == " ":
            out.append(None)
            x += space
            continue
        width = advance if ord(ch) > 0x2E80 else advance * 0.55
        out.append((ch, x, top, width))
        x += width
    return out


FULL_LINE = "正文文字内容满行正文文字内容满行"


def body(rows: int, left: float, top: float, words: str = FULL_LINE) -> list[Glyph | None]:
    return [g for r in range(rows) for g in line(words, left, top + 16 * r)]


def test_numbers_and_clause_numbers_stay_whole() -> None:
    glyphs = [
        *line("资产总计170,360,448,000.00元", 50, 100),
        *line("增长117.80%，见3.1.1条", 50, 116),
        *body(6, 50, 132),
    ]
    text, boxes = page(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    corrected = normalise(layout.text)[0]
    assert "170,360,448,000.00" in corrected
    assert "117.80%" in corrected and "3.1.1" in corrected


def test_a_sidebar_written_after_its_column_is_not_woven_into_it() -> None:
    words = "行正文文字内容满行正文文字"
    main = [g for r in range(10) for g in line(f"主栏第{r:02d}{words}", 50, 100 + 16 * r)]
    side = [g for r in range(10) for g in line(f"侧栏{r:02d}", 420, 100 + 16 * r)]
    text, boxes = page(main + side)  # the layer has the column, then the sidebar
    flat = "".join(page_layout(text, boxes, 595, 842).text.split())
    assert flat.index("主栏第09行") < flat.index("侧栏00")


def test_a_page_whose_layer_reads_across_the_columns_is_read_column_by_column() -> None:
    glyphs = []
    for r in range(10):  # each stream line: a line of the left column, then of the right
        glyphs += line(f"左栏{r:02d}正文文字内容满行正", 50, 100 + 16 * r)
        glyphs += line(f"右栏{r:02d}正文文字内容满行正", 320, 100 + 16 * r)
    text, boxes = page(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    flat = "".join(layout.text.split())
    assert layout.columns == 2
    assert flat.index("左栏09") < flat.index("右栏00")


def test_items_set_apart_keep_their_space_and_letter_spacing_goes() -> None:
    glyphs = [
        *line("干红梅", 50, 100), *line("于珊", 110, 100), *line("王劼", 160, 100),
        *line("□是", 50, 116), *line("□否", 90, 116),
        *line("关 于 红 军 作 战", 50, 132, advance=14, space=0),  # letter-spaced
        *body(6, 50, 148),
    ]  # fmt: skip
    text, boxes = page(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    corrected = normalise(layout.text, keep=layout.separators)[0]
    assert "干红梅 于珊 王劼" in corrected
    assert "□是 □否" in corrected
    assert "关于红军作战" in corrected


def test_table_cells_are_separated_by_tabs() -> None:
    glyphs = []
    for r, (item, a, b) in enumerate([("项目", "期末", "期初"), ("短期借款", "878", "1,000"),
                                      ("应付账款", "110,600.00", "192,000.00"),
                                      ("合计", "111,478.00", "193,000.00")]):  # fmt: skip
        top = 100 + 16 * r
        glyphs += line(item, 50, top) + line(a, 200, top) + line(b, 320, top)
    text, boxes = page(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    assert layout.table
    rows = layout.text.split("\n")
    assert rows[1:3] == ["短期借款\t878\t1,000", "应付账款\t110,600.00\t192,000.00"]


def _with_head(head: str, words: str = FULL_LINE) -> tuple[str, list[Box | None]]:
    return page([*line(head, 50, 40), *body(8, 50, 90, words)])


def test_a_line_at_the_top_is_a_running_head_only_where_neighbours_repeat_it() -> None:
    text, boxes = _with_head("第七章 企业资信状况")
    alone = page_layout(text, boxes, 595, 842, neighbours=[])
    assert alone.text.startswith("第七章")  # a heading in the body's size, on a page alone
    other_text, other_boxes = _with_head("第八章 发行人基本情况", "另一页的正文另一页的正文")
    others = [edge_rows(other_text, other_boxes, 842)]
    assert page_layout(text, boxes, 595, 842, others).text.startswith("第七章")
    same_text, same_boxes = _with_head("第七章 企业资信状况", "另一页的正文另一页的正文")
    repeated = [edge_rows(same_text, same_boxes, 842)]
    layout = page_layout(text, boxes, 595, 842, repeated)
    assert not layout.text.startswith("第七章")
    assert [f.replace(" ", "") for f in layout.furniture] == ["第七章企业资信状况"]


def test_a_thin_glyph_and_low_punctuation_stay_on_their_line() -> None:
    """``一`` is a thin stroke mid-line and ``、`` sits low: ink boxes barely meet."""
    text, boxes = page([*line("一、主要会计数据", 50, 100), *body(6, 50, 120)])
    boxes[0] = (50.0, 104.5, 59.5, 105.5)  # the stroke of 一
    boxes[1] = (60.0, 107.0, 63.0, 110.0)  # 、 at the foot of the line
    layout = page_layout(text, boxes, 595, 842)
    assert layout.text.split("\n")[0] == "一、主要会计数据"


def test_a_sidebar_whose_layer_runs_across_into_it_is_read_after_its_column() -> None:
    glyphs = []
    for r in range(10):  # each stream line: a line of the column, then one of the sidebar
        glyphs += line(f"主栏第{r:02d}行正文文字内容满行正文文字", 50, 100 + 16 * r)
        glyphs += line(f"侧栏{r:02d}文字", 420, 100 + 16 * r)
    text, boxes = page(glyphs)
    layout = page_layout(text, boxes, 595, 842)
    flat = "".join(layout.text.split())
    assert flat.index("主栏第09行") < flat.index("侧栏00")
    assert "侧栏00文字侧栏01文字" in flat
