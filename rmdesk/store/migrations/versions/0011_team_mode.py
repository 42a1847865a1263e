"""Team mode: who is on the team, which clients are shared with whom, and a version and an
author on every editable client and key person (a stale save is refused, every change says who).

On PostgreSQL also the pg_trgm indexes of the search box (rmdesk.store.pg_search).
Row-level security itself is set up by `rmdesk team init` (rmdesk.store.team) on a server,
since it needs the server's roles; on SQLite these tables simply stay empty.

Revision ID: 0011_team_mode
Revises: 0012_files_out
"""
import sqlalchemy as sa
from alembic import op

from rmdesk.store import pg_search

revision = "0011_team_mode"
down_revision = "0012_files_out"
branch_labels = None
depends_on = None

VERSIONED = ("clients", "contacts")


def upgrade() -> None:
    # Idempotent: a store whose search triggers were lost is walked back to before 0006 and
    # upgraded again (engine.py); what this revision made is kept then.
    if sa.inspect(op.get_bind()).has_table("team_members"):
        return
    op.create_table(
        "team_members",
        sa.Column("login", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "client_shares",
        sa.Column("client_id", sa.Integer(), sa.ForeignKey("clients.id", ondelete="CASCADE",
                                                          name="fk_client_shares_client_id_clients"),
                  primary_key=True),
        sa.Column("login", sa.String(64), primary_key=True),
    )
    op.create_index("ix_client_shares_login", "client_shares", ["login"])
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("changed_by", sa.String(64), nullable=True))
    op.add_column("contacts", sa.Column("changed_at", sa.DateTime(), nullable=True))
    pg_search.install(op.get_bind())  # PostgreSQL: trigram indexes for the search box


def downgrade() -> None:
    pg_search.drop(op.get_bind())
    op.drop_column("contacts", "changed_at")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("changed_by")
            batch.drop_column("version")
    op.drop_index("ix_client_shares_login", table_name="client_shares")
    op.drop_table("client_shares")
    op.drop_table("team_members")
