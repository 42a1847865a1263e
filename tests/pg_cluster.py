"""The throwaway PostgreSQL cluster of a test session (scripts/pg-test-cluster.sh).

Each test gets its own database, copied from a template that already has the schema at head
(CREATE DATABASE ... TEMPLATE: a few tens of milliseconds instead of running the migrations).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "pg-test-cluster.sh"
TEMPLATE = "rmdesk_tpl"
_names = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    def __init__(self, admin: URL, directory: Path | None) -> None:
        self.admin = admin
        self.directory = directory
        self.engine = create_engine(admin.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self._template_ready = False

    @classmethod
    def start(cls) -> PgServer:
        given = os.environ.get("RMDESK_TEST_PG_URL")
        if given:
            url = make_url(given).set(drivername="postgresql+psycopg")
            return cls(url, None)
        try:
            import psycopg  # noqa: F401
        except ImportError:
            pytest.skip("psycopg is not installed (pip install -e '.[dev]')")
        probe = subprocess.run(["bash", str(SCRIPT), "bindir"], capture_output=True, text=True)
        if probe.returncode != 0:
            pytest.skip("PostgreSQL is not installed and could not be (scripts/pg-test-cluster.sh install)")
        directory = Path(tempfile.mkdtemp(prefix="rmdesk-pg-"))
        port = _free_port()
        done = subprocess.run(["bash", str(SCRIPT), "start", str(directory), str(port)],
                              capture_output=True, text=True)
        if done.returncode != 0:  # installed but not starting: a real failure, not a skip
            shutil.rmtree(directory, ignore_errors=True)
            raise RuntimeError(f"the PostgreSQL test cluster did not start:\n{done.stderr}")
        # a watchdog stops and deletes the cluster if this process dies without its teardown
        # (a segfault, SIGKILL): no orphaned server keeps running
        subprocess.Popen(["bash", "-c", 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; bash "$2" stop "$3"',
                          "watchdog", str(os.getpid()), str(SCRIPT), str(directory)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        password = (directory / "admin-password").read_text().strip()
        admin = URL.create("postgresql+psycopg", username="rmdesk_admin", password=password,
                           host="127.0.0.1", port=port, database="postgres")
        return cls(admin, directory)

    def stop(self) -> None:
        self.engine.dispose()
        if self.directory is not None:
            subprocess.run(["bash", str(SCRIPT), "stop", str(self.directory)], capture_output=True)

    def url(self, database: str, **changes) -> URL:
        return self.admin.set(database=database, **changes)

    def sql(self, statement: str, database: str | None = None, **params) -> list:
        """One statement on the admin connection (to `database`, default the maintenance one)."""
        engine = self.engine if database is None else create_engine(self.url(database), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                result = conn.execute(text(statement), params)
                return list(result) if result.returns_rows else []
        finally:
            if database is not None:
                engine.dispose()

    def _template(self) -> str:
        if not self._template_ready:
            from rmdesk.store.engine import Store

            self.sql(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
            self.sql(f'CREATE DATABASE "{TEMPLATE}"')
            Store.open(url=self.url(TEMPLATE)).close()
            self._template_ready = True
        return TEMPLATE

    def new_database(self, template: str | None = None, name: str | None = None, empty: bool = False) -> URL:
        """A new database: a copy of `template` (default: the schema at head), or `empty`."""
        name = name or f"rmdesk_t{os.getpid()}_{next(_names)}"
        self.sql(f'DROP DATABASE IF EXISTS "{name}"')
        if empty:
            self.sql(f'CREATE DATABASE "{name}"')
        else:
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template or self._template()}"')
        return self.url(name)

    def drop_database(self, url: URL) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
