"""Maintenance cadence: when each kept client is next due for a contact.

Each tier of the active scheme has a cadence written as an RFC 5545 recurrence rule
(python-dateutil rrule text such as "FREQ=WEEKLY;INTERVAL=2"); a client may have a rule
of its own. The clock starts at the last contact — a held visit of any kind or a
maintenance log — and the due date is the rule's next occurrence after it, moved to the
next working day of the Chinese calendar (see workcal). A date set by hand when a contact
was logged (Client.next_maintenance_date, later than the last contact) wins over the rule.

Kept clients are those at step 6 (active or won); any other active client with a date set
by hand is listed too. Credit deals won add dated tasks: post-loan checks and the maturity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from rmdesk import clock, i18n
from rmdesk.errors import NotFound, ValidationError
from rmdesk.services import validation as v
from rmdesk.services import versions, workcal
from rmdesk.services.recurrence import describe, next_occurrence, occurrences, validate_rule
from rmdesk.services.tiering import get_scheme
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Deal, MaintenanceLog, Product, Task, Visit


def set_client_cadence(store: Store, client_id: int, rule: str | None, expected_version: int | None = None) -> None:
    """A client's own cadence (None or "" returns it to its tier's). `expected_version`: the
    client's version the caller loaded (someone's later change: Conflict)."""
    clean = validate_rule(rule) if (rule or "").strip() else None
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        client.cadence_rule = clean
        client.updated_at = clock.now()


def set_founded_date(store: Store, client_id: int, founded: date | str | None,
                     expected_version: int | None = None) -> None:
    day = v.to_date(founded, "founded_date")
    if day is not None and day > clock.today():
        raise ValidationError("error.birthday_future", "founded_date")
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        client.founded_date = day
        client.updated_at = clock.now()


def set_keeping(store: Store, client_id: int, rule: str | None, founded: date | str | None,
                expected_version: int | None = None) -> None:
    """The keeping panel's Save: the client's own cadence and its founding date in one write,
    from the client's version the caller loaded (someone's later change: Conflict)."""
    clean = validate_rule(rule) if (rule or "").strip() else None
    day = v.to_date(founded, "founded_date")
    if day is not None and day > clock.today():
        raise ValidationError("error.birthday_future", "founded_date")
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        if (client.cadence_rule, client.founded_date) != (clean, day):
            client.cadence_rule, client.founded_date = clean, day
            client.updated_at = clock.now()


@dataclass(frozen=True)
class DueItem:
    client_id: int
    client_name: str
    tier: str | None
    last_contact: date | None
    nominal: date  # the date the rule (or the hand-set date) gives
    due: date  # moved to a working day
    reason: str  # cadence | client_cadence | date_set | no_contact | no_tier (outside any cadence)
    rule: str | None
    overdue_days: int  # > 0 when due before today
    calendar_covered: bool  # False: the year is beyond the holiday data; weekends only
    moved_for: str | None  # why the nominal date moved: a holiday key (workcal.holiday_name), "weekend", or None
    planned_visit: datetime | None = None  # the next visit already planned (from today on)


def reason_text(item: DueItem, lang: str | None = None) -> str:
    """Why the item is due, in words, with the move to a working day if any."""
    rule = describe(item.rule, lang) if item.rule else ""
    text = i18n.message(f"due_reason.{item.reason}", lang, rule=rule)
    if item.moved_for:
        why = i18n.message("cadence.weekend", lang) if item.moved_for == "weekend" else i18n.label(
            "holiday", item.moved_for, lang)
        text += i18n.message("cadence.moved", lang, why=why)
    return text


def planned_visits(store: Store, of=None) -> dict[int, datetime]:
    """Each client's next planned visit from today on (`of`: only the clients it selects)."""
    start = datetime.combine(clock.today(), datetime.min.time())
    with store.read() as s:
        rows = s.execute(_of(select(Visit.client_id, func.min(Visit.planned_at))
                             .where(Visit.status == "planned", Visit.deleted_at.is_(None), Visit.planned_at >= start),
                             Visit.client_id, of)
                         .group_by(Visit.client_id))
        return {cid: at if isinstance(at, datetime) else datetime.fromisoformat(str(at)) for cid, at in rows}


def _of(query, client_id, of):
    return query if of is None else query.where(client_id.in_(of))


def last_contacts(store: Store, of=None) -> dict[int, date]:
    """The day of each client's last contact: a held visit or a maintenance log (`of`: only
    the clients it selects)."""
    out: dict[int, date] = {}
    with store.read() as s:
        rows = list(s.execute(_of(select(MaintenanceLog.client_id, func.max(MaintenanceLog.at)),
                                  MaintenanceLog.client_id, of)
                              .group_by(MaintenanceLog.client_id)))
        rows += list(s.execute(_of(select(Visit.client_id, func.max(Visit.planned_at))
                                   .where(Visit.status == "done", Visit.deleted_at.is_(None)), Visit.client_id, of)
                               .group_by(Visit.client_id)))
    for client_id, at in rows:
        day = at.date() if isinstance(at, datetime) else datetime.fromisoformat(str(at)).date()
        if client_id not in out or day > out[client_id]:
            out[client_id] = day
    return out


def schedule(store: Store) -> list[DueItem]:
    """Every kept client's next due contact, earliest first."""
    cadences, fallback = rules(store)
    # the contacts and planned visits of these clients only (a big book has many more)
    contacts = last_contacts(store, select(Client.id).where(*KEPT))
    planned = planned_visits(store, select(Client.id).where(*KEPT))
    today = clock.today()
    with store.read() as s:
        clients = list(s.execute(select(*DUE_FIELDS).where(*KEPT)))
    out = []
    for row in clients:
        item = due_item(row, contacts.get(row[0]), cadences, fallback, today, planned.get(row[0]))
        if item is not None:
            out.append(item)
    out.sort(key=lambda d: (d.due, d.client_name, d.client_id))
    return out


# who is kept (on a cadence) and what a client's due date is worked out from (due_item)
KEPT = (Client.deleted_at.is_(None), Client.status.in_(("active", "won")),
        or_(Client.step == 6, Client.next_maintenance_date.is_not(None)))
DUE_FIELDS = (Client.id, Client.name, Client.tier, Client.cadence_rule, Client.next_maintenance_date,
              Client.step_entered_at, Client.step)


def rules(store: Store) -> tuple[dict[str, str], str]:
    """The scheme's cadence per tier and the one for a client outside every tier (the
    holiday calendar loaded for next_working_day)."""
    workcal.load(store)
    scheme = get_scheme(store)
    cadences: dict[str, str] = scheme["cadences"]
    return cadences, cadences[scheme["tiers"][-1]]


def due_item(row, last: date | None, cadences: dict[str, str], fallback: str, today: date,
             planned: datetime | None = None) -> DueItem | None:
    """A kept client's next due contact (`row`: DUE_FIELDS; `last`: its last contact), or
    None for a prospect whose hand-set date has passed with a contact."""
    cid, name, tier, own_rule, set_date, entered, step = row
    rule = own_rule or cadences.get(tier or "", fallback)
    if set_date is not None and (last is None or set_date >= last):
        nominal, reason = set_date, "date_set"
    elif step != 6:
        return None  # a prospect whose hand-set date has passed with a contact
    elif not own_rule and tier not in cadences:
        # outside any cadence (no tier of the scheme in use): kept on the list at the last
        # tier's cadence so it is not forgotten, and said so
        nominal, reason = next_occurrence(rule, last or entered.date()), "no_tier"
    elif last is None:
        nominal, reason = next_occurrence(rule, entered.date()), "no_contact"
    else:
        nominal, reason = next_occurrence(rule, last), ("client_cadence" if own_rule else "cadence")
    due = workcal.next_working_day(nominal)
    moved = None
    if due != nominal:
        moved = workcal.holiday_name(nominal) or "weekend"
    return DueItem(cid, name, tier, last, nominal, due, reason, rule if reason != "date_set" else None,
                   max(0, (today - due).days), workcal.is_covered(nominal.year) and workcal.is_covered(due.year),
                   moved, planned)


def due_within(store: Store, days: int = 7, start: date | None = None) -> list[DueItem]:
    """Kept clients due on or before `start` + `days` (overdue ones included)."""
    last = (start or clock.today()) + timedelta(days=days)
    return [d for d in schedule(store) if d.due <= last]


def due_for(store: Store, client_id: int) -> DueItem | None:
    return next((d for d in schedule(store) if d.client_id == client_id), None)


# ---- tasks from deals ---------------------------------------------------------------

# Products that lend or guarantee (credit): won deals in them get post-loan checks.
NON_CREDIT_PRODUCTS = ("deposits", "settlement_cash_mgmt", "corporate_wealth", "online_banking", "payroll")
POST_LOAN_FIRST_DAYS = 30  # the first check within a month of drawing
POST_LOAN_RULE = "FREQ=MONTHLY;INTERVAL=3"  # then every quarter until maturity
MATURITY_NOTICE_DAYS = 30  # prepare repayment or renewal a month ahead


def _previous_working_day(day: date) -> date:
    while not workcal.is_working_day(day):
        day -= timedelta(days=1)
    return day


def set_deal_maturity(store: Store, deal_id: int, maturity: date | str | None,
                      expected_version: int | None = None) -> list[int]:
    """Set a won credit deal's maturity and (re)build its dated tasks: the first post-loan
    check (贷后检查) a month after drawing, then quarterly until maturity, and the maturity
    notice a month ahead. Dates land on working days (checks move later, the notice earlier).
    Open tasks of the deal are replaced; done ones stay. Returns the new task ids. With
    `expected_version` (DealRow.version) a stale copy is refused with Conflict."""
    day = v.to_date(maturity, "maturity_date")
    workcal.load(store)
    with versions.stale_is_conflict(store, Deal, deal_id, "error.deal_not_found"), store.write() as s:
        row = s.execute(select(Deal, Product).join(Product).where(Deal.id == deal_id,
                                                                  Deal.deleted_at.is_(None))).first()
        if row is None:
            raise NotFound("error.deal_not_found", id=deal_id)
        deal, product = row
        versions.check(s, deal, expected_version)
        if deal.status != "won":
            raise ValidationError("error.deal_not_won", "status")
        if product.key in NON_CREDIT_PRODUCTS:
            raise ValidationError("error.deal_not_credit", "product")
        drawn = deal.actual_date or clock.today()
        if day is not None and day <= drawn:
            raise ValidationError("error.maturity_before_drawing", "maturity_date")
        deal.maturity_date = day
        for task in s.scalars(select(Task).where(Task.deal_id == deal_id, Task.done_at.is_(None))):
            s.delete(task)
        if day is None:
            return []
        lang = i18n.language()
        name = product.name_zh if lang == "zh_CN" else product.name_en
        amount = f"{deal.amount:,.2f}"
        now = clock.now()
        tasks = []
        first = drawn + timedelta(days=POST_LOAN_FIRST_DAYS)
        for number, check in enumerate(occurrences(POST_LOAN_RULE, first, day), start=1):
            tasks.append(Task(client_id=deal.client_id, deal_id=deal.id, kind="post_loan_check",
                              due_date=workcal.next_working_day(check), created_at=now,
                              title=i18n.message("task.post_loan_check", lang, n=number, product=name,
                                                 amount=amount)))
        notice = _previous_working_day(day - timedelta(days=MATURITY_NOTICE_DAYS))
        tasks.append(Task(client_id=deal.client_id, deal_id=deal.id, kind="maturity",
                          due_date=max(notice, clock.today()), created_at=now,
                          title=i18n.message("task.maturity", lang, product=name, amount=amount,
                                             date=day.isoformat())))
        s.add_all(tasks)
        s.flush()
        return [t.id for t in tasks]
