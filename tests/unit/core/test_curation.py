"""Units of curation: chains of overlapping spans grouped into stretches, each annotator's
version there, agreed when every version is alike, settled by the curated layer."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.curation import agrees, split, stretches, units
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus

_ids = iter(range(1, 10_000))


def _span(who: str, start: int, end: int, label: str = "policy", **extra: object) -> SpanInfo:
    return SpanInfo(next(_ids), 1, start, end, label, "x" * (end - start), annotator=who, **extra)  # type: ignore[arg-type]


def test_chains_of_overlap_are_one_stretch_and_touching_spans_are_not() -> None:
    spans = [_span("a", 0, 5), _span("b", 4, 8), _span("a", 7, 9), _span("b", 9, 12)]
    assert stretches(spans) == [(0, 9), (9, 12)]
    assert stretches([]) == []


def test_versions_agreed_disagreed_and_empty() -> None:
    lin = [_span("lin", 0, 4), _span("lin", 10, 14, "target"), _span("lin", 20, 24)]
    wang = [_span("wang", 0, 4), _span("wang", 10, 15, "target")]
    found = units(1, {"lin": lin, "wang": wang, "zhao": []})
    assert [(u.start, u.end) for u in found] == [(0, 4), (10, 15), (20, 24)]
    assert [u.agreed for u in found] == [False, False, False]  # zhao marked nothing anywhere
    found = units(1, {"lin": lin, "wang": wang})
    assert [u.agreed for u in found] == [True, False, False]
    last = found[2]
    assert [s.id for s in last.versions["lin"]] == [lin[2].id] and last.versions["wang"] == []
    agreed, disagreed = split(found)
    assert agreed == [found[0]] and disagreed == found[1:]


def test_one_annotator_alone_never_agrees() -> None:
    found = units(1, {"lin": [_span("lin", 0, 4)]})
    assert len(found) == 1 and not found[0].agreed


def test_the_curated_layer_settles_what_it_overlaps() -> None:
    lin = [_span("lin", 0, 4), _span("lin", 10, 14)]
    wang = [_span("wang", 0, 4)]
    mark = _span("chen", 9, 11, status=SpanStatus.REJECTED, layer=SpanLayer.CURATED)
    found = units(1, {"lin": lin, "wang": wang}, [mark])
    assert [u.settled for u in found] == [False, True]


def test_agreement_ignores_attributes_and_order() -> None:
    a = [_span("a", 0, 4, attributes={"value": 1}), _span("a", 5, 9)]
    b = [_span("b", 5, 9), _span("b", 0, 4, attributes={"value": 2})]
    assert agrees({"a": a, "b": b})
    assert not agrees({"a": a})


@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 50), st.integers(1, 10))))
def test_every_span_is_in_exactly_one_unit(raw: list[tuple[str, int, int]]) -> None:
    spans: dict[str, list[SpanInfo]] = {"a": [], "b": [], "c": []}
    for who, start, length in raw:
        spans[who].append(_span(who, start, start + length))
    found = units(1, spans)
    held = [s.id for u in found for own in u.versions.values() for s in own]
    assert sorted(held) == sorted(s.id for own in spans.values() for s in own)
    for first, second in pairwise(found):
        assert first.end <= second.start
