"""Opening the store: engine, SQLite pragmas, schema upgrade on open, sessions.

Every service call is one unit of work: `with store.write() as s:` opens one
transaction (BEGIN IMMEDIATE on SQLite, so two writers queue on the busy timeout
instead of deadlocking) and commits it on success or rolls it back on any error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME

# The newest Alembic revision. A test checks it matches the migration scripts, so
# opening an up-to-date store needs no Alembic import (start-up time).
HEAD_REVISION = "0006_search_index"
BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit
    # transactions would otherwise start too late and never for DDL).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # NORMAL in WAL mode: a committed transaction survives an application crash;
    # only an OS crash or power cut may lose the very last one.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn) -> None:
    if conn.get_execution_options().get("rmdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


class Store:
    """One database: a local SQLite file or a shared server given by a SQLAlchemy URL."""

    def __init__(self, engine: Engine, data_dir: Path | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        writer = engine.execution_options(rmdesk_write=True) if self.is_sqlite else engine
        self._write = sessionmaker(bind=writer, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path | None = None, url: str | None = None) -> Store:
        """Open (creating if needed) the store and bring its schema up to date."""
        if url is None:
            if data_dir is None:
                raise ValueError("Store.open needs a data_dir or a url")
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("store.cannot_create_dir", path=str(data_dir), reason=exc.strerror) from exc
            url = f"sqlite:///{data_dir / STORE_FILENAME}"
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, data_dir)
        store.upgrade()
        from rmdesk.services.catalog import ensure_products

        ensure_products(store)
        return store

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self) -> None:
        """Apply pending migrations, keeping every row."""
        current = self.schema_revision()
        if current == HEAD_REVISION:
            return
        from rmdesk.store import migrate, search_index

        if current is not None and current not in migrate.known_revisions():
            raise StoreError("store.newer_schema", revision=current)
        migrate.upgrade(self.engine, "head")
        # A later migration that rebuilt clients/contacts in batch mode drops the
        # search triggers: put them back and refill the index.
        with self.engine.begin() as conn:
            search_index.ensure(conn)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One read-write transaction; commits when the block ends without error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._read() as session:
            yield session

    def close(self) -> None:
        if self.is_sqlite:
            # A book that grew by hand since the last statistics gets fresh ones (the
            # bulk paths take them themselves), so the planner keeps choosing the indexes.
            from rmdesk.store import search_index

            try:
                with self.engine.begin() as conn:
                    if search_index.stats_stale(conn):
                        search_index.analyze(conn)
            except Exception:  # noqa: BLE001 - closing must not fail on a busy or read-only file
                pass
        self.engine.dispose()
