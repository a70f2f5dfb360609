"""Text layers flagged as not what the page shows, the ruled lines a page draws (tables), and
the evidence a correction acted on.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 19:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("suspect", sa.Text(), nullable=True))
    with op.batch_alter_table("edits") as batch:
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))
    with op.batch_alter_table("page_texts") as batch:
        batch.add_column(sa.Column("rules", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("page_texts") as batch:
        batch.drop_column("rules")
    with op.batch_alter_table("edits") as batch:
        batch.drop_column("evidence")
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("suspect")
