"""De-interleaving text layers dumped by online viewers.

A two-column page dumped as text puts one line of the left column, a run of
spaces, then one line of the right column on each line. This finds the column
split on each line (in display columns: a CJK character is two wide), rebuilds
the left column and then the right, marks paragraph starts by indentation (or a
short line ending a sentence before them), and drops the viewer's chrome
(``Page 52 - …``, ``P. 52``, rows of neighbouring page numbers) and the folio.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from itertools import pairwise

from xzannot.core.cjk import display_width
from xzannot.core.folio import folio_of_line

_RUN = re.compile(r"\S+(?: {1,4}\S+)*")  # text, allowing the spurious single spaces of dumps
_MIN_GAP = 5  # display columns between the two columns of a line
_INDENT = 4  # display columns of extra indent (two CJK characters) that start a paragraph
_SENTENCE_END = tuple("。！？：；”")
_CHROME = (
    re.compile(r"^Page \d+\s*-\s*\S.*$"),  # "Page 52 - 秀洲年鉴2022"
    re.compile(r"^P\.\s*\d+$"),  # "P. 52"
    re.compile(r"^\d+(?:\s+\d+){2,}$"),  # "47 48 49 50 …": the viewer's page strip
)


@dataclass
class _Line:
    start: int  # display column of the first character
    end: int  # display column after the last character
    text: str


@dataclass
class Deinterleaved:
    """A dump in reading order: paragraphs joined by newlines, and what was taken out."""

    text: str
    columns: int
    folio: str | None = None
    removed: list[str] = field(default_factory=list)


def _runs(line: str) -> list[_Line]:
    return [
        _Line(
            display_width(line[: m.start()]),
            display_width(line[: m.start()]) + display_width(m.group()),
            m.group(),
        )
        for m in _RUN.finditer(line)
    ]


def _split(runs: list[_Line]) -> tuple[_Line | None, _Line | None]:
    """Left and right parts of a dumped line at its widest gap (None where a side is empty)."""
    if len(runs) == 1:
        return runs[0], None
    gaps = [(runs[i + 1].start - runs[i].end, i) for i in range(len(runs) - 1)]
    width, at = max(gaps)
    if width < _MIN_GAP:
        joined = " ".join(r.text for r in runs)
        return _Line(runs[0].start, runs[-1].end, joined), None
    left = runs[: at + 1]
    right = runs[at + 1 :]
    return (
        _Line(left[0].start, left[-1].end, " ".join(r.text for r in left)),
        _Line(right[0].start, right[-1].end, " ".join(r.text for r in right)),
    )


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join a column's lines into paragraphs."""
    if not lines:
        return []
    base = statistics.median_low([line.start for line in lines])
    full = statistics.median([line.end - line.start for line in lines])
    paragraphs: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        indented = line.start >= base + _INDENT
        after_short = (
            previous is not None
            and previous.text.rstrip().endswith(_SENTENCE_END)
            and (previous.end - previous.start) < 0.8 * full
        )
        if not paragraphs or indented or after_short:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
        previous = line
    return ["".join(parts) for parts in paragraphs]


def is_chrome(line: str) -> bool:
    """A line the viewer added: its page title, page number, or strip of page numbers."""
    stripped = line.strip()
    return any(p.match(stripped) for p in _CHROME)


def deinterleave(dump: str) -> Deinterleaved:
    """The dump's text in reading order (left column, then right), without chrome or folio."""
    removed: list[str] = []
    folio: str | None = None
    pairs: list[tuple[_Line | None, _Line | None]] = []
    for raw in dump.replace("\u00a0", " ").split("\n"):
        if not raw.strip():
            continue
        if is_chrome(raw):
            removed.append(raw.strip())
            continue
        label = folio_of_line(raw)
        if label is not None:
            folio = folio or label
            removed.append(raw.strip())
            continue
        pairs.append(_split(_runs(raw)))
    right_starts = [r.start for _, r in pairs if r is not None]
    two_columns = len(right_starts) >= max(3, len(pairs) // 3)
    left: list[_Line] = []
    right: list[_Line] = []
    if two_columns:
        left_starts = [line.start for line, r in pairs if line is not None and r is not None]
        middle = (statistics.median(left_starts) + statistics.median(right_starts)) / 2
        for first, second in pairs:
            if second is not None:
                left.append(first)  # type: ignore[arg-type]
                right.append(second)
            elif first is not None:
                (right if first.start > middle else left).append(first)
    else:
        left = [line for line, _ in pairs if line is not None]
    text = "\n".join(_paragraphs(left + right) if not two_columns else _join_columns(left, right))
    return Deinterleaved(text, 2 if two_columns else 1, folio, removed)


def _join_columns(left: list[_Line], right: list[_Line]) -> list[str]:
    """Paragraphs of the left column, then the right; a right column that begins
    without indent continues the left column's last paragraph."""
    left_paragraphs = _paragraphs(left)
    right_paragraphs = _paragraphs(right)
    if left_paragraphs and right_paragraphs and right:
        base = statistics.median_low([line.start for line in right])
        continues = right[0].start < base + _INDENT and not left_paragraphs[-1].endswith(
            _SENTENCE_END
        )
        if continues:
            left_paragraphs[-1] += right_paragraphs.pop(0)
    return left_paragraphs + right_paragraphs


_PAGE_START = re.compile(r"^\s*Page \d+\s*-\s*\S")  # a viewer's title line opens each page
_DECORATED_FOLIO = re.compile(r"[—–\-－―─~～]|第\s*\d+\s*页")


def split_pages(dump: str) -> list[str]:
    """A dump of several pages cut into its pages, where the dump itself marks them.

    A form feed (as ``pdftotext`` writes) always ends a page. Otherwise a viewer's title
    line (``Page 52 - …``) opens a page, or, where the dump has none, a folio line set off by
    dashes or written ``第 N 页`` closes one: at least two of them, in rising order, are
    needed to take them for page ends. A dump with none of these marks is one page.
    """
    if "\f" in dump:
        return [page for page in dump.split("\f") if page.strip()] or [dump]
    lines = dump.split("\n")
    starts = [i for i, line in enumerate(lines) if _PAGE_START.match(line)]
    if len(starts) >= 2:
        cuts = [0, *(i for i in starts if i > 0)]
        return _cut(lines, cuts)
    folios = [
        (i, int(label))
        for i, line in enumerate(lines)
        if (label := folio_of_line(line)) is not None and _DECORATED_FOLIO.search(line)
    ]
    rising = len(folios) >= 2 and all(a[1] < b[1] for a, b in pairwise(folios))
    if not rising:
        return [dump]
    cuts = [0]
    for index, _ in folios:
        # the page strip a viewer prints under its folio still belongs to that page
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or is_chrome(lines[end])):
            end += 1
        if end < len(lines):
            cuts.append(end)
    return _cut(lines, cuts)


def _cut(lines: list[str], cuts: list[int]) -> list[str]:
    pages = ["\n".join(lines[a:b]) for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]
    return [page for page in pages if page.strip()]
