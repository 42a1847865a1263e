"""Opening the store: engine, SQLite pragmas, schema upgrade on open, sessions.

Every service call is one unit of work: `with store.write() as s:` opens one
transaction (BEGIN IMMEDIATE on SQLite, so two writers queue on the busy timeout
instead of deadlocking) and commits it on success or rolls it back on any error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import URL, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from rmdesk import i18n
from rmdesk.errors import StoreError
from rmdesk.paths import STORE_FILENAME
from rmdesk.store.schema_head import HEAD_REVISION

BUSY_TIMEOUT_MS = 5000
# A screenful read's memory on PostgreSQL (Store.read): below what a hash of an RM's visible
# clients needs at 100k (the hash limit is twice this), so the policy check is a lookup per row.
SCREENFUL_WORK_MEM = "1MB"


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
    # a 32 MiB page cache (2,000 pages by default): a report over a 100k book seeks the same
    # indexes again and again, and reads them from memory rather than through the OS
    cur.execute("PRAGMA cache_size=-32768")
    cur.close()


def _sqlite_begin(conn) -> None:
    if conn.get_execution_options().get("rmdesk_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _writable(folder: Path) -> bool:
    from rmdesk.store.crypto import writable

    return writable(folder)


def _refuse_lost_store(data_dir: Path, password: str | None) -> None:
    """A missing or empty store beside backups (or set-aside copies, or a journal), or a
    headerless one, is damage: 'store.corrupt', so the restore is offered."""
    from rmdesk.store import crypto, journal

    path = data_dir / STORE_FILENAME
    if journal.pending(data_dir):  # an interrupted restore or password change: finish it first
        try:
            with journal.locked(data_dir):
                journal.recover(data_dir)
        except StoreError as exc:
            if exc.key != "store.locked":
                raise
            return  # its owner is running: it finishes the operation
    kind = crypto.classify(path)
    if kind == "damaged" or (kind == "encrypted" and password is None and _known_plain(data_dir)):
        raise StoreError("store.corrupt", path=str(path), detail=i18n.message("store.no_header"))
    if kind in ("missing", "empty") and journal.store_leftovers(data_dir):
        detail = i18n.message("store.gone" if kind == "missing" else "store.emptied")
        raise StoreError("store.corrupt", path=str(path), detail=detail)


def refuse_lost_store(data_dir: Path) -> None:
    """Before asking for a password: StoreError 'store.corrupt' when the store is lost or
    damaged (a headerless file beside plain backups is damage, not encryption)."""
    _refuse_lost_store(data_dir, None)


def _known_plain(data_dir: Path) -> bool:
    """No password was set: the newest backup is a plain SQLite file."""
    from rmdesk.store import backup, crypto

    backups = backup.list_backups(data_dir)
    return bool(backups) and crypto.classify(backups[0].path) == "plain"


def _under_policies(engine: Engine) -> bool:
    """Whether row-level security filters what the signed-in role reads: the team's policies
    are there and the role does not bypass them. (Asked once at open: a `team init` run while
    the app is open only changes how Today's first rows are read, not what is seen.)"""
    from rmdesk.store import team

    with engine.connect() as conn:
        return team.has_policies(conn) and not conn.execute(text(
            "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")).scalar()


def _sqlite_readonly_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


class Store:
    """One database: a local SQLite file or a shared server given by a SQLAlchemy URL."""

    def __init__(self, engine: Engine, data_dir: Path | None = None, key: str | None = None) -> None:
        self.engine = engine
        self.data_dir = data_dir
        # The SQLCipher password of an encrypted local store (None: a plain file).
        self.key = key
        # Set by every committed write; cleared by a backup (see maybe_backup/close).
        self.dirty = False
        self.check_skipped = False
        self.readonly = False
        # PostgreSQL: row-level security filters what this role reads (a team database after
        # `team init`, signed in as other than a superuser); see read(screenful=True).
        self.under_policies = False
        # Figures a search's plan choices reuse for the store's life (services.clients): worked
        # out once, on the first search that needs them.
        self.planning: dict[str, object] = {}
        self._lock: Path | None = None
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        writer = engine.execution_options(rmdesk_write=True) if self.is_sqlite else engine
        self._write = sessionmaker(bind=writer, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path | None = None, url: str | None = None, *, lock: bool = True,
             check: bool = True, password: str | None = None, readonly: bool = False) -> Store:
        """Open (creating if needed) the store and bring its schema up to date.

        A local store is first checked (quick_check; StoreError 'store.corrupt' when it
        fails) and, with `lock`, its data directory is locked against a second writer
        process (StoreError 'store.locked'). An interrupted multi-file operation is
        finished first and the partial files of killed ones are deleted (journal.recover).
        A missing, empty or headerless store beside backups or set-aside copies is damage
        ('store.corrupt', with the restore offer), never a new empty book.
        An encrypted store needs its `password` ('store.password_needed' /
        'store.wrong_password'); a new store opened with a password is created encrypted.

        `readonly` (the listing, export and printing commands): nothing is written to the
        folder: no lock, no stamp, no catalogue seeding, no statistics, no check at close;
        the file is opened read-only (immutable when the folder cannot be written)."""
        if readonly and url is None and data_dir is not None:
            ro = cls._open_readonly(data_dir, password, check)
            if ro is not None:
                return ro
        held = None
        key = None
        checked = True
        if url is None:
            if data_dir is None:
                raise ValueError("Store.open needs a data_dir or a url")
            try:
                data_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("store.cannot_create_dir", path=str(data_dir), reason=exc.strerror) from exc
            from rmdesk.store import backup, crypto, journal
            from rmdesk.store import lock as dirlock

            path = data_dir / STORE_FILENAME
            held = dirlock.acquire(data_dir) if lock else None
            try:
                if held:
                    journal.recover(data_dir)
                _refuse_lost_store(data_dir, password)
                crypto.verify(path, password)
                if password and crypto.classify(path) in ("encrypted", "missing", "empty"):
                    key = password
                    crypto.dbapi()  # StoreError when the binding is missing
                checked = backup.check_store(data_dir, key, trust_verified_close=True) if check else True
            except BaseException:
                if held:
                    dirlock.release(held)
                raise
            # URL.create: no character of the path or the password is read as URL syntax
            url = URL.create("sqlite+pysqlcipher", password=key, database=str(path)) if key \
                else URL.create("sqlite", database=str(path))
        if key:
            engine = create_engine(url, future=True, poolclass=QueuePool,
                                   connect_args={"check_same_thread": False})
        elif make_url(url).get_backend_name() != "sqlite":
            return cls._open_server(url, data_dir)
        else:
            engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, data_dir, key)
        store._lock = held
        # trusted from its last checked close: the GUI runs the check in the background
        store.check_skipped = not checked
        try:
            store.upgrade()
            from rmdesk.store.products import ensure_products

            ensure_products(store)
        except BaseException as exc:
            store.close(backup=False)
            if not checked and isinstance(exc, DBAPIError):
                # the skipped check, now: a damaged file is reported as such
                from rmdesk.store import backup

                backup.check_store(data_dir, key)
            raise
        store.dirty = False  # seeding the catalogue is no reason for a backup
        return store

    @classmethod
    def _open_readonly(cls, data_dir: Path, password: str | None, check: bool) -> Store | None:
        """The read-only open, or None when the store must first be created, upgraded or
        recovered (then the normal open does that once, and later reads are read-only)."""
        from rmdesk.store import backup, crypto, journal

        path = data_dir / STORE_FILENAME
        if journal.pending(data_dir) or crypto.classify(path) in ("missing", "empty"):
            if data_dir.exists() and not _writable(data_dir):
                _refuse_lost_store(data_dir, password)
                raise StoreError("store.no_store", path=str(path))
            return None
        _refuse_lost_store(data_dir, password)
        crypto.verify(path, password)
        key = password if crypto.classify(path) == "encrypted" else None
        checked = backup.check_store(data_dir, key, trust_verified_close=True, keep_mark=True) if check else True
        immutable = crypto.needs_immutable(path)

        def connect():
            return crypto.open_readonly(path, key, immutable, timeout=BUSY_TIMEOUT_MS / 1000)

        engine = create_engine("sqlite://", creator=connect, future=True, poolclass=QueuePool)
        event.listen(engine, "connect", _sqlite_readonly_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, data_dir, key)
        store.readonly = True
        store.check_skipped = not checked
        try:
            revision = store.schema_revision()
        except DBAPIError:
            store.engine.dispose()
            backup.check_store(data_dir, key)  # damage is reported as damage
            raise
        if revision != HEAD_REVISION:
            store.engine.dispose()
            if not _writable(data_dir):
                raise StoreError("store.needs_upgrade", path=str(path))
            cls.open(data_dir, password=password, check=False).close(backup=False)
            return cls._open_readonly(data_dir, password, check=False)
        return store

    @classmethod
    def _open_server(cls, url, data_dir: Path | None) -> Store:
        """A team database on a server (rmdesk.store.server): every connection error becomes
        one StoreError in the user's language."""
        from rmdesk.store import server

        if isinstance(url, str):
            url = server.parse(url)
        if url.get_backend_name() == "postgresql" and not server.driver_available():
            raise StoreError("server.no_driver")
        engine = create_engine(url, future=True, pool_pre_ping=True,
                               connect_args=server.connect_args() if url.get_backend_name() == "postgresql" else {})
        store = cls(engine, data_dir)
        from rmdesk.store import changes

        store.own_backends = changes.track_backends(engine)  # its own writes are not "the team's changes"
        try:
            store.upgrade()
            from rmdesk.store.products import ensure_products

            ensure_products(store)
            store.under_policies = _under_policies(engine)
        except DBAPIError as exc:
            engine.dispose()
            raise (server.translate(exc, url) or exc) from exc
        except BaseException:
            engine.dispose()
            raise
        store.dirty = False
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
        if current is not None and self.is_sqlite and self.data_dir is not None:
            from rmdesk.store import backup

            backup.create_backup(self.data_dir, key=self.key)  # before any migration
        migrate.upgrade(self.engine, "head")
        # A later migration that rebuilt clients/contacts in batch mode drops the
        # search triggers: put them back and refill the index.
        with self.engine.begin() as conn:
            search_index.ensure(conn)
        if not self.is_sqlite:  # rows an older rmdesk loaded with explicit ids: sequences past them
            from rmdesk.store import sequences

            sequences.sync_all(self.engine)
            from rmdesk.store import changes

            with self.engine.begin() as conn:  # tables a later migration added notify too
                changes.ensure(conn)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One read-write transaction; commits when the block ends without error."""
        with self._write() as session, session.begin():
            yield session
        self.dirty = True

    @contextmanager
    def read(self, screenful: bool = False, quick: bool = False) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end).

        `quick` (and `screenful`): the read answers a keystroke or fills a screen. On
        PostgreSQL it starts no parallel workers: their launch cost more than they saved on
        scans of a few thousand rows (dianli's gathered search page at 100k, 2 cores: 57 → 31
        ms; the planner chose them after an ANALYZE).

        `screenful`: the read wants the first rows of a list (Today's sections). Under
        row-level security each child table's policy asks whether the row's client is visible;
        the planner, estimating a thousand rows for a day's visits, answers it by hashing every
        client the RM sees (30-40 ms a statement at 100k, whatever the page). With less memory
        for this transaction that hash no longer fits, and it looks the few rows' clients up
        (an RM's Today at 100k: 321 → 143 ms). Without policies (SQLite, a superuser) nothing
        changes: there no policy is checked and the small memory could only slow the sorts."""
        with self._read() as session:
            if not self.is_sqlite and (quick or screenful):
                # set_config(…, true): SET LOCAL, both in one statement
                memory = f", set_config('work_mem', '{SCREENFUL_WORK_MEM}', true)" \
                    if screenful and self.under_policies else ""
                session.execute(text(f"SELECT set_config('max_parallel_workers_per_gather', '0', true){memory}"))
            yield session

    def local(self) -> bool:
        """A local SQLite file in a data directory (backups, checks and locks apply)."""
        return self.is_sqlite and self.data_dir is not None

    def backup_due(self, now: datetime | None = None) -> bool:
        """Something changed and the last backup is older than 30 minutes."""
        if not (self.local() and self.dirty):
            return False
        from rmdesk.store import backup

        last = backup.last_backup_time(self.data_dir)
        return last is None or (now or backup.utcnow()) - last >= backup.AUTO_INTERVAL

    def backup_now(self, source_checked: bool = False):
        """A backup of this store (after checking it, unless the caller just did); clears `dirty`."""
        from rmdesk.store import backup

        self.dirty = False
        try:
            return backup.create_backup(self.data_dir, key=self.key, source_checked=source_checked)
        except BaseException:
            self.dirty = True
            raise

    def maybe_backup(self, now: datetime | None = None):
        """The automatic backup: taken when backup_due(); returns it or None."""
        return self.backup_now() if self.backup_due(now) else None

    def close(self, backup: bool = True) -> None:
        """Close the engine; a local store that changed is checked and backed up
        (a store failing the check is never copied into the backups). A read-only
        store only closes its connections."""
        if self.readonly:
            self.engine.dispose()
            return
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
        try:
            checked = False
            if self.local() and (self.data_dir / STORE_FILENAME).exists():
                from rmdesk.store.backup import quick_check

                problems = quick_check(self.data_dir / STORE_FILENAME, key=self.key)
                if problems:
                    logging.getLogger(__name__).error("store fails its check on close: %s", problems[:3])
                    backup = False
                else:
                    from rmdesk.store.backup import mark_verified

                    mark_verified(self.data_dir)
                    checked = True
            if backup and self.local() and self.dirty:
                try:
                    # The engine is gone and the folder's lock still held: nothing has
                    # written since that check, so the backup need not repeat it.
                    self.backup_now(source_checked=checked)
                except StoreError as exc:
                    logging.getLogger(__name__).error("no backup on close: %s", exc)
        finally:
            if self._lock is not None:
                from rmdesk.store import lock as dirlock

                dirlock.release(self._lock)
                self._lock = None
