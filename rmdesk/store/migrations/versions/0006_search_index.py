"""Search index: FTS5 trigram and 1–2 character tables with their triggers (SQLite),
partial indexes on live clients for the list's sorts and filters; backfilled from the rows.

Revision ID: 0006_search_index
Revises: 0007_call_report
"""
from alembic import op

from rmdesk.store import search_index

revision = "0006_search_index"
down_revision = "0007_call_report"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.install(conn)
    search_index.rebuild(conn)
    search_index.analyze(conn)


def downgrade() -> None:
    search_index.drop(op.get_bind())
