"""Risk watch: the early-warning log per client (early_warnings) and related parties
(related_parties: group, suppliers and buyers, guarantees) between clients and companies
not yet clients. Both hold client data: `rmdesk team init` covers them (client_id policy).

Revision ID: 0021_risk_watch
Revises: 0013_calendar_days
"""
import sqlalchemy as sa
from alembic import op

revision = "0021_risk_watch"
down_revision = "0013_calendar_days"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("early_warnings"):
        op.create_table(
            "early_warnings",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("client_id", sa.Integer(), nullable=False),
            sa.Column("signal", sa.String(length=48), nullable=False),
            sa.Column("seen_on", sa.Date(), nullable=False),
            sa.Column("severity", sa.String(length=8), nullable=False),
            sa.Column("detail", sa.Text(), nullable=True),
            sa.Column("action", sa.Text(), nullable=True),
            sa.Column("closed_on", sa.Date(), nullable=True),
            sa.Column("closed_note", sa.Text(), nullable=True),
            sa.Column("task_id", sa.Integer(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
            sa.Column("changed_by", sa.String(length=64), nullable=True),
            sa.CheckConstraint("severity IN ('low', 'medium', 'high')",
                               name=op.f("ck_early_warnings_severity_known")),
            sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="CASCADE",
                                    name=op.f("fk_early_warnings_client_id_clients")),
            sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="SET NULL",
                                    name=op.f("fk_early_warnings_task_id_tasks")),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_early_warnings")),
        )
        op.create_index(op.f("ix_early_warnings_client_id"), "early_warnings", ["client_id"])
        op.create_index(op.f("ix_early_warnings_closed_on"), "early_warnings", ["closed_on"])
        op.create_index(op.f("ix_early_warnings_task_id"), "early_warnings", ["task_id"])
    if not inspector.has_table("related_parties"):
        op.create_table(
            "related_parties",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("client_id", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("other_client_id", sa.Integer(), nullable=True),
            sa.Column("other_name", sa.String(length=200), nullable=False),
            sa.Column("other_key", sa.String(length=200), nullable=False),
            sa.Column("amount", sa.BigInteger(), nullable=True),
            sa.Column("note", sa.Text(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.CheckConstraint("kind IN ('parent', 'subsidiary', 'affiliate', 'supplier', 'buyer', 'guarantor', "
                               "'guaranteed')", name=op.f("ck_related_parties_kind_known")),
            sa.CheckConstraint("other_client_id IS NULL OR other_client_id <> client_id",
                               name=op.f("ck_related_parties_not_self")),
            sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="CASCADE",
                                    name=op.f("fk_related_parties_client_id_clients")),
            sa.ForeignKeyConstraint(["other_client_id"], ["clients.id"], ondelete="SET NULL",
                                    name=op.f("fk_related_parties_other_client_id_clients")),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_related_parties")),
        )
        op.create_index(op.f("ix_related_parties_client_id"), "related_parties", ["client_id"])
        op.create_index(op.f("ix_related_parties_other_client_id"), "related_parties", ["other_client_id"])
        op.create_index(op.f("ix_related_parties_other_key"), "related_parties", ["other_key"])


def downgrade() -> None:
    op.drop_table("related_parties", if_exists=True)
    op.drop_table("early_warnings", if_exists=True)
