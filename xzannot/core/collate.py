"""Collating a page with a reference witness: where the page is in it, and what differs.

Both texts are compared in a normal form (NFKC, lower case, no white space), so that
full- and half-width punctuation and spacing never count as differences. A page is
first located inside the reference (which may hold many pages, in another segmentation,
or only part of this one) by shared runs of characters; only the part of the page the
reference covers is aligned, character by character, with rapidfuzz. Each difference
is given back on the page's own text and on the reference's own text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Levenshtein

SHINGLE = 6  # characters that must agree to anchor a page in the reference
_DRIFT = 400  # how far the alignment of two witnesses may drift within one page
_MIN_COVER = 12  # fewer agreeing characters than this: the reference has no counterpart
_JOIN = 2  # differences separated by at most this many agreeing characters are one


class DifferenceKind(StrEnum):
    """What a difference is, seen from the page."""

    SPACING = "spacing"
    PUNCTUATION = "punctuation"
    INSERTION = "insertion"  # the reference has text the page lacks
    DELETION = "deletion"  # the page has text the reference lacks
    SUBSTITUTION = "substitution"


@dataclass(frozen=True)
class Normal:
    """A text in normal form, and for each of its characters the index it came from."""

    text: str
    origins: tuple[int, ...]
    length: int  # of the text it was made from


def normal_form(text: str) -> Normal:
    """NFKC, lower case, white space removed; every character keeps its source index."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        for folded in unicodedata.normalize("NFKC", char).lower():
            if not folded.isspace():
                chars.append(folded)
                origins.append(index)
    return Normal("".join(chars), tuple(origins), len(text))


def _source_range(normal: Normal, start: int, end: int) -> tuple[int, int]:
    """The range of the source text that ``normal.text[start:end]`` came from."""
    if start < end:
        return normal.origins[start], normal.origins[end - 1] + 1
    # an empty range sits just after the character before it
    at = (
        normal.origins[start - 1] + 1 if start > 0 else (normal.origins[0] if normal.origins else 0)
    )
    return at, at


def _kind(page: str, reference: str) -> DifferenceKind:
    mine, theirs = "".join(page.split()), "".join(reference.split())
    if mine == theirs:
        return DifferenceKind.SPACING
    both = mine + theirs
    if both and all(unicodedata.category(c)[0] in "PS" for c in both):
        return DifferenceKind.PUNCTUATION
    if not mine:
        return DifferenceKind.INSERTION
    if not theirs:
        return DifferenceKind.DELETION
    return DifferenceKind.SUBSTITUTION


@dataclass(frozen=True)
class Difference:
    """One place where page and reference read differently (offsets in each own text)."""

    start: int  # on the page
    end: int
    page_reading: str
    reference_start: int  # in the reference
    reference_end: int
    reference_reading: str
    kind: DifferenceKind

    @property
    def key(self) -> tuple[str, str, int]:
        """What identifies the difference across collations: readings and reference place."""
        return (self.page_reading, self.reference_reading, self.reference_start)


@dataclass(frozen=True)
class Collation:
    """A page against a reference: the part covered, the differences, the error rate."""

    page_start: int  # the part of the page the reference covers (page offsets)
    page_end: int
    reference_start: int
    reference_end: int
    differences: tuple[Difference, ...]
    cer: float  # edit distance per reference character, in normal form, over the covered part

    def coverage(self, page_length: int) -> float:
        """The share of the page that the reference covers."""
        return (self.page_end - self.page_start) / page_length if page_length else 0.0


REPEATED = -1  # a run of characters found more than once in a reference
BYTES_A_CHARACTER = 160  # what an index takes per character of its reference (measured)


class ReferenceIndex:
    """A reference in normal form, with its runs of characters indexed for locating pages."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normal = normal_form(text)
        # where each run of characters stands, by the run's hash: only a run found once
        # votes, so a run found again is marked REPEATED instead of listing its places
        # (about a third of the memory of a dict of lists keyed by the runs themselves)
        where: dict[int, int] = {}
        body = self.normal.text
        for i in range(len(body) - SHINGLE + 1):
            key = hash(body[i : i + SHINGLE])
            where[key] = REPEATED if key in where else i
        self._where = where

    @property
    def size(self) -> int:
        """About how many bytes the index takes (its texts and its table of runs)."""
        return BYTES_A_CHARACTER * len(self.text)

    def locate(self, page: Normal) -> tuple[int, int, int, int] | None:
        """The covered part of the page and of the reference, in normal-form offsets.

        Runs of the page found in the reference vote for an offset between the two;
        the best-supported offset (with the drift one page allows) gives the extent.
        Runs found in more than one place (a repeated phrase) do not vote.
        """
        body = page.text
        hits: list[tuple[int, int]] = []
        for i in range(len(body) - SHINGLE + 1):
            found = self._where.get(hash(body[i : i + SHINGLE]), REPEATED)
            if found != REPEATED:
                hits.append((i, found))
        if not hits:
            return None
        votes = Counter((j - i) // _DRIFT for i, j in hits)
        best = max(votes, key=lambda b: votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0))
        near = [(i, j) for i, j in hits if abs((j - i) // _DRIFT - best) <= 1]
        page_start = min(i for i, _ in near)
        page_end = max(i for i, _ in near) + SHINGLE
        ref_start = min(j for _, j in near)
        ref_end = max(j for _, j in near) + SHINGLE
        if page_end - page_start < _MIN_COVER or len(near) < 3:
            return None
        return page_start, page_end, ref_start, ref_end


def _grouped(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Non-equal stretches, with those only a character or two apart joined together."""
    groups: list[list[int]] = []
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        if groups and a0 - groups[-1][1] <= _JOIN and b0 - groups[-1][3] <= _JOIN:
            groups[-1][1], groups[-1][3] = a1, b1
        else:
            groups.append([a0, a1, b0, b1])
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def _han(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and "CJK" in unicodedata.name(char, "")


def _whole_words(
    group: tuple[int, int, int, int], mine: str, theirs: str, bounds: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    """A change of length inside Chinese words takes in the agreeing character on each side,
    so 人代会 / 人民代表大会 reads as such rather than as 代 / 民代表大."""
    a0, a1, b0, b1 = group
    pa, pb, ra, rb = bounds
    if a1 - a0 == b1 - b0 or a0 == a1 or b0 == b1:
        return group
    if not all(_han(c) for c in mine[a0:a1] + theirs[b0:b1]):
        return group
    if a0 > pa and b0 > ra and mine[a0 - 1] == theirs[b0 - 1] and _han(mine[a0 - 1]):
        a0, b0 = a0 - 1, b0 - 1
    if a1 < pb and b1 < rb and mine[a1] == theirs[b1] and _han(mine[a1]):
        a1, b1 = a1 + 1, b1 + 1
    return a0, a1, b0, b1


def collate(page_text: str, reference: ReferenceIndex) -> Collation | None:
    """The page's differences from the reference, or None when it has no counterpart there."""
    page = normal_form(page_text)
    located = reference.locate(page)
    if located is None:
        return None
    pa, pb, ra, rb = located
    mine, theirs = page.text[pa:pb], reference.normal.text[ra:rb]
    opcodes = [
        (op.tag, op.src_start + pa, op.src_end + pa, op.dest_start + ra, op.dest_end + ra)
        for op in Levenshtein.opcodes(mine, theirs)
    ]
    differences = []
    for group in _grouped(opcodes):
        a0, a1, b0, b1 = _whole_words(group, page.text, reference.normal.text, (pa, pb, ra, rb))
        start, end = _source_range(page, a0, a1)
        ref_start, ref_end = _source_range(reference.normal, b0, b1)
        page_reading = page_text[start:end]
        reference_reading = reference.text[ref_start:ref_end]
        differences.append(
            Difference(
                start,
                end,
                page_reading,
                ref_start,
                ref_end,
                reference_reading,
                _kind(page_reading, reference_reading),
            )
        )
    distance = Levenshtein.distance(mine, theirs)
    page_start, page_end = _source_range(page, pa, pb)
    ref_start, ref_end = _source_range(reference.normal, ra, rb)
    return Collation(
        page_start,
        page_end,
        ref_start,
        ref_end,
        tuple(differences),
        distance / len(theirs) if theirs else 0.0,
    )


_FULL_WIDTH = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
)


def page_form(reading: str) -> str:
    """A reference's reading as the page writes it: no spaces, Chinese punctuation full width.

    (``.`` is left alone: it is a decimal point as often as a full stop.)
    """
    return "".join(reading.split()).translate(_FULL_WIDTH)
