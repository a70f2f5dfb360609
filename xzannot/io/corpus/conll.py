"""CoNLL: character-level BIO tags, one character per line.

Chinese is not written with spaces, so each character is a token; white space inside a
paragraph is left out and a blank line ends a paragraph (a sentence, to CoNLL readers).
Every line holds two columns and nothing else: readers such as NLTK's and ``spacy
convert`` take comment lines for tokens, so each page starts with CoNLL-2003's
``-DOCSTART-`` line instead (which document and page it is, the jsonl export says). A
span that runs over a paragraph break starts again with ``B-`` after it. BIO cannot nest:
where spans overlap, the longer one is kept (then the earlier label of the schema) and the
others are left out and counted.
Rejected spans are no entities: they are never tagged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from xzannot.core.corpus import CorpusPage
from xzannot.core.spans import SpanInfo, SpanStatus


def bio_tags(text: str, spans: Sequence[SpanInfo], labels: Sequence[str]) -> tuple[list[str], int]:
    """A tag per character, and how many spans had to be left out for overlapping."""
    rank = {label: i for i, label in enumerate(labels)}
    tags = ["O"] * len(text)
    taken = [False] * len(text)
    left_out = 0
    live = [s for s in spans if s.status is not SpanStatus.REJECTED]
    for span in sorted(live, key=lambda s: (-(s.end - s.start), rank.get(s.label, 99), s.start)):
        if any(taken[span.start : span.end]):
            left_out += 1
            continue
        for i in range(span.start, span.end):
            taken[i] = True
            first = i == span.start or text[i - 1] == "\n"  # a paragraph starts anew
            tags[i] = ("B-" if first else "I-") + span.label
    return tags, left_out


def write_conll(pages: Iterable[CorpusPage], out: TextIO, labels: Sequence[str]) -> int:
    """Write every page; returns how many spans were left out for overlapping."""
    left_out = 0
    for page in pages:
        tags, dropped = bio_tags(page.text, page.spans, labels)
        left_out += dropped
        out.write("-DOCSTART-\tO\n\n")  # each page a document, as CoNLL-2003 marks them
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
