"""PostgreSQL: the key persons' 1–2 character pieces on their client's row
(clients.key_person_grams, rmdesk.store.pg_search), kept by a trigger on contacts whoever
writes — the services, raw SQL, a move to another client, a bulk load (which refreshes its
clients itself) — and by an RM under row-level security. A short search reads only them."""

import pytest
from sqlalchemy import create_engine, text

from rmdesk.services import bulk, clients
from rmdesk.services.clients import ClientQuery
from rmdesk.store.engine import Store
from rmdesk.store.models import Contact

pytestmark = pytest.mark.postgresql

# every client's pieces worked out from its key persons (the column must equal it)
WORKED_OUT = """SELECT c.id, c.key_person_grams, coalesce((SELECT array_agg(DISTINCT g ORDER BY g)
                FROM contacts k, unnest(k.search_grams) AS g WHERE k.client_id = c.id), '{}') FROM clients c"""


def _stale(conn) -> list:
    """The clients whose stored pieces differ from their key persons' (none, when kept)."""
    return [row for row in conn.execute(text(WORKED_OUT)) if row[1] != row[2]]


def _found(store, term: str) -> set[int]:
    total, exact = clients.count_clients_capped(store, ClientQuery(search=term))
    rows = clients.list_clients(store, ClientQuery(search=term), limit=200, total=total, total_exact=exact)
    assert exact and total == len(rows)
    return {r.id for r in rows}


def test_every_write_keeps_the_key_persons_pieces_on_the_clients_row(pg_server):
    url = pg_server.new_database()
    store = Store.open(url=url)
    try:
        a = clients.create_client(store, {"name": "长城汽车"})
        b = clients.create_client(store, {"name": "华能电力"})
        person = clients.add_contact(store, a, {"name": "欧阳秀英"})
        clients.add_contact(store, a, {"name": "欧阳明"})
        assert _found(store, "秀") == _found(store, "秀英") == {a}
        with store.engine.connect() as conn:
            pieces = conn.execute(text("SELECT key_person_grams FROM clients WHERE id = :a"), {"a": a}).scalar()
        assert {"欧", "欧阳", "秀英", "明", "阳明"} <= set(pieces)

        clients.update_contact(store, person, {"name": "司马光"})  # a new name
        assert _found(store, "秀") == set() and _found(store, "司马") == {a}
        assert _found(store, "欧阳") == {a}  # the other key person still has it
        with store.engine.begin() as conn:  # raw SQL: a move to the other client, an insert, a delete
            conn.execute(text("UPDATE contacts SET client_id = :b WHERE id = :p"), {"b": b, "p": person})
            conn.execute(text("INSERT INTO contacts (client_id, name, decision_power, attitude, version) "
                              "VALUES (:a, '诸葛亮', 'user', 'neutral', 1)"), {"a": a})
            conn.execute(text("DELETE FROM contacts WHERE client_id = :a AND name = '欧阳明'"), {"a": a})
        assert _found(store, "司马") == {b} and _found(store, "诸葛") == {a} and _found(store, "欧阳") == set()
        clients.delete_contact(store, person)
        assert _found(store, "司马") == set()

        with store.write() as s:  # a bulk load: the trigger is off for its rows, the load refreshes
            bulk.bulk_insert(s, Contact, [{"client_id": cid, "name": name, "decision_power": "user",
                                           "attitude": "neutral", "version": 1}
                                          for cid, name in ((a, "上官婉儿"), (b, "上官仪"), (b, "东方朔"))])
        assert _found(store, "上官") == {a, b} and _found(store, "东方") == {b}
        with store.engine.connect() as conn:
            assert _stale(conn) == []
    finally:
        store.close()
        pg_server.drop_database(url)


def test_an_rms_writes_keep_them_and_raw_sql_sees_only_the_rms_clients(team_setup):
    t = team_setup.two_rms()
    a, b = Store.open(url=t.sign_in("a")), Store.open(url=t.sign_in("b"))
    try:
        mine = clients.create_client(a, {"name": "长城汽车"})
        theirs = clients.create_client(b, {"name": "华能电力"})
        clients.add_contact(a, mine, {"name": "欧阳秀英"})  # the trigger runs as the RM
        clients.add_contact(b, theirs, {"name": "欧阳锋"})
        assert _found(a, "欧阳") == {mine} and _found(b, "欧阳") == {theirs}
        raw = create_engine(t.sign_in("a"))
        with raw.connect() as conn:
            rows = conn.execute(text("SELECT id FROM clients WHERE key_person_grams @>> ARRAY['欧阳']")).scalars()
            assert set(rows) == {mine}
            assert _stale(conn) == []
        raw.dispose()
    finally:
        a.close()
        b.close()
