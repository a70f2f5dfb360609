"""Edit origins (so boxes and spans follow reordering), page furniture, correction time.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:11:55.955645
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("edits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origins", sa.LargeBinary(), nullable=True))

    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("furniture", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("corrected_at")
        batch_op.drop_column("furniture")

    with op.batch_alter_table("edits", schema=None) as batch_op:
        batch_op.drop_column("origins")
