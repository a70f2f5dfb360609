from __future__ import annotations

import pytest

from xzannot.core.edits import Edit, apply_edits


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
