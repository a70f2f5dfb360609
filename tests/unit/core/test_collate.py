from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_REFERENCE, SAMPLE_SOURCE
from xzannot.core.boilerplate import strip_web_furniture
from xzannot.core.collate import (
    DifferenceKind,
    ReferenceIndex,
    collate,
    normal_form,
    page_form,
)

REFERENCE = strip_web_furniture(SAMPLE_REFERENCE.read_text(encoding="utf-8")).text
SOURCE = SAMPLE_SOURCE.read_text(encoding="utf-8")  # the report as typeset on the sample pages


def readings(page: str, reference: str) -> list[tuple[str, str, str]]:
    found = collate(page, ReferenceIndex(reference))
    assert found is not None
    return [(d.kind.value, d.page_reading, d.reference_reading) for d in found.differences]


def test_the_real_differences_and_no_spurious_ones() -> None:
    # the report's text against the web transcription: full-width punctuation and the
    # transcription's indents and line breaks differ everywhere, and count for nothing
    part = SOURCE[SOURCE.index("完善全民共享") : SOURCE.index("（五）")]
    assert readings(part, REFERENCE) == [
        ("punctuation", "+", ""),  # the transcription lost the + of 智慧医保 + 未来社区
        ("substitution", "人代会", "人民代表大会"),
    ]


def test_offsets_point_into_both_texts() -> None:
    page = "序言。探索“智慧医保 + 未来社区”建设，扎实办好人代会票决的八件民生实事项目。"
    reference = (
        "其他内容。\n  探索“智慧医保 未来社区”建设,扎实办好人民代表大会票决的八件民生实事项目。尾。"
    )
    found = collate(page, ReferenceIndex(reference))
    assert found is not None
    for d in found.differences:
        assert page[d.start : d.end] == d.page_reading
        assert reference[d.reference_start : d.reference_end] == d.reference_reading
    assert page[found.page_start :].startswith(("。探索", "探索"))  # 序言 is not in it
    assert found.cer > 0


def test_a_reference_covering_half_a_page_aligns_only_that_half() -> None:
    page = SOURCE[SOURCE.index("完善全民共享") : SOURCE.index("（五）")]
    half = REFERENCE[: REFERENCE.index("各位代表")]  # stops before 人民代表大会
    found = collate(page, ReferenceIndex(half))
    assert found is not None
    assert [d.page_reading for d in found.differences] == ["+"]  # nothing invented after it
    assert found.page_end <= page.index("各位代表")
    assert 0.6 < found.coverage(len(page)) < 0.9


def test_a_page_without_counterpart_says_so() -> None:
    assert (
        collate("打造系统集成的高效政府。以系统理念谋划思路。", ReferenceIndex(REFERENCE)) is None
    )
    assert collate("", ReferenceIndex(REFERENCE)) is None


BASE = SOURCE[SOURCE.index("强化生态治理") :][:120]
AT = BASE.index("建成王江泾镇")


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (("，", "、"), DifferenceKind.PUNCTUATION),
        (("建成", ""), DifferenceKind.INSERTION),  # the page lacks what the reference has
        (("", "新"), DifferenceKind.DELETION),  # the page has what the reference lacks
        (("建成", "完成"), DifferenceKind.SUBSTITUTION),
    ],
)
def test_kinds(change: tuple[str, str], kind: DifferenceKind) -> None:
    old, new = change
    if kind is DifferenceKind.PUNCTUATION:
        at = BASE.index("，")
        page, reference = BASE, BASE[:at] + new + BASE[at + 1 :]
    elif kind is DifferenceKind.INSERTION:
        page, reference = BASE[:AT] + BASE[AT + 2 :], BASE
    elif kind is DifferenceKind.DELETION:
        page, reference = BASE[:AT] + new + BASE[AT:], BASE
    else:
        page, reference = BASE, BASE[:AT] + new + BASE[AT + 2 :]
    found = collate(page, ReferenceIndex(reference))
    assert found is not None
    (difference,) = found.differences
    assert difference.kind is kind, (old, difference)


def test_normal_form_keeps_every_characters_origin() -> None:
    normal = normal_form("ＡＢ， c\n（三）")
    assert normal.text == "ab,c(三)"
    assert normal.origins == (0, 1, 2, 4, 6, 7, 8)
    assert page_form(" , (三)") == "，（三）"


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2000), st.integers(200, 900), st.sampled_from(["", "甲", "一二三"]))
def test_any_stretch_of_the_report_is_found_and_agrees(start: int, size: int, noise: str) -> None:
    page = noise + SOURCE[start : start + size]
    found = collate(page, ReferenceIndex(SOURCE))
    assert found is not None
    assert [d.page_reading for d in found.differences] in ([], [noise]) or found.page_start > 0
    assert found.cer == 0.0
