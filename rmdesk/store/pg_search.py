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
  instead of cutting every name into pieces again (measured 1.6 s vs 0.1 s for 华). Since
  migration 0034 a client's row also holds all its key persons' pieces (key_person_grams,
  below), so a short search reads clients alone.
- Prefixes of the full pinyin and the credit code: B-tree text_pattern_ops indexes, so that
  LIKE 'ab%' is an index range whatever the database's collation.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection

from rmdesk.store import changes
from rmdesk.store.search_index import GRAM_SPAN

# The search's GIN indexes keep at most 64 kB (PostgreSQL's least) of not yet merged entries:
# every search reads all of that pending list in each index it uses, and with the default 4 MB
# a day of team saves before autovacuum grows it. Measured at 100k as an RM, with the ~2,300
# pending pages over the 9 indexes that a bench run's saves had left: 91310115 took 28.3 ms at
# the psycopg floor, against 17.5 with the lists merged. The save that fills the 64 kB merges
# it: of 3,000 one-row updates the worst took 10.6 ms, p95 0.71 ms (0.81 with 4 MB).
GIN_PENDING_KB = 64
GIN_STORAGE = f"WITH (gin_pending_list_limit = {GIN_PENDING_KB})"

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
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops) "
                          f"{GIN_STORAGE}"))
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
    "ix_clients_search_grams": f"clients USING gin (search_grams) {GIN_STORAGE}",
    "ix_contacts_search_grams": f"contacts USING gin (search_grams) {GIN_STORAGE}",
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


# Migration 0034: the key persons' 1–2 character pieces on their client's row too, so that a
# short search is one condition on clients (two GIN indexes OR-ed in one bitmap) instead of a
# second source whose every match is looked up in clients — for an RM under row-level security
# with the policy's check of each client — and whose walk along the name order tested each
# client passed with a lookup of its key persons (王 at 100k: 117 ms for the first page, where
# the pieces on the row take 33). Not a generated column: it is every key person's pieces,
# kept by the trigger below whoever writes (the app, an import, raw SQL). A bulk load (the
# demo through services.bulk, an import through services.dataio) turns the trigger off by
# changes.QUIET for its rows and then works out its clients' pieces in one statement
# (refresh_key_person_grams). It lives on
# the clients row, so row-level security covers it with the client.
KEY_PERSON_GRAMS = "key_person_grams"
_KEY_PERSON_TRIGGER = "rmdesk_key_person_grams"
_OF_CLIENT = ("(SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{{}}') "
              "FROM contacts k, unnest(k.search_grams) AS g WHERE k.client_id = {client})")
_KEY_PERSON_DDL = [
    f"ALTER TABLE clients ADD COLUMN IF NOT EXISTS {KEY_PERSON_GRAMS} text[] NOT NULL DEFAULT '{{}}'",
    f"""CREATE OR REPLACE FUNCTION {_KEY_PERSON_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.client_id IS DISTINCT FROM OLD.client_id) THEN
                UPDATE clients SET {KEY_PERSON_GRAMS} = {_OF_CLIENT.format(client="OLD.client_id")}
                WHERE id = OLD.client_id;
            END IF;
            IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.client_id IS DISTINCT FROM OLD.client_id
                                                         OR NEW.search_grams IS DISTINCT FROM OLD.search_grams)) THEN
                UPDATE clients SET {KEY_PERSON_GRAMS} = {_OF_CLIENT.format(client="NEW.client_id")}
                WHERE id = NEW.client_id;
            END IF;
            RETURN NULL;
        END $$""",
    f"DROP TRIGGER IF EXISTS {_KEY_PERSON_TRIGGER} ON contacts",
    # a bulk load's rows: no call at all (the WHEN clause), the load refreshes its clients itself
    f"""CREATE TRIGGER {_KEY_PERSON_TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF name, client_id ON contacts
        FOR EACH ROW WHEN (current_setting('{changes.QUIET}', true) IS DISTINCT FROM 'on')
        EXECUTE FUNCTION {_KEY_PERSON_TRIGGER}()""",
    # the plain index (pg_leakproof replaces it with its leakproof twin where a superuser can)
    f"CREATE INDEX IF NOT EXISTS ix_clients_key_person_grams ON clients USING gin ({KEY_PERSON_GRAMS}) {GIN_STORAGE}",
]


def install_key_person_grams(conn: Connection) -> None:
    """Migration 0034 (PostgreSQL only; idempotent): the column, its trigger and index, and
    every client's pieces worked out once (a 100k book: about a minute)."""
    if conn.dialect.name != "postgresql":
        return
    for statement in _KEY_PERSON_DDL:
        conn.execute(text(statement))
    conn.execute(text(f"UPDATE clients c SET {KEY_PERSON_GRAMS} = k.grams FROM ("
                      "SELECT client_id, array_agg(DISTINCT g ORDER BY g) AS grams "
                      "FROM contacts, unnest(search_grams) AS g GROUP BY client_id) AS k "
                      f"WHERE c.id = k.client_id AND c.{KEY_PERSON_GRAMS} IS DISTINCT FROM k.grams"))
    conn.execute(text("ANALYZE clients"))


def refresh_key_person_grams(conn: Connection, client_ids) -> None:
    """The pieces of these clients' key persons worked out again (PostgreSQL only): after a
    bulk load of key persons, which the trigger skips."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(f"UPDATE clients SET {KEY_PERSON_GRAMS} = {_OF_CLIENT.format(client='clients.id')} "
                      "WHERE id = ANY(:ids)"), {"ids": sorted(set(client_ids))})


def drop_key_person_grams(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(f"DROP TRIGGER IF EXISTS {_KEY_PERSON_TRIGGER} ON contacts"))
    conn.execute(text(f"DROP FUNCTION IF EXISTS {_KEY_PERSON_TRIGGER}()"))
    for name in ("ix_clients_key_person_grams", "ix_clients_key_person_grams_lp"):
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    conn.execute(text(f"ALTER TABLE clients DROP COLUMN IF EXISTS {KEY_PERSON_GRAMS}"))


def _gin_indexes(conn: Connection) -> list[str]:
    """The GIN indexes of clients and contacts (the search's)."""
    return list(conn.execute(text(
        "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am a ON a.oid = i.relam "
        "WHERE a.amname = 'gin' AND t.relname IN ('clients', 'contacts') "
        "AND t.relnamespace = current_schema()::regnamespace ORDER BY i.relname")).scalars())


def limit_pending(conn: Connection, limited: bool = True) -> None:
    """Migration 0036 (PostgreSQL only): GIN_STORAGE on the search's existing GIN indexes
    (`limited` False: PostgreSQL's default again). Instant: no index is rebuilt."""
    if conn.dialect.name != "postgresql":
        return
    for name in _gin_indexes(conn):
        change = f"SET (gin_pending_list_limit = {GIN_PENDING_KB})" if limited else "RESET (gin_pending_list_limit)"
        conn.execute(text(f'ALTER INDEX "{name}" {change}'))
