"""Collating the sample yearbook with its web transcription, as an archivist does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REFERENCE
from xzannot.core.collate import ReferenceIndex, normal_form
from xzannot.errors import UserError
from xzannot.operations.collating import (
    accept_difference,
    collate_page,
    collate_pages,
    reject_difference,
    reopen_difference,
)
from xzannot.operations.importing import import_reference
from xzannot.operations.reviewing import revert
from xzannot.store.collation import agreements
from xzannot.store.database import open_project
from xzannot.store.documents import current_text, list_pages


@pytest.fixture
def collated(sample: Path) -> Path:
    with open_project(sample) as project:
        outcome = import_reference(project, SAMPLE_REFERENCE, document="1")
    assert [line for _, line in outcome.removed][-3:] == [
        "留言与评论(共有 条评论)",
        "验证码:",
        "网站地图",
    ]
    return sample


def test_each_page_reports_its_real_differences(collated: Path) -> None:
    with open_project(collated) as project:
        results = collate_pages(project)
        with project.session() as s:
            kept = agreements(s)
    first, second, third, dump = results
    assert [(d.page_reading, d.reference_reading) for d in first.open] == [("ŷ", "2")]  # pm2.5
    assert [(d.kind.value, d.page_reading, d.reference_reading) for d in second.open] == [
        ("punctuation", "+", ""),
        ("substitution", "人代会", "人民代表大会"),
    ]
    assert third.collation is None and third.reference is not None  # no counterpart: said
    assert dump.reference is None  # the dump's document has no reference
    assert kept[second.page_id].open_differences == 2
    assert 0 < (kept[second.page_id].cer or 0) < 0.01
    assert kept[third.page_id].cer is None


def test_accepting_edits_the_page_and_undo_brings_it_back(collated: Path) -> None:
    with open_project(collated) as project:
        with project.session() as s:
            page = list_pages(s)[1]
        before = collate_page(project, page.id)
        representatives = before.open[1]  # 人代会 / 人民代表大会
        edit = accept_difference(project, page.id, representatives, "审校员甲")
        after = collate_page(project, page.id)
        with project.session() as s:
            text = current_text(s, page.id)
        assert "扎实办好人民代表大会票决" in text
        assert [d.page_reading for d in after.open] == ["+"]
        revert(project, page.id, [edit], "审校员甲")  # what undo does
        again = collate_page(project, page.id)
    assert [d.page_reading for d in again.open] == ["+", "人代会"]


def test_a_rejected_difference_stays_settled_until_reopened(collated: Path) -> None:
    with open_project(collated) as project:
        with project.session() as s:
            page = list_pages(s)[1]
        first = collate_page(project, page.id)
        assert first.reference is not None
        rejection = reject_difference(project, page.id, first.reference.id, first.open[0], "甲")
        settled = collate_page(project, page.id)
        assert [d.page_reading for d in settled.open] == ["人代会"]
        assert settled.rejected == 1
        reopen_difference(project, rejection)
        assert len(collate_page(project, page.id).open) == 2


def test_a_stale_difference_is_refused_in_words(collated: Path) -> None:
    with open_project(collated) as project:
        with project.session() as s:
            page = list_pages(s)[1]
        found = collate_page(project, page.id)
        accept_difference(project, page.id, found.open[1], "甲")
        with pytest.raises(UserError, match="has changed since it was collated"):
            accept_difference(project, page.id, found.open[1], "甲")


def test_only_the_most_recently_used_reference_indexes_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from xzannot.operations import collating

    read: list[int] = []

    def text_of(_session: object, reference_id: int) -> str:
        read.append(reference_id)
        return "加快推进全省第二批新时代乡村集成改革试点" * 3

    monkeypatch.setattr(collating, "reference_text", text_of)
    one = ReferenceIndex(text_of(None, 0)).size
    read.clear()
    indexes = collating.Indexes(limit=2 * one)  # room for two indexes of that size
    for reference_id in (1, 2, 1, 3, 1, 2):
        indexes.of(None, SimpleNamespace(id=reference_id))  # type: ignore[arg-type]
    assert indexes.kept() == [1, 2]
    assert read == [1, 2, 3, 2]  # 2 was dropped for 3 and read again; 1 stayed in use
    assert indexes.size == 2 * one


def test_an_index_larger_than_the_limit_is_kept_while_in_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from types import SimpleNamespace

    from xzannot.operations import collating

    monkeypatch.setattr(collating, "reference_text", lambda _s, i: "乡村集成改革试点" * (50 * i))
    indexes = collating.Indexes(limit=1000)
    for reference_id in (1, 2):
        assert indexes.of(None, SimpleNamespace(id=reference_id)).size > 1000  # type: ignore[arg-type]
        assert indexes.kept() == [reference_id]


def test_an_index_finds_only_runs_found_once() -> None:
    index = ReferenceIndex(
        "甲乙丙丁戊己庚辛壬癸" * 2 + "子丑寅卯辰巳午未申酉戌亥" + "天地玄黄宇宙洪荒"
    )
    # the repeated stretch votes nowhere; the stretch found once places the page
    located = index.locate(normal_form("子丑寅卯辰巳午未申酉戌亥天地玄黄"))
    assert located is not None
    page_start, _page_end, ref_start, _ref_end = located
    assert (page_start, ref_start) == (0, 20)
    assert index.locate(normal_form("甲乙丙丁戊己庚辛壬癸")) is None
