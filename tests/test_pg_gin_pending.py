"""PostgreSQL: the search's GIN indexes keep at most 64 kB of pending entries
(rmdesk.store.pg_search.GIN_STORAGE, migration 0036), so that a day of team saves does not
leave each search reading megabytes of them. A book made at head and a book migrated from
0035 both carry the limit; going back removes it."""

import pytest
from sqlalchemy import create_engine, text

from rmdesk.store import migrate, pg_search
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql

# the search's GIN indexes on a superuser's book (the leakproof twins: rmdesk.store.pg_leakproof)
SEARCH_INDEXES = {"ix_clients_name_lp", "ix_clients_short_name_lp", "ix_clients_pinyin_full_lp",
                  "ix_clients_pinyin_initials_lp", "ix_clients_credit_code_lp", "ix_clients_search_grams_lp",
                  "ix_clients_key_person_grams_lp", "ix_contacts_name_lp", "ix_contacts_search_grams_lp"}


LIMITED = [f"gin_pending_list_limit={pg_search.GIN_PENDING_KB}"]


def _limits(conn) -> dict[str, list[str] | None]:
    rows = conn.execute(text(
        "SELECT i.relname, i.reloptions FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am a ON a.oid = i.relam "
        "WHERE a.amname = 'gin' AND t.relname IN ('clients', 'contacts')"))
    return {name: options for name, options in rows}


def test_every_search_index_of_a_new_book_keeps_64_kb_pending(pg_server):
    url = pg_server.new_database()
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert _limits(conn) == {name: LIMITED for name in SEARCH_INDEXES}
    finally:
        engine.dispose()


def test_a_book_from_0035_gets_the_limit_and_loses_it_going_back(pg_server):
    url = pg_server.new_database(empty=True)
    engine = create_engine(url)
    try:
        migrate.upgrade(engine, "0035_sqlite_fts_merging")
        with engine.begin() as conn:  # the indexes as that revision's DDL made them
            for name in SEARCH_INDEXES:
                conn.execute(text(f"ALTER INDEX {name} RESET (gin_pending_list_limit)"))
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert _limits(conn) == {name: LIMITED for name in SEARCH_INDEXES}
        migrate.downgrade(engine, "0035_sqlite_fts_merging")
        with engine.connect() as conn:
            assert _limits(conn) == {name: None for name in SEARCH_INDEXES}
    finally:
        engine.dispose()


def test_many_saves_leave_each_search_index_at_most_64_kb_pending(pg_server, pg_demo_template):
    """2,000 renames between two vacuums (the demo's 200 clients, ten times over): with
    PostgreSQL's default 4 MB their entries wait in each index's pending list, which every
    search reads whole; with the limit the saves merge them as the list reaches 64 kB."""
    url = pg_server.new_database(template=pg_demo_template)
    store = Store.open(url=url)
    try:
        with store.engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pgstattuple"))  # pgstatginindex
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM clients"))
            for n in range(10):
                conn.execute(text("UPDATE clients SET name = name || :n, pinyin_full = pinyin_full || :n, "
                                  "pinyin_initials = pinyin_initials || :n, credit_code = credit_code"),
                             {"n": str(n)})
            pending = dict(conn.execute(text(
                "SELECT relname, (pgstatginindex(oid)).pending_pages FROM pg_class WHERE relname = ANY(:names)"),
                {"names": sorted(SEARCH_INDEXES)}).all())
        assert set(pending) == SEARCH_INDEXES
        # 64 kB is 8 pages; the save that passes it merges the list
        assert max(pending.values()) <= 9, pending
    finally:
        store.close()
        pg_server.drop_database(url)

