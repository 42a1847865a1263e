"""PostgreSQL: an index of the founding dates themselves (rmdesk.store.pg_speed), which Today's
anniversaries read as a list of days: under row-level security an RM's query may use an index
only through a leakproof condition, and date equality is one (the month-and-day expression of
0025 is not). Nothing on SQLite.

Revision ID: 0032_pg_founded
Revises: 0031_board_heads
"""
from alembic import op
from sqlalchemy import text

from rmdesk.store import pg_speed

revision = "0032_pg_founded"
down_revision = "0031_board_heads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pg_speed.install(op.get_bind())  # idempotent (IF NOT EXISTS)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        conn.execute(text("DROP INDEX IF EXISTS ix_clients_pg_founded"))
