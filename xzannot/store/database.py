"""Opening a project database: SQLite by path, or any SQLAlchemy URL.

Opening checks the database before touching it: a file that is not a database,
a database that is not an xzannot project, or a project written by a newer
version of xzannot is refused with a message and left exactly as it was. Only
then are migrations applied.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from xzannot.errors import DamagedProjectError, ReadOnlyProjectError, UserError
from xzannot.store import change_log, search_index
from xzannot.store.backup import backup_sqlite
from xzannot.store.sqlite_files import connect_read_only
from xzannot.store.team_server import ACTING, IDENTITY, role_identity

_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True, slots=True)
class Location:
    """Where a project lives: an SQLAlchemy URL, and the file for SQLite."""

    url: str
    path: Path | None  # None for a server database

    @property
    def display(self) -> str:
        """How to name the project to a user (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def locate(db: str | Path) -> Location:
    """Turn a ``--db`` argument (a path or a URL) into a :class:`Location`."""
    text = str(db)
    if "://" not in text:
        path = Path(text).expanduser().absolute()
        return Location(f"sqlite:///{path}", path)
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise UserError(f"{text!r} is neither a file path nor a database URL") from exc
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return Location(text, None)
        path = Path(url.database).expanduser().absolute()
        return Location(f"sqlite:///{path}", path)
    if url.get_backend_name() == "postgresql" and "+" not in url.drivername:
        # a plain postgresql:// means psycopg 3, the driver the "postgres" extra installs
        url = url.set(drivername="postgresql+psycopg")
        return Location(url.render_as_string(hide_password=False), None)
    return Location(text, None)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    return cfg


def known_revisions() -> set[str]:
    """Every schema revision this version of xzannot knows."""
    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    """The newest schema revision this version of xzannot writes."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _check_revisions(found: set[str], where: str) -> None:
    unknown = found - known_revisions()
    if unknown:
        raise UserError(
            f"{where} was written by a newer version of xzannot "
            f"(schema {', '.join(sorted(unknown))}); update xzannot to open it. "
            "The project was not changed."
        )


def _precheck_sqlite(path: Path, *, create: bool) -> None:
    """Refuse anything but an xzannot project or a new file, without writing to it."""
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a project database")
    if not path.exists():
        if not create:
            raise UserError(f"no project at {path} (import a file into it first)")
        if not path.parent.is_dir():
            raise UserError(f"cannot create {path}: the folder {path.parent} does not exist")
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    if not header:  # never taken for a new project: it may be one whose contents were lost
        raise UserError(
            f"{path} is an empty file (0 bytes), not a project; if it should hold one, restore "
            "it from a backup (see its .backups folder), or give a new file name"
        )
    if header != _SQLITE_MAGIC:
        raise UserError(f"{path} is not an xzannot project (it is not an SQLite database)")
    try:
        conn = connect_read_only(path)
        try:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revisions: set[str] = set()
            if "alembic_version" in tables:
                revisions = {
                    row[0] for row in conn.execute("SELECT version_num FROM alembic_version")
                }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{path} is damaged or not an SQLite database ({exc})") from exc
    if tables and "alembic_version" not in tables:
        raise UserError(f"{path} is an SQLite database but not an xzannot project")
    from xzannot.store.check import sqlite_problems

    damage = sqlite_problems(path, quick=True)
    if damage:  # nothing may write into it: every later change would build on the damage
        raise DamagedProjectError(
            f"{path} is damaged ({damage[0]}); nothing was written to it. Bring back its latest "
            f"good backup with: xzannot restore --db {path}",
            path,
        )
    _check_revisions(revisions, str(path))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # the driver would begin a transaction only at the first write, so a transaction's reads
    # would not be isolated from another program's writes; SQLAlchemy begins it (below)
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITING = "xzannot_writing"  # the execution option of the connections changes are made on
_WRITERS_LOCK = 0x787A616E6E6F74  # "xzannot": the advisory lock writers take on PostgreSQL


def _sqlite_begin(conn: Connection) -> None:
    """A change takes the write lock when it begins (BEGIN IMMEDIATE), so what it reads
    cannot change under it before it writes; a read begins without it."""
    writing = conn.get_execution_options().get(WRITING)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _postgres_begin(conn: Connection) -> None:
    """Changes to a project on a server take turns (a transaction-scoped advisory lock), as
    they do on SQLite: a read-then-write can never interleave with another one."""
    if conn.get_execution_options().get(WRITING):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITERS_LOCK})")


def _make_engine(location: Location) -> Engine:
    try:
        if location.path is not None or location.url.startswith("sqlite"):
            engine = create_engine(
                location.url,
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        engine = create_engine(location.url, pool_pre_ping=True)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "begin", _postgres_begin)
        return engine
    except ImportError as exc:
        raise UserError(
            f"cannot use database {location.display}: its driver is not installed "
            f"({exc.name or exc}); for PostgreSQL, install xzannot[postgres]"
        ) from exc
    except (ArgumentError, NoSuchModuleError) as exc:
        raise UserError(f"cannot use database {location.display}: {exc}") from exc


class Project:
    """An open project database: its engine and a factory for sessions.

    Callers open one session (one transaction) per user action with
    :meth:`transaction` or :meth:`session`.
    """

    def __init__(self, location: Location, engine: Engine, *, read_only: str | None = None) -> None:
        self.location = location
        self.engine = engine
        # why the project cannot be written (None when it can); its engine is then on a
        # scratch copy, where what is only derived (corrections, collation) may be stored
        self.read_only = read_only
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        # changes run on connections that begin with the write lock (see _sqlite_begin)
        self.writers = sessionmaker(
            engine.execution_options(**{WRITING: True}), expire_on_commit=False
        )
        search_index.follow_edits(self.writers)  # the search index follows every change
        change_log.follow(self.writers)  # each change's log rows, one a page and kind
        # on a team server, the annotator's role this project is open as (see team_server);
        # and who makes the changes through it (that name, else the one the window gives)
        self.identity: str | None = None
        self.acting: str | None = None

    @contextmanager
    def transaction(self, *, derived: bool = False) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error.

        A database that cannot take the change (locked by another program for
        longer than the busy timeout, read-only, full) is reported in words;
        nothing of the transaction is kept. ``derived`` marks work that only stores what
        can be worked out again (automatic corrections, collation results): on a read-only
        project it goes to the scratch copy; any other change is refused there.
        """
        if self.read_only is not None and not derived:
            raise ReadOnlyProjectError(
                f"{self.location.display} is read-only ({self.read_only}): it can be viewed, "
                "collated and exported, but nothing can be changed; copy it to a folder you "
                "can write to, to work on it"
            )
        try:
            with self.writers.begin() as session:
                session.info[ACTING] = self.identity or self.acting
                session.info[IDENTITY] = self.identity
                yield session
        except OperationalError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:160]
            usual = ("locked", "readonly", "read-only", "disk", "full", "busy")
            hint = (
                ""
                if any(word in reason.lower() for word in usual)
                else f"; xzannot check --db {self.location.display} says whether it is damaged"
            )
            raise UserError(
                f"the project {self.location.display} could not be changed ({reason}); "
                f"nothing was saved{hint}"
            ) from exc

    def session(self) -> Session:
        """A plain session for reading; the caller closes it."""
        return self.sessions()

    def close(self) -> None:
        """Release every connection (a SQLite file can then be moved or deleted)."""
        self.engine.dispose()
        if self.read_only is not None:
            scratch = make_url(self.engine.url).database
            if scratch:
                shutil.rmtree(Path(scratch).parent, ignore_errors=True)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def check_location(db: str | Path, *, create: bool = False) -> Location:
    """Validate a project location without creating or changing anything."""
    location = locate(db)
    if location.path is not None:
        _precheck_sqlite(location.path, create=create)
    return location


def project_exists(location: Location) -> bool:
    """Whether a project is already there: a SQLite file, or a server database with our schema.

    Changes nothing; an unreachable server counts as no project (opening it then says why).
    """
    if location.path is not None:
        return location.path.exists()
    try:
        engine = _make_engine(location)
    except UserError:
        return False
    try:
        with engine.connect() as conn:
            return "alembic_version" in inspect(conn).get_table_names()
    except (DBAPIError, SQLAlchemyError):
        return False
    finally:
        engine.dispose()


def open_project(db: str | Path, *, create: bool = False) -> Project:
    """Open (and, with ``create``, make) a project and bring its schema up to date."""
    location = check_location(db, create=create)
    read_only = None if location.path is None else unwritable(location.path)
    if read_only is not None:
        return _open_read_only(location, read_only)
    engine = _make_engine(location)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
            tables = set(inspect(conn).get_table_names())
        if location.path is None:
            if tables and "alembic_version" not in tables:
                raise UserError(f"{location.display} holds tables but is not an xzannot project")
            _check_revisions(set(current), location.display)
            if not tables and not create:
                raise UserError(f"no project at {location.display} (import a file into it first)")
        if head_revision() not in current:
            if location.path is not None and current:  # a project, not a new file
                # a verified copy first: an upgrade that fails half-way, or a newer schema
                # an older xzannot cannot read, must never cost a project
                backup_sqlite(location.path, f"before-schema-{head_revision()}")
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except UserError:
        engine.dispose()
        raise
    except (DBAPIError, SQLAlchemyError) as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise UserError(f"cannot open project {location.display}: {reason}") from exc
    return _ready(Project(location, engine))


def _ready(project: Project) -> Project:
    from xzannot.store.labels import ensure_default_labels

    with project.session() as session:
        project.identity = role_identity(session)
    with project.transaction(derived=True) as session:
        ensure_default_labels(session)
    return project


def _open_read_only(location: Location, why: str) -> Project:
    """Open a project that cannot be written through a scratch copy of it: views, exports
    and automatic corrections work there, and the file itself is never touched. An older
    schema is brought up to date in the copy only."""
    assert location.path is not None
    folder = Path(tempfile.mkdtemp(prefix="xzannot-read-only-"))
    scratch = folder / location.path.name
    try:
        with (
            closing(connect_read_only(location.path)) as source,
            closing(sqlite3.connect(scratch)) as copy,
        ):
            source.backup(copy)
        engine = _make_engine(Location(f"sqlite:///{scratch}", scratch))
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_heads()
        if head_revision() not in current:
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except (sqlite3.Error, OSError, SQLAlchemyError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise UserError(f"cannot read the read-only project {location.path}: {exc}") from exc
    return _ready(Project(location, engine, read_only=why))


def unwritable(path: Path) -> str | None:
    """Why the project file at ``path`` cannot be written (None when it can): SQLite needs
    to write the file and, beside it, its journal."""
    if not path.exists():
        return None
    if not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} cannot be written"
    if not os.access(path, os.W_OK):
        return "the file cannot be written"
    return None
