from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xzannot.core.edits import Edit, apply_edits, edit_runs, follow_all, replacement_origins


def test_edits_apply_in_sequence() -> None:
    original = "设施增 量 提 质"
    edits = [Edit(3, 4, ""), Edit(4, 5, ""), Edit(5, 6, "")]
    assert apply_edits(original, edits) == "设施增量提质"


def test_non_bmp_characters_count_as_one() -> None:
    assert apply_edits("a𠀀b", [Edit(1, 2, "字")]) == "a字b"


def test_invalid_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        Edit(3, 2, "")
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 5, "")])


def spliced_whole(values: Sequence[object], edits: list[Edit], fill: object) -> object:
    """The way values followed a chain before: every edit of a run spliced in one pass over
    the list the run started from (the result, or the kind of error raised)."""
    current = list(values)
    try:
        for run in edit_runs(edits):
            out: list[object] = []
            position = 0
            for edit in reversed(run):
                out.extend(current[position : edit.start])
                out.extend(current[o] if o >= 0 else fill for o in replacement_origins(edit))
                position = edit.end
            out.extend(current[position:])
            current = out
    except IndexError:
        return IndexError
    return current


@st.composite
def chains(draw: st.DrawFn) -> tuple[int, list[Edit]]:
    """A text's length and a chain of runs of edits on it: typing over one for one (which
    moves nothing), retyping to another length, moves with origins from anywhere in the text
    (now and then from past its end), and now and then a run reaching past the end."""
    length = first = draw(st.integers(0, 30))
    edits: list[Edit] = []
    for _ in range(draw(st.integers(0, 5))):
        position, before = length + draw(st.sampled_from([0, 0, 0, 2])), length
        for _ in range(draw(st.integers(1, 4))):  # each wholly before the one before it
            start = draw(st.integers(0, position))
            end = draw(st.integers(start, position))
            kind = draw(st.sampled_from(["over", "retype", "move"]))
            origins = None
            if kind == "over":
                replacement = "o" * (end - start)
            elif kind == "retype":
                replacement = "r" * draw(st.integers(0, 3))
            else:
                found = st.integers(-2, before) if draw(st.booleans()) else st.integers(-1, 5)
                origins = tuple(draw(st.lists(found, max_size=80)))
                replacement = "m" * len(origins)
            edits.append(Edit(start, end, replacement, origins))
            length = max(0, length + len(replacement) - (end - start))
            position = start
    return first, edits


@settings(max_examples=400, deadline=None)
@given(chains())
def test_values_follow_a_chain_as_when_every_edit_of_a_run_was_spliced_in(
    chain: tuple[int, list[Edit]],
) -> None:
    length, edits = chain
    for values, fill in ((range(length), -1), ([f"v{i}" for i in range(length)], None)):
        try:
            found: object = follow_all(values, edits, fill)
        except IndexError:
            found = IndexError
        assert found == spliced_whole(values, edits, fill)


def test_typing_over_moves_nothing_and_a_reflow_moves_every_character() -> None:
    reflow = Edit(0, 4, "cdab", (2, 3, 0, 1))
    typed = [Edit(3, 4, "B"), Edit(1, 2, "D"), Edit(0, 1, "x")]  # one run, one for one
    assert follow_all(range(4), [reflow, *typed], -1) == [2, 3, 0, 1]
    inserted = [*typed, Edit(2, 2, "new"), reflow]  # three new characters, then the reflow
    assert follow_all(range(4), inserted, -1) == [-1, -1, 0, 1, -1, 2, 3]


def test_a_long_move_carries_values_and_fails_on_an_origin_past_the_end() -> None:
    origins = (*range(99, 0, -1), -1)  # a hundred characters turned round, the last one new
    assert follow_all(range(100), [Edit(0, 100, "m" * 100, origins)], -1) == list(origins)
    with pytest.raises(IndexError):
        follow_all(range(100), [Edit(0, 100, "m" * 100, (*range(99), 100))], -1)
