"""Alembic environment: migrations run on the connection xzannot hands over."""

from __future__ import annotations

from alembic import context

from xzannot.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("xzannot migrations run through xzannot.store.database.open_project")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
