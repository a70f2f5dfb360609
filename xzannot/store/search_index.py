"""The search index: each page's current text, folded (see :mod:`xzannot.core.search`), kept
in ``page_search`` in the same transaction as every edit and import.

Triggers on ``edits`` and ``page_texts`` note the pages whose text changed in
``search_stale``; before the transaction commits, :func:`bring_up_to_date` folds those pages'
current texts into ``page_search``. So no writer has to remember the index, and a
transaction rolled back leaves index and text as they were.

On SQLite an FTS5 table of trigrams follows ``page_search`` by triggers and answers queries
of three characters or more; shorter ones (Chinese words are often two characters) scan the
folded texts with ``instr``, which SQLite does in C. On PostgreSQL ``pg_trgm`` indexes the
folded text when the server has the extension, and shorter queries use ``strpos``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from xzannot.core.search import fold
from xzannot.store.export_reads import CHUNK, chunks, current_texts

TRIGRAM = 3  # the shortest query the trigram indexes answer

_SQLITE = [
    "CREATE VIRTUAL TABLE page_search_fts USING fts5(folded, tokenize='trigram', "
    "content='page_search', content_rowid='page_id')",
    "CREATE TRIGGER page_search_added AFTER INSERT ON page_search BEGIN "
    "INSERT INTO page_search_fts(rowid, folded) VALUES (new.page_id, new.folded); END",
    "CREATE TRIGGER page_search_removed AFTER DELETE ON page_search BEGIN "
    "INSERT INTO page_search_fts(page_search_fts, rowid, folded) "
    "VALUES ('delete', old.page_id, old.folded); END",
    "CREATE TRIGGER page_search_changed AFTER UPDATE ON page_search BEGIN "
    "INSERT INTO page_search_fts(page_search_fts, rowid, folded) "
    "VALUES ('delete', old.page_id, old.folded); "
    "INSERT INTO page_search_fts(rowid, folded) VALUES (new.page_id, new.folded); END",
]
_STALE = "INSERT INTO search_stale(page_id) VALUES ({row}.page_id) ON CONFLICT DO NOTHING"
# a page already noted is not noted again (cheaper to ask than to run the insert: a page's
# correction adds hundreds of edits)
_UNNOTED = "WHEN NOT EXISTS (SELECT 1 FROM search_stale WHERE page_id = {row}.page_id) "
_WATCHED = {"edits": 'start, "end", replacement, page_id', "page_texts": "original, page_id"}


def _sqlite_stale_triggers() -> list[str]:
    made = []
    for table, columns in _WATCHED.items():
        made += [
            f"CREATE TRIGGER {table}_added_search AFTER INSERT ON {table} "
            f"{_UNNOTED.format(row='new')}BEGIN {_STALE.format(row='new')}; END",
            f"CREATE TRIGGER {table}_removed_search AFTER DELETE ON {table} "
            f"{_UNNOTED.format(row='old')}BEGIN {_STALE.format(row='old')}; END",
            f"CREATE TRIGGER {table}_changed_search AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {_STALE.format(row='new')}; {_STALE.format(row='old')}; END",
        ]
    return made


_POSTGRES = [
    "CREATE FUNCTION xzannot_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP <> 'DELETE' THEN "
    "INSERT INTO search_stale(page_id) VALUES (NEW.page_id) ON CONFLICT DO NOTHING; END IF; "
    "IF TG_OP <> 'INSERT' THEN "
    "INSERT INTO search_stale(page_id) VALUES (OLD.page_id) ON CONFLICT DO NOTHING; END IF; "
    "RETURN NULL; END $$",
    *(
        f"CREATE TRIGGER {table}_search AFTER INSERT OR DELETE OR UPDATE OF {columns} "
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION xzannot_search_stale()"
        for table, columns in _WATCHED.items()
    ),
]


def create_index(connection: Connection) -> None:
    """Make the triggers and full-text index (the tables are the migration's), then fold
    every page's current text into it."""
    if connection.dialect.name == "sqlite":
        for statement in [*_SQLITE, *_sqlite_stale_triggers()]:
            connection.exec_driver_sql(statement)
    else:
        for statement in _POSTGRES:
            connection.exec_driver_sql(statement)
        _postgres_trigrams(connection)
    with Session(bind=connection) as session:
        ids = list(session.scalars(text("SELECT id FROM pages ORDER BY id")))
        refresh(session, ids)


def _postgres_trigrams(connection: Connection) -> None:
    """A trigram index where the server has ``pg_trgm`` and lets the project use it;
    without it, searches scan the folded texts."""
    available = connection.scalar(
        text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    )
    if not available:
        return
    with connection.begin_nested() as savepoint:
        try:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            connection.exec_driver_sql(
                "CREATE INDEX ix_page_search_trigrams ON page_search "
                "USING gin (folded gin_trgm_ops)"
            )
        except DBAPIError:  # no right to add extensions: searches scan instead
            savepoint.rollback()


def drop_index(connection: Connection) -> None:
    """Undo :func:`create_index` (a downgrade)."""
    if connection.dialect.name == "sqlite":
        for table in _WATCHED:
            for when in ("added", "removed", "changed"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_{when}_search")
        for when in ("added", "removed", "changed"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS page_search_{when}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS page_search_fts")
    else:
        for table in _WATCHED:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS xzannot_search_stale()")
        connection.exec_driver_sql("DROP INDEX IF EXISTS ix_page_search_trigrams")


def refresh(session: Session, page_ids: Sequence[int]) -> None:
    """Fold the pages' current texts into the index (pages gone leave it)."""
    for chunk in chunks(sorted(set(page_ids))):
        there = set(session.scalars(_PAGES_THERE, {"ids": list(chunk)}))
        _store(session, current_texts(session, [page_id for page_id in chunk if page_id in there]))
        gone = [page_id for page_id in chunk if page_id not in there]
        if gone:
            session.execute(_FORGET, {"ids": gone})


def _store(session: Session, texts: dict[int, str]) -> None:
    """Fold the pages' current texts into the index."""
    if texts:
        session.execute(
            _UPSERT, [{"page_id": page_id, "folded": fold(body)} for page_id, body in texts.items()]
        )


_UPSERT = text(
    "INSERT INTO page_search(page_id, folded) VALUES (:page_id, :folded) "
    "ON CONFLICT (page_id) DO UPDATE SET folded = excluded.folded"
)
_NOTED = text("DELETE FROM search_stale WHERE page_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_PAGES_THERE = text("SELECT id FROM pages WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_FORGET = text("DELETE FROM page_search WHERE page_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


_KNOWN = "search_known_texts"  # session.info: page id -> its current text, told by a writer


def known_text(session: Session, page_id: int, current: str) -> None:
    """Tell the index a page's current text as the writer has it in hand (just corrected),
    so it is folded as it is, not worked out again from the edits; the next edit of the page
    in this transaction forgets it (:func:`forget_text`). A chunk of them at a time is
    folded in at once (a transaction correcting a whole shelf holds no more in memory)."""
    known = session.info.setdefault(_KNOWN, {})
    known[page_id] = current
    if len(known) >= CHUNK:
        _fold_known(session)


def _fold_known(session: Session) -> set[int]:
    """Fold in the texts writers told, and take their pages off the stale list (a later edit
    of one in this transaction puts it back); returns those pages."""
    known: dict[int, str] = session.info.pop(_KNOWN, {})
    if known:
        _store(session, known)
        session.execute(_NOTED, {"ids": list(known)})
    return set(known)


def forget_text(session: Session, page_id: int) -> None:
    """The page's text is changing: what :func:`known_text` was told no longer holds."""
    session.info.get(_KNOWN, {}).pop(page_id, None)


def bring_up_to_date(session: Session) -> None:
    """Fold the texts changed in this transaction into the index, before it commits."""
    session.flush()
    _fold_known(session)
    stale = list(session.scalars(text("SELECT page_id FROM search_stale")))
    if stale:
        refresh(session, stale)
        session.execute(text("DELETE FROM search_stale"))


def follow_edits(writers: sessionmaker[Session]) -> None:
    """Keep the index in every transaction made by ``writers``."""
    event.listen(writers, "before_commit", bring_up_to_date)


def folded_texts(session: Session, page_ids: Sequence[int]) -> dict[int, str]:
    """The pages' texts as the index holds them (at most a chunk of pages)."""
    found: dict[int, str] = dict(session.execute(_FOLDED, {"ids": list(page_ids)}).all())
    return {page_id: found.get(page_id, "") for page_id in page_ids}


def original_texts(session: Session, page_ids: Sequence[int]) -> dict[int, str]:
    """The pages' texts as extracted, before any correction (at most a chunk of pages)."""
    found: dict[int, str | None] = dict(session.execute(_ORIGINALS, {"ids": list(page_ids)}).all())
    return {page_id: found.get(page_id) or "" for page_id in page_ids}


_FOLDED = text("SELECT page_id, folded FROM page_search WHERE page_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_ORIGINALS = text("SELECT page_id, original FROM page_texts WHERE page_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


@dataclass(frozen=True, slots=True)
class Scope:
    """Which pages a search looks at: documents (none: all), page numbers within each
    document, and pages holding a live span of one of ``labels`` (none: any page)."""

    documents: tuple[int, ...] = ()
    first_page: int | None = None
    last_page: int | None = None
    labels: tuple[str, ...] = ()


def matching_pages(
    session: Session, needle: str, scope: Scope, *, count: bool = False
) -> list[tuple[int, int]]:
    """The pages in ``scope`` whose folded text holds ``needle`` (in document and page
    order), each with how many times when ``count`` (else 0: counting reads every matching
    page's text, where the trigram index alone answers which pages match); with no needle
    every page in scope."""
    where, params = _scope(scope)
    counted = "0"
    if needle:
        params["needle"] = needle
        if count:
            counted = (
                "(length(s.folded) - length(replace(s.folded, :needle, ''))) / length(:needle)"
            )
        where.append(_holds(session, needle, params))
    query = (
        f"SELECT s.page_id, {counted} FROM page_search s JOIN pages p ON p.id = s.page_id "
        f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY p.document_id, p.number"
    )
    statement = text(query)
    if scope.documents:
        statement = statement.bindparams(bindparam("documents", expanding=True))
    return [(page_id, int(hits)) for page_id, hits in session.execute(statement, params)]


def _scope(scope: Scope) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if scope.documents:
        where.append("p.document_id IN :documents")
        params["documents"] = list(scope.documents)
    if scope.first_page is not None:
        where.append("p.number >= :first_page")
        params["first_page"] = scope.first_page
    if scope.last_page is not None:
        where.append("p.number <= :last_page")
        params["last_page"] = scope.last_page
    if scope.labels:
        keys = ", ".join(f":label{number}" for number in range(len(scope.labels)))
        where.append(
            "s.page_id IN (SELECT sp.page_id FROM spans sp JOIN labels l ON l.id = sp.label_id "
            f"WHERE l.key IN ({keys}) AND sp.deleted = false AND sp.orphaned = false)"
        )
        params.update({f"label{number}": key for number, key in enumerate(scope.labels)})
    return where, params


def _holds(session: Session, needle: str, params: dict[str, Any]) -> str:
    """The condition that a page's folded text holds ``needle``: through the trigram index
    where there is one and the needle is long enough, else a scan done by the database."""
    dialect = session.get_bind().dialect.name
    if len(needle) >= TRIGRAM and dialect == "sqlite":
        params["phrase"] = '"' + needle.replace('"', '""') + '"'
        return _TRIGRAMS
    if len(needle) >= TRIGRAM:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["pattern"] = f"%{escaped}%"
        return "s.folded LIKE :pattern"
    return f"{'instr' if dialect == 'sqlite' else 'strpos'}(s.folded, :needle) > 0"


_TRIGRAMS = "s.page_id IN (SELECT rowid FROM page_search_fts WHERE page_search_fts MATCH :phrase)"
