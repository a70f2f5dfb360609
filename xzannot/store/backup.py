"""Verified copies of a SQLite project, made before anything rewrites its schema.

A copy is taken with SQLite's online backup API (consistent even while another program
has the project open), then checked with ``PRAGMA integrity_check`` before it counts.
Copies go to a ``<project>.backups`` folder beside the project.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from xzannot.errors import UserError


def backup_folder(project: Path) -> Path:
    """Where the backups of a project file are kept."""
    return project.with_name(project.name + ".backups")


def backup_sqlite(project: Path, reason: str) -> Path:
    """Copy a project file to its backups folder and verify the copy; returns its path.

    Raises UserError (nothing kept) when the copy cannot be written or does not verify.
    """
    folder = backup_folder(project)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{project.stem}-{reason}-{stamp}.sqlite"
    try:
        folder.mkdir(exist_ok=True)
        source = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                verdict = copy.execute("PRAGMA integrity_check").fetchone()
            finally:
                copy.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            target.unlink(missing_ok=True)
        raise UserError(f"cannot back up {project} to {folder} ({exc})") from exc
    if verdict is None or verdict[0] != "ok":
        target.unlink(missing_ok=True)
        raise UserError(f"the backup of {project} did not verify ({verdict}); nothing was changed")
    return target
