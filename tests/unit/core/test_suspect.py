"""Text layers that do not say what the page shows are flagged, and stray page numbers dropped."""

from __future__ import annotations

from xzannot.core.folio import out_of_sequence
from xzannot.core.suspect import suspect_layer


def _boxes(text: str) -> list:
    return [
        None if ch.isspace() else (10.0 * i, 100.0, 10.0 * i + 9, 110.0)
        for i, ch in enumerate(text)
    ]


def test_stray_symbols_flag_a_page_and_real_text_does_not() -> None:
    garbage = '"# $% &# \' () *+ ,# -. /0 ,1 (2 3. 45 &) "6 ,5 *+ - , 7 8 89 :; <=>? @,'
    reason = suspect_layer(garbage, _boxes(garbage), 9999, 842)
    assert reason is not None and "OCR" in reason
    for fine in (
        "资产总计 170,360,448,000.00 元；负债合计 (1,234.56)；增长 117.80%。" * 3,
        "3.1.1 本标准规定了钛及钛合金产品的牌号、化学成分等。GB/T 3620.1—2016" * 2,
    ):
        assert suspect_layer(fine, _boxes(fine), 9999, 842) is None


def test_private_use_characters_and_text_off_the_page_flag_it() -> None:
    unmapped = "\ue001\ue002\ue003\ue004 正文" * 10
    assert "no Unicode meaning" in (suspect_layer(unmapped, _boxes(unmapped), 9999, 842) or "")
    text = "正文文字内容" * 10
    boxes = [(-500.0, -500.0, -490.0, -490.0)] * len(text)
    assert "outside the page" in (suspect_layer(text, boxes, 595, 842) or "")


def test_a_page_number_that_breaks_the_sequence_is_found() -> None:
    numbers = list(range(3, 13))
    labels = ["1", "2", "3", "4", "9", "6", "5", "8", "9", "10"]
    assert [numbers[i] for i in out_of_sequence(numbers, labels)] == [7, 9]
    assert out_of_sequence([1, 2, 3], ["i", None, "3"]) == []
    assert out_of_sequence([1, 2, 3, 4], ["21", "22", "23", "24"]) == []
