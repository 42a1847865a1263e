"""SQLite: the search index's FTS tables merge their segments only in a 'crisis merge' of
many small ones (automerge off, crisismerge 200; rmdesk.store.search_index.merge_settings),
so that no save merges into the book's big segments (0.9–2 s for a rename at 100k).
Only the tables' _config rows change: instant. Nothing on PostgreSQL.

Revision ID: 0035_sqlite_fts_merging
Revises: 0034_pg_key_person_grams
"""
from alembic import op

from rmdesk.store import search_index

revision = "0035_sqlite_fts_merging"
down_revision = "0034_pg_key_person_grams"
branch_labels = None
depends_on = None

FTS5_DEFAULT_AUTOMERGE = 4
FTS5_DEFAULT_CRISISMERGE = 16


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        search_index.merge_settings(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in search_index.FTS_TABLES:
            conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('automerge', {FTS5_DEFAULT_AUTOMERGE})")
            conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) "
                                 f"VALUES ('crisismerge', {FTS5_DEFAULT_CRISISMERGE})")
