"""Reading the arguments several commands share."""

from __future__ import annotations

from xzannot.errors import UserError


def page_range(text: str | None) -> tuple[int | None, int | None]:
    """``--pages``: ``3-10``, ``3-``, ``-10`` or ``7`` as (first, last), either open."""
    if not text:
        return None, None
    first, dash, last = text.partition("-")
    try:
        low = int(first) if first.strip() else None
        high = (int(last) if last.strip() else None) if dash else low
    except ValueError:
        raise UserError(f"--pages {text}: write page numbers as 3-10, 3-, -10 or 7") from None
    return low, high
