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

Rules run in file order; a span found twice is suggested once. A rule that takes longer
than :data:`RULE_TIMEOUT` on a page (a pattern that backtracks without end) is stopped there
and reported, and the other rules go on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from xzannot.core.targets import NUMBER, TargetGrammar, alternation
from xzannot.errors import UserError

# where a clause starts and ends: after/before Chinese sentence punctuation or a line break
CLAUSE_START = r"(?:(?<=[，。、；：！？\n])|^)"
CLAUSE_END = r"(?=[，。、；：！？\n]|$)"
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
RULE_TIMEOUT = 2.0  # seconds a rule may take on one page


class RulesError(UserError):
    """A rules file that cannot be used, with the reason in words."""


@dataclass(frozen=True)
class Rule:
    """One compiled rule."""

    name: str
    label: str
    regex: regex.Pattern[str]
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

    def suggest(
        self, text: str, timeout: float = RULE_TIMEOUT, stopped: list[str] | None = None
    ) -> list[Suggestion]:
        """Every suggestion for ``text``, in text order. A rule that runs longer than
        ``timeout`` seconds is stopped, its suggestions here dropped, and its name added to
        ``stopped``."""
        found: list[Suggestion] = []
        seen: set[tuple[int, int, str]] = set()
        for rule in self.rules:
            try:
                matches = list(rule.regex.finditer(text, timeout=timeout))
            except TimeoutError:
                if stopped is not None:
                    stopped.append(rule.name)
                continue
            for match in matches:
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


def _kind(value: object) -> str:
    """What a TOML value is, in words."""
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _min_length(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10_000:
        raise RulesError(f"{where}: min_length must be a whole number of characters, 1 or more")
    return value


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
    if not all(isinstance(entry, dict) for entry in entries):
        raise RulesError("rule must be a list of [[rule]] tables (name, label, pattern, …)")
    known = set(labels) if labels is not None else None
    rules: list[Rule] = []
    for number, entry in enumerate(entries, 1):
        name = entry.get("name") or f"rule {number}"
        if not isinstance(name, str):
            raise RulesError(f"rule {number}: name must be text, not {_kind(name)}")
        where = f"rule {name!r}"
        label = entry.get("label", "")
        if not isinstance(label, str):
            raise RulesError(f"{where}: label must be text, not {_kind(label)}")
        label = label.strip()
        if not label:
            raise RulesError(f"{where} has no label")
        if known is not None and label not in known:
            raise RulesError(f"{where}: the project has no label {label!r}")
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            raise RulesError(f"{where} has no pattern")
        try:
            compiled = regex.compile(_expand(pattern, vocab, where), regex.MULTILINE | regex.V0)
        except (regex.error, OverflowError, RecursionError) as exc:
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
                regex=compiled,
                trim=tuple(sorted(set(trim), key=len, reverse=True)),
                unless=frozenset(_words(entry.get("unless", []), f"{where}: unless")),
                min_length=_min_length(entry.get("min_length", 2), where),
            )
        )
    return RuleSet(tuple(rules), grammar, text)
