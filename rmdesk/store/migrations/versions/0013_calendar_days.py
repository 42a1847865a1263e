"""The RM's own holiday notices: days off and make-up working days of years the
chinese-calendar package does not know yet (or corrects), kept with the data so they go
into every backup.

Revision ID: 0013_calendar_days
Revises: 0014_work_reports
"""
import sqlalchemy as sa
from alembic import op

revision = "0013_calendar_days"
down_revision = "0014_work_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    if sa.inspect(op.get_bind()).has_table("calendar_days"):
        return
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("notice_year", sa.Integer(), nullable=False),
        sa.Column("off", sa.Boolean(), nullable=False),
        sa.Column("holiday", sa.String(length=32), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
        if_not_exists=True,  # an older revision re-run on open (lost search triggers) reaches here again
    )
    op.create_index(op.f("ix_calendar_days_notice_year"), "calendar_days", ["notice_year"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_calendar_days_notice_year"), table_name="calendar_days", if_exists=True)
    op.drop_table("calendar_days", if_exists=True)
