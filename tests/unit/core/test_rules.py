from __future__ import annotations

import pytest

from xzannot.core.rules import RulesError, parse_rules
from xzannot.shipped import resource_text

SHIPPED = resource_text("rules.toml")
LABELS = ("target", "project", "policy")

MINIMAL = """
[vocab]
unit = ["%"]
[target.direction]
level = ["达到"]
[target.comparator]
"≥" = ["以上"]
"""


def found(text: str) -> set[tuple[str, str]]:
    return {(s.label, s.quote) for s in parse_rules(SHIPPED, LABELS).suggest(text)}


def test_shipped_rules_compile_against_the_default_labels() -> None:
    rules = parse_rules(SHIPPED, LABELS)
    assert rules.labels == ["target", "project", "policy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年整治提升高耗低效企业150家，", ("target", "整治提升高耗低效企业150家")),
        ("实现规上工业企业亩均税收提高至25万元、增长16%。", ("target", "增长16%")),
        ("力争全年新增5星级园区1家，", ("target", "新增5星级园区1家")),
        ("全面落实“双减”政策，规范民办教育发展。", ("policy", "“双减”政策")),
        ("持续深化河湖长制提档升级", ("policy", "河湖长制")),
        ("健全“门长制”，", ("policy", "“门长制”")),
        ("全力创建“无废城市”。", ("policy", "“无废城市”")),
        (
            "全面推进“县乡一体、条抓块统”县域整体智治改革，",
            ("policy", "“县乡一体、条抓块统”县域整体智治改革"),
        ),
        ("确保区人民医院二期土建竣工、区妇保院开工建设。", ("project", "区妇保院开工建设")),
        ("全力完成移动检测能力提升和区核酸检测中心建设。", ("project", "区核酸检测中心建设")),
        ("启动基层养老院改扩建工程。", ("project", "基层养老院改扩建工程")),
    ],
)
def test_rules_find_spans_with_the_guides_boundaries(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


def test_a_count_of_facilities_is_a_target_not_a_project() -> None:
    assert found("建成10家高标准示范型儿童之家，") == {("target", "建成10家高标准示范型儿童之家")}


def test_rules_leave_what_is_not_a_span() -> None:
    # 改革 followed by 先锋, 制度 inside a longer noun, a number that is no target
    assert found("勇当改革先锋，打开城乡有序流动的人口迁移制度通道，举办第八届艺术节。") == set()


def test_suggestion_offsets_are_code_points() -> None:
    text = "𠀀𠀁，空气质量优良率达到90%以上。"  # two characters outside the BMP first
    (span,) = parse_rules(SHIPPED, LABELS).suggest(text)
    assert text[span.start : span.end] == span.quote == "空气质量优良率达到90%以上"
    assert span.start == 3
    assert span.attributes["value"] == 90


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[vocab", "not valid TOML"),
        ("[vocab]\n", "no [target] table"),
        (MINIMAL, "no [[rule]] entries"),
        (MINIMAL + '[[rule]]\nname = "x"\nlabel = "target"\npattern = "{nothing}"\n', "{nothing}"),
        (
            MINIMAL + '[[rule]]\nname = "x"\nlabel = "target"\npattern = "(unclosed"\n',
            "not a valid expression",
        ),
        (MINIMAL + '[[rule]]\nname = "x"\nlabel = "goal"\npattern = "a"\n', "no label 'goal'"),
        (MINIMAL + '[[rule]]\nname = "x"\nlabel = "target"\n', "has no pattern"),
        (
            MINIMAL + '[[rule]]\nname = "x"\nlabel = "target"\npattern = "a"\ntrim = ["unit2"]\n',
            "trim names",
        ),
        (
            MINIMAL + '[[rule]]\nname = "x"\nlabel = "target"\npattern = "a"\nmin_length = "two"\n',
            "min_length must be a whole number",
        ),
        ("rule = [1, 2]\n" + MINIMAL, "rule must be a list of [[rule]] tables"),
        (
            MINIMAL + '[[rule]]\nname = ["x"]\nlabel = "target"\npattern = "a"\n',
            "name must be text",
        ),
        (MINIMAL + '[[rule]]\nname = "x"\nlabel = 3\npattern = "a"\n', "label must be text"),
    ],
)
def test_broken_rules_are_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(RulesError) as info:
        parse_rules(text, LABELS)
    assert message in str(info.value)


def test_a_minimal_rules_file_works() -> None:
    text = (
        MINIMAL
        + '[[rule]]\nname = "rate"\nlabel = "target"\npattern = "{start}[^，。]+?{number}%{end}"\n'
    )
    (span,) = parse_rules(text, LABELS).suggest("首先，就业率达到90%。")
    assert span.quote == "就业率达到90%"
    assert span.rule == "rate"
    assert span.attributes["direction"] == "level"


def test_a_rule_that_backtracks_without_end_is_stopped_and_named() -> None:
    """Alternatives that overlap under a repeat (a classic catastrophic pattern) run for hours
    on a long line that does not end as they want; the rule is stopped and named, and the
    other rules' suggestions stand."""
    text = (
        MINIMAL
        + '[[rule]]\nname = "runaway"\nlabel = "target"\npattern = "^(\\\\w|\\\\w\\\\w)+$"\n'
        + '[[rule]]\nname = "rate"\nlabel = "target"\npattern = "{start}[^，。]+?{number}%{end}"\n'
    )
    rules = parse_rules(text, LABELS)
    stopped: list[str] = []
    found = rules.suggest("就业率稳步提升" * 6 + "达到90%。", timeout=0.2, stopped=stopped)
    assert stopped == ["runaway"]
    assert [s.rule for s in found] == ["rate"]
