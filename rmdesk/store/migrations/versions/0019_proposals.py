"""Financial-service proposals (金融服务方案), one row per version, and the deal's link to
the proposal version it came from.

Revision ID: 0019_proposals
Revises: 0013_calendar_days
"""
import sqlalchemy as sa
from alembic import op

revision = "0019_proposals"
down_revision = "0015_pg_search_grams"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is upgraded again from before 0006.
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("proposals"):
        op.create_table(
            "proposals",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("client_id", sa.Integer(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("situation", sa.Text(), nullable=True),
            sa.Column("needs", sa.Text(), nullable=True),
            sa.Column("solution", sa.Text(), nullable=True),
            sa.Column("lines", sa.Text(), nullable=False),
            sa.Column("benefits", sa.Text(), nullable=True),
            sa.Column("conditions", sa.Text(), nullable=True),
            sa.Column("next_steps", sa.Text(), nullable=True),
            sa.Column("estimate_id", sa.Integer(), nullable=True),
            sa.Column("frozen_at", sa.DateTime(), nullable=True),
            sa.Column("frozen_how", sa.String(length=16), nullable=True),
            sa.Column("frozen_copy", sa.Text(), nullable=True),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(["client_id"], ["clients.id"], name=op.f("fk_proposals_client_id_clients"),
                                    ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["estimate_id"], ["financing_estimates.id"],
                                    name=op.f("fk_proposals_estimate_id_financing_estimates"), ondelete="SET NULL"),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
            sa.UniqueConstraint("client_id", "version", name=op.f("uq_proposals_client_id")),
            if_not_exists=True,
        )
    op.create_index(op.f("ix_proposals_client_id"), "proposals", ["client_id"], if_not_exists=True)
    op.create_index(op.f("ix_proposals_estimate_id"), "proposals", ["estimate_id"], if_not_exists=True)
    if "proposal_id" not in {c["name"] for c in inspector.get_columns("deals")}:
        op.add_column("deals", sa.Column("proposal_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_deals_proposal_id"), "deals", ["proposal_id"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_deals_proposal_id"), table_name="deals", if_exists=True)
    with op.batch_alter_table("deals") as batch:
        batch.drop_column("proposal_id")
    op.drop_index(op.f("ix_proposals_estimate_id"), table_name="proposals", if_exists=True)
    op.drop_index(op.f("ix_proposals_client_id"), table_name="proposals", if_exists=True)
    op.drop_table("proposals", if_exists=True)
