import json
import os
import tempfile

# Before any Qt import: tests never need a display. The offscreen screen is 800x600 by
# default, smaller than the window's minimum; give it a laptop-sized 1920x1080 screen.
_screen = os.path.join(tempfile.gettempdir(), f"rmdesk-offscreen-{os.getpid()}.json")  # one per process
with open(_screen, "w", encoding="utf-8") as _fh:
    json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, _fh)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rmdesk import clock, i18n  # noqa: E402
from rmdesk.store.engine import Store  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def no_translator_left_over():
    """Every test starts with Qt's source texts: a translator installed by an earlier test (a
    desk in zh_CN) would make a test's words depend on which tests ran before it in its process."""
    import sys

    translation = sys.modules.get("rmdesk.gui.translation")
    if translation is not None and translation._installed:
        from PySide6.QtCore import QCoreApplication

        for translator in translation._installed:
            QCoreApplication.instance().removeTranslator(translator)
        translation._installed.clear()
    yield


@pytest.fixture(autouse=True)
def pinned_clock():
    """Every test runs on Monday 2026-11-23 09:30 and in a known language."""
    clock.pin(NOW)
    i18n.set_language("en")
    yield NOW
    clock.pin(None)
    i18n.set_language(None)


def quiet_threads() -> None:
    """Let GUI background jobs finish before their store closes (as the app does)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# --- both engines ------------------------------------------------------------------------------
# A module marked `pytestmark = pytest.mark.both_engines` runs each test that uses `store`,
# `demo_store` or `db_url` twice: on a local SQLite book and on a fresh database of a throwaway
# PostgreSQL cluster (scripts/pg-test-cluster.sh; one per session). A test marked
# `sqlite_only` (file backups, FTS internals) runs once. RMDESK_TEST_PG_URL names an existing
# server instead (a superuser URL); the PostgreSQL runs skip only when no server can be had.

ENGINE_FIXTURES = ("store", "demo_store", "db_url", "engine_name")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_engines: run the module's store tests on SQLite and PostgreSQL")
    config.addinivalue_line("markers", "sqlite_only: a test of SQLite internals (not run on PostgreSQL)")
    config.addinivalue_line("markers", "postgresql: needs the PostgreSQL test server")


def pytest_generate_tests(metafunc):
    if not any(f in metafunc.fixturenames for f in ENGINE_FIXTURES):
        return
    marked = metafunc.definition.get_closest_marker("both_engines")
    if marked is None or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize("engine_name", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine_name(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    from pg_cluster import PgServer

    server = PgServer.start()
    yield server
    server.stop()


@pytest.fixture
def db_url(engine_name, request):
    """None on SQLite; on PostgreSQL the URL of a new empty database (schema at head)."""
    if engine_name == "sqlite":
        yield None
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def pg_server_or_none(engine_name, request):
    return request.getfixturevalue("pg_server") if engine_name == "postgresql" else None


@pytest.fixture
def cli_base(data_dir: Path, db_url, monkeypatch) -> list[str]:
    """The CLI's arguments that name the store under test: the data directory and, on
    PostgreSQL, `--db-url` without the password (that comes from $RMDESK_DB_PASSWORD)."""
    if db_url is None:
        return ["--data-dir", str(data_dir)]
    monkeypatch.setenv("RMDESK_DB_PASSWORD", db_url.password)
    from sqlalchemy import URL

    bare = URL.create("postgresql", username=db_url.username, host=db_url.host, port=db_url.port,
                      database=db_url.database)
    return ["--data-dir", str(data_dir), "--db-url", bare.render_as_string()]


@pytest.fixture
def store(data_dir: Path, db_url, request):
    if db_url is None and not data_dir.exists():  # a new local book: a copy of the empty one
        _copy_new_store(request.getfixturevalue("new_store_template"), data_dir)
    s = Store.open(data_dir, url=db_url)
    yield s
    quiet_threads()
    s.close()


@pytest.fixture(scope="session")
def new_store_template(tmp_path_factory) -> Path:
    """An empty local book at head, made once: each test's new book is a copy of it (running
    every migration for each test's book took ~0.7 s, about 300 times a run)."""
    with clock.pinned(NOW):
        directory = tmp_path_factory.mktemp("new-store") / "data"
        Store.open(directory).close()
    return directory


def _copy_new_store(template: Path, data_dir: Path) -> None:
    """A copy of the empty book with a book id of its own (a new store makes one)."""
    import shutil
    import sqlite3
    import uuid

    from rmdesk.paths import STORE_FILENAME

    shutil.copytree(template, data_dir)
    con = sqlite3.connect(data_dir / STORE_FILENAME)
    with con:
        con.execute("UPDATE settings SET value = ? WHERE key = 'book_id'", (json.dumps(uuid.uuid4().hex),))
    con.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A 200-client demo store built once; tests copy it."""
    from rmdesk.services import demo

    with clock.pinned(NOW):
        directory = tmp_path_factory.mktemp("demo") / "data"
        s = Store.open(directory)
        demo.generate(s, 200, seed=11)
        s.close()
    return directory


@pytest.fixture(scope="session")
def pg_demo_template(pg_server) -> str:
    """The same 200-client demo book in a PostgreSQL template database."""
    from rmdesk.services import demo

    with clock.pinned(NOW):
        url = pg_server.new_database(name="rmdesk_demo_tpl")
        s = Store.open(url=url)
        demo.generate(s, 200, seed=11)
        s.close()
    return "rmdesk_demo_tpl"


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path, engine_name, request):
    import shutil

    target = tmp_path / "demo"
    if engine_name == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = server.new_database(template=request.getfixturevalue("pg_demo_template"))
        s = Store.open(target, url=url)
        yield s
        quiet_threads()
        s.close()
        server.drop_database(url)
        return
    shutil.copytree(demo_template, target)
    s = Store.open(target)
    yield s
    quiet_threads()
    s.close()


@pytest.fixture
def make_desk(qtbot):
    """Builds the GUI (main window shown, zh_CN) on a store; closes client windows after."""
    from PySide6.QtWidgets import QApplication

    from rmdesk.gui.app import Desk
    from rmdesk.gui.client.window import ClientWindow

    desks = []

    def build(store, lang="zh_CN"):
        d = Desk(store, store.data_dir, lang)
        desks.append(d)
        qtbot.addWidget(d.window)
        d.window.show()
        return d

    yield build
    for d in desks:  # no timer, event filter or job of this test calls into a later one
        d.stop()
    quiet_threads()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ClientWindow):
            w.close()


@pytest.fixture
def pg_db(pg_server):
    """An empty database of its own on the session's PostgreSQL cluster (its URL)."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


class TeamSetup:
    """A team database as its admin sets it up with the CLI (`rmdesk --db-url … team …`), and
    its RMs: each signs in as their own PostgreSQL role."""

    RM_PASSWORD = "s3cret@%:"  # characters a hand-built URL would break on

    def __init__(self, url, data_dir: Path, capsys) -> None:
        from sqlalchemy import URL

        self.url, self.capsys = url, capsys
        self.suffix = f"{os.getpid()}_{url.database.rsplit('_', 1)[-1]}"  # roles are cluster-wide
        self.logins: dict[str, str] = {}
        self.base = ["--data-dir", str(data_dir), "--db-url",
                     URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                                database=url.database).render_as_string()]

    def admin(self, *argv: str) -> str:
        """A CLI command as the admin; it must succeed. Its standard output."""
        from rmdesk.cli import main

        code = main([*self.base, *argv])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return out

    def add(self, who: str, prefix: str, name: str, lead: bool = False) -> str:
        login = self.logins[who] = f"{prefix}_{self.suffix}"
        self.admin("team", "add-rm", login, "--name", name, *(["--lead"] if lead else []))
        return login

    def two_rms(self) -> "TeamSetup":
        """`team init`, then RMs "a" (王强) and "b" (李娜)."""
        self.admin("team", "init")
        self.add("a", "rm_a", "王强")
        self.add("b", "rm_b", "李娜")
        return self

    def sign_in(self, who: str):
        return self.url.set(username=self.logins[who], password=self.RM_PASSWORD)


TRICKY_PASSWORD = "p@ss:w%rd/#?&=中"  # URL syntax and a Chinese character


@pytest.fixture
def tricky_login(pg_server, pg_db):
    """The URL of pg_db for the login rm_tricky, whose password is TRICKY_PASSWORD."""
    from sqlalchemy import text

    from rmdesk.store import server

    pg_server.sql('DROP ROLE IF EXISTS "rm_tricky"')
    pg_server.sql("CREATE ROLE rm_tricky LOGIN SUPERUSER")
    with pg_server.engine.connect() as conn:  # the password as a bound value, never in SQL text
        conn.execute(text("SELECT set_config('rmdesk.pw', :pw, false)"), {"pw": TRICKY_PASSWORD})
        conn.execute(text("DO $$ BEGIN EXECUTE format('ALTER ROLE rm_tricky PASSWORD %L', "
                          "current_setting('rmdesk.pw')); END $$"))
    return server.build(pg_db.host, pg_db.database, user="rm_tricky", port=pg_db.port, password=TRICKY_PASSWORD)


@pytest.fixture
def team_setup(pg_server, data_dir, capsys, monkeypatch):
    """A new database on the session's cluster, to be set up as a team (see TeamSetup)."""
    url = pg_server.new_database()
    monkeypatch.setenv("RMDESK_DB_PASSWORD", url.password)
    monkeypatch.setenv("RMDESK_RM_PASSWORD", TeamSetup.RM_PASSWORD)
    yield TeamSetup(url, data_dir, capsys)
    pg_server.drop_database(url)


@pytest.fixture
def desk_on(qtbot):
    """A Desk that may swap its window (qtbot would close the swapped-out one again)."""
    from rmdesk.gui.app import Desk

    desks = []

    def build(store, lang="zh_CN"):
        desk = Desk(store, store.data_dir, lang)
        desk.window.show()
        desks.append(desk)
        return desk

    yield build
    for desk in desks:
        desk.stop()
        desk.window.close()
        desk.store.close()
