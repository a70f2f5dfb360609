"""Backups of a project file: made and verified, then thinned by age, on real SQLite files."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from xzannot.core.retention import Retention
from xzannot.errors import UserError
from xzannot.operations.backups import back_up_project
from xzannot.operations.checking import good_backups
from xzannot.store.backup import (
    MANUAL,
    PERIODIC,
    STAMP,
    back_up,
    backup_folder,
    backup_sqlite,
    change_mark,
    list_backups,
    thin_backups,
)
from xzannot.store.check import sqlite_problems
from xzannot.store.database import open_project
from xzannot.store.settings import get_setting, set_setting

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def _copy(project: Path, reason: str, when: datetime) -> Path:
    """A good copy of ``project`` in its backups folder, named as made at ``when``."""
    folder = backup_folder(project)
    folder.mkdir(exist_ok=True)
    target = folder / f"{project.stem}-{reason}-{when.strftime(STAMP)}.sqlite"
    shutil.copyfile(project, target)
    return target


def _damage(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.write(b"not a database, not any more")


def _names(project: Path) -> set[str]:
    return {p.name for p in backup_folder(project).iterdir()}


def test_a_backup_is_a_verified_copy_and_leaves_no_partial_file(sample_db: Path) -> None:
    done = back_up(sample_db, MANUAL, Retention())
    assert done.path.parent == backup_folder(sample_db)
    assert done.removed == ()
    assert not sqlite_problems(done.path)
    assert _names(sample_db) == {done.path.name}
    (listed,) = list_backups(sample_db)
    assert listed.path == done.path and listed.reason == MANUAL
    assert abs(listed.time - datetime.now(UTC)) < timedelta(minutes=1)
    assert good_backups(sample_db) == [done.path]


def test_a_backup_holds_the_last_change(db_path: Path) -> None:
    with open_project(db_path) as project:
        with project.transaction() as session:
            set_setting(session, "motto", "存档")
        path = backup_sqlite(db_path, PERIODIC)  # while the project is open, its WAL unmerged
    with open_project(path) as copy, copy.session() as session:
        assert get_setting(session, "motto") == "存档"


def test_a_backup_that_cannot_be_written_keeps_nothing(db_path: Path) -> None:
    backup_folder(db_path).write_text("a file where the folder would be")
    with pytest.raises(UserError, match="cannot back up"):
        back_up(db_path, PERIODIC, Retention())
    assert not list(db_path.parent.glob(".*partial"))


def test_thinning_keeps_the_recent_then_daily_then_weekly(db_path: Path) -> None:
    made = [_copy(db_path, PERIODIC, NOW - timedelta(days=n, hours=1)) for n in range(100)]
    removed = thin_backups(db_path, Retention(12, 10, 9), now=NOW)
    left = {b.path for b in list_backups(db_path)}
    assert len(left) == 31 and len(removed) == 69
    assert set(made[:22]) <= left  # twelve recent, then one a day for ten days
    assert left.isdisjoint(removed)
    assert thin_backups(db_path, Retention(12, 10, 9), now=NOW) == []  # nothing more to thin


def test_thinning_leaves_other_files_and_the_newest_copy_before_each_upgrade(
    db_path: Path,
) -> None:
    old = NOW - timedelta(days=400)
    upgrade_a = [_copy(db_path, "before-schema-0007", old - timedelta(days=n)) for n in (0, 1)]
    upgrade_b = _copy(db_path, "before-schema-0008", old + timedelta(days=1))
    replaced = _copy(db_path, "replaced", old)  # a damaged project kept by a restore
    for n in range(5):
        _copy(db_path, PERIODIC, NOW - timedelta(minutes=n))
    folder = backup_folder(db_path)
    (folder / "my own copy.sqlite").write_bytes(db_path.read_bytes())
    (folder / "notes.txt").write_text("kept by hand")
    removed = thin_backups(db_path, Retention(2, 0, 0), now=NOW)
    names = _names(db_path)
    assert {upgrade_a[0].name, upgrade_b.name, replaced.name} <= names
    assert {"my own copy.sqlite", "notes.txt"} <= names
    assert upgrade_a[1] in removed  # an older copy before the same upgrade goes
    assert len([b for b in list_backups(db_path) if b.reason == PERIODIC]) == 2


def test_a_copy_that_fails_its_check_never_takes_a_kept_place(db_path: Path) -> None:
    copies = [_copy(db_path, PERIODIC, NOW - timedelta(minutes=n)) for n in range(6)]
    _damage(copies[1])
    before_upgrade = [
        _copy(db_path, "before-schema-0008", NOW - timedelta(days=n)) for n in (9, 10)
    ]
    _damage(before_upgrade[0])
    removed = thin_backups(db_path, Retention(3, 0, 0), now=NOW)
    left = {b.path for b in list_backups(db_path)}
    assert left == {copies[0], copies[2], copies[3], before_upgrade[1]}
    assert copies[1] in removed and before_upgrade[0] in removed
    assert all(not sqlite_problems(path) for path in left)


def test_the_change_mark_moves_with_a_commit_and_not_with_a_read(db_path: Path) -> None:
    with open_project(db_path) as project:
        mark = change_mark(db_path)
        with project.session() as session:
            assert get_setting(session, "motto") is None
        assert change_mark(db_path) == mark
        with project.transaction() as session:
            set_setting(session, "motto", "存档")
        assert change_mark(db_path) != mark


def test_backing_up_a_project_names_a_file_and_thins(db_path: Path) -> None:
    for n in range(4):
        _copy(db_path, MANUAL, NOW - timedelta(days=30 + n))
    done = back_up_project(db_path, Retention(2, 0, 0))
    assert done.path.exists() and len(done.removed) == 3
    assert list_backups(db_path)[0].path == done.path


def test_backing_up_a_server_database_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="server's own tools"):
        back_up_project("postgresql://someone@localhost/yearbooks", Retention())
    with pytest.raises(UserError, match="no project at"):
        back_up_project(tmp_path / "missing.sqlite", Retention())
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("plain text")
    with pytest.raises(UserError, match="back up"):
        back_up_project(not_sqlite, Retention())
    assert not any(backup_folder(not_sqlite).glob("*.sqlite"))


def test_a_damaged_project_makes_no_backup(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    with db_path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xff" * 3000)
    with pytest.raises(UserError):
        back_up_project(db_path, Retention())
    assert not any(backup_folder(db_path).glob("*.sqlite"))
