"""Who sees what on a team database, enforced by the server: two RMs and a lead, each signed
in as their own PostgreSQL role; raw SQL on an RM's connection cannot read another's clients."""

import json

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.exc import DBAPIError

from rmdesk.cli import main
from rmdesk.services import clients
from rmdesk.services.validation import credit_code_check_char
from rmdesk.store.engine import Store

pytestmark = pytest.mark.postgresql


@pytest.fixture
def team(team_setup):
    t = team_setup
    assert "protected" in t.admin("team", "init")
    t.add("a", "rm_a", "王强")
    t.add("b", "rm_b", "李娜")
    t.add("lead", "lead", "张经理", lead=True)
    assert "王强" in t.admin("team", "list")
    return t.url, t.logins, t.sign_in, t.admin


def test_raw_sql_on_an_rms_connection_sees_only_their_clients(team):
    url, logins, sign_in, admin = team
    a = Store.open(url=sign_in("a"))
    b = Store.open(url=sign_in("b"))
    mine = clients.create_client(a, {"name": "华能电力"})
    clients.add_contact(a, mine, {"name": "王总"})
    theirs = clients.create_client(b, {"name": "长城汽车"})
    clients.add_contact(b, theirs, {"name": "李总"})
    assert clients.get_client(a, mine).owner == logins["a"]  # the server filled in the owner

    raw = create_engine(sign_in("a"))
    with raw.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT name FROM clients"))] == ["华能电力"]
        assert [r[0] for r in conn.execute(text("SELECT name FROM contacts"))] == ["王总"]
        assert conn.execute(text("SELECT count(*) FROM contacts WHERE client_id = :c"), {"c": theirs}).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM step_changes WHERE client_id = :c"),
                            {"c": theirs}).scalar() == 0
        assert conn.execute(text("UPDATE clients SET name = 'x' WHERE id = :c"), {"c": theirs}).rowcount == 0
        assert conn.execute(text("DELETE FROM contacts WHERE client_id = :c"), {"c": theirs}).rowcount == 0
        conn.commit()
        with pytest.raises(DBAPIError, match="row-level security"):
            conn.execute(text("INSERT INTO contacts (client_id, name, decision_power, attitude) "
                              "VALUES (:c, '内鬼', 'none', 'unknown')"), {"c": theirs})
        conn.rollback()
        with pytest.raises(DBAPIError, match="row-level security"):  # an RM cannot give a client away
            conn.execute(text("UPDATE clients SET owner = :o WHERE id = :c"), {"o": logins["b"], "c": mine})
        conn.rollback()
        with pytest.raises(DBAPIError):  # nor switch the rules off
            conn.execute(text("ALTER TABLE clients DISABLE ROW LEVEL SECURITY"))
        conn.rollback()
        with pytest.raises(DBAPIError):  # nor join the leads
            conn.execute(text(f"GRANT rmdesk_lead TO {logins['a']}"))
        conn.rollback()
    raw.dispose()
    assert [r.name for r in clients.list_clients(a)] == ["华能电力"]
    assert [r.name for r in clients.list_clients(b)] == ["长城汽车"]

    # shared: B now sees and edits A's client, and its key persons
    admin("team", "share", str(mine), "--with", logins["b"])
    assert sorted(r.name for r in clients.list_clients(b)) == ["华能电力", "长城汽车"]
    assert [c.name for c in clients.get_client(b, mine).contacts] == ["王总"]
    clients.update_client(b, mine, {"short_name": "华能"})
    assert clients.get_client(a, mine).short_name == "华能"

    # the lead sees everyone's book and the activity trail, and reassigns
    lead = Store.open(url=sign_in("lead"))
    assert sorted(r.name for r in clients.list_clients(lead)) == ["华能电力", "长城汽车"]
    with lead.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM step_changes")).scalar() == 2
    admin("team", "reassign", str(theirs), "--to", logins["a"])
    assert sorted(r.name for r in clients.list_clients(a)) == ["华能电力", "长城汽车"]
    assert [r.name for r in clients.list_clients(b)] == ["华能电力"]  # only the shared one is left
    for s in (a, b, lead):
        s.close()


def test_an_rm_signs_in_from_the_command_line(team, data_dir, capsys, monkeypatch):
    url, logins, sign_in, admin = team
    b = Store.open(url=sign_in("b"))
    clients.create_client(b, {"name": "长城汽车"})
    b.close()
    monkeypatch.setenv("RMDESK_DB_PASSWORD", "s3cret@%:")
    who = URL.create("postgresql", username=logins["a"], host=url.host, port=url.port, database=url.database)
    assert main(["--data-dir", str(data_dir), "--db-url", who.render_as_string(), "clients", "list",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    code = main(["--data-dir", str(data_dir), "--db-url", who.render_as_string(), "team", "init"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err  # an RM is no admin


def _code(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


def test_the_search_indexes_hold_no_names_an_rm_may_not_see(team):
    """The 1–2 character pieces (search_grams) live on the clients and contacts rows, so the
    rows' policies cover them: neither raw SQL nor the search box on A's connection finds
    B's client, by its name, its pinyin, its credit code or its key person."""
    url, logins, sign_in, admin = team
    a = Store.open(url=sign_in("a"))
    b = Store.open(url=sign_in("b"))
    mine = clients.create_client(a, {"name": "华能电力", "credit_code": _code("91110000100001111")})
    clients.add_contact(a, mine, {"name": "王总"})
    theirs = clients.create_client(b, {"name": "华能长城汽车", "credit_code": _code("91110000100002222")})
    clients.add_contact(b, theirs, {"name": "王秀英"})

    raw = create_engine(sign_in("a"))
    with raw.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM clients WHERE search_grams @> ARRAY['汽']")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM contacts WHERE search_grams @> ARRAY['秀']")).scalar() == 0
        pieces = conn.execute(text("SELECT search_grams FROM clients")).scalars().all()
        assert len(pieces) == 1 and "汽" not in pieces[0] and "华能" in pieces[0]
    raw.dispose()

    def found(store, term):
        q = clients.ClientQuery(search=term)
        total, exact = clients.count_clients_capped(store, q)
        rows = clients.list_clients(store, q, limit=200, total=total)
        assert exact and total == len(rows)
        return sorted(r.name for r in rows)

    for term in ("华", "华能", "hn", "h", "huaneng", "9111", "王", "有"):
        assert found(a, term) == (["华能电力"] if term != "有" else []), term
        assert found(b, term) in (["华能长城汽车"], []), term
    for term in ("汽", "汽车", "qc", "0002222", "秀英", "秀"):
        assert found(a, term) == [], term
        assert found(b, term) == ["华能长城汽车"], term
    assert found(b, "王") == ["华能长城汽车"]
    for s in (a, b):
        s.close()
