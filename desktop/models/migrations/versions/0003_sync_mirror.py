"""Sync mirror: held-back pulled changes, an index for each aggregate's oldest command, and
no foreign keys between aggregates.

The changes feed delivers each aggregate's newest version in commit order, so a handover may
name an item, or an application a resource kind, a page before that arrives; such references
become plain columns. Foreign keys within an aggregate stay.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_deferred",
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_sync_deferred")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_aggregate", ["aggregate_type", "aggregate_id", "id"])
    for table, constraints in _CROSS_AGGREGATE.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in constraints:
                batch_op.drop_constraint(name, type_="foreignkey")


_CROSS_AGGREGATE = {
    "applications": ["fk_applications_institution_id_institutions",
                     "fk_applications_kind_code_resource_kinds"],
    "items": ["fk_items_institution_id_institutions", "fk_items_kind_code_resource_kinds"],
    "offered_kinds": ["fk_offered_kinds_institution_id_institutions",
                      "fk_offered_kinds_kind_code_resource_kinds"],
    "handovers": ["fk_handovers_item_id_items"],
    "documents": ["fk_documents_institution_id_institutions"],
}
_TARGETS = {
    "fk_applications_institution_id_institutions": ("institution_id", "institutions", "id"),
    "fk_applications_kind_code_resource_kinds": ("kind_code", "resource_kinds", "code"),
    "fk_items_institution_id_institutions": ("institution_id", "institutions", "id"),
    "fk_items_kind_code_resource_kinds": ("kind_code", "resource_kinds", "code"),
    "fk_offered_kinds_institution_id_institutions": ("institution_id", "institutions", "id"),
    "fk_offered_kinds_kind_code_resource_kinds": ("kind_code", "resource_kinds", "code"),
    "fk_handovers_item_id_items": ("item_id", "items", "id"),
    "fk_documents_institution_id_institutions": ("institution_id", "institutions", "id"),
}


def downgrade() -> None:
    for table, constraints in _CROSS_AGGREGATE.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in constraints:
                column, target, key = _TARGETS[name]
                batch_op.create_foreign_key(name, target, [column], [key])
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_aggregate")
    op.drop_table("sync_deferred")
