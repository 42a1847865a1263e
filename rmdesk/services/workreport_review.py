"""The lead's review of the work reports (痕迹管理 · 审阅): the team's handed-in reports listed
by RM, period and status, comments on a report, and the lead's sign-off.

Status flow: draft → submitted → signed off. A change after submission (or after the
sign-off) needs a reason and is a new submitted version (workreports.amend), which the lead
signs off again; the comments stay, each with the version it was written on.

Team mode only. On the team database each RM reads and writes their own reports and the lead
reads every RM's handed-in ones; the server enforces it (store/team_reports.py): a comment is
written in the signed-in login's name, only a lead signs off, never their own report.

On a single laptop there is one RM and no lead's login: the report is submitted and exported
(PDF / XLSX) for the lead, who reviews it on paper. Comments and sign-off are not offered
there (`review.needs_team` says why): a "signed off" recorded on the RM's own laptop would be
the RM's own word, not the lead's.

A comment or sign-off names the version the lead read (its row id): when the RM has handed in
a newer version since, or another lead signed off first, it is refused with Conflict and
nothing is written (the lead reloads and reads the new version).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import aliased

from rmdesk import clock, formatting
from rmdesk.errors import Conflict, NotFound, ValidationError
from rmdesk.services import validation as v
from rmdesk.services import versions, workreports
from rmdesk.store.engine import Store
from rmdesk.store.models import TeamMember, WorkReport, WorkReportComment
from rmdesk.store.team import LEAD_ROLE

STATUSES = ("draft", "submitted", "signed_off")


@dataclass(frozen=True)
class Reviewer:
    """Who is signed in, as the review sees it."""

    login: str  # '' on the local book
    name: str
    team: bool  # a team database: comments and sign-off exist
    lead: bool  # may sign off (a member of the server's lead role)


def reviewer(store: Store) -> Reviewer:
    with store.read() as s:
        if s.get_bind().dialect.name == "sqlite":
            return Reviewer("", "", False, False)
        login = workreports.my_owner(s)
        # a lead: of the server's lead role and marked lead on the team list (a superuser is a
        # member of every role, but the database's admin is no team lead)
        member = s.get(TeamMember, login)
        lead = bool(member is not None and member.lead and s.scalar(text(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :r) "
            "THEN pg_has_role(current_user, :r, 'MEMBER') ELSE false END"), {"r": LEAD_ROLE}))
        return Reviewer(login, versions.display_name(s, login) or login, True, lead)


@dataclass(frozen=True)
class TeamReportRow:
    id: int  # the latest version's row
    owner: str
    owner_name: str
    kind: str
    period: str
    version: int
    status: str
    submitted_at: datetime | None
    signed_off_by: str | None  # the lead's name
    signed_off_at: datetime | None
    comments: int  # on every version


def team_reports(store: Store, rm: str | None = None, status: str | None = None, kind: str | None = None,
                 others: bool = False, limit: int = 500) -> list[TeamReportRow]:
    """The latest version of each report the signed-in user may read, the latest handed in first: an
    RM's own (drafts too); a lead's, every RM's handed-in reports as well. `rm`: one RM's
    login; `others`: leave out the signed-in user's own."""
    if status is not None and status not in STATUSES:
        raise ValidationError("error.not_in_list", "work.status", value=status)
    if kind is not None and kind not in workreports.KINDS:
        raise ValidationError("error.not_in_list", "work.kind", value=kind)
    rm = (rm or "").strip() or None
    with store.read() as s:
        w = WorkReport
        latest = (select(w.owner, w.kind, w.period, func.max(w.version).label("v"))
                  .group_by(w.owner, w.kind, w.period).subquery())
        other = aliased(WorkReport)  # the comments on every version of the report
        counted = (select(func.count(WorkReportComment.id)).join(other, other.id == WorkReportComment.report_id)
                   .where(other.owner == w.owner, other.kind == w.kind, other.period == w.period)
                   .correlate(w).scalar_subquery())
        query = (select(w, TeamMember.name, counted)
                 .join(latest, (latest.c.owner == w.owner) & (latest.c.kind == w.kind)
                       & (latest.c.period == w.period) & (latest.c.v == w.version))
                 .outerjoin(TeamMember, TeamMember.login == w.owner))
        if rm is not None:
            query = query.where(w.owner == rm)
        if status is not None:
            query = query.where(w.status == status)
        if kind is not None:
            query = query.where(w.kind == kind)
        if others:
            query = query.where(w.owner != workreports.my_owner(s))
        found = s.execute(query.order_by(func.coalesce(w.submitted_at, w.updated_at).desc(), w.owner, w.kind)
                          .limit(limit)).all()
        return [TeamReportRow(r.id, r.owner, name or r.owner, r.kind, r.period, r.version, r.status, r.submitted_at,
                              versions.display_name(s, r.signed_off_by), r.signed_off_at, comments or 0)
                for r, name, comments in found]


def open_report(store: Store, report_id: int) -> workreports.WorkReportView:
    """One version of a report, as the signed-in user may read it (a lead: another RM's)."""
    with store.read() as s:
        row = s.get(WorkReport, report_id)
        if row is None:
            raise NotFound("review.not_found", id=report_id)
        kind, period, version, owner = row.kind, row.period, row.version, row.owner
    return workreports.get(store, kind, period, version, owner)


def document(store: Store, report_id: int, lang: str):
    view = open_report(store, report_id)
    return workreports.document(store, view.kind, view.period, lang, view.version, view.owner)


def pdf_bytes(store: Store, report_id: int, lang: str) -> tuple[bytes, int]:
    view = open_report(store, report_id)
    return workreports.pdf_bytes(store, view.kind, view.period, lang, view.version, view.owner)


def export(store: Store, report_id: int, path: str, lang: str) -> int:
    view = open_report(store, report_id)
    return workreports.export(store, view.kind, view.period, path, lang, view.version, view.owner)


def _needs_team(s) -> None:
    if s.get_bind().dialect.name == "sqlite":
        raise ValidationError("review.needs_team", None)


def _handed_in(s, report_id: int) -> WorkReport:
    row = s.get(WorkReport, report_id, with_for_update=True)
    if row is None:
        raise NotFound("review.not_found", id=report_id)
    if row.status not in workreports.HANDED_IN:
        raise ValidationError("review.not_handed_in", None)
    return row


def _no_newer(s, row: WorkReport) -> None:
    """Refuse a comment or sign-off on a version the RM has replaced since it was read."""
    newer = s.execute(select(WorkReport.version, WorkReport.submitted_at, WorkReport.updated_at)
                      .where(WorkReport.owner == row.owner, WorkReport.kind == row.kind,
                             WorkReport.period == row.period, WorkReport.version > row.version)
                      .order_by(WorkReport.version.desc()).limit(1)).first()
    if newer is not None:
        raise Conflict("review.newer_version", None, who=versions.display_name(s, row.owner) or row.owner,
                       version=newer.version, seen=row.version,
                       at=formatting.minute(newer.submitted_at or newer.updated_at))


def comment(store: Store, report_id: int, words: object) -> workreports.Comment:
    """A comment on a handed-in report (the lead's, or the RM's answer), in the signed-in
    login's name, on the version `report_id` names."""
    said = v.required_text(words, "review.comment_field", 5000)
    with store.write() as s:
        _needs_team(s)
        row = _handed_in(s, report_id)
        _no_newer(s, row)
        now = clock.now()
        note = WorkReportComment(report_id=row.id, author=workreports.my_owner(s), at=now, text=said)
        s.add(note)
        s.flush()
        return workreports.Comment(note.id, row.version, note.author, versions.display_name(s, note.author) or "",
                                   now, said)


def sign_off(store: Store, report_id: int) -> workreports.WorkReportView:
    """The lead signs off the submitted version `report_id` of an RM's report (team mode)."""
    who = reviewer(store)
    with store.write() as s:
        _needs_team(s)
        if not who.lead:
            raise ValidationError("review.lead_only", None)
        row = _handed_in(s, report_id)
        if row.owner == who.login:
            raise ValidationError("review.own_report", None)
        if row.status == "signed_off":
            raise Conflict("review.already_signed", None, who=versions.display_name(s, row.signed_off_by) or "",
                           at=formatting.minute(row.signed_off_at))
        _no_newer(s, row)
        row.status, row.signed_off_by, row.signed_off_at = "signed_off", who.login, clock.now()
        s.flush()
        # a new version handed in while this one was being locked is seen now (a new statement):
        # the sign-off is then refused and rolled back
        _no_newer(s, row)
    return open_report(store, report_id)
