"""Curation on the sample project: two annotators label a page, partly alike; a curator takes
what they agree on, one version here, rejects another there; a non-curator is refused; the
annotators are then measured against the curated layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from xzannot.core.curation import CURATED, Unit
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.agreement import measure_agreement
from xzannot.operations.correcting import correct_page
from xzannot.operations.curation import (
    curation_page,
    pages_to_curate,
    reject_unit,
    take_agreed,
    take_version,
)
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.project import Project, open_project
from xzannot.operations.showing import show_page
from xzannot.operations.suggesting import suggest
from xzannot.operations.team import mark_my_page, set_curator

POLICY = "全面落实“双减”政策"
LIN_TARGET, WANG_TARGET = "“运动家”智慧社区覆盖率达到40%以上", "智慧社区覆盖率达到40%以上"
PROJECT = "区人民医院二期土建竣工"
NOT_ONE = "only a curator can change the curated layer; lin is not one"


def _place(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def labelled(sample: Path) -> tuple[Path, str]:
    """Page 2 labelled by lin and wang: the same policy, overlapping targets, a project of
    lin's alone; the rules' suggestions beside them; chen a curator."""
    with open_project(sample) as project:
        correct_page(project, 2)
        text = show_page(project, 2).content.current
        for who in ("lin", "wang"):
            add_span(project, 2, _place(text, POLICY), "policy", who)
        add_span(project, 2, _place(text, LIN_TARGET), "target", "lin")
        add_span(project, 2, _place(text, WANG_TARGET), "target", "wang")
        add_span(project, 2, _place(text, PROJECT), "project", "lin")
        suggest(project, [2])
        set_curator(project, "chen")
    return sample, text


def _unit(project: Project, quote: str, text: str) -> Unit:
    page = curation_page(project, 2)
    start, end = _place(text, quote)
    return next(u for u in page.agreed + page.disagreed if u.overlaps(start, end))


def test_units_of_a_page(labelled: tuple[Path, str]) -> None:
    db, text = labelled
    with open_project(db) as project:
        page = curation_page(project, 2)
        mark_my_page(project, 2, "zhao", PageStatus.IN_PROGRESS)  # began, marked nothing
        with_zhao = curation_page(project, 2)
        only = curation_page(project, 2, annotators=["lin"])
        assert pages_to_curate(project) == [2]
    assert page.annotators == ["lin", "wang"] and page.curated == []
    assert [(u.start, u.end) for u in page.agreed] == [_place(text, POLICY)]
    target, project_unit = page.disagreed
    assert (target.start, target.end) == _place(text, LIN_TARGET)
    assert [s.quote for s in target.versions["wang"]] == [WANG_TARGET]
    assert project_unit.versions["wang"] == [] and not project_unit.settled
    assert with_zhao.agreed == [] and with_zhao.annotators == ["lin", "wang", "zhao"]
    assert only.agreed == []  # one annotator alone agrees with nobody


def test_a_curator_settles_the_page(labelled: tuple[Path, str]) -> None:
    db, text = labelled
    with open_project(db) as project:
        assert take_agreed(project, [2], "chen") == 1
        assert take_agreed(project, [2], "chen") == 0  # settled already
        changes = take_version(project, 2, _unit(project, WANG_TARGET, text), "wang", "chen")
        assert changes.pages == {2} and changes.spans
        reject_unit(project, 2, _unit(project, PROJECT, text), "chen")
        page = curation_page(project, 2)
        # taking lin's version instead replaces wang's
        take_version(project, 2, _unit(project, WANG_TARGET, text), "lin", "chen")
        after = curation_page(project, 2)
    assert all(u.settled for u in page.agreed + page.disagreed)
    kept = {(s.quote, s.label, s.annotator, s.layer) for s in page.curated}
    assert kept == {
        (POLICY, "policy", "chen", SpanLayer.CURATED),
        (WANG_TARGET, "target", "chen", SpanLayer.CURATED),
    }
    target = next(s for s in page.curated if s.label == "target")
    assert target.attributes and target.status == SpanStatus.ACCEPTED
    assert [(s.quote, s.status) for s in page.rejections] == [(PROJECT, SpanStatus.REJECTED)]
    assert {s.quote for s in after.curated} == {POLICY, LIN_TARGET}


def test_only_curators_write_the_curated_layer(labelled: tuple[Path, str]) -> None:
    db, text = labelled
    with open_project(db) as project:
        unit = _unit(project, WANG_TARGET, text)
        with pytest.raises(UserError, match=NOT_ONE):
            take_version(project, 2, unit, "wang", "lin")
        with pytest.raises(UserError, match=NOT_ONE):
            reject_unit(project, 2, unit, "lin")
        with pytest.raises(UserError, match=NOT_ONE):
            take_agreed(project, [2], "lin")
        where = _place(text, PROJECT)
        with pytest.raises(UserError, match=NOT_ONE):
            add_span(project, 2, where, "project", "lin", layer=SpanLayer.CURATED)
        made = add_span(project, 2, where, "project", "chen", layer=SpanLayer.CURATED)
        assert made.layer == SpanLayer.CURATED
        with pytest.raises(UserError, match="say who you are"):
            change_span(project, made.id, deleted=True)
        with pytest.raises(UserError, match=NOT_ONE):
            change_span(project, made.id, by="lin", deleted=True)
        assert change_span(project, made.id, by="chen", deleted=True).deleted
        with pytest.raises(UserError, match="did not work on this page"):
            take_version(project, 2, unit, "zhao", "chen")


def test_a_version_changed_since_shown_is_refused(labelled: tuple[Path, str]) -> None:
    db, text = labelled
    with open_project(db) as project:
        unit = _unit(project, WANG_TARGET, text)
        change_span(project, unit.versions["wang"][0].id, deleted=True)
        with pytest.raises(UserError, match="changed since they were shown"):
            take_version(project, 2, unit, "wang", "chen")


def test_agreement_against_the_curated_layer(labelled: tuple[Path, str]) -> None:
    db, text = labelled
    with open_project(db) as project:
        with pytest.raises(UserError, match="curated layer holds no spans yet"):
            measure_agreement(project, against="curated")
        take_agreed(project, [2], "chen")
        take_version(project, 2, _unit(project, WANG_TARGET, text), "wang", "chen")
        report = measure_agreement(project, against="curated")
        plain = measure_agreement(project)
    assert report.against == CURATED and report.annotators == ("lin", "wang", CURATED)
    assert report.overall.pair(CURATED, "wang").exact.f1 == 1.0
    lin = report.overall.pair(CURATED, "lin").exact
    assert (lin.both, lin.only_a, lin.only_b) == (1, 1, 2)
    assert plain.annotators == ("lin", "wang")  # the curated layer is nobody's answer
