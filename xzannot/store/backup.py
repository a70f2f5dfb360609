"""Verified copies of a SQLite project, and the thinning of old copies as they age.

A copy is taken with SQLite's online backup API (consistent even while another program
has the project open), then checked with ``PRAGMA integrity_check`` before it counts; it is
written under a hidden temporary name and renamed into place only once it verifies, so a
copy half-written (or still being written by another program) is never taken for a backup.
Copies go to a ``<project>.backups`` folder beside the project, named
``<stem>-<reason>-<UTC time>.sqlite``, in SQLite's rollback-journal mode (a project opened
from one returns to WAL mode).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from xzannot.core.retention import Retention, kept
from xzannot.errors import UserError
from xzannot.store.check import sqlite_problems

STAMP = "%Y%m%dT%H%M%S%fZ"
PERIODIC = "periodic"  # made while the window is open, and when it closes
MANUAL = "manual"  # asked for: Back Up Now, ``xzannot backup``
BEFORE = "before-"  # the prefix of a copy made before an upgrade ("before-schema-0008")
THINNED = (PERIODIC, MANUAL)  # with BEFORE…; a restore's "replaced" file is never deleted

Sound = Callable[[Path], bool]


def backup_folder(project: Path) -> Path:
    """Where the backups of a project file are kept."""
    return project.with_name(project.name + ".backups")


RETENTION_FILE = "keep.json"  # in the backups folder: how many copies thinning keeps


def read_retention(project: Path) -> Retention:
    """How many copies of ``project`` thinning keeps: as last chosen for it (in the window's
    Backups dialog), else the defaults. A file that cannot be read counts as none."""
    try:
        data = json.loads((backup_folder(project) / RETENTION_FILE).read_text(encoding="utf-8"))
        counts = {name: data[name] for name in ("recent", "daily", "weekly")}
    except (OSError, ValueError, TypeError, KeyError):
        return Retention()
    if not all(type(n) is int and n >= 0 for n in counts.values()):
        return Retention()
    return Retention(max(1, counts["recent"]), counts["daily"], counts["weekly"])


def write_retention(project: Path, rule: Retention) -> None:
    """Keep ``rule`` beside the copies it thins, for the window and ``xzannot backup`` alike."""
    folder = backup_folder(project)
    folder.mkdir(exist_ok=True)
    partial = folder / f".{RETENTION_FILE}.{os.getpid()}"
    counts = {"recent": rule.recent, "daily": rule.daily, "weekly": rule.weekly}
    try:
        partial.write_text(json.dumps(counts) + "\n", encoding="utf-8")
        partial.replace(folder / RETENTION_FILE)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot keep the backup counts in {folder} ({exc.strerror})") from exc


def backup_sqlite(project: Path, reason: str) -> Path:
    """Copy a project file to its backups folder and verify the copy; returns its path.

    Raises UserError (nothing kept) when the copy cannot be written or does not verify.
    """
    folder = backup_folder(project)
    stamp = datetime.now(UTC).strftime(STAMP)
    target = folder / f"{project.stem}-{reason}-{stamp}.sqlite"
    partial = folder / f".{target.name}.partial"
    try:
        folder.mkdir(exist_ok=True)
        source = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                # out of WAL mode: a copy read read-only (checked, listed) then leaves no
                # -wal and -shm files beside it
                copy.execute("PRAGMA journal_mode=DELETE")
                verdict = copy.execute("PRAGMA integrity_check").fetchone()
            finally:
                copy.close()
        finally:
            source.close()
        if verdict is not None and verdict[0] == "ok":
            partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        _remove(partial)
        raise UserError(f"cannot back up {project} to {folder} ({exc})") from exc
    if verdict is None or verdict[0] != "ok":
        _remove(partial)
        raise UserError(f"the backup of {project} did not verify ({verdict}); nothing was changed")
    return target


@dataclass(frozen=True)
class BackupFile:
    """One copy in a backups folder, as its name describes it."""

    path: Path
    reason: str
    time: datetime  # UTC, when the copy was begun

    @property
    def before_upgrade(self) -> bool:
        """Whether it was made before an upgrade rewrote the project's schema."""
        return self.reason.startswith(BEFORE)


def list_backups(project: Path) -> list[BackupFile]:
    """The copies of a project in its backups folder, newest first; files named otherwise
    (the user's own, another program's) are not listed."""
    prefix = project.stem + "-"
    found: list[BackupFile] = []
    with suppress(OSError):
        for path in backup_folder(project).iterdir():
            if not (path.name.startswith(prefix) and path.name.endswith(".sqlite")):
                continue  # (not a glob: a project's name may hold [ or *)
            reason, _, stamp = path.name[len(prefix) : -len(".sqlite")].rpartition("-")
            try:
                time = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
            except ValueError:
                continue
            if reason:
                found.append(BackupFile(path, reason, time))
    found.sort(key=lambda b: (b.time, b.path.name), reverse=True)
    return found


class SoundBackups:
    """Says whether a backup passes SQLite's full check, remembering the copies found sound
    (by path, size and time of change) so that thinning after each new copy does not read
    every kept copy again."""

    def __init__(self) -> None:
        self._sound: set[tuple[str, int, int]] = set()

    @staticmethod
    def _key(path: Path) -> tuple[str, int, int] | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return str(path), stat.st_size, stat.st_mtime_ns

    def vouch(self, path: Path) -> None:
        """Note a copy just verified (by :func:`backup_sqlite`)."""
        key = self._key(path)
        if key is not None:
            self._sound.add(key)

    def __call__(self, path: Path) -> bool:
        key = self._key(path)
        if key is None:
            return False
        if key in self._sound:
            return True
        if sqlite_problems(path):
            return False
        self._sound.add(key)
        return True


def thin_backups(
    project: Path,
    rule: Retention,
    *,
    now: datetime | None = None,
    sound: Sound | None = None,
) -> list[Path]:
    """Delete the copies the retention rule lets go; returns the paths deleted.

    Only periodic, asked-for and before-upgrade copies are thinned. The newest sound copy
    made before each upgrade is always kept, and a copy that fails SQLite's check never
    takes a kept place: it is deleted with the rest. Days and weeks are the user's local ones.
    """
    sound = sound or SoundBackups()
    now = (now or datetime.now(UTC)).astimezone()
    candidates = [
        b for b in list_backups(project) if b.reason in THINNED or b.before_upgrade
    ]  # newest first
    bad: set[int] = set()
    while True:
        live = [i for i in range(len(candidates)) if i not in bad]
        pinned: dict[str, int] = {}  # an upgrade's reason -> the position of its newest copy
        for position, i in enumerate(live):  # newest first
            if candidates[i].before_upgrade:
                pinned.setdefault(candidates[i].reason, position)
        times = [candidates[i].time.astimezone() for i in live]
        keep = {live[j] for j in kept(times, now, rule, pinned=set(pinned.values()))}
        damaged = {i for i in sorted(keep) if not sound(candidates[i].path)}
        if not damaged:
            break
        bad |= damaged
    removed = []
    for i, backup in enumerate(candidates):
        if i not in keep and _remove(backup.path):
            removed.append(backup.path)
    return removed


def _remove(path: Path) -> bool:
    """Delete a copy and what SQLite may have left beside it; False when it cannot be."""
    for suffix in ("-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class BackupDone:
    """A verified copy made, and the older copies thinning deleted."""

    path: Path
    removed: tuple[Path, ...] = ()


def back_up(
    project: Path, reason: str, rule: Retention, *, sound: SoundBackups | None = None
) -> BackupDone:
    """Make a verified copy of a project file, then thin its backups folder."""
    sound = sound or SoundBackups()
    path = backup_sqlite(project, reason)
    sound.vouch(path)
    return BackupDone(path, tuple(thin_backups(project, rule, sound=sound)))


def change_mark(project: Path) -> tuple[int, ...]:
    """Something that differs whenever a change was committed to a project file since.

    The size and time of change of the file and of its write-ahead log: in WAL mode every
    commit appends to the log, and a checkpoint rewrites the file; reading touches only the
    ``-shm`` index, left out. (``PRAGMA data_version`` tells a connection only of other
    connections' commits, so it would need a connection of its own held open all the while;
    the header's change counter is not kept up in WAL mode; no table records every change,
    a deletion least of all.) A checkpoint with no commit before it costs one copy more,
    never one less.
    """
    mark: list[int] = []
    for path in (project, project.with_name(project.name + "-wal")):
        try:
            stat = path.stat()
        except OSError:
            mark += [-1, -1]
        else:
            mark += [stat.st_size, stat.st_mtime_ns]
    return tuple(mark)
