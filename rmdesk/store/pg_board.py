"""PostgreSQL: the board's column heads and the row-level security checks read off indexes
alone (migration 0031). Nothing on SQLite, which has no policies (its board and heads are
served by rmdesk.store.search_index's `(step, status)` and the deals' client index).

Under row-level security every row an RM's statement reads passes the clients policy
(rmdesk.store.team: `owner = current_user OR lead OR shared`), and every row of a table with a
client_id passes `EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id)`, which is that
policy again for the row's client. Both need the client's `owner` (and `id`): with them in the
index, the check is an index-only scan instead of a visit to the clients table per row:

- `ix_clients_pg_policy`: a child row's check (each open deal of the board's sums, each card's
  deals, each key person or visit an RM's page reads) — one index probe, no table page;
- `ix_clients_pg_heads`: the board's column heads, the open cards counted per step and status,
  with the policy's columns included, so an RM's counts read no table page.

Measured as an RM (sees a third of the book) on the 100k bench book: the heads' one grouped
statement went from ~210 ms (12,309 table pages for the counts, 7,934 table lookups for the
deals' policy) to ~90 ms. Both are B-trees over columns other indexes already cover, so no
update that was HOT (written in place) stops being one. Idempotent (IF NOT EXISTS).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from rmdesk.store.pg_speed import create_indexes, drop_indexes

INDEXES = {
    "ix_clients_pg_policy": "clients (id) INCLUDE (owner)",
    "ix_clients_pg_heads": "clients (step, status) INCLUDE (owner, id) WHERE deleted_at IS NULL",
}


def install(conn: Connection) -> None:
    """Migration 0031 (PostgreSQL only; idempotent)."""
    create_indexes(conn, INDEXES, ("clients",))


def drop(conn: Connection) -> None:
    drop_indexes(conn, INDEXES)
