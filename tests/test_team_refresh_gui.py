"""The team's changes show up: a second process changes the team database, and within a few
seconds the client list, the board, Today and an open client window show it; a client window
with unsaved edits keeps them and offers the reload instead."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import text

from rmdesk.services import clients
from rmdesk.store import changes
from rmdesk.store.engine import Store

WAIT_MS = 15000  # a poll every 2 s; the margin is for a loaded machine




def other_rm(url, code: str) -> None:
    """`code` run by another process on the same team database (another RM's rmdesk)."""
    script = textwrap.dedent(f"""
        from sqlalchemy import make_url
        from rmdesk.services import clients
        from rmdesk.store.engine import Store
        store = Store.open(url=make_url({url.render_as_string(hide_password=False)!r}))
    """) + textwrap.dedent(code) + "\nstore.close()\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_every_table_notifies_on_postgresql(pg_db):
    store = Store.open(url=pg_db)
    with store.engine.connect() as conn:
        covered = conn.execute(text("SELECT count(DISTINCT event_object_table) FROM information_schema.triggers "
                                    "WHERE trigger_name = :t"), {"t": changes.TRIGGER}).scalar()
        tables = conn.execute(text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                                   "AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version'")).scalar()
    assert covered == tables > 20
    listener = changes.Listener(store.engine.url)
    mine = changes.Listener(store.engine.url, store.own_backends)  # this rmdesk's own writes left out
    assert listener.poll() == set() and mine.poll() == set()
    clients.create_client(store, {"name": "华能电力"})
    assert "clients" in listener.poll()
    assert listener.poll() == set() and mine.poll() == set()
    listener.close()
    mine.close()
    store.close()


def test_another_rms_change_shows_in_the_list_board_today_and_client_window(data_dir, pg_db, desk_on, qtbot):
    store = Store.open(data_dir, url=pg_db)
    first = clients.create_client(store, {"name": "华能电力"})
    desk = desk_on(store)
    window = desk.window
    assert desk.refresher is not None
    window.show_page(window.CLIENTS)
    qtbot.waitUntil(lambda: window.clients.model.rowCount() == 1, timeout=WAIT_MS)
    other_rm(pg_db, "clients.create_client(store, {'name': '大唐发电'})")
    qtbot.waitUntil(lambda: window.clients.model.rowCount() == 2, timeout=WAIT_MS)
    # the board
    window.show_page(window.PIPELINE)
    board_names = lambda: {window.pipeline.lists[1].item(i).text().split("\n")[0]  # noqa: E731
                           for i in range(window.pipeline.lists[1].count())}
    other_rm(pg_db, "clients.create_client(store, {'name': '国电投资'})")
    qtbot.waitUntil(lambda: any("国电投资" in n for n in board_names()), timeout=WAIT_MS)
    # an open client window, no unsaved edits: it reloads
    client_window = window.open_client(first)
    other_rm(pg_db, f"clients.update_client(store, {first}, {{'short_name': '华能'}})")
    qtbot.waitUntil(lambda: client_window.overview.fields["short_name"].text() == "华能", timeout=WAIT_MS)
    # its own save is not "another RM's change": typing on after it shows no bar
    client_window.overview.fields["credit_rating"].setText("AA")
    client_window.overview.save()
    client_window.overview.fields["address"].setText("长安街1号")
    qtbot.wait(5000)
    assert getattr(client_window, "_team_bar", None) is None
    assert client_window.overview.fields["address"].text() == "长安街1号"
    client_window.overview.fields["address"].clear()
    # with unsaved edits: kept, and the bar offers the reload
    client_window.overview.fields["district"].setText("朝阳区（未保存）")
    other_rm(pg_db, f"clients.update_client(store, {first}, {{'short_name': '华能集团'}})")
    bar = lambda: getattr(client_window, "_team_bar", None)  # noqa: E731
    qtbot.waitUntil(lambda: bar() is not None and bar().isVisible(), timeout=WAIT_MS)
    assert client_window.overview.fields["district"].text() == "朝阳区（未保存）"
    assert client_window.overview.fields["short_name"].text() == "华能"
    bar().reload_button.click()
    assert client_window.overview.fields["short_name"].text() == "华能集团"
    assert not bar().isVisible()


def test_server_lost_mid_session_is_said_once_and_the_poll_recovers(data_dir, pg_server, pg_db, desk_on, qtbot):
    store = Store.open(data_dir, url=pg_db)
    desk = desk_on(store)
    window = desk.window
    window.show_page(window.CLIENTS)
    qtbot.waitUntil(lambda: desk.refresher.job is None, timeout=WAIT_MS)
    pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rmdesk-listener'")
    # the next poll notices, reconnects and refreshes everything (changes meanwhile may be lost)
    other_rm(pg_db, "clients.create_client(store, {'name': '大唐发电'})")
    qtbot.waitUntil(lambda: window.clients.model.rowCount() == 1, timeout=WAIT_MS)
    assert not desk.refresher.lost
