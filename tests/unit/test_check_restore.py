"""Damaged projects: found by `check` and on opening, never written to, restored from a backup."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_DUMP, SAMPLE_PDF
from tests.unit.test_cli import xzannot as run
from xzannot.store.backup import backup_folder, backup_sqlite


def cli(*args: str | Path) -> tuple[int, str, str]:
    done = run(*args, env_dir=Path(os.environ["XZANNOT_DATA_DIR"]))
    return int(done.returncode), done.stdout, done.stderr


@pytest.fixture
def worked_on(tmp_path: Path) -> Path:
    """A project with the sample imported, suggested on, and exported and imported back."""
    db = tmp_path / "worked.sqlite"
    assert cli("import", SAMPLE_PDF, SAMPLE_DUMP, "--db", db)[0] == 0
    assert cli("suggest", "--db", db)[0] == 0
    assert cli("export", "--db", db, "--format", "jsonl", "--out", tmp_path / "c.jsonl")[0] == 0
    return db


def _checkpoint(db: Path) -> None:
    """Everything in the main file (WAL folded in), as a backup or a copy would see it."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _damage_middle(db: Path, *, at: int = 0, pages: int = 3, texts: bool = False) -> None:
    """Overwrite pages in the middle of the file (from ``at`` bytes into each page: 0 breaks
    the tables' structure, further in only the rows' contents); with ``texts``, the pages
    that hold the pages' long texts (their overflow pages), so only text is hurt."""
    _checkpoint(db)
    size = db.stat().st_size
    first = size // 4096 // 3
    chosen = list(range(first, first + pages))
    if texts:
        conn = sqlite3.connect(db)
        try:
            chosen = [
                number - 1
                for (number,) in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'page_texts' AND pagetype = "
                    "'overflow' ORDER BY pageno"
                )
            ][:pages]
        finally:
            conn.close()
        assert chosen, "the texts have no overflow pages to damage"
    with db.open("r+b") as fh:
        for page in chosen:
            fh.seek(page * 4096 + at)
            fh.write(os.urandom(4096 - at - 200))


def test_a_sound_project_checks_clean(worked_on: Path, scanned_db: Path) -> None:
    for db in (worked_on, scanned_db):
        code, out, _ = cli("check", "--db", db)
        assert code == 0 and "no problems found" in out, out


def test_a_project_damaged_in_the_middle_is_found_and_never_written(
    worked_on: Path, tmp_path: Path
) -> None:
    _damage_middle(worked_on)
    before = worked_on.read_bytes()
    code, out, _ = cli("check", "--db", worked_on)
    assert code == 1 and "SQLite" in out and "xzannot restore" in out
    for args in (
        ["suggest", "--db", worked_on],
        ["import", SAMPLE_PDF, "--db", worked_on],
        ["export", "--db", worked_on, "--format", "jsonl", "--out", tmp_path / "x.jsonl"],
        ["stats", "--db", worked_on],
    ):
        code, _, err = cli(*args)
        assert code == 1, args
        assert "is damaged" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert worked_on.read_bytes() == before


def test_rows_damaged_inside_are_one_line_naming_check(worked_on: Path, tmp_path: Path) -> None:
    """Damage inside rows (a text that no longer decodes) passes SQLite's quick check; a
    command that reads it says so in one line, and what to do."""
    _damage_middle(worked_on, at=1500, pages=12, texts=True)
    code, _out, _ = cli("check", "--db", worked_on)
    assert code == 1  # the full check finds it
    for args in (
        ["export", "--db", worked_on, "--format", "jsonl", "--out", tmp_path / "x.jsonl"],
        ["suggest", "--db", worked_on],
    ):
        code, _, err = cli(*args)
        assert code == 1, args
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert "xzannot check" in err


def test_restore_brings_back_the_newest_good_backup(worked_on: Path) -> None:
    _checkpoint(worked_on)
    older = backup_sqlite(worked_on, "manual")
    newer = backup_sqlite(worked_on, "manual")
    _damage_middle(newer)  # the newest copy is no good: the one before it is taken
    _damage_middle(worked_on)
    code, out, err = cli("restore", "--db", worked_on)
    assert code == 0, err
    assert str(older) in out
    assert cli("check", "--db", worked_on)[0] == 0
    code, out, _ = cli("stats", "--db", worked_on)
    assert code == 0 and re.search(r"pages +4", out)
    kept = list(backup_folder(worked_on).glob("*-replaced-*.sqlite"))
    assert len(kept) == 1  # the damaged file is kept, not deleted


def test_restore_without_a_good_backup_changes_nothing(worked_on: Path) -> None:
    before = worked_on.read_bytes()
    code, _, err = cli("restore", "--db", worked_on)
    assert code == 1 and "no good backup" in err
    assert worked_on.read_bytes() == before


def test_check_finds_what_breaks_xzannot_s_own_invariants(worked_on: Path) -> None:
    conn = sqlite3.connect(worked_on)
    try:
        conn.execute("UPDATE spans SET quote = 'not this' WHERE id = 1")
        conn.execute("UPDATE edits SET seq = seq + 1000 WHERE page_id = 2 AND seq = 1")
        conn.execute("UPDATE documents SET page_count = 9 WHERE id = 1")
        conn.commit()
    finally:
        conn.close()
    code, out, _ = cli("check", "--db", worked_on)
    assert code == 1
    assert "span 1 (page" in out and "no longer quotes" in out
    assert "chain of edits has a gap" in out
    assert "says it has 9 pages, and 3 are stored" in out
