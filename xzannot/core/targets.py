"""Reading a target span as data: indicator, value, unit, comparator and direction.

``城镇新增就业人数1.6万人以上`` reads as indicator 城镇新增就业人数, value 1.6, unit 万人,
comparator ≥, direction increase. The words that decide comparator and direction come from
the rules file (``[target]`` tables), so a project can teach the parser its own vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

NUMBER = r"\d+(?:\.\d+)?"

# the attribute keys a target carries, in the order they are shown and exported
TARGET_FIELDS = ("indicator", "value", "unit", "comparator", "direction")
# small function words between a verb and its number: 提高至25万元, 保持在99%
_LINKS = ("至", "到", "在", "为")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so 保持在 wins over 保持)."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")" if unique else "(?!)"


@dataclass(frozen=True)
class TargetGrammar:
    """The words that turn a target's text into attributes."""

    directions: Mapping[str, tuple[str, ...]]  # direction -> verbs, e.g. level -> 达到, 保持
    comparators: Mapping[str, tuple[str, ...]]  # ≥ -> 以上, 不低于; ≤ -> 以内 …
    units: tuple[str, ...]
    _number: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _verbs: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        verbs = [w for words in self.directions.values() for w in words]
        before = [w for words in self.comparators.values() for w in words]
        pattern = (
            rf"(?P<verb>{alternation(verbs)})?(?P<limit>{alternation(before)})?"
            rf"(?:{alternation(_LINKS)})?(?P<value>{NUMBER})(?P<unit>{alternation(self.units)})?"
            rf"(?P<qualifier>{alternation(before)})?"
        )
        object.__setattr__(self, "_number", re.compile(pattern))
        object.__setattr__(self, "_verbs", re.compile(alternation(verbs)))

    def direction_of(self, word: str) -> str:
        """The direction a verb expresses, or '' when it expresses none."""
        return next((d for d, words in self.directions.items() if word in words), "")

    def comparator_of(self, word: str) -> str:
        """The comparator a qualifier such as 以上 expresses, or '' for none."""
        return next((c for c, words in self.comparators.items() if word in words), "")

    def parse(self, quote: str) -> dict[str, Any]:
        """The attributes of a target, from its quoted text.

        Every key of :data:`TARGET_FIELDS` is present; what the text does not say is
        left empty (``""``, or ``None`` for a value), never guessed.
        """
        text = quote.strip()
        numbers = list(self._number.finditer(text))
        attrs: dict[str, Any] = dict.fromkeys(TARGET_FIELDS, "")
        attrs["value"] = None
        if not numbers:
            last = _last(self._verbs.finditer(text))
            if last is not None and last.end() == len(text):  # 交通事故总量下降
                attrs["indicator"] = text[: last.start()]
                attrs["direction"] = self.direction_of(last.group())
                if attrs["indicator"].endswith("零"):  # 死亡事故零增长: no growth at all
                    attrs["indicator"] = attrs["indicator"][:-1]
                    attrs["value"], attrs["comparator"] = 0, "≤"
                    return attrs
            else:
                attrs["indicator"] = text
            attrs["comparator"] = "=" if attrs["direction"] else ""
            return attrs
        # the number nearest the end is the target's value: pm2.5平均浓度控制在27…
        match = numbers[-1]
        value = match.group("value")
        attrs["value"] = float(value) if "." in value else int(value)
        attrs["unit"] = match.group("unit") or ""
        verb = match.group("verb")
        head, tail = text[: match.start()], text[match.end() :]
        if verb and not head and tail:  # 建成10家高标准示范型儿童之家: what is counted follows
            attrs["indicator"] = tail
        else:
            attrs["indicator"] = head
        if verb:
            attrs["direction"] = self.direction_of(verb)
        else:  # 城镇新增就业人数1.6万人: the verb is inside the indicator
            inner = _last(self._verbs.finditer(head))
            attrs["direction"] = self.direction_of(inner.group()) if inner else ""
        # 以上 after the number, 不低于 before it, or a verb that is itself a limit (控制在)
        qualifier = match.group("qualifier") or match.group("limit")
        if not qualifier and verb and self.comparator_of(verb):
            qualifier = verb
        attrs["comparator"] = self.comparator_of(qualifier) if qualifier else "="
        return attrs


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - the last one is wanted
        pass
    return found


def number_text(value: Any) -> str:
    """A target's value as a person writes it: 27, 1.6 (never 27.0)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def typed_value(text: str) -> int | float | str | None:
    """A value typed into the window back as a number where it is one."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(NUMBER, text):
        return float(text) if "." in text else int(text)
    return text
