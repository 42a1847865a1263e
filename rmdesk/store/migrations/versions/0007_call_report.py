"""Call report: who was met and which products were discussed.

Revision ID: 0007_call_report
Revises: 0004_keeping_clients
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_call_report"
down_revision = "0004_keeping_clients"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("report_attendees", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("report_products", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_column("report_products")
        batch_op.drop_column("report_attendees")
