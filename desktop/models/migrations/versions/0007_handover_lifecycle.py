"""The whole handover lifecycle: the pickup arrangement, the act on every workstation, signed
on paper, attachments, another kind than requested, notifications, the school's default
return deadline.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _handover_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("pickup_place", sa.String(length=200), nullable=True),
        sa.Column("pickup_from", sa.DateTime(), nullable=True),
        sa.Column("pickup_to", sa.DateTime(), nullable=True),
        sa.Column("contact_person", sa.String(length=200), nullable=True),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("kind_differs", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("issued_on_paper", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("act_document_id", sa.String(length=36), nullable=True),
        sa.Column("act_sha256", sa.String(length=64), nullable=True),
        sa.Column("incident_occurred_on", sa.Date(), nullable=True),
        sa.Column("attachments", sa.JSON(), nullable=False, server_default="[]"),
    ]


def upgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        for column in _handover_columns():
            batch.add_column(column)
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("notifications", sa.JSON(), nullable=False,
                                   server_default="[]"))
    with op.batch_alter_table("institutions") as batch:
        batch.add_column(sa.Column("default_return_deadline", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("institutions") as batch:
        batch.drop_column("default_return_deadline")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("notifications")
    with op.batch_alter_table("handovers") as batch:
        for column in reversed(_handover_columns()):
            batch.drop_column(column.name)
