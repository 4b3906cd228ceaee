"""The deletion log: what retention removed, as counts and dates only (no personal data).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
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
        "deletion_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("run_on", sa.Date(), nullable=False),
        sa.Column("trigger", sa.String(length=20), nullable=False),
        sa.Column("applications", sa.Integer(), nullable=False),
        sa.Column("handovers", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("history_rows", sa.Integer(), nullable=False),
        sa.Column("audit_rows", sa.Integer(), nullable=False),
        sa.Column("outbox_rows", sa.Integer(), nullable=False),
        sa.Column("held_back", sa.Integer(), nullable=False),
        sa.Column("oldest_start", sa.Date(), nullable=True),
        sa.Column("newest_start", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deletion_log")),
    )
    with op.batch_alter_table("deletion_log", schema=None) as batch_op:
        batch_op.create_index("ix_deletion_log_at", ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deletion_log", schema=None) as batch_op:
        batch_op.drop_index("ix_deletion_log_at")
    op.drop_table("deletion_log")
