"""Normalisation of Chinese text as reviewable edits, one rule at a time.

Each rule looks at a text and proposes replacements; nothing is rewritten in
place. :func:`normalise` runs the chosen rules in order and returns the edits
that turn the text into its normal form, each tagged with its rule, so that a
reviewer can accept or revert one kind of correction as a whole or one at a time.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate

from xzannot.core.cjk import is_cjk, is_ideograph
from xzannot.core.edits import Edit, apply_edits
from xzannot.core.radical_table import RADICAL_TO_IDEOGRAPH

SPACES = " \u00a0\u3000"
_FULL_WIDTH = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
_SENTENCE_END = set("。！？：；”’）》…")


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``text[start:end]`` with ``text`` (offsets into the rule's input)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TaggedEdit:
    """An edit in a chain, with the rule that proposed it."""

    edit: Edit
    kind: str


Rule = Callable[[str], list[Replacement]]


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from ``index`` in direction ``step`` that is not a space."""
    while 0 <= index < len(text):
        if text[index] not in SPACES:
            return text[index]
        index += step
    return ""


def full_width_punctuation(text: str) -> list[Replacement]:
    """``,`` ``(`` ``)`` ``:`` ``;`` ``?`` ``!`` become full-width where Chinese surrounds them.

    Never between digits (``1,000``) or inside Latin text: a neighbour on one side
    must be Chinese, and the mark must not sit between two digits or letters. A
    mark that becomes full-width is Chinese for its neighbours (``“,,`` → ``“，，``),
    so the scan repeats until nothing more changes.
    """
    chars = list(text)
    converted: set[int] = set()
    changed = True
    while changed:
        changed = False
        current = "".join(chars)
        for index, ch in enumerate(chars):
            full = _FULL_WIDTH.get(ch)
            if full is None:
                continue
            before = _neighbour(current, index - 1, -1)
            after = _neighbour(current, index + 1, 1)
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue
            if (before and is_cjk(before)) or (after and is_cjk(after)):
                chars[index] = full
                converted.add(index)
                changed = True
    return [Replacement(i, i + 1, chars[i]) for i in sorted(converted)]


def _removable_space(before: str, after: str) -> bool:
    return bool(before and after and (is_cjk(before) or is_cjk(after)))


def spurious_spaces(text: str) -> list[Replacement]:
    """Spaces next to Chinese characters or punctuation, and inside numbers that Chinese surrounds.

    Spaces between Latin words and numbers stay (``Page 52``, ``PM 2.5 monitor``).
    """
    out: list[Replacement] = []
    for match in re.finditer(f"[{SPACES}]+", text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if _removable_space(before, after):
            out.append(Replacement(start, end, ""))
        elif before.isdigit() and after.isdigit():
            # "1 6 万": digits split by a space, inside Chinese on both ends
            left = re.search(r"[\d.]+$", text[:start])
            right = re.match(r"[\d.]+", text[end:])
            assert left and right
            outer_before = _neighbour(text, left.start() - 1, -1)
            outer_after = _neighbour(text, end + right.end(), 1)
            if outer_before and outer_after and is_cjk(outer_before) and is_cjk(outer_after):
                out.append(Replacement(start, end, ""))
    return out


def radicals(text: str) -> list[Replacement]:
    """Kangxi radicals and radical-supplement characters become the ideographs they stand for."""
    return [
        Replacement(i, i + 1, RADICAL_TO_IDEOGRAPH[ch])
        for i, ch in enumerate(text)
        if ch in RADICAL_TO_IDEOGRAPH
    ]


def _vertical_table() -> dict[str, str]:
    """Unicode's vertical presentation forms (U+FE10–FE19, U+FE30–FE4F) and what each is."""
    table = {}
    for point in [*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE50)]:
        decomposition = unicodedata.decomposition(chr(point))
        if decomposition.startswith("<vertical>"):
            table[chr(point)] = chr(int(decomposition.split()[1], 16))
    return table


_VERTICAL = _vertical_table()


def vertical_forms(text: str) -> list[Replacement]:
    """Presentation forms of vertical text (``﹁﹂`` ``﹃﹄`` ``︵︶``) become the brackets and
    punctuation they stand for (``「」`` ``『』`` ``（）``), as Unicode's vertical mappings say."""
    return [Replacement(i, i + 1, _VERTICAL[ch]) for i, ch in enumerate(text) if ch in _VERTICAL]


def broken_lines(text: str) -> list[Replacement]:
    """Line breaks inside a paragraph of Chinese: the line does not end a sentence."""
    out: list[Replacement] = []
    for match in re.finditer(r"\n", text):
        index = match.start()
        before = _neighbour(text, index - 1, -1)
        after = text[index + 1] if index + 1 < len(text) else ""
        mid_sentence = before and before not in _SENTENCE_END
        if (
            mid_sentence
            and after
            and is_ideograph(after)
            and (is_ideograph(before) or before in "，、")
        ):
            out.append(Replacement(index, index + 1, ""))
    return out


# what each rule acts on, in words: the evidence a reviewer reads beside its corrections
EVIDENCE = {
    "vertical": "a presentation form of vertical text stands for this bracket or mark",
    "radicals": "a radical look-alike (a Kangxi or supplement radical) stands for this ideograph",
    "punctuation": "half-width punctuation beside Chinese, not between digits or Latin letters",
    "spacing": "a space beside a Chinese character, or inside a number set in Chinese text",
    "line_breaks": "a line break inside a Chinese sentence",
}

RULES: dict[str, Rule] = {
    "vertical": vertical_forms,
    "radicals": radicals,
    "punctuation": full_width_punctuation,
    "spacing": spurious_spaces,
    "line_breaks": broken_lines,
}
DEFAULT_RULES = ("vertical", "radicals", "punctuation", "spacing")


def normalise(
    text: str, rules: Iterable[str] = DEFAULT_RULES, keep: Iterable[int] = ()
) -> tuple[str, list[TaggedEdit]]:
    """The normalised text and the chain of edits that makes it, rule by rule.

    Within a rule, replacements are applied from the end of the text backwards,
    so each edit's offsets hold for the text as it stood just before it. Characters at
    the positions in ``keep`` (spaces the layout found separating items) are left alone.
    """
    edits: list[TaggedEdit] = []
    kept = sorted(set(keep))
    for name in rules:
        rule = RULES[name]
        made: list[Edit] = []
        for replacement in sorted(rule(text), key=lambda r: r.start, reverse=True):
            if kept and _covers(kept, replacement.start, replacement.end):
                continue
            made.append(Edit(replacement.start, replacement.end, replacement.text))
        text = apply_edits(text, made)  # backwards, one pass: offsets hold as each is made
        edits.extend(TaggedEdit(edit, name) for edit in made)
        kept = _moved(kept, made)
    return text, edits


def _moved(positions: list[int], made: list[Edit]) -> list[int]:
    """Where characters the edits left alone stand after them (``made`` runs backwards)."""
    ends = [e.end for e in reversed(made)]
    shifts = list(accumulate(len(e.replacement) - (e.end - e.start) for e in reversed(made)))
    out = []
    for position in positions:
        before = bisect_right(ends, position)  # the edits that end at or before it
        out.append(position + (shifts[before - 1] if before else 0))
    return out


def _covers(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end
