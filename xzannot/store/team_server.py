"""A project on a PostgreSQL server shared by a team: each annotator connects as a database
role of their own, and the role is who they are.

The annotator named like the connecting role (``current_user``) is the one who works: the
window records spans under that name, and the server itself holds each role to its own
layer. Row-level security on ``spans`` lets a role insert spans only in its own annotation
layer, rule suggestions (the rules' annotator, status suggested) and, for a curator
(``annotators.curator``), anywhere; it may delete only its own spans unless it is a curator.
Every role may update any span, since an edit moves everyone's spans on its page (start, end,
quote, orphaned, version and time change), but a trigger refuses a change of a span's label,
status, attributes, note, deletion, annotator or layer unless the span is the role's own or
the role is a curator. A role may add annotators, never curators; only the project's owner
makes someone a curator.

The project's owner (who made it and runs its migrations) and superusers are not held: they
are the project's administrators. Annotators get their rights through the group role
``xzannot_annotators``; an administrator adds one with::

    CREATE ROLE wang LOGIN PASSWORD '…' IN ROLE xzannot_annotators;

and makes a curator with ``UPDATE annotators SET curator = true WHERE name = 'zhao'`` (the
annotator's row is made the first time the role connects and works, or by hand).
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

GROUP = "xzannot_annotators"  # the role every annotator's role is a member of
RULES = "xzannot rules"  # the annotator the pre-annotation rules write as (operations.suggesting)
ACTING = "xzannot_acting"  # session.info: the annotator a change is made by, when known
IDENTITY = "xzannot_identity"  # session.info: the role's annotator on a team server
REFUSED = "42501"  # PostgreSQL's insufficient_privilege, raised by the policies and the trigger

_FUNCTIONS = [
    # the annotator named like the role, and whether they are a curator
    "CREATE FUNCTION xzannot_my_annotator() RETURNS integer LANGUAGE sql STABLE AS "
    "$$ SELECT id FROM annotators WHERE name = current_user $$",
    "CREATE FUNCTION xzannot_is_curator() RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT coalesce((SELECT curator FROM annotators WHERE name = current_user), false) $$",
    # the project's owner and superusers are not held to the rules below
    "CREATE FUNCTION xzannot_unguarded() RETURNS boolean LANGUAGE sql STABLE AS "
    "$$ SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'MEMBER') "
    "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'spans'::regclass $$",
]
_POLICIES = [
    "ALTER TABLE spans ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY spans_read ON spans FOR SELECT USING (true)",
    "CREATE POLICY spans_insert ON spans FOR INSERT WITH CHECK ("
    "(layer = 'annotation' AND annotator_id = xzannot_my_annotator()) OR xzannot_is_curator() "
    f"OR (status = 'suggested' AND annotator_id = "
    f"(SELECT id FROM annotators WHERE name = '{RULES}')))",
    "CREATE POLICY spans_update ON spans FOR UPDATE USING (true) WITH CHECK (true)",
    "CREATE POLICY spans_delete ON spans FOR DELETE USING ("
    "(layer = 'annotation' AND annotator_id = xzannot_my_annotator()) OR xzannot_is_curator())",
    "ALTER TABLE annotators ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY annotators_read ON annotators FOR SELECT USING (true)",
    "CREATE POLICY annotators_insert ON annotators FOR INSERT WITH CHECK (NOT curator)",
]
_GUARDED = ("label_id", "status", "attributes", "note", "deleted", "annotator_id", "layer")


def _fields(row: str) -> str:
    """The guarded fields of a trigger's row (attributes as text: JSON has no equality)."""
    return ", ".join(
        f"{row}.{field}::text" if field == "attributes" else f"{row}.{field}" for field in _GUARDED
    )


_GUARD = [
    "CREATE FUNCTION xzannot_guard_span() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE me integer; BEGIN "
    f"IF ({_fields('NEW')}) IS NOT DISTINCT FROM ({_fields('OLD')}) "
    "THEN RETURN NEW; END IF; "
    "me := xzannot_my_annotator(); "
    "IF OLD.layer = 'annotation' AND NEW.layer = 'annotation' AND OLD.annotator_id = me "
    "AND NEW.annotator_id = me THEN RETURN NEW; END IF; "
    # a rule suggestion taken over: it becomes the role's own (accepted, relabelled, ...)
    "IF OLD.layer = 'annotation' AND NEW.layer = 'annotation' AND OLD.status = 'suggested' "
    f"AND OLD.annotator_id = (SELECT id FROM annotators WHERE name = '{RULES}') "
    "AND NEW.annotator_id = me THEN RETURN NEW; END IF; "
    "IF xzannot_is_curator() OR xzannot_unguarded() THEN RETURN NEW; END IF; "
    "RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format("
    "'span %s is %s''s: only they or a curator may change its label, status, attributes, "
    "note or deletion (connected as %s)', OLD.id, coalesce((SELECT name FROM annotators "
    "WHERE id = OLD.annotator_id), 'no one'), current_user); END $$",
    "CREATE TRIGGER spans_guarded BEFORE UPDATE ON spans FOR EACH ROW "
    "EXECUTE FUNCTION xzannot_guard_span()",
]


def install(connection: Connection) -> None:
    """Hold roles to their own layers (PostgreSQL; nothing on SQLite), and give the
    annotators' group role what annotators need, when the group can be made."""
    if connection.dialect.name != "postgresql":
        return
    for statement in [*_FUNCTIONS, *_POLICIES, *_GUARD]:
        connection.exec_driver_sql(statement)
    if _group_role(connection):
        grant(connection)


def _group_role(connection: Connection) -> bool:
    """Whether the annotators' group role is there, made now if need be and allowed."""
    there = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": GROUP})
    if there:
        return True
    with connection.begin_nested() as savepoint:
        try:
            connection.exec_driver_sql(f"CREATE ROLE {GROUP} NOLOGIN")
        except DBAPIError:  # made meanwhile for another project, or no right to make roles
            savepoint.rollback()
            return bool(
                connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": GROUP})
            )
    return True


def grant(connection: Connection) -> None:
    """Give the annotators' group what working on the project needs: reading everything,
    changing the project's tables (row-level security and triggers hold spans), adding
    annotators (never curators), never the schema's version. Tables made later by the same
    owner are granted likewise."""
    schema = connection.scalar(text("SELECT current_schema()"))
    for statement in (
        f'GRANT USAGE ON SCHEMA "{schema}" TO {GROUP}',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO {GROUP}',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {GROUP}',
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version, annotators FROM {GROUP}",
        f"GRANT INSERT (name, curator, created_at) ON annotators TO {GROUP}",
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" '
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {GROUP}",
        f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" '
        f"GRANT USAGE, SELECT ON SEQUENCES TO {GROUP}",
    ):
        connection.exec_driver_sql(statement)


def uninstall(connection: Connection) -> None:
    """Undo :func:`install` (a downgrade); the group role stays (other projects may use it)."""
    if connection.dialect.name != "postgresql":
        return
    connection.exec_driver_sql("DROP TRIGGER IF EXISTS spans_guarded ON spans")
    connection.exec_driver_sql("DROP FUNCTION IF EXISTS xzannot_guard_span()")
    for table, policies in (
        ("spans", ("read", "insert", "update", "delete")),
        ("annotators", ("read", "insert")),
    ):
        for policy in policies:
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS {table}_{policy} ON {table}")
        connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for function in ("xzannot_unguarded", "xzannot_is_curator", "xzannot_my_annotator"):
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")


def role_identity(session: Session) -> str | None:
    """The connecting role's name when it is held to its own layer: an annotator's role on
    a team server. None on SQLite, and for the project's owner or a superuser."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(text("SELECT current_user, xzannot_unguarded()")).one_or_none()
    if row is None or row[1]:
        return None
    return str(row[0])


def is_curator(session: Session, name: str) -> bool:
    """Whether the annotator called ``name`` is a curator (no one of that name is not)."""
    found = session.scalar(
        text("SELECT curator FROM annotators WHERE name = :n"), {"n": name.strip()}
    )
    return bool(found)


def refusal(exc: DBAPIError) -> str | None:
    """The server's words when it refused a change for want of rights (else None)."""
    if getattr(exc.orig, "sqlstate", None) != REFUSED:
        return None
    return str(exc.orig).splitlines()[0]
