from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.edits import apply_edits
from xzannot.core.normalise import RULES, normalise


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("设施增 量 提 质", "设施增量提质"),
        ("实现 24 小时内常住人口 50% 的", "实现24小时内常住人口50%的"),
        ("“ 双减” 政策", "“双减”政策"),
        ("“ 152 ” 与“ 141 ”", "“152”与“141”"),
        ("构建全民免疫屏障, 持续巩固", "构建全民免疫屏障，持续巩固"),
        ("双拥模范城( 区)。推", "双拥模范城（区）。推"),
        ("用能( 用电) 预算", "用能（用电）预算"),
        ("本文地址:/baogao", "本文地址：/baogao"),
        ("达到 1 6 万人", "达到16万人"),
        ("⼈⺠医院⼆期⼟建竣⼯", "人民医院二期土建竣工"),
        ("⻓虹桥, ⻔⼾", "长虹桥，门户"),
    ],
)
def test_chinese_text_is_normalised(raw: str, clean: str) -> None:
    assert normalise(raw)[0] == clean


@pytest.mark.parametrize(
    "kept",
    [
        "Page 52 - report",
        "pm2.5",
        "1.6万人",
        "1,000人",
        "PM 2.5 monitor, daily",
        "(a) and (b)",
        "a: b",
    ],
)
def test_numbers_and_latin_text_are_left_alone(kept: str) -> None:
    assert normalise(kept)[0] == kept


def test_each_rule_can_be_switched_off() -> None:
    raw = "⼈⺠ 医院( 二期)"
    assert normalise(raw, ["radicals"])[0] == "人民 医院( 二期)"
    assert normalise(raw, ["spacing"])[0] == "⼈⺠医院(二期)"
    assert normalise(raw, ["punctuation"])[0] == "⼈⺠ 医院（ 二期）"
    assert normalise(raw, [])[0] == raw


def test_broken_lines_inside_a_paragraph_are_joined_only_mid_sentence() -> None:
    text = "全面推进数字政府建\n设，推动决策。\n下一段开始"
    assert normalise(text, ["line_breaks"])[0] == "全面推进数字政府建设，推动决策。\n下一段开始"


def test_edits_are_tagged_with_their_rule_and_rebuild_the_result() -> None:
    raw = "持续巩固 疫情, ⼯作"
    clean, edits = normalise(raw)
    assert {e.kind for e in edits} == {"radicals", "punctuation", "spacing"}
    assert apply_edits(raw, [e.edit for e in edits]) == clean


chinese = st.text(alphabet="加强全面优质的公共服务⼯⺠, ()1.6%“”  \n", max_size=80)


@given(chinese, st.lists(st.sampled_from(sorted(RULES)), unique=True))
def test_edit_chain_always_rebuilds_the_normalised_text(raw: str, rules: list[str]) -> None:
    clean, edits = normalise(raw, rules)
    assert apply_edits(raw, [e.edit for e in edits]) == clean


@given(chinese)
def test_normalising_twice_changes_nothing_more(raw: str) -> None:
    once, _ = normalise(raw)
    twice, edits = normalise(once)
    assert twice == once
    assert edits == []
