"""Baseline schema: clients, contacts, banks, visits, tasks, step progress and
changes, needs, objections, products, deals, business volumes, settings.

Revision ID: 0001_baseline
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=True),
    sa.Column('pinyin_initials', sa.String(length=200), nullable=False),
    sa.Column('pinyin_full', sa.String(length=800), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('industry', sa.String(length=32), nullable=True),
    sa.Column('policy_class', sa.String(length=16), nullable=True),
    sa.Column('two_high', sa.Boolean(), nullable=False),
    sa.Column('size', sa.String(length=16), nullable=True),
    sa.Column('district', sa.String(length=100), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('credit_rating', sa.String(length=16), nullable=True),
    sa.Column('annual_sales', sa.BigInteger(), nullable=True),
    sa.Column('source_channel', sa.String(length=16), nullable=True),
    sa.Column('referrer', sa.String(length=100), nullable=True),
    sa.Column('tier', sa.String(length=16), nullable=True),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('lost_reason', sa.String(length=32), nullable=True),
    sa.Column('wake_up_date', sa.Date(), nullable=True),
    sa.Column('step_entered_at', sa.DateTime(), nullable=False),
    sa.Column('next_action_date', sa.Date(), nullable=True),
    sa.Column('q_need', sa.Boolean(), nullable=False),
    sa.Column('q_afford', sa.Boolean(), nullable=False),
    sa.Column('q_standard', sa.Boolean(), nullable=False),
    sa.Column('q_authority', sa.Boolean(), nullable=False),
    sa.Column('q_value', sa.Boolean(), nullable=False),
    sa.Column('qualification_score', sa.Integer(), nullable=False),
    sa.Column('proposal_agreed', sa.Boolean(), nullable=False),
    sa.Column('intel_notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('qualification_score BETWEEN 0 AND 5', name=op.f('ck_clients_score_range')),
    sa.CheckConstraint('step BETWEEN 1 AND 6', name=op.f('ck_clients_step_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_clients_credit_code'))
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clients_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_clients_pinyin_initials'), ['pinyin_initials'], unique=False)
        batch_op.create_index('ix_clients_step_status', ['step', 'status'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=48), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('key', name=op.f('uq_products_key'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('bank_relations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('bank_name', sa.String(length=100), nullable=False),
    sa.Column('share_pct', sa.Integer(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.CheckConstraint('share_pct BETWEEN 0 AND 100', name=op.f('ck_bank_relations_share_range')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_bank_relations_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bank_relations'))
    )
    with op.batch_alter_table('bank_relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bank_relations_client_id'), ['client_id'], unique=False)

    op.create_table('business_volumes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('avg_deposits', sa.BigInteger(), nullable=False),
    sa.Column('avg_loans', sa.BigInteger(), nullable=False),
    sa.Column('intl_settlement_usd', sa.BigInteger(), nullable=False),
    sa.Column('fee_income', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_business_volumes_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_volumes')),
    sa.UniqueConstraint('client_id', 'period', name=op.f('uq_business_volumes_client_id'))
    )
    with op.batch_alter_table('business_volumes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_business_volumes_client_id'), ['client_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=True),
    sa.Column('decision_power', sa.String(length=16), nullable=False),
    sa.Column('attitude', sa.String(length=16), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('preferences', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_contacts_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_name'), ['name'], unique=False)

    op.create_table('deals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('rate', sa.BigInteger(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('expected_date', sa.Date(), nullable=True),
    sa.Column('actual_date', sa.Date(), nullable=True),
    sa.Column('lost_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_deals_amount_nonneg')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_deals_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_deals_product_id_products'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deals'))
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deals_client_id'), ['client_id'], unique=False)

    op.create_table('needs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_needs_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_needs'))
    )
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_needs_client_id'), ['client_id'], unique=False)

    op.create_table('step_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_step', sa.Integer(), nullable=True),
    sa.Column('to_step', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('override', sa.Boolean(), nullable=False),
    sa.Column('unmet', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_step_changes_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_step_changes'))
    )
    with op.batch_alter_table('step_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_changes_client_id'), ['client_id'], unique=False)

    op.create_table('step_progress',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_step_progress_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('client_id', 'step', 'item_id', name=op.f('pk_step_progress'))
    )
    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('planned_at', sa.DateTime(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('objective', sa.Text(), nullable=True),
    sa.Column('agenda', sa.Text(), nullable=True),
    sa.Column('attendees_ours', sa.Text(), nullable=True),
    sa.Column('attendees_theirs', sa.Text(), nullable=True),
    sa.Column('questions', sa.Text(), nullable=True),
    sa.Column('materials', sa.Text(), nullable=True),
    sa.Column('products', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('report_outcome', sa.Text(), nullable=True),
    sa.Column('report_needs', sa.Text(), nullable=True),
    sa.Column('report_reaction', sa.Text(), nullable=True),
    sa.Column('reported_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_visits_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_visits_contact_id_contacts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_visits_planned_at_status', ['planned_at', 'status'], unique=False)

    op.create_table('objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('blocking', sa.Boolean(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_objections_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_objections_visit_id_visits'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objections'))
    )
    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objections_client_id'), ['client_id'], unique=False)

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_tasks_client_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_tasks_visit_id_visits'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks'))
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tasks_due_date'), ['due_date'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_due_date'))
        batch_op.drop_index(batch_op.f('ix_tasks_client_id'))

    op.drop_table('tasks')
    with op.batch_alter_table('objections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objections_client_id'))

    op.drop_table('objections')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_planned_at_status')
        batch_op.drop_index(batch_op.f('ix_visits_client_id'))

    op.drop_table('visits')
    op.drop_table('step_progress')
    with op.batch_alter_table('step_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_changes_client_id'))

    op.drop_table('step_changes')
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_needs_client_id'))

    op.drop_table('needs')
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deals_client_id'))

    op.drop_table('deals')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_name'))
        batch_op.drop_index(batch_op.f('ix_contacts_client_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('business_volumes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_business_volumes_client_id'))

    op.drop_table('business_volumes')
    with op.batch_alter_table('bank_relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bank_relations_client_id'))

    op.drop_table('bank_relations')
    op.drop_table('settings')
    op.drop_table('products')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index('ix_clients_step_status')
        batch_op.drop_index(batch_op.f('ix_clients_pinyin_initials'))
        batch_op.drop_index(batch_op.f('ix_clients_owner'))
        batch_op.drop_index(batch_op.f('ix_clients_name'))
        batch_op.drop_index(batch_op.f('ix_clients_deleted_at'))

    op.drop_table('clients')

