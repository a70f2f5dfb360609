"""Collation with reference witnesses: rejected differences, and each page's agreement.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 12:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collation_rejections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.Column("page_reading", sa.Text(), nullable=False),
        sa.Column("reference_reading", sa.Text(), nullable=False),
        sa.Column("reference_start", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_collation_rejections_annotator_id_annotators"),
        ),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_collation_rejections_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference_texts.id"],
            name=op.f("fk_collation_rejections_reference_id_reference_texts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collation_rejections")),
    )
    op.create_index(
        op.f("ix_collation_rejections_page_id"), "collation_rejections", ["page_id"], unique=False
    )
    op.create_table(
        "page_collations",
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=True),
        sa.Column("open_differences", sa.Integer(), nullable=False),
        sa.Column("cer", sa.Float(), nullable=True),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("collated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_page_collations_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference_texts.id"],
            name=op.f("fk_page_collations_reference_id_reference_texts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("page_id", name=op.f("pk_page_collations")),
    )


def downgrade() -> None:
    op.drop_table("page_collations")
    op.drop_index(op.f("ix_collation_rejections_page_id"), table_name="collation_rejections")
    op.drop_table("collation_rejections")
