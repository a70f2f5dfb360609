from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from xzannot.errors import UserError
from xzannot.store.database import head_revision, locate, open_project
from xzannot.store.models import Base


def test_new_project_is_migrated_to_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with open_project(path, create=True) as project, project.session() as session:
        tables = set(inspect(project.engine).get_table_names())
        assert {
            "documents",
            "pages",
            "page_texts",
            "edits",
            "labels",
            "spans",
            "annotators",
        } <= tables
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
        assert session.scalar(text("PRAGMA busy_timeout")) >= 1000
        keys = session.scalars(text("SELECT key FROM labels ORDER BY position")).all()
        assert keys == ["target", "project", "policy"]


def test_reopening_does_not_duplicate_labels(db_path: Path) -> None:
    for _ in range(2):
        with open_project(db_path) as project, project.session() as session:
            assert session.scalar(text("SELECT count(*) FROM labels")) == 3


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    with (
        open_project(db_path) as project,
        pytest.raises(IntegrityError, match="FOREIGN KEY"),
        project.transaction() as session,
    ):
        session.execute(
            text(
                "INSERT INTO pages (document_id, number, width, height, label_source,"
                " review_status, needs_text) VALUES (999, 1, 1, 1, 'none', 'todo', 0)"
            )
        )


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="newer version of xzannot"):
        open_project(db_path)
    assert db_path.read_bytes() == before


def test_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(UserError, match="not an SQLite database"):
        open_project(path, create=True)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_other_applications_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="not an xzannot project"):
        open_project(path, create=True)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp, "is a folder"),
        (lambda tmp: tmp / "missing" / "p.sqlite", "does not exist"),
    ],
)
def test_unusable_locations_are_explained(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=reason):
        open_project(make(tmp_path), create=True)


def test_missing_project_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite"
    with pytest.raises(UserError, match="no project at"):
        open_project(path)
    assert not path.exists()


def test_urls_and_paths_are_understood(tmp_path: Path) -> None:
    assert locate(tmp_path / "a.sqlite").path == tmp_path / "a.sqlite"
    assert locate(f"sqlite:///{tmp_path}/b.sqlite").path == tmp_path / "b.sqlite"
    server = locate("postgresql://user:pw@localhost/xz")
    assert server.path is None
    assert "pw" not in server.display


def test_a_locked_project_is_reported_in_words_and_keeps_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xzannot.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)  # do not wait ten seconds in a test
    with open_project(db_path) as project:
        other = sqlite3.connect(db_path)
        other.execute("BEGIN EXCLUSIVE")  # another program holds the project
        try:
            with (
                pytest.raises(UserError, match=r"could not be changed .*nothing was saved"),
                project.transaction() as session,
            ):
                session.execute(text("UPDATE labels SET color = '#000000'"))
        finally:
            other.rollback()
            other.close()
        with project.session() as session:
            assert "#000000" not in session.scalars(text("SELECT color FROM labels")).all()


def test_a_locked_project_is_one_line_on_the_command_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import SAMPLE_DUMP
    from xzannot import cli
    from xzannot.store import database

    assert cli.main(["import", str(SAMPLE_DUMP), "--db", str(db_path)]) == 0
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = cli.main(["text", "--db", str(db_path), "--page", "1"])
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("xzannot: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    with (
        open_project(tmp_path / "m.sqlite", create=True) as project,
        project.engine.connect() as connection,
    ):
        # the search index's full-text table (FTS5 and its shadow tables) is SQLite's own
        fts = {
            "include_name": lambda name, kind, _parent: not str(name).startswith("page_search_fts")
        }
        context = MigrationContext.configure(connection, opts={"compare_type": True, **fts})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _downgrade(path: Path, revision: str) -> None:
    """Take a project back to an older schema, as an older xzannot left it."""
    from alembic import command
    from sqlalchemy import create_engine

    from xzannot.store.database import _alembic_config

    engine = create_engine(f"sqlite:///{path}")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def test_an_upgrade_is_preceded_by_a_verified_backup(sample_db: Path) -> None:
    """A project of the previous schema is copied (and the copy checked) before migrating."""
    from xzannot.store.backup import backup_folder

    _downgrade(sample_db, "0006")
    with open_project(sample_db) as project, project.session() as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
        assert session.scalar(text("SELECT count(*) FROM pages")) == 3
    (copy,) = backup_folder(sample_db).glob("*.sqlite")
    assert f"before-schema-{head_revision()}" in copy.name
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0006",)
        assert conn.execute("SELECT count(*) FROM pages").fetchone() == (3,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    with open_project(sample_db):
        pass  # already at the head: no second copy
    assert len(list(backup_folder(sample_db).glob("*.sqlite"))) == 1


def test_no_upgrade_without_a_backup(sample_db: Path) -> None:
    from xzannot.store.backup import backup_folder

    _downgrade(sample_db, "0006")
    backup_folder(sample_db).write_text("a file where the backups folder would be")
    with pytest.raises(UserError, match="cannot back up"):
        open_project(sample_db)
    conn = sqlite3.connect(sample_db)
    try:  # the project was not touched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0006",)
    finally:
        conn.close()


@pytest.mark.parametrize("create", [False, True])
def test_an_empty_file_is_not_taken_for_a_project(tmp_path: Path, create: bool) -> None:
    path = tmp_path / "lost.sqlite"
    path.write_bytes(b"")
    with pytest.raises(UserError, match="empty file"):
        open_project(path, create=create)
    assert path.read_bytes() == b""
