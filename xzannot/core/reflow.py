"""Turning extracted text into the text the page prints: reading order, then normalisation."""

from __future__ import annotations

from collections.abc import Iterable

from xzannot.core.dump import deinterleave, split_pages
from xzannot.core.normalise import DEFAULT_RULES, normalise


def reflow_dump(dump: str, rules: Iterable[str] = DEFAULT_RULES) -> str:
    """A dumped text layer in reading order, without chrome or folio, normalised; the pages
    of a dump of several are separated by a form feed, as ``pdftotext`` separates them."""
    pages = (normalise(deinterleave(page).text, rules)[0] for page in split_pages(dump))
    return "\n\f".join(pages)
