"""PostgreSQL: the client list's sort indexes carry the owner besides the status
(rmdesk.store.pg_speed), so an RM's page under row-level security, whose policy checks the
owner of every row it passes, is read off the index alone: a page 20,000 rows down took 331 ms
for an RM at 100k (every row passed fetched from the table), now about 60. And the open next
steps in due order (Today's first 100 off the index). Nothing on SQLite.

Revision ID: 0033_pg_sort_owner
Revises: 0032_pg_founded
"""
from alembic import op

from rmdesk.store import pg_speed

revision = "0033_pg_sort_owner"
down_revision = "0032_pg_founded"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    pg_speed.rebuild_sort_indexes(conn)  # idempotent: a rebuilt index is left alone
    pg_speed.install(conn)  # the new ones (IF NOT EXISTS)


def downgrade() -> None:
    # Nothing to undo: an index that carries one column more serves 0032's queries the same.
    pass
