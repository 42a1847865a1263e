"""Id sequences on a server database.

Bulk loads (the demo book, the importers) give rows their ids themselves, so that key persons,
visits and the history can point at their client within one executemany. On SQLite the next
INTEGER PRIMARY KEY follows the largest id by itself; a PostgreSQL identity/serial column has a
sequence that knows nothing of explicit ids. `reserve_ids` takes ids from the sequence (safe with
other writers), `sync` moves sequences past the ids already in their tables after a load.
"""

from __future__ import annotations

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection


def _sequence(conn: Connection, table: Table) -> str | None:
    return conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()


def reserve_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """`count` fresh ids for explicit inserts into `table` (its `id` column)."""
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        seq = _sequence(conn, table)
        if seq is not None:
            return list(conn.execute(text("SELECT nextval(CAST(:s AS regclass)) FROM generate_series(1, :n)"),
                                     {"s": seq, "n": count}).scalars())
    start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    return list(range(start, start + count))


def sync(conn: Connection, table: Table) -> None:
    """After explicit ids went into `table`: its sequence continues after the largest one."""
    if conn.dialect.name != "postgresql" or "id" not in table.c:
        return
    seq = _sequence(conn, table)
    if seq is None:
        return
    quoted = conn.dialect.identifier_preparer.quote(table.name)
    top = conn.execute(text(f"SELECT max(id) FROM {quoted}")).scalar()  # noqa: S608 - a model's table
    current = conn.execute(text("SELECT pg_sequence_last_value(CAST(:s AS regclass))"), {"s": seq}).scalar() or 0
    # only ever forward: a role that sees part of the rows (row-level security) never moves it back
    if top is not None and top > current:  # the next nextval() returns top + 1
        conn.execute(text("SELECT setval(CAST(:s AS regclass), :v, true)"), {"s": seq, "v": top})


def behind(conn: Connection, tables: list[Table]) -> list[tuple[str, int, int]]:
    """(table, sequence's last value, largest id) for every sequence behind its table."""
    if conn.dialect.name != "postgresql":
        return []
    found = []
    for table in tables:
        if "id" not in table.c:
            continue
        seq = _sequence(conn, table)
        if seq is None:
            continue
        quoted = conn.dialect.identifier_preparer.quote(table.name)
        top = conn.execute(text(f"SELECT max(id) FROM {quoted}")).scalar()  # noqa: S608 - a model's table
        # NULL while nothing was drawn from it: the next id is its start (1)
        current = conn.execute(text("SELECT pg_sequence_last_value(CAST(:s AS regclass))"),
                               {"s": seq}).scalar() or 0
        if top is not None and current < top:
            found.append((table.name, current, top))
    return found


def sync_all(engine) -> None:
    """Every model table's sequence past its rows (opening a server database; cheap)."""
    if engine.dialect.name != "postgresql":
        return
    from rmdesk.store.models import Base

    with engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            sync(conn, table)
