"""PostgreSQL: the key persons' 1–2 character pieces on their client's row
(clients.key_person_grams, kept by a trigger on contacts; rmdesk.store.pg_search), with a GIN
index (leakproof where a superuser migrates: rmdesk.store.pg_leakproof). A short search is then
one condition on clients instead of a second source looked up client by client. Every
client's pieces are worked out once here: about a minute for a 100k book, ten for 1M.
Nothing on SQLite (its contact_grams index serves the same).

Revision ID: 0034_pg_key_person_grams
Revises: 0033_pg_sort_owner
"""
from alembic import op

from rmdesk.store import pg_leakproof, pg_search

revision = "0034_pg_key_person_grams"
down_revision = "0033_pg_sort_owner"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    pg_search.install_key_person_grams(conn)  # idempotent
    pg_leakproof.install(conn)  # the leakproof index where it can (it replaces the plain one)


def downgrade() -> None:
    pg_search.drop_key_person_grams(op.get_bind())
