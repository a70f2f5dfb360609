"""Agreement measured on the sample project: two annotators label its pages, partly alike;
the figures against counts made by hand, the spans that are nobody's answer left out,
``xzannot agreement`` as text and JSON, and its mistakes in one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.unit.test_cli import xzannot as run
from xzannot.core.agreement import ALL_LABELS, SpanMatch, krippendorff_alpha
from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.operations.agreement import measure_agreement
from xzannot.operations.correcting import correct_page
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.project import open_project
from xzannot.operations.showing import show_page
from xzannot.operations.suggesting import suggest
from xzannot.store.spans import create_span

# (page id, quote, label, annotator): pages 2 and 4 are marked by both, page 3 by lin only
MARKED = [
    (2, "全面落实“双减”政策", "policy", "lin"),
    (2, "“运动家”智慧社区覆盖率达到40%以上", "target", "lin"),
    (2, "智慧社区覆盖率达到40%以上", "target", "wang"),
    (2, "区人民医院二期土建竣工、区妇保院开工建设", "project", "lin"),
    (2, "区人民医院二期土建竣工", "project", "wang"),
    (3, "全面推进数字政府建设", "policy", "lin"),
    (4, "启用梅里幼儿园等4所幼儿园", "target", "lin"),
    (4, "实现24小时内常住人口50%的全员核酸检测能力", "target", "wang"),
]
SAMPLE, DUMP = "xiuzhou-2022-sample", "xiuzhou-2022-p52-dump"


def cli(*args: str | Path) -> tuple[int, str, str]:
    done = run(*args, env_dir=Path(os.environ["XZANNOT_DATA_DIR"]))
    return int(done.returncode), done.stdout, done.stderr


def _place(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def labelled(sample: Path) -> tuple[Path, dict[int, str]]:
    """The sample with MARKED stored, and spans that must not count: the rules'
    suggestions (one of them accepted), a rejected span, a deleted one, and a third
    annotator's suggestion."""
    with open_project(sample) as project:
        for page_id in (2, 3, 4):  # as the rules would, below
            correct_page(project, page_id)
        texts = {pid: show_page(project, pid).content.current for pid in (2, 3, 4)}
        for page_id, quote, label, annotator in MARKED:
            add_span(project, page_id, _place(texts[page_id], quote), label, annotator)
        made = suggest(project, [2, 3, 4])
        assert sum(made.added.values()) > 0
        by_rules = add_span(
            project,
            4,
            _place(texts[4], "持续做好新冠疫苗接种"),
            "policy",
            "xzannot rules",
            status=SpanStatus.SUGGESTED,
        )
        change_span(project, by_rules.id, status=SpanStatus.ACCEPTED)
        where = _place(texts[4], "构建全民免疫屏障")
        add_span(project, 4, where, "policy", "wang", status=SpanStatus.REJECTED)
        gone = add_span(project, 2, _place(texts[2], "规范民办教育发展"), "policy", "wang")
        change_span(project, gone.id, deleted=True)
        add_span(project, 3, (0, 5), "policy", "zhao", status=SpanStatus.SUGGESTED)
    return sample, texts


def _layer(text: str, page_id: int, annotator: str) -> list[tuple[str, ...]]:
    """Each character's labels as ``annotator`` gave them (the reliability data by hand)."""
    found: list[set[str]] = [set() for _ in text]
    for pid, quote, label, who in MARKED:
        if pid == page_id and who == annotator:
            start, end = _place(text, quote)
            for offset in range(start, end):
                found[offset].add(label)
    return [tuple(sorted(labels)) for labels in found]


def test_figures_by_hand(labelled: tuple[Path, dict[int, str]]) -> None:
    db, texts = labelled
    with open_project(db) as project:
        report = measure_agreement(project)
    assert report.annotators == ("lin", "wang")  # not the rules, not zhao (no accepted span)
    assert report.labels == ("target", "project", "policy")
    assert report.pages == 2  # page 3 is lin's alone
    n = len(texts[2]) + len(texts[4])
    pair = report.overall.pair("lin", "wang", ALL_LABELS)
    assert pair.pages == 2 and pair.characters == n
    # lin: a policy, a target and a project on page 2, a target on page 4; wang: all but the
    # policy, and none of them exactly as lin
    assert pair.exact == SpanMatch(0, 4, 3)
    assert pair.overlap == SpanMatch(2, 2, 1)
    assert pair.overlap.f1 == pytest.approx(4 / 7)
    target = report.overall.pair("lin", "wang", "target")
    assert target.overlap == SpanMatch(1, 1, 1) and target.exact.f1 == 0.0
    # target per character: both 14; lin only 5 + 13; wang only 23
    both, lin_only, wang_only = 14, 5 + 13, 23
    neither = n - both - lin_only - wang_only
    observed = (both + neither) / n
    expected = (
        (both + lin_only) * (both + wang_only) + (neither + wang_only) * (neither + lin_only)
    ) / n**2
    assert target.kappa.value == pytest.approx((observed - expected) / (1 - expected))
    assert target.kappa.observed == pytest.approx(observed)
    # all labels: the characters where they differ: 10 + 5 + 9 on page 2, 13 + 23 on page 4
    assert pair.kappa.observed == pytest.approx(1 - (10 + 5 + 9 + 13 + 23) / n)
    units = [
        values
        for pid in (2, 4)
        for values in zip(
            _layer(texts[pid], pid, "lin"), _layer(texts[pid], pid, "wang"), strict=True
        )
    ]
    assert report.overall.alpha[ALL_LABELS] == krippendorff_alpha(units)
    worst = [(p.document, p.number, p.differing) for p in report.worst_pages]
    assert worst == [(DUMP, 1, 36), (SAMPLE, 2, 24)]


def test_filters_and_against(labelled: tuple[Path, dict[int, str]]) -> None:
    db, _ = labelled
    with open_project(db) as project:
        only = measure_agreement(project, labels=["project"], documents=[SAMPLE])
        against = measure_agreement(project, against="wang", by_document=True)
    assert only.labels == ("project",) and only.pages == 1
    assert only.overall.pair("lin", "wang").overlap == SpanMatch(1, 0, 0)
    assert [(p.a, p.b) for p in against.overall.pairs][:1] == [("wang", "lin")]
    assert against.overall.pair("wang", "lin").overlap.recall == pytest.approx(2 / 3)
    assert set(against.documents) == {SAMPLE, DUMP}
    assert against.documents[DUMP].pair("wang", "lin").overlap == SpanMatch(0, 1, 1)


def test_exact_matches_and_attributes_of_targets(sample: Path) -> None:
    """Two annotators mark the same target: an exact match, agreeing on its attributes; a
    curator's span in the curated layer is nobody's answer."""
    with open_project(sample) as project:
        text = show_page(project, 2).content.current
        where = _place(text, "城镇新增就业人数1.6万人以上")
        add_span(project, 2, where, "target", "lin")
        add_span(project, 2, where, "target", "wang")
        with project.transaction() as session:
            start, end = _place(text, "全面落实促进就业政策")
            create_span(
                session,
                page_id=2,
                start=start,
                end=end,
                label="policy",
                quote=text[start:end],
                annotator="lin",
                layer=SpanLayer.CURATED,
            )
        report = measure_agreement(project)
    assert report.labels == ("target",)
    pair = report.overall.pair("lin", "wang")
    assert pair.exact == pair.overlap == SpanMatch(1, 0, 0)
    assert pair.kappa.value == pytest.approx(1.0)
    assert {(a.attribute, a.agree, a.pairs) for a in report.overall.attributes} == {
        ("value", 1, 1),
        ("unit", 1, 1),
        ("comparator", 1, 1),
    }


def test_command_line_text_and_json(labelled: tuple[Path, dict[int, str]]) -> None:
    db, _ = labelled
    code, out, err = cli("agreement", "--db", db)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2 annotators (lin, wang) on 2 pages"
    assert any(line.startswith("target: α across all ") for line in lines)
    assert any(line.startswith("all labels: α across all ") for line in lines)
    assert any(line.strip().startswith("lin ") and " · 0.00 · 0.50" in line for line in lines)
    assert f"  {DUMP} p. 1: 36 of 1734 characters differ" in out
    assert "lin–wang: 2 pages, 3076 characters" in out
    code, out, _ = cli("agreement", "--db", db, "--json", "--label", "target", "--label", "project")
    assert code == 0
    found = json.loads(out)
    assert found["labels"] == ["target", "project"]
    assert found["annotators"] == ["lin", "wang"] and found["pages"] == 2
    target = found["by_label"]["target"]["pairs"][0]
    assert (target["a"], target["b"], target["overlap"]["f1"]) == ("lin", "wang", 0.5)
    assert target["exact"] == {
        "both": 0,
        "only_a": 2,
        "only_b": 2,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert found["all_labels"]["alpha"]["characters"] == target["characters"]
    assert found["worst_pages"][0]["document"] == DUMP
    assert "both have at least one accepted span" in found["rule"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--label", "nolabel"], "no label 'nolabel'"),
        (["--annotator", "nobody"], "annotator 'nobody' is not in the project"),
        (["--annotator", "zhao", "--annotator", "lin"], "annotator 'zhao' has no accepted spans"),
        (["--annotator", "lin"], "at least two annotators"),
        (["--document", "nope"], "no document 'nope'"),
        (["--against", "nobody"], "annotator 'nobody'"),
    ],
)
def test_mistakes_are_one_line(
    labelled: tuple[Path, dict[int, str]], args: list[str], message: str
) -> None:
    db, _ = labelled
    code, out, err = cli("agreement", "--db", db, *args)
    assert code == 1 and not out
    assert err.startswith("xzannot: ") and len(err.strip().splitlines()) == 1 and message in err


def test_fewer_than_two_annotators_in_words(sample: Path) -> None:
    code, _, err = cli("agreement", "--db", sample)
    assert code == 1
    assert err.strip() == (
        "xzannot: agreement needs at least two annotators with accepted spans; there is nobody"
    )
