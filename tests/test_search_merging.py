"""The search index merges its segments only in crisis merges of many small ones
(search_index.merge_settings): a new book, a book after a bulk load and a book migrated from
before this rule all carry it in every FTS table's _config, so no save merges into the big
segments a load leaves (0.9–2 s for one rename at 100k before)."""

from sqlalchemy import URL, create_engine

from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, demo
from rmdesk.store import migrate, search_index
from rmdesk.store.engine import Store


def _merging(conn) -> dict[str, tuple[int | None, int | None, int | None]]:
    out = {}
    for name in search_index.FTS_TABLES:
        config = dict(conn.exec_driver_sql(f"SELECT k, v FROM {name}_config").all())
        out[name] = (config.get("automerge"), config.get("crisismerge"), config.get("hashsize"))
    return out


RULE = {name: (0, search_index.FTS_CRISIS_MERGE, search_index.FTS_HASH_BYTES) for name in search_index.FTS_TABLES}
LOADING = {name: (0, search_index.FTS_LOAD_CRISIS_MERGE, search_index.FTS_LOAD_HASH_BYTES)
           for name in search_index.FTS_TABLES}


def test_a_new_book_and_a_bulk_loaded_one_merge_only_in_crises(tmp_path):
    store = Store.open(tmp_path / "新 书#?%")
    try:
        with store.engine.connect() as conn:
            assert _merging(conn) == RULE
        demo.generate(store, 300, seed=3, force=True)  # the bulk path, which loads with FTS5's default
        with store.engine.connect() as conn:
            assert _merging(conn) == RULE
        with store.write() as s, search_index.bulk_load(s.connection(), rows=10_000):
            # while a load writes: FTS5's default crisis merge and a 16 MB in-memory hash
            assert _merging(s.connection()) == LOADING
        with store.engine.connect() as conn:
            assert _merging(conn) == RULE
    finally:
        store.close(backup=False)


def test_a_book_from_before_the_rule_gets_it_when_migrated_and_loses_it_going_back(tmp_path):
    folder = tmp_path / "旧 书"
    folder.mkdir()
    engine = create_engine(URL.create("sqlite", database=str(folder / STORE_FILENAME)))
    try:
        migrate.upgrade(engine, "0034_pg_key_person_grams")
        with engine.begin() as conn:  # as the bulk path of that time left a book
            for name in search_index.FTS_TABLES:
                conn.exec_driver_sql(f"INSERT INTO {name}({name}, rank) VALUES ('automerge', 4)")
                conn.exec_driver_sql(f"DELETE FROM {name}_config WHERE k = 'crisismerge'")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert _merging(conn) == RULE
        migrate.downgrade(engine, "0034_pg_key_person_grams")
        with engine.connect() as conn:
            assert _merging(conn) == {name: (4, 16, search_index.FTS_HASH_BYTES) for name in search_index.FTS_TABLES}
    finally:
        engine.dispose()


def test_saves_below_the_crisis_merge_only_add_segments(tmp_path):
    """The rule in effect: 40 saves write a small segment each and merge nothing, so
    the table's existing segment rows are all still there, untouched."""
    store = Store.open(tmp_path / "book")
    try:
        demo.generate(store, 300, seed=3, force=True)
        with store.engine.connect() as conn:
            before = set(conn.exec_driver_sql("SELECT segid, term, pgno FROM client_search_idx").all())
        ids = [row.id for row in clients.list_clients(store, limit=40)]
        for n, cid in enumerate(ids):
            clients.update_client(store, cid, {"name": f"改名公司{n}号"})
        with store.engine.connect() as conn:
            after = set(conn.exec_driver_sql("SELECT segid, term, pgno FROM client_search_idx").all())
            segments = conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM client_search_idx").scalar()
        assert before < after
        assert segments >= 40
        assert [row.name for row in clients.list_clients(store, clients.ClientQuery(search="改名公司7号"))] == ["改名公司7号"]
    finally:
        store.close(backup=False)
