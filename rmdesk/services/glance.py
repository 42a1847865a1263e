"""The start's first glance at the local book: the client list's count and first page read
with the standard library's sqlite3, while SQLAlchemy and the store load on the thread pool
(about half a second on a laptop; issue 13). The window shows them, read-only, when the user
goes to the client list before the book is open; the real list replaces them once it is.

Only a plain SQLite book already at the newest revision is read (its layout is then the one
below); an encrypted, damaged, missing or older book, or one that a writer holds locked, gives
None and the window keeps saying that the book is being opened. Nothing is written: the file
is opened read-only, as immutable when no write-ahead log holds part of it (_settled).

The page is the list's own first page with no filter and its first sort (by name: the pinyin,
then the id), the count its count of live clients (services.clients.first_page; a test holds
the two to the same answer)."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from rmdesk.paths import STORE_FILENAME
from rmdesk.services.client_row import ClientRow
from rmdesk.store import crypto
from rmdesk.store.schema_head import HEAD_REVISION

# how long a glance waits for a writer's lock (another program on the book): a glance that
# would wait is not worth having, the real open follows anyway
LOCK_WAIT_S = 0.1
FIELDS = ("id", "name", "short_name", "industry", "tier", "step", "status", "owner", "district",
          "next_action_date", "step_entered_at", "updated_at", "version")
# the page's ids first, off the live clients' pinyin index (ix_clients_live_pinyin_full)
PAGE = (f"SELECT {', '.join(FIELDS)} FROM clients WHERE id IN ("
        "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY pinyin_full, id LIMIT ?) "
        "ORDER BY pinyin_full, id")
COUNT = "SELECT count(*) FROM clients WHERE deleted_at IS NULL"  # count(id) reads each id: twice as long


@dataclass(frozen=True)
class Glance:
    total: int  # the live clients in the book
    rows: list[ClientRow]  # the list's first page, in its order


def first_page(data_dir: Path, limit: int = 200) -> Glance | None:
    """The client list's count and first `limit` rows of the local book in `data_dir`, or
    None when the book cannot be glanced at (see the module's note)."""
    path = Path(data_dir) / STORE_FILENAME
    if crypto.classify(path) != "plain":
        return None
    try:
        con = crypto.open_readonly(path, None, immutable=_settled(path), timeout=LOCK_WAIT_S)
    except sqlite3.Error:
        return None
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        total = con.execute(COUNT).fetchone()[0]
        rows = [_row(values) for values in con.execute(PAGE, (limit,))]
    except (sqlite3.Error, ValueError, TypeError) as exc:  # damaged, locked, a value not as written
        logging.getLogger(__name__).info("no first glance at the book: %s", exc)
        return None
    finally:
        con.close()
    return Glance(total, rows)


def _settled(path: Path) -> bool:
    """Whether the whole book is in its file (no write-ahead log, or an empty one: the last
    close folded it in). It is then read as immutable, which leaves no -wal or -shm behind; a
    writer that starts meanwhile writes its log, not the file. With a log the file is read
    with it (its -shm is then there already)."""
    log = Path(f"{path}-wal")
    try:
        return log.stat().st_size == 0
    except FileNotFoundError:
        return True


def _row(values: tuple) -> ClientRow:
    data = dict(zip(FIELDS, values, strict=True))
    data["next_action_date"] = date.fromisoformat(data["next_action_date"]) if data["next_action_date"] else None
    for name in ("step_entered_at", "updated_at"):
        data[name] = datetime.fromisoformat(data[name])
    return ClientRow(**data)
