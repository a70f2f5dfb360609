"""The search index: each page's folded current text, kept by triggers in every transaction,
with trigram indexes (FTS5 on SQLite, pg_trgm on PostgreSQL); and saved searches.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 16:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from xzannot.store.search_index import create_index, drop_index

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_search",
        sa.Column("page_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["pages.id"],
            name=op.f("fk_page_search_page_id_pages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("page_id", name=op.f("pk_page_search")),
    )
    op.create_table(
        "search_stale",
        sa.Column("page_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("page_id", name=op.f("pk_search_stale")),
    )
    op.create_table(
        "saved_searches",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotators.id"],
            name=op.f("fk_saved_searches_annotator_id_annotators"),
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_saved_searches")),
    )
    create_index(op.get_bind())


def downgrade() -> None:
    drop_index(op.get_bind())
    op.drop_table("saved_searches")
    op.drop_table("search_stale")
    op.drop_table("page_search")
