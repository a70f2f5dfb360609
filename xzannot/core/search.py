"""Searching a page's text: folding away what a reader does not see as a difference, finding
hits (literal or regular expression) and reading conditions on target attributes.

By default a search ignores spacing and line breaks, full- and half-width forms, case, and
radical look-alikes (``⼒`` for ``力``): both the text and the query are *folded*, one
character for one character with white space dropped, and a hit in the folded text is
mapped back to the characters of the text it came from. ``exact`` searches the text as it is.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from xzannot.core.radical_table import RADICAL_TO_IDEOGRAPH
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError

# white space a reader does not see as a difference (line breaks, ideographic space,
# zero-width characters left by PDF extraction)
_SPACES = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
_SPACES += "\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"


def _fold_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {ord(space): None for space in _SPACES}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[code] = code - 0xFEE0
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = table[code + 0xFEE0] = code + 32  # A and Ａ as a
    for radical, ideograph in RADICAL_TO_IDEOGRAPH.items():
        table[ord(radical)] = ord(ideograph)
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """``text`` as the index keeps it: white space dropped, widths, case and radical
    look-alikes made one (every other character kept as it is)."""
    return text.translate(_FOLD)


def kept_positions(text: str) -> list[int]:
    """For each character of ``fold(text)``: its index in ``text``."""
    return [index for index, char in enumerate(text) if ord(char) not in _FOLD or _FOLD[ord(char)]]


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "!=": operator.ne,
    "=": operator.eq,
    ">": operator.gt,
    "<": operator.lt,
    "~": lambda have, want: str(want) in str(have),
}
_CONDITION = re.compile(r"^\s*([A-Za-z_][A-Za-z_0-9]*)\s*(>=|<=|!=|=|>|<|~)\s*(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition on a span attribute: ``value >= 100``, ``unit = 亿元``, ``indicator ~ 就业``."""

    name: str
    op: str
    value: str

    def __str__(self) -> str:
        return f"{self.name} {self.op} {self.value}"

    def holds(self, attributes: dict[str, Any]) -> bool:
        """Whether a span's attributes meet the condition (a missing attribute never does).
        Numbers compare as numbers when both sides read as numbers."""
        have = attributes.get(self.name)
        if have is None or have == "":
            return False
        want: Any = self.value
        if self.op != "~":
            number = _number(have), _number(self.value)
            if number[0] is not None and number[1] is not None:
                have, want = number
            else:
                have = str(have)
        if self.op in ("<", "<=", ">", ">=") and not isinstance(have, float):
            return False
        return _COMPARE[self.op](have, want)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse_condition(text: str) -> Condition:
    """A condition from its written form, or a :class:`UserError` saying what is wrong."""
    found = _CONDITION.match(text)
    if found is None:
        raise UserError(
            f"“{text}” is not a condition on an attribute; write it as NAME OP VALUE, "
            "e.g. “value >= 100” or “unit = 亿元” (OP is one of = != < <= > >= ~)"
        )
    return Condition(found[1], found[2], found[3])


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to look for, and where.

    ``text`` is literal unless ``regex``; empty text with span filters finds the spans
    themselves. ``original`` searches the text as extracted instead of the corrected text.
    Span filters (labels, statuses, annotators, conditions) keep the hits that lie in a
    live span meeting all of them.
    """

    text: str = ""
    regex: bool = False
    exact: bool = False
    original: bool = False
    labels: tuple[str, ...] = ()
    statuses: tuple[SpanStatus, ...] = ()
    annotators: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()
    documents: tuple[int, ...] = ()
    first_page: int | None = None  # page numbers within each document, inclusive
    last_page: int | None = None
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.text.strip() and not self.filters_spans:
            raise UserError("say what to search for: some text, or a label, status or condition")
        if self.regex:
            try:
                compiled = re.compile(self.text)
            except re.error as exc:
                raise UserError(f"“{self.text}” is not a regular expression: {exc}") from None
            object.__setattr__(self, "_pattern", compiled)
        first, last = self.first_page, self.last_page
        if first is not None and last is not None and first > last:
            raise UserError(f"pages {self.first_page} to {self.last_page} hold no page")

    @property
    def filters_spans(self) -> bool:
        """Whether hits must lie in spans meeting the span filters."""
        return bool(self.labels or self.statuses or self.annotators or self.conditions)

    @property
    def needle(self) -> str:
        """The literal text as the index holds it ('' for a regex or no text): folded for
        an exact query too, since text that matches exactly matches folded."""
        return "" if self.regex else fold(self.text)

    def hits_in(self, text: str) -> list[tuple[int, int]]:
        """Where the query's text occurs in ``text``, as ``(start, end)`` of ``text``."""
        if not self.text.strip():
            return []
        if self.exact:
            return list(_matches(text, self._pattern, self.text))
        positions = kept_positions(text)
        folded = fold(text)
        return [
            (positions[start], positions[end - 1] + 1)
            for start, end in _matches(folded, self._pattern, self.needle)
        ]

    def span_meets(self, span: SpanInfo) -> bool:
        """Whether a live span meets every span filter."""
        return (
            not span.deleted
            and not span.orphaned
            and (not self.labels or span.label in self.labels)
            and (not self.statuses or span.status in self.statuses)
            and (not self.annotators or (span.annotator or "") in self.annotators)
            and all(condition.holds(span.attributes) for condition in self.conditions)
        )


def _matches(text: str, pattern: re.Pattern[str] | None, needle: str) -> Iterator[tuple[int, int]]:
    if pattern is not None:
        for found in pattern.finditer(text):
            if found.end() > found.start():
                yield found.span()
        return
    if not needle:
        return
    start = text.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + len(needle))


def within_spans(
    hits: Sequence[tuple[int, int]], spans: Sequence[SpanInfo], query: SearchQuery
) -> list[tuple[int, int]]:
    """The hits that lie inside a span meeting the query's span filters; with no text to
    look for, those spans themselves."""
    meeting = [span for span in spans if query.span_meets(span)]
    if not query.text.strip():
        return sorted({(span.start, span.end) for span in meeting})
    return [
        (start, end)
        for start, end in hits
        if any(span.start <= start and end <= span.end for span in meeting)
    ]


def context(text: str, start: int, end: int, width: int = 20) -> tuple[str, str, str]:
    """A hit in context: up to ``width`` characters before and after, line breaks shown
    as spaces (a keyword-in-context line)."""

    def flat(piece: str) -> str:
        return " ".join(piece.split("\n"))

    before, after = text[max(0, start - width) : start], text[end : end + width]
    return flat(before), flat(text[start:end]), flat(after)


def query_to_dict(query: SearchQuery) -> dict[str, Any]:
    """A query as plain data (kept in the project under a name)."""
    return {
        "text": query.text,
        "regex": query.regex,
        "exact": query.exact,
        "original": query.original,
        "labels": list(query.labels),
        "statuses": [status.value for status in query.statuses],
        "annotators": list(query.annotators),
        "conditions": [str(condition) for condition in query.conditions],
        "documents": list(query.documents),
        "first_page": query.first_page,
        "last_page": query.last_page,
    }


def query_from_dict(data: dict[str, Any]) -> SearchQuery:
    """Inverse of :func:`query_to_dict` (a field missing takes its default)."""
    try:
        return SearchQuery(
            text=str(data.get("text", "")),
            regex=bool(data.get("regex", False)),
            exact=bool(data.get("exact", False)),
            original=bool(data.get("original", False)),
            labels=tuple(map(str, data.get("labels", ()))),
            statuses=tuple(SpanStatus(status) for status in data.get("statuses", ())),
            annotators=tuple(map(str, data.get("annotators", ()))),
            conditions=tuple(parse_condition(str(c)) for c in data.get("conditions", ())),
            documents=tuple(int(d) for d in data.get("documents", ())),
            first_page=_page_number(data.get("first_page")),
            last_page=_page_number(data.get("last_page")),
        )
    except (TypeError, ValueError) as exc:
        raise UserError(f"a saved search could not be read ({exc})") from None


def _page_number(value: Any) -> int | None:
    return None if value is None else int(value)
