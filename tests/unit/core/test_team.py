"""What an annotator sees of a page: their own spans, the rules' suggestions they have not
acted on, the others' only when the page is not blind or they ask, the curated layer only
when they ask."""

from __future__ import annotations

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.core.team import is_blind, visible

RULES = "xzannot rules"


def _span(  # noqa: PLR0917
    span_id: int,
    who: str | None,
    place: tuple[int, int] = (0, 4),
    label: str = "policy",
    status: SpanStatus = SpanStatus.ACCEPTED,
    layer: SpanLayer = SpanLayer.ANNOTATION,
) -> SpanInfo:
    start, end = place
    return SpanInfo(
        span_id, 1, start, end, label, "x" * (end - start), status, annotator=who, layer=layer
    )


SUGGESTION = _span(1, RULES, (0, 4), status=SpanStatus.SUGGESTED)
OTHER_SUGGESTION = _span(2, RULES, (10, 14), "target", status=SpanStatus.SUGGESTED)
LIN_COPY = _span(3, "lin", (0, 4), status=SpanStatus.REJECTED)
LIN_OWN = _span(4, "lin", (20, 30), "project")
WANG_OWN = _span(5, "wang", (20, 30), "project")
CURATED = _span(6, "chen", (20, 30), "project", layer=SpanLayer.CURATED)
NOBODY = _span(7, None, (40, 44))
ALL = [SUGGESTION, OTHER_SUGGESTION, LIN_COPY, LIN_OWN, WANG_OWN, CURATED, NOBODY]


def _ids(spans: list[SpanInfo]) -> list[int]:
    return [span.id for span in spans]


def test_blind_pages_hide_the_others_and_suggestions_acted_on() -> None:
    seen = visible(ALL, "lin", show_others=False, blind=True, rules_author=RULES)
    assert _ids(seen) == [2, 3, 4]  # lin rejected suggestion 1: it stays hidden for lin
    seen = visible(ALL, "wang", show_others=False, blind=True, rules_author=RULES)
    assert _ids(seen) == [1, 2, 5]  # wang still sees it


def test_a_copy_with_another_label_does_not_hide_the_suggestion() -> None:
    relabelled = _span(8, "lin", (0, 4), "target")
    seen = visible(
        [SUGGESTION, relabelled], "lin", show_others=False, blind=True, rules_author=RULES
    )
    assert _ids(seen) == [1, 8]


def test_pages_not_blind_show_everyone_but_the_curated_layer() -> None:
    seen = visible(ALL, "lin", show_others=False, blind=False, rules_author=RULES)
    assert _ids(seen) == [2, 3, 4, 5, 7]


def test_showing_others_shows_everything_but_suggestions_acted_on() -> None:
    seen = visible(ALL, "lin", show_others=True, blind=True, rules_author=RULES)
    assert _ids(seen) == [2, 3, 4, 5, 6, 7]
    assert visible([], "lin", show_others=True, blind=True, rules_author=RULES) == []


def test_blind_from_two_assignees() -> None:
    assert not is_blind([])
    assert not is_blind(["lin", "lin"])
    assert is_blind(["lin", "wang"])
