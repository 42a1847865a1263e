"""An RM's search under row-level security (rmdesk.store.pg_leakproof, migration 0027): the
same answers as the admin's, cut to what the RM may see, off the search indexes (the plan
says so), and raw SQL with the new operators still reads nothing the RM may not see."""

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.dialects import postgresql

from rmdesk.services import clients
from rmdesk.services.clients import ClientQuery
from rmdesk.services.integrity import check_server
from rmdesk.services.validation import credit_code_check_char
from rmdesk.store import pg_leakproof
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql

TERMS = ["华", "电", "华能", "91", "电力", "秀英", "h", "hn", "hndl", "huaneng", "dianli", "9131", "91310115",
         "王", "程思", "华能电力", "有限公司", "集团", "zzz"]


def _code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


@pytest.fixture
def book(team_setup):
    t = team_setup.two_rms()
    a, b = Store.open(url=t.sign_in("a")), Store.open(url=t.sign_in("b"))
    made = {"a": [], "b": []}
    rows = [("a", "华能电力有限公司", "华能", "程思远"), ("b", "华能国际电力集团", "华能国际", "程思"),
            ("a", "重庆钢铁集团", None, "王秀英"), ("b", "秀英电子有限公司", "秀英", "李四"),
            ("a", "电力设计院", None, None), ("b", "华润置地", "华润", "王五"),
            ("b", "河南电力集团", "豫电", "赵六"), ("a", "北京华恒科技", None, "程思")]
    for i, (who, name, short, contact) in enumerate(rows):
        store = a if who == "a" else b
        cid = clients.create_client(store, {"name": name, "short_name": short,
                                            "credit_code": _code(f"913101150000000{i:02d}")})
        if contact:
            clients.add_contact(store, cid, {"name": contact})
        made[who].append(cid)
    shared = made["b"][0]
    t.admin("team", "share", str(shared), "--with", t.logins["a"])
    admin = Store.open(url=t.url)
    yield t, admin, a, b, set(made["a"]) | {shared}
    for s in (admin, a, b):
        s.close()


def _found(store, term: str) -> set[int]:
    q = ClientQuery(search=term)
    total, exact = clients.count_clients_capped(store, q)
    rows = clients.list_clients(store, q, limit=200, total=total)
    assert exact and total == len(rows) == clients.count_clients(store, q)
    return {r.id for r in rows}


def test_an_rms_search_is_the_admins_cut_to_what_the_rm_sees(book):
    _t, admin, a, _b, visible = book
    with admin.engine.connect() as conn:
        assert pg_leakproof.installed(conn)  # the test cluster's admin is a superuser
    seen = 0
    for term in TERMS:
        everything = _found(admin, term)
        assert _found(a, term) == everything & visible, term
        seen += len(everything & visible)
    assert seen > 20  # the terms do find the RM's clients
    assert _found(a, "华能") == visible & {r.id for r in clients.list_clients(admin) if "华能" in r.name}


def _plan(conn, statement) -> str:
    compiled = statement.compile(dialect=postgresql.dialect())
    conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: ask whether the index CAN serve
    rows = conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).scalars()
    return "\n".join(rows)


def test_an_rms_search_plans_read_the_search_indexes(book):
    t, _admin, _a, _b, _visible = book
    raw = create_engine(t.sign_in("a"))
    expected = {"华": ["ix_clients_search_grams_lp", "ix_clients_key_person_grams_lp"],
                "华能": ["ix_clients_search_grams_lp", "ix_clients_key_person_grams_lp"],
                "华能电力": ["ix_clients_name_lp", "ix_clients_short_name_lp", "ix_clients_credit_code_lp",
                         "ix_contacts_name_lp"],
                "huaneng": ["ix_clients_pinyin_full_lp", "ix_clients_pinyin_initials_lp"],
                "91": ["ix_clients_credit_code_prefix"]}
    with raw.connect() as conn:
        assert not conn.execute(text("SELECT rolsuper OR rolbypassrls FROM pg_roles "
                                     "WHERE rolname = current_user")).scalar()
        for term, indexes in expected.items():
            plan = "\n".join(_plan(conn, part.ids) for part in clients.server_search_parts(term))
            for index in indexes:
                assert index in plan, (term, index, print(plan))
    raw.dispose()


def test_raw_sql_with_the_leakproof_operators_reads_only_the_rms_clients(book):
    t, admin, a, b, visible = book
    hidden = clients.create_client(b, {"name": "秘密客户\\"})  # a name ending in LIKE's escape character
    raw = create_engine(t.sign_in("a"))
    with raw.connect() as conn:
        rows = conn.execute(text("SELECT id FROM clients WHERE search_grams @>> ARRAY['华']")).scalars()
        assert set(rows) <= visible
        assert set(conn.execute(text("SELECT id FROM clients WHERE name ~~~* '%'")).scalars()) == visible
        assert conn.execute(text("SELECT count(*) FROM clients WHERE id = :h AND name ~~~ '%'"),
                            {"h": hidden}).scalar() == 0
        # the hidden row's value as the pattern: no error reveals that it ends in a backslash
        assert conn.execute(text("SELECT count(*) FROM clients WHERE id = :h AND 'x' ~~~* name"),
                            {"h": hidden}).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM contacts WHERE search_grams @>> ARRAY['程']")).scalar() == 3
    raw.dispose()
    with admin.engine.connect() as conn:  # the wrapper itself: no match instead of LIKE's error
        assert conn.execute(text("SELECT 'a\\' ~~~ 'a\\', 'ab' ~~~ 'a%', 'AB' ~~~* 'a%', 'AB' ~~~ 'a%'")).one() == (
            None, True, True, False)
        assert conn.execute(text("SELECT ARRAY['a','b'] @>> ARRAY['b'], ARRAY['a'] @>> ARRAY['b']")).one() == (
            True, False)


def test_the_install_is_idempotent_and_the_migration_goes_back_and_forth(book):
    from rmdesk.store import migrate

    t, admin, a, _b, visible = book
    with admin.engine.begin() as conn:
        assert pg_leakproof.install(conn)
        assert pg_leakproof.installed(conn)
    migrate.downgrade(admin.engine, "0026_more_versions")
    with admin.engine.connect() as conn:
        assert not pg_leakproof.installed(conn)
        # the plain indexes are back, but the key persons' pieces on the clients row came with 0034
        plain = [name for name in pg_leakproof.REPLACED if name != "ix_clients_key_person_grams"]
        assert conn.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname = ANY(:n)"),
                            {"n": plain}).scalar() == len(plain)
        assert not conn.execute(text("SELECT count(*) FROM information_schema.columns "
                                     "WHERE column_name = 'key_person_grams'")).scalar()
    migrate.upgrade(admin.engine, "head")
    with admin.engine.connect() as conn:
        assert pg_leakproof.installed(conn)
    assert _found(a, "华能") == _found(admin, "华能") & visible


def test_without_a_superuser_the_search_is_todays_and_check_says_so(pg_server):
    """A managed server: the database's owner is no superuser. The operators are the plain ones
    (correct, no index under row-level security), and `rmdesk check` says it in one line."""
    from rmdesk.store import team

    owner = f"owner_{pg_server.admin.database or 'x'}_{id(pg_server) % 10000}"
    pg_server.sql(f'DROP ROLE IF EXISTS "{owner}"')
    pg_server.sql(f"CREATE ROLE \"{owner}\" LOGIN PASSWORD 'pw' NOSUPERUSER CREATEROLE")
    url = pg_server.new_database(empty=True)
    pg_server.sql(f'ALTER DATABASE "{url.database}" OWNER TO "{owner}"')
    mine = URL.create("postgresql+psycopg", username=owner, password="pw", host=url.host, port=url.port,
                      database=url.database)
    try:
        store = Store.open(url=mine)
        with store.engine.begin() as conn:
            assert not pg_leakproof.can_install(conn)
            assert not pg_leakproof.installed(conn)
            team.init(conn)
        first = clients.create_client(store, {"name": "华能电力有限公司"})
        clients.create_client(store, {"name": "重庆钢铁"})
        for term in ("华能", "华", "huaneng", "华能电力"):
            assert _found(store, term) == {first}, term
        report = check_server(store, "en")
        assert report.ok
        assert [n for n in report.notes if "superuser" in n] == report.notes and len(report.notes) == 1
        assert "leakproof" in report.text("en")
        store.close()
    finally:
        pg_server.drop_database(url)
        pg_server.sql(f'DROP ROLE IF EXISTS "{owner}"')
