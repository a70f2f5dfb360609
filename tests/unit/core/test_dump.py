from __future__ import annotations

from tests.conftest import SAMPLE_DUMP, SAMPLE_REFERENCE
from xzannot.core.cer import cer, without_whitespace
from xzannot.core.dump import deinterleave, is_chrome, split_pages
from xzannot.core.normalise import normalise
from xzannot.core.reflow import reflow_dump

FIRST, LAST = "实现24小时内常住人口", "夺取全省“二星”平安金鼎。"


def _stretch(text: str) -> str:
    flat = without_whitespace(text)
    return flat[flat.index(FIRST) : flat.index(LAST) + len(LAST)]


def test_dump_reflows_to_the_reference_within_half_a_percent() -> None:
    page = reflow_dump(SAMPLE_DUMP.read_text(encoding="utf-8"))
    reference, _ = normalise(SAMPLE_REFERENCE.read_text(encoding="utf-8"))
    ours, theirs = _stretch(page), _stretch(reference)
    assert cer(ours, theirs) <= 0.005
    # what remains are the real differences between the witnesses
    assert "智慧医保+未来社区" in ours and "智慧医保未来社区" in theirs
    assert "人代会" in ours and "人民代表大会" in theirs


def test_dump_is_read_left_column_then_right() -> None:
    result = deinterleave(SAMPLE_DUMP.read_text(encoding="utf-8"))
    flat = without_whitespace(normalise(result.text)[0])
    assert result.columns == 2
    # the left column ends mid-paragraph and the right column carries it on
    assert "“企业家”、智能光伏行业产业大脑、“安心养”等成熟应用场景" in flat
    assert (
        flat.index("各位代表")
        < flat.index("坚决筑牢安全防线")
        < flat.index("五、全面加强政府自身建设")
    )


def test_chrome_and_folio_are_removed_and_reported() -> None:
    result = deinterleave(SAMPLE_DUMP.read_text(encoding="utf-8"))
    assert result.folio == "22"
    assert "Page 52 - 秀洲年鉴2022" in result.removed
    assert "P. 52" in result.removed
    assert not any(token in result.text for token in ("Page 52", "P. 52", "47   48", "2 2"))


def test_paragraphs_start_where_the_page_indents() -> None:
    paragraphs = normalise(deinterleave(SAMPLE_DUMP.read_text(encoding="utf-8")).text)[0].split(
        "\n"
    )
    starts = [p[:6] for p in paragraphs]
    assert starts == [
        "实现24小时", "加强全面优质", "完善全民共享", "各位代表，民", "（五）实现闭",
        "全面深化数字", "坚决筑牢安全", "持续健全社会", "五、全面加强", "面对新时代、",
        "打造整体智治", "打造系统集成",
    ]  # fmt: skip


def test_one_column_dump_keeps_its_lines() -> None:
    result = deinterleave("第一行文字，\n第二行文字。\n\n    第二段。")
    assert result.columns == 1
    assert result.text == "第一行文字，第二行文字。\n第二段。"


def test_viewer_chrome_lines() -> None:
    assert is_chrome("Page 52 - 秀洲年鉴2022")
    assert is_chrome("  47   48   49   50  ")
    assert not is_chrome("2022年12月")


def _book(pages: int) -> str:
    """The sample page dumped as a viewer dumps a whole book: page after page."""
    seed = SAMPLE_DUMP.read_text(encoding="utf-8")
    return "\n".join(
        seed.replace("Page 52", f"Page {52 + n}").replace("P. 52", f"P. {52 + n}")
        for n in range(pages)
    )


def test_a_dump_of_a_book_is_cut_into_its_pages() -> None:
    seed = SAMPLE_DUMP.read_text(encoding="utf-8")
    assert split_pages(seed) == [seed]
    pages = split_pages(_book(3))
    assert len(pages) == 3
    assert [p.lstrip().splitlines()[0] for p in pages] == [
        "Page 52 - 秀洲年鉴2022",
        "Page 53 - 秀洲年鉴2022",
        "Page 54 - 秀洲年鉴2022",
    ]
    assert all(p.rstrip().endswith("57") for p in pages)  # each keeps its page strip


def test_form_feeds_and_folio_lines_end_pages() -> None:
    assert split_pages("第一页\f第二页\f") == ["第一页", "第二页"]
    folios = "正文甲\n— 21 —\n正文乙\n— 22 —\n正文丙\n第 23 页\n"
    assert [p.split("\n")[0] for p in split_pages(folios)] == ["正文甲", "正文乙", "正文丙"]
    # numbers that do not rise are no page ends: one page, as given
    assert split_pages("甲\n— 22 —\n乙\n— 21 —\n丙") == ["甲\n— 22 —\n乙\n— 21 —\n丙"]


def test_reflowing_a_book_reads_each_page_on_its_own() -> None:
    pages = reflow_dump(_book(2)).split("\f")
    assert len(pages) == 2
    assert pages[0].strip() == pages[1].strip() == reflow_dump(SAMPLE_DUMP.read_text("utf-8"))
