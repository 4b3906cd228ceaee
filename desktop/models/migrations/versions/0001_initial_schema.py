"""Initial schema: the local store as first released.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 12:09:41.914853
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)

    op.create_table('institutions',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions'))
    )
    op.create_table('resource_kinds',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('type_code', sa.String(length=60), nullable=False),
    sa.Column('label_lv', sa.String(length=120), nullable=False),
    sa.Column('label_en', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_resource_kinds'))
    )
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_users_username'))
    )
    op.create_table('applications',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('kind_code', sa.String(length=60), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('submitter_role', sa.String(length=40), nullable=False),
    sa.Column('submitter_name', sa.String(length=200), nullable=False),
    sa.Column('submitter_personal_code', sa.String(length=12), nullable=False),
    sa.Column('learner_name', sa.String(length=200), nullable=False),
    sa.Column('learner_personal_code', sa.String(length=12), nullable=False),
    sa.Column('learner_class', sa.String(length=10), nullable=True),
    sa.Column('guardian_check', sa.String(length=40), nullable=False),
    sa.Column('guardian_checked_at', sa.DateTime(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('revisit_on', sa.Date(), nullable=True),
    sa.Column('withdrawal_reason', sa.String(length=40), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_applications_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['kind_code'], ['resource_kinds.code'], name=op.f('fk_applications_kind_code_resource_kinds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('number', name=op.f('uq_applications_number'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index('ix_applications_institution_status_submitted', ['institution_id', 'status', 'submitted_at'], unique=False)

    op.create_table('items',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('kind_code', sa.String(length=60), nullable=False),
    sa.Column('inventory_no', sa.String(length=60), nullable=False),
    sa.Column('serial_no', sa.String(length=80), nullable=True),
    sa.Column('manufacturer', sa.String(length=80), nullable=True),
    sa.Column('model', sa.String(length=120), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('acquisition_value', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('socially_supported', sa.Boolean(), nullable=False),
    sa.Column('location', sa.String(length=120), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_items_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['kind_code'], ['resource_kinds.code'], name=op.f('fk_items_kind_code_resource_kinds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_items')),
    sa.UniqueConstraint('institution_id', 'inventory_no', name=op.f('uq_items_institution_id_inventory_no'))
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index('ix_items_institution_kind_status', ['institution_id', 'kind_code', 'status'], unique=False)

    op.create_table('offered_kinds',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('kind_code', sa.String(length=60), nullable=False),
    sa.Column('target_group', sa.String(length=40), nullable=False),
    sa.Column('accepting_applications', sa.Boolean(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_offered_kinds_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['kind_code'], ['resource_kinds.code'], name=op.f('fk_offered_kinds_kind_code_resource_kinds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offered_kinds')),
    sa.UniqueConstraint('institution_id', 'kind_code', name=op.f('uq_offered_kinds_institution_id_kind_code'))
    )
    op.create_table('staff_memberships',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_staff_memberships_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['staff_users.id'], name=op.f('fk_staff_memberships_user_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'institution_id', name=op.f('pk_staff_memberships'))
    )
    op.create_table('sync_state',
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('cursor', sa.String(length=200), nullable=True),
    sa.Column('last_pull_at', sa.DateTime(), nullable=True),
    sa.Column('last_push_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_sync_state_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('institution_id', name=op.f('pk_sync_state'))
    )
    op.create_table('application_social_statuses',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('viis_code', sa.String(length=1), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_social_statuses_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('application_id', 'status', name=op.f('pk_application_social_statuses'))
    )
    op.create_table('handovers',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=True),
    sa.Column('act_number', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('prepared_at', sa.DateTime(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=True),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('return_deadline', sa.Date(), nullable=True),
    sa.Column('return_condition', sa.String(length=40), nullable=True),
    sa.Column('return_notes', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=40), nullable=True),
    sa.Column('incident_description', sa.Text(), nullable=True),
    sa.Column('incident_reported_at', sa.DateTime(), nullable=True),
    sa.Column('incident_acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_handovers_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_handovers_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handovers')),
    sa.UniqueConstraint('act_number', name=op.f('uq_handovers_act_number'))
    )
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handovers_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handovers_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_handovers_status_deadline', ['status', 'return_deadline'], unique=False)
        batch_op.create_index('uq_handovers_one_active', ['application_id'], unique=True, sqlite_where=sa.text("status IN ('preparing', 'prepared', 'issued')"))

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('command_id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('aggregate_type', sa.String(length=20), nullable=False),
    sa.Column('aggregate_id', sa.String(length=36), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('command', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('conflict', sa.JSON(), nullable=True),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_outbox_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('command_id', name=op.f('uq_outbox_command_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_application_state', ['application_id', 'state'], unique=False)
        batch_op.create_index('ix_outbox_state_id', ['state', 'id'], unique=False)

    op.create_table('status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('from_status', sa.String(length=40), nullable=True),
    sa.Column('to_status', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_status_history_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_history'))
    )
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_history_application_id'), ['application_id'], unique=False)
        batch_op.create_index('ix_status_history_entity', ['entity_type', 'entity_id', 'id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('institution_id', sa.String(length=20), nullable=False),
    sa.Column('offered_kind_id', sa.String(length=36), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('handover_id', sa.String(length=36), nullable=True),
    sa.Column('doc_type', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('file_path', sa.String(length=500), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_documents_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['handover_id'], ['handovers.id'], name=op.f('fk_documents_handover_id_handovers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_documents_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['offered_kind_id'], ['offered_kinds.id'], name=op.f('fk_documents_offered_kind_id_offered_kinds'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_handover_id'), ['handover_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_offered_kind_id'), ['offered_kind_id'], unique=False)

    op.create_table('document_acknowledgements',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_document_acknowledgements_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_acknowledgements_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('application_id', 'document_id', name=op.f('pk_document_acknowledgements'))
    )


def downgrade() -> None:
    op.drop_table('document_acknowledgements')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_offered_kind_id'))
        batch_op.drop_index(batch_op.f('ix_documents_handover_id'))
        batch_op.drop_index(batch_op.f('ix_documents_application_id'))

    op.drop_table('documents')
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.drop_index('ix_status_history_entity')
        batch_op.drop_index(batch_op.f('ix_status_history_application_id'))

    op.drop_table('status_history')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state_id')
        batch_op.drop_index('ix_outbox_application_state')

    op.drop_table('outbox')
    with op.batch_alter_table('handovers', schema=None) as batch_op:
        batch_op.drop_index('uq_handovers_one_active', sqlite_where=sa.text("status IN ('preparing', 'prepared', 'issued')"))
        batch_op.drop_index('ix_handovers_status_deadline')
        batch_op.drop_index(batch_op.f('ix_handovers_item_id'))
        batch_op.drop_index(batch_op.f('ix_handovers_application_id'))

    op.drop_table('handovers')
    op.drop_table('application_social_statuses')
    op.drop_table('sync_state')
    op.drop_table('staff_memberships')
    op.drop_table('offered_kinds')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_institution_kind_status')

    op.drop_table('items')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_institution_status_submitted')

    op.drop_table('applications')
    op.drop_table('staff_users')
    op.drop_table('resource_kinds')
    op.drop_table('institutions')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_at')

    op.drop_table('audit_log')
