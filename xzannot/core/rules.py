"""Pre-annotation rules: regular expressions over a page's text that suggest spans.

A rules file (TOML, ``resources/rules.toml`` or a project's own) has three parts:

``[vocab]``
    named pieces of pattern. A string is a regular expression; a list of words is an
    alternation of those words taken literally, longest first. ``{name}`` in a pattern
    stands for the piece. ``{start}`` and ``{end}`` (clause boundaries), ``{number}``,
    ``{direction}`` and ``{comparator}`` are always there.
``[target]``
    the words that give a target its direction and comparator (see :mod:`core.targets`).
``[[rule]]``
    ``name``, ``label``, ``pattern``; optionally ``trim`` (vocab lists whose words are
    cut from the start of a match, repeatedly: 力争全年新增… → 新增…) and ``unless``
    (labels whose earlier suggestions a match must not overlap). A group named ``span``
    marks the part of the match to suggest; otherwise the whole match is suggested.

Rules run in file order; a span found twice is suggested once.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from xzannot.core.targets import NUMBER, TargetGrammar, alternation
from xzannot.errors import UserError

# where a clause starts and ends: after/before Chinese sentence punctuation or a line break
CLAUSE_START = r"(?:(?<=[，。、；：！？\n])|^)"
CLAUSE_END = r"(?=[，。、；：！？\n]|$)"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class RulesError(UserError):
    """A rules file that cannot be used, with the reason in words."""


@dataclass(frozen=True)
class Rule:
    """One compiled rule."""

    name: str
    label: str
    regex: re.Pattern[str]
    trim: tuple[str, ...] = ()  # words cut from the start, longest first
    unless: frozenset[str] = frozenset()
    min_length: int = 2


@dataclass(frozen=True)
class Suggestion:
    """A span the rules propose: offsets in code points of the text they ran on."""

    start: int
    end: int
    label: str
    rule: str
    quote: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    """A parsed rules file: its rules and the grammar that reads targets."""

    rules: tuple[Rule, ...]
    grammar: TargetGrammar
    source: str = ""

    @property
    def labels(self) -> list[str]:
        """The labels the rules suggest, in the order they first appear."""
        return list(dict.fromkeys(rule.label for rule in self.rules))

    def suggest(self, text: str) -> list[Suggestion]:
        """Every suggestion for ``text``, in text order."""
        found: list[Suggestion] = []
        seen: set[tuple[int, int, str]] = set()
        for rule in self.rules:
            for match in rule.regex.finditer(text):
                start, end = match.span("span") if "span" in rule.regex.groupindex else match.span()
                if start < 0:
                    continue
                start = _trimmed_start(text, start, end, rule.trim)
                if end - start < rule.min_length or (start, end, rule.label) in seen:
                    continue
                if any(s.label in rule.unless and s.start < end and start < s.end for s in found):
                    continue
                seen.add((start, end, rule.label))
                quote = text[start:end]
                attributes = self.grammar.parse(quote) if rule.label == "target" else {}
                found.append(Suggestion(start, end, rule.label, rule.name, quote, attributes))
        found.sort(key=lambda s: (s.start, -s.end, s.label))
        return found


def _trimmed_start(text: str, start: int, end: int, words: Sequence[str]) -> int:
    trimming = True
    while trimming:
        trimming = False
        for word in words:
            if text.startswith(word, start) and start + len(word) < end:
                start += len(word)
                trimming = True
                break
    return start


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise RulesError(f"{where} must be a list of words")
    return tuple(value)


def _grammar(table: Any, units: Sequence[str]) -> TargetGrammar:
    if not isinstance(table, dict):
        raise RulesError("the rules file has no [target] table")
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    for part in ("direction", "comparator"):
        entries = table.get(part)
        if not isinstance(entries, dict) or not entries:
            raise RulesError(f"the rules file has no [target.{part}] table")
        sections[part] = {k: _words(v, f"[target.{part}] {k}") for k, v in entries.items()}
    return TargetGrammar(sections["direction"], sections["comparator"], tuple(units))


def _vocabulary(table: Any, grammar_words: Mapping[str, Iterable[str]]) -> dict[str, str]:
    if not isinstance(table, dict):
        raise RulesError("the rules file has no [vocab] table")
    vocab = {
        "start": CLAUSE_START,
        "end": CLAUSE_END,
        "number": NUMBER,
        **{name: alternation(words) for name, words in grammar_words.items()},
    }
    for name, value in table.items():
        if isinstance(value, str):
            vocab[name] = f"(?:{value})"
        else:
            vocab[name] = alternation(_words(value, f"[vocab] {name}"))
    return vocab


def _expand(pattern: str, vocab: Mapping[str, str], where: str) -> str:
    def piece(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in vocab:
            raise RulesError(f"{where} uses {{{name}}}, which [vocab] does not define")
        return vocab[name]

    # vocab pieces may use each other (a name made of name characters); three levels suffice
    for _ in range(3):
        pattern = _PLACEHOLDER.sub(piece, pattern)
    return pattern


def parse_rules(text: str, labels: Iterable[str] | None = None) -> RuleSet:
    """Parse and compile a rules file; ``labels`` are the project's label keys, if known."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"the rules file is not valid TOML: {exc}") from exc
    raw_vocab = data.get("vocab", {})
    units = _words(raw_vocab.get("unit", []), "[vocab] unit") if isinstance(raw_vocab, dict) else ()
    grammar = _grammar(data.get("target"), units)
    vocab = _vocabulary(
        raw_vocab,
        {
            "direction": [w for ws in grammar.directions.values() for w in ws],
            "comparator": [w for ws in grammar.comparators.values() for w in ws],
        },
    )
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise RulesError("the rules file declares no [[rule]] entries")
    known = set(labels) if labels is not None else None
    rules: list[Rule] = []
    for number, entry in enumerate(entries, 1):
        name = str(entry.get("name") or f"rule {number}")
        where = f"rule {name!r}"
        label = str(entry.get("label", "")).strip()
        if not label:
            raise RulesError(f"{where} has no label")
        if known is not None and label not in known:
            raise RulesError(f"{where}: the project has no label {label!r}")
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            raise RulesError(f"{where} has no pattern")
        try:
            regex = re.compile(_expand(pattern, vocab, where), re.MULTILINE)
        except re.error as exc:
            raise RulesError(f"{where}: the pattern is not a valid expression ({exc})") from exc
        trim: list[str] = []
        for list_name in _words(entry.get("trim", []), f"{where}: trim"):
            words = raw_vocab.get(list_name)
            if not isinstance(words, list):
                raise RulesError(f"{where}: trim names {list_name!r}, not a word list in [vocab]")
            trim.extend(words)
        rules.append(
            Rule(
                name=name,
                label=label,
                regex=regex,
                trim=tuple(sorted(set(trim), key=len, reverse=True)),
                unless=frozenset(_words(entry.get("unless", []), f"{where}: unless")),
                min_length=int(entry.get("min_length", 2)),
            )
        )
    return RuleSet(tuple(rules), grammar, text)
