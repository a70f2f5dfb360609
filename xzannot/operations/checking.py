"""Checking a project, and bringing back a good backup of a damaged one."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from xzannot.errors import UserError
from xzannot.store.backup import backup_folder
from xzannot.store.check import CheckReport, invariant_problems, sqlite_problems
from xzannot.store.database import locate, open_project


def check_project(db: str | Path, *, quick: bool = False) -> CheckReport:
    """Check a project without changing it: SQLite's checks first (a SQLite file), then the
    invariants xzannot keeps."""
    location = locate(db)
    report = CheckReport()
    if location.path is not None:
        if not location.path.is_file():
            raise UserError(f"no project at {location.path}")
        report.problems += sqlite_problems(location.path, quick=quick)
        if report.problems:
            return report
    with open_project(db) as project, project.session() as session:
        report.problems += invariant_problems(session)
    return report


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup brought back, and where the replaced file was kept."""

    backup: Path
    kept: Path


def good_backups(project: Path) -> list[Path]:
    """The project's backups that pass SQLite's full check, newest first."""
    folder = backup_folder(project)
    found = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    return [p for p in found if not sqlite_problems(p)]


def restore_project(db: str | Path, backup: Path | None = None) -> Restored:
    """Put a backup (default: the newest good one) in place of a project file; the file it
    replaces is kept in the backups folder, never deleted."""
    location = locate(db)
    path = location.path
    if path is None:
        raise UserError(
            "restore brings back backups of project files; a server's database is restored "
            "with the server's own tools (pg_restore)"
        )
    if backup is None:
        candidates = good_backups(path)
        if not candidates:
            raise UserError(f"{path} has no good backup in {backup_folder(path)}")
        backup = candidates[0]
    elif not backup.is_file():
        raise UserError(f"{backup}: no such file")
    elif problems := sqlite_problems(backup):
        raise UserError(f"{backup} is damaged too ({problems[0]}); choose another backup")
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = folder / f"{path.stem}-replaced-{stamp}.sqlite"
    if path.exists():
        path.rename(kept)  # moved, not read: a damaged file may not be readable
        for suffix in ("-wal", "-shm"):
            journal = path.with_name(path.name + suffix)
            if journal.exists():
                journal.rename(kept.with_name(kept.name + suffix))
    partial = path.with_name(f".{path.name}.restoring")
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        with closing(source) as src, closing(sqlite3.connect(partial)) as dest:
            src.backup(dest)
        partial.replace(path)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        if kept.exists() and not path.exists():
            shutil.move(kept, path)  # as it was
        raise UserError(f"cannot restore {backup} to {path} ({exc})") from exc
    return Restored(backup, kept)
