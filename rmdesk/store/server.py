"""A team database on a PostgreSQL server: its URL, its password, its errors.

The user gives `postgresql://user@host[:port]/database` (`--db-url`, $RMDESK_DB_URL or Settings ›
Team database). The password never goes into a file of rmdesk's: it comes from the URL itself
(the user typed it), $RMDESK_DB_PASSWORD, a prompt, or libpq's own ~/.pgpass and service file
(psycopg reads them when no password is given: `postgresql:///?service=team` works too).
URLs are built with `sqlalchemy.URL.create`, so a password with `@ % : /` needs no quoting.
"""

from __future__ import annotations

import os

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from rmdesk.errors import StoreError
from rmdesk.paths import DB_URL_ENV

DRIVER = "postgresql+psycopg"
PASSWORD_VARIABLE = "RMDESK_DB_PASSWORD"
URL_VARIABLE = DB_URL_ENV
CONNECT_TIMEOUT_S = 10


def parse(text: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL for a user's `postgresql://...` text; `password` (if given) replaces
    the URL's. Any postgres driver name becomes psycopg 3."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise StoreError("server.bad_url", url=hide_password(text)) from None
    backend = url.get_backend_name()
    if backend not in ("postgresql", "postgres"):
        raise StoreError("server.not_postgresql", scheme=backend)
    url = url.set(drivername=DRIVER)
    if password is not None:
        url = url.set(password=password)
    return url


def build(host: str, database: str, user: str | None = None, port: int | None = None,
          password: str | None = None) -> URL:
    """A URL from the Settings form's fields (no string formatting of the password)."""
    return URL.create(DRIVER, username=user or None, password=password or None, host=host or None,
                      port=port or None, database=database or None)


def hide_password(text: str) -> str:
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "…"


def password_from_environment() -> str | None:
    return os.environ.get(PASSWORD_VARIABLE) or None


def connect_args() -> dict:
    # a dead server or network shows as an error within seconds, not a hang; keepalives notice
    # a connection lost mid-session. No JIT: rmdesk's statements are short, and row-level
    # security's per-row checks inflate their estimated cost past jit_above_cost, where
    # compiling them took longer than running them (1.3 s of a 1.5 s search; bench/pg_search.py)
    return {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "rmdesk", "keepalives": 1,
            "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3, "options": "-c jit=off"}


def driver_available() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return True


def describe(url: URL) -> str:
    """user@host:port/database, never the password."""
    who = f"{url.username}@" if url.username else ""
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    return f"{who}{where}/{url.database or ''}"


def translate(exc: BaseException, url: URL | None = None) -> StoreError | None:
    """The user's one-line message for a server error (None: not a server error)."""
    if not isinstance(exc, DBAPIError) or exc.orig is None or type(exc.orig).__module__.startswith(
            ("sqlite3", "sqlcipher3")):
        return None  # the local book's errors are rmdesk.errors.as_user_error's
    orig = exc.orig
    text = str(orig or exc).strip()
    first = text.splitlines()[0] if text else type(orig).__name__
    lower = text.lower()
    sqlstate = getattr(orig, "sqlstate", None)
    user = (url.username if url is not None else None) or os.environ.get("PGUSER") or "?"
    host = (url.host if url is not None else None) or "localhost"
    if url is not None and url.port:
        host = f"{host}:{url.port}"
    if sqlstate == "28P01" or "password authentication failed" in lower:
        return StoreError("server.auth_failed", user=user)
    if "no password supplied" in lower or "fe_sendauth" in lower:
        return StoreError("server.password_needed", user=user)
    if sqlstate == "3D000" or ("database" in lower and "does not exist" in lower):
        return StoreError("server.no_database", database=(url.database if url is not None else "?"))
    if sqlstate == "28000" or "role" in lower and "does not exist" in lower:
        return StoreError("server.auth_failed", user=user)
    if sqlstate == "42501" or "permission denied" in lower or "row-level security" in lower:
        return StoreError("server.no_permission", detail=first.removeprefix("ERROR:").strip())
    if exc.connection_invalidated or "server closed the connection" in lower or "terminating connection" in lower \
            or "consuming input failed" in lower or "connection is lost" in lower or "eof detected" in lower:
        return StoreError("server.lost")
    if "connection refused" in lower or "could not connect" in lower or "timeout expired" in lower \
            or "could not translate host" in lower or "name or service not known" in lower \
            or "no route to host" in lower or "network is unreachable" in lower or "connection failed" in lower:
        return StoreError("server.unreachable", host=host)
    return StoreError("server.failed", detail=first)


def needs_password(exc: BaseException) -> bool:
    """The server asked for a password that was not given (a prompt may supply it)."""
    err = translate(exc)
    return err is not None and err.key in ("server.password_needed", "server.auth_failed")


def pg_dump_path() -> str | None:
    import shutil

    return shutil.which("pg_dump")


def dump(url: URL, folder, now) -> tuple[str, int] | None:
    """`pg_dump -Fc` of the team database into `folder` (a temporary name, then renamed):
    (file name, size), or None when pg_dump is not installed here. The connection goes to pg_dump
    through libpq's environment variables, the password never on a command line."""
    import subprocess
    from pathlib import Path

    program = pg_dump_path()
    if program is None:
        return None
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"team-{url.database or 'db'}-{now:%Y%m%d-%H%M%S}.dump"
    target = folder / name
    partial = folder / (name + ".partial")
    env = dict(os.environ)
    for variable, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                            ("PGDATABASE", url.database), ("PGPASSWORD", url.password)):
        if value is not None:
            env[variable] = str(value)
    env.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_S))
    try:
        done = subprocess.run([program, "--format=custom", "--no-password", "--file", str(partial)],
                              env=env, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError("server.backup_failed", detail=str(exc)) from None
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise StoreError("server.backup_failed", detail=detail.removeprefix("pg_dump: error: "))
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    partial.replace(target)
    return name, target.stat().st_size


def strip_password(url: URL) -> URL:
    """The URL with no password (URL.set(password=None) would keep it)."""
    return URL.create(url.drivername, username=url.username, host=url.host, port=url.port,
                      database=url.database, query=url.query)


def without_password(url: URL) -> str:
    """The URL as text with no password in it: what rmdesk may remember between runs."""
    return strip_password(url).render_as_string(hide_password=False)


class Probe:
    """What a test connection found: the server's version, the login and where the schema is."""

    def __init__(self, version: str, login: str, revision: str | None, head: str) -> None:
        self.version, self.login, self.revision, self.head = version, login, revision, head

    @property
    def state(self) -> str:
        """'ready' (schema at head), 'empty' (rmdesk sets it up), 'older' (upgraded on open)
        or 'newer' (a newer rmdesk's database)."""
        if self.revision == self.head:
            return "ready"
        if self.revision is None:
            return "empty"
        from rmdesk.store import migrate

        return "older" if self.revision in migrate.known_revisions() else "newer"


def probe(url: URL, head: str) -> Probe:
    """Connect once (no migration, nothing written) and say what is there, against the schema
    `head` this rmdesk has; every failure is one StoreError in the user's language (server down,
    wrong password, no such database…)."""
    from sqlalchemy import create_engine, inspect, text

    if url.get_backend_name() == "postgresql" and not driver_available():
        raise StoreError("server.no_driver")
    engine = create_engine(url, future=True, poolclass=_null_pool(),
                           connect_args=connect_args() if url.get_backend_name() == "postgresql" else {})
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or ""
            login = conn.execute(text("SELECT current_user")).scalar() or ""
            revision = None
            if inspect(conn).has_table("alembic_version"):
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        raise (translate(exc, url) or exc) from exc
    finally:
        engine.dispose()
    return Probe(str(version), str(login), revision, head)


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool
