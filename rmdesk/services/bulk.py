"""Bulk loading helpers for the demo generator and importers: Core inserts (one
executemany per table, no ORM unit of work) and search keys spread over the cores.

Usage inside one write transaction:

    keys = search_keys_many(names)           # rmdesk.services.pinyin
    with store.write() as s:
        bulk_insert(s, Client, client_rows)  # the FTS search index follows by trigger
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from rmdesk.store import changes, pg_search, sequences

CHUNK = 50_000


def bulk_insert(session: Session, model: type, rows: Sequence[dict], chunk: int = CHUNK,
                progress: Callable[[int], None] | None = None) -> int:
    """Insert plain dict rows (all with the same keys) into the model's table with Core
    executemany, in chunks; `progress(n)` after each chunk. Returns the row count."""
    if not rows:
        return 0
    table = model.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    if dialect.name == "sqlite":
        # The DBAPI's executemany on tuples, each value through its column type's bind
        # processor (Decimal -> fen, dates -> text): several times faster than Core's
        # per-row parameter handling, same stored values.
        columns = [table.c[key] for key in keys]
        processors = [(i, p) for i, col in enumerate(columns) if (p := col.type.bind_processor(dialect))]
        sql = (f"INSERT INTO {table.name} ({', '.join(keys)}) "
               f"VALUES ({', '.join('?' for _ in keys)})")
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            for start in range(0, len(rows), chunk):
                params = []
                for row in rows[start:start + chunk]:
                    values = [row[key] for key in keys]
                    for i, process in processors:
                        if values[i] is not None:
                            values[i] = process(values[i])
                    params.append(values)
                cursor.executemany(sql, params)
                if progress:
                    progress(start + len(params))
        finally:
            cursor.close()
        return len(rows)
    statement = table.insert()
    changes.quiet(connection, True)  # one notification for the load, not a trigger call per row
    try:
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            connection.execute(statement, list(part))
            if progress:
                progress(start + len(part))
    finally:
        changes.quiet(connection, False)
    changes.announce(connection, table.name)
    if table.name == "contacts":  # their pieces on the clients' rows, which the trigger left to the load
        pg_search.refresh_key_person_grams(connection, {row["client_id"] for row in rows})
    if "id" in keys:
        sequences.sync(connection, table)  # a server's id sequence continues after these rows
    return len(rows)
