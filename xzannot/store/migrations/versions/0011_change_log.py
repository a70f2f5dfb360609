"""Working together: a change log written by triggers (every window on a project follows it),
who changed each span last, and on PostgreSQL each annotator's role held to its own layer
(row-level security, see xzannot.store.team_server).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from xzannot.store.change_log import create_triggers, drop_triggers
from xzannot.store.team_server import install, uninstall

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

PENDING = sa.text("pending")


def upgrade() -> None:
    # added in place (an annotator's id, not a reference: SQLite can drop it again)
    op.add_column("spans", sa.Column("changed_by", sa.Integer(), nullable=True))
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(length=16), nullable=False),
        sa.Column("annotator", sa.String(length=200), nullable=True),
        sa.Column("pending", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_change_log_pending",
        "change_log",
        ["page_id", "what"],
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )
    bind = op.get_bind()
    create_triggers(bind)
    install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    uninstall(bind)
    drop_triggers(bind)
    op.drop_index("ix_change_log_pending", table_name="change_log")
    op.drop_table("change_log")
    if bind.dialect.name == "sqlite":  # in place: copying spans would meet its references
        op.execute('ALTER TABLE spans DROP COLUMN "changed_by"')
    else:
        op.drop_column("spans", "changed_by")
