"""Keeping clients: tier overrides and per-client cadences, founding dates, lunar
birthdays, products held per period, loan maturities and the tasks made from deals.

Revision ID: 0004_keeping_clients
Revises: 0003_visit_planning
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_keeping_clients"
down_revision = "0003_visit_planning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tier_override_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("cadence_rule", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("founded_date", sa.Date(), nullable=True))
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birthday_is_lunar", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("business_volumes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("products_held", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("maturity_date", sa.Date(), nullable=True))
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deal_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=24), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_tasks_deal_id_deals"), "deals", ["deal_id"], ["id"],
                                    ondelete="CASCADE")
        batch_op.create_index(batch_op.f("ix_tasks_deal_id"), ["deal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_deal_id"))
        batch_op.drop_constraint(batch_op.f("fk_tasks_deal_id_deals"), type_="foreignkey")
        batch_op.drop_column("kind")
        batch_op.drop_column("deal_id")
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_column("maturity_date")
    with op.batch_alter_table("business_volumes", schema=None) as batch_op:
        batch_op.drop_column("products_held")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("birthday_is_lunar")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("founded_date")
        batch_op.drop_column("cadence_rule")
        batch_op.drop_column("tier_override_reason")
