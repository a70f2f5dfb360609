"""Backups of a project file, for the window (timed and asked for) and ``xzannot backup``.

How many copies thinning keeps is kept with the copies (``keep.json`` in the backups folder),
so that a scheduled ``xzannot backup`` thins exactly as the window would.
"""

from __future__ import annotations

from pathlib import Path

from xzannot.core.retention import Retention
from xzannot.errors import UserError
from xzannot.store.backup import (
    MANUAL,
    PERIODIC,
    BackupDone,
    BackupFile,
    SoundBackups,
    back_up,
    backup_folder,
    change_mark,
    list_backups,
    read_retention,
    write_retention,
)
from xzannot.store.database import locate

__all__ = [
    "MANUAL",
    "PERIODIC",
    "BackupDone",
    "BackupFile",
    "SoundBackups",
    "back_up",
    "back_up_project",
    "backup_folder",
    "change_mark",
    "list_backups",
    "read_retention",
    "write_retention",
]


def back_up_project(
    db: str | Path,
    rule: Retention | None = None,
    reason: str = MANUAL,
    *,
    recent: int | None = None,
    daily: int | None = None,
    weekly: int | None = None,
) -> BackupDone:
    """Make a verified copy of a project file and thin its backups folder by ``rule``; by
    default by the counts kept for the project, each of ``recent``, ``daily``, ``weekly``
    given replacing its own."""
    location = locate(db)
    path = location.path
    if path is None:
        raise UserError(
            "backups are made of project files; a server's database is backed up with the "
            "server's own tools (pg_dump)"
        )
    if not path.is_file():
        raise UserError(f"no project at {path}")
    if rule is None:
        kept = read_retention(path)
        rule = Retention(
            max(1, kept.recent if recent is None else recent),
            kept.daily if daily is None else daily,
            kept.weekly if weekly is None else weekly,
        )
    return back_up(path, reason, rule)
