"""A text's spans held compactly: arrays of numbers rather than an object for each span.

One line of a span file may hold millions of spans. As Python objects (a list, a record
and a dict for each) they take twenty to thirty times the file's size; here a span takes
twelve bytes (two 32-bit offsets and the number of its label), and more only where it has
a status or an annotator, or attributes or a note (kept for those spans alone).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from xzannot.core.spans import SpanStatus
from xzannot.io.corpus.records import SpanRecord

_STATUSES: tuple[str | None, ...] = (None, *(s.value for s in SpanStatus))
_STATUS_CODES = {value: code for code, value in enumerate(_STATUSES)}
_REJECTED = _STATUS_CODES[SpanStatus.REJECTED.value]


class SpanTable:
    """The spans of one text: ``starts``, ``ends`` and ``labels`` (numbers into
    ``label_names``) side by side, the rarer fields only where a span has them.

    The arrays may be looked at through numpy (:meth:`columns`) once the table is full; it
    must not grow while such a view is held.
    """

    def __init__(self) -> None:
        self.starts = array("i")
        self.ends = array("i")
        self.labels = array("i")
        self.label_names: list[str] = []
        self.label_numbers: dict[str, int] = {}
        self.annotator_names: list[str] = []
        self._annotator_numbers: dict[str, int] = {}
        self._statuses: array[int] | None = None  # codes into _STATUSES, while any is given
        self._annotators: array[int] | None = None  # numbers into annotator_names, -1: none
        self.attributes: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, str] = {}

    @classmethod
    def of(cls, spans: Iterable[SpanRecord]) -> SpanTable:
        """A table of the given spans, in their order."""
        table = cls()
        for span in spans:
            table.append(span)
        return table

    def __len__(self) -> int:
        return len(self.starts)

    def add(
        self,
        start: int,
        end: int,
        label: str,
        *,
        status: str | None = None,
        annotator: str | None = None,
        attributes: dict[str, Any] | None = None,
        note: str = "",
    ) -> None:
        """Append a span (its fields already checked)."""
        index = len(self.starts)
        self.starts.append(start)
        self.ends.append(end)
        number = self.label_numbers.get(label)
        if number is None:
            number = self.label_numbers[label] = len(self.label_names)
            self.label_names.append(label)
        self.labels.append(number)
        code = _STATUS_CODES[status]
        if self._statuses is not None:
            self._statuses.append(code)
        elif code:
            self._statuses = array("b", bytes(index))
            self._statuses.append(code)
        if annotator is not None or self._annotators is not None:
            self._annotator(index, annotator)
        if attributes:
            self.attributes[index] = attributes
        if note:
            self.notes[index] = note

    def append(self, span: SpanRecord) -> None:
        """Append a span read as a record."""
        self.add(
            span.start, span.end, span.label, status=span.status, annotator=span.annotator,
            attributes=span.attributes, note=span.note,
        )  # fmt: skip

    def _annotator(self, index: int, name: str | None) -> None:
        if name is None:
            number = -1
        elif (number := self._annotator_numbers.get(name, -1)) < 0:
            number = self._annotator_numbers[name] = len(self.annotator_names)
            self.annotator_names.append(name)
        if self._annotators is None:
            self._annotators = array("i", [-1]) * index
        self._annotators.append(number)

    def status(self, index: int) -> str | None:
        """The status a span was given (None where it was given none)."""
        return None if self._statuses is None else _STATUSES[self._statuses[index]]

    def annotator(self, index: int) -> str | None:
        """Who the file says made a span (None where it does not say)."""
        number = -1 if self._annotators is None else self._annotators[index]
        return self.annotator_names[number] if number >= 0 else None

    def span(self, index: int) -> SpanRecord:
        """One span as a record."""
        return SpanRecord(
            self.starts[index],
            self.ends[index],
            self.label_names[self.labels[index]],
            status=self.status(index),
            annotator=self.annotator(index),
            attributes=dict(self.attributes.get(index, {})),
            note=self.notes.get(index, ""),
        )

    def __iter__(self) -> Iterator[SpanRecord]:
        return (self.span(index) for index in range(len(self)))

    def columns(self) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32]]:
        """Starts, ends and label numbers as numpy arrays over the table's own memory."""
        return (
            np.frombuffer(self.starts, dtype=np.int32),
            np.frombuffer(self.ends, dtype=np.int32),
            np.frombuffer(self.labels, dtype=np.int32),
        )

    def annotator_numbers(self) -> npt.NDArray[np.int32]:
        """For each span, its number into :attr:`annotator_names` (-1 where none is given)."""
        if self._annotators is None:
            return np.full(len(self.starts), -1, np.int32)
        return np.frombuffer(self._annotators, dtype=np.int32)

    def used_labels(self) -> list[str]:
        """The labels the spans have (a table may know names no span has any more)."""
        return [self.label_names[n] for n in np.unique(self.columns()[2]).tolist()]

    def first_outside(self, length: int) -> int | None:
        """The first span that is not at least one character of a text this long."""
        starts, ends, _ = self.columns()
        bad = np.flatnonzero((starts >= ends) | (ends > length) | (starts < 0))
        return int(bad[0]) if len(bad) else None

    def rejected(self) -> npt.NDArray[np.bool_]:
        """Which spans were given the status rejected."""
        if self._statuses is None:
            return np.zeros(len(self), dtype=bool)
        return np.frombuffer(self._statuses, dtype=np.int8) == _REJECTED

    def select(self, rows: Sequence[int] | npt.NDArray[np.int64]) -> SpanTable:
        """A table of the given spans (by index, in the order given)."""
        chosen = np.asarray(rows, dtype=np.int64)
        table = SpanTable()
        ours = (table.starts, table.ends, table.labels)
        for mine, theirs in zip(self.columns(), ours, strict=True):
            theirs.frombytes(mine[chosen].tobytes())
        table.label_names = list(self.label_names)
        table.label_numbers = dict(self.label_numbers)
        table.annotator_names = list(self.annotator_names)
        table._annotator_numbers = dict(self._annotator_numbers)
        if self._statuses is not None:
            statuses = np.frombuffer(self._statuses, np.int8)[chosen]
            table._statuses = array("b", statuses.tobytes())
        if self._annotators is not None:
            annotators = np.frombuffer(self._annotators, np.int32)[chosen]
            table._annotators = array("i", annotators.tobytes())
        if self.attributes or self.notes:
            new = np.full(len(self), -1, dtype=np.int64)
            new[chosen] = np.arange(len(chosen))
            table.attributes = {int(new[i]): v for i, v in self.attributes.items() if new[i] >= 0}
            table.notes = {int(new[i]): v for i, v in self.notes.items() if new[i] >= 0}
        return table

    def adopt_labels(self, other: SpanTable) -> npt.NDArray[np.int32]:
        """The other table's label numbers as numbers into this table's label names (the
        other's names that this table lacks are added to it)."""
        for name in other.label_names:
            if name not in self.label_numbers:
                self.label_numbers[name] = len(self.label_names)
                self.label_names.append(name)
        numbers = np.array([self.label_numbers[n] for n in other.label_names] or [0], np.int32)
        return numbers[other.columns()[2]].astype(np.int32)

    def extend(self, other: SpanTable) -> None:
        """Append another table's spans."""
        base, count = len(self), len(other)
        labels = self.adopt_labels(other)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)
        self.labels.frombytes(labels.tobytes())
        if self._statuses is not None or other._statuses is not None:
            if self._statuses is None:
                self._statuses = array("b", bytes(base))
            self._statuses.extend(other._statuses or array("b", bytes(count)))
        if self._annotators is not None or other._annotators is not None:
            if self._annotators is None:
                self._annotators = array("i", [-1]) * base
            for name in other.annotator_names:
                if name not in self._annotator_numbers:
                    self._annotator_numbers[name] = len(self.annotator_names)
                    self.annotator_names.append(name)
            theirs = np.frombuffer(other._annotators or array("i", [-1]) * count, np.int32)
            mapping = np.array([self._annotator_numbers[n] for n in other.annotator_names] + [-1])
            self._annotators.frombytes(mapping[theirs].astype(np.int32).tobytes())
        self.attributes.update({base + i: v for i, v in other.attributes.items()})
        self.notes.update({base + i: v for i, v in other.notes.items()})
