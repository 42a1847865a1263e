"""The activity trail (痕迹管理): the daily work log, the weekly summary and the monthly market
report. Each is generated from the data of its period, the RM adds their own notes, the plan
for the next day or period and (monthly) market observations by industry and district, and
submits it. A draft is edited in place; a submitted report is kept as it was, and a change
after submission needs a reason and becomes a new version (the old ones stay readable). The
generated figures are frozen at submission (both languages), so later edits of the data do
not change what was handed in. On a single laptop a report is submitted and exported for
the lead (PDF or XLSX); in team mode each RM's reports are their own (`owner`, the server
login) and the lead comments on and signs off the submitted ones (workreport_review.py):
draft → submitted → signed off; a change after the sign-off is a new version again.

Periods: daily "YYYY-MM-DD", weekly the ISO week "YYYY-Www", monthly "YYYY-MM".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select, text

from rmdesk import clock, formatting, i18n, vocab
from rmdesk.errors import ValidationError
from rmdesk.formats.report_doc import ReportDocument, Section, TextBlock
from rmdesk.services import (
    early_warnings,
    insights,
    insights_text,
    masking,
    settings,
    targets,
    versions,
    workcal,
)
from rmdesk.services import validation as v
from rmdesk.services.tiering import get_scheme
from rmdesk.store.engine import Store
from rmdesk.store.models import (
    Client,
    Complaint,
    Deal,
    MaintenanceLog,
    Objection,
    Product,
    StepChange,
    Task,
    Visit,
    WorkReport,
    WorkReportComment,
)

KINDS = ("daily", "weekly", "monthly")
HANDED_IN = ("submitted", "signed_off")  # kept as they were: a change is a new version
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])")


# ---- periods ------------------------------------------------------------------------------


def period_key(kind: str, day: date | None = None, week: str | None = None, month: str | None = None) -> str:
    """The period of a report: from a day in it (default today), or an ISO week / a month."""
    if kind not in KINDS:
        raise ValidationError("error.not_in_list", "kind", value=kind)
    if week is not None:
        period_range("weekly", week)
        if kind != "weekly":
            raise ValidationError("error.report_period_kind", "week")
        return week
    if month is not None:
        period_range("monthly", month)
        if kind != "monthly":
            raise ValidationError("error.report_period_kind", "month")
        return month
    day = day or clock.today()
    if kind == "daily":
        return day.isoformat()
    if kind == "weekly":
        year, number, _ = day.isocalendar()
        return f"{year}-W{number:02d}"
    return f"{day.year}-{day.month:02d}"


def period_range(kind: str, key: str) -> insights.Period:
    try:
        if kind == "daily":
            day = date.fromisoformat(key)
            return insights.Period(day, day)
        if kind == "weekly":
            match = _WEEK.match(key)
            if not match:
                raise ValueError
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return insights.Period(monday, monday + timedelta(days=6))
        match = _MONTH.match(key)
        if not match:
            raise ValueError
        first = date(int(match.group(1)), int(match.group(2)), 1)
        return insights.Period(first, first + relativedelta(months=1, days=-1))
    except ValueError:
        raise ValidationError(f"error.report_{kind}_format", "period", value=key) from None


def period_text(kind: str, key: str, lang: str) -> str:
    p = period_range(kind, key)
    if kind == "daily":
        return i18n.message("work.period_day", lang, day=formatting.day(p.start))
    if kind == "weekly":
        return i18n.message("work.period_week", lang, week=key, start=formatting.day(p.start),
                            end=formatting.day(p.end))
    month = str(p.start.month) if lang == "zh_CN" else f"{p.start.month:02d}"
    return i18n.message("work.period_month", lang, year=p.start.year, month=month)


# ---- stored versions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Observation:
    industry: str | None  # a vocab.INDUSTRIES key
    district: str | None
    text: str


@dataclass(frozen=True)
class VersionRow:
    version: int
    status: str
    updated_at: datetime
    submitted_at: datetime | None
    change_reason: str | None
    signed_off_by: str | None = None  # the lead's name (team mode)
    signed_off_at: datetime | None = None


@dataclass(frozen=True)
class Comment:
    """A review comment (team mode): on which version, by whom (login and name), when."""

    id: int
    version: int
    author: str
    author_name: str
    at: datetime
    text: str


@dataclass(frozen=True)
class WorkReportView:
    kind: str
    period: str
    version: int  # 0: nothing saved yet
    status: str  # new | draft | submitted | signed_off
    notes: str
    plan: str
    observations: list[Observation]
    submitted_at: datetime | None
    change_reason: str | None
    versions: list[VersionRow]  # oldest first
    id: int | None = None  # the shown version's row (what a comment or the sign-off names)
    owner: str = ""  # the RM's login in team mode ('' on the local book)
    owner_name: str = ""  # as the team knows them
    signed_off_by: str | None = None  # the lead's name
    signed_off_at: datetime | None = None
    comments: list[Comment] = field(default_factory=list)  # on every version, oldest first
    latest: int = 0  # the report's latest version (the shown one may be older)

    @property
    def editable(self) -> bool:
        """Edited in place (a draft or nothing yet); a handed-in one changes by amend()."""
        return self.status not in HANDED_IN


def _observations(raw: object) -> list[Observation]:
    out = []
    for item in list(raw or []):
        if isinstance(item, Observation):
            item = {"industry": item.industry, "district": item.district, "text": item.text}
        text = v.optional_text(item.get("text"), "observations", 5000)
        if not text:
            continue
        industry = v.choice(item.get("industry") or None, vocab.INDUSTRIES, "industry")
        out.append(Observation(industry, v.optional_text(item.get("district"), "district", 100), text))
    return out


def _dump_obs(items: list[Observation]) -> str | None:
    if not items:
        return None
    return json.dumps([{"industry": o.industry, "district": o.district, "text": o.text} for o in items],
                      ensure_ascii=False)


def _load_obs(text: str | None) -> list[Observation]:
    return [Observation(o.get("industry"), o.get("district"), o["text"]) for o in json.loads(text)] if text else []


_ME = "rmdesk.report_owner"


def my_owner(s) -> str:
    """Whose reports this session writes: the server login in team mode, '' on the local book."""
    if _ME not in s.info:
        s.info[_ME] = "" if s.get_bind().dialect.name == "sqlite" else str(s.scalar(text("SELECT current_user")))
    return s.info[_ME]


def _rows(s, kind: str, key: str, owner: str | None = None, lock: bool = False) -> list[WorkReport]:
    query = (select(WorkReport).where(WorkReport.owner == (my_owner(s) if owner is None else owner),
                                      WorkReport.kind == kind, WorkReport.period == key)
             .order_by(WorkReport.version))
    if lock and s.get_bind().dialect.name != "sqlite":  # SQLite: one writer at a time anyway
        query = query.with_for_update()
    return list(s.scalars(query))


def _comments(s, rows: list[WorkReport]) -> list[Comment]:
    if not rows or any(r.id is None for r in rows):
        return []
    number = {r.id: r.version for r in rows}
    found = s.execute(select(WorkReportComment).where(WorkReportComment.report_id.in_(number))
                      .order_by(WorkReportComment.at, WorkReportComment.id)).scalars()
    return [Comment(c.id, number[c.report_id], c.author, versions.display_name(s, c.author) or "", c.at, c.text)
            for c in found]


def _view(kind: str, key: str, rows: list[WorkReport], s=None) -> WorkReportView:
    def name(login: str | None) -> str | None:
        return versions.display_name(s, login) if s is not None else login

    history = [VersionRow(r.version, r.status, r.updated_at, r.submitted_at, r.change_reason,
                          name(r.signed_off_by), r.signed_off_at) for r in rows]
    if not rows:
        return WorkReportView(kind, key, 0, "new", "", "", [], None, None, [])
    r = rows[-1]
    return WorkReportView(kind, key, r.version, r.status, r.notes or "", r.plan or "", _load_obs(r.observations),
                          r.submitted_at, r.change_reason, history, r.id, r.owner,
                          (name(r.owner) or "") if r.owner else "", name(r.signed_off_by), r.signed_off_at,
                          _comments(s, rows) if s is not None else [], r.version)


def get(store: Store, kind: str, key: str, version: int | None = None, owner: str | None = None) -> WorkReportView:
    """The report of the period (its latest version, or `version`); `owner`: another RM's
    (a lead reading the team's reports; default the signed-in RM's own)."""
    period_range(kind, key)
    with store.read() as s:
        rows = _rows(s, kind, key, owner)
        full = _view(kind, key, rows, s)
        if version is not None:
            if not any(r.version == version for r in rows):
                raise ValidationError("error.report_version", "version", version=version)
            view = _view(kind, key, [r for r in rows if r.version <= version], s)
            return WorkReportView(**{**view.__dict__, "versions": full.versions, "comments": full.comments,
                                     "latest": full.latest})
        return full


def _clean(notes: object, plan: object, observations: object) -> tuple[str | None, str | None, str | None]:
    return (v.optional_text(notes, "notes", 20000), v.optional_text(plan, "plan", 20000),
            _dump_obs(_observations(observations)))


def save_draft(store: Store, kind: str, key: str, notes: object = None, plan: object = None,
               observations: object = None) -> WorkReportView:
    """Save the RM's own parts of a report not yet submitted."""
    period_range(kind, key)
    clean = _clean(notes, plan, observations)
    now = clock.now()
    with store.write() as s:
        rows = _rows(s, kind, key, lock=True)
        if rows and rows[-1].status in HANDED_IN:
            raise ValidationError("error.report_submitted", None)
        if rows:
            row = rows[-1]
        else:
            row = WorkReport(owner=my_owner(s), kind=kind, period=key, version=1, status="draft", created_at=now)
            s.add(row)
            rows.append(row)
        row.notes, row.plan, row.observations = clean
        row.updated_at = now
        s.flush()
        return _view(kind, key, rows, s)


def _freeze(store: Store, kind: str, key: str) -> str:
    return json.dumps({lang: [_section_json(x) for x in generate(store, kind, key, lang)]
                       for lang in i18n.LANGUAGES}, ensure_ascii=False)


def _section_json(x: Section) -> dict:
    return {"title": x.title, "header": x.header, "rows": x.rows, "note": x.note, "empty": x.empty,
            "bars": [list(b) for b in x.bars]}


def submit(store: Store, kind: str, key: str, notes: object = None, plan: object = None,
           observations: object = None) -> WorkReportView:
    """Save and submit the draft (its figures frozen). A submitted report changes by amend()."""
    if not get(store, kind, key).editable:
        raise ValidationError("error.report_submitted", None)
    clean = _clean(notes, plan, observations)
    figures = _freeze(store, kind, key)
    now = clock.now()
    with store.write() as s:
        rows = _rows(s, kind, key, lock=True)
        if rows and rows[-1].status in HANDED_IN:
            raise ValidationError("error.report_submitted", None)
        if rows:
            row = rows[-1]
        else:
            row = WorkReport(owner=my_owner(s), kind=kind, period=key, version=1, created_at=now)
            s.add(row)
            rows.append(row)
        row.notes, row.plan, row.observations = clean
        row.status, row.figures, row.submitted_at, row.updated_at = "submitted", figures, now, now
        s.flush()
        return _view(kind, key, rows, s)


def amend(store: Store, kind: str, key: str, reason: object, notes: object = None, plan: object = None,
          observations: object = None) -> WorkReportView:
    """Change a submitted (or signed-off) report: a new submitted version with the reason
    (figures generated again, e.g. a visit recorded late); the earlier versions are kept, and
    a new version needs the lead's sign-off again."""
    why = v.optional_text(reason, "change_reason", 2000)
    if not why:
        raise ValidationError("error.report_reason", "change_reason")
    clean = _clean(notes, plan, observations)
    figures = _freeze(store, kind, key)
    now = clock.now()
    with store.write() as s:
        rows = _rows(s, kind, key, lock=True)
        if not rows or rows[-1].status not in HANDED_IN:
            raise ValidationError("error.report_not_submitted", None)
        row = WorkReport(owner=my_owner(s), kind=kind, period=key, version=rows[-1].version + 1,
                         status="submitted", notes=clean[0], plan=clean[1], observations=clean[2], figures=figures,
                         change_reason=why, created_at=now, updated_at=now, submitted_at=now)
        s.add(row)
        rows.append(row)
        s.flush()
        return _view(kind, key, rows, s)


@dataclass(frozen=True)
class ReportListRow:
    kind: str
    period: str
    version: int
    status: str
    updated_at: datetime


def recent(store: Store, limit: int = 50) -> list[ReportListRow]:
    """The latest version of each saved report of the signed-in RM, newest period first."""
    with store.read() as s:
        mine = WorkReport.owner == my_owner(s)
        latest = (select(WorkReport.kind, WorkReport.period, func.max(WorkReport.version).label("v")).where(mine)
                  .group_by(WorkReport.kind, WorkReport.period).subquery())
        rows = s.execute(select(WorkReport.kind, WorkReport.period, WorkReport.version, WorkReport.status,
                                WorkReport.updated_at)
                         .join(latest, (latest.c.kind == WorkReport.kind) & (latest.c.period == WorkReport.period)
                               & (latest.c.v == WorkReport.version))
                         .where(mine).order_by(WorkReport.updated_at.desc()).limit(limit)).all()
    return [ReportListRow(*r) for r in rows]


# ---- the generated part -------------------------------------------------------------------


def _m(key: str, lang: str, **kw: object) -> str:
    return i18n.message(f"work.{key}", lang, **kw)


def _hm(at: datetime) -> str:
    return at.strftime("%H:%M")


def _product(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh_CN" else en


def _mask(text: str | None, on: bool) -> str:
    if not text:
        return ""
    if not on:
        return text
    text = _EMAIL.sub(lambda m: masking.email(m.group(0)) or "", text)
    text = _CODE.sub(lambda m: masking.number(m.group(0)) or "", text)
    return _PHONE.sub(lambda m: masking.phone(m.group(0)) or "", text)


def _moves(s, p: insights.Period, lang: str) -> list[list[str]]:
    rows = s.execute(select(StepChange.at, Client.name, StepChange.from_step, StepChange.to_step,
                            StepChange.from_status, StepChange.to_status, StepChange.reason)
                     .join(Client, StepChange.client_id == Client.id)
                     .where(Client.deleted_at.is_(None), StepChange.at >= p.begin_at, StepChange.at < p.stop_at,
                            StepChange.from_step.is_not(None))
                     .order_by(StepChange.at, StepChange.id)).all()
    out = []
    for at, name, fs, ts, fst, tst, reason in rows:
        move = f"{fs} → {ts}" if fs != ts else str(ts)
        status = i18n.label("status", tst, lang) if tst != fst else ""
        out.append([formatting.minute(at), name, move, status, reason or ""])
    return out


def _deals(s, p: insights.Period, lang: str, on: bool) -> list[list[str]]:
    rows = s.execute(select(Client.name, Product.name_zh, Product.name_en, Deal.amount, Deal.status,
                            Deal.actual_date, Deal.lost_reason, Deal.created_at)
                     .join(Client, Deal.client_id == Client.id).join(Product, Deal.product_id == Product.id)
                     .where(Client.deleted_at.is_(None), Deal.deleted_at.is_(None),
                            ((Deal.actual_date >= p.start) & (Deal.actual_date <= p.end) & (Deal.status != "open"))
                            | ((Deal.created_at >= p.begin_at) & (Deal.created_at < p.stop_at)))
                     .order_by(Deal.actual_date, Deal.created_at)).all()
    return [[name, _product(lang, zh, en), formatting.money(amount, lang), i18n.label("deal_status", status, lang),
             _mask(reason, on)] for name, zh, en, amount, status, _day, reason, _c in rows]


def _activity(s, p: insights.Period) -> tuple[int, int, int]:
    visits = calls = other = 0
    for kind, n in s.execute(select(Visit.kind, func.count()).join(Client, Visit.client_id == Client.id).where(
            Client.deleted_at.is_(None), Visit.deleted_at.is_(None), Visit.status == "done",
            Visit.planned_at >= p.begin_at, Visit.planned_at < p.stop_at).group_by(Visit.kind)):
        if kind == "phone":
            calls += n
        else:
            visits += n
    for way, n in s.execute(select(MaintenanceLog.way, func.count()).join(Client, MaintenanceLog.client_id == Client.id)
                            .where(Client.deleted_at.is_(None), MaintenanceLog.at >= p.begin_at,
                                   MaintenanceLog.at < p.stop_at).group_by(MaintenanceLog.way)):
        if way == "onsite":
            visits += n
        else:
            other += n
    return visits, calls, other


def generate(store: Store, kind: str, key: str, lang: str) -> list[Section]:
    """The report's generated sections, from the data of its period."""
    p = period_range(kind, key)
    on = masking.enabled(store)
    return _daily(store, p, lang, on) if kind == "daily" else _summary(store, kind, p, lang, on)


def _daily(store: Store, p: insights.Period, lang: str, on: bool) -> list[Section]:
    none = _m("none", lang)
    with store.read() as s:
        held = s.execute(select(Visit.planned_at, Client.name, Visit.kind, Visit.report_outcome,
                                Visit.report_needs, Visit.report_reaction)
                         .join(Client, Visit.client_id == Client.id)
                         .where(Client.deleted_at.is_(None), Visit.deleted_at.is_(None), Visit.status == "done",
                                Visit.planned_at >= p.begin_at, Visit.planned_at < p.stop_at)
                         .order_by(Visit.planned_at)).all()
        kept = s.execute(select(MaintenanceLog.at, Client.name, MaintenanceLog.way, MaintenanceLog.note)
                         .join(Client, MaintenanceLog.client_id == Client.id)
                         .where(Client.deleted_at.is_(None), MaintenanceLog.at >= p.begin_at,
                                MaintenanceLog.at < p.stop_at).order_by(MaintenanceLog.at)).all()
        done = s.execute(select(Task.done_at, Client.name, Task.title).join(Client, Task.client_id == Client.id)
                         .where(Client.deleted_at.is_(None), Task.done_at >= p.begin_at, Task.done_at < p.stop_at)
                         .order_by(Task.done_at)).all()
        created = s.execute(select(Task.due_date, Client.name, Task.title).join(Client, Task.client_id == Client.id)
                            .where(Client.deleted_at.is_(None), Task.created_at >= p.begin_at,
                                   Task.created_at < p.stop_at).order_by(Task.due_date)).all()
        objections = s.execute(select(Client.name, Objection.type, Objection.answer, Objection.resolved)
                               .join(Client, Objection.client_id == Client.id)
                               .where(Client.deleted_at.is_(None), Objection.created_at >= p.begin_at,
                                      Objection.created_at < p.stop_at)).all()
        moves = _moves(s, p, lang)
        deals = _deals(s, p, lang, on)
    meetings = [r for r in held if r[2] != "phone"]
    calls = [r for r in held if r[2] == "phone"]
    head_visit = [_m(k, lang) for k in ("time", "client", "kind", "outcome", "needs", "reaction")]
    return [
        Section(_m("visits_held", lang), head_visit,
                [[_hm(at), name, i18n.label("visit_kind", kind, lang), _mask(out, on), _mask(needs, on),
                  _mask(reaction, on)] for at, name, kind, out, needs, reaction in meetings], empty=none),
        Section(_m("calls", lang), head_visit,
                [[_hm(at), name, i18n.label("visit_kind", kind, lang), _mask(out, on), _mask(needs, on),
                  _mask(reaction, on)] for at, name, kind, out, needs, reaction in calls], empty=none),
        Section(_m("maintenance", lang), [_m(k, lang) for k in ("time", "client", "way", "note")],
                [[_hm(at), name, _m(f"way_{way}", lang), _mask(note, on)]
                 for at, name, way, note in kept], empty=none),
        Section(_m("tasks_done", lang), [_m(k, lang) for k in ("time", "client", "task")],
                [[_hm(at), name, _mask(title, on)] for at, name, title in done], empty=none),
        Section(_m("tasks_created", lang), [_m(k, lang) for k in ("due", "client", "task")],
                [[due.isoformat() if due else "", name, _mask(title, on)] for due, name, title in created], empty=none),
        Section(_m("moves", lang), [_m(k, lang) for k in ("time", "client", "step", "status", "reason")], moves,
                empty=none),
        Section(_m("deals", lang), [_m(k, lang) for k in ("client", "product", "amount", "status", "reason")], deals,
                empty=none),
        Section(_m("objections", lang), [_m(k, lang) for k in ("client", "type", "answer", "resolved")],
                [[name, i18n.label("objection", t, lang), _mask(a, on), _m("yes" if r else "no", lang)]
                 for name, t, a, r in objections], empty=none),
        early_warnings.report_section(store, p.start, p.end, lang, lambda text: _mask(text, on)),
    ]


def _summary(store: Store, kind: str, p: insights.Period, lang: str, on: bool) -> list[Section]:
    none = _m("none", lang)
    daily = targets.get_daily_goal(store)
    with store.read() as s:
        visits, calls, other = _activity(s, p)
        lost = s.execute(select(Client.name, Client.lost_reason, Client.status_reason)
                         .join(StepChange, StepChange.client_id == Client.id)
                         .where(Client.deleted_at.is_(None), Client.status == "lost", StepChange.to_status == "lost",
                                StepChange.at >= p.begin_at, StepChange.at < p.stop_at).distinct()).all()
        deals = _deals(s, p, lang, on)
        complaints = s.execute(select(Complaint.received_at, Client.name, Complaint.text, Complaint.closed_at)
                               .join(Client, Complaint.client_id == Client.id)
                               .where(Client.deleted_at.is_(None), Complaint.received_at >= p.begin_at,
                                      Complaint.received_at < p.stop_at).order_by(Complaint.received_at)).all()
        open_objections = s.execute(select(Client.name, Objection.type, Objection.words)
                                    .join(Client, Objection.client_id == Client.id)
                                    .where(Client.deleted_at.is_(None), Objection.resolved.is_(False),
                                           Objection.blocking.is_(True), Objection.created_at >= p.begin_at,
                                           Objection.created_at < p.stop_at).limit(50)).all()
        top = get_scheme(store)["tiers"][0]
        key_clients = s.execute(select(Client.name, func.count(StepChange.id), func.max(StepChange.to_step))
                                .join(StepChange, StepChange.client_id == Client.id)
                                .where(Client.deleted_at.is_(None), Client.tier == top,
                                       StepChange.at >= p.begin_at, StepChange.at < p.stop_at)
                                .group_by(Client.id, Client.name).order_by(Client.name).limit(50)).all()
    working = workcal.working_days_between(p.start, p.end)
    goal = daily * working
    total = visits + calls + other
    activity = Section(_m("activity", lang), [_m(k, lang) for k in ("visits", "calls", "other", "total", "goal")],
                       [[str(visits), str(calls), str(other), str(total), str(goal)]],
                       note=_m("goal_note", lang, daily=daily, days=working,
                               rate=insights_text.pct(insights._ratio(total, goal))))
    if kind == "monthly":
        weeks = insights.activity(store, p)
        activity = Section(activity.title, activity.header, activity.rows, activity.note,
                           bars=[(w.start.strftime("%m-%d"), float(w.total), float(w.goal)) for w in weeks])
    channels = insights.channels(store, p)
    funnel = insights.funnel(store, p)
    year = str(p.end.year)
    target = targets.report(store, year)
    lines = [[i18n.message(f"field.{x.measure}", lang),
              _measure(x.measure, x.actual, lang), _measure(x.measure, x.target, lang), insights_text.pct(x.ratio)]
             for x in target.lines]
    return [
        activity,
        Section(_m("new_prospects", lang), [_m(k, lang) for k in ("channel", "prospects", "qualified", "won")],
                [[insights_text.channel_name(y.key, lang), str(y.prospects), str(y.qualified), str(y.won)]
                 for y in channels.channels], empty=none),
        Section(_m("step_moves", lang), [_m(k, lang) for k in ("step", "entered", "advanced", "conversion")],
                [[str(x.step), str(x.entered), str(x.advanced), insights_text.pct(x.conversion)]
                 for x in funnel.steps],
                note=i18n.message("report.win_rate", lang, won=funnel.won, lost=funnel.lost,
                                  rate=insights_text.pct(funnel.win_rate)),
                bars=[(str(x.step), float(x.entered), None) for x in funnel.steps]),
        Section(_m("deals", lang), [_m(k, lang) for k in ("client", "product", "amount", "status", "reason")], deals,
                empty=none),
        Section(_m("lost_clients", lang), [_m(k, lang) for k in ("client", "reason", "note")],
                [[name, i18n.label("lost_reason", r, lang), _mask(why, on)] for name, r, why in lost], empty=none),
        Section(_m("targets", lang, year=year), [_m(k, lang) for k in ("measure", "actual", "target", "ratio")],
                lines),
        Section(_m("key_clients", lang, tier=i18n.label("tier", top, lang)),
                [_m(k, lang) for k in ("client", "moves", "step")],
                [[name, str(n), str(step)] for name, n, step in key_clients], empty=none),
        Section(_m("risks", lang), [_m(k, lang) for k in ("client", "kind", "what", "status")],
                [[name, _m("complaint", lang), _mask(text, on), _m("closed" if closed else "open", lang)]
                 for _at, name, text, closed in complaints]
                + [[name, i18n.label("objection", t, lang), _mask(words, on), _m("open", lang)]
                   for name, t, words in open_objections], empty=none),
        early_warnings.report_section(store, p.start, p.end, lang, lambda text: _mask(text, on)),
    ]


def _measure(measure: str, amount, lang: str) -> str:
    if measure in targets.COUNT_MEASURES:
        return str(int(amount))
    if measure == "intl_settlement_usd":  # the one unit rule: 万美元 in zh_CN, USD in English
        return formatting.usd(amount, lang)
    return formatting.money(amount, lang) if lang == "zh_CN" else "CNY " + formatting.money(amount, lang)


# ---- the document -------------------------------------------------------------------------


def document(store: Store, kind: str, key: str, lang: str, version: int | None = None,
             owner: str | None = None) -> ReportDocument:
    """The report ready to print or export: the frozen figures of a submitted version, the
    live ones of a draft; the RM's texts; the header from the RM profile (another RM's
    report, read by the lead: their name on the team); the review (sign-off, comments)."""
    view = get(store, kind, key, version, owner)
    frozen = None
    if view.status in HANDED_IN:
        with store.read() as s:
            row = s.get(WorkReport, view.id)
            frozen = json.loads(row.figures) if row is not None and row.figures else None
    if frozen is not None and lang in frozen:
        sections = [Section(x["title"], x["header"], x["rows"], x["note"], x["empty"],
                            [tuple(b) for b in x["bars"]]) for x in frozen[lang]]
    else:
        sections = generate(store, kind, key, lang)
    on = masking.enabled(store)
    texts = [TextBlock(_m("notes", lang), _mask(view.notes, on)),
             TextBlock(_m("plan_daily" if kind == "daily" else "plan_next", lang), _mask(view.plan, on))]
    if kind == "monthly":
        obs = "\n".join(" · ".join(filter(None, [i18n.label("industry", o.industry, lang) if o.industry else "",
                                                 o.district or ""])) + ("：" if lang == "zh_CN" else ": ")
                        + _mask(o.text, on) for o in view.observations)
        texts.append(TextBlock(_m("observations", lang), obs))
    if view.status in HANDED_IN:
        status = _m("status_submitted", lang, at=formatting.minute(view.submitted_at), version=view.version)
        if view.change_reason:
            status += _m("status_changed", lang, reason=view.change_reason)
    else:
        status = _m("status_draft", lang)
    status += _review_status(view, lang)
    texts += _review_blocks(view, lang, lambda t: _mask(t, on))
    prof = settings.get_profile(store)
    rm_name = prof.rm_name
    with store.read() as s:
        if view.owner and view.owner != my_owner(s):
            rm_name = view.owner_name or view.owner
    return ReportDocument(_m(f"title_{kind}", lang), period_text(kind, key, lang), rm_name, prof.bank,
                          prof.branch, status, lang, sections, texts,
                          footer_text=_m("printed", lang, at=formatting.minute(clock.now())),
                          page_text=_m("page", lang))


def _review_status(view: WorkReportView, lang: str) -> str:
    if view.status != "signed_off":
        return ""
    return i18n.message("review.status_signed", lang, who=view.signed_off_by or "",
                        at=formatting.minute(view.signed_off_at))


def _review_blocks(view: WorkReportView, lang: str, mask) -> list[TextBlock]:
    """The review as printed: who signed off and when, and the comments (with their version)."""
    if view.status != "signed_off" and not view.comments:
        return []
    lines = []
    if view.status == "signed_off":
        lines.append(i18n.message("review.signed_line", lang, who=view.signed_off_by or "",
                                  at=formatting.minute(view.signed_off_at), version=view.version))
    elif view.status == "submitted":
        lines.append(i18n.message("review.awaiting", lang))
    for c in view.comments:
        lines.append(i18n.message("review.comment_line", lang, who=c.author_name or c.author,
                                  at=formatting.minute(c.at), version=c.version, text=mask(c.text)))
    return [TextBlock(i18n.message("review.title", lang), "\n".join(lines))]


def export(store: Store, kind: str, key: str, path: str, lang: str, version: int | None = None,
           owner: str | None = None) -> int:
    """Write the report as .pdf (pages returned) or .xlsx (rows returned) by the extension."""
    from rmdesk.formats.report_pdf import render_report
    from rmdesk.formats.report_xlsx import render_report_xlsx

    suffix = path.lower().rsplit(".", 1)[-1] if "." in path else ""
    if suffix not in ("pdf", "xlsx"):
        raise ValidationError("error.report_file_type", None, path=path)
    doc = document(store, kind, key, lang, version, owner)
    try:
        return render_report(doc, path) if suffix == "pdf" else render_report_xlsx(doc, path)
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=path, reason=exc.strerror or str(exc)) from None


def pdf_bytes(store: Store, kind: str, key: str, lang: str, version: int | None = None,
              owner: str | None = None) -> tuple[bytes, int]:
    """The report's PDF in memory (for a preview), and its page count."""
    import io

    from rmdesk.formats.report_pdf import ReportWriter

    buffer = io.BytesIO()
    pages = ReportWriter(document(store, kind, key, lang, version, owner)).write(buffer)
    return buffer.getvalue(), pages
