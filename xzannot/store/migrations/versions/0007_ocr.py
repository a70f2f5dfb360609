"""OCR: a confidence (and alternatives) per recognised character, the engine that read a page,
the characters a reviewer accepted, and page images that are not the document's own file.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("page_texts") as batch:
        batch.add_column(sa.Column("confidences", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("alternatives", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("engine", sa.String(200), nullable=True))
        batch.add_column(sa.Column("checked", sa.JSON(), nullable=True))
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("skew", sa.Float(), nullable=True))
        batch.add_column(sa.Column("image_path", sa.Text(), nullable=True))
        batch.add_column(sa.Column("image_frame", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("image_frame")
        batch.drop_column("image_path")
        batch.drop_column("skew")
    with op.batch_alter_table("page_texts") as batch:
        batch.drop_column("checked")
        batch.drop_column("engine")
        batch.drop_column("alternatives")
        batch.drop_column("confidences")
