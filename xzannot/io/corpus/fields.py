"""The fields of span files, checked one by one.

Every check returns the value it accepts or raises :class:`UserError` with one line that
names the place (``where``: the file and its line or task), the field (``what``: e.g.
"span 2's start") and what is wrong with it. Nothing the project cannot store gets past
them: a number too long to be an offset, a value of the wrong kind, a lone surrogate or a
NUL character (neither can be written as UTF-8 or kept by PostgreSQL), an attribute
nested past reason or a number that is not finite.
"""

from __future__ import annotations

import math
import re
from typing import Any

from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError

MAX_DIGITS = 12  # an offset has at most this many digits
BEYOND = 1 << 31  # no text is this long: offsets are held as 32-bit numbers
STATUSES = tuple(s.value for s in SpanStatus)
LONGEST_LABEL = 64  # labels.key
LONGEST_ANNOTATOR = 200  # annotators.name
DEEPEST = 32  # attributes nested deeper are refused
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class LongNumber:
    """A whole number in a file with more digits than Python turns into an ``int``."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def shown(value: Any) -> str:
    """A short account of a value, for a message (never the value's whole text)."""
    if isinstance(value, LongNumber):
        return f"a number of {value.digits} digits"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, str):
        text = value if len(value) <= 24 else value[:23] + "…"
        return '"' + text.encode("utf-8", "backslashreplace").decode("utf-8") + '"'
    if isinstance(value, int) and abs(value).bit_length() > 200:
        return "a number of more than 60 digits"
    text = str(value)
    return text if len(text) <= 24 else text[:23] + "…"


def offset(value: Any, where: str, what: str) -> int:
    """A character offset: a whole number from 0 with at most :data:`MAX_DIGITS` digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise UserError(f"{where}: {what} is negative ({shown(value)})")
        if value < 10**MAX_DIGITS:
            return value
    raise UserError(
        f"{where}: {what} is not a whole number of at most {MAX_DIGITS} digits "
        f"(it is {shown(value)})"
    )


def extent(start: int, end: int, length: int | None, where: str, what: str) -> None:
    """That a span is at least one character of its text (``length`` characters long, where
    the text is known yet)."""
    if end > (BEYOND - 1 if length is None else length):
        size = "" if length is None else f" ({length} characters)"
        raise UserError(f"{where}: {what} ends at {end}, past the end of its text{size}")
    if start >= end:
        raise UserError(f"{where}: {what} ends at {end}, not after its start ({start})")


def storable(value: str, where: str, what: str) -> str:
    """Text that UTF-8 and PostgreSQL can hold (no lone surrogate, no NUL character)."""
    bad = _UNSTORABLE.search(value)
    if bad is not None:
        char = bad.group()
        kind = "a NUL character" if char == "\x00" else f"a lone surrogate (\\u{ord(char):04x})"
        raise UserError(
            f"{where}: {what} holds {kind} at character {bad.start() + 1}, which is not "
            "text and cannot be stored"
        )
    return value


def text(value: Any, where: str, what: str, *, needed: bool = False) -> str | None:
    """A text field (None where it is absent and not ``needed``)."""
    if value is None and not needed:
        return None
    if not isinstance(value, str):
        raise UserError(f"{where}: {what} is not text (it is {shown(value)})")
    if needed and not value.strip():
        raise UserError(f"{where}: {what} is empty")
    return storable(value, where, what)


def label(value: Any, where: str, what: str) -> str:
    """A label: text of at most :data:`LONGEST_LABEL` characters."""
    key = text(value, where, what, needed=True) or ""
    if len(key) > LONGEST_LABEL:
        raise UserError(f"{where}: {what} is longer than {LONGEST_LABEL} characters")
    return key


def status(value: Any, where: str, what: str) -> str | None:
    """A review status (suggested, accepted or rejected), or None where none is given."""
    if value is None or (isinstance(value, str) and value in STATUSES):
        return value
    raise UserError(f"{where}: {what} is not one of {', '.join(STATUSES)} (it is {shown(value)})")


def annotator(value: Any, where: str, what: str) -> str | None:
    """Who made a span: a name of at most :data:`LONGEST_ANNOTATOR` characters, or None."""
    name = (text(value, where, what) or "").strip()
    if len(name) > LONGEST_ANNOTATOR:
        raise UserError(f"{where}: {what} is longer than {LONGEST_ANNOTATOR} characters")
    return name or None


def note(value: Any, where: str, what: str) -> str:
    """A note (empty where there is none)."""
    return text(value, where, what) or ""


def attributes(value: Any, where: str, what: str) -> dict[str, Any]:
    """A span's attributes: a JSON object the project can store as it is."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UserError(f"{where}: {what} are not an object (they are {shown(value)})")
    _storable_json(value, where, what, 1)
    return value


def _storable_json(value: Any, where: str, what: str, depth: int) -> None:
    if depth > DEEPEST:
        raise UserError(f"{where}: {what} are nested more than {DEEPEST} deep")
    if isinstance(value, str):
        storable(value, where, f"a value in {what}")
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(str(key), where, f"a key in {what}")
            _storable_json(item, where, what, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _storable_json(item, where, what, depth + 1)
    elif isinstance(value, LongNumber):
        raise UserError(f"{where}: {what} hold {shown(value)}")
    elif isinstance(value, float) and not math.isfinite(value):
        raise UserError(f"{where}: {what} hold a number that is not finite ({value})")
    elif value is not None and not isinstance(value, int | float):
        raise UserError(f"{where}: {what} hold {shown(value)}, which JSON cannot")


def page_number(value: Any, where: str) -> int | None:
    """The page a record says it is from: a whole number from 1 (or digits), or None."""
    if value is None:
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 9:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value < BEYOND:
        return value
    raise UserError(f"{where}: 'page' is not a page number (it is {shown(value)})")


def document(value: Any, where: str) -> str | None:
    """The document a record says it is from (a title, or an id), or None."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < BEYOND:
        return str(value)
    if not isinstance(value, str):
        raise UserError(f"{where}: 'document' is not a title or an id (it is {shown(value)})")
    return storable(value, where, "'document'")
