"""Folding, finding hits, and conditions on attributes: pure, no project needed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.search import (
    SearchQuery,
    context,
    fold,
    kept_positions,
    parse_condition,
    query_from_dict,
    query_to_dict,
    within_spans,
)
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError


def test_folding_drops_spacing_and_makes_widths_case_and_radicals_one() -> None:
    assert fold("城镇 新增\n就业　人数") == "城镇新增就业人数"
    assert fold("ＧＤＰ增长７．５％") == "gdp增长7.5%"
    assert fold("GDP") == fold("ｇｄｐ") == "gdp"
    assert fold("奋⼒打造") == "奋力打造"  # Kangxi radical ⼒ read for 力
    assert fold("已己巳") == "已己巳"  # different characters stay different


def test_a_literal_query_matches_across_line_breaks_and_widths() -> None:
    text = "全年城镇新增\n就业1.6万人，ＧＤＰ增长7.5%"
    hits = SearchQuery("城镇新增就业").hits_in(text)
    assert [text[s:e] for s, e in hits] == ["城镇新增\n就业"]
    hits = SearchQuery("gdp增长７.５").hits_in(text)
    assert [text[s:e] for s, e in hits] == ["ＧＤＰ增长7.5"]


def test_exact_matching_keeps_spacing_and_widths() -> None:
    text = "城镇新增\n就业，城镇新增就业"
    assert SearchQuery("城镇新增就业", exact=True).hits_in(text) == [(8, 14)]
    assert SearchQuery("ＧＤＰ", exact=True).hits_in("GDP") == []


def test_regular_expressions_run_on_the_folded_text() -> None:
    text = "投资12\n亿元，另有3 亿元"
    hits = SearchQuery(r"\d+亿元", regex=True).hits_in(text)
    assert [text[s:e] for s, e in hits] == ["12\n亿元", "3 亿元"]
    assert SearchQuery(r"x*", regex=True).hits_in("abc") == []  # empty matches are no hits


def test_a_bad_regular_expression_or_empty_query_is_refused_in_words() -> None:
    with pytest.raises(UserError, match="not a regular expression"):
        SearchQuery("[亿", regex=True)
    with pytest.raises(UserError, match="say what to search for"):
        SearchQuery("  ")
    with pytest.raises(UserError, match="hold no page"):
        SearchQuery("亿", first_page=5, last_page=2)


@given(st.text(alphabet="城镇 \n新增ＡA就业，,⼒力", max_size=40), st.integers(1, 3))
def test_every_hit_folds_to_the_query(text: str, length: int) -> None:
    needle = fold(text)[:length]
    if not needle:
        return
    query = SearchQuery(needle)
    hits = query.hits_in(text)
    assert all(fold(text[s:e]) == needle for s, e in hits)
    assert len(hits) == len(list(re.finditer(re.escape(needle), fold(text))))
    positions = kept_positions(text)
    assert len(positions) == len(fold(text))
    assert all(text[p].translate({}) and fold(text[p]) for p in positions)


def test_conditions_compare_numbers_as_numbers_and_words_as_words() -> None:
    attrs = {"value": "1.6", "unit": "万人", "comparator": "≥"}
    assert parse_condition("value >= 1.5").holds(attrs)
    assert not parse_condition("value > 10").holds(attrs)
    assert parse_condition("unit = 万人").holds(attrs)
    assert parse_condition("unit != 亿元").holds(attrs)
    assert parse_condition("unit ~ 万").holds(attrs)
    assert not parse_condition("unit > 5").holds(attrs)  # a word is not more than a number
    assert not parse_condition("indicator = 就业").holds(attrs)  # missing never holds
    with pytest.raises(UserError, match="NAME OP VALUE"):
        parse_condition("value is big")


def _span(start: int, end: int, label: str = "target", **kw: object) -> SpanInfo:
    return SpanInfo(1, 1, start, end, label, "", **kw)  # type: ignore[arg-type]


def test_span_filters_keep_hits_inside_spans_that_meet_them() -> None:
    spans = [
        _span(0, 10, attributes={"value": 100}),
        _span(20, 30, attributes={"value": 5}),
        _span(40, 50, "policy"),
        _span(60, 70, status=SpanStatus.REJECTED),
        _span(80, 90, deleted=True),
    ]
    hits = [(2, 4), (8, 12), (22, 24), (42, 44), (62, 64), (82, 84)]
    query = SearchQuery("x", labels=("target",))
    assert within_spans(hits, spans, query) == [(2, 4), (22, 24), (62, 64)]
    big = SearchQuery("x", labels=("target",), conditions=(parse_condition("value >= 50"),))
    assert within_spans(hits, spans, big) == [(2, 4)]
    accepted = SearchQuery("x", statuses=(SpanStatus.ACCEPTED,))
    assert within_spans(hits, spans, accepted) == [(2, 4), (22, 24), (42, 44)]
    only_spans = SearchQuery("", labels=("policy",))
    assert within_spans([], spans, only_spans) == [(40, 50)]


def test_a_query_survives_being_saved() -> None:
    query = SearchQuery(
        "亿元",
        labels=("target",),
        statuses=(SpanStatus.SUGGESTED,),
        conditions=(parse_condition("value >= 100"),),
        documents=(2,),
        first_page=3,
        last_page=9,
    )
    assert query_from_dict(query_to_dict(query)) == query
    with pytest.raises(UserError, match="could not be read"):
        query_from_dict({"text": "x", "statuses": ["maybe"]})


def test_context_shows_a_line_of_text_around_the_hit() -> None:
    text = "第一行\n第二行目标达到100%以上\n第三行"
    start = text.index("目标")
    assert context(text, start, start + 2, 5) == ("行 第二行", "目标", "达到100")
