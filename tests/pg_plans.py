"""Helpers of the tests that ask how PostgreSQL serves a service's statement for an RM under
row-level security (tests/test_pg_*_rls.py): the statements a call sends, and their plan on
the RM's own connection."""

from __future__ import annotations

from sqlalchemy import create_engine, event


def statements(store, work):
    """(work()'s result, the (statement, parameters) it sent through `store`)."""
    sent = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))
    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        result = work()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    return result, sent


def plan(url, statement, parameters, *settings: str) -> str:
    """EXPLAIN of `statement` on a connection of its own to `url`, with `settings` set first
    (a tiny table: `enable_seqscan = off` asks whether an index CAN serve)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for setting in settings:
                conn.exec_driver_sql(f"SET {setting}")
            return "\n".join(conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars())
    finally:
        engine.dispose()
