"""Pages read from a file, kept in a temporary file until they are stored.

A page's text with a box per character takes about 240 KB as Python objects; an import of ten
1,000-page yearbooks read whole into memory before storing (all or nothing) took 3 GB. The
spool keeps each page pickled in an unnamed temporary file (about 100 KB a page, gone when the
spool is closed or the program ends) and in memory only what is read across pages: each page's
number and printed label, and whether it needs text.
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, overload

from xzannot.core.pages import ExtractedPage, LabelSource
from xzannot.errors import UserError


@dataclass(slots=True)
class PageLabel:
    """What is known of a spooled page without reading it back."""

    number: int
    printed_label: str | None
    label_source: LabelSource
    needs_text: bool


class PageSpool(Sequence[ExtractedPage]):
    """A sequence of pages on disk: appended as read, read back one at a time."""

    def __init__(self, pages: Iterable[ExtractedPage] = ()) -> None:
        self._file: IO[bytes] | None = None
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each pickled page
        self.labels: list[PageLabel] = []  # may be corrected before the pages are stored
        for page in pages:
            self.append(page)

    def append(self, page: ExtractedPage) -> None:
        """Add a page at the end."""
        if self._file is None:
            # closed by close(), or when the spool is collected: it lives as long as the spool
            self._file = tempfile.TemporaryFile(prefix="xzannot-pages-")  # noqa: SIM115
            weakref.finalize(self, self._file.close)
        data = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, 2)
        try:
            self._file.write(data)
        except OSError as exc:
            raise UserError(
                f"no room to hold the pages read in the temporary folder "
                f"{tempfile.gettempdir()} ({exc.strerror or exc})"
            ) from exc
        self._spans.append((offset, len(data)))
        self.labels.append(
            PageLabel(page.number, page.printed_label, page.label_source, page.needs_text)
        )

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> ExtractedPage: ...

    @overload
    def __getitem__(self, index: slice) -> list[ExtractedPage]: ...

    def __getitem__(self, index: int | slice) -> ExtractedPage | list[ExtractedPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset, length = self._spans[index]
        assert self._file is not None
        self._file.seek(offset)
        page: ExtractedPage = pickle.loads(self._file.read(length))
        label = self.labels[index]
        page.printed_label, page.label_source = label.printed_label, label.label_source
        return page

    def __iter__(self) -> Iterator[ExtractedPage]:
        for index in range(len(self)):
            yield self[index]

    @property
    def needing_text(self) -> int:
        """How many of the pages have no usable text."""
        return sum(label.needs_text for label in self.labels)

    def close(self) -> None:
        """Delete the temporary file; the spool is empty afterwards."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._spans.clear()
        self.labels.clear()
