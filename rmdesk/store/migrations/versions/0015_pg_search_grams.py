"""PostgreSQL: the search box's 1–2 character and prefix indexes (rmdesk.store.pg_search).
Nothing on SQLite, which has its FTS tables (0006/0008).

Revision ID: 0015_pg_search_grams
Revises: 0013_calendar_days
"""
from alembic import op

from rmdesk.store import pg_search

revision = "0015_pg_search_grams"
down_revision = "0017_volume_measures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent (CREATE ... IF NOT EXISTS / OR REPLACE)
    pg_search.install(op.get_bind())  # the trigram indexes, when a server lacked pg_trgm at 0011
    pg_search.install_grams(op.get_bind())


def downgrade() -> None:
    pg_search.drop_grams(op.get_bind())
