"""Turning extracted text into the text the page prints: reading order, then normalisation."""

from __future__ import annotations

from collections.abc import Iterable

from xzannot.core.dump import deinterleave
from xzannot.core.normalise import DEFAULT_RULES, normalise


def reflow_dump(dump: str, rules: Iterable[str] = DEFAULT_RULES) -> str:
    """A dumped text layer in reading order, without chrome or folio, normalised."""
    text, _ = normalise(deinterleave(dump).text, rules)
    return text
