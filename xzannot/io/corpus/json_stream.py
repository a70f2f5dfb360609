"""Reading JSON from a file a piece at a time, so that a file of any size is read in bounded
memory: one line of a JSON Lines file, or one task of a list, at a time, and the long
arrays inside it an item at a time.

The values are decoded by the standard library's parser (so a lone surrogate in a string
arrives as it is written, to be refused in words, and a number too long for ``int`` is
told apart), a value at a time; only the structure around the values (the object of a
record, the list of its spans) is followed here.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from xzannot.errors import UserError
from xzannot.io.corpus.fields import LongNumber

_PIECE = 1 << 16  # characters read at a time
_SPACE = re.compile(r"[ \t\n\r]*")
_Scan = Callable[[str, int], tuple[Any, int]]
_SCAN: _Scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _whole(digits: str) -> int | LongNumber:
    limit = sys.get_int_max_str_digits()
    return LongNumber(digits) if limit and len(digits.lstrip("-")) > limit else int(digits)


# numbers past int()'s limit of digits: a LongNumber, refused in words where it is a field
_SCAN_CAREFULLY: _Scan = json.JSONDecoder(parse_int=_whole).scan_once  # type: ignore[attr-defined]


def open_text(path: Path) -> TextIO:
    """A text file opened in the encoding it is written in (UTF-8, GB18030 or UTF-16, as
    :func:`xzannot.io.text_import.decode_text` reads), found without holding it whole."""
    try:
        with path.open("rb") as raw:
            head = raw.read(2)
        if head in (b"\xff\xfe", b"\xfe\xff"):
            encoding = "utf-16"
        else:
            encoding = next((e for e in ("utf-8-sig", "gb18030") if _decodes(path, e)), "")
        if not encoding:
            raise UserError(
                f"{path.name} is not in a text encoding xzannot reads (UTF-8, GB18030, UTF-16)"
            )
        return path.open(encoding=encoding)  # line ends \n, \r\n or \r, all read as \n
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as raw:
        try:
            while piece := raw.read(1 << 20):
                decoder.decode(piece)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def loads(text: str, where: str) -> Any:
    """A whole JSON document held in memory, refused in words where it is none."""
    cursor = Cursor(io.StringIO(text).read, where)
    value = cursor.value() if cursor.peek() else cursor.fail("Expecting value")
    cursor.end()
    return value


class Cursor:
    """A place in JSON text read by ``read(n)`` (at most ``n`` characters; "" at the end).

    ``where`` names the text in messages; with ``line`` the text ends at a line break.
    """

    def __init__(self, read: Callable[[int], str], where: str, *, line: bool = False) -> None:
        self._read = read
        self.where = where
        self._line = line
        self._done = False
        self._buffer = ""
        self._at = 0  # in the buffer
        self._before = 0  # characters read and let go before the buffer

    @property
    def read_nothing(self) -> bool:
        """Whether the text has ended before a character of it was read."""
        return self._before == 0 and not self._buffer

    def _more(self) -> bool:
        """Read on, at least as much as is held (so a long value is retried a few times
        only); False at the end."""
        if self._done:
            return False
        wanted = max(_PIECE, len(self._buffer) - self._at)
        pieces: list[str] = []
        got = 0
        while got < wanted:
            piece = self._read(wanted - got)
            if not piece:
                self._done = True
                break
            pieces.append(piece)
            got += len(piece)
            if self._line and piece.endswith("\n"):
                self._done = True
                break
        self._before += self._at
        self._buffer = self._buffer[self._at :] + "".join(pieces)
        self._at = 0
        return got > 0

    def fail(self, reason: str, at: int | None = None) -> Any:
        """Refuse the text as no JSON, saying where."""
        column = self._before + (self._at if at is None else at) + 1
        raise UserError(f"{self.where}: not JSON ({reason}, character {column})")

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self._at = _SPACE.match(self._buffer, self._at).end()  # type: ignore[union-attr]
            if self._at < len(self._buffer):
                return self._buffer[self._at]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        """Step over ``char`` (after white space), or refuse the text."""
        if self.peek() != char:
            self.fail(f"Expecting {char!r}")
        self._at += 1

    def end(self) -> None:
        """That nothing but white space follows."""
        if self.peek():
            self.fail("Extra data")

    def value(self) -> Any:
        """The next value, decoded whole."""
        self.peek()
        scan = _SCAN
        while True:
            try:
                value, end = scan(self._buffer, self._at)
            except StopIteration as stop:
                if self._more():
                    continue
                self.fail("Expecting value", stop.value)
            except json.JSONDecodeError as exc:
                if self._more():
                    continue
                self.fail(exc.msg, exc.pos)
            except RecursionError:
                raise UserError(f"{self.where}: not JSON xzannot reads (nested too deep)") from None
            except ValueError:  # a number of more digits than int() takes
                if scan is _SCAN_CAREFULLY:
                    raise
                scan = _SCAN_CAREFULLY
                continue
            if end == len(self._buffer) and self._more():
                continue  # a number may go on in what comes next
            self._at = end
            return value

    def items(self) -> Iterator[Any]:
        """The items of the array that comes next, one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self._at += 1
            return
        while True:
            yield self.value()
            char = self.peek()
            self._at += 1
            if char == "]":
                return
            if char != ",":
                self.fail("Expecting ',' delimiter", self._at - 1)

    def members(self) -> Iterator[str]:
        """The keys of the object that comes next; the caller reads each key's value."""
        self.expect("{")
        if self.peek() == "}":
            self._at += 1
            return
        while True:
            if self.peek() != '"':
                self.fail("Expecting property name enclosed in double quotes")
            key = self.value()
            self.expect(":")
            yield key
            char = self.peek()
            self._at += 1
            if char == "}":
                return
            if char != ",":
                self.fail("Expecting ',' delimiter", self._at - 1)
