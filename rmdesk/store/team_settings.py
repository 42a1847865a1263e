"""Each RM's own settings rows on a team database, enforced by PostgreSQL (row-level
security); called by `rmdesk team init` (rmdesk.store.team) and migration 0030.

On a team database the personal settings (services.settings.PERSONAL: the profile, targets,
reminders) are stored under the key with the login, "profile@lina"; every other key is the
team's ("stale_days", the tier scheme, "next_due_basis:lina"). With this policy:

- an RM reads and writes the team's rows and only their own personal rows (the part of the
  key after its first "@" is the signed-in role);
- a lead reads and writes every row.

The local SQLite book has no policies: nothing changes there.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

TABLE = "settings"
POLICY = "rmdesk_access"


def visible(is_lead: str) -> str:
    """The policy's condition: a team row, the signed-in role's own, or a lead."""
    return (f"strpos(key, '@') = 0 OR substr(key, strpos(key, '@') + 1) = current_user OR {is_lead}")


def init(conn: Connection, is_lead: str) -> list[str]:
    """Row-level security on the settings (safe to run again); the tables protected."""
    condition = visible(is_lead)
    conn.execute(text(f"ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY"))
    conn.execute(text(f"ALTER TABLE {TABLE} FORCE ROW LEVEL SECURITY"))
    conn.execute(text(f"DROP POLICY IF EXISTS {POLICY} ON {TABLE}"))
    conn.execute(text(f"CREATE POLICY {POLICY} ON {TABLE} USING ({condition}) WITH CHECK ({condition})"))
    return [TABLE]


def drop(conn: Connection) -> None:
    """Back to one settings table for the whole team (migration 0030 down)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(f"DROP POLICY IF EXISTS {POLICY} ON {TABLE}"))
    conn.execute(text(f"ALTER TABLE {TABLE} NO FORCE ROW LEVEL SECURITY"))
    conn.execute(text(f"ALTER TABLE {TABLE} DISABLE ROW LEVEL SECURITY"))
