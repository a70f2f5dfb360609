"""Spans compared by place (start, end, label) in bulk: which of another tool's labels are
the spans xzannot exported, and which spans of a file a page does not have yet.

Done by sorting arrays (numpy), not by sets of tuples: a set of six million places would
take about a gigabyte.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from xzannot.io.corpus.span_table import SpanTable

Rows = npt.NDArray[np.int64]


def _ranks(groups: Rows) -> Rows:
    """For each row, how many rows before it are in its group."""
    order = np.argsort(groups, kind="stable")
    ordered = groups[order]
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(groups) else order
    ranks = np.empty(len(groups), dtype=np.int64)
    ranks[order] = np.arange(len(groups)) - np.repeat(first, np.diff(np.r_[first, len(groups)]))
    return ranks


def _groups(columns: Sequence[npt.NDArray[Any]]) -> Rows:
    """A number for each row, the same for the rows alike in every column."""
    order = np.lexsort(columns[::-1])
    change = np.zeros(len(order), dtype=bool)
    change[:1] = True
    for column in columns:
        ordered = column[order]
        change[1:] |= ordered[1:] != ordered[:-1]
    groups = np.empty(len(order), dtype=np.int64)
    groups[order] = np.cumsum(change) - 1
    return groups


def tool_wins(ours: SpanTable, labelled: SpanTable) -> SpanTable:
    """The spans of a record that holds both xzannot's ``spans`` and another tool's labels of
    the same text: the tool's labels are the spans, ours lend their fields to the labels
    still as they were, and our rejected spans (never labels) stay as they are."""
    starts, ends, _ = ours.columns()
    their_starts, their_ends, _ = labelled.columns()
    their_labels = ours.adopt_labels(labelled)
    groups = _groups(
        (
            np.concatenate((starts, their_starts)),
            np.concatenate((ends, their_ends)),
            np.concatenate((ours.columns()[2], their_labels)),
        )
    )
    mine, theirs = groups[: len(ours)], groups[len(ours) :]
    size = int(groups.max()) + 1 if len(groups) else 0
    labels_of = np.bincount(theirs, minlength=size)
    rejected = ours.rejected()
    live = np.flatnonzero(~rejected)
    kept_live = live[_ranks(mine[live]) < labels_of[mine[live]]]
    kept_of = np.bincount(mine[kept_live], minlength=size)
    keep = np.sort(np.concatenate((np.flatnonzero(rejected), kept_live)))
    result = ours.select(keep)
    left_of = labels_of - kept_of  # the tool's labels that none of ours is
    result.extend(labelled.select(np.flatnonzero(_ranks(theirs) < left_of[theirs])))
    return result


def fresh_rows(candidates: Sequence[npt.NDArray[Any]], known: Sequence[npt.NDArray[Any]]) -> Rows:
    """The candidate rows (start, end, label: whole numbers from 0) that are neither among
    the known rows nor the same as an earlier candidate, by index, in the order of their
    places (so that storing them in this order adds to the store's indexes at one end, not
    all over them). Pass the arrays by value alone: they are let go as soon as possible."""
    width = 1 + max((int(c.max()) for c in (*candidates[:2], *known[:2]) if len(c)), default=0)
    kinds = 1 + max((int(c.max()) for c in (candidates[2], known[2]) if len(c)), default=0)
    negative = any(int(c.min()) < 0 for c in (*candidates, *known) if len(c))
    if negative or width * width * kinds >= PACKABLE:
        return _fresh_by_columns(candidates, known)
    keys = _packed(candidates, width, kinds)
    theirs = _packed(known, width, kinds)
    del candidates, known
    order = np.argsort(keys, kind="stable")  # the first of equal places first
    keys = keys[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    rows, keys = order[first], keys[first]
    del order, first
    if len(theirs):
        theirs.sort()
        at = np.minimum(np.searchsorted(theirs, keys), len(theirs) - 1)
        rows = rows[theirs[at] != keys]
    return rows


PACKABLE = 1 << 63  # places are packed into one 64-bit number each where they fit


def _packed(columns: Sequence[npt.NDArray[Any]], width: int, kinds: int) -> Rows:
    """Each place (start, end, label) as one number, ordered as the places are."""
    starts, ends, labels = columns
    keys = starts.astype(np.int64)
    keys *= width
    keys += ends
    keys *= kinds
    keys += labels
    return keys


def _fresh_by_columns(
    candidates: Sequence[npt.NDArray[Any]], known: Sequence[npt.NDArray[Any]]
) -> Rows:
    """:func:`fresh_rows` for places too far apart to pack (never on a page of text)."""
    before = len(known[0])
    columns = [
        np.concatenate((k, c)) if before else c for k, c in zip(known, candidates, strict=True)
    ]
    del known, candidates
    order = np.lexsort(columns[::-1])  # stable: a known row comes before a candidate like it
    first = np.zeros(len(order), dtype=bool)
    first[:1] = True
    for column in columns:
        ordered = column[order]
        first[1:] |= ordered[1:] != ordered[:-1]
        del ordered
    del columns
    rows = order[first]
    return rows[rows >= before] - before
