"""Early-warning signals (风险预警): the catalogue (resources/warning_signals.toml, both
languages, editable without code) and each client's log — the signal, when it was seen, how
serious, what is done about it, and when it was closed and how. Open warnings show on Today,
on the client, in its call plan and in the work reports; each can raise a post-loan check
(a task of kind post_loan_check). Guarantee chains and circles found among the related
parties (rmdesk.services.related) are offered as suggestions.

One signal is open at most once per client: a second sighting updates the open entry."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from rmdesk import clock, i18n
from rmdesk.errors import Conflict, NotFound, PlaybookError, ValidationError
from rmdesk.paths import resources_dir
from rmdesk.services import clients, related, versions, workcal
from rmdesk.services import validation as v
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, EarlyWarning, Task

SEVERITIES = ("high", "medium", "low")  # most serious first
CATEGORIES = ("financial", "operating", "management", "account", "guarantee")
CHECK_DAYS = {"high": 3, "medium": 7, "low": 14}  # a raised check falls due this many days on
CATALOGUE_FILE = "warning_signals.toml"


@dataclass(frozen=True)
class Signal:
    key: str
    category: str
    severity: str  # the default
    names: Mapping[str, str]
    look_for_texts: Mapping[str, str]
    action_texts: Mapping[str, str]

    def name(self, lang: str | None = None) -> str:
        return self.names[lang or i18n.language()]

    def look_for(self, lang: str | None = None) -> str:
        return self.look_for_texts[lang or i18n.language()]

    def action(self, lang: str | None = None) -> str:
        return self.action_texts[lang or i18n.language()]


def _texts(entry: object, where: str) -> dict[str, str]:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(lang), str) and entry[lang].strip()
                                              for lang in i18n.LANGUAGES):
        raise PlaybookError("playbook.broken", file=CATALOGUE_FILE, where=where,
                            problem="needs a text in zh_CN and en")
    return {lang: entry[lang].strip() for lang in i18n.LANGUAGES}


def parse_catalogue(raw: Mapping[str, object]) -> tuple[dict[str, dict[str, str]], list[Signal]]:
    """(category names, signals) of a catalogue file's content; PlaybookError naming the place."""
    categories = {}
    for key in CATEGORIES:
        categories[key] = _texts((raw.get("category") or {}).get(key), f"category.{key}")  # type: ignore[union-attr]
    signals: list[Signal] = []
    seen: set[str] = set()
    for i, item in enumerate(raw.get("signal") or []):  # type: ignore[union-attr]
        where = f"signal[{i}]"
        key = str(item.get("key") or "").strip()
        if not key or key in seen or len(key) > 48:
            raise PlaybookError("playbook.broken", file=CATALOGUE_FILE, where=where,
                                problem="needs a unique key of at most 48 characters")
        if item.get("category") not in CATEGORIES or item.get("severity") not in SEVERITIES:
            raise PlaybookError("playbook.broken", file=CATALOGUE_FILE, where=key,
                                problem="category or severity not known")
        seen.add(key)
        signals.append(Signal(key, item["category"], item["severity"], _texts(item.get("name"), f"{key}.name"),
                              _texts(item.get("look_for"), f"{key}.look_for"),
                              _texts(item.get("action"), f"{key}.action")))
    if not signals:
        raise PlaybookError("playbook.broken", file=CATALOGUE_FILE, where="signal", problem="no signal")
    return categories, signals


@cache
def _catalogue() -> tuple[dict[str, dict[str, str]], tuple[Signal, ...]]:
    path = resources_dir() / CATALOGUE_FILE
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PlaybookError("playbook.broken", file=CATALOGUE_FILE, where="-", problem=str(exc)[:200]) from None
    categories, signals = parse_catalogue(raw)
    return categories, tuple(signals)


def signals() -> list[Signal]:
    return list(_catalogue()[1])


def signal(key: str) -> Signal | None:
    return next((x for x in _catalogue()[1] if x.key == key), None)


def category_name(key: str, lang: str | None = None) -> str:
    return _catalogue()[0][key][lang or i18n.language()]


def signal_name(key: str, lang: str | None = None) -> str:
    """The signal's name; a key the catalogue no longer has is shown as it is."""
    found = signal(key)
    return found.name(lang) if found else key


def severity_label(key: str, lang: str | None = None) -> str:
    return i18n.message(f"warn.severity.{key}", lang)


# ---- the log -----------------------------------------------------------------------------


@dataclass(frozen=True)
class WarningRow:
    id: int
    client_id: int
    client_name: str
    signal: str
    severity: str
    seen_on: date
    detail: str | None
    action: str | None
    closed_on: date | None
    closed_note: str | None
    task_id: int | None
    task_open: bool  # the raised check is not done yet
    version: int

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


def _seen_on(value: object, field: str = "warn.field.seen_on") -> date:
    day = v.to_date(value, field) or clock.today()
    if day > clock.today():
        raise ValidationError("warn.future", field)
    if day.year < 1990:
        raise ValidationError("warn.too_old", field)
    return day


def _signal_key(value: object) -> str:
    key = str(value or "").strip()
    if not key:
        raise ValidationError("error.required", "warn.field.signal")
    if signal(key) is None:
        raise ValidationError("error.not_in_list", "warn.field.signal", value=key)
    return key


def _severity(value: object, default: str) -> str:
    return v.choice(value, SEVERITIES, "warn.field.severity") or default


def log_warning(store: Store, client_id: int, data: Mapping[str, object]) -> int:
    """Log a signal seen at the client: data signal (a catalogue key), seen_on (default today;
    not in the future), severity (default the signal's), detail and action (texts). Refused
    while the same signal is open at this client (update that one instead)."""
    key = _signal_key(data.get("signal"))
    severity = _severity(data.get("severity"), signal(key).severity)  # type: ignore[union-attr]
    seen_on = _seen_on(data.get("seen_on"))
    detail = v.optional_text(data.get("detail"), "warn.field.detail", 5000)
    action = v.optional_text(data.get("action"), "warn.field.action", 5000)
    now = clock.now()
    with store.write() as s:
        clients.fetch_client(s, client_id)
        open_since = s.scalar(select(EarlyWarning.seen_on).where(
            EarlyWarning.client_id == client_id, EarlyWarning.signal == key, EarlyWarning.closed_on.is_(None)))
        if open_since is not None:
            raise ValidationError("warn.already_open", "warn.field.signal", name=signal_name(key),
                                  day=open_since.isoformat())
        row = EarlyWarning(client_id=client_id, signal=key, seen_on=seen_on, severity=severity, detail=detail,
                           action=action, created_at=now, updated_at=now, changed_by=clients.who_am_i(store))
        s.add(row)
        s.flush()
        return row.id


def _fetch(s, warning_id: int) -> EarlyWarning:
    row = s.get(EarlyWarning, warning_id)
    if row is None:
        raise NotFound("warn.not_found", id=warning_id)
    clients.fetch_client(s, row.client_id)  # a client in the trash: its log is not edited
    return row


def _conflict(s, row: EarlyWarning) -> Conflict:
    """The refusal of a change to an entry someone changed since it was loaded."""
    at = row.updated_at.strftime("%Y-%m-%d %H:%M")
    name = versions.display_name(s, row.changed_by)
    key = "conflict.warning_changed" if name else "conflict.warning_changed_anonymous"
    return Conflict(key, None, who=name or "", at=at, id=row.client_id, kind="warning", version=row.version)


def _save(store: Store, warning_id: int, expected_version: int | None, change) -> None:
    try:
        with store.write() as s:
            row = _fetch(s, warning_id)
            if expected_version is not None and row.version != expected_version:
                raise _conflict(s, row)
            change(s, row)
            row.updated_at = clock.now()
            row.changed_by = clients.who_am_i(store)
    except StaleDataError:
        with store.read() as s:
            raise _conflict(s, _fetch(s, warning_id)) from None


def update_warning(store: Store, warning_id: int, data: Mapping[str, object],
                   expected_version: int | None = None) -> None:
    """Change an entry's severity, date seen, detail or action (the keys given)."""
    clean: dict[str, object] = {}
    if "severity" in data:
        clean["severity"] = v.choice(data["severity"], SEVERITIES, "warn.field.severity", required=True)
    if "seen_on" in data:
        clean["seen_on"] = _seen_on(data["seen_on"])
    for key in ("detail", "action"):
        if key in data:
            clean[key] = v.optional_text(data[key], f"warn.field.{key}", 5000)

    def change(s, row: EarlyWarning) -> None:
        if row.closed_on is not None and "seen_on" in clean and clean["seen_on"] > row.closed_on:  # type: ignore[operator]
            raise ValidationError("warn.closed_before_seen", "warn.field.seen_on")
        for key, value in clean.items():
            setattr(row, key, value)

    _save(store, warning_id, expected_version, change)


def close_warning(store: Store, warning_id: int, closed_on: object, note: object,
                  expected_version: int | None = None) -> None:
    """Close an open warning: the day (default today; not before it was seen, not in the
    future) and how it was resolved (required)."""
    day = _seen_on(closed_on, "warn.field.closed_on")
    how = v.required_text(note, "warn.field.closed_note", 5000)

    def change(s, row: EarlyWarning) -> None:
        if row.closed_on is not None:
            raise ValidationError("warn.already_closed", None, day=row.closed_on.isoformat())
        if day < row.seen_on:
            raise ValidationError("warn.closed_before_seen", "warn.field.closed_on")
        row.closed_on, row.closed_note = day, how

    _save(store, warning_id, expected_version, change)


def reopen_warning(store: Store, warning_id: int, expected_version: int | None = None) -> None:
    """Open a closed warning again (closed by mistake); refused while the same signal is open,
    and (with `expected_version`) when someone changed the entry since it was loaded."""
    def change(s, row: EarlyWarning) -> None:
        if row.closed_on is None:
            return
        if s.scalar(select(EarlyWarning.id).where(EarlyWarning.client_id == row.client_id,
                                                  EarlyWarning.signal == row.signal,
                                                  EarlyWarning.closed_on.is_(None))) is not None:
            raise ValidationError("warn.already_open", None, name=signal_name(row.signal), day="")
        row.closed_on, row.closed_note = None, None

    _save(store, warning_id, expected_version, change)


def delete_warning(store: Store, warning_id: int, expected_version: int | None = None) -> None:
    """Remove an entry logged by mistake (its raised check stays a task of the client). With
    `expected_version`: refused (Conflict) when someone changed the entry since it was loaded,
    so a colleague's closing note or new detail is not deleted unseen."""
    try:
        with store.write() as s:
            row = _fetch(s, warning_id)
            if expected_version is not None and row.version != expected_version:
                raise _conflict(s, row)
            s.delete(row)
    except StaleDataError:
        with store.read() as s:
            raise _conflict(s, _fetch(s, warning_id)) from None


def raise_check(store: Store, warning_id: int, due: object = None) -> int:
    """A post-loan check task (贷后检查) for an open warning, due on `due` or, by default, a
    few working days on by severity (high 3, medium 7, low 14); the client's owner does it.
    Refused for a closed warning and while its earlier check is still open. Returns the task id."""
    day = v.to_date(due, "warn.field.due")
    if day is not None and day < clock.today():
        raise ValidationError("warn.due_past", "warn.field.due")
    workcal.load(store)
    with store.write() as s:
        row = _fetch(s, warning_id)
        if row.closed_on is not None:
            raise ValidationError("warn.check_closed", None)
        if row.task_id is not None:
            task = s.get(Task, row.task_id)
            if task is not None and task.done_at is None:
                raise ValidationError("warn.check_open", None, day=task.due_date.isoformat() if task.due_date else "")
        client = s.get(Client, row.client_id)
        due_day = day or workcal.next_working_day(clock.today() + timedelta(days=CHECK_DAYS[row.severity]))
        lang = i18n.language()
        task = Task(client_id=row.client_id, kind="post_loan_check", owner=client.owner, due_date=due_day,
                    created_at=clock.now(),
                    title=i18n.message("warn.check_title", lang, signal=signal_name(row.signal, lang))[:300])
        s.add(task)
        s.flush()
        row.task_id = task.id
        row.updated_at = clock.now()
        return task.id


def _rows(s, query) -> list[WarningRow]:
    query = query.join(Client, EarlyWarning.client_id == Client.id).outerjoin(Task, Task.id == EarlyWarning.task_id)
    out = []
    for w, name, done_at, task_id in s.execute(query.add_columns(Client.name, Task.done_at, Task.id)):
        out.append(WarningRow(w.id, w.client_id, name, w.signal, w.severity, w.seen_on, w.detail, w.action,
                              w.closed_on, w.closed_note, task_id, task_id is not None and done_at is None,
                              w.version))
    return out


def _severity_order():
    from sqlalchemy import case

    return case({s: i for i, s in enumerate(SEVERITIES)}, value=EarlyWarning.severity, else_=len(SEVERITIES))


def client_warnings(store: Store, client_id: int) -> list[WarningRow]:
    """The client's log: open ones first (most serious, then oldest), then the closed ones
    (latest closed first)."""
    with store.read() as s:
        clients.fetch_client(s, client_id)
        rows = _rows(s, select(EarlyWarning).where(EarlyWarning.client_id == client_id)
                     .order_by(EarlyWarning.closed_on.is_not(None), EarlyWarning.closed_on.desc(), _severity_order(),
                               EarlyWarning.seen_on, EarlyWarning.id))
    return rows


def open_warnings(store: Store, limit: int | None = None, client_id: int | None = None) -> list[WarningRow]:
    """Open warnings of live clients: most serious first, then the oldest."""
    order = (_severity_order(), EarlyWarning.seen_on, EarlyWarning.id)
    live = [EarlyWarning.closed_on.is_(None), Client.deleted_at.is_(None)]
    if client_id is not None:
        live.append(EarlyWarning.client_id == client_id)
    if limit is None:
        query = select(EarlyWarning).where(*live).order_by(*order)
    else:
        # the page's ids first, then its rows with their task: joined before the cut, PostgreSQL
        # hashed every task of the book for a branch's thousands of open warnings (46 of 71 ms)
        page = (select(EarlyWarning.id).join(Client, EarlyWarning.client_id == Client.id)
                .where(*live).order_by(*order).limit(limit))
        query = select(EarlyWarning).where(EarlyWarning.id.in_(page)).order_by(*order)
    with store.read(screenful=limit is not None) as s:
        return _rows(s, query)


def open_count(store: Store, client_id: int) -> tuple[int, int]:
    """(open warnings, of them high) of a client, for its header."""
    with store.read() as s:
        rows = s.execute(select(EarlyWarning.severity, func.count()).where(
            EarlyWarning.client_id == client_id, EarlyWarning.closed_on.is_(None))
            .group_by(EarlyWarning.severity)).all()
    counts = dict(rows)
    return sum(counts.values()), counts.get("high", 0)


# ---- suggestions from the related parties -------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    signal: str
    detail: str  # why, in the asked language (the chain or circle)


def suggestions(store: Store, client_id: int, lang: str | None = None) -> list[Suggestion]:
    """Guarantee-risk warnings the related parties call for and that are not open yet:
    a circle of guarantees -> mutual_guarantee, a chain of 2+ links -> guarantee_chain."""
    risk = related.guarantee_risk_of(store, client_id)
    open_now = {w.signal for w in open_warnings(store, client_id=client_id)}
    texts = related.risk_text(risk, lang)
    out = []
    if risk.cycle and "mutual_guarantee" not in open_now:
        out.append(Suggestion("mutual_guarantee", texts[0]))
    if risk.chain and "guarantee_chain" not in open_now:
        out.append(Suggestion("guarantee_chain", texts[-1]))
    return out


# ---- the reports ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodFigures:
    opened: list[WarningRow]  # logged (seen) in the period
    closed: list[WarningRow]  # closed in the period
    open_now: int
    open_high: int


def period_figures(store: Store, start: date, end: date) -> PeriodFigures:
    with store.read() as s:
        live = Client.deleted_at.is_(None)
        opened = _rows(s, select(EarlyWarning).where(live, EarlyWarning.seen_on >= start, EarlyWarning.seen_on <= end)
                       .order_by(EarlyWarning.seen_on, EarlyWarning.id).limit(200))
        closed = _rows(s, select(EarlyWarning).where(live, EarlyWarning.closed_on >= start,
                                                     EarlyWarning.closed_on <= end)
                       .order_by(EarlyWarning.closed_on, EarlyWarning.id).limit(200))
        counts = dict(s.execute(select(EarlyWarning.severity, func.count()).join(Client, EarlyWarning.client_id == Client.id)
                                .where(live, EarlyWarning.closed_on.is_(None)).group_by(EarlyWarning.severity)).all())
    return PeriodFigures(opened, closed, sum(counts.values()), counts.get("high", 0))


def report_section(store: Store, start: date, end: date, lang: str, mask=lambda text: text or ""):
    """The work reports' section (rmdesk.services.workreports): warnings seen or closed in
    the period, and how many are open now (of them high)."""
    from rmdesk.formats.report_doc import Section

    figures = period_figures(store, start, end)
    m = lambda key, **kw: i18n.message(f"warn.{key}", lang, **kw)  # noqa: E731
    rows = [[w.seen_on.isoformat(), w.client_name, signal_name(w.signal, lang), severity_label(w.severity, lang),
             m("state_open") if w.is_open else m("state_closed", day=w.closed_on.isoformat()), mask(w.action)]
            for w in figures.opened]
    rows += [[w.seen_on.isoformat(), w.client_name, signal_name(w.signal, lang), severity_label(w.severity, lang),
              m("state_closed", day=w.closed_on.isoformat()), mask(w.closed_note)]
             for w in figures.closed if w.seen_on < start]
    return Section(m("report_title"), [m(k) for k in ("col_seen", "col_client", "col_signal", "col_severity",
                                                       "col_state", "col_action")], rows,
                   note=m("report_note", open=figures.open_now, high=figures.open_high), empty=m("report_none"))


def plan_brief(store: Store, client_id: int, lang: str):
    """The call plan's risk-watch block (rmdesk.formats.callplan_risk) of a client."""
    from rmdesk.formats.callplan_risk import PlanWarning, RiskBrief

    warnings = []
    for w in open_warnings(store, client_id=client_id):
        found = signal(w.signal)
        warnings.append(PlanWarning(signal_name(w.signal, lang), severity_label(w.severity, lang),
                                    i18n.message("warn.plan_seen", lang, day=w.seen_on.isoformat()),
                                    w.detail or "", "\n".join(filter(None, [
                                        w.action, i18n.message("warn.plan_check", lang) if w.task_open else ""])),
                                    found.look_for(lang) if found else ""))
    links = related.links_of(store, client_id)
    return RiskBrief(warnings, related.risk_text(related.guarantee_risk_of(store, client_id), lang),
                     [(related.kind_label(x.kind, lang), x.other_name) for x in links[:12]])
