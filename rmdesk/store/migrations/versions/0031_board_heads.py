"""PostgreSQL: the board's column heads and the row-level security checks read off indexes
alone (rmdesk.store.pg_board). Nothing on SQLite. Idempotent (IF NOT EXISTS).

Revision ID: 0031_board_heads
Revises: 0030_settings_rls
"""
from alembic import op

from rmdesk.store import pg_board

revision = "0031_board_heads"
down_revision = "0030_settings_rls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pg_board.install(op.get_bind())


def downgrade() -> None:
    pg_board.drop(op.get_bind())
