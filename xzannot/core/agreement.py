"""Inter-annotator agreement on labelled spans: span F1, Cohen's κ and Krippendorff's α.

The input is, per page, each annotator's spans (:class:`Mark`) on that page's text of known
length. A page counts for a pair of annotators when both have at least one span on it (of
any label: an annotator who marked something on a page read it, and found nothing else);
Krippendorff's α counts a page when two annotators or more have spans on it, and an
annotator without spans there is a missing value, not a "none".

The figures, per pair of annotators and per label, and for all labels together:

* **Span F1**, exact and overlapping. Annotator ``a`` is the reference and ``b`` the
  prediction (precision is ``b``'s, recall ``a``'s spans found by ``b``). Exact: same start,
  end and label. Overlapping: a maximum one-to-one matching of spans of the same label that
  share at least one character, so a span split in two by the other annotator counts one
  match and one unmatched span. Both F1s are symmetric in ``a`` and ``b``.
* **Cohen's κ over characters**: each character of the pages the pair shares is a unit. Per
  label the category is binary, the label present on the character or not (spans of other
  labels may overlap it freely). For all labels together the category is the set of labels
  covering the character (``policy+target`` is a category of its own), or none.
* **Krippendorff's α (nominal) over characters**, across all annotators, with the same
  categories as κ, missing values as above.
* **Attributes of targets**: for pairs of target spans matched exactly, the share of pairs
  agreeing on each of value, unit and comparator.

A figure that is undefined (κ or α when every character has the same category for everyone,
F1 with no span at all) is None, never a made-up 0 or 1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from typing import Any

ALL_LABELS = "*"  # the key of the figures for all labels together
TARGET = "target"
TARGET_ATTRIBUTES = ("value", "unit", "comparator")  # the attributes compared between targets


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotator's span: ``[start, end)`` of a page's text, its label and attributes."""

    start: int
    end: int
    label: str
    attributes: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class PageMarks:
    """One page: the length of its text, and the spans of each annotator who marked it."""

    page_id: int
    length: int
    marks: Mapping[str, Sequence[Mark]]  # annotator -> their spans on the page
    document: str = ""  # the title of its document
    number: int = 0  # the page's number in its document, from 1


@dataclass(frozen=True, slots=True)
class SpanMatch:
    """How the spans of ``a`` (the reference) and ``b`` match: in both, only in one."""

    both: int
    only_a: int
    only_b: int

    @property
    def precision(self) -> float | None:
        """The share of ``b``'s spans that ``a`` has too."""
        found = self.both + self.only_b
        return self.both / found if found else None

    @property
    def recall(self) -> float | None:
        """The share of ``a``'s spans that ``b`` has too."""
        expected = self.both + self.only_a
        return self.both / expected if expected else None

    @property
    def f1(self) -> float | None:
        """Their harmonic mean (symmetric in ``a`` and ``b``); None with no span at all."""
        total = 2 * self.both + self.only_a + self.only_b
        return 2 * self.both / total if total else None

    def __add__(self, other: SpanMatch) -> SpanMatch:
        return SpanMatch(
            self.both + other.both, self.only_a + other.only_a, self.only_b + other.only_b
        )


NO_SPANS = SpanMatch(0, 0, 0)


@dataclass(frozen=True, slots=True)
class Kappa:
    """Cohen's κ, with the observed and the chance agreement, over ``units`` units."""

    value: float | None  # None when chance agreement is 1 (one category only)
    observed: float | None
    expected: float | None
    units: int


@dataclass(frozen=True, slots=True)
class Alpha:
    """Krippendorff's α (nominal) over ``units`` units with two values or more."""

    value: float | None  # None when there is no variation at all
    units: int  # units (characters) with at least two values
    values: int  # the values in them (pairable values)


def cohen_kappa(table: Mapping[tuple[Hashable, Hashable], int]) -> Kappa:
    """κ from a table of counts: (category of a, category of b) -> units."""
    total = sum(table.values())
    if not total:
        return Kappa(None, None, None, 0)
    rows: Counter[Hashable] = Counter()
    columns: Counter[Hashable] = Counter()
    agree = 0
    for (first, second), count in table.items():
        rows[first] += count
        columns[second] += count
        if first == second:
            agree += count
    observed = agree / total
    expected = sum(rows[c] * columns[c] for c in rows) / (total * total)
    value = (observed - expected) / (1 - expected) if expected < 1 else None
    return Kappa(value, observed, expected, int(total))


class AlphaTally:
    """Krippendorff's α (nominal) accumulated a unit at a time, each unit with a weight (a
    run of characters with the same values counts as that many units)."""

    def __init__(self) -> None:
        self._totals: Counter[Hashable] = Counter()  # n_c: pairable values per category
        self._disagree: Counter[int] = Counter()  # per m: Σ w·(m² − Σ n_uc²)
        self.units = 0

    def add(self, values: Iterable[Hashable | None], weight: int = 1) -> None:
        """One unit's values (None: missing), ``weight`` times."""
        counts = Counter(v for v in values if v is not None)
        m = sum(counts.values())
        if m < 2 or weight <= 0:
            return  # a unit with fewer than two values cannot be paired
        self.units += weight
        for category, n in counts.items():
            self._totals[category] += weight * n
        self._disagree[m] += weight * (m * m - sum(n * n for n in counts.values()))

    def result(self) -> Alpha:
        """α = 1 − D_o / D_e, computed as 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k."""
        n = sum(self._totals.values())
        expected = n * n - sum(t * t for t in self._totals.values())
        observed = sum(d / (m - 1) for m, d in self._disagree.items())
        value = 1 - (n - 1) * observed / expected if expected else None
        return Alpha(value, self.units, n)


def krippendorff_alpha(units: Iterable[Sequence[Hashable | None]]) -> Alpha:
    """Nominal α of reliability data given a unit at a time: each unit's value from every
    coder, None where a coder gave none."""
    tally = AlphaTally()
    for values in units:
        tally.add(values)
    return tally.result()


def match_exact(a: Iterable[Mark], b: Iterable[Mark]) -> SpanMatch:
    """Spans with the same start, end and label."""
    first = {(m.start, m.end, m.label) for m in a}
    second = {(m.start, m.end, m.label) for m in b}
    both = len(first & second)
    return SpanMatch(both, len(first) - both, len(second) - both)


def match_overlapping(a: Sequence[Mark], b: Sequence[Mark]) -> SpanMatch:
    """A maximum one-to-one matching of spans of the same label sharing a character."""
    first = sorted({(m.start, m.end, m.label) for m in a})
    second = sorted({(m.start, m.end, m.label) for m in b})
    partner: dict[int, int] = {}  # index in second -> index in first

    def overlapping(i: int) -> list[int]:
        s, e, label = first[i]
        found = [j for j, (s2, e2, l2) in enumerate(second) if l2 == label and s2 < e and s < e2]
        # the largest overlap tried first, so the matching pairs spans that belong together
        return sorted(found, key=lambda j: -(min(e, second[j][1]) - max(s, second[j][0])))

    candidates = [overlapping(i) for i in range(len(first))]

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in partner or augment(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    both = sum(augment(i, set()) for i in range(len(first)))
    return SpanMatch(both, len(first) - both, len(second) - both)


Category = tuple[str, ...]  # the labels covering a character, sorted; () for none


def segments(
    length: int, layers: Sequence[Sequence[Mark]]
) -> list[tuple[int, tuple[Category, ...]]]:
    """The page cut where any span begins or ends: each run's width, and for each layer the
    labels covering it."""
    cuts = {0, length}
    changes: list[dict[int, list[tuple[str, int]]]] = []
    for layer in layers:
        events: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for mark in layer:
            start, end = max(0, mark.start), min(length, mark.end)
            if start < end:
                cuts.update((start, end))
                events[start].append((mark.label, 1))
                events[end].append((mark.label, -1))
        changes.append(events)
    active: list[Counter[str]] = [Counter() for _ in layers]
    found: list[tuple[int, tuple[Category, ...]]] = []
    ordered = sorted(cuts)
    for left, right in pairwise(ordered):
        for counts, events in zip(active, changes, strict=True):
            for label, delta in events.get(left, ()):
                counts[label] += delta
        found.append((right - left, tuple(_category(counts) for counts in active)))
    return found


def _category(counts: Counter[str]) -> Category:
    return tuple(sorted(label for label, n in counts.items() if n > 0))


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Two annotators' agreement on one label (or :data:`ALL_LABELS`), over the pages both
    marked: spans matched exactly and overlapping, κ over the pages' characters."""

    a: str  # the reference
    b: str
    label: str
    exact: SpanMatch
    overlap: SpanMatch
    kappa: Kappa
    pages: int

    @property
    def characters(self) -> int:
        """The characters κ is computed over."""
        return self.kappa.units


@dataclass(frozen=True, slots=True)
class AttributeAgreement:
    """How often two annotators' targets on the same characters agree on one attribute."""

    a: str
    b: str
    attribute: str
    agree: int
    pairs: int

    @property
    def share(self) -> float | None:
        """The share of the pairs of targets that agree (None: no pair)."""
        return self.agree / self.pairs if self.pairs else None


@dataclass(frozen=True, slots=True)
class PageDisagreement:
    """How far the annotators of one page differ: characters on which they do not all give
    the same labels, and α over the page's characters (all labels together)."""

    page_id: int
    document: str
    number: int
    annotators: tuple[str, ...]
    characters: int
    differing: int
    alpha: float | None


@dataclass(frozen=True, slots=True)
class Agreement:
    """Every figure of a measurement (see the module's docstring)."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]  # the labels measured; figures are also kept for ALL_LABELS
    pairs: tuple[PairAgreement, ...]  # for each pair: each label, then ALL_LABELS
    alpha: Mapping[str, Alpha]  # label (or ALL_LABELS) -> α across all annotators
    attributes: tuple[AttributeAgreement, ...]  # targets' attributes, per pair
    pages: tuple[PageDisagreement, ...]  # every page measured, most disagreement first

    def pair(self, a: str, b: str, label: str = ALL_LABELS) -> PairAgreement:
        """The figures of annotators ``a`` and ``b`` (in either order) for ``label``."""
        for found in self.pairs:
            if found.label == label and {found.a, found.b} == {a, b}:
                return found
        raise KeyError((a, b, label))


def _same(first: Any, second: Any) -> bool:
    """Whether two attribute values agree: numbers by value, nothing and "" alike."""

    def plain(value: Any) -> Any:
        if value in (None, ""):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return value

    return bool(plain(first) == plain(second))


Pair = tuple[str, str]


class _Tally:
    """The counts behind an :class:`Agreement`, gathered a page at a time."""

    def __init__(self, annotators: Sequence[str], labels: Sequence[str], pairs: Sequence[Pair]):
        self.annotators, self.labels, self.pairs = tuple(annotators), tuple(labels), tuple(pairs)
        self.tables: defaultdict[tuple[str, str, str], Counter[tuple[Hashable, Hashable]]]
        self.tables = defaultdict(Counter)
        self.matches: dict[tuple[str, str, str], tuple[SpanMatch, SpanMatch]] = {}
        self.pages_of: Counter[Pair] = Counter()
        self.alphas = {key: AlphaTally() for key in (*self.labels, ALL_LABELS)}
        self.attributes: Counter[tuple[str, str, str, bool]] = Counter()
        self.page_figures: list[PageDisagreement] = []

    def add(self, page: PageMarks) -> None:
        """Count one page, if two annotators or more marked it."""
        present = [name for name in self.annotators if page.marks.get(name)]
        if len(present) < 2:
            return
        chosen = set(self.labels)
        layers = {name: [m for m in page.marks[name] if m.label in chosen] for name in present}
        runs = segments(page.length, [layers[name] for name in present])
        column = {name: i for i, name in enumerate(present)}
        for a, b in self.pairs:
            if a in column and b in column:
                pair_runs = [(w, cats[column[a]], cats[column[b]]) for w, cats in runs]
                self._add_pair((a, b), pair_runs, layers[a], layers[b])
        for width, categories in runs:
            self.alphas[ALL_LABELS].add(categories, width)
            for label in self.labels:
                self.alphas[label].add([label in c for c in categories], width)
        self.page_figures.append(_page_figures(page, present, runs))

    def _add_pair(
        self,
        pair: Pair,
        runs: Sequence[tuple[int, Category, Category]],
        mine: Sequence[Mark],
        theirs: Sequence[Mark],
    ) -> None:
        a, b = pair
        self.pages_of[pair] += 1
        for width, first, second in runs:
            self.tables[a, b, ALL_LABELS][first, second] += width
            for label in self.labels:
                self.tables[a, b, label][label in first, label in second] += width
        for label in self.labels:
            these = [m for m in mine if m.label == label]
            those = [m for m in theirs if m.label == label]
            exact, overlap = self.matches.get((a, b, label), (NO_SPANS, NO_SPANS))
            self.matches[a, b, label] = (
                exact + match_exact(these, those),
                overlap + match_overlapping(these, those),
            )
        if TARGET in self.labels:
            self._add_attributes(pair, mine, theirs)

    def _add_attributes(self, pair: Pair, mine: Sequence[Mark], theirs: Sequence[Mark]) -> None:
        targets = {(m.start, m.end): m for m in theirs if m.label == TARGET}
        for mark in mine:
            other = targets.get((mark.start, mark.end)) if mark.label == TARGET else None
            if other is not None:
                for name in TARGET_ATTRIBUTES:
                    same = _same(mark.attributes.get(name), other.attributes.get(name))
                    self.attributes[(*pair, name, same)] += 1

    def result(self) -> Agreement:
        """The figures counted so far."""
        figures: list[PairAgreement] = []
        for a, b in self.pairs:
            total_exact = total_overlap = NO_SPANS
            for label in self.labels:
                exact, overlap = self.matches.get((a, b, label), (NO_SPANS, NO_SPANS))
                total_exact, total_overlap = total_exact + exact, total_overlap + overlap
                figures.append(self._pair(a, b, label, exact, overlap))
            figures.append(self._pair(a, b, ALL_LABELS, total_exact, total_overlap))
        attributes = tuple(
            AttributeAgreement(
                a,
                b,
                name,
                self.attributes[a, b, name, True],
                self.attributes[a, b, name, True] + self.attributes[a, b, name, False],
            )
            for a, b in self.pairs
            for name in TARGET_ATTRIBUTES
            if TARGET in self.labels
        )
        pages = sorted(self.page_figures, key=_disagreement_order)
        alpha = {key: tally.result() for key, tally in self.alphas.items()}
        return Agreement(
            self.annotators, self.labels, tuple(figures), alpha, attributes, tuple(pages)
        )

    def _pair(
        self, a: str, b: str, label: str, exact: SpanMatch, overlap: SpanMatch
    ) -> PairAgreement:
        kappa = cohen_kappa(self.tables.get((a, b, label), Counter()))
        return PairAgreement(a, b, label, exact, overlap, kappa, self.pages_of[a, b])


def _page_figures(
    page: PageMarks, present: Sequence[str], runs: Sequence[tuple[int, tuple[Category, ...]]]
) -> PageDisagreement:
    tally = AlphaTally()
    for width, categories in runs:
        tally.add(categories, width)
    differing = sum(width for width, categories in runs if len(set(categories)) > 1)
    return PageDisagreement(
        page.page_id,
        page.document,
        page.number,
        tuple(present),
        page.length,
        differing,
        tally.result().value,
    )


def _disagreement_order(page: PageDisagreement) -> tuple[int, float, str, int]:
    alpha = page.alpha if page.alpha is not None else 1.0
    return (-page.differing, alpha, page.document, page.number)


def measure(
    pages: Iterable[PageMarks],
    annotators: Sequence[str],
    *,
    labels: Sequence[str] | None = None,
    against: str | None = None,
) -> Agreement:
    """The agreement of ``annotators`` on ``pages``: every pair of them, or with ``against``
    each of the others against that one (the reference); ``labels`` are those measured (by
    default every label someone used), in the order given."""
    pages = list(pages)
    if labels is None:
        used = {m.label for p in pages for name in annotators for m in p.marks.get(name, ())}
        labels = sorted(used)
    if against is not None:
        pairs = [(against, name) for name in annotators if name != against]
    else:
        pairs = list(combinations(annotators, 2))
    tally = _Tally(annotators, labels, pairs)
    for page in pages:
        tally.add(page)
    return tally.result()


def measure_by_document(
    pages: Iterable[PageMarks],
    annotators: Sequence[str],
    *,
    labels: Sequence[str],
    against: str | None = None,
) -> dict[str, Agreement]:
    """:func:`measure` for each document's pages on their own, by document title."""
    grouped: dict[str, list[PageMarks]] = defaultdict(list)
    for page in pages:
        grouped[page.document].append(page)
    return {
        title: measure(found, annotators, labels=labels, against=against)
        for title, found in grouped.items()
    }
