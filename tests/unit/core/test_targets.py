from __future__ import annotations

import pytest

from xzannot.core.rules import parse_rules
from xzannot.core.targets import TARGET_FIELDS, TargetGrammar, number_text, typed_value
from xzannot.shipped import resource_text


@pytest.fixture(scope="module")
def grammar() -> TargetGrammar:
    return parse_rules(resource_text("rules.toml")).grammar


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # the two examples of the issue
        (
            "pm2.5平均浓度控制在27微克/立方米以内",
            ("pm2.5平均浓度", 27, "微克/立方米", "≤", "level"),
        ),
        ("城镇新增就业人数1.6万人以上", ("城镇新增就业人数", 1.6, "万人", "≥", "increase")),
        ("空气质量优良率达到90%以上", ("空气质量优良率", 90, "%", "≥", "level")),
        (
            "规上工业企业单位增加值能耗下降6%以上",
            ("规上工业企业单位增加值能耗", 6, "%", "≥", "decrease"),
        ),
        ("规上工业企业亩均税收提高至25万元", ("规上工业企业亩均税收", 25, "万元", "=", "increase")),
        ("基本医疗保险参保率保持在99%以上", ("基本医疗保险参保率", 99, "%", "≥", "level")),
        ("增长16%", ("", 16, "%", "=", "increase")),
        ("建成10家高标准示范型儿童之家", ("高标准示范型儿童之家", 10, "家", "=", "increase")),
        ("煤炭消费总量压减5万吨左右", ("煤炭消费总量", 5, "万吨", "≈", "decrease")),
        ("森林覆盖率不低于30%", ("森林覆盖率", 30, "%", "≥", "")),
        ("噪声控制在55分贝", ("噪声", 55, "分贝", "≤", "level")),  # 控制在 is itself a limit
        ("交通事故总量下降", ("交通事故总量", None, "", "=", "decrease")),
        ("死亡事故零增长", ("死亡事故", 0, "", "≤", "increase")),
        ("国家卫生镇全覆盖", ("国家卫生镇全覆盖", None, "", "", "")),
    ],
)
def test_targets_are_read_as_data(
    grammar: TargetGrammar, quote: str, expected: tuple[object, ...]
) -> None:
    attrs = grammar.parse(quote)
    assert tuple(attrs[k] for k in TARGET_FIELDS) == expected
    assert type(attrs["value"]) is type(expected[1])  # 27 stays an int, 1.6 a float


def test_vocabulary_comes_from_the_rules_file() -> None:
    text = resource_text("rules.toml").replace('"左右", "约"]', '"左右", "约", "上下"]')
    grammar = parse_rules(text).grammar
    assert grammar.parse("就业人数3万人上下")["comparator"] == "≈"


def test_values_as_written_and_as_typed() -> None:
    assert number_text(27.0) == "27"
    assert number_text(1.6) == "1.6"
    assert number_text(None) == ""
    assert typed_value(" 1.6 ") == 1.6
    assert typed_value("27") == 27
    assert typed_value("") is None
    assert typed_value("约三成") == "约三成"
