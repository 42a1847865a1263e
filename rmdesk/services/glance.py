"""The start's first glance at the local book, read with the standard library's sqlite3 while
SQLAlchemy and the store load on the thread pool (about a second on a laptop; issue 13): the
client list's count and first page, and Today's visits and next steps due. The window shows
them when the user is on that page before the book is open; the page reads the book itself
once it is.

Only a plain SQLite book already at the newest revision is read (its layout is then the one
below); an encrypted, damaged, missing or older book, or one that a writer holds locked, gives
None and the window keeps saying that the book is being opened. Nothing is written: the file
is opened read-only, as immutable when no write-ahead log holds part of it (_settled).

The list's page is its own first page with no filter and its first sort (by name: the pinyin,
then the id), the count its count of live clients (services.clients.first_page). Today's are
services.visits' visits_between(day, 1) and open_tasks(due_by=day), and the welcome line's
services.clients.is_empty. Tests hold each to the same answer as the service."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from rmdesk.paths import STORE_FILENAME
from rmdesk.services.client_row import ClientRow
from rmdesk.services.visit_rows import TaskRow, VisitRow
from rmdesk.store import crypto
from rmdesk.store.schema_head import HEAD_REVISION

# how long a glance waits for a writer's lock (another program on the book): a glance that
# would wait is not worth having, the real open follows anyway
LOCK_WAIT_S = 0.1
T = TypeVar("T")
FIELDS = ("id", "name", "short_name", "industry", "tier", "step", "status", "owner", "district",
          "next_action_date", "step_entered_at", "updated_at", "version")
# the page's ids first, off the live clients' pinyin index (ix_clients_live_pinyin_full)
PAGE = (f"SELECT {', '.join(FIELDS)} FROM clients WHERE id IN ("
        "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY pinyin_full, id LIMIT ?) "
        "ORDER BY pinyin_full, id")
COUNT = "SELECT count(*) FROM clients WHERE deleted_at IS NULL"  # count(id) reads each id: twice as long
# Today's visits, cancelled ones left out, in time order (off ix_visits_planned_at_status);
# SQLAlchemy keeps a DateTime as text in ISO order, so the day's bounds compare as text
VISITS = ("SELECT v.id, v.client_id, c.name, p.name, v.planned_at, v.duration_min, v.place, v.kind, v.objective,"
          " v.status, v.confirmed, v.version FROM visits v JOIN clients c ON v.client_id = c.id"
          " LEFT JOIN contacts p ON v.contact_id = p.id"
          " WHERE v.planned_at >= ? AND v.planned_at < ? AND v.deleted_at IS NULL AND c.deleted_at IS NULL"
          " AND v.status != 'cancelled' ORDER BY v.planned_at, v.id LIMIT ?")
# next steps not done and due by the day, earliest first (off the due date's index)
TASKS = ("SELECT t.id, t.client_id, c.name, t.title, t.owner, t.due_date, t.version"
         " FROM tasks t JOIN clients c ON t.client_id = c.id"
         " WHERE t.done_at IS NULL AND c.deleted_at IS NULL AND t.due_date <= ? ORDER BY t.due_date, t.id LIMIT ?")
ANY_CLIENT = "SELECT id FROM clients LIMIT 1"


@dataclass(frozen=True)
class Glance:
    total: int  # the live clients in the book
    rows: list[ClientRow]  # the list's first page, in its order


@dataclass(frozen=True)
class TodayGlance:
    day: date
    empty: bool  # not one client in the book, not even in the trash (Today's welcome line)
    visits: list[VisitRow]  # the day's, in time order
    tasks: list[TaskRow]  # due by the day, earliest first


def first_page(data_dir: Path, limit: int = 200) -> Glance | None:
    """The client list's count and first `limit` rows of the local book in `data_dir`, or
    None when the book cannot be glanced at (see the module's note)."""
    def reads(con: sqlite3.Connection) -> Glance:
        total = con.execute(COUNT).fetchone()[0]
        return Glance(total, [_client(values) for values in con.execute(PAGE, (limit,))])

    return _read(data_dir, reads)


def today(data_dir: Path, day: date, limit: int) -> TodayGlance | None:
    """Today's first sections on `day` (the first `limit` of each) from the local book in
    `data_dir`, or None when the book cannot be glanced at."""
    begin = datetime.combine(day, datetime.min.time())
    bounds = (_stored(begin), _stored(begin + timedelta(days=1)))

    def reads(con: sqlite3.Connection) -> TodayGlance:
        return TodayGlance(day, con.execute(ANY_CLIENT).fetchone() is None,
                           [_visit(values) for values in con.execute(VISITS, (*bounds, limit))],
                           [_task(values) for values in con.execute(TASKS, (day.isoformat(), limit))])

    return _read(data_dir, reads)


def _read(data_dir: Path, reads: Callable[[sqlite3.Connection], T]) -> T | None:
    """What `reads` makes of the book in `data_dir`, opened read-only, or None when the book
    cannot be glanced at or a read fails (damage, a lock, a value not as written)."""
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
        return reads(con)
    except (sqlite3.Error, ValueError, TypeError) as exc:
        logging.getLogger(__name__).info("no first glance at the book: %s", exc)
        return None
    finally:
        con.close()


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


def _stored(moment: datetime) -> str:
    """A moment as SQLAlchemy's SQLite DateTime keeps it."""
    return moment.isoformat(" ", "microseconds")


def _client(values: tuple) -> ClientRow:
    data = dict(zip(FIELDS, values, strict=True))
    data["next_action_date"] = date.fromisoformat(data["next_action_date"]) if data["next_action_date"] else None
    for name in ("step_entered_at", "updated_at"):
        data[name] = datetime.fromisoformat(data[name])
    return ClientRow(**data)


def _visit(values: tuple) -> VisitRow:
    row = list(values)
    row[4] = datetime.fromisoformat(row[4])  # planned_at
    row[10] = bool(row[10])  # confirmed
    return VisitRow(*row)


def _task(values: tuple) -> TaskRow:
    row = list(values)
    row[5] = date.fromisoformat(row[5])  # due_date: never empty here (due by the day)
    return TaskRow(*row)
