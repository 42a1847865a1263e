"""The search index (migration 0006): the FTS paths answer exactly what a plain
substring search over the same fields answers, and stay right through every write."""

import sqlite3

import pytest
from sqlalchemy import select, text

from rmdesk.services import clients, pinyin
from rmdesk.services.clients import ClientQuery, search_condition
from rmdesk.store import search_index
from rmdesk.store.models import Client

pytestmark = pytest.mark.both_engines


def _ids(store, term, fts=None):
    """The clients the search condition finds (the FTS index on SQLite, the server's on PostgreSQL)."""
    with store.read() as s:
        return set(s.scalars(select(Client.id).where(search_condition(term, store.is_sqlite if fts is None else fts))))


def _book(store) -> list[tuple]:
    """Every live client as (id, its texts, credit code, initials, full pinyin), read once."""
    rows = []
    for row in clients.list_clients(store):
        detail = clients.get_client(store, row.id)
        with store.read() as s:
            initials, full = s.execute(select(Client.pinyin_initials, Client.pinyin_full)
                                       .where(Client.id == row.id)).one()
        texts = [detail.name, detail.short_name or "", *(c.name for c in detail.contacts)]
        rows.append((row.id, texts, detail.credit_code or "", initials, full))
    return rows


def _reference(book, term):
    """Plain Python over _book's rows: the term is a substring of a name, short name, contact
    name, the credit code or (spaces ignored) the pinyin keys — except that 1–2 characters
    match the start of the full pinyin and of the credit code (anywhere would match nearly
    all), and one letter matches the start of the initials."""
    term = term.strip()
    keys = "".join(ch for ch in term.lower() if ch.isascii() and ch.isalnum())
    hits = set()
    for cid, texts, code, initials, full in book:
        if any(term.lower() in t.lower() for t in texts):
            hits.add(cid)
        elif term.upper() in code if len(term) >= 3 else code.startswith(term.upper()):
            hits.add(cid)
        elif keys and len(term) >= 3 and (keys in initials or keys in full):
            hits.add(cid)
        elif keys and len(term) == 2 and (keys in initials or full.startswith(keys)):
            hits.add(cid)
        elif keys and len(term) == 1 and (initials.startswith(keys) or full.startswith(keys)):
            hits.add(cid)
    return hits


TERMS = ["电力", "华能", "重庆", "中", "华", "有限公司", "集团有限", "hndl", "cq", "dl", "h", "huaneng", "dianli",
         "chongqing", "911", "9", "秀英", "王", "欧阳明", "ABC", "zz"]


def test_index_answers_like_a_plain_substring_search(demo_store):
    # every term on one book (a demo book per term cost the suite a minute): the terms that differ
    book = _book(demo_store)
    found = {term: _ids(demo_store, term) for term in TERMS}
    expected = {term: _reference(book, term) for term in TERMS}
    assert {term: found[term] ^ expected[term] for term in TERMS if found[term] != expected[term]} == {}
    assert all(found[term] for term in ("电力", "华", "h", "911", "王"))  # the terms do find clients


@pytest.mark.sqlite_only
def test_three_characters_and_more_agree_with_the_like_fallback(demo_store):
    for term in ("电力有", "华能电", "hndl", "huaneng", "91110", "有限公司", "chongqing gang"):
        assert _ids(demo_store, term) == _ids(demo_store, term, fts=False), term


def test_index_follows_inserts_renames_contacts_and_deletes(store):
    a = clients.create_client(store, {"name": "华能电力", "short_name": "华能"})
    b = clients.create_client(store, {"name": "重庆钢铁股份有限公司"})
    p = clients.add_contact(store, b, {"name": "欧阳明"})
    assert _ids(store, "电力") == {a} and _ids(store, "能电力") == {a} and _ids(store, "dl") == {a}
    assert _ids(store, "欧阳") == {b} and _ids(store, "欧阳明") == {b} and _ids(store, "明") == {b}
    clients.update_client(store, a, {"name": "长城汽车"})
    assert _ids(store, "电力") == set() and _ids(store, "华能") == {a}  # short name kept
    assert _ids(store, "ccqc") == {a} and _ids(store, "汽车") == {a} and _ids(store, "hndl") == set()
    clients.update_contact(store, p, {"name": "李秀英"})
    assert _ids(store, "欧阳") == set() and _ids(store, "秀英") == {b} and _ids(store, "李秀英") == {b}
    clients.delete_contact(store, p)
    assert _ids(store, "秀英") == set()
    clients.trash_client(store, b)
    assert [r.id for r in clients.list_clients(store, ClientQuery(search="钢铁"))] == []
    assert clients.count_clients(store, ClientQuery(search="钢铁")) == 0
    assert clients.count_clients(store, ClientQuery(search="gangtie")) == 0
    clients.restore_client(store, b)
    assert [r.id for r in clients.list_clients(store, ClientQuery(search="钢铁"))] == [b]
    assert clients.count_clients(store, ClientQuery(search="钢铁")) == 1
    clients.trash_client(store, b)
    clients.empty_trash(store)
    if store.is_sqlite:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("INSERT INTO client_search(client_search) VALUES ('integrity-check')") is not None
    assert _ids(store, "钢铁") == set()


@pytest.mark.sqlite_only
def test_fts_tables_pass_their_integrity_check_after_edits(demo_store):
    for row in clients.list_clients(demo_store, limit=20):
        clients.update_client(demo_store, row.id, {"name": row.name + "新", "short_name": "新名"})
    with demo_store.engine.begin() as conn:
        for table in ("client_search", "contact_search"):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        for table in ("client_grams", "contact_grams"):  # contentless: the index itself
            conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")


def _tokens(conn, texts: tuple[str, str]) -> list[tuple]:
    """What the contentless 1–2 character index holds for one row of these texts: each
    token with its column and position, as the FTS5 tokenizer makes them."""
    conn.execute("DROP TABLE IF EXISTS vocab")
    conn.execute("DROP TABLE IF EXISTS grams")
    conn.execute("CREATE VIRTUAL TABLE grams USING fts5(g, i, content='', tokenize='unicode61')")
    conn.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(grams, instance)")
    conn.execute("INSERT INTO grams(rowid, g, i) VALUES (1, ?, ?)", texts)
    return conn.execute("SELECT term, col, offset FROM vocab ORDER BY col, offset, term").fetchall()


def test_python_grams_are_the_trigger_sqls_tokens():
    # A bulk load's text must give the index exactly the tokens the triggers give (the
    # delete trigger removes a row by them): same pieces, same columns, same positions.
    conn = sqlite3.connect(":memory:")
    for values in [("华能电力有限公司", "华能", "hndlyxgs"), ("", None, ""), ("x" * 70, "y" * 40, "z" * 33),
                   ("(集团) A股 ", None, "jt"), ("𠀋記", "記", "j"), ("a", "", "a"), ("电 力", "  ", "d l")]:
        sql = search_index._client_grams("r")
        by_sql = conn.execute(f"SELECT {sql} FROM (SELECT ? AS name, ? AS short_name, ? AS pinyin_initials) r",
                              values).fetchone()
        by_python = search_index.client_grams_text(*values)
        assert _tokens(conn, by_python) == _tokens(conn, by_sql)
        assert by_python[0].split() == by_sql[0].split() and by_python[1].split() == by_sql[1].split()
    assert search_index.client_grams_text("华能电", None, "hnd") == ("华能 华 能电 能 电 电", "hn h nd n d d")


@pytest.mark.sqlite_only
def test_rows_of_a_bulk_load_leave_no_token_behind_when_deleted(store):
    # The bulk load indexes its rows with the text worked out in Python; the delete
    # trigger removes them with the text its SQL builds. Anything left over would be
    # a stale hit for a 1–2 character search.
    from rmdesk.services import demo

    demo.generate(store, 300, seed=5)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.cg_vocab USING fts5vocab(main, client_grams, row)")
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.pg_vocab USING fts5vocab(main, contact_grams, row)")
        assert conn.exec_driver_sql("SELECT count(*) FROM cg_vocab").scalar() > 100
        assert conn.exec_driver_sql("SELECT count(*) FROM pg_vocab").scalar() > 100
        conn.exec_driver_sql("DELETE FROM contacts")
        conn.exec_driver_sql("UPDATE clients SET short_name = NULL WHERE id % 2 = 0")  # delete and insert again
        conn.exec_driver_sql("DELETE FROM clients WHERE id % 2 = 1")
        kept = conn.exec_driver_sql("SELECT count(*) FROM clients").scalar()
        docs = conn.exec_driver_sql("SELECT max(doc) FROM cg_vocab").scalar()
        assert docs == kept  # the most common token is in each kept client's row, and no other
        conn.exec_driver_sql("DELETE FROM clients")
        assert conn.exec_driver_sql("SELECT count(*) FROM cg_vocab").fetchone()[0] == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM pg_vocab").fetchone()[0] == 0


@pytest.mark.sqlite_only
def test_lost_triggers_are_reinstalled_on_open(store, data_dir):
    from rmdesk.store import migrate
    from rmdesk.store.engine import Store

    a = clients.create_client(store, {"name": "华能电力"})
    with store.engine.begin() as conn:
        for name in search_index.TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        conn.exec_driver_sql("DROP TABLE client_grams")
        # back to the revision before the search index: opening re-runs its migration
        before = migrate.ScriptDirectory.from_config(migrate.config()).get_revision("0006_search_index").down_revision
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{before}'")
        conn.execute(text("DROP INDEX ix_clients_live_tier"))
    store.close()
    again = Store.open(data_dir)
    try:
        assert _ids(again, "电力") == {a}
        b = clients.create_client(again, {"name": "长城汽车"})
        assert _ids(again, "汽车") == {b}
    finally:
        again.close()


def test_bulk_keys_equal_one_by_one():
    names = ["重庆钢铁", "华能电力 (集团)", "ABC公司", "长城汽车"] * 700
    assert pinyin.search_keys_many(names, processes=2) == [pinyin.search_keys(n) for n in names]
    assert pinyin.search_keys("重庆") == ("cq", "chongqing")


@pytest.mark.sqlite_only
def test_bulk_load_rebuilds_dropped_indexes_and_a_sound_search_index(store):
    from rmdesk.services import demo

    demo.generate(store, 120, seed=3)
    with store.engine.connect() as conn:
        before = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    with store.write() as s, search_index.bulk_load(s.connection(), rows=1_000_000):
        s.execute(text("INSERT INTO clients (id, name, short_name, pinyin_initials, pinyin_full, two_high, owner, "
                       "step, status, step_entered_at, q_need, q_afford, q_standard, q_authority, q_value, "
                       "qualification_score, proposal_agreed, created_at, updated_at) VALUES (9001, '华能电力', "
                       "'华能', 'hndl', 'huanengdianli', 0, '', 1, 'active', '2026-01-01 00:00:00', 0, 0, 0, 0, 0, "
                       "0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
    with store.engine.begin() as conn:
        after = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert after == before
        assert not search_index.missing(conn)
        for table in ("client_search", "contact_search"):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    assert 9001 in _ids(store, "hndl") and 9001 in _ids(store, "电力") and 9001 in _ids(store, "华能电")
    clients.update_client(store, 9001, {"name": "长城汽车"})  # the triggers are back
    assert 9001 not in _ids(store, "hndl") and 9001 in _ids(store, "ccqc")


def _plain_count(store, q):
    from sqlalchemy import func

    from rmdesk.services.clients import apply_filters

    with store.read() as s:
        return s.scalar(apply_filters(select(func.count(Client.id)), q, store.is_sqlite))


# How a broad search's page may be read: merging each source's first rows (each source
# sorted, or walked along the sort index), or walking the index against the whole set.
PAGE_PATHS = {
    "merge, sources sorted": {"SORT_LIMIT": 10**6, "LOOKUP_STEPS": 0},
    "merge, sources walked": {"SORT_LIMIT": 0},
    "merge, as sized": {},
    "deep: walk against the match set": {"MERGE_DEPTH": 0},
}


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_counts_and_broad_pages_agree_with_the_plain_queries(demo_store, monkeypatch, path):
    """The fast paths (search-only count; a broad search read in sort order) give the
    same numbers and rows as the straightforward queries."""
    for name, value in PAGE_PATHS[path].items():
        monkeypatch.setattr(clients, name, value)
    clients.trash_client(demo_store, clients.list_clients(demo_store, ClientQuery(search="有限公司"), limit=1)[0].id)
    for q in (ClientQuery(search=t) for t in ("有限公司", "华", "h", "电力", "hndl", "91", "王", "z")):
        assert clients.count_clients(demo_store, q) == _plain_count(demo_store, q)
    queries = [ClientQuery(search=t) for t in ("有限公司", "华", "h", "电力", "hndl", "91", "王", "z")]
    queries += [ClientQuery(search="h", step=2), ClientQuery(search="华", status="active", tier="key")]
    for q in queries:
        for sort, desc in (("name", False), ("name", True), ("tier", True), ("updated_at", False)):
            for offset, limit in ((0, 40), (3, 40), (25, 7)):
                want = [r.id for r in clients.list_clients(demo_store, q, sort=sort, descending=desc, offset=offset,
                                                          limit=limit)]
                got = [r.id for r in clients.list_clients(demo_store, q, sort=sort, descending=desc, offset=offset,
                                                         limit=limit, total=10**6)]
                assert got == want, (q, sort, desc, offset)


@pytest.mark.parametrize("term", ["华", "h", "有限公司", "电力", "王", "hndl", "9", "zz"])
def test_capped_count_is_exact_below_the_cap_and_a_floor_above(demo_store, term):
    for q in (ClientQuery(search=term), ClientQuery(search=term, step=1), ClientQuery(search=term, status="active")):
        plain = _plain_count(demo_store, q)
        for cap in (5, 30, 10_000):
            n, exact = clients.count_clients_capped(demo_store, q, cap=cap)
            if exact:
                assert n == plain, (q, cap)
            else:  # "more than cap": only when there are
                assert n == cap < plain, (q, cap)
        assert clients.count_clients_capped(demo_store, q) == (plain, True)  # 200 clients: under the cap


@pytest.mark.parametrize("cap", [5, 30, 10_000])
def test_the_first_page_is_the_lists_count_and_first_rows_read_together(demo_store, cap):
    """first_page, what the list model reads when its query or order changes: the rows are
    list_clients' first page, the count count_clients_capped's ("more than cap" only when there
    are more), or the exact count where a search's page gathered every match (PostgreSQL)."""
    clients.trash_client(demo_store, clients.list_clients(demo_store, ClientQuery(search="华"), limit=1)[0].id)
    queries = [ClientQuery(), ClientQuery(step=2)]
    queries += [ClientQuery(search=t) for t in ("华", "h", "hn", "电力", "有限公司", "hndl", "91", "王", "zz", "dianli")]
    queries += [ClientQuery(search="h", step=2), ClientQuery(search="华", status="active", tier="key")]
    gathered_exact = 0
    for q in queries:
        plain = _plain_count(demo_store, q)
        for sort, desc in (("name", False), ("name", True), ("tier", True), ("updated_at", False)):
            total, exact, rows = clients.first_page(demo_store, q, sort=sort, descending=desc, limit=40, cap=cap)
            want = clients.list_clients(demo_store, q, sort=sort, descending=desc, limit=40)
            assert [r.id for r in rows] == [r.id for r in want], (q, sort, desc, cap)
            assert rows == want
            if exact:
                assert total == plain, (q, sort, cap)
                gathered_exact += clients.count_clients_capped(demo_store, q, cap=cap) != (plain, True)
            else:
                assert (total, exact) == clients.count_clients_capped(demo_store, q, cap=cap)
                assert total == cap < plain, (q, sort, cap)
    if demo_store.is_sqlite or cap == 10_000:
        assert gathered_exact == 0  # nothing else counts exactly beyond the cap
    else:  # 华 and 电力 (a few dozen matches in 200 clients) are gathered, and counted with it
        assert gathered_exact > 0


def test_a_gathered_search_page_counts_its_matches_in_the_same_statement(demo_store):
    """PostgreSQL gathers 华's few dozen matches to sort them (the planner expects too few for a
    walk along the names): that one statement counts them too, and no capped count runs first."""
    from sqlalchemy import event

    q = ClientQuery(search="华")
    plain = _plain_count(demo_store, q)
    assert clients.count_clients_capped(demo_store, q, cap=5) == (5, False)
    statements = []
    listen = lambda _c, _cur, statement, *_: statements.append(statement)  # noqa: E731
    event.listen(demo_store.engine, "before_cursor_execute", listen)
    try:
        total, exact, rows = clients.first_page(demo_store, q, limit=40, cap=5)
    finally:
        event.remove(demo_store.engine, "before_cursor_execute", listen)
    assert [r.id for r in rows] == [r.id for r in clients.list_clients(demo_store, q, limit=40)]
    if demo_store.is_sqlite:  # its pages come off the search index, the count stays capped
        assert (total, exact) == (5, False)
        return
    assert (total, exact) == (plain, True) and 5 < plain
    # (the book's size, asked by the walk-or-gather choice, reads no row: max(id) off its index)
    reads = [st for st in statements if "FROM clients" in st and not st.startswith("EXPLAIN")
             and not st.startswith("SELECT max(clients.id)")]
    assert len(reads) == 1 and "count(*)" in reads[0], statements  # no capped count read the matches first


def test_capped_count_without_a_search_is_exact(demo_store):
    assert clients.count_clients_capped(demo_store, ClientQuery(), cap=5) == (200, True)
    assert clients.count_clients_capped(demo_store, ClientQuery(step=1), cap=5) == (
        clients.count_clients(demo_store, ClientQuery(step=1)), True)


@pytest.mark.sqlite_only
def test_key_persons_are_indexed_under_their_client_and_follow_a_move(store):
    """contact_grams' row key carries the client (migration 0008): a key person moved to
    another client by raw SQL is found under the new one; the index passes its check."""
    a = clients.create_client(store, {"name": "华能电力"})
    b = clients.create_client(store, {"name": "长城汽车"})
    p = clients.add_contact(store, a, {"name": "欧阳明"})
    with store.engine.connect() as conn:
        keys = [r[0] for r in conn.exec_driver_sql(
            "SELECT rowid FROM contact_grams WHERE contact_grams MATCH '\"欧阳\"'")]
    assert keys == [(a << search_index.CONTACT_KEY_SHIFT) | p]
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE contacts SET client_id = {b} WHERE id = {p}")
    assert _ids(store, "欧阳") == {b} and _ids(store, "明") == {b} and _ids(store, "欧阳明") == {b}
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO contact_grams(contact_grams, rank) VALUES ('integrity-check', 0)")


@pytest.mark.sqlite_only
def test_downgrade_below_0008_then_open_rebuilds_the_key_persons_index(store, data_dir):
    from rmdesk.store import migrate
    from rmdesk.store.engine import Store

    a = clients.create_client(store, {"name": "华能电力"})
    clients.add_contact(store, a, {"name": "欧阳明"})
    migrate.downgrade(store.engine, "0006_search_index")
    with store.engine.connect() as conn:
        assert search_index.missing(conn)  # its part of the index went with the downgrade
    store.close()
    again = Store.open(data_dir)  # upgrades again: 0008 rebuilds it from the key persons
    try:
        assert _ids(again, "欧阳") == {a}
    finally:
        again.close()


@pytest.mark.parametrize("total, exact", [(clients.BROAD_SEARCH + 1, True), (4 * clients.BROAD_SEARCH, True),
                                          (clients.COUNT_CAP, False)])
@pytest.mark.parametrize("gather_steps", [0, 10**9])
def test_a_broad_pages_walk_or_gather_gives_the_plain_querys_rows(demo_store, monkeypatch, total, exact,
                                                                   gather_steps):
    """PostgreSQL chooses per search whether a broad page walks the sort order or gathers the
    matches (GATHER_STEPS weighs the book's size against the count; a capped count, not
    exact, always walks): both give the plain query's rows, for every sort, direction and offset."""
    monkeypatch.setattr(clients, "GATHER_STEPS", gather_steps)
    monkeypatch.setattr(clients, "ROW_GATHER_STEPS", gather_steps)
    clients.trash_client(demo_store, clients.list_clients(demo_store, ClientQuery(search="华"), limit=1)[0].id)
    queries = [ClientQuery(search=t) for t in ("华", "王", "电力", "有限公司", "911", "h", "秀英")]
    queries += [ClientQuery(search="王", step=2), ClientQuery(search="有限公司", status="active")]
    for q in queries:
        for sort, desc in (("name", False), ("name", True), ("step", True), ("district", False)):
            for offset, limit in ((0, 40), (17, 9)):
                want = [r.id for r in clients.list_clients(demo_store, q, sort=sort, descending=desc, offset=offset,
                                                          limit=limit)]
                got = [r.id for r in clients.list_clients(demo_store, q, sort=sort, descending=desc, offset=offset,
                                                         limit=limit, total=total, total_exact=exact)]
                assert got == want, (q, sort, desc, offset)


@pytest.mark.parametrize("factor, batch", [(1, 1), (1, 3), (3, 2000)])
def test_capped_count_reading_the_key_persons_in_a_stream_is_exact_or_a_floor(store, monkeypatch, factor, batch):
    """PostgreSQL reads a key persons' source as one stream of their clients' ids, stopped once
    more than the cap came (or after a few times the cap rows, then counted whole): clients with
    several matching key persons, one in the trash, and a filter give the plain count below the
    cap and a true floor above it, whichever way the stream ends."""
    monkeypatch.setattr(clients, "_STREAM_FACTOR", factor)
    monkeypatch.setattr(clients, "_STREAM_BATCH", batch)
    made = []
    for i in range(9):
        cid = clients.create_client(store, {"name": f"长城汽车{i}号"})
        for j in range(1 + i % 3):  # one to three key persons named 王… at the same client
            clients.add_contact(store, cid, {"name": f"王{'明华'[j % 2]}总{j}"})
        made.append(cid)
    clients.trash_client(store, made[4])
    with store.engine.begin() as conn:  # every other one in step 2, for a filter
        conn.execute(text("UPDATE clients SET step = 2 WHERE id IN (" + ", ".join(map(str, made[1::2])) + ")"))
    # 3+ characters read the key persons as a source of their own (1–2: their pieces on the client's row)
    for q in (ClientQuery(search="王"), ClientQuery(search="王明"), ClientQuery(search="王", step=2),
              ClientQuery(search="长城"), ClientQuery(search="汽车3"), ClientQuery(search="王明总"),
              ClientQuery(search="王明总", step=2)):
        plain = _plain_count(store, q)
        for cap in (1, 2, 3, 5, 7, 8, 100):
            n, exact = clients.count_clients_capped(store, q, cap=cap)
            if plain <= cap:
                assert (n, exact) == (plain, True), (q, cap)
            else:  # exact (SQLite, when no single source passes the cap) or "more than cap"
                assert (n, exact) in ((plain, True), (cap, False)), (q, cap)


@pytest.mark.parametrize(("on_row", "key_persons", "walks"), [
    (3_397, 10, False),  # dianli as an RM at 100k (1,038 match): its gather 30 ms, a walk 78
    (4_079, 21, False),  # dianli as the admin (3,089 match): gather 32, walk 55
    (7_108, 21, True),  # 91310115 as the admin (6,277 match): walk 28, gather 40
    (300, 3_000, True),  # a common key person's name: each one costs a lookup of its client
])
def test_a_long_terms_walk_or_gather_costs_each_source_at_its_own_rate(monkeypatch, on_row, key_persons, walks):
    """PostgreSQL, a 3+ character search's page for a capped count: gathered when its matches,
    as the planner expects them, cost less to gather — a clients row's trigram match about one
    step of the walk, a key person's GATHER_STEPS — than walking the name order past
    wanted * book / matches rows. (Four steps for every match walked dianli as an RM.)"""
    monkeypatch.setattr(clients, "_book_size", lambda _s: 100_000)
    monkeypatch.setattr(clients, "_estimated_rows",
                        lambda _s, query: key_persons if "contacts" in str(query) else on_row)
    assert clients._server_walks(None, ClientQuery(search="dianli"), 1000, False, 200) is walks


def test_an_rms_walk_or_gather_weighs_the_policys_real_share(monkeypatch):
    """Under row-level security the planner expects an RM to see most of the book (its guess
    of the policy), where the bench's RM sees a third: 91310115 as that RM was walked (51 ms,
    passing every other RM's rows) where its gather takes 33. The same estimate without
    policies (the admin, 6,277 matches) still walks: there a walk passes few rows."""
    monkeypatch.setattr(clients, "_book_size", lambda _s: 100_000)
    monkeypatch.setattr(clients, "_estimated_rows", lambda _s, query: 10 if "contacts" in str(query) else 5_919)
    q = ClientQuery(search="91310115")

    class Store:
        under_policies = True
        planning = {"shares": (0.83, 0.33)}
    assert clients._server_walks(None, q, 1000, False, 200, Store()) is False
    Store.under_policies = False
    assert clients._server_walks(None, q, 1000, False, 200, Store()) is True
    assert clients._server_walks(None, q, 1000, False, 200) is True
