"""The RM's own targets (客户经理考核): settings per period, actual against target from the
business volumes and the activity log, and the weekly activity count against the daily goal.

Targets are saved in the settings table under "targets" as {period: {measure: text}};
a period without saved targets uses DEFAULT_TARGETS (one bank's thresholds for a full
relationship manager, from the domain brief; the fee-income, visit and new-client figures
are placeholders to edit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select, type_coerce

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.services import settings, workcal
from rmdesk.services import validation as v
from rmdesk.services.tiering import period_bounds
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, MaintenanceLog, StepChange, Visit

MONEY_MEASURES = ("avg_deposits", "avg_loans", "new_deposits", "intl_settlement_usd", "fee_income")
COUNT_MEASURES = ("visits", "new_clients")
MEASURES = (*MONEY_MEASURES, *COUNT_MEASURES)

DEFAULT_TARGETS: dict[str, Decimal] = {
    "avg_deposits": Decimal("60000000"),  # annual average corporate deposits >= 60 million CNY
    "avg_loans": Decimal("100000000"),  # ... and average loans >= 100 million,
    "new_deposits": Decimal("30000000"),  # or new average deposits >= 30 million with a loan balance,
    "intl_settlement_usd": Decimal("50000000"),  # or international settlement >= 50 million USD with loans
    "fee_income": Decimal("3000000"),
    "visits": Decimal("150"),
    "new_clients": Decimal("10"),
}
DEFAULT_DAILY_ACTIVITIES = 3


def period_dates(period: str) -> tuple[date, date]:
    year, first, last = period_bounds(period)
    return date(year, first, 1), date(year, last, 1) + relativedelta(months=1, days=-1)


def previous_period(period: str) -> str:
    """The period of the same length just before (2026 -> 2025, 2026-H1 -> 2025-H2)."""
    year, first, last = period_bounds(period)
    if "-" not in period:
        return str(year - 1)
    part = period.split("-")[1]
    if part[0] in "HQ":
        n = int(part[1])
        count = 2 if part[0] == "H" else 4
        return f"{year}-{part[0]}{n - 1}" if n > 1 else f"{year - 1}-{part[0]}{count}"
    month = date(year, first, 1) - relativedelta(months=1)
    return f"{month.year}-{month.month:02d}"


def _load(store: Store) -> dict:
    with store.read() as s:
        return settings.read_json(s, "targets", {})


def get_targets(store: Store, period: str) -> dict[str, Decimal]:
    period_bounds(period)
    saved = _load(store).get(period, {})
    return {m: Decimal(saved.get(m, DEFAULT_TARGETS[m])) for m in MEASURES}


def save_targets(store: Store, period: str, values: Mapping[str, object]) -> dict[str, Decimal]:
    period_bounds(period)
    current = get_targets(store, period)
    for key, value in values.items():
        if key in MONEY_MEASURES:
            current[key] = v.amount(value, key, required=True)  # type: ignore[assignment]
        elif key in COUNT_MEASURES:
            number = v.int_range(value, 0, 100000, key)
            if number is None:
                raise ValidationError("error.required", key)
            current[key] = Decimal(number)
        else:
            raise ValidationError("error.unknown_field", key)
    with store.write() as s:  # read and written in one transaction: another period saved meanwhile stays
        everything = settings.read_json(s, "targets", {})
        everything[period] = {k: str(x) for k, x in current.items()}
        settings.write_json(s, "targets", everything)
    return current


def get_daily_goal(store: Store) -> int:
    return settings.get_int(store, "daily_activities", DEFAULT_DAILY_ACTIVITIES)


def save_daily_goal(store: Store, count: object) -> int:
    return settings.save_int(store, "daily_activities", count, 0, 200)


@dataclass(frozen=True)
class Progress:
    measure: str
    actual: Decimal
    target: Decimal

    @property
    def ratio(self) -> Decimal:
        """actual / target (1 = reached); 1 when the target is 0."""
        if self.target <= 0:
            return Decimal(1)
        return self.actual / self.target

    @property
    def reached(self) -> bool:
        return self.actual >= self.target


@dataclass(frozen=True)
class TargetReport:
    period: str
    start: date
    end: date
    lines: list[Progress]
    # The full-RM threshold: deposits reached and one of loans / new deposits with a loan
    # balance / international settlement with a loan balance.
    qualified: bool
    qualified_by: str | None  # avg_loans | new_deposits | intl_settlement_usd


def _live(client_id):
    """The client is not in the trash (cheaper than a join with the wide clients table)."""
    return client_id.not_in(select(Client.id).where(Client.deleted_at.is_not(None)))


def _volume_totals(store: Store, period: str) -> dict[str, Decimal]:
    """The live clients' volumes of exactly `period`, summed by the database."""
    from rmdesk.store.models import BusinessVolume

    period_bounds(period)
    names = ("avg_deposits", "avg_loans", "intl_settlement_usd", "fee_income")
    columns = [getattr(BusinessVolume, k) for k in names]
    with store.read() as s:
        row = s.execute(select(*[type_coerce(func.coalesce(func.sum(c), 0), c.type) for c in columns])
                        .where(_live(BusinessVolume.client_id), BusinessVolume.period == period)).one()
    return {k: (value or Decimal(0)) for k, value in zip(names, row, strict=True)}


def _money_actuals(store: Store, period: str) -> dict[str, Decimal]:
    totals = _volume_totals(store, period)
    before = _volume_totals(store, previous_period(period))["avg_deposits"]
    totals["new_deposits"] = max(Decimal(0), totals["avg_deposits"] - before) if before else Decimal(0)
    return totals


def report(store: Store, period: str | None = None) -> TargetReport:
    """Actual against target for `period` (default: this year). Money from the business
    volumes of exactly that period (new deposits: growth of average deposits over the period
    before; 0 when that period has none); visits: held visits other than phone calls with
    their time in the period; new clients: clients won (moved to step 6) in the period."""
    chosen = period or str(clock.today().year)
    start, end = period_dates(chosen)
    targets = get_targets(store, chosen)
    actual = _money_actuals(store, chosen)
    begin, stop = datetime.combine(start, datetime.min.time()), datetime.combine(end + timedelta(days=1),
                                                                                  datetime.min.time())
    with store.read() as s:
        visits = s.scalar(select(func.count()).where(
            Visit.status == "done", Visit.kind != "phone", Visit.deleted_at.is_(None), _live(Visit.client_id),
            Visit.planned_at >= begin, Visit.planned_at < stop))
        won = s.scalar(select(func.count(StepChange.client_id.distinct())).where(
            StepChange.to_step == 6, StepChange.from_step.is_not(None), StepChange.from_step != 6,
            _live(StepChange.client_id), StepChange.at >= begin, StepChange.at < stop))
    actual["visits"] = Decimal(visits or 0)
    actual["new_clients"] = Decimal(won or 0)
    lines = [Progress(m, actual[m], targets[m]) for m in MEASURES]
    has_loans = actual["avg_loans"] > 0
    by = None
    if actual["avg_deposits"] >= targets["avg_deposits"]:
        if actual["avg_loans"] >= targets["avg_loans"]:
            by = "avg_loans"
        elif has_loans and actual["new_deposits"] >= targets["new_deposits"]:
            by = "new_deposits"
        elif has_loans and actual["intl_settlement_usd"] >= targets["intl_settlement_usd"]:
            by = "intl_settlement_usd"
    return TargetReport(chosen, start, end, lines, by is not None, by)


@dataclass(frozen=True)
class WeekActivity:
    start: date  # Monday
    visits: int  # held visits (not phone) and on-site maintenance contacts
    calls: int  # held phone calls
    other: int  # other maintenance contacts (extra value, knowledge, care, ...)
    working_days: int  # on the Chinese calendar (make-up Saturdays count)
    goal: int  # daily goal x working days

    @property
    def total(self) -> int:
        return self.visits + self.calls + self.other


def weekly_activity(store: Store, weeks: int = 8, today: date | None = None) -> list[WeekActivity]:
    """Activity per week for the last `weeks` weeks (this one last) against the daily goal."""
    day = today or clock.today()
    monday = day - timedelta(days=day.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    begin = datetime.combine(first, datetime.min.time())
    stop = datetime.combine(monday + timedelta(days=7), datetime.min.time())
    daily = get_daily_goal(store)
    counts = {first + timedelta(weeks=i): [0, 0, 0] for i in range(weeks)}

    def bucket(at: datetime) -> list[int]:
        return counts[at.date() - timedelta(days=at.weekday())]

    with store.read() as s:
        for at, kind in s.execute(select(Visit.planned_at, Visit.kind).join(Client, Visit.client_id == Client.id)
                                  .where(Visit.status == "done", Visit.deleted_at.is_(None),
                                         Client.deleted_at.is_(None), Visit.planned_at >= begin,
                                         Visit.planned_at < stop)):
            bucket(at)[1 if kind == "phone" else 0] += 1
        for at, way in s.execute(select(MaintenanceLog.at, MaintenanceLog.way)
                                 .join(Client, MaintenanceLog.client_id == Client.id)
                                 .where(Client.deleted_at.is_(None), MaintenanceLog.at >= begin,
                                        MaintenanceLog.at < stop)):
            bucket(at)[0 if way == "onsite" else 2] += 1
    out = []
    workcal.load(store)
    for start, (visit_count, calls, other) in counts.items():
        days = workcal.working_days_between(start, start + timedelta(days=6))
        out.append(WeekActivity(start, visit_count, calls, other, days, daily * days))
    return out
