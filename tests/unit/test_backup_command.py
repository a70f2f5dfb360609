"""``xzannot backup``: one verified copy of a project file, thinned by age, its path printed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.unit.test_cli import assert_user_error, xzannot
from xzannot.core.retention import Retention
from xzannot.operations.backups import backup_folder, list_backups, read_retention, write_retention
from xzannot.store.backup import STAMP
from xzannot.store.check import sqlite_problems

ONLY_TWO = ("--recent", "2", "--daily", "0", "--weekly", "0")


def _old_copies(db_path: Path, count: int) -> datetime:
    """``count`` periodic copies of the project, a day apart, the newest 40 days old."""
    folder = backup_folder(db_path)
    folder.mkdir()
    old = datetime.now(UTC) - timedelta(days=40)
    for n in range(count):
        name = f"{db_path.stem}-periodic-{(old - timedelta(days=n)).strftime(STAMP)}.sqlite"
        (folder / name).write_bytes(db_path.read_bytes())
    return old


def test_backup_prints_the_path_of_a_verified_copy_and_thins(
    db_path: Path, user_data_dir: Path
) -> None:
    folder = backup_folder(db_path)
    old = _old_copies(db_path, 3)
    done = xzannot("backup", "--db", db_path, *ONLY_TWO, env_dir=user_data_dir)
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())  # the path, and nothing else
    assert path.parent == folder and path.name.startswith(f"{db_path.stem}-manual-")
    assert not sqlite_problems(path)
    kept = list_backups(db_path)
    assert len(kept) == 2 and kept[0].path == path  # the copy, and the newest before it
    assert kept[1].time.date() == old.date()


def test_backup_of_what_is_no_project_file_is_one_line(tmp_path: Path, user_data_dir: Path) -> None:
    done = xzannot("backup", "--db", tmp_path / "missing.sqlite", env_dir=user_data_dir)
    assert_user_error(done, "no project at")
    server = "postgresql://someone@localhost/yearbooks"
    assert_user_error(xzannot("backup", "--db", server, env_dir=user_data_dir), "pg_dump")
    done = xzannot("backup", "--db", tmp_path / "x.sqlite", "--recent", "-1", env_dir=user_data_dir)
    assert_user_error(done, "0 or more")


def test_backup_thins_by_the_counts_kept_for_the_project(
    db_path: Path, user_data_dir: Path
) -> None:
    """The window's Backups dialog keeps its counts beside the copies; a scheduled ``xzannot
    backup`` without counts thins by them, and a count given replaces only its own."""
    _old_copies(db_path, 4)
    write_retention(db_path, Retention(3, 0, 0))
    done = xzannot("backup", "--db", db_path, env_dir=user_data_dir)
    assert done.returncode == 0, done.stderr
    assert len(list_backups(db_path)) == 3
    done = xzannot("backup", "--db", db_path, "--recent", "2", env_dir=user_data_dir)
    assert done.returncode == 0, done.stderr
    assert len(list_backups(db_path)) == 2
    assert read_retention(db_path) == Retention(3, 0, 0)  # a count given is for this run only


def test_counts_that_cannot_be_read_are_the_defaults(db_path: Path) -> None:
    folder = backup_folder(db_path)
    folder.mkdir()
    for text in (
        "{not json",
        '{"recent": "two", "daily": 1, "weekly": 1}',
        "[1, 2, 3]",
        '{"recent": -4, "daily": 1, "weekly": 1}',
    ):
        (folder / "keep.json").write_text(text, encoding="utf-8")
        assert read_retention(db_path) == Retention()
