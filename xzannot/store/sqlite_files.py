"""Reading a SQLite project file without ever writing to it, even where it cannot be written."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the file at ``path``.

    SQLite reading a file in write-ahead-log mode wants to make the log's index beside it;
    in a folder that cannot be written (a read-only disk or share) it then cannot open the
    file at all, so the file is opened as immutable: nobody can be writing to it there.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    return conn
