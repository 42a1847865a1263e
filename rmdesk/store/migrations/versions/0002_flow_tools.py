"""Flow tools: financing estimates, timeline events, maintenance logs, complaints;
clients get the closing strategy and the next maintenance date.

Revision ID: 0002_flow_tools
Revises: 0001_baseline
"""
import sqlalchemy as sa
from alembic import op

revision = '0002_flow_tools'
down_revision = '0001_baseline'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('client_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=True),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_events_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_events'))
    )
    with op.batch_alter_table('client_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_events_client_id'), ['client_id'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('steps_done', sa.Text(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_complaints_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaints_client_id'), ['client_id'], unique=False)

    op.create_table('financing_estimates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=24), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('steps', sa.Text(), nullable=False),
    sa.Column('result', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_financing_estimates_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_financing_estimates'))
    )
    with op.batch_alter_table('financing_estimates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_financing_estimates_client_id'), ['client_id'], unique=False)

    op.create_table('maintenance_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('way', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_maintenance_logs_client_id_clients'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_logs'))
    )
    with op.batch_alter_table('maintenance_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_maintenance_logs_client_id'), ['client_id'], unique=False)

    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closing_strategy', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('next_maintenance_date', sa.Date(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_column('next_maintenance_date')
        batch_op.drop_column('closing_strategy')

    with op.batch_alter_table('maintenance_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_logs_client_id'))

    op.drop_table('maintenance_logs')
    with op.batch_alter_table('financing_estimates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_financing_estimates_client_id'))

    op.drop_table('financing_estimates')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_client_id'))

    op.drop_table('complaints')
    with op.batch_alter_table('client_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_events_client_id'))

    op.drop_table('client_events')
