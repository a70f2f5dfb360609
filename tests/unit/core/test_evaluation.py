from __future__ import annotations

import json

import pytest

from xzannot.core.evaluation import GoldError, locate_gold, score


def test_exact_and_overlapping_scores() -> None:
    gold = [(1, 0, 5, "target"), (1, 10, 14, "policy"), (2, 3, 6, "target")]
    found = [(1, 0, 5, "target"), (1, 11, 14, "policy"), (2, 20, 22, "target")]
    exact = score(gold, found)
    assert (exact["target"].true_positives, exact["target"].false_positives) == (1, 1)
    assert exact["target"].false_negatives == 1
    assert exact["policy"].precision == 0.0
    loose = score(gold, found, overlap=True)
    assert loose["policy"].precision == loose["policy"].recall == 1.0
    assert loose["target"].f1 == pytest.approx(0.5)


def test_an_empty_side_scores_without_dividing_by_zero() -> None:
    result = score([(1, 0, 2, "project")], [])
    assert result["project"].precision == 1.0
    assert result["project"].recall == 0.0
    assert result["project"].f1 == 0.0


def test_gold_quotes_are_located_on_their_page() -> None:
    texts = {1: "甲乙甲乙", 2: "丙"}
    lines = [
        {"page": 1, "label": "policy", "quote": "甲乙", "occurrence": 2},
        {"page": 2, "label": "target", "quote": "丙"},
    ]
    jsonl = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    assert locate_gold(jsonl, texts) == [(1, 2, 4, "policy"), (2, 0, 1, "target")]
    with pytest.raises(GoldError, match="not on page 2"):
        locate_gold('{"page": 2, "label": "target", "quote": "丁"}', texts)


def test_error_kinds_name_each_difference() -> None:
    from xzannot.core.cer import error_kinds

    assert error_kinds("全年增长 5%", "全年增长5％") == {"+sp": 1, "sub": 1}
    assert error_kinds("全长", "全年增长") == {"del": 2}
    assert error_kinds("全年年增长", "全年增长") == {"ins": 1}
