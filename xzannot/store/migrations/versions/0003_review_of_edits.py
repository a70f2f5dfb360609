"""Review of edits (open, accepted, reverted; what a revert undoes) and span changes to undo.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:17:33.148580
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("edits", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review", sa.String(length=16), server_default="open", nullable=False)
        )
        batch_op.add_column(sa.Column("reverts", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_edits_reverts_edits"), "edits", ["reverts"], ["id"]
        )

    op.create_table(
        "span_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("span_id", sa.Integer(), nullable=False),
        sa.Column("edit_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edit_id"],
            ["edits.id"],
            name=op.f("fk_span_changes_edit_id_edits"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["span_id"],
            ["spans.id"],
            name=op.f("fk_span_changes_span_id_spans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_span_changes")),
    )
    op.create_index(op.f("ix_span_changes_edit_id"), "span_changes", ["edit_id"], unique=False)
    op.create_index(op.f("ix_span_changes_span_id"), "span_changes", ["span_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_span_changes_span_id"), table_name="span_changes")
    op.drop_index(op.f("ix_span_changes_edit_id"), table_name="span_changes")
    op.drop_table("span_changes")

    with op.batch_alter_table("edits", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_edits_reverts_edits"), type_="foreignkey")
        batch_op.drop_column("reverts")
        batch_op.drop_column("review")
