"""PostgreSQL: search indexes that row-level security can use — leakproof operators and GIN
operator classes, the search's indexes rebuilt with them (rmdesk.store.pg_leakproof). Only
when the migrating role is a superuser; otherwise the same operators over the plain ones
(`rmdesk check` says that an RM's search then reads the whole book).

Revision ID: 0027_rls_search
Revises: 0026_more_versions
"""
from alembic import op

from rmdesk.store import pg_leakproof

revision = "0027_rls_search"
down_revision = "0026_more_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pg_leakproof.install(op.get_bind())  # idempotent: it checks what is there (a no-op on SQLite)


def downgrade() -> None:
    pg_leakproof.drop(op.get_bind())
