"""The receipt token: the secret a handover's QR code carries to the e-service.

Handovers prepared before it have none; the e-service cannot confirm those by QR code (the
desk prepares them again or signs the paper act).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.add_column(sa.Column("receipt_token", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("receipt_token")
