"""The measures of the published star-points table on business_volumes: investment,
card spending, mortgage, other personal loans and interest-bearing card overdraft
(half-year averages in yuan), so a star scheme can weigh them.

Revision ID: 0017_volume_measures
Revises: 0013_calendar_days
"""
import sqlalchemy as sa
from alembic import op

revision = "0017_volume_measures"
down_revision = "0022_change_notify"
branch_labels = None
depends_on = None

MEASURES = ("investment", "card_spending", "mortgage", "personal_loans", "card_overdraft")


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("business_volumes")}
    missing = [name for name in MEASURES if name not in have]
    if not missing:
        return
    with op.batch_alter_table("business_volumes") as batch:
        for name in missing:
            batch.add_column(sa.Column(name, sa.BigInteger(), nullable=False, server_default="0"))  # fen


def downgrade() -> None:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("business_volumes")}
    with op.batch_alter_table("business_volumes") as batch:
        for name in MEASURES:
            if name in have:
                batch.drop_column(name)
