"""Search indexes on a PostgreSQL team database (the services' server_search_parts reads them).

- 3+ characters: pg_trgm GIN indexes, so that the search box's ILIKE '%…%' over names, short
  names, pinyin, credit codes and key persons' names reads an index instead of every row.
  pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. Where it
  cannot be created the indexes are skipped and search still works, only slower.
- 1–2 characters (migration 0015): the same 1- and 2-character pieces SQLite's
  client_grams/contact_grams hold (search_index.GRAM_SPAN, lower case, pieces of word
  characters only, the pinyin initials' pieces tagged with INITIALS_TAG) in a generated
  column `search_grams` of clients and of contacts, with a GIN index. The server computes it
  on every write (the ORM, bulk loads, imports, the demo, raw SQL), and row-level security
  covers it with the row it belongs to: no separate table holds names. A column, not an
  expression index: a plan that filters rows (walking the name order) then reads an array
  instead of cutting every name into pieces again (measured 1.6 s vs 0.1 s for 华).
- Prefixes of the full pinyin and the credit code: B-tree text_pattern_ops indexes, so that
  LIKE 'ab%' is an index range whatever the database's collation.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection

from rmdesk.store.search_index import GRAM_SPAN

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


# The initials' pieces carry this tag in front: never a word character, so never a name's piece.
INITIALS_TAG = "~"
CLIENT_GRAMS = "rmdesk_client_grams"
CONTACT_GRAMS = "rmdesk_contact_grams"

FUNCTIONS = [
    # the distinct 1- and 2-character pieces of the first `span` characters of `value`
    # (as search_index.grams_sql), lower case, those of word characters only (unicode61's tokens)
    r"""CREATE OR REPLACE FUNCTION rmdesk_grams(value text, span integer, tag text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT tag || g), '{}') FROM (
            SELECT substr(lower(value), i, n) AS g
            FROM generate_series(1, least(length(value), span)) AS i, (VALUES (1), (2)) AS w(n)) AS pieces
        WHERE g ~ '^\w+$' $$""",
    f"""CREATE OR REPLACE FUNCTION {CLIENT_GRAMS}(name text, short_name text, initials text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT rmdesk_grams(name, {GRAM_SPAN["name"]}, '') || rmdesk_grams(short_name, {GRAM_SPAN["short_name"]}, '')
            || rmdesk_grams(initials, {GRAM_SPAN["pinyin_initials"]}, '{INITIALS_TAG}') $$""",
    f"""CREATE OR REPLACE FUNCTION {CONTACT_GRAMS}(name text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT rmdesk_grams(name, {GRAM_SPAN["contact"]}, '') $$""",
]
GRAM_COLUMNS = {
    "clients": f"{CLIENT_GRAMS}(name, short_name, pinyin_initials)",
    "contacts": f"{CONTACT_GRAMS}(name)",
}
GRAM_INDEXES = {
    "ix_clients_search_grams": "clients USING gin (search_grams)",
    "ix_contacts_search_grams": "contacts USING gin (search_grams)",
    "ix_clients_live_pinyin_full_prefix": "clients (pinyin_full text_pattern_ops) WHERE deleted_at IS NULL",
    "ix_clients_credit_code_prefix": "clients (credit_code text_pattern_ops)",
    # the search's count subtracts the matches in the trash (few): read off this small index
    "ix_clients_trashed": "clients (id) WHERE deleted_at IS NOT NULL",
}


def install_grams(conn: Connection) -> None:
    """Migration 0015: the 1–2 character and prefix indexes (PostgreSQL only; idempotent)."""
    if conn.dialect.name != "postgresql":
        return
    for statement in FUNCTIONS:
        conn.execute(text(statement))
    for table, expression in GRAM_COLUMNS.items():
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_grams text[] "
                          f"GENERATED ALWAYS AS ({expression}) STORED"))
    for name, target in GRAM_INDEXES.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
    conn.execute(text("ANALYZE clients"))
    conn.execute(text("ANALYZE contacts"))


def drop_grams(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for name in GRAM_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for table in GRAM_COLUMNS:
        conn.execute(text(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_grams"))
    for name in (CLIENT_GRAMS, CONTACT_GRAMS):
        conn.execute(text(f"DROP FUNCTION IF EXISTS {name}"))
    conn.execute(text("DROP FUNCTION IF EXISTS rmdesk_grams"))
