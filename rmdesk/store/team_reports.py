"""Who sees and changes which work reports on a team database, enforced by PostgreSQL
(row-level security and a trigger); called by `rmdesk team init` (rmdesk.store.team).

- work_reports: an RM reads and writes only their own reports (`owner` = the signed-in role,
  filled by the server when empty); a lead also reads every RM's handed-in reports
  (submitted or signed off; a draft stays the RM's own until it is submitted).
- A version once submitted is kept as it was: its owner cannot change it (a change after
  submission is a new version, services/workreports.amend). The only change to it is the
  sign-off: by a lead (of the lead role and marked lead on the team list; a superuser admin
  is not), of someone else's submitted report, in the lead's own name, touching
  nothing but the status and the sign-off columns. A sign-off is final.
- work_report_comments: visible with their report; written by whoever reads the handed-in
  report (the lead, or the RM answering), in their own name (the server sets the author);
  never changed or deleted (no policy allows it).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

TABLES = ("work_reports", "work_report_comments")
POLICIES = ("rmdesk_access", "rmdesk_read", "rmdesk_insert", "rmdesk_update", "rmdesk_delete")
# Every column of a version but the sign-off's (the owner keeps these once submitted; a lead never changes them)
KEPT = ("kind", "period", "version", "owner", "notes", "plan", "observations", "figures", "change_reason",
        "created_at", "updated_at", "submitted_at")

_GUARD = """
CREATE OR REPLACE FUNCTION rmdesk_work_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- a lead of the team (team_members, the admin's list): the database's admin is no lead
    lead boolean := {is_lead} AND EXISTS (SELECT 1 FROM team_members m WHERE m.login = current_user::text AND m.lead);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.owner IS NULL OR NEW.owner = '' THEN
            NEW.owner := current_user;
        END IF;
        IF NEW.status = 'signed_off' OR NEW.signed_off_by IS NOT NULL OR NEW.signed_off_at IS NOT NULL THEN
            RAISE EXCEPTION 'rmdesk: only a team lead signs off a submitted report' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.owner IS DISTINCT FROM OLD.owner THEN
        RAISE EXCEPTION 'rmdesk: a work report keeps its owner' USING ERRCODE = '42501';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND (NEW.status = 'signed_off' OR OLD.status = 'signed_off')
            OR NEW.signed_off_by IS DISTINCT FROM OLD.signed_off_by
            OR NEW.signed_off_at IS DISTINCT FROM OLD.signed_off_at THEN
        IF NOT lead OR OLD.owner = current_user OR OLD.status <> 'submitted' OR NEW.status <> 'signed_off'
                OR NEW.signed_off_by IS DISTINCT FROM current_user::text OR NEW.signed_off_at IS NULL THEN
            RAISE EXCEPTION 'rmdesk: only a team lead signs off a submitted report' USING ERRCODE = '42501';
        END IF;
    END IF;
    IF OLD.owner <> current_user THEN
        IF ({new_kept}) IS DISTINCT FROM ({old_kept}) THEN
            RAISE EXCEPTION 'rmdesk: a lead signs off or comments, the report stays as its RM wrote it'
                USING ERRCODE = '42501';
        END IF;
    ELSIF OLD.status <> 'draft' AND (({new_kept}, NEW.status) IS DISTINCT FROM ({old_kept}, OLD.status)) THEN
        RAISE EXCEPTION 'rmdesk: a submitted version is kept as it was; a change is a new version'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$"""

_AUTHOR = """
CREATE OR REPLACE FUNCTION rmdesk_comment_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.author := current_user;
    RETURN NEW;
END $$"""


def init(conn: Connection, is_lead: str) -> list[str]:
    """The policies and triggers of the work reports (safe to run again); the tables protected.
    `is_lead`: the SQL test that the signed-in role is a team lead (store.team.IS_LEAD)."""
    conn.execute(text(_GUARD.format(is_lead=is_lead, new_kept=", ".join(f"NEW.{c}" for c in KEPT),
                                    old_kept=", ".join(f"OLD.{c}" for c in KEPT))))
    conn.execute(text("DROP TRIGGER IF EXISTS rmdesk_work_report_guard ON work_reports"))
    conn.execute(text("CREATE TRIGGER rmdesk_work_report_guard BEFORE INSERT OR UPDATE ON work_reports "
                      "FOR EACH ROW EXECUTE FUNCTION rmdesk_work_report_guard()"))
    conn.execute(text(_AUTHOR))
    conn.execute(text("DROP TRIGGER IF EXISTS rmdesk_comment_author ON work_report_comments"))
    conn.execute(text("CREATE TRIGGER rmdesk_comment_author BEFORE INSERT ON work_report_comments "
                      "FOR EACH ROW EXECUTE FUNCTION rmdesk_comment_author()"))
    for table in TABLES:
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
        for policy in POLICIES:
            conn.execute(text(f"DROP POLICY IF EXISTS {policy} ON {table}"))
    readable = f"owner = current_user OR ({is_lead} AND status <> 'draft')"
    conn.execute(text(f"CREATE POLICY rmdesk_read ON work_reports FOR SELECT USING ({readable})"))
    conn.execute(text("CREATE POLICY rmdesk_insert ON work_reports FOR INSERT WITH CHECK (owner = current_user)"))
    conn.execute(text(f"CREATE POLICY rmdesk_update ON work_reports FOR UPDATE USING ({readable}) "
                      f"WITH CHECK (owner = current_user OR {is_lead})"))
    conn.execute(text("CREATE POLICY rmdesk_delete ON work_reports FOR DELETE "
                      "USING (owner = current_user AND status = 'draft')"))
    conn.execute(text("CREATE POLICY rmdesk_read ON work_report_comments FOR SELECT USING "
                      "(EXISTS (SELECT 1 FROM work_reports r WHERE r.id = work_report_comments.report_id))"))
    conn.execute(text("CREATE POLICY rmdesk_insert ON work_report_comments FOR INSERT WITH CHECK "
                      "(author = current_user AND EXISTS (SELECT 1 FROM work_reports r "
                      "WHERE r.id = work_report_comments.report_id AND r.status <> 'draft'))"))
    return list(TABLES)
