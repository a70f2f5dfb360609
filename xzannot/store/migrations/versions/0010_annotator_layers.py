"""Team review: each annotator's spans are a layer of their own (two annotators may mark the
same characters with the same label), a curated layer, curators, assignments of pages to
annotators and each annotator's progress on their pages.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 16:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted = false AND orphaned = false")


def upgrade() -> None:
    # added in place (SQLite too: no table is copied, so no foreign key is in the way)
    op.add_column(
        "annotators",
        sa.Column("curator", sa.Boolean(), nullable=False, server_default=sa.text("false")),
    )
    op.drop_index("uq_spans_live", table_name="spans")
    op.add_column(
        "spans",
        sa.Column("layer", sa.String(length=16), nullable=False, server_default="annotation"),
    )
    op.create_index(
        "uq_spans_live",
        "spans",
        ["page_id", "start", "end", "label_id", "layer", "annotator_id"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("first_page", sa.Integer(), nullable=True),
        sa.Column("last_page", sa.Integer(), nullable=True),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"], ["annotators.id"], name=op.f("fk_assignments_annotator_id_annotators")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_assignments_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index(op.f("ix_assignments_annotator_id"), "assignments", ["annotator_id"])
    op.create_index(op.f("ix_assignments_document_id"), "assignments", ["document_id"])
    op.create_table(
        "annotator_pages",
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_annotator_pages_annotator_id_annotators"),
        ),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_annotator_pages_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("page_id", "annotator_id", name=op.f("pk_annotator_pages")),
    )


def downgrade() -> None:
    op.drop_table("annotator_pages")
    op.drop_index(op.f("ix_assignments_document_id"), table_name="assignments")
    op.drop_index(op.f("ix_assignments_annotator_id"), table_name="assignments")
    op.drop_table("assignments")
    op.drop_index("uq_spans_live", table_name="spans")
    op.execute(  # one layer again: of spans stacked on the same place, the oldest stays
        """
        UPDATE spans SET deleted = true
        WHERE deleted = false AND orphaned = false AND EXISTS (
            SELECT 1 FROM spans AS older
            WHERE older.page_id = spans.page_id AND older.start = spans.start
              AND older."end" = spans."end" AND older.label_id = spans.label_id
              AND older.deleted = false AND older.orphaned = false AND older.id < spans.id
        )
        """
    )
    _drop_column("spans", "layer")
    op.create_index(
        "uq_spans_live",
        "spans",
        ["page_id", "start", "end", "label_id"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    _drop_column("annotators", "curator")


def _drop_column(table: str, column: str) -> None:
    """Dropped in place (SQLite 3.35 and later can): copying the table would meet the
    foreign keys that refer to it."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
    else:
        op.drop_column(table, column)
