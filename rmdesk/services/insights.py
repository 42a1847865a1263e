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
from sqlalchemy import (
    BigInteger,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)

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


# ---- drilling down: the clients behind a number, fetched when asked for ------------------


@dataclass(frozen=True)
class Drill:
    """Which clients a number of a report stands for: the report ("funnel", "channels",
    "objections", "coverage"), the measure ("entered", "won", ...), the line's key (a step,
    a channel, a lost reason, (type, answer), a tier) and the period. The reports count in
    SQL and leave the ids out; `drill_ids` fetches them when the user drills down."""

    report: str
    measure: str
    key: object
    period: Period


class Drills:
    """The drill-downs of one computed report: the store and the ids already fetched."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._found: dict[Drill, tuple[int, ...]] = {}

    def ids(self, drill: Drill) -> tuple[int, ...]:
        if drill not in self._found:
            self._found[drill] = drill_ids(self.store, drill)
        return self._found[drill]


def _lazy(drills: Drills | None, drill: Drill) -> tuple[int, ...]:
    return drills.ids(drill) if drills is not None else ()


def drill_ids(store: Store, drill: Drill) -> tuple[int, ...]:
    """The ids of the live clients behind a number (sorted)."""
    fetch = {"funnel": _funnel_ids, "channels": _channel_ids, "objections": _objection_ids,
             "coverage": _coverage_ids}.get(drill.report)
    if fetch is None:
        raise ValueError(drill.report)
    return tuple(sorted(set(fetch(store, drill))))


def drill_clients(store: Store, drill: Drill, limit: int = 2000) -> tuple[int, list[ClientLine]]:
    """A drill-down in one go (what the Reports page runs off the GUI thread): how many
    clients, and the first `limit` of them by name."""
    ids = drill_ids(store, drill)
    return len(ids), clients_named(store, ids, limit)


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
    period: Period | None = field(default=None, repr=False, compare=False)
    drills: Drills | None = field(default=None, repr=False, compare=False)

    def drill(self, measure: str) -> Drill:  # "entered" or "advanced"
        return Drill("funnel", measure, self.step, self.period)  # type: ignore[arg-type]

    @property
    def entered_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("entered"))

    @property
    def advanced_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("advanced"))


@dataclass(frozen=True)
class LostReason:
    reason: str  # a vocab.LOST_REASONS key, or "other"
    count: int
    period: Period | None = field(default=None, repr=False, compare=False)
    drills: Drills | None = field(default=None, repr=False, compare=False)

    @property
    def drill(self) -> Drill:
        return Drill("funnel", "lost", self.reason, self.period)  # type: ignore[arg-type]

    @property
    def client_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill)


@dataclass(frozen=True)
class FunnelReport:
    period: Period
    steps: list[FunnelStep]
    won: int
    lost: int
    win_rate: Decimal | None
    lost_reasons: list[LostReason]
    drills: Drills | None = field(default=None, repr=False, compare=False)

    def drill(self, measure: str) -> Drill:  # "won" or "lost"
        if measure == "won":
            return Drill("funnel", "entered", vocab.FINAL_STEP, self.period)
        return Drill("funnel", "lost", None, self.period)

    @property
    def won_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("won"))

    @property
    def lost_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("lost"))


# ---- the step history, in SQL -------------------------------------------------------------


def _ms_span(store: Store, left, since):
    """Whole milliseconds between two timestamps (an integer), exact on both engines."""
    if store.engine.dialect.name == "sqlite":
        ms = func.round((func.julianday(left) - func.julianday(since)) * 86_400_000)
    else:
        ms = func.round(func.extract("epoch", left - since) * 1000)
    return cast(ms, BigInteger)


def _forward(period: Period):
    """The live clients' forward entries (from no step or a lower one) within the period."""
    return (_live(StepChange.client_id), StepChange.at >= period.begin_at, StepChange.at < period.stop_at,
            or_(StepChange.from_step.is_(None), StepChange.from_step < StepChange.to_step))


def _entries(period: Period):
    """Per step: the live clients entering it within the period (each client's first forward
    entry into the step in the period: none before it since the period began, `entry_before`)
    and how many of them later, up to the period's end, entered a higher step (`moved_on_at`,
    the next forward entry into a higher step at or after it). Both are stored on the row
    (rmdesk.store.stays), so this is one scan of a covering index, no grouping by client."""
    first = or_(StepChange.entry_before.is_(None), StepChange.entry_before < period.begin_at)
    went = func.count(case((StepChange.moved_on_at < period.stop_at, 1)))
    return (select(StepChange.to_step, func.count(), went).where(*_forward(period), first)
            .group_by(StepChange.to_step))


def _live(client_id):
    """The client is not in the trash (cheaper than a join: the trash is small)."""
    return client_id.not_in(select(Client.id).where(Client.deleted_at.is_not(None)))


def _stays(store: Store, period: Period):
    """The stays that end with a move forward within the period, per step. A stay in a
    step runs from the last change that brought the client to it (from another step or from
    none) to the move forward out of it (from_step k to a higher step); a change that keeps
    the step (a status change) neither starts nor ends one. The start is stored on the move
    that ends the stay (`stay_since`, rmdesk.store.stays), so this is one scan of a covering
    index. A stay with no start found (its row is missing) is left out."""
    # per step one text of the stays' milliseconds: 200k stays cross to Python as 5 strings
    ms = cast(_ms_span(store, StepChange.at, StepChange.stay_since), String)
    return (select(StepChange.from_step, func.aggregate_strings(ms, ","))
            .where(_live(StepChange.client_id), StepChange.at >= period.begin_at, StepChange.at < period.stop_at,
                   StepChange.from_step.is_not(None), StepChange.to_step > StepChange.from_step)
            .group_by(StepChange.from_step))


def _velocity(store: Store, period: Period) -> dict[int, tuple[int, float | None, float | None]]:
    """Per step: how many stays ended within the period, their median and 80th percentile
    in days (one query, one sort per step). Days = milliseconds / 86,400,000 as a float."""
    with store.read() as s:
        found = s.connection().execute(_stays(store, period)).all()
    out = {}
    for step, text in found:
        if not text:
            continue
        values = sorted(int(x) / 86_400_000.0 for x in text.split(","))
        out[step] = (len(values), _sorted_percentile(values, 0.5), _sorted_percentile(values, 0.8))
    return out


def _sorted_percentile(ordered: list[float], q: float) -> float | None:
    """percentile() of values already sorted."""
    if not ordered:
        return None
    pos = q * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low]) + (float(ordered[high]) - float(ordered[low])) * (pos - low)


def _lost(period: Period, *columns):
    """The live clients lost now whose last move to lost lies in the period; `_reason()`
    is their lost reason (one of vocab.LOST_REASONS, or "other")."""
    last_lost = (select(StepChange.client_id, func.max(StepChange.at).label("at"))
                 .where(StepChange.to_status == "lost", StepChange.at < period.stop_at)
                 .group_by(StepChange.client_id).subquery("last_lost"))
    return (select(*columns).join(last_lost, last_lost.c.client_id == Client.id)
            .where(Client.deleted_at.is_(None), Client.status == "lost", last_lost.c.at >= period.begin_at))


def _reason():
    return case((Client.lost_reason.in_(vocab.LOST_REASONS), Client.lost_reason), else_="other")


def funnel(store: Store, period: Period | None = None) -> FunnelReport:
    period = period or default_period()
    with store.read() as s:
        found = {step: (n, went) for step, n, went in s.execute(_entries(period))}
        now_counts = dict(s.execute(select(Client.step, func.count()).where(
            Client.deleted_at.is_(None), Client.status.in_(("active", "won"))).group_by(Client.step)).all())
        reason = _reason()
        lost_counts = dict(s.execute(_lost(period, reason, func.count()).group_by(reason)).all())
    velocity = _velocity(store, period)
    drills = Drills(store)
    steps = []
    for k in vocab.STEPS:
        entered, went = found.get(k, (0, 0))
        went = int(went or 0) if k < vocab.FINAL_STEP else 0
        stays, mid, p80 = velocity.get(k, (0, None, None))
        steps.append(FunnelStep(k, entered, went, _ratio(went, entered) if k < vocab.FINAL_STEP else None,
                                stays, mid, p80, now_counts.get(k, 0), period, drills))
    won = steps[-1].entered
    lost_n = sum(lost_counts.values())
    reasons = sorted((LostReason(r, n, period, drills) for r, n in lost_counts.items()),
                     key=lambda r: (-r.count, vocab.LOST_REASONS.index(r.reason)))
    return FunnelReport(period, steps, won, lost_n, _ratio(won, won + lost_n), reasons, drills)


def _funnel_ids(store: Store, drill: Drill) -> list[int]:
    with store.read() as s:
        return list(s.scalars(_funnel_ids_query(drill)))


def _funnel_ids_query(drill: Drill):
    p = drill.period
    if drill.measure == "lost":
        query = _lost(p, Client.id)
        return query if drill.key is None else query.where(_reason() == drill.key)
    k = int(drill.key)  # type: ignore[call-overload]
    if drill.measure == "entered":
        return select(StepChange.client_id).where(*_forward(p), StepChange.to_step == k).distinct()
    first = (select(StepChange.client_id, func.min(StepChange.at).label("at")).where(*_forward(p), StepChange.to_step == k)
             .group_by(StepChange.client_id).subquery("first"))
    later = StepChange.__table__.alias("later")
    moved_on = (select(later.c.id).where(later.c.client_id == first.c.client_id, later.c.to_step > k,
                                         or_(later.c.from_step.is_(None), later.c.from_step < later.c.to_step),
                                         later.c.at >= first.c.at, later.c.at < p.stop_at).exists())
    return select(first.c.client_id).where(moved_on)


# ---- channels -----------------------------------------------------------------------------


@dataclass(frozen=True)
class YieldLine:
    key: str  # a channel key (NO_CHANNEL without one), "total", or a referrer's name
    prospects: int
    qualified: int
    won: int
    business: Decimal  # won deals of these clients
    period: Period | None = field(default=None, repr=False, compare=False)
    drills: Drills | None = field(default=None, repr=False, compare=False)
    known: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None = field(
        default=None, repr=False, compare=False)  # the ids when computed with the line (referrers)

    @property
    def win_rate(self) -> Decimal | None:
        return _ratio(self.won, self.prospects)

    def drill(self, measure: str) -> Drill | tuple[int, ...]:
        """"prospects", "qualified" or "won": the ids themselves when known, else a Drill."""
        if self.known is not None:
            return self.known[("prospects", "qualified", "won").index(measure)]
        return Drill("channels", measure, self.key, self.period)  # type: ignore[arg-type]

    def _ids(self, measure: str) -> tuple[int, ...]:
        found = self.drill(measure)
        return found if isinstance(found, tuple) else _lazy(self.drills, found)

    @property
    def prospect_ids(self) -> tuple[int, ...]:
        return self._ids("prospects")

    @property
    def qualified_ids(self) -> tuple[int, ...]:
        return self._ids("qualified")

    @property
    def won_ids(self) -> tuple[int, ...]:
        return self._ids("won")


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
                     known=(tuple(sorted(prospects)), tuple(sorted(qualified)), tuple(sorted(won))))


def _money(fen) -> Decimal:
    return (Decimal(int(fen or 0)) / 100).quantize(Decimal("0.01"))


def _created(period: Period):
    return Client.deleted_at.is_(None), Client.created_at >= period.begin_at, Client.created_at < period.stop_at


def _reached(store: Store):
    """The highest step a client reached: its top step change (an index seek by client), or
    its step now when higher (the lookup written once: SQLite would run it once per mention)."""
    top = func.coalesce(select(func.max(StepChange.to_step)).where(StepChange.client_id == Client.id)
                        .correlate(Client).scalar_subquery(), 0)
    return (func.max if store.engine.dialect.name == "sqlite" else func.greatest)(top, Client.step)


def _channel_key():
    return case((Client.source_channel.in_(vocab.SOURCE_CHANNELS), Client.source_channel), else_=NO_CHANNEL)


def channels(store: Store, period: Period | None = None) -> ChannelReport:
    period = period or default_period()
    created = _created(period)
    # per client, looked up by its id (an index): cheap for a short period, no worse for a long one
    fen = func.coalesce(select(func.sum(type_coerce(Deal.amount, BigInteger)))
                        .where(Deal.client_id == Client.id, Deal.status == "won", Deal.deleted_at.is_(None))
                        .correlate(Client).scalar_subquery(), 0)
    reached = _reached(store)
    # materialized: each client's lookups run once (a flattened subquery repeats them per mention)
    members = (select(_channel_key().label("key"), reached.label("reached"), fen.label("fen"))
               .where(*created).cte("members").prefix_with("MATERIALIZED"))
    m = members.c
    with store.read() as s:
        conn = s.connection()
        by_key = {row[0]: row[1:] for row in conn.execute(
            select(m.key, func.count(), func.count(case((m.reached >= 2, 1))),
                   func.count(case((m.reached >= vocab.FINAL_STEP, 1))), func.sum(m.fen))
            .group_by(m.key))}
        referred = conn.execute(
            select(Client.id, Client.name, Client.referrer, _raw(Client.created_at), Client.step, Client.status,
                   reached, fen)
            .where(*created, Client.referrer.is_not(None), Client.referrer != "")).all()
    drills = Drills(store)
    lines = []
    for k in (*vocab.SOURCE_CHANNELS, NO_CHANNEL):
        if k in by_key:
            n, qualified, wins, fen_sum = by_key[k]
            lines.append(YieldLine(k, n, int(qualified or 0), int(wins or 0), _money(fen_sum), period, drills))
    by_referrer: dict[str, list] = defaultdict(list)
    ledger: list[Referral] = []
    for cid, name, referrer, made, step, status, top_step, fen_one in referred:
        who = (referrer or "").strip()
        if who:
            business = _money(fen_one)
            by_referrer[who].append((cid, top_step, top_step >= vocab.FINAL_STEP, business))
            ledger.append(Referral(who, cid, name, _day(made), step, status, business))
    refs = sorted((_yield(k, v) for k, v in by_referrer.items()), key=lambda y: (-y.won, -y.prospects, y.key))
    ledger.sort(key=lambda r: (r.referrer, r.created, r.client_id))
    total = YieldLine("total", sum(x.prospects for x in lines), sum(x.qualified for x in lines),
                      sum(x.won for x in lines), sum((x.business for x in lines), Decimal("0.00")), period, drills)
    return ChannelReport(period, lines, refs, ledger, total)


def _channel_ids(store: Store, drill: Drill) -> list[int]:
    reached = _reached(store)
    query = select(Client.id).where(*_created(drill.period))
    if drill.key != "total":
        query = query.where(_channel_key() == drill.key)
    if drill.measure == "qualified":
        query = query.where(reached >= 2)
    elif drill.measure == "won":
        query = query.where(reached >= vocab.FINAL_STEP)
    with store.read() as s:
        return list(s.scalars(query))


# ---- objections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    answer: str  # "" when none was written down
    used: int
    resolved: int
    closed: int  # resolved, then the client entered step 6
    type: str = field(default="", repr=False, compare=False)
    period: Period | None = field(default=None, repr=False, compare=False)
    drills: Drills | None = field(default=None, repr=False, compare=False)

    @property
    def resolve_rate(self) -> Decimal | None:
        return _ratio(self.resolved, self.used)

    @property
    def close_rate(self) -> Decimal | None:
        return _ratio(self.closed, self.used)

    def drill(self, measure: str) -> Drill:  # "used" or "closed"
        return Drill("objections", measure, (self.type, self.answer), self.period)  # type: ignore[arg-type]

    @property
    def client_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("used"))

    @property
    def closed_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill("closed"))


@dataclass(frozen=True)
class ObjectionType:
    type: str
    raised: int
    resolved: int
    closed: int
    answers: list[AnswerLine]  # most resolved first

    def drill(self, measure: str, period: Period) -> Drill:  # "used" or "closed", whatever the answer
        return Drill("objections", measure, (self.type, None), period)


@dataclass(frozen=True)
class ObjectionReport:
    period: Period
    types: list[ObjectionType]


def _answer_key(answer: str | None) -> str:
    """Answers are compared after trimming and collapsing white space."""
    return " ".join((answer or "").split())


def _raised(period: Period, only_type: str | None):
    where = [_live(Objection.client_id), Objection.created_at >= period.begin_at, Objection.created_at < period.stop_at]
    if only_type:
        where.append(Objection.type == only_type)
    return where


def _then_closed():
    """Resolved, and the client entered step 6 (forward) at or after the objection was logged."""
    win = (select(StepChange.id).where(StepChange.client_id == Objection.client_id,
                                       StepChange.to_step == vocab.FINAL_STEP,
                                       or_(StepChange.from_step.is_(None), StepChange.from_step < vocab.FINAL_STEP),
                                       StepChange.at >= Objection.created_at)
           .correlate(Objection).exists())
    return and_(Objection.resolved.is_(True), win)


def objections(store: Store, period: Period | None = None, only_type: str | None = None) -> ObjectionReport:
    period = period or default_period()
    with store.read() as s:
        rows = s.execute(select(Objection.type, Objection.answer, func.count(),
                                func.count(case((Objection.resolved.is_(True), 1))), func.count(case((_then_closed(), 1))))
                         .where(*_raised(period, only_type)).group_by(Objection.type, Objection.answer)).all()
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for kind, answer, used, resolved, closed in rows:  # one line per distinct answer text
        sums = groups[kind].setdefault(_answer_key(answer), [0, 0, 0])
        sums[0] += used
        sums[1] += resolved
        sums[2] += closed
    drills = Drills(store)
    types = []
    for kind in (*vocab.OBJECTION_TYPES, *sorted(set(groups) - set(vocab.OBJECTION_TYPES))):
        if kind not in groups:
            continue
        answers = [AnswerLine(text, used, resolved, closed, kind, period, drills)
                   for text, (used, resolved, closed) in groups[kind].items()]
        answers.sort(key=lambda a: (-a.resolved, -a.closed, -a.used, a.answer))
        types.append(ObjectionType(kind, sum(a.used for a in answers), sum(a.resolved for a in answers),
                                   sum(a.closed for a in answers), answers))
    return ObjectionReport(period, types)


def _objection_ids(store: Store, drill: Drill) -> list[int]:
    kind, answer = drill.key  # type: ignore[misc]
    closed = _then_closed()
    with store.read() as s:
        rows = s.execute(select(Objection.client_id, Objection.answer, closed if drill.measure == "closed" else literal(True))
                         .where(*_raised(drill.period, kind))).all()
    return [cid for cid, text, ok in rows if ok and (answer is None or _answer_key(text) == answer)]


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
    sqlite = store.engine.dialect.name == "sqlite"

    def day_of(column):  # the day as text: the stored text's first ten characters on SQLite
        return type_coerce(func.substr(column, 1, 10) if sqlite else func.date(column), String)

    with store.read() as s:
        conn = s.connection()
        day_of_visit = day_of(Visit.planned_at)
        visits = conn.execute(select(day_of_visit, Visit.kind, func.count())
                              .where(Visit.status == "done", Visit.deleted_at.is_(None), _live(Visit.client_id),
                                     Visit.planned_at >= begin, Visit.planned_at < stop)
                              .group_by(day_of_visit, Visit.kind)).all()
        day_of_log = day_of(MaintenanceLog.at)
        logs = conn.execute(select(day_of_log, MaintenanceLog.way, func.count())
                            .where(_live(MaintenanceLog.client_id), MaintenanceLog.at >= begin,
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
    period: Period | None = field(default=None, repr=False, compare=False)
    drills: Drills | None = field(default=None, repr=False, compare=False)

    @property
    def coverage(self) -> Decimal | None:
        return _ratio(self.covered, self.clients)

    @property
    def drill(self) -> Drill:  # the clients not covered
        return Drill("coverage", "uncovered", self.tier, self.period)  # type: ignore[arg-type]

    @property
    def uncovered_ids(self) -> tuple[int, ...]:
        return _lazy(self.drills, self.drill)


def occurrences(rule: str, period: Period) -> int:
    """How often a cadence falls within the period, counted from its first day (at least 1)."""
    start = period.begin_at
    found = rrulestr(rule, dtstart=start).between(start, period.stop_at - timedelta(seconds=1), inc=True)
    return max(1, len(found))


def _kept(store: Store, period: Period):
    """Per kept client (step 6, active or won, live): its tier as the scheme has it (an
    unknown one counts in the last tier), its contacts in the period (held visits of any
    kind and maintenance logs) and the contacts its cadence asks for. Returns the tiers,
    their cadences and expected counts, and the columns (tier, contacts, due) with the query."""
    from rmdesk.services.tiering import get_scheme

    scheme = get_scheme(store)
    cadences: dict[str, str] = scheme["cadences"]
    tiers: list[str] = list(scheme["tiers"])
    expected = {t: occurrences(cadences[t], period) for t in tiers}
    contacts = union_all(
        select(Visit.client_id.label("cid")).where(Visit.status == "done", Visit.deleted_at.is_(None),
                                                   Visit.planned_at >= period.begin_at, Visit.planned_at < period.stop_at),
        select(MaintenanceLog.client_id).where(MaintenanceLog.at >= period.begin_at,
                                               MaintenanceLog.at < period.stop_at)).subquery("contacts")
    per = select(contacts.c.cid, func.count().label("n")).group_by(contacts.c.cid).subquery("per")
    tier = case((Client.tier.in_(tiers), Client.tier), else_=tiers[-1])
    due = case(*((tier == t, expected[t]) for t in tiers))
    n = func.coalesce(per.c.n, 0)
    base = (select().select_from(Client).outerjoin(per, per.c.cid == Client.id)
            .where(Client.deleted_at.is_(None), Client.step == vocab.FINAL_STEP, Client.status.in_(("active", "won"))))
    return tiers, cadences, expected, (tier, n, due), base


def coverage(store: Store, period: Period | None = None) -> list[TierCoverage]:
    period = period or default_period()
    tiers, cadences, expected, (tier, n, due), base = _kept(store, period)
    with store.read() as s:
        found = {row[0]: row[1:] for row in s.execute(
            base.add_columns(tier, func.count(), func.sum(n), func.count(case((n >= due, 1)))).group_by(tier))}
    drills = Drills(store)
    out = []
    for t in tiers:
        clients_n, contacts, covered = found.get(t, (0, 0, 0))
        out.append(TierCoverage(t, cadences[t], int(clients_n), expected[t], int(contacts or 0), int(covered or 0),
                                period, drills))
    return out


def _coverage_ids(store: Store, drill: Drill) -> list[int]:
    _tiers, _cadences, _expected, (tier, n, due), base = _kept(store, drill.period)
    with store.read() as s:
        return list(s.scalars(base.add_columns(Client.id).where(tier == drill.key, n < due)))


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
