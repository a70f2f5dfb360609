"""Placing corrections in the current text and reverting them, on chains built by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.corrections import (
    Link,
    all_later_reverted,
    locate,
    place_corrections,
    reverting_edit,
    texts_before,
)
from xzannot.core.edits import Edit, Review, apply_edit, apply_edits
from xzannot.errors import UserError

ORIGINAL = "加强公共服务体系建设"


def _chain(*edits: Edit | tuple[Edit, int]) -> list[Link]:
    """Links numbered from 1; a (edit, n) pair reverts link n (which is then marked so)."""
    links: list[Link] = []
    reverted: set[int] = set()
    for number, item in enumerate(edits, 1):
        edit, reverts = item if isinstance(item, tuple) else (item, None)
        kind = "revert" if reverts is not None else "manual"
        links.append(Link(number, number, kind, Review.ACCEPTED, edit, reverts))
        if reverts is not None:
            reverted.add(reverts)
    return [
        Link(k.id, k.seq, k.kind, Review.REVERTED, k.edit, k.reverts) if k.id in reverted else k
        for k in links
    ]


def _places(links: list[Link]) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in place_corrections(ORIGINAL, links)]


def _current(links: list[Link]) -> str:
    return apply_edits(ORIGINAL, [k.edit for k in links])


def test_a_correction_is_placed_with_what_it_replaced_and_its_context() -> None:
    links = _chain(Edit(2, 4, "公众"))
    (info,) = place_corrections(ORIGINAL, links)
    assert (info.before, info.after, info.start, info.end) == ("公共", "公众", 2, 4)
    assert (
        info.context == "加强公众服务体系建设"
    )  # CONTEXT characters each side, as far as there are
    assert info.review is Review.ACCEPTED


def test_a_correction_moves_with_text_put_in_before_it() -> None:
    links = _chain(Edit(6, 8, "制度"), Edit(0, 0, "全面"))
    assert _places(links) == [(8, 10), (0, 2)]
    undo = reverting_edit(ORIGINAL, links, 1)
    assert apply_edit(_current(links), undo) == "全面" + ORIGINAL


def test_stacked_edits_hide_the_one_beneath_until_the_top_one_is_reverted() -> None:
    retyped = Edit(2, 4, "社会", (-1, -1))  # new characters in place of the first edit's
    links = _chain(Edit(2, 4, "公众"), retyped)
    assert _places(links) == [(-1, -1), (2, 4)]
    assert locate(texts_before(ORIGINAL, [k.edit for k in links]), links, 0) == [None, None]
    with pytest.raises(UserError, match="later correction changed"):
        reverting_edit(ORIGINAL, links, 1)
    undo = reverting_edit(ORIGINAL, links, 2)
    links = _chain(Edit(2, 4, "公众"), retyped, (undo, 2))
    assert _current(links) == "加强公众服务体系建设"
    # found again where the revert put its text back
    assert locate(texts_before(ORIGINAL, [k.edit for k in links]), links, 0) == [2, 3]
    undo = reverting_edit(ORIGINAL, links, 1)
    assert apply_edit(_current(links), undo) == ORIGINAL


def test_typing_over_a_correction_keeps_its_characters_in_place() -> None:
    # an edit without origins keeps characters one for one: the first edit is still there
    links = _chain(Edit(2, 4, "公众"), Edit(2, 4, "社会"))
    assert locate(texts_before(ORIGINAL, [k.edit for k in links]), links, 0) == [2, 3]
    assert _places(links) == [(-1, -1), (2, 4)]  # but its text is the later one's


def test_part_of_a_correction_taken_by_a_later_one_is_lost_until_that_is_reverted() -> None:
    taken = Edit(3, 4, "务", (-1,))
    links = _chain(Edit(2, 4, "公众"), taken)
    texts = texts_before(ORIGINAL, [k.edit for k in links])
    assert locate(texts, links, 0) == [2, None]
    with pytest.raises(UserError, match="later correction changed"):
        reverting_edit(ORIGINAL, links, 1)
    links = _chain(Edit(2, 4, "公众"), taken, (Edit(3, 4, "众"), 2))
    texts = texts_before(ORIGINAL, [k.edit for k in links])
    assert locate(texts, links, 0) == [2, 3]


def test_a_correction_split_up_by_text_put_inside_it_cannot_be_reverted() -> None:
    links = _chain(Edit(2, 4, "公众"), Edit(3, 3, "、"))
    assert _places(links)[0] == (-1, -1)
    with pytest.raises(UserError, match="split up"):
        reverting_edit(ORIGINAL, links, 1)


def test_a_reverted_correction_is_not_reverted_twice() -> None:
    links = _chain(Edit(2, 4, "公众"), (Edit(2, 4, "公共"), 1))
    with pytest.raises(UserError, match="already reverted"):
        reverting_edit(ORIGINAL, links, 1)
    with pytest.raises(UserError, match="not on this page"):
        reverting_edit(ORIGINAL, links, 9)


def test_a_deletion_is_a_point_that_follows_later_edits() -> None:
    links = _chain(Edit(2, 4, ""), Edit(0, 0, "全面"))
    info = place_corrections(ORIGINAL, links)[0]
    assert (info.before, info.after, info.start, info.end) == ("公共", "", 4, 4)
    undo = reverting_edit(ORIGINAL, links, 1)
    assert undo == Edit(4, 4, "公共", (-1, -1))
    assert apply_edit(_current(links), undo) == "全面" + ORIGINAL


def test_a_deletion_swallowed_by_a_later_edit_comes_back_with_its_revert() -> None:
    # 加强服务… : the point between 强 and 服 is inside what the second edit replaces
    links = _chain(Edit(2, 4, ""), Edit(1, 3, "化"))
    texts = texts_before(ORIGINAL, [k.edit for k in links])
    assert locate(texts, links, 0) == [1]
    links = _chain(Edit(2, 4, ""), Edit(1, 3, "化"), (Edit(1, 2, "强服"), 2))
    texts = texts_before(ORIGINAL, [k.edit for k in links])
    assert locate(texts, links, 0) == [2]
    assert apply_edit(_current(links), reverting_edit(ORIGINAL, links, 1)) == ORIGINAL


def test_spans_go_back_exactly_only_when_every_later_edit_is_undone() -> None:
    links = _chain(Edit(2, 4, "公众"), Edit(0, 0, "全面"))
    assert not all_later_reverted(links, 1)
    assert all_later_reverted(links, 2)
    links = _chain(Edit(2, 4, "公众"), Edit(0, 0, "全面"), (Edit(0, 2, ""), 2))
    assert all_later_reverted(links, 1)


@st.composite
def chains(draw: st.DrawFn) -> list[Edit]:
    text, edits = ORIGINAL, []
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        edit = Edit(start, end, draw(st.text(alphabet="改正字x", max_size=4)))
        edits.append(edit)
        text = apply_edit(text, edit)
    return edits


@given(chains())
def test_the_newest_correction_always_reverts_to_the_text_before_it(edits: list[Edit]) -> None:
    links = _chain(*edits)
    texts = texts_before(ORIGINAL, edits)
    undo = reverting_edit(ORIGINAL, links, len(links))
    assert apply_edit(texts[-1], undo) == texts[-2]
    newest = place_corrections(ORIGINAL, links)[-1]
    assert (newest.start, newest.end) == (edits[-1].start, edits[-1].start + len(newest.after))
