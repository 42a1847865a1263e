"""PostgreSQL: the indexes of the list's sorts, the board and the Today page (migration 0025).

SQLite has its own (rmdesk.store.search_index: its indexes carry the rowid, so `(key)` already
sorts as `(key, id)`; its birthday index is an expression on the ISO text). PostgreSQL needs:

- the sort keys with `id` as the tie-break, so a page of the list is read off the index in
  order, with no sort of a whole step's (or tier's) clients;
- the board's order within a step (step_entered_at, id), each column's first cards read in order;
- the open deals of a client (amount included), summed per card without reading the table;
- the last contact per client (maintenance logs, held visits): the newest entry per client;
- the month and day of birthdays and founding dates (Today's care reminders: a few days of the
  year out of the whole book).

Every statement is idempotent (IF NOT EXISTS); nothing on SQLite.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

LIVE = "WHERE deleted_at IS NULL"
# the list's sort keys (rmdesk.services.clients.SORT_COLUMNS), each with the id after it
SORT_KEYS = {"name": "pinyin_full", "industry": "industry", "tier": "tier", "step": "step", "status": "status",
             "owner": "owner", "district": "district", "next_action_date": "next_action_date",
             "updated_at": "updated_at"}
# month * 100 + day of a date: immutable (extract on a date), so it can be indexed
MONTH_DAY = "(extract(month from {0}) * 100 + extract(day from {0}))"
# what a sort index carries besides its key: the status (the list's default filter: active and
# won) and the owner, which the clients policy checks for an RM under row-level security
# (rmdesk.store.team): a page, however deep, is then an index-only scan for an RM too
# (migration 0033 rebuilt the indexes of 0025, which carried the status only)
SORT_INCLUDES = ("status", "owner")


def _sort_index(column: str) -> str:
    carried = ", ".join(c for c in SORT_INCLUDES if c != column)
    return f"clients ({column}, id) {f'INCLUDE ({carried}) ' if carried else ''}{LIVE}"


INDEXES = {
    **{f"ix_clients_pg_sort_{key}": _sort_index(column) for key, column in SORT_KEYS.items()},
    "ix_clients_pg_board": f"clients (step, step_entered_at, id) {LIVE}",
    "ix_clients_pg_founded_md": f"clients ({MONTH_DAY.format('founded_date')}) "
                                "WHERE founded_date IS NOT NULL AND deleted_at IS NULL",
    # the founding dates themselves, for Today's anniversaries as a list of days: date equality
    # is leakproof, so an RM's query reads this index under row-level security (migration 0032)
    "ix_clients_pg_founded": "clients (founded_date) "
                             "WHERE founded_date IS NOT NULL AND deleted_at IS NULL AND status IN ('active', 'won')",
    "ix_contacts_pg_birthday_md": f"contacts ({MONTH_DAY.format('birthday')}) WHERE birthday IS NOT NULL",
    "ix_deals_pg_open": "deals (client_id) INCLUDE (amount) WHERE status = 'open' AND deleted_at IS NULL",
    # Today's next steps due: the open ones in their order, so the first 100 are read off the
    # index (a demo day has thousands due on one date; a due-date index sorted them all)
    "ix_tasks_pg_open_due": "tasks (due_date, id) WHERE done_at IS NULL",
    "ix_maintenance_logs_pg_client_at": "maintenance_logs (client_id, at)",
    "ix_visits_pg_done": "visits (client_id, planned_at) WHERE status = 'done' AND deleted_at IS NULL",
}
TABLES = ("clients", "contacts", "deals", "maintenance_logs", "visits", "tasks")


def create_indexes(conn: Connection, indexes: dict[str, str], tables: tuple[str, ...]) -> None:
    """Each of `indexes` (name -> target) made when missing, then `tables` analysed
    (PostgreSQL only; idempotent)."""
    if conn.dialect.name != "postgresql":
        return
    for name, target in indexes.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
    for table in tables:
        conn.execute(text(f"ANALYZE {table}"))


def drop_indexes(conn: Connection, names) -> None:
    if conn.dialect.name != "postgresql":
        return
    for name in names:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def install(conn: Connection) -> None:
    """Migration 0025 (and 0032, 0033 for the indexes they added)."""
    create_indexes(conn, INDEXES, TABLES)


def rebuild_sort_indexes(conn: Connection) -> None:
    """Migration 0033: each sort index that does not carry every SORT_INCLUDES column made
    again (PostgreSQL only; idempotent)."""
    if conn.dialect.name != "postgresql":
        return
    for key, column in SORT_KEYS.items():
        name = f"ix_clients_pg_sort_{key}"
        definition = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"), {"n": name}).scalar()
        if definition is not None and all(c in definition for c in SORT_INCLUDES):
            continue
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
        conn.execute(text(f"CREATE INDEX {name} ON {_sort_index(column)}"))
    conn.execute(text("ANALYZE clients"))


def drop(conn: Connection) -> None:
    drop_indexes(conn, INDEXES)
