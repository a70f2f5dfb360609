"""At most one live span of a label on the same characters of a page.

Two programs suggesting or importing at once could store a span twice. Duplicates already
there are kept for the record but marked deleted (the oldest stays), then a partial unique
index makes another impossible: a span counts while it is neither deleted nor orphaned.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 00:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted = false AND orphaned = false")


def upgrade() -> None:
    op.execute(
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
    op.create_index(
        "uq_spans_live",
        "spans",
        ["page_id", "start", "end", "label_id"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )


def downgrade() -> None:
    op.drop_index("uq_spans_live", table_name="spans")
