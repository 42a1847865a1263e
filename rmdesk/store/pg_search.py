"""Search indexes on a PostgreSQL team database: pg_trgm GIN indexes, so that the search box's
ILIKE '%…%' over names, short names, pinyin, credit codes and key persons' names reads an index
instead of every row (3 characters and more; 1–2 characters still scan, see the issue-15 notes).

pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it
cannot be created the indexes are skipped and search still works, only slower.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection

TRIGRAM_INDEXES = {
    "ix_clients_name_trgm": ("clients", "name"),
    "ix_clients_short_name_trgm": ("clients", "short_name"),
    "ix_clients_pinyin_full_trgm": ("clients", "pinyin_full"),
    "ix_clients_pinyin_initials_trgm": ("clients", "pinyin_initials"),
    "ix_clients_credit_code_trgm": ("clients", "credit_code"),
    "ix_contacts_name_trgm": ("contacts", "name"),
}


def install(conn: Connection) -> bool:
    """Create pg_trgm and the trigram indexes (PostgreSQL only); False when pg_trgm is unavailable."""
    if conn.dialect.name != "postgresql":
        return False
    try:
        with conn.begin_nested():  # a refused CREATE EXTENSION must not abort the migration
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:  # noqa: BLE001 - no permission / not installed on the server
        logging.getLogger(__name__).warning("pg_trgm unavailable, search runs without its indexes: %s", exc)
        return False
    for name, (table, column) in TRIGRAM_INDEXES.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"))
    return True


def drop(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
