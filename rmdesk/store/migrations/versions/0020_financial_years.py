"""The financial quick check: a client's key statement lines per year.

Revision ID: 0020_financial_years
Revises: 0013_calendar_days
"""
import sqlalchemy as sa
from alembic import op

revision = "0020_financial_years"
down_revision = "0019_proposals"
branch_labels = None
depends_on = None

# Money columns are integer fen (rmdesk.store.types.Money).
LINES = ("cost_of_sales", "profit", "interest_expense", "operating_cash_flow", "receivables", "inventory",
         "payables", "current_assets", "current_liabilities", "total_assets", "total_liabilities")


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    if sa.inspect(op.get_bind()).has_table("financial_years"):
        return
    op.create_table(
        "financial_years",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sales", sa.BigInteger(), nullable=False),
        *(sa.Column(name, sa.BigInteger(), nullable=True) for name in LINES),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_financial_years_client_id_clients"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_financial_years")),
        sa.UniqueConstraint("client_id", "year", name=op.f("uq_financial_years_client_id")),
    )
    op.create_index(op.f("ix_financial_years_client_id"), "financial_years", ["client_id"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_financial_years_client_id"), table_name="financial_years", if_exists=True)
    op.drop_table("financial_years", if_exists=True)
