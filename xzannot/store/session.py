"""The names the layers above use for a transaction and for the database's own failures,
so that only ``store`` imports SQLAlchemy.

Operations annotate with :data:`Session`; the command line asks :func:`database_failure`
whether an exception came from a damaged or unreadable project (words) or is a bug.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

__all__ = ["Session", "database_failure"]


def database_failure(exc: BaseException) -> str | None:
    """What the database said, in one line, when ``exc`` is one of its errors (a damaged
    or unreadable project); None for any other exception (a bug)."""
    if not isinstance(exc, DBAPIError | sqlite3.DatabaseError):
        return None
    return str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
