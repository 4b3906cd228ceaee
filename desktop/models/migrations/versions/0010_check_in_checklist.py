"""The check-in checklist: what belongs with a device of each offered kind, and at a return
which of it came back and the device's grade.

Existing kinds start with an empty checklist and existing returns with neither a grade nor a
checklist (they were recorded as working or damaged only). The empty lists are server
defaults so that rows written by plain inserts (the reference server's seeding) get them too.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offered_kinds") as batch:
        batch.add_column(sa.Column("check_in_checklist", sa.JSON(), nullable=False,
                                   server_default="[]"))
    with op.batch_alter_table("handovers") as batch:
        batch.add_column(sa.Column("return_grade", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("return_checklist", sa.JSON(), nullable=False,
                                   server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("return_checklist")
        batch.drop_column("return_grade")
    with op.batch_alter_table("offered_kinds") as batch:
        batch.drop_column("check_in_checklist")
