"""Inbox search and filters: a diacritic-folded search key and indexes for the filters.

SQLite's LIKE folds only ASCII letters, so "berzins" would not find "Bērziņš"; the folded key
is filled here for rows written before this revision and kept current by the store afterwards.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fold(text: str) -> str:
    # A frozen copy of schema.fold: migrations must not change when the app's code does.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def upgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index(
            "ix_applications_institution_class", ["institution_id", "learner_class"]
        )
        batch_op.create_index("ix_applications_institution_kind", ["institution_id", "kind_code"])
        batch_op.create_index(
            "ix_applications_institution_submitted", ["institution_id", "submitted_at"]
        )
        batch_op.create_index("ix_applications_status_changed", ["status", "status_changed_at"])

    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, number, learner_name, submitter_name, learner_class FROM applications")
    ).all()
    if rows:
        conn.execute(
            sa.text("UPDATE applications SET search_key = :key WHERE id = :id"),
            [
                {"id": r.id, "key": _fold(" ".join(p for p in r[1:] if p))}
                for r in rows
            ],
        )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.alter_column("search_key", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_status_changed")
        batch_op.drop_index("ix_applications_institution_submitted")
        batch_op.drop_index("ix_applications_institution_kind")
        batch_op.drop_index("ix_applications_institution_class")
        batch_op.drop_column("search_key")
