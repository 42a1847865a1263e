"""Work reports (痕迹管理): daily work logs, weekly summaries and monthly market reports,
one row per version.

Revision ID: 0014_work_reports
Revises: 0011_team_mode
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_work_reports"
down_revision = "0011_team_mode"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    if sa.inspect(op.get_bind()).has_table("work_reports"):
        return
    op.create_table(
        "work_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("plan", sa.Text(), nullable=True),
        sa.Column("observations", sa.Text(), nullable=True),
        sa.Column("figures", sa.Text(), nullable=True),
        sa.Column("change_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('daily', 'weekly', 'monthly')", name=op.f("ck_work_reports_kind_known")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_reports")),
        sa.UniqueConstraint("kind", "period", "version", name=op.f("uq_work_reports_kind")),
    )


def downgrade() -> None:
    op.drop_table("work_reports")
