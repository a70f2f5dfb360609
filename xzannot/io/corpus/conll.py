"""CoNLL: character-level BIO tags, one character per line.

Chinese is not written with spaces, so each character is a token; white space inside a
paragraph is left out, a blank line ends a paragraph, and comment lines
(``# page = 3``) say which document and page follow. BIO cannot nest: where spans
overlap, the longer one is kept (then the earlier label of the schema) and the others
are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo


def bio_tags(text: str, spans: Sequence[SpanInfo], labels: Sequence[str]) -> tuple[list[str], int]:
    """A tag per character, and how many spans had to be left out for overlapping."""
    rank = {label: i for i, label in enumerate(labels)}
    tags = ["O"] * len(text)
    taken = [False] * len(text)
    left_out = 0
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), rank.get(s.label, 99), s.start)):
        if any(taken[span.start : span.end]):
            left_out += 1
            continue
        for i in range(span.start, span.end):
            taken[i] = True
            tags[i] = ("B-" if i == span.start else "I-") + span.label
    return tags, left_out


def write_conll(pages: Iterable[CorpusPage], out: TextIO, labels: Sequence[str]) -> int:
    """Write every page; returns how many spans were left out for overlapping."""
    left_out = 0
    for page in pages:
        tags, dropped = bio_tags(page.text, page.spans, labels)
        left_out += dropped
        out.write(f"# document = {page.document}\n# source = {page.source}\n")
        out.write(f"# page = {page.number}\n")
        if page.printed_page:
            out.write(f"# printed_page = {page.printed_page}\n")
        in_paragraph = False
        for char, tag in zip(page.text, tags, strict=True):
            if char == "\n":
                if in_paragraph:
                    out.write("\n")
                in_paragraph = False
            elif not char.isspace():
                out.write(f"{char}\t{tag}\n")
                in_paragraph = True
        out.write("\n")
    return left_out
