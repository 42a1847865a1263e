"""PostgreSQL: the search's GIN indexes keep at most 64 kB of pending entries
(gin_pending_list_limit; rmdesk.store.pg_search.GIN_STORAGE), so that a search no longer reads
up to 4 MB of them in each index after a day of team saves. Only the indexes' options change:
instant. Nothing on SQLite.

Revision ID: 0036_pg_gin_pending_limit
Revises: 0035_sqlite_fts_merging
"""
from alembic import op

from rmdesk.store import pg_search

revision = "0036_pg_gin_pending_limit"
down_revision = "0035_sqlite_fts_merging"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pg_search.limit_pending(op.get_bind())


def downgrade() -> None:
    pg_search.limit_pending(op.get_bind(), limited=False)
