"""Team mode on a real PostgreSQL server (the session's throwaway cluster): connecting from the
command line, passwords with URL characters, the errors a user sees, migrations from every
revision, id sequences after bulk loads, check and backup on a server."""

import json
import os
import shutil

import pytest
from sqlalchemy import URL, create_engine, text
from sqlalchemy.pool import NullPool

from rmdesk.cli import main
from rmdesk.errors import StoreError
from rmdesk.services import clients, dataio, demo
from rmdesk.store import migrate, server
from rmdesk.store.engine import HEAD_REVISION, Store
from tests.conftest import TRICKY_PASSWORD

pytestmark = pytest.mark.postgresql


def bare(url: URL) -> str:
    """The URL as a user types it: no password."""
    return URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                      database=url.database).render_as_string()


@pytest.fixture
def cli(data_dir, capsys):
    def invoke(*argv):
        code = main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_parse_and_build_keep_passwords_with_url_characters():
    tricky = "p@ss:w%rd/#?&=中"
    built = server.build("db.example.cn", "book", user="王强", port=5433, password=tricky)
    again = server.parse(built.render_as_string(hide_password=False))
    assert again.password == tricky and again.username == "王强" and again.port == 5433
    assert again.drivername == "postgresql+psycopg"
    assert server.parse("postgres://rm@h/db", password=tricky).password == tricky
    assert "p@ss" not in server.describe(built) and server.describe(built) == "王强@db.example.cn:5433/book"
    with pytest.raises(StoreError) as caught:
        server.parse("mysql://rm@h/db")
    assert caught.value.key == "server.not_postgresql"


def test_a_role_whose_password_has_at_percent_and_colon_signs_in(tricky_login, pg_db, cli, monkeypatch):
    tricky, url = TRICKY_PASSWORD, tricky_login
    store = Store.open(url=url)
    assert clients.create_client(store, {"name": "华能电力"}) > 0
    store.close()
    plain = URL.create("postgresql", username="rm_tricky", host=pg_db.host, port=pg_db.port,
                       database=pg_db.database)
    monkeypatch.setenv("RMDESK_DB_PASSWORD", tricky)
    code, out, err = cli("--db-url", plain.render_as_string(), "clients", "list", "--format", "json")
    assert code == 0, err
    assert [r["name"] for r in json.loads(out)] == ["华能电力"]
    # typed into the URL itself (percent-encoded, as a URL must be): the same
    monkeypatch.delenv("RMDESK_DB_PASSWORD")
    code, out, err = cli("--db-url", url.set(drivername="postgresql").render_as_string(hide_password=False),
                         "clients", "list", "--format", "json")
    assert code == 0, err


def test_every_command_takes_the_url_from_the_environment(pg_db, cli, monkeypatch):
    monkeypatch.setenv("RMDESK_DB_URL", bare(pg_db))
    monkeypatch.setenv("RMDESK_DB_PASSWORD", pg_db.password)
    assert cli("demo", "--clients", "12", "--seed", "3")[0] == 0
    code, out, _ = cli("clients", "list", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 12
    for argv in (("due", "--days", "30"), ("agenda", "--days", "7"), ("tiers", "recompute")):
        code, _, err = cli(*argv)
        assert code == 0 and err == "", (argv, err)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_server_errors_are_one_clear_line(pg_server, pg_db, cli, monkeypatch, lang):
    monkeypatch.setenv("RMDESK_DB_PASSWORD", "wrong")
    code, out, err = cli("--lang", lang, "--db-url", bare(pg_db), "clients", "list")
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert ("password" in err) if lang == "en" else ("密码" in err)
    monkeypatch.setenv("RMDESK_DB_PASSWORD", pg_db.password)
    code, _, err = cli("--lang", lang, "--db-url", bare(pg_db.set(database="nowhere")), "clients", "list")
    assert code == 1 and err.count("\n") == 1 and "nowhere" in err
    with __import__("socket").socket() as sock:  # a port nobody listens on: the server is down
        sock.bind(("127.0.0.1", 0))
        dead = sock.getsockname()[1]
    code, _, err = cli("--lang", lang, "--db-url", bare(pg_db.set(port=dead)), "clients", "list")
    assert code == 1 and err.count("\n") == 1 and str(dead) in err and "Traceback" not in err
    code, _, err = cli("--lang", lang, "--db-url", "postgresql://x@h:notaport/db", "clients", "list")
    assert code == 1 and err.count("\n") == 1


def test_connection_lost_mid_session_is_a_message_and_the_next_call_works(pg_server, pg_db):
    store = Store.open(url=pg_db)
    clients.create_client(store, {"name": "华能电力"})
    pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d "
                  "AND pid <> pg_backend_pid()", d=pg_db.database)
    # pool_pre_ping replaces the dead connection: the next unit of work just works
    assert [r.name for r in clients.list_clients(store)] == ["华能电力"]
    with store.read() as s:
        s.execute(text("SELECT 1")).all()  # the session holds its connection now
        pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d "
                      "AND pid <> pg_backend_pid()", d=pg_db.database)
        with pytest.raises(Exception) as caught:
            s.execute(text("SELECT 1")).all()
    assert server.translate(caught.value, pg_db).key == "server.lost"
    assert [r.name for r in clients.list_clients(store)] == ["华能电力"]
    store.close()


def test_every_revision_upgrades_to_head_on_postgresql_keeping_rows(pg_server):
    revisions = list(reversed([r.revision for r in migrate.ScriptDirectory.from_config(migrate.config())
                               .walk_revisions()]))
    # One database climbs revision by revision and each step is copied (CREATE DATABASE …
    # TEMPLATE): the schema of an upgrade from empty, without redoing the earlier steps each time.
    template_url = pg_server.new_database(empty=True)
    template_engine = create_engine(template_url, poolclass=NullPool)
    for revision in revisions:
        migrate.upgrade(template_engine, revision)
        url = pg_server.new_database(template=template_url.database)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO clients (id, name, pinyin_initials, pinyin_full, two_high, owner, step, status, "
                "step_entered_at, q_need, q_afford, q_standard, q_authority, q_value, qualification_score, "
                "proposal_agreed, created_at, updated_at) VALUES (7, '华能电力', 'hndl', 'huanengdianli', false, '', 2, "
                "'active', '2026-01-01 00:00:00', true, true, true, false, false, 3, false, '2026-01-01 00:00:00', "
                "'2026-01-01 00:00:00')"))
            conn.execute(text("INSERT INTO contacts (id, client_id, name, decision_power, attitude) "
                              "VALUES (3, 7, '王总', 'decides', 'neutral')"))
        engine.dispose()
        store = Store.open(url=url)
        assert store.schema_revision() == HEAD_REVISION
        detail = clients.get_client(store, 7)
        assert detail.name == "华能电力" and [c.name for c in detail.contacts] == ["王总"]
        if revision == HEAD_REVISION:  # nothing to migrate: `rmdesk check` reports such a sequence
            store.close()
            pg_server.drop_database(url)
            continue
        # the explicit ids did not leave the sequences behind
        assert clients.create_client(store, {"name": "长城汽车"}) == 8
        assert clients.add_contact(store, 7, {"name": "李总"}) == 4
        store.close()
        pg_server.drop_database(url)
    # the template is at head now: down again to the first revision and back up
    migrate.downgrade(template_engine, revisions[0])
    migrate.upgrade(template_engine, "head")
    template_engine.dispose()
    pg_server.drop_database(template_url)


def test_new_rows_after_demo_and_import_get_fresh_ids(pg_db, tmp_path):
    store = Store.open(url=pg_db)
    demo.generate(store, 30, seed=4)
    cid = clients.create_client(store, {"name": "新建客户甲"})
    assert cid == 31
    assert clients.add_contact(store, cid, {"name": "王总"}) > 0
    path = tmp_path / "导入 #1.csv"
    path.write_text("name\n导入公司一\n导入公司二\n", encoding="utf-8")
    _, counts = dataio.import_file(store, str(path), policy="create")
    assert counts["created"] == 2
    assert clients.create_client(store, {"name": "新建客户乙"}) == 34
    store.close()


def test_check_reports_head_orphans_and_sequences_behind(pg_server, pg_db, cli, monkeypatch):
    monkeypatch.setenv("RMDESK_DB_PASSWORD", pg_db.password)
    assert cli("--db-url", bare(pg_db), "demo", "--clients", "5")[0] == 0
    code, out, _ = cli("--db-url", bare(pg_db), "check")
    assert code == 0 and "0009" in out or HEAD_REVISION in out
    engine = create_engine(pg_db)
    with engine.begin() as conn:
        conn.execute(text("SELECT setval(pg_get_serial_sequence('clients', 'id'), 2)"))
        conn.execute(text("ALTER TABLE contacts DROP CONSTRAINT fk_contacts_client_id_clients"))
        conn.execute(text("UPDATE contacts SET client_id = 999 WHERE id = 1"))
    engine.dispose()
    code, out, _ = cli("--db-url", bare(pg_db), "check")
    assert code == 1
    assert "contacts.client_id: 1 rows point at a missing clients" in out
    assert "the id sequence of clients is behind its rows (sequence 2, largest id 5)" in out


def test_backup_create_runs_pg_dump_or_says_the_servers_backups_apply(pg_db, cli, data_dir, monkeypatch):
    monkeypatch.setenv("RMDESK_DB_PASSWORD", pg_db.password)
    assert cli("--db-url", bare(pg_db), "demo", "--clients", "5")[0] == 0
    if shutil.which("pg_dump"):
        code, out, err = cli("--db-url", bare(pg_db), "backup", "create")
        assert code == 0, err
        name = out.split(": ", 1)[1].strip()
        dump = data_dir / "backups" / name
        assert dump.read_bytes()[:5] == b"PGDMP" and not list((data_dir / "backups").glob("*.partial"))
        code, out, _ = cli("--db-url", bare(pg_db), "backup", "list")
        assert name in out
    monkeypatch.setenv("PATH", "/nonexistent")
    code, out, _ = cli("--db-url", bare(pg_db), "backup", "create")
    assert code == 0 and "server's own backups" in out
    code, _, err = cli("--db-url", bare(pg_db), "backup", "restore", "x")
    assert code == 1 and "pg_restore" in err


def test_no_driver_is_a_clear_message(monkeypatch, pg_db):
    monkeypatch.setattr(server, "driver_available", lambda: False)
    with pytest.raises(StoreError) as caught:
        Store.open(url=pg_db)
    assert "rmdesk[team]" in caught.value.message("en")


def test_sqlite_stays_the_default(cli, data_dir, monkeypatch):
    monkeypatch.delenv("RMDESK_DB_URL", raising=False)
    assert cli("demo", "--clients", "3")[0] == 0
    assert (data_dir / "rmdesk.sqlite3").exists()
    assert os.environ.get("RMDESK_DB_URL") is None
