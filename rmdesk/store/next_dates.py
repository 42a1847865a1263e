"""Stored next dates for Today (migration 0027): each key person's next birthday, and each
client's next due maintenance contact.

`contacts.next_birthday` is the first solar date on or after the day it was worked out
(services.next_dates) on which the person's birthday falls — a lunar birthday (农历)
resolved to its solar date, 29 February kept on 28 February in common years — so Today's
birthdays are one indexed range instead of every lunar birthday of the book read and
converted on each refresh. NULL: not worked out yet (a new row, a bulk load, a changed
birthday: the trigger below clears it, whoever writes — the app, an import, raw SQL);
NEVER: no birthday to come. Both engines.

`clients.next_due` is the day the client's next maintenance contact is due (services.cadence:
the tier's cadence or the client's own from the last contact, or the date set by hand, moved
to a working day), for the kept clients; NEVER for one whose hand-set date has passed with a
contact; NULL for every other client (never due) and where not worked out yet. It depends only on stored rows, so
it is cleared — by triggers, whoever writes — when any of them changes: the client's tier,
rule, hand-set date, step, status or trash; a visit or a maintenance log of the client. What
every client's date depends on — the tier scheme's cadences, the holiday calendar — is
checked by services.next_dates itself (a fingerprint per signed-in role: under row-level
security a trigger could clear only the rows its writer sees). Today works out the cleared
ones and reads the due ones off an index.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

NEVER = date(9999, 12, 31)

_SQLITE = [
    """CREATE TRIGGER IF NOT EXISTS contacts_next_birthday_au AFTER UPDATE OF birthday, birthday_is_lunar ON contacts
       WHEN NEW.birthday IS NOT OLD.birthday OR NEW.birthday_is_lunar IS NOT OLD.birthday_is_lunar BEGIN
           UPDATE contacts SET next_birthday = NULL WHERE id = NEW.id;
       END""",
]
_POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION rmdesk_next_birthday_reset() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           IF NEW.birthday IS DISTINCT FROM OLD.birthday OR NEW.birthday_is_lunar IS DISTINCT FROM OLD.birthday_is_lunar
           THEN
               NEW.next_birthday := NULL;
           END IF;
           RETURN NEW;
       END $$""",
    "DROP TRIGGER IF EXISTS rmdesk_next_birthday ON contacts",
    """CREATE TRIGGER rmdesk_next_birthday BEFORE UPDATE OF birthday, birthday_is_lunar ON contacts
       FOR EACH ROW EXECUTE FUNCTION rmdesk_next_birthday_reset()""",
]
INDEX = "CREATE INDEX IF NOT EXISTS ix_contacts_next_birthday ON contacts (next_birthday)"
FOUNDED_INDEX = "CREATE INDEX IF NOT EXISTS ix_clients_founded_md ON clients (substr(founded_date, 6, 5))"
DUE_INDEX = "CREATE INDEX IF NOT EXISTS ix_clients_next_due ON clients (next_due) WHERE next_due IS NOT NULL"
# the kept clients whose date is to be worked out (services.cadence.KEPT, its terms as the query
# writes them): a 100k book's other clients are cleared too, for good
STALE_INDEX = ("CREATE INDEX IF NOT EXISTS ix_clients_due_stale ON clients (id) WHERE next_due IS NULL "
               "AND deleted_at IS NULL AND status IN ('active', 'won') AND (step = 6 OR next_maintenance_date IS NOT NULL)")
# what next_due depends on (services.cadence.schedule)
DUE_COLUMNS = ("tier", "cadence_rule", "next_maintenance_date", "step", "status", "deleted_at", "step_entered_at")
_CHILDREN = ("visits", "maintenance_logs")
_CLEAR = "UPDATE clients SET next_due = NULL WHERE id = {row}.client_id AND next_due IS NOT NULL"
_DUE_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS clients_next_due_au AFTER UPDATE OF {", ".join(DUE_COLUMNS)} ON clients
        BEGIN UPDATE clients SET next_due = NULL WHERE id = NEW.id; END""",
    *(f"""CREATE TRIGGER IF NOT EXISTS {t}_next_due_a{e[0].lower()} AFTER {e} ON {t}
          BEGIN {_CLEAR.format(row=r)}; {_CLEAR.format(row="OLD") + ";" if e == "UPDATE" else ""} END"""
      for t in _CHILDREN for e, r in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))),
]
_DUE_POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION rmdesk_next_due_reset() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in DUE_COLUMNS)} THEN
                NEW.next_due := NULL;
            END IF;
            RETURN NEW;
        END $$""",
    "DROP TRIGGER IF EXISTS rmdesk_next_due ON clients",
    f"""CREATE TRIGGER rmdesk_next_due BEFORE UPDATE OF {", ".join(DUE_COLUMNS)} ON clients
        FOR EACH ROW EXECUTE FUNCTION rmdesk_next_due_reset()""",
    """CREATE OR REPLACE FUNCTION rmdesk_next_due_child() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                UPDATE clients SET next_due = NULL WHERE id = OLD.client_id AND next_due IS NOT NULL;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                UPDATE clients SET next_due = NULL WHERE id = NEW.client_id AND next_due IS NOT NULL;
            END IF;
            RETURN NULL;
        END $$""",
    *(statement for t in _CHILDREN for statement in (
        f"DROP TRIGGER IF EXISTS rmdesk_next_due ON {t}",
        f"""CREATE TRIGGER rmdesk_next_due AFTER INSERT OR UPDATE OR DELETE ON {t}
            FOR EACH ROW EXECUTE FUNCTION rmdesk_next_due_child()""")),
]


def install(conn: Connection) -> None:
    """The column, its index and its trigger (idempotent, both engines)."""
    if "next_birthday" not in {c["name"] for c in inspect(conn).get_columns("contacts")}:
        conn.execute(text("ALTER TABLE contacts ADD COLUMN next_birthday DATE"))
    if "next_due" not in {c["name"] for c in inspect(conn).get_columns("clients")}:
        conn.execute(text("ALTER TABLE clients ADD COLUMN next_due DATE"))
    conn.execute(text(INDEX))
    conn.execute(text(DUE_INDEX))
    conn.execute(text(STALE_INDEX))
    sqlite = conn.dialect.name == "sqlite"
    for statement in (_SQLITE + _DUE_SQLITE) if sqlite else (_POSTGRESQL + _DUE_POSTGRESQL):
        conn.execute(text(statement))
    if sqlite:  # the company anniversaries in Today's window (PostgreSQL's twin: pg_speed, 0025)
        conn.execute(text(FOUNDED_INDEX))


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                  "(name LIKE '%next_due%' OR name LIKE '%next_birthday%')")).scalars()
        for name in list(names):
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
    else:
        for table in ("contacts", "clients", *_CHILDREN):
            conn.execute(text(f"DROP TRIGGER IF EXISTS rmdesk_next_birthday ON {table}"))
            conn.execute(text(f"DROP TRIGGER IF EXISTS rmdesk_next_due ON {table}"))
        for function in ("rmdesk_next_birthday_reset", "rmdesk_next_due_reset", "rmdesk_next_due_child"):
            conn.execute(text(f"DROP FUNCTION IF EXISTS {function}()"))
    conn.execute(text("DROP INDEX IF EXISTS ix_clients_founded_md"))
    conn.execute(text("DROP INDEX IF EXISTS ix_clients_due_stale"))
    for index, table, column in (("ix_contacts_next_birthday", "contacts", "next_birthday"),
                                 ("ix_clients_next_due", "clients", "next_due")):
        conn.execute(text(f"DROP INDEX IF EXISTS {index}"))
        if column in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
