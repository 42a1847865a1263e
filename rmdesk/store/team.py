"""Who sees what on a team database, enforced by PostgreSQL itself (row-level security).

`init` (run once by the admin, a superuser or the database owner) creates two group roles,
`rmdesk_rm` and `rmdesk_lead` (a lead is also an RM), grants them the tables, and turns on
ENABLE + FORCE ROW LEVEL SECURITY with policies on every table holding client data:

- clients: a row is visible and writable when its `owner` is the signed-in role
  (current_user), when it is shared with that role (client_shares), or for a team lead;
- every table with a client_id: visible when its client is (the clients policy applies inside
  the check, so the rule is written once);
- client_shares: an RM sees the shares made to them; a lead all;
- work_reports and their review comments: see rmdesk.store.team_reports.

New clients an RM creates get the RM as owner (a trigger fills an empty owner). Only a lead
(or the admin) may give a client to someone else. Raw SQL on an RM's connection gets the same
answer: the server filters, not the application.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from rmdesk.errors import StoreError, ValidationError
from rmdesk.store import pg_leakproof, team_reports, team_settings

RM_ROLE = "rmdesk_rm"
LEAD_ROLE = "rmdesk_lead"
# a sub-select: the planner runs it once per statement (an InitPlan), not once per row
IS_LEAD = f"(SELECT pg_has_role(current_user, '{LEAD_ROLE}', 'MEMBER'))"
CLIENT_VISIBLE = (f"owner = current_user OR {IS_LEAD} OR EXISTS (SELECT 1 FROM client_shares sh "
                  "WHERE sh.client_id = clients.id AND sh.login = current_user)")


def _client_tables() -> list[str]:
    from rmdesk.store.models import Base

    return sorted(t.name for t in Base.metadata.sorted_tables
                  if "client_id" in t.c and t.name != "client_shares")


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _need_server(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise StoreError("team.needs_server")


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def init(conn: Connection) -> list[str]:
    """Set up (or refresh: safe to run again) the roles, grants and policies; the tables protected."""
    _need_server(conn)
    for role in (RM_ROLE, LEAD_ROLE):
        if not _role_exists(conn, role):
            conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    conn.execute(text(f"GRANT {RM_ROLE} TO {LEAD_ROLE}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {RM_ROLE}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {RM_ROLE}"))
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {RM_ROLE}"))
    # the team list and the schema are the admin's: RMs read them
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON team_members, alembic_version FROM {RM_ROLE}"))
    conn.execute(text("""
        CREATE OR REPLACE FUNCTION rmdesk_client_owner() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.owner IS NULL OR NEW.owner = '' THEN
                NEW.owner := current_user;
            END IF;
            RETURN NEW;
        END $$"""))
    conn.execute(text("DROP TRIGGER IF EXISTS rmdesk_client_owner ON clients"))
    conn.execute(text("CREATE TRIGGER rmdesk_client_owner BEFORE INSERT ON clients "
                      "FOR EACH ROW EXECUTE FUNCTION rmdesk_client_owner()"))
    protected = ["clients", "client_shares", *_client_tables()]
    for table in protected:
        q = _q(conn, table)
        conn.execute(text(f"ALTER TABLE {q} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"ALTER TABLE {q} FORCE ROW LEVEL SECURITY"))
        conn.execute(text(f"DROP POLICY IF EXISTS rmdesk_access ON {q}"))
    # an RM may not hand a client to someone else (WITH CHECK); a lead may
    conn.execute(text(f"CREATE POLICY rmdesk_access ON clients USING ({CLIENT_VISIBLE}) "
                      f"WITH CHECK (owner = current_user OR {IS_LEAD} OR EXISTS (SELECT 1 FROM client_shares sh "
                      "WHERE sh.client_id = clients.id AND sh.login = current_user))"))
    conn.execute(text(f"CREATE POLICY rmdesk_access ON client_shares USING (login = current_user OR {IS_LEAD}) "
                      f"WITH CHECK ({IS_LEAD})"))
    for table in _client_tables():
        q = _q(conn, table)
        conn.execute(text(f"CREATE POLICY rmdesk_access ON {q} USING "
                          f"(EXISTS (SELECT 1 FROM clients c WHERE c.id = {q}.client_id))"))
    protected += team_reports.init(conn, IS_LEAD)  # the work reports: own, the lead's review
    protected += team_settings.init(conn, IS_LEAD)  # each RM's own settings rows (key@login)
    pg_leakproof.install(conn)  # search indexes usable under these policies (a superuser only)
    return protected


def add_member(conn: Connection, login: str, name: str, lead: bool = False, password: str | None = None) -> bool:
    """The RM's server role (created when missing, with `password` if given) joins the team.
    Returns True when the role was created."""
    _need_server(conn)
    login = login.strip()
    if not login or len(login) > 63:
        raise ValidationError("team.bad_login", None, login=login)
    if not name.strip():
        raise ValidationError("error.required", "name")
    created = False
    q = _q(conn, login)
    if not _role_exists(conn, login):
        conn.execute(text(f"CREATE ROLE {q} LOGIN"))
        created = True
    if password:
        # both as bound values; the server quotes them into the statement (%I, %L)
        conn.execute(text("SELECT set_config('rmdesk.new_login', :l, true), "
                          "set_config('rmdesk.new_password', :p, true)"), {"l": login, "p": password})
        conn.execute(text("DO $$ BEGIN EXECUTE format('ALTER ROLE %I PASSWORD %L', "
                          "current_setting('rmdesk.new_login'), current_setting('rmdesk.new_password')); END $$"))
        conn.execute(text("SELECT set_config('rmdesk.new_password', '', true)"))
    conn.execute(text(f"GRANT {LEAD_ROLE if lead else RM_ROLE} TO {q}"))
    if not lead:
        conn.execute(text(f"REVOKE {LEAD_ROLE} FROM {q}"))
    conn.execute(text("INSERT INTO team_members (login, name, lead) VALUES (:l, :n, :d) "
                      "ON CONFLICT (login) DO UPDATE SET name = excluded.name, lead = excluded.lead"),
                 {"l": login, "n": name.strip(), "d": lead})
    return created


def share(conn: Connection, client_id: int, login: str) -> None:
    _need_server(conn)
    if conn.execute(text("SELECT 1 FROM team_members WHERE login = :l"), {"l": login}).first() is None:
        raise ValidationError("team.unknown_rm", None, login=login)
    if conn.execute(text("SELECT 1 FROM clients WHERE id = :c"), {"c": client_id}).first() is None:
        raise ValidationError("team.unknown_client", None, id=client_id)
    conn.execute(text("INSERT INTO client_shares (client_id, login) VALUES (:c, :l) ON CONFLICT DO NOTHING"),
                 {"c": client_id, "l": login})


def reassign(conn: Connection, client_id: int, login: str) -> None:
    _need_server(conn)
    if conn.execute(text("SELECT 1 FROM team_members WHERE login = :l"), {"l": login}).first() is None:
        raise ValidationError("team.unknown_rm", None, login=login)
    done = conn.execute(text("UPDATE clients SET owner = :l, version = version + 1, changed_by = current_user "
                             "WHERE id = :c"), {"c": client_id, "l": login})
    if done.rowcount != 1:
        raise ValidationError("team.unknown_client", None, id=client_id)


def members(conn: Connection) -> list[tuple[str, str, bool]]:
    return [tuple(r) for r in conn.execute(text("SELECT login, name, lead FROM team_members ORDER BY login"))]


def has_policies(conn: Connection) -> bool:
    """`init` has run on this database (PostgreSQL)."""
    return conn.dialect.name == "postgresql" and conn.execute(text(
        "SELECT 1 FROM pg_policies WHERE tablename = 'clients' AND policyname = 'rmdesk_access'")).first() is not None


def refresh_policies(conn: Connection) -> None:
    """A team database (one `team init` was run on): its roles, grants and policies set up
    again with today's text (migration 0025: the lead check once per statement). Nothing on
    SQLite or on a server database without a team."""
    if conn.dialect.name != "postgresql":
        return
    if conn.execute(text("SELECT 1 FROM pg_policies WHERE tablename = 'clients' AND policyname = 'rmdesk_access'")
                    ).first() is not None:
        init(conn)
