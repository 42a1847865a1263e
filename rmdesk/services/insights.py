"""Insight reports for the RM and the team lead: the funnel with conversion and velocity,
win rate and lost reasons; source-channel yield (per channel and per referral agent);
what wins objections; the pipeline forecast by expected closing month weighted by step;
activity against goals per week and maintenance coverage per tier.

Every report takes a Period (first and last day, both included) and returns plain
dataclasses. Each number that counts clients carries their ids (`client_ids`) so a view
can drill down to the clients behind it.

Definitions (the tests compute them by hand):
- A client *enters* step k with a StepChange whose to_step is k and whose from_step is
  empty or lower (a move forward). Funnel, per step: `entered` = distinct live clients
  entering it within the period; `advanced` = those of them that later (up to the period's
  end) entered a higher step; conversion = advanced / entered.
- Velocity: a stay in step k runs from the last entry into k to the next move forward out
  of it; a stay counts when it ends within the period. Days are calendar days (fractions
  kept); the median, and the 80th percentile by linear interpolation between the ranks
  (position 0.8 x (n - 1) of the sorted stays, as numpy's default).
- Won: clients entering step 6 within the period. Lost: clients whose status is lost now
  and whose last move to lost lies within the period. Win rate = won / (won + lost).
- Channels: the clients created within the period, by source channel and by referral
  agent; qualified = reached step 2 or beyond; won = reached step 6; business = the sum of
  their won deals.
- Objections raised within the period, by type and answer (answers compared after trimming
  spaces); resolved = marked resolved; closed = resolved and the client entered step 6 at
  or after the objection was logged.
- Forecast: open deals of live clients not lost with an expected date within the period (by month;
  without a date: their own line), weighted by the client's step (STEP_WEIGHTS).
- Coverage: per tier of the scheme in use, the kept clients (step 6, active or won) and
  their contacts in the period (held visits of any kind and maintenance logs) against the
  number of times their cadence falls in the period (at least once).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cached_property

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from sqlalchemy import BigInteger, Float, String, and_, case, cast, func, literal, or_, select, type_coerce

from rmdesk import clock, vocab
from rmdesk.errors import ValidationError
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Deal, MaintenanceLog, Objection, StepChange, Visit

# Chance that an open deal closes, by the client's step (a forecast weight).
STEP_WEIGHTS: dict[int, Decimal] = {1: Decimal("0.05"), 2: Decimal("0.10"), 3: Decimal("0.25"),
                                    4: Decimal("0.40"), 5: Decimal("0.60"), 6: Decimal("0.90")}
NO_CHANNEL = "none"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("error.range_reversed", None)

    @cached_property
    def begin_at(self) -> datetime:
        return datetime.combine(self.start, time.min)

    @cached_property
    def stop_at(self) -> datetime:  # exclusive
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def holds(self, at: datetime | date) -> bool:
        if isinstance(at, datetime):
            return self.begin_at <= at < self.stop_at  # type: ignore[operator]
        return self.start <= at <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def default_period(today: date | None = None) -> Period:
    """The last twelve months up to today."""
    day = today or clock.today()
    return Period(day - relativedelta(years=1) + timedelta(days=1), day)


def make_period(start: date | None, end: date | None) -> Period:
    base = default_period()
    end = end or (base.end if start is None or start <= base.end else start)
    start = start or (end - relativedelta(years=1) + timedelta(days=1))
    return Period(start, end)


def _at(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _raw(column):
    """A timestamp column read as the driver gives it (SQLite: ISO text, parsed by _at with
    datetime.fromisoformat, much faster than the ORM type's own parsing of many rows)."""
    return type_coerce(column, String)


def _day(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def median(values: list[float]) -> float | None:
    return percentile(values, 0.5)


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _ratio(part: int, whole: int) -> Decimal | None:
    return Decimal(part) / Decimal(whole) if whole else None


# ---- funnel -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStep:
    step: int
    entered: int
    advanced: int
    conversion: Decimal | None  # advanced / entered
    stays: int  # finished stays counted for the velocity
    median_days: float | None
    p80_days: float | None
    now_in_step: int  # live active/won clients at the step today
    entered_ids: tuple[int, ...] = ()
    advanced_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LostReason:
    reason: str  # a vocab.LOST_REASONS key, or "other"
    count: int
    client_ids: tuple[int, ...]


@dataclass(frozen=True)
class FunnelReport:
    period: Period
    steps: list[FunnelStep]
    won: int
    lost: int
    win_rate: Decimal | None
    lost_reasons: list[LostReason]
    won_ids: tuple[int, ...] = ()
    lost_ids: tuple[int, ...] = ()


# ---- the step history, in SQL -------------------------------------------------------------


def _ids(text) -> tuple[int, ...]:
    """Client ids aggregated by the database (aggregate_strings) back to a sorted tuple."""
    return tuple(sorted({int(x) for x in text.split(",")})) if text else ()


def _id_list(column):
    """The ids of a group as one comma-separated text (group_concat / string_agg)."""
    return func.aggregate_strings(cast(column, String), ",")


def _day_span(store: Store, left, since):
    """Days between two timestamps as a float, exact to the millisecond on both engines."""
    if store.engine.dialect.name == "sqlite":
        ms = func.round((func.julianday(left) - func.julianday(since)) * 86_400_000)
    else:
        ms = func.round(func.extract("epoch", left - since) * 1000)
    return cast(ms, Float) / 86_400_000.0


def _flows(period: Period):
    """Per live client with a forward entry (from no step or a lower one) within the period:
    per step the first and the last such entry (`first_k`, `last_k`). A client entering k at
    first_k advanced when it entered a higher step at or after that time (last_j >= first_k)."""
    cols = []
    for k in vocab.STEPS:
        when = case((StepChange.to_step == k, StepChange.at))
        cols += [func.min(when).label(f"first_{k}"), func.max(when).label(f"last_{k}")]
    return (select(StepChange.client_id, *cols)
            .where(_live(StepChange.client_id), StepChange.at >= period.begin_at, StepChange.at < period.stop_at,
                   or_(StepChange.from_step.is_(None), StepChange.from_step < StepChange.to_step))
            .group_by(StepChange.client_id).subquery("flows"))


def _live(client_id):
    """The client is not in the trash (cheaper than a join: the trash is small)."""
    return client_id.not_in(select(Client.id).where(Client.deleted_at.is_not(None)))


def _stays(store: Store, period: Period):
    """The stays that end with a move forward within the period: (step, days). A stay in a
    step runs from the last change that brought the client to it (from another step or from
    none) to the move forward out of it (from_step k to a higher step); a change that keeps
    the step (a status change) neither starts nor ends one."""
    out = StepChange.__table__.alias("out")
    came = StepChange.__table__.alias("came")
    since = (select(func.max(came.c.at))
             .where(came.c.client_id == out.c.client_id, came.c.to_step == out.c.from_step,
                    or_(came.c.from_step.is_(None), came.c.from_step != came.c.to_step),
                    or_(came.c.at < out.c.at, (came.c.at == out.c.at) & (came.c.id < out.c.id)))
             .scalar_subquery())
    return (select(out.c.from_step, _day_span(store, out.c.at, since))
            .where(_live(out.c.client_id), out.c.at >= period.begin_at, out.c.at < period.stop_at,
                   out.c.from_step.is_not(None), out.c.to_step > out.c.from_step))


def _velocity(store: Store, period: Period) -> dict[int, list[float]]:
    """Per step, the days of each stay that ended within the period."""
    durations: dict[int, list[float]] = defaultdict(list)
    with store.read() as s:
        for step, days in s.connection().execute(_stays(store, period)):
            if days is not None:
                durations[step].append(float(days))
    return durations


def funnel(store: Store, period: Period | None = None) -> FunnelReport:
    period = period or default_period()
    flows = _flows(period)
    parts = []
    for k in vocab.STEPS:
        first = flows.c[f"first_{k}"]
        higher = [flows.c[f"last_{j}"] >= first for j in vocab.STEPS if j > k]
        went = case((and_(first.is_not(None), or_(*higher)), flows.c.client_id)) if higher else literal(None)
        parts += [_id_list(case((first.is_not(None), flows.c.client_id))), _id_list(went)]
    last_lost = (select(StepChange.client_id, func.max(StepChange.at).label("at"))
                 .where(StepChange.to_status == "lost", StepChange.at < period.stop_at)
                 .group_by(StepChange.client_id).subquery("last_lost"))
    with store.read() as s:
        found = s.execute(select(*parts)).one()
        now_counts = dict(s.execute(select(Client.step, func.count()).where(
            Client.deleted_at.is_(None), Client.status.in_(("active", "won"))).group_by(Client.step)).all())
        lost_rows = s.execute(select(Client.lost_reason, _id_list(Client.id))
                              .join(last_lost, last_lost.c.client_id == Client.id)
                              .where(Client.deleted_at.is_(None), Client.status == "lost",
                                     last_lost.c.at >= period.begin_at)
                              .group_by(Client.lost_reason)).all()
    durations = _velocity(store, period)
    steps = []
    for i, k in enumerate(vocab.STEPS):
        ids, went_ids = _ids(found[2 * i]), _ids(found[2 * i + 1])
        days = durations.get(k, [])
        steps.append(FunnelStep(k, len(ids), len(went_ids),
                                _ratio(len(went_ids), len(ids)) if k < vocab.FINAL_STEP else None,
                                len(days), median(days), percentile(days, 0.8), now_counts.get(k, 0), ids, went_ids))
    won = steps[-1].entered_ids
    lost_by: dict[str, set[int]] = defaultdict(set)
    for reason, ids in lost_rows:
        lost_by[reason if reason in vocab.LOST_REASONS else "other"].update(_ids(ids))
    lost = sorted(c for ids in lost_by.values() for c in ids)
    reasons = sorted((LostReason(r, len(ids), tuple(sorted(ids))) for r, ids in lost_by.items()),
                     key=lambda r: (-r.count, vocab.LOST_REASONS.index(r.reason)))
    return FunnelReport(period, steps, len(won), len(lost), _ratio(len(won), len(won) + len(lost)), reasons,
                        won, tuple(lost))


# ---- channels -----------------------------------------------------------------------------


@dataclass(frozen=True)
class YieldLine:
    key: str  # a channel key (NO_CHANNEL without one) or a referrer's name
    prospects: int
    qualified: int
    won: int
    business: Decimal  # won deals of these clients
    prospect_ids: tuple[int, ...] = ()
    qualified_ids: tuple[int, ...] = ()
    won_ids: tuple[int, ...] = ()

    @property
    def win_rate(self) -> Decimal | None:
        return _ratio(self.won, self.prospects)


@dataclass(frozen=True)
class Referral:
    """One line of the referral ledger: who referred whom, and what came of it."""

    referrer: str
    client_id: int
    client_name: str
    created: date
    step: int
    status: str
    business: Decimal


@dataclass(frozen=True)
class ChannelReport:
    period: Period
    channels: list[YieldLine]
    referrers: list[YieldLine]
    ledger: list[Referral]
    total: YieldLine


def _yield(key: str, members: list[tuple[int, int, bool, Decimal]]) -> YieldLine:
    prospects = [m[0] for m in members]
    qualified = [m[0] for m in members if m[1] >= 2]
    won = [m[0] for m in members if m[2]]
    return YieldLine(key, len(prospects), len(qualified), len(won), sum((m[3] for m in members), Decimal("0.00")),
                     tuple(sorted(prospects)), tuple(sorted(qualified)), tuple(sorted(won)))


def _money(fen) -> Decimal:
    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


def channels(store: Store, period: Period | None = None) -> ChannelReport:
    period = period or default_period()
    created = (Client.deleted_at.is_(None), Client.created_at >= period.begin_at, Client.created_at < period.stop_at)
    # per client, looked up by its id (an index): cheap for a short period, no worse for a long one
    top = (select(func.max(StepChange.to_step)).where(StepChange.client_id == Client.id)
           .correlate(Client).scalar_subquery())
    fen = func.coalesce(select(func.sum(type_coerce(Deal.amount, BigInteger)))
                        .where(Deal.client_id == Client.id, Deal.status == "won", Deal.deleted_at.is_(None))
                        .correlate(Client).scalar_subquery(), 0)
    reached = case((func.coalesce(top, 0) > Client.step, top), else_=Client.step)
    key = case((Client.source_channel.in_(vocab.SOURCE_CHANNELS), Client.source_channel), else_=NO_CHANNEL)
    members = (select(Client.id, key.label("key"), reached.label("reached"), fen.label("fen"))
               .where(*created).subquery("members"))
    m = members.c
    with store.read() as s:
        conn = s.connection()
        by_key = {row[0]: row[1:] for row in conn.execute(
            select(m.key, func.count(), func.sum(case((m.reached >= 2, 1), else_=0)),
                   func.sum(case((m.reached >= vocab.FINAL_STEP, 1), else_=0)), func.sum(m.fen), _id_list(m.id),
                   _id_list(case((m.reached >= 2, m.id))), _id_list(case((m.reached >= vocab.FINAL_STEP, m.id))))
            .group_by(m.key))}
        referred = conn.execute(
            select(Client.id, Client.name, Client.referrer, _raw(Client.created_at), Client.step, Client.status,
                   reached, fen)
            .where(*created, Client.referrer.is_not(None), Client.referrer != "")).all()
    lines = []
    for k in (*vocab.SOURCE_CHANNELS, NO_CHANNEL):
        if k in by_key:
            n, qualified, wins, fen, ids, qualified_ids, won_ids = by_key[k]
            lines.append(YieldLine(k, n, int(qualified or 0), int(wins or 0), _money(fen), _ids(ids),
                                   _ids(qualified_ids), _ids(won_ids)))
    by_referrer: dict[str, list] = defaultdict(list)
    ledger: list[Referral] = []
    for cid, name, referrer, made, step, status, top_step, fen in referred:
        who = (referrer or "").strip()
        if who:
            business = _money(fen)
            by_referrer[who].append((cid, top_step, top_step >= vocab.FINAL_STEP, business))
            ledger.append(Referral(who, cid, name, _day(made), step, status, business))
    refs = sorted((_yield(k, v) for k, v in by_referrer.items()), key=lambda y: (-y.won, -y.prospects, y.key))
    ledger.sort(key=lambda r: (r.referrer, r.created, r.client_id))
    total = YieldLine("total", sum(x.prospects for x in lines), sum(x.qualified for x in lines),
                      sum(x.won for x in lines), sum((x.business for x in lines), Decimal("0.00")),
                      tuple(sorted(i for x in lines for i in x.prospect_ids)),
                      tuple(sorted(i for x in lines for i in x.qualified_ids)),
                      tuple(sorted(i for x in lines for i in x.won_ids)))
    return ChannelReport(period, lines, refs, ledger, total)


# ---- objections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    answer: str  # "" when none was written down
    used: int
    resolved: int
    closed: int  # resolved, then the client entered step 6
    client_ids: tuple[int, ...] = ()
    closed_ids: tuple[int, ...] = ()

    @property
    def resolve_rate(self) -> Decimal | None:
        return _ratio(self.resolved, self.used)

    @property
    def close_rate(self) -> Decimal | None:
        return _ratio(self.closed, self.used)


@dataclass(frozen=True)
class ObjectionType:
    type: str
    raised: int
    resolved: int
    closed: int
    answers: list[AnswerLine]  # most resolved first


@dataclass(frozen=True)
class ObjectionReport:
    period: Period
    types: list[ObjectionType]


def objections(store: Store, period: Period | None = None, only_type: str | None = None) -> ObjectionReport:
    period = period or default_period()
    query = (select(Objection.client_id, Objection.type, Objection.answer, Objection.resolved,
                    _raw(Objection.created_at))
             .join(Client, Objection.client_id == Client.id)
             .where(Client.deleted_at.is_(None), Objection.created_at >= period.begin_at,
                    Objection.created_at < period.stop_at))
    if only_type:
        query = query.where(Objection.type == only_type)
    with store.read() as s:
        rows = s.connection().execute(query).all()
        ids = {r[0] for r in rows}
        wins: dict[int, list[datetime]] = defaultdict(list)
        if ids:
            for cid, at in s.connection().execute(select(StepChange.client_id, _raw(StepChange.at)).where(
                    StepChange.to_step == vocab.FINAL_STEP,
                    (StepChange.from_step.is_(None)) | (StepChange.from_step < vocab.FINAL_STEP))):
                if cid in ids:
                    wins[cid].append(_at(at))
    groups: dict[str, dict[str, list[tuple[int, bool, bool]]]] = defaultdict(lambda: defaultdict(list))
    for cid, kind, answer, resolved, created in rows:
        created = _at(created)
        closed = bool(resolved) and any(at >= created for at in wins.get(cid, ()))
        groups[kind][" ".join((answer or "").split())].append((cid, bool(resolved), closed))
    types = []
    for kind in (*vocab.OBJECTION_TYPES, *sorted(set(groups) - set(vocab.OBJECTION_TYPES))):
        if kind not in groups:
            continue
        answers = [AnswerLine(text, len(uses), sum(u[1] for u in uses), sum(u[2] for u in uses),
                              tuple(sorted({u[0] for u in uses})), tuple(sorted({u[0] for u in uses if u[2]})))
                   for text, uses in groups[kind].items()]
        answers.sort(key=lambda a: (-a.resolved, -a.closed, -a.used, a.answer))
        types.append(ObjectionType(kind, sum(a.used for a in answers), sum(a.resolved for a in answers),
                                   sum(a.closed for a in answers), answers))
    return ObjectionReport(period, types)


def answers_that_worked(store: Store, objection_type: str, limit: int = 3) -> list[AnswerLine]:
    """The RM's own answers to this type of objection that resolved it at least once, over
    the whole book, the most successful first (shown next to the playbook's suggestions)."""
    everything = Period(date(1900, 1, 1), clock.today() + timedelta(days=1))
    report = objections(store, everything, only_type=objection_type)
    found = [a for t in report.types for a in t.answers if a.answer and a.resolved]
    return found[:limit]


def worked_by_type(store: Store, limit: int = 3) -> dict[str, list[AnswerLine]]:
    """Per objection type, the RM's own answers that resolved it at least once (over the
    whole book), the most successful first: "answers that worked for you"."""
    everything = Period(date(1900, 1, 1), clock.today() + timedelta(days=1))
    out = {}
    for t in objections(store, everything).types:
        found = [a for a in t.answers if a.answer and a.resolved][:limit]
        if found:
            out[t.type] = found
    return out


def worked_answers(store: Store) -> dict[str, AnswerLine]:
    """Per objection type, the answer that worked best (what the call plan shows)."""
    return {kind: lines[0] for kind, lines in worked_by_type(store, 1).items()}


# ---- forecast -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ForecastMonth:
    month: str | None  # "YYYY-MM", None for open deals without an expected date
    deals: int
    amount: Decimal
    weighted: Decimal
    client_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ForecastReport:
    period: Period
    months: list[ForecastMonth]  # every month of the period in order, then the undated line if any
    amount: Decimal
    weighted: Decimal


def forecast(store: Store, period: Period | None = None) -> ForecastReport:
    if period is None:
        today = clock.today()
        period = Period(today.replace(day=1), today.replace(day=1) + relativedelta(months=6, days=-1))
    with store.read() as s:
        rows = s.execute(select(Deal.client_id, Deal.amount, Deal.expected_date, Client.step)
                         .join(Client, Deal.client_id == Client.id)
                         .where(Client.deleted_at.is_(None), Client.status != "lost", Deal.deleted_at.is_(None),
                                Deal.status == "open")).all()
    buckets: dict[str | None, list] = defaultdict(list)
    for cid, raw, expected, step in rows:
        amount = raw if raw is not None else Decimal("0.00")
        if expected is None:
            key = None
        else:
            day = _day(expected)
            if not period.holds(day):
                continue
            key = f"{day.year}-{day.month:02d}"
        buckets[key].append((cid, amount, (amount * STEP_WEIGHTS[step]).quantize(Decimal("0.01"))))
    months: list[ForecastMonth] = []
    first = period.start.replace(day=1)
    while first <= period.end:
        key = f"{first.year}-{first.month:02d}"
        months.append(_month(key, buckets.get(key, [])))
        first += relativedelta(months=1)
    if buckets.get(None):
        months.append(_month(None, buckets[None]))
    return ForecastReport(period, months, sum((m.amount for m in months), Decimal("0.00")),
                          sum((m.weighted for m in months), Decimal("0.00")))


def _month(key: str | None, items: list) -> ForecastMonth:
    return ForecastMonth(key, len(items), sum((i[1] for i in items), Decimal("0.00")),
                         sum((i[2] for i in items), Decimal("0.00")), tuple(sorted({i[0] for i in items})))


# ---- activity and coverage ----------------------------------------------------------------


@dataclass(frozen=True)
class ActivityWeek:
    start: date
    visits: int
    calls: int
    other: int
    goal: int

    @property
    def total(self) -> int:
        return self.visits + self.calls + self.other


def activity(store: Store, period: Period | None = None) -> list[ActivityWeek]:
    """Contacts per week (the weeks that overlap the period, at most 53, the last one the
    week of the period's end) against the goal, counted as services/targets.weekly_activity
    counts them: held visits (phone calls apart) and maintenance contacts (on-site ones as
    visits)."""
    from rmdesk.services import workcal
    from rmdesk.services.targets import get_daily_goal

    period = period or default_period()
    last_monday = period.end - timedelta(days=period.end.weekday())
    first_monday = period.start - timedelta(days=period.start.weekday())
    weeks = min(53, (last_monday - first_monday).days // 7 + 1)
    first = last_monday - timedelta(weeks=weeks - 1)
    begin = datetime.combine(first, time.min)
    stop = datetime.combine(last_monday + timedelta(days=7), time.min)
    counts = {first + timedelta(weeks=i): [0, 0, 0] for i in range(weeks)}
    daily = get_daily_goal(store)
    with store.read() as s:
        conn = s.connection()
        day_of_visit = type_coerce(func.date(Visit.planned_at), String)
        visits = conn.execute(select(day_of_visit, Visit.kind, func.count()).join(Client, Visit.client_id == Client.id)
                              .where(Visit.status == "done", Visit.deleted_at.is_(None), Client.deleted_at.is_(None),
                                     Visit.planned_at >= begin, Visit.planned_at < stop)
                              .group_by(day_of_visit, Visit.kind)).all()
        day_of_log = type_coerce(func.date(MaintenanceLog.at), String)
        logs = conn.execute(select(day_of_log, MaintenanceLog.way, func.count())
                            .join(Client, MaintenanceLog.client_id == Client.id)
                            .where(Client.deleted_at.is_(None), MaintenanceLog.at >= begin,
                                   MaintenanceLog.at < stop).group_by(day_of_log, MaintenanceLog.way)).all()

    def bucket(raw) -> list[int]:  # a day as text (SQLite) or a date (PostgreSQL)
        day = raw if isinstance(raw, date) else date.fromisoformat(str(raw)[:10])
        return counts[day - timedelta(days=day.weekday())]

    for day, kind, n in visits:
        bucket(day)[1 if kind == "phone" else 0] += n
    for day, way, n in logs:
        bucket(day)[0 if way == "onsite" else 2] += n
    return [ActivityWeek(start, v, c, o, daily * workcal.working_days_between(start, start + timedelta(days=6)))
            for start, (v, c, o) in counts.items()]


@dataclass(frozen=True)
class TierCoverage:
    tier: str
    rule: str
    clients: int
    expected_each: int  # contacts the cadence asks for in the period, per client
    contacts: int
    covered: int  # clients with at least expected_each contacts
    uncovered_ids: tuple[int, ...] = ()

    @property
    def coverage(self) -> Decimal | None:
        return _ratio(self.covered, self.clients)


def occurrences(rule: str, period: Period) -> int:
    """How often a cadence falls within the period, counted from its first day (at least 1)."""
    start = period.begin_at
    found = rrulestr(rule, dtstart=start).between(start, period.stop_at - timedelta(seconds=1), inc=True)
    return max(1, len(found))


def coverage(store: Store, period: Period | None = None) -> list[TierCoverage]:
    from rmdesk.services.tiering import get_scheme

    period = period or default_period()
    scheme = get_scheme(store)
    cadences: dict[str, str] = scheme["cadences"]
    tiers: list[str] = list(scheme["tiers"])
    with store.read() as s:
        conn = s.connection()
        kept = conn.execute(select(Client.id, Client.tier).where(
            Client.deleted_at.is_(None), Client.step == vocab.FINAL_STEP,
            Client.status.in_(("active", "won")))).all()
        counts: dict[int, int] = defaultdict(int)
        for cid, n in conn.execute(select(Visit.client_id, func.count()).where(
                Visit.status == "done", Visit.deleted_at.is_(None), Visit.planned_at >= period.begin_at,
                Visit.planned_at < period.stop_at).group_by(Visit.client_id)):
            counts[cid] += n
        for cid, n in conn.execute(select(MaintenanceLog.client_id, func.count()).where(
                MaintenanceLog.at >= period.begin_at, MaintenanceLog.at < period.stop_at)
                .group_by(MaintenanceLog.client_id)):
            counts[cid] += n
    members: dict[str, list[int]] = defaultdict(list)
    for cid, tier in kept:
        members[tier if tier in tiers else tiers[-1]].append(cid)
    out = []
    for tier in tiers:
        rule = cadences[tier]
        expected = occurrences(rule, period)
        ids = members.get(tier, [])
        uncovered = tuple(sorted(c for c in ids if counts.get(c, 0) < expected))
        out.append(TierCoverage(tier, rule, len(ids), expected, sum(counts.get(c, 0) for c in ids),
                                len(ids) - len(uncovered), uncovered))
    return out


@dataclass(frozen=True)
class Insights:
    """Everything the Reports page shows, computed in one go (off the GUI thread)."""

    period: Period
    funnel: FunnelReport
    channels: ChannelReport
    objections: ObjectionReport
    forecast: ForecastReport
    activity: list[ActivityWeek]
    coverage: list[TierCoverage]
    names: dict[int, str] = field(default_factory=dict)


def all_reports(store: Store, period: Period | None = None) -> Insights:
    period = period or default_period()
    today = clock.today()
    ahead = Period(today.replace(day=1), today.replace(day=1) + relativedelta(months=6, days=-1))
    return Insights(period, funnel(store, period), channels(store, period), objections(store, period),
                    forecast(store, ahead), activity(store, period), coverage(store, period))


@dataclass(frozen=True)
class ClientLine:
    client_id: int
    name: str
    step: int
    status: str
    tier: str | None
    owner: str


def clients_named(store: Store, ids: list[int] | tuple[int, ...], limit: int = 2000) -> list[ClientLine]:
    """The clients behind a number (a drill-down), at most `limit`, by name."""
    chosen = list(ids)[:limit]
    out: list[ClientLine] = []
    with store.read() as s:
        for i in range(0, len(chosen), 500):
            out += [ClientLine(*row) for row in s.execute(
                select(Client.id, Client.name, Client.step, Client.status, Client.tier, Client.owner)
                .where(Client.id.in_(chosen[i:i + 500])))]
    return sorted(out, key=lambda c: (c.name, c.client_id))
