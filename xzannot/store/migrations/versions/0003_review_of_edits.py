"""Review of edits: open, accepted or reverted, and which edit a revert undoes.

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


def downgrade() -> None:
    with op.batch_alter_table("edits", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_edits_reverts_edits"), type_="foreignkey")
        batch_op.drop_column("reverts")
        batch_op.drop_column("review")
