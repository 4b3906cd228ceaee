"""Stock reasons: each school's ready-made refusal and deferral reasons.

A store before it has none; every school is offered the built-in Latvian defaults until it
saves its own list (``desktop.models.stock_reasons``).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_reasons")),
    )
    op.create_index("ix_stock_reasons_institution_id_kind_position", "stock_reasons",
                    ["institution_id", "kind", "position"])


def downgrade() -> None:
    op.drop_index("ix_stock_reasons_institution_id_kind_position", table_name="stock_reasons")
    op.drop_table("stock_reasons")
