"""The team's changes, as they are committed: on a PostgreSQL team database every table that
holds the book's data has a statement-level trigger that sends NOTIFY rmdesk_changes with the
table's name (never a row or an id: row-level security stays whole). PostgreSQL delivers a
notification only when its transaction commits, one per table per transaction, so a bulk import
of 100k rows sends a handful. `Listener.poll()` reads them on its own connection: one round trip,
whatever the size of the book (bench/team_refresh.py measures it).

On SQLite nothing is installed: the local book has one writer (the folder lock)."""

from __future__ import annotations

from sqlalchemy import URL, inspect, text
from sqlalchemy.engine import Connection

from rmdesk.errors import StoreError

CHANNEL = "rmdesk_changes"
TRIGGER = "rmdesk_notify_change"
EVERYTHING = "*"  # the listener was reconnected: anything may have changed meanwhile
SKIP = {"alembic_version"}
# A bulk load (demo, import: rmdesk.services.bulk) sets this for its inserts: the trigger's WHEN
# clause skips the call per statement (psycopg's executemany sends one statement per row), and
# the load sends one notification per table itself (`announce`).
QUIET = "rmdesk.bulk_load"


def ensure(conn: Connection) -> int:
    """Install (or re-install) the function and a trigger on every table; PostgreSQL only.
    Idempotent; returns the number of tables covered."""
    if conn.dialect.name != "postgresql":
        return 0
    conn.execute(text(
        f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"))
    tables = [t for t in inspect(conn).get_table_names() if t not in SKIP]
    for table in tables:
        quoted = conn.dialect.identifier_preparer.quote(table)
        conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quoted}"))
        conn.execute(text(f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {quoted} "
                          f"FOR EACH STATEMENT WHEN (current_setting('{QUIET}', true) IS DISTINCT FROM 'on') "
                          f"EXECUTE FUNCTION {TRIGGER}()"))
    return len(tables)


def quiet(conn: Connection, on: bool) -> None:
    """In this transaction, the notify triggers stay silent (on) or speak again (off); PostgreSQL
    only. A bulk load turns them off around its inserts and then `announce`s its tables."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT set_config(:name, :value, true)"), {"name": QUIET, "value": "on" if on else "off"})


def announce(conn: Connection, table: str) -> None:
    """The one notification of a bulk load into `table` (delivered at commit, like the trigger's)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, :table)"), {"channel": CHANNEL, "table": table})


def drop(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for table in inspect(conn).get_table_names():
        conn.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {conn.dialect.identifier_preparer.quote(table)}"))
    conn.execute(text(f"DROP FUNCTION IF EXISTS {TRIGGER}()"))


def conninfo_arguments(url: URL) -> dict:
    """libpq keywords for psycopg.connect from the store's URL (no string building: a password
    with @ % : goes in as it is)."""
    from rmdesk.store import server

    arguments = {key: value for key, value in (("host", url.host), ("port", url.port), ("dbname", url.database),
                                               ("user", url.username), ("password", url.password))
                 if value is not None}
    arguments.update({key: value for key, value in url.query.items() if isinstance(value, str)})
    arguments.update(server.connect_args())
    arguments["application_name"] = "rmdesk-listener"
    return arguments


def track_backends(engine) -> set[int]:
    """The server process ids of `engine`'s connections, kept up to date: a notification sent by
    one of them is this rmdesk's own change, already on screen."""
    from sqlalchemy import event

    pids: set[int] = set()

    def connected(dbapi_connection, _record) -> None:
        pid = getattr(getattr(dbapi_connection, "info", None), "backend_pid", None)
        if pid:
            pids.add(pid)

    def closed(dbapi_connection, _record) -> None:
        pids.discard(getattr(getattr(dbapi_connection, "info", None), "backend_pid", None))

    event.listen(engine, "connect", connected)
    event.listen(engine, "close", closed)
    return pids


class Listener:
    """LISTEN on the team database. Used from one thread at a time (the GUI's poll job).
    Notifications from `own` backends (this rmdesk's own writes) are left out."""

    def __init__(self, url: URL, own: set[int] | None = None) -> None:
        self.url = url
        self.own = own if own is not None else set()
        self._conn = None
        self._seen: set[str] = set()
        self._ever_connected = False

    def poll(self) -> set[str]:
        """The tables changed (committed) since the last poll; {EVERYTHING} after a reconnect.
        Raises StoreError (server.unreachable / server.lost …) when the server cannot be reached;
        the next poll tries again."""
        import psycopg

        from rmdesk.store import server

        try:
            if self._conn is None or self._conn.closed:
                self._conn = psycopg.connect(autocommit=True, **conninfo_arguments(self.url))
                self._conn.add_notify_handler(self._notified)
                self._conn.execute(f"LISTEN {CHANNEL}")
                reconnected, self._ever_connected = self._ever_connected, True
                if reconnected:
                    self._seen.add(EVERYTHING)
            self._conn.execute("SELECT 1")  # reading its answer hands over the notifications queued
        except psycopg.Error as exc:
            self.close()
            from sqlalchemy.exc import DBAPIError

            raise (server.translate(DBAPIError(None, None, exc), self.url) or StoreError("server.lost")) from None
        seen, self._seen = self._seen, set()
        return seen

    def _notified(self, notify) -> None:
        if notify.pid not in self.own:
            self._seen.add(notify.payload)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - a dead connection closes as it can
                pass
            self._conn = None
