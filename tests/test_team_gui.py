"""Settings › Team database against a real PostgreSQL cluster: test the connection off the GUI
thread with a clear message for each failure, reopen the app on the server, go back to the
local book; the choice (never the password) is remembered and reopened at the next start."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import text

from rmdesk.errors import StoreError
from rmdesk.gui import app as gui_app
from rmdesk.gui.data import team_db
from rmdesk.gui.errors import user_error
from rmdesk.services import clients
from rmdesk.store import server
from rmdesk.store.engine import Store
from tests.conftest import TRICKY_PASSWORD

TRICKY = TRICKY_PASSWORD


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fill(box, url, password) -> None:
    box.url_edit.clear()
    box.host.setText(url.host)
    box.port.setValue(url.port)
    box.database.setText(url.database)
    box.user.setText(url.username)
    box.password.setText(password)


def run_test(qtbot, box) -> str:
    job = box.test()
    assert job is not None
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=20000)
    return box.message.text()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_test_connection_says_what_is_wrong_in_each_case(data_dir, tricky_login, pg_db, desk_on, qtbot,
                                                         monkeypatch, lang):
    from rmdesk import i18n

    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)
    i18n.set_language(lang)
    local = Store.open(data_dir)
    desk = desk_on(local, lang)
    box = desk.window.settings_page.team
    assert local.data_dir.name in box.open_now.text()
    assert not box.local_button.isEnabled()
    fill(box, tricky_login, TRICKY)
    assert "PostgreSQL" in run_test(qtbot, box) and "rm_tricky" in box.message.text()
    fill(box, tricky_login, "wrong")
    assert run_test(qtbot, box) == StoreError("server.auth_failed", user="rm_tricky").message()
    fill(box, tricky_login.set(database="no_such_book"), TRICKY)
    assert run_test(qtbot, box) == StoreError("server.no_database", database="no_such_book").message()
    fill(box, tricky_login.set(port=closed_port()), TRICKY)
    assert "127.0.0.1" in run_test(qtbot, box)
    assert box.message.text().startswith(StoreError("server.unreachable", host="X").message().split("X")[0])
    box.url_edit.setText("mysql://x@h/db")
    assert box.test() is None
    assert box.message.text() == StoreError("server.not_postgresql", scheme="mysql").message()
    box.url_edit.clear()
    box.database.clear()
    assert box.test() is None and box.message.text()  # nothing named: says so, no connection tried
    # the pasted URL (percent-encoded, as a URL must be) works too, and the form kept what was typed
    box.url_edit.setText(tricky_login.set(drivername="postgresql").render_as_string(hide_password=False))
    assert "PostgreSQL" in run_test(qtbot, box)
    assert box.user.text() == "rm_tricky" and box.host.text() == tricky_login.host


def test_use_the_team_database_then_back_to_the_local_book(data_dir, tricky_login, desk_on, qtbot, monkeypatch):
    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)
    local = Store.open(data_dir)
    clients.create_client(local, {"name": "本地客户"})
    desk = desk_on(local)
    box = desk.window.settings_page.team
    fill(box, tricky_login, "wrong")
    box.use()  # refused: the local book stays open, the form keeps what was typed
    assert desk.store is local and box.message.text() == StoreError("server.auth_failed", user="rm_tricky").message()
    assert box.password.text() == "wrong"
    box.password.setText(TRICKY)
    box.use()
    team = desk.store
    assert not team.is_sqlite and local.engine.pool.checkedout() == 0
    assert "rm_tricky@" in desk.window.data_folder.text() and tricky_login.database in desk.window.data_folder.text()
    clients.create_client(team, {"name": "团队客户"})
    desk.window.show_page(desk.window.CLIENTS)
    qtbot.waitUntil(lambda: desk.window.clients.model.rowCount() == 1, timeout=10000)
    # remembered without the password
    saved = (data_dir / "gui.ini").read_text(encoding="utf-8")
    assert "rm_tricky" in saved and "p@ss" not in saved and "p%40ss" not in saved
    assert desk.saved_team_url() == server.without_password(tricky_login)
    # the local folder is free while the team database is open (a CLI may use it)
    from rmdesk.store import lock as dirlock

    dirlock.release(dirlock.acquire(data_dir))
    box = desk.window.settings_page.team
    assert box.local_button.isEnabled() and "rm_tricky@" in box.open_now.text()
    box.back_to_local()
    assert desk.store.is_sqlite and desk.saved_team_url() is None
    assert [c.name for c in clients.list_clients(desk.store)] == ["本地客户"]
    assert str(data_dir) in desk.window.data_folder.text()


def test_start_reopens_the_saved_choice_asking_the_password(data_dir, tricky_login, qtbot, monkeypatch):
    monkeypatch.delenv("RMDESK_DB_PASSWORD", raising=False)
    monkeypatch.delenv("RMDESK_DB_URL", raising=False)
    settings = gui_app.gui_settings(data_dir)
    settings.setValue(team_db.SETTING, server.without_password(tricky_login))
    settings.sync()
    url = gui_app.team_url_at_start(None, settings)
    assert url.password is None and url.username == "rm_tricky"
    asked = []

    def ask(parent, url, note=""):
        asked.append(note)
        return "wrong" if len(asked) == 1 else TRICKY

    store = team_db.open_at_start(data_dir, url, ask=ask, choose=lambda *a: pytest.fail("no choice expected"))
    assert not store.is_sqlite and asked == ["", StoreError("server.auth_failed", user="rm_tricky").message()]
    store.close()
    # RMDESK_DB_PASSWORD is used as on the command line; --db-url and RMDESK_DB_URL come first
    monkeypatch.setenv("RMDESK_DB_PASSWORD", TRICKY)
    assert gui_app.team_url_at_start(None, settings).password == TRICKY
    monkeypatch.setenv("RMDESK_DB_URL", "postgresql://env@h/envdb")
    assert gui_app.team_url_at_start(None, settings).database == "envdb"
    assert gui_app.team_url_at_start("postgresql://arg@h/argdb", settings).database == "argdb"


def test_server_down_at_start_offers_the_local_book(data_dir, tricky_login, qtbot):
    down = tricky_login.set(port=closed_port())
    seen = []

    def choose(parent, url, problem):
        seen.append(problem)
        return "retry" if len(seen) == 1 else "local"

    assert team_db.open_at_start(data_dir, down, choose=choose) is None
    assert len(seen) == 2 and "127.0.0.1" in seen[0]
    with pytest.raises(SystemExit):
        team_db.open_at_start(data_dir, down, choose=lambda *a: "quit")


def test_connection_lost_mid_session_is_the_servers_message_and_retry_works(pg_server, pg_db):
    store = Store.open(url=pg_db)
    clients.create_client(store, {"name": "华能电力"})
    with store.read() as s:
        s.execute(text("SELECT 1")).all()
        pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d "
                      "AND pid <> pg_backend_pid()", d=pg_db.database)
        with pytest.raises(Exception) as caught:
            s.execute(text("SELECT 1")).all()
    assert user_error(caught.value).key == "server.lost"  # what show_error shows, not "something went wrong"
    assert [r.name for r in clients.list_clients(store)] == ["华能电力"]
    store.close()
