"""Alembic environment: always run by ``desktop.models.store`` on an open connection."""

from __future__ import annotations

from alembic import context

from desktop.models.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via `alembic` on the command line
    raise RuntimeError("run migrations through desktop.models.store.open_store()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
