"""PostgreSQL: indexes for the list's sorts, the board and Today (rmdesk.store.pg_speed);
and a team database's row-level security policies refreshed (the lead check once per
statement). Nothing on SQLite.

Revision ID: 0025_pg_speed
Revises: 0024_report_speed
"""
from alembic import op

from rmdesk.store import pg_speed, team

revision = "0025_pg_speed"
down_revision = "0024_report_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent (CREATE INDEX IF NOT EXISTS; team.init is safe to repeat)
    conn = op.get_bind()
    pg_speed.install(conn)
    team.refresh_policies(conn)


def downgrade() -> None:
    pg_speed.drop(op.get_bind())
