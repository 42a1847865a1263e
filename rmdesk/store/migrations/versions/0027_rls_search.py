"""PostgreSQL: search indexes that row-level security can use — leakproof operators and GIN
operator classes, the search's indexes rebuilt with them (rmdesk.store.pg_leakproof). Only
when the migrating role is a superuser; otherwise the same operators over the plain ones
(`rmdesk check` says that an RM's search then reads the whole book).
Both engines: each key person's next birthday, stored and indexed, for Today
(rmdesk.store.next_dates).

Revision ID: 0027_rls_search
Revises: 0026_more_versions
"""
from alembic import op

from rmdesk.store import next_dates, pg_leakproof

revision = "0027_rls_search"
down_revision = "0026_more_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # idempotent: pg_leakproof checks what is there (a no-op on SQLite); next_dates adds the column once
    pg_leakproof.install(op.get_bind())
    next_dates.install(op.get_bind())


def downgrade() -> None:
    next_dates.drop(op.get_bind())
    pg_leakproof.drop(op.get_bind())
