"""Team review on the sample project: pages given to annotators, curators, each annotator's
queue, status and progress, and what each sees of a page labelled blind."""

from __future__ import annotations

from pathlib import Path

import pytest

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations.labelling import add_span
from xzannot.operations.project import Project, open_project
from xzannot.operations.suggesting import RULES_ANNOTATOR, suggest
from xzannot.operations.team import (
    act_on_suggestion,
    annotators,
    assign_pages,
    assignments,
    curators,
    is_blind,
    mark_my_page,
    next_page,
    page_assignees,
    progress,
    remove_assignment,
    set_curator,
    visible_spans,
)
from xzannot.store.documents import get_page_info

SAMPLE, DUMP = "xiuzhou-2022-sample", "xiuzhou-2022-p52-dump"


def page_status_of(project: Project, page_id: int) -> PageStatus:
    with project.session() as session:
        return get_page_info(session, page_id).review_status


def test_assignments_made_listed_and_removed(sample: Path) -> None:
    with open_project(sample) as project:
        lin = assign_pages(project, "lin", SAMPLE, 1, 2)
        again = assign_pages(project, " lin ", 1, 1, 2)
        wang = assign_pages(project, "wang", SAMPLE)
        dump = assign_pages(project, "wang", DUMP)
        assert again == lin
        assert (lin.annotator, lin.document, lin.first_page, lin.last_page) == ("lin", SAMPLE, 1, 2)
        assert [a.id for a in assignments(project)] == [lin.id, wang.id, dump.id]
        assert page_assignees(project, 2) == ["lin", "wang"] and is_blind(project, 2)
        assert page_assignees(project, 3) == ["wang"] and not is_blind(project, 3)
        remove_assignment(project, wang.id)
        assert page_assignees(project, 2) == ["lin"] and not is_blind(project, 2)
        with pytest.raises(UserError, match=f"there is no assignment {wang.id}"):
            remove_assignment(project, wang.id)


@pytest.mark.parametrize(
    ("who", "document", "pages", "message"),
    [
        ("lin", "nope", (None, None), "no document 'nope'"),
        ("lin", SAMPLE, (0, 2), "has no page 0; it has pages 1 to 3"),
        ("lin", SAMPLE, (2, 9), "has no page 9"),
        ("lin", SAMPLE, (3, 2), "the first page comes after the last"),
        (RULES_ANNOTATOR, SAMPLE, (None, None), "is not a person"),
        (" ", SAMPLE, (None, None), "needs a name"),
    ],
)
def test_assignment_mistakes_in_words(
    sample: Path, who: str, document: str, pages: tuple[int | None, int | None], message: str
) -> None:
    with open_project(sample) as project, pytest.raises(UserError, match=message):
        assign_pages(project, who, document, *pages)


def test_curators_and_people(sample: Path) -> None:
    with open_project(sample) as project:
        suggest(project, [2])
        add_span(project, 2, (0, 4), "policy", "lin")
        set_curator(project, "chen")
        set_curator(project, "lin")
        assert curators(project) == ["chen", "lin"]
        set_curator(project, "lin", curator=False)
        assert curators(project) == ["chen"]
        assert annotators(project) == ["chen", "lin"]  # not the rules
        with pytest.raises(UserError, match="is not a person"):
            set_curator(project, RULES_ANNOTATOR)


def test_my_page_status_and_the_shared_one(sample: Path) -> None:
    with open_project(sample) as project:
        assign_pages(project, "lin", SAMPLE, 1, 1)
        changes = mark_my_page(project, 1, "lin", PageStatus.DONE)
        assert changes.pages == {1} and changes.page_status
        assert page_status_of(project, 1) == PageStatus.TODO  # given to someone: theirs only
        mark_my_page(project, 4, "lin", PageStatus.IN_PROGRESS)  # given to no one
        assert page_status_of(project, 4) == PageStatus.IN_PROGRESS


def test_queue_in_order_coming_round(sample: Path) -> None:
    with open_project(sample) as project:
        assert next_page(project, "lin") is None
        assign_pages(project, "lin", DUMP)
        assign_pages(project, "lin", SAMPLE, 2, 3)
        assert next_page(project, "lin") == 2
        assert next_page(project, "lin", after=2) == 3
        assert next_page(project, "lin", after=3) == 4
        assert next_page(project, "lin", after=4) == 2  # round again
        assert next_page(project, "lin", after=1) == 2  # a page not theirs
        mark_my_page(project, 3, "lin", PageStatus.DONE)
        mark_my_page(project, 4, "lin", PageStatus.IN_PROGRESS)
        assert next_page(project, "lin", after=2) == 4
        mark_my_page(project, 2, "lin", PageStatus.DONE)
        mark_my_page(project, 4, "lin", PageStatus.DONE)
        assert next_page(project, "lin", after=4) is None
        assert next_page(project, "wang") is None


def test_progress_per_annotator_and_document(sample: Path) -> None:
    with open_project(sample) as project:
        assign_pages(project, "lin", SAMPLE)
        assign_pages(project, "wang", SAMPLE, 2, 3)
        assign_pages(project, "wang", DUMP)
        add_span(project, 2, (0, 4), "policy", "lin")
        add_span(project, 3, (0, 4), "policy", "lin")
        add_span(project, 1, (0, 4), "policy", "wang")  # not a page of theirs
        mark_my_page(project, 2, "lin", PageStatus.DONE)
        mark_my_page(project, 3, "lin", PageStatus.IN_PROGRESS)
        rows = {(r.annotator, r.document): r for r in progress(project)}
        only = progress(project, document=DUMP)
    lin = rows[("lin", SAMPLE)]
    assert (lin.assigned, lin.done, lin.in_progress, lin.todo, lin.spans) == (3, 1, 1, 1, 2)
    assert lin.last_activity is not None
    wang = rows[("wang", SAMPLE)]
    assert (wang.assigned, wang.done, wang.todo, wang.spans, wang.last_activity) == (
        2,
        0,
        2,
        0,
        None,
    )
    assert [(r.annotator, r.assigned) for r in only] == [("wang", 1)]


def _suggestions(project: Project, page_id: int) -> list[int]:
    found = visible_spans(project, page_id, "nobody", show_others=False)
    return [s.id for s in found if s.annotator == RULES_ANNOTATOR]


def test_blind_pages_keep_each_to_their_own(sample: Path) -> None:
    with open_project(sample) as project:
        assign_pages(project, "lin", SAMPLE, 2, 2)
        assign_pages(project, "wang", SAMPLE, 2, 2)
        suggest(project, [2])
        first, second = _suggestions(project, 2)[:2]
        mine = add_span(project, 2, (0, 3), "policy", "lin")
        theirs = add_span(project, 2, (0, 3), "policy", "wang")  # a layer each: no clash
        copy = act_on_suggestion(project, first, "lin", status=SpanStatus.ACCEPTED)
        no = act_on_suggestion(project, second, "lin", status=SpanStatus.REJECTED, label="project")
        assert copy.id != first and copy.annotator == "lin" and copy.status == SpanStatus.ACCEPTED
        again = act_on_suggestion(project, first, "lin", status=SpanStatus.REJECTED)
        assert again.id == copy.id and again.status == SpanStatus.REJECTED
        lin = {s.id for s in visible_spans(project, 2, "lin", show_others=False)}
        wang = {s.id for s in visible_spans(project, 2, "wang", show_others=False)}
        every = {s.id for s in visible_spans(project, 2, "lin", show_others=True)}
    assert mine.id in lin and theirs.id not in lin and copy.id in lin and no.id in lin
    assert first not in lin and second in lin  # rejected as a project: the policy still stands
    assert first in wang and second in wang and theirs.id in wang and copy.id not in wang
    assert theirs.id in every and first not in every


def test_pages_not_blind_change_the_suggestion_itself(sample: Path) -> None:
    with open_project(sample) as project:
        assign_pages(project, "lin", SAMPLE, 2, 2)
        suggest(project, [2])
        first = _suggestions(project, 2)[0]
        changed = act_on_suggestion(
            project, first, "lin", status=SpanStatus.ACCEPTED, label="target"
        )
        assert changed.id == first and changed.annotator == "lin" and changed.label == "target"
        assert changed.status == SpanStatus.ACCEPTED and changed.attributes
        wang = {s.id for s in visible_spans(project, 2, "wang", show_others=False)}
    assert first in wang
