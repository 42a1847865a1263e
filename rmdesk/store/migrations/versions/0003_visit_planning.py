"""Visit planning: the client's busy half-days; a note (reason) on timeline events.

Revision ID: 0003_visit_planning
Revises: 0002_flow_tools
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_visit_planning"
down_revision = "0002_flow_tools"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("busy_hours", sa.Text(), nullable=True))
    with op.batch_alter_table("client_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client_events", schema=None) as batch_op:
        batch_op.drop_column("note")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("busy_hours")
