from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLE_PDF
from xzannot.core.evaluation import locate_gold, score
from xzannot.core.rules import RulesError
from xzannot.core.spans import SpanStatus
from xzannot.errors import CancelledError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.correcting import correct_page
from xzannot.operations.importing import import_document
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.suggesting import (
    rules_text,
    save_rules,
    shipped_rules_text,
    suggest,
)
from xzannot.store.database import Project, open_project
from xzannot.store.documents import PageInfo, current_text, list_pages
from xzannot.store.spans import list_spans

GOLD = DATA / "gold" / "sample-spans.jsonl"


@pytest.fixture
def sample(db_path: Path, worker: PdfiumWorker) -> Path:
    """The sample yearbook alone: the three pages of the gold set."""
    with open_project(db_path) as project:
        import_document(project, worker, SAMPLE_PDF)
    return db_path


def corrected_page(project: Project, index: int) -> tuple[PageInfo, str]:
    """A page of the project, corrected, and its text."""
    with project.session() as s:
        page = list_pages(s)[index]
    correct_page(project, page.id)
    with project.session() as s:
        return page, current_text(s, page.id)


def _all_spans(db: Path) -> list[tuple[int, int, int, str, str]]:
    with open_project(db) as project, project.session() as s:
        return [
            (sp.page_id, sp.start, sp.end, sp.label, sp.status.value)
            for page in list_pages(s)
            for sp in list_spans(s, page.id, include_deleted=True)
        ]


def test_rules_meet_their_goals_on_the_hand_labelled_sample(sample: Path) -> None:
    with open_project(sample) as project:
        outcome = suggest(project)
        with project.session() as s:
            pages = list_pages(s)
            texts = {p.number: current_text(s, p.id) for p in pages}
            number = {p.id: p.number for p in pages}
            found = [
                (number[p.id], sp.start, sp.end, sp.label)
                for p in pages
                for sp in list_spans(s, p.id)
            ]
    assert outcome.pages == 3
    gold = locate_gold(GOLD.read_text(encoding="utf-8"), texts)  # every quote is on its page
    scores = score(gold, found)
    assert scores["target"].precision >= 0.85
    assert scores["target"].recall >= 0.8
    assert scores["project"].precision >= 0.7
    assert scores["policy"].precision >= 0.7


def test_running_again_adds_nothing_and_never_brings_back_a_rejection(sample: Path) -> None:
    with open_project(sample) as project:
        first = suggest(project)
        with project.session() as s:
            page = list_pages(s)[0]
            rejected, deleted, *_ = list_spans(s, page.id)
        change_span(project, rejected.id, status=SpanStatus.REJECTED)
        change_span(project, deleted.id, deleted=True)
        again = suggest(project)
    assert sum(first.added.values()) > 20
    assert sum(again.added.values()) == 0
    assert again.known == sum(first.added.values())
    spans = _all_spans(sample)
    assert len(spans) == len({s[:4] for s in spans}) == sum(first.added.values())
    assert ("rejected" in {s[4] for s in spans}) and ("suggested" in {s[4] for s in spans})


def test_a_reviewers_own_span_is_not_suggested_over(sample: Path) -> None:
    with open_project(sample) as project:
        page, text = corrected_page(project, 1)
        start = text.index("城镇新增就业人数")
        own = add_span(project, page.id, (start, start + 8), "target", "审校员甲")
        suggest(project, [page.id])
        with project.session() as s:
            targets = [sp for sp in list_spans(s, page.id) if sp.overlaps(own.start, own.end)]
    assert [sp.id for sp in targets if sp.label == "target"] == [own.id]


def test_suggestions_carry_the_targets_attributes_and_the_rule(sample: Path) -> None:
    with open_project(sample) as project:
        suggest(project)
        with project.session() as s:
            page = list_pages(s)[0]
            spans = {sp.quote: sp for sp in list_spans(s, page.id)}
    air = spans["空气质量优良率达到90%以上"]
    assert air.status is SpanStatus.SUGGESTED
    assert air.annotator == "xzannot rules"
    assert air.note == "rule target-number"
    assert air.attributes == {
        "indicator": "空气质量优良率",
        "value": 90,
        "unit": "%",
        "comparator": "≥",
        "direction": "level",
    }


def test_a_target_marked_by_hand_is_read_as_data(sample: Path) -> None:
    with open_project(sample) as project:
        page, text = corrected_page(project, 1)
        quote = "城镇新增就业人数1.6万人以上"
        start = text.index(quote)
        made = add_span(project, page.id, (start, start + len(quote)), "target", "审校员甲")
        policy = add_span(project, page.id, (start, start + 8), "policy", "审校员甲")
        relabelled = change_span(project, policy.id, label="target")
    assert made.attributes["value"] == 1.6
    assert made.attributes["direction"] == "increase"
    assert policy.attributes == {}
    assert relabelled.attributes["indicator"] == "城镇新增就业人数"


def test_project_rules_are_kept_only_when_they_compile(sample: Path) -> None:
    with open_project(sample) as project:
        with pytest.raises(RulesError, match="not a valid expression"):
            save_rules(project, shipped_rules_text().replace("{number}{unit}", "({number}{unit}"))
        with project.session() as s:
            assert rules_text(s) == shipped_rules_text()
        own = shipped_rules_text().replace('"兆瓦",', '"兆瓦", "万千瓦时每年",')
        save_rules(project, own)
    with open_project(sample) as project:  # kept with the project, for everyone using it
        with project.session() as s:
            assert rules_text(s) == own
        save_rules(project, None)
        with project.session() as s:
            assert rules_text(s) == shipped_rules_text()


def test_a_cancelled_run_stores_nothing(sample: Path) -> None:
    with open_project(sample) as project, pytest.raises(CancelledError):
        suggest(project, cancelled=lambda: True)
    assert _all_spans(sample) == []


def test_a_suggestion_over_a_standing_span_waits_until_that_span_is_rejected(
    sample: Path,
) -> None:
    quote = "空气质量优良率达到90%以上"
    with open_project(sample) as project:
        page, text = corrected_page(project, 0)
        start = text.index(quote)
        own = add_span(project, page.id, (start, start + 4), "target", "审校员甲")
        first = suggest(project, [page.id])
        with project.session() as s:
            assert quote not in {sp.quote for sp in list_spans(s, page.id)}
        change_span(project, own.id, status=SpanStatus.REJECTED)
        second = suggest(project, [page.id])
        third = suggest(project, [page.id])
        with project.session() as s:
            quotes = [sp.quote for sp in list_spans(s, page.id, include_deleted=True)]
    assert quotes.count(quote) == 1
    assert first.known == 1  # the one over the reviewer's span
    assert second.added == {"target": 1}  # that span rejected: the suggestion stands free
    assert sum(third.added.values()) == 0
    assert third.known == first.known + sum(first.added.values())  # each stored once
