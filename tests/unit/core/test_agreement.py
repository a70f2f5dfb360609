"""Agreement between annotators: the textbook figures, the span matchings, κ and α over
characters, missing data, and the invariants the figures keep."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.agreement import (
    ALL_LABELS,
    AlphaTally,
    Mark,
    PageMarks,
    SpanMatch,
    cohen_kappa,
    krippendorff_alpha,
    match_exact,
    match_overlapping,
    measure,
    measure_by_document,
)

_ = None  # a missing value


def page(length: int, page_id: int = 1, document: str = "d", **marks: list[Mark]) -> PageMarks:
    return PageMarks(page_id, length, marks, document=document, number=page_id)


def test_krippendorff_reliability_data_with_missing_values() -> None:
    """Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: four
    observers, twelve units, values missing; nominal α = 0.743."""
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
        [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]
    alpha = krippendorff_alpha(zip(*observers, strict=True))
    assert alpha.value == pytest.approx(0.743, abs=5e-4)
    assert alpha.units == 11  # the last unit has one value only: it cannot be paired
    assert alpha.values == 40


def test_krippendorff_two_observers_binary() -> None:
    """The same paper, section A: two observers, ten units, binary data; α = 0.095."""
    first = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    second = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(zip(first, second, strict=True)).value == pytest.approx(
        0.095, abs=5e-4
    )


def test_cohen_kappa_two_by_two_table() -> None:
    """Fifty applications read by two readers: yes/yes 20, yes/no 5, no/yes 10, no/no 15;
    p_o = 0.7, p_e = 0.5, κ = 0.4."""
    kappa = cohen_kappa({("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15})
    assert kappa.observed == pytest.approx(0.7)
    assert kappa.expected == pytest.approx(0.5)
    assert kappa.value == pytest.approx(0.4)
    assert kappa.units == 50


def test_undefined_figures_are_none() -> None:
    assert cohen_kappa({}).value is None
    assert cohen_kappa({(0, 0): 7}).value is None  # one category: chance agreement is 1
    assert krippendorff_alpha([[1, 1], [1, 1]]).value is None
    assert SpanMatch(0, 0, 0).f1 is None


def test_weighted_units_count_as_repeated_units() -> None:
    tally = AlphaTally()
    tally.add([1, 2, 2], 3)
    tally.add([2, 2, None], 2)
    repeated = [[1, 2, 2]] * 3 + [[2, 2, None]] * 2
    assert tally.result() == krippendorff_alpha(repeated)


def test_perfect_agreement_is_one_everywhere() -> None:
    marks = [Mark(0, 4, "target"), Mark(6, 9, "policy"), Mark(2, 8, "project")]
    result = measure([page(12, a=marks, b=list(reversed(marks)))], ["a", "b"])
    for label in ("policy", "project", "target", ALL_LABELS):
        pair = result.pair("a", "b", label)
        assert pair.kappa.value == pytest.approx(1.0)
        assert pair.exact.f1 == pair.overlap.f1 == 1.0
        assert result.alpha[label].value == pytest.approx(1.0)
    assert result.pair("a", "b").exact == SpanMatch(3, 0, 0)
    assert result.pages[0].differing == 0


def test_disjoint_spans_figures_by_hand() -> None:
    result = measure([page(20, a=[Mark(0, 5, "target")], b=[Mark(10, 15, "target")])], ["a", "b"])
    pair = result.pair("a", "b", "target")
    assert pair.exact == pair.overlap == SpanMatch(0, 1, 1)
    assert pair.exact.f1 == pair.overlap.f1 == 0.0
    # characters: 5 only a, 5 only b, 10 neither; p_o = 0.5, p_e = 0.25² + 0.75² = 0.625
    assert pair.kappa.value == pytest.approx((0.5 - 0.625) / 0.375)
    assert pair.characters == 20 and pair.pages == 1
    assert result.pages[0].differing == 10


def test_overlap_counts_what_exact_does_not() -> None:
    a = [Mark(0, 10, "target")]
    b = [Mark(2, 10, "target"), Mark(12, 15, "target")]
    assert match_exact(a, b) == SpanMatch(0, 1, 2)
    overlap = match_overlapping(a, b)
    assert overlap == SpanMatch(1, 0, 1)
    assert overlap.f1 == pytest.approx(2 / 3)
    assert overlap.precision == 0.5 and overlap.recall == 1.0
    # a span split in two by the other annotator: one match, one span left over
    assert match_overlapping(a, [Mark(0, 4, "target"), Mark(5, 10, "target")]) == SpanMatch(1, 0, 1)
    # spans of another label never match
    assert match_overlapping(a, [Mark(0, 10, "policy")]) == SpanMatch(0, 1, 1)


def test_overlap_matching_is_maximum_not_greedy() -> None:
    """Matching the first span with its largest overlap would leave the second unmatched."""
    a = [Mark(0, 5, "target"), Mark(5, 10, "target")]
    b = [Mark(1, 7, "target"), Mark(0, 1, "target")]
    assert match_overlapping(a, b) == SpanMatch(2, 0, 0)


def test_overlapping_labels_per_label_binary_and_all_labels_as_sets() -> None:
    a = [Mark(0, 10, "policy"), Mark(2, 5, "target")]
    b = [Mark(0, 10, "policy")]
    result = measure([page(12, a=a, b=b)], ["a", "b"])
    assert result.pair("a", "b", "policy").kappa.value == pytest.approx(1.0)
    # target: 3 characters only a's, 9 neither; p_o = 0.75, p_e = 0.75: κ = 0
    assert result.pair("a", "b", "target").kappa.value == pytest.approx(0.0)
    # all labels: {policy} 7 both, {policy, target}/{policy} 3, none 2: κ = 34/70
    assert result.pair("a", "b").kappa.value == pytest.approx(34 / 70)
    assert result.pair("a", "b").exact == SpanMatch(1, 1, 0)


def test_missing_data_pages_and_alpha() -> None:
    """c did not mark the second page: the pairs with c count one page, and α takes c's
    values there as missing."""
    first = page(4, 1, a=[Mark(0, 2, "t")], b=[Mark(0, 2, "t")], c=[Mark(0, 3, "t")])
    second = page(3, 2, a=[Mark(0, 1, "t")], b=[Mark(1, 3, "t")], c=[])
    result = measure([first, second], ["a", "b", "c"])
    assert result.pair("a", "b").pages == 2 and result.pair("a", "b").characters == 7
    assert result.pair("a", "c").pages == 1 and result.pair("a", "c").characters == 4
    t, n = ("t",), ()
    units = [[t, t, t], [t, t, t], [n, n, t], [n, n, n], [t, n, _], [n, t, _], [n, t, _]]
    binary = [[None if v is None else v == t for v in unit] for unit in units]
    assert result.alpha["t"] == krippendorff_alpha(binary)
    assert result.alpha[ALL_LABELS] == krippendorff_alpha(units)
    assert result.alpha[ALL_LABELS].units == 7


def test_a_page_counts_only_when_two_marked_it() -> None:
    result = measure([page(5, a=[Mark(0, 2, "t")], b=[])], ["a", "b"])
    assert result.pages == () and result.pair("a", "b").pages == 0
    assert result.pair("a", "b").kappa.value is None and result.alpha["t"].units == 0


def test_labels_not_measured_still_mark_the_page_as_read() -> None:
    """b marked only a policy: the page counts, and b found no target on it."""
    result = measure(
        [page(6, a=[Mark(0, 3, "target")], b=[Mark(3, 6, "policy")])], ["a", "b"], labels=["target"]
    )
    pair = result.pair("a", "b", "target")
    assert pair.pages == 1 and pair.exact == SpanMatch(0, 1, 0)
    assert result.labels == ("target",)


def test_against_one_annotator() -> None:
    marks = [Mark(0, 2, "t")]
    result = measure([page(4, a=marks, b=marks, c=marks)], ["a", "b", "c"], against="b")
    assert {(p.a, p.b) for p in result.pairs} == {("b", "a"), ("b", "c")}
    assert result.alpha["t"].values == 12  # α still across all three


def test_target_attributes_of_exact_matches() -> None:
    a = [
        Mark(0, 5, "target", {"value": 1.6, "unit": "万人", "comparator": "≥"}),
        Mark(6, 9, "target", {"value": 90, "unit": "%", "comparator": "≥"}),
        Mark(10, 12, "target", {"value": 3}),  # no exact partner: not counted
    ]
    b = [
        Mark(0, 5, "target", {"value": 1.6, "unit": "万", "comparator": "≥"}),
        Mark(6, 9, "target", {"value": 90.0, "unit": "%", "comparator": ""}),
        Mark(10, 13, "target", {"value": 3}),
    ]
    result = measure([page(15, a=a, b=b)], ["a", "b"])
    found = {f.attribute: (f.agree, f.pairs) for f in result.attributes}
    assert found == {"value": (2, 2), "unit": (1, 2), "comparator": (1, 2)}
    assert next(f for f in result.attributes if f.attribute == "unit").share == 0.5


def test_pages_that_disagree_most_come_first() -> None:
    pages = [
        page(10, 1, a=[Mark(0, 5, "t")], b=[Mark(0, 5, "t")]),
        page(10, 2, a=[Mark(0, 5, "t")], b=[Mark(2, 9, "t")]),
        page(10, 3, a=[Mark(0, 5, "t")], b=[Mark(0, 6, "t")]),
    ]
    result = measure(pages, ["a", "b"])
    assert [p.number for p in result.pages] == [2, 3, 1]
    assert [p.differing for p in result.pages] == [6, 1, 0]


def test_by_document() -> None:
    pages = [
        page(4, 1, document="x", a=[Mark(0, 2, "t")], b=[Mark(0, 2, "t")]),
        page(4, 2, document="y", a=[Mark(0, 2, "t")], b=[Mark(2, 4, "t")]),
    ]
    found = measure_by_document(pages, ["a", "b"], labels=["t"])
    assert found["x"].pair("a", "b").exact.f1 == 1.0
    assert found["y"].pair("a", "b").exact.f1 == 0.0


def test_spans_past_the_text_are_cut_to_it() -> None:
    result = measure([page(4, a=[Mark(2, 9, "t")], b=[Mark(2, 4, "t")])], ["a", "b"])
    assert result.pair("a", "b", "t").kappa.value == pytest.approx(1.0)


_LENGTH = 30
_marks = st.lists(
    st.tuples(
        st.integers(0, _LENGTH - 1), st.integers(1, 8), st.sampled_from(["target", "policy"])
    ).map(lambda t: Mark(t[0], min(_LENGTH, t[0] + t[1]), t[2])),
    min_size=1,
    max_size=6,
)


@given(_marks, _marks)
def test_figures_are_symmetric_and_bounded(a: list[Mark], b: list[Mark]) -> None:
    forward = measure([page(_LENGTH, a=a, b=b)], ["a", "b"], labels=["target", "policy"])
    backward = measure([page(_LENGTH, a=b, b=a)], ["a", "b"], labels=["target", "policy"])
    for label in ("target", "policy", ALL_LABELS):
        one, other = forward.pair("a", "b", label), backward.pair("a", "b", label)
        assert one.exact.f1 == other.exact.f1 and one.overlap.f1 == other.overlap.f1
        if one.kappa.value is None:
            assert other.kappa.value is None
        else:
            assert one.kappa.value == pytest.approx(other.kappa.value)
            assert -1.0 <= one.kappa.value <= 1.0 + 1e-9
        if one.exact.f1 is not None:
            assert one.overlap.f1 is not None and 0.0 <= one.exact.f1 <= one.overlap.f1 <= 1.0
        alpha = forward.alpha[label].value
        assert alpha is None or alpha <= 1.0 + 1e-9


@given(_marks)
def test_an_annotator_agrees_with_themselves(a: list[Mark]) -> None:
    result = measure([page(_LENGTH, a=a, b=list(a))], ["a", "b"])
    pair = result.pair("a", "b")
    assert pair.exact.f1 == pair.overlap.f1 == 1.0
    assert pair.kappa.value is None or pair.kappa.value == pytest.approx(1.0)
    assert result.alpha[ALL_LABELS].value in (None, pytest.approx(1.0))


@given(st.lists(st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=2, max_size=4)))
def test_alpha_is_at_most_one(units: list[list[int | None]]) -> None:
    alpha = krippendorff_alpha(units).value
    assert alpha is None or alpha <= 1.0 + 1e-9
