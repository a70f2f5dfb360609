"""The change log: what changed in the project, and on which page, for every window on it.

Triggers on spans, edits, page texts, pages (their review status), annotators' pages,
documents and labels write a row into ``change_log`` for each row they change, so a change
is logged whoever makes it: this program, another window, the command line, a script on the
server. A transaction logs one row per page and kind: on SQLite the triggers add a row only
where the transaction has none yet (the first change's author and time stay); on PostgreSQL
its rows are folded into one per page and kind before it commits (the newest stays). So a run
of suggestions over a book logs a row a page, not a row a span. A
window reads the rows after the last it has seen (:func:`changes_since`) and refreshes what
they name. Rows older than a day are cleared when a window starts following the log.

On PostgreSQL each change to a logged table first takes the writers' turn (the advisory lock
every change of xzannot's takes when it begins), so rows are numbered in the order their
transactions commit, even for a program that does not take the lock itself: a reader that
has seen row *n* never misses a row below it committed later.

The triggers also note who changed a span last when an edit moves it (``spans.changed_by``:
the edit's author); on PostgreSQL the annotator named like the connecting role is noted for
every change of a span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, delete, event, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from xzannot.store.models import ChangeLogRow

KEEP = timedelta(days=1)  # how long rows stay
MOST = 100_000  # and at most this many
READ_AT_ONCE = 5_000  # rows read in one go; more than that and a window reads everything again

Row = Callable[[str], str]  # the trigger's row ("NEW" or "OLD") -> an SQL expression


def _column(name: str) -> Row:
    return lambda row: f'{row}."{name}"'


def _name_of(*columns: str) -> Row:
    """The name of the annotator whose id is the first of ``columns`` that is set."""

    def name(row: str) -> str:
        ids = ", ".join(f'{row}."{column}"' for column in columns)
        found = ids if len(columns) == 1 else f"coalesce({ids})"
        return f"(SELECT name FROM annotators WHERE id = {found})"

    return name


def _none(_row: str) -> str:
    return "NULL"


@dataclass(frozen=True, slots=True)
class _Logged:
    """A table whose changes are logged: as what, on which page, by whom."""

    table: str
    what: str
    page: Row
    who: Row
    # on SQLite, UPDATE OF these columns only; on PostgreSQL, updates where this condition holds
    columns: str = ""
    when: str = ""


_LOGGED = (
    _Logged(
        "spans",
        "spans",
        _column("page_id"),
        _name_of("changed_by", "annotator_id"),
        columns="version",
        when="NEW.version IS DISTINCT FROM OLD.version",
    ),
    _Logged("edits", "text", _column("page_id"), _name_of("annotator_id")),
    _Logged("page_texts", "text", _column("page_id"), _none),
    _Logged(
        "pages",
        "page_status",
        _column("id"),
        _none,
        columns="review_status",
        when="NEW.review_status IS DISTINCT FROM OLD.review_status",
    ),
    _Logged("annotator_pages", "page_status", _column("page_id"), _name_of("annotator_id")),
    _Logged("documents", "documents", _none, _none),
    _Logged("labels", "labels", _none, _none),
)
_NOW = {"sqlite": "strftime('%Y-%m-%d %H:%M:%f000', 'now')", "postgresql": "now()"}


def _insert(logged: _Logged, row: str, dialect: str) -> str:
    return (
        "INSERT INTO change_log(page_id, what, annotator, pending, at) VALUES "
        f"({logged.page(row)}, '{logged.what}', {logged.who(row)}, true, {_NOW[dialect]})"
    )


def _once(logged: _Logged, row: str) -> str:
    """On SQLite a transaction logs a page and kind once (the first change's author and time
    stay): a run of suggestions stores thousands of spans, and a row each, folded away at
    commit, cost 1.5 ms a page; the trigger's condition costs less than running its body."""
    return (
        "WHEN NOT EXISTS (SELECT 1 FROM change_log WHERE pending AND "
        f"page_id IS {logged.page(row)} AND what = '{logged.what}') "
    )


def _sqlite_triggers() -> list[str]:
    made = []
    for logged in _LOGGED:
        name, table = f"{logged.table}_logged", logged.table
        of = f" OF {logged.columns}" if logged.columns else ""
        if logged.table != "pages":  # pages come and go with their document
            made += [
                f"CREATE TRIGGER {name}_added AFTER INSERT ON {table} {_once(logged, 'NEW')}"
                f"BEGIN {_insert(logged, 'NEW', 'sqlite')}; END",
                f"CREATE TRIGGER {name}_removed AFTER DELETE ON {table} {_once(logged, 'OLD')}"
                f"BEGIN {_insert(logged, 'OLD', 'sqlite')}; END",
            ]
        made.append(
            f"CREATE TRIGGER {name}_changed AFTER UPDATE{of} ON {table} {_once(logged, 'NEW')}"
            f"BEGIN {_insert(logged, 'NEW', 'sqlite')}; END"
        )
    # a span an edit moved was changed by the edit's author
    made.append(
        'CREATE TRIGGER spans_moved_by AFTER UPDATE OF start, "end", orphaned ON spans '
        "WHEN NEW.version <> OLD.version AND NEW.changed_by IS OLD.changed_by "
        f"BEGIN UPDATE spans SET changed_by = coalesce({_EDITOR}, changed_by) "
        "WHERE id = NEW.id; END"
    )
    return made


_EDITOR = "(SELECT annotator_id FROM edits WHERE page_id = NEW.page_id ORDER BY seq DESC LIMIT 1)"


def _postgres_triggers() -> list[str]:
    from xzannot.store.database import _WRITERS_LOCK as WRITERS_LOCK

    made = [
        "CREATE FUNCTION xzannot_take_turns() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({WRITERS_LOCK}); RETURN NULL; END $$",
        "CREATE FUNCTION xzannot_span_changed_by() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE me integer := (SELECT id FROM annotators WHERE name = current_user); BEGIN "
        "IF NEW.version IS DISTINCT FROM OLD.version THEN "
        "IF me IS NOT NULL THEN NEW.changed_by := me; "
        "ELSIF NEW.changed_by IS NOT DISTINCT FROM OLD.changed_by AND "
        '(NEW.start, NEW."end", NEW.orphaned) IS DISTINCT FROM '
        '(OLD.start, OLD."end", OLD.orphaned) THEN '
        f"NEW.changed_by := coalesce({_EDITOR}, NEW.changed_by); END IF; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER spans_changed_by BEFORE UPDATE ON spans FOR EACH ROW "
        "EXECUTE FUNCTION xzannot_span_changed_by()",
    ]
    for logged in _LOGGED:
        table = logged.table
        made += [
            f"CREATE FUNCTION xzannot_log_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF TG_OP = 'DELETE' THEN {_insert(logged, 'OLD', 'postgresql')}; "
            f"ELSE {_insert(logged, 'NEW', 'postgresql')}; END IF; RETURN NULL; END $$",
            f"CREATE TRIGGER {table}_take_turns BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION xzannot_take_turns()",
        ]
        if logged.table != "pages":
            made.append(
                f"CREATE TRIGGER {table}_logged AFTER INSERT OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION xzannot_log_{table}()"
            )
        when = f" WHEN ({logged.when})" if logged.when else ""
        made.append(
            f"CREATE TRIGGER {table}_logged_changed AFTER UPDATE ON {table} FOR EACH ROW{when} "
            f"EXECUTE FUNCTION xzannot_log_{table}()"
        )
    return made


def create_triggers(connection: Connection) -> None:
    """Make the triggers that write the log (the table is the migration's)."""
    sqlite = connection.dialect.name == "sqlite"
    for statement in _sqlite_triggers() if sqlite else _postgres_triggers():
        connection.exec_driver_sql(statement)


def drop_triggers(connection: Connection) -> None:
    """Undo :func:`create_triggers` (a downgrade)."""
    if connection.dialect.name == "sqlite":
        for logged in _LOGGED:
            for when in ("added", "removed", "changed"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {logged.table}_logged_{when}")
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS spans_moved_by")
        return
    connection.exec_driver_sql("DROP TRIGGER IF EXISTS spans_changed_by ON spans")
    for logged in _LOGGED:
        table = logged.table
        for trigger in ("take_turns", "logged", "logged_changed"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_{trigger} ON {table}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS xzannot_log_{table}()")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS xzannot_span_changed_by()")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS xzannot_take_turns()")


_FOLD = text(
    "DELETE FROM change_log WHERE pending AND id NOT IN "
    "(SELECT max(id) FROM change_log WHERE pending GROUP BY page_id, what)"
)
_SETTLE = text("UPDATE change_log SET pending = false WHERE pending")


def fold(session: Session) -> None:
    """Fold the rows this transaction logged into one per page and kind, before it commits."""
    session.flush()
    if session.scalar(text("SELECT 1 FROM change_log WHERE pending LIMIT 1")) is None:
        return
    session.execute(_FOLD)
    session.execute(_SETTLE)


def follow(writers: sessionmaker[Session]) -> None:
    """Fold the log in every transaction made by ``writers``."""
    event.listen(writers, "before_commit", fold)


@dataclass(frozen=True, slots=True)
class Change:
    """One row of the log: a kind of change (``spans``, ``text``, ``page_status``,
    ``documents``, ``labels``), on a page or on none, by an annotator when known."""

    id: int
    page_id: int | None
    what: str
    annotator: str | None
    at: datetime


def latest(session: Session) -> int:
    """The id of the newest row of the log (0 when it is empty)."""
    return int(session.scalar(select(func.max(ChangeLogRow.id))) or 0)


def changes_since(
    session: Session, last_id: int, *, most: int = READ_AT_ONCE
) -> tuple[int, list[Change]]:
    """The rows after ``last_id`` (at most ``most``), and the id to read on from."""
    rows = session.execute(
        select(
            ChangeLogRow.id,
            ChangeLogRow.page_id,
            ChangeLogRow.what,
            ChangeLogRow.annotator,
            ChangeLogRow.at,
        )
        .where(ChangeLogRow.id > last_id)
        .order_by(ChangeLogRow.id)
        .limit(most)
    ).all()
    changes = [Change(*row) for row in rows]
    return (changes[-1].id if changes else last_id), changes


def clean(session: Session, *, keep: timedelta = KEEP, most: int = MOST) -> int:
    """Forget rows older than ``keep``, and all but the newest ``most``; the newest row always
    stays (so ids are never given again). Returns how many went."""
    newest = latest(session)
    cutoff = datetime.now(UTC) - keep
    if session.get_bind().dialect.name == "sqlite":
        cutoff = cutoff.replace(tzinfo=None)  # stored without a zone, in UTC
    gone = session.execute(
        delete(ChangeLogRow).where(
            ChangeLogRow.id < newest,
            (ChangeLogRow.at < cutoff) | (ChangeLogRow.id <= newest - most),
        )
    )
    return int(gone.rowcount)  # type: ignore[attr-defined]
