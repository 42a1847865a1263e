"""Moving clients through the six steps: advance, move back, park, lose, re-open.

Every move is a StepChange row with time and reason. A forward move of one step
needs the current step's exit rule; anything else (rule unmet, skipping steps,
moving back) needs a reason, stored as an override."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, or_, select

from rmdesk import clock, vocab
from rmdesk.errors import RuleNotMet, ValidationError
from rmdesk.playbook.rules import ExitCheck, evaluate
from rmdesk.services import validation as v
from rmdesk.services import versions
from rmdesk.services.clients import fetch_client
from rmdesk.store import stays
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Deal, StepChange


def check_exit(store: Store, client_id: int) -> ExitCheck:
    with store.read() as s:
        return evaluate(s, fetch_client(s, client_id))


def _record(s, client: Client, to_step: int, to_status: str, reason: str | None, override: bool = False,
            unmet: list[str] | None = None) -> None:
    now = clock.now()
    s.add(StepChange(client_id=client.id, at=now, from_step=client.step, to_step=to_step,
                     from_status=client.status, to_status=to_status, reason=reason, override=override,
                     unmet=",".join(unmet) if unmet else None,
                     **stays.written(s, client.id, client.step, to_step, now)))
    if to_step != client.step:
        client.step_entered_at = now
    client.step = to_step
    client.status = to_status
    client.updated_at = now


def _reason(reason: str | None) -> str | None:
    return v.optional_text(reason, "reason", 2000)


def move_to_step(store: Store, client_id: int, to_step: int, reason: str | None = None,
                 expected_version: int | None = None) -> ExitCheck:
    """Move an active client to `to_step`. Returns the exit check that applied.

    One step forward with the exit rule met needs no reason; with the rule unmet, a
    jump over steps, or a move back, `reason` is required (RuleNotMet otherwise)."""
    if to_step not in vocab.STEPS:
        raise ValidationError("error.out_of_range", "step", lo=1, hi=6)
    reason = _reason(reason)
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION) as (s, client):
        if client.status in ("nurture", "lost"):
            raise ValidationError("error.client_parked", "status")
        if to_step == client.step:
            raise ValidationError("error.same_step", "step")
        check = evaluate(s, client)
        forward_by_one = to_step == client.step + 1
        if forward_by_one and check.met:
            override, unmet = False, None
        else:
            if not reason:
                key = "error.rule_not_met" if forward_by_one else (
                    "error.move_back_needs_reason" if to_step < client.step else "error.skip_needs_reason")
                raise RuleNotMet(key, check.unmet if forward_by_one else [])
            override = to_step > client.step
            unmet = check.unmet if override else None
        status = "won" if to_step == vocab.FINAL_STEP else "active"
        _record(s, client, to_step, status, reason, override, unmet)
        return check


def advance(store: Store, client_id: int, reason: str | None = None) -> ExitCheck:
    with store.read() as s:
        step = fetch_client(s, client_id).step
    return move_to_step(store, client_id, step + 1, reason)


def park(store: Store, client_id: int, wake_up: date | str | None, reason: str | None = None,
         expected_version: int | None = None) -> None:
    """Put a client to nurture (暂缓) until `wake_up`."""
    wake = v.to_date(wake_up, "wake_up_date")
    if wake is None:
        raise ValidationError("error.required", "wake_up_date")
    if wake <= clock.today():
        raise ValidationError("error.date_not_future", "wake_up_date")
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION) as (s, client):
        if client.status == "nurture":
            raise ValidationError("error.already_in_status", "status")
        _record(s, client, client.step, "nurture", _reason(reason))
        client.wake_up_date = wake


def mark_lost(store: Store, client_id: int, lost_reason: str, details: str | None = None,
              expected_version: int | None = None) -> None:
    key = v.choice(lost_reason, vocab.LOST_REASONS, "lost_reason", required=True)
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION) as (s, client):
        if client.status == "lost":
            raise ValidationError("error.already_in_status", "status")
        _record(s, client, client.step, "lost", _reason(details))
        client.lost_reason = key
        client.status_reason = _reason(details)


def reopen(store: Store, client_id: int, reason: str | None = None, expected_version: int | None = None) -> None:
    """Bring a parked or lost client back to work, at the step it was at."""
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found",
                          versions.CLIENT_ACTION) as (s, client):
        if client.status not in ("nurture", "lost"):
            raise ValidationError("error.not_parked", "status")
        status = "won" if client.step == vocab.FINAL_STEP else "active"
        _record(s, client, client.step, status, _reason(reason))
        client.wake_up_date = None
        client.lost_reason = None
        client.status_reason = None


@dataclass(frozen=True)
class StepChangeRow:
    at: datetime
    from_step: int | None
    to_step: int
    from_status: str | None
    to_status: str
    reason: str | None
    override: bool
    unmet: tuple[str, ...]


def history(store: Store, client_id: int) -> list[StepChangeRow]:
    """Every move of the client, newest first."""
    with store.read() as s:
        fetch_client(s, client_id)
        rows = s.scalars(select(StepChange).where(StepChange.client_id == client_id)
                         .order_by(StepChange.at.desc(), StepChange.id.desc()))
        return [StepChangeRow(r.at, r.from_step, r.to_step, r.from_status, r.to_status, r.reason, r.override,
                              tuple(r.unmet.split(",")) if r.unmet else ()) for r in rows]


@dataclass(frozen=True)
class Card:
    """A client on the pipeline board."""

    client_id: int
    name: str
    tier: str | None
    owner: str
    step: int
    status: str
    days_in_step: int
    next_action_date: date | None
    open_deal_amount: Decimal
    stale: bool
    version: int = 1  # the client's version: pass it back to move_to_step (a drag on the board)

    def overdue(self, today: date) -> bool:
        return self.next_action_date is not None and self.next_action_date < today


@dataclass(frozen=True)
class BoardFilter:
    search: str | None = None
    owner: str | None = None
    tier: str | None = None
    industry: str | None = None
    include_parked: bool = False  # nurture and lost


def _open_deals_by_client():
    """Each client's open deals summed (a client with none: no row)."""
    return (select(Deal.client_id, func.sum(Deal.amount).label("total"))
            .where(Deal.status == "open", Deal.deleted_at.is_(None)).group_by(Deal.client_id).subquery())


FIELDS = (Client.id, Client.name, Client.tier, Client.owner, Client.step, Client.status, Client.step_entered_at,
          Client.next_action_date)


def _board_query(store: Store, f: BoardFilter, each_card: bool = False):
    """The cards' rows in board order. `each_card`: each card's open deals summed by their own
    index lookup (a column's first cards: a few hundred lookups instead of every client's deals
    summed before the first row; on PostgreSQL under row-level security the deals' policy runs
    for those cards' deals only)."""
    if each_card or not store.is_sqlite:
        # PostgreSQL: ix_deals_pg_open (migration 0025); SQLite: ix_deals_client_id
        total = (select(func.sum(Deal.amount)).where(Deal.client_id == Client.id, Deal.status == "open",
                                                     Deal.deleted_at.is_(None))
                 .correlate(Client).scalar_subquery().label("total"))
        base = select(*FIELDS, total, Client.version)
    else:
        open_deals = _open_deals_by_client()
        base = (select(*FIELDS, open_deals.c.total, Client.version)
                .outerjoin(open_deals, open_deals.c.client_id == Client.id))
    return _on_board(store, f, base).order_by(Client.step_entered_at, Client.id)


def _on_board(store: Store, f: BoardFilter, query):
    """`query` kept to the clients on the board for `f`."""
    from rmdesk.services.clients import ClientQuery, apply_filters

    query = apply_filters(query, ClientQuery(search=f.search, owner=f.owner, tier=f.tier,
                                             include_closed=f.include_parked), store.is_sqlite)
    return query.where(Client.industry == f.industry) if f.industry else query


def _cards(store: Store, queries) -> dict[int, list[Card]]:
    from rmdesk.services.settings import get_stale_days

    limits = get_stale_days(store)
    today = clock.today()
    columns: dict[int, list[Card]] = {step: [] for step in vocab.STEPS}
    zero = Decimal("0.00")
    with store.read() as s:
        for query in queries:
            for cid, name, tier, owner, step, status, entered, next_date, total, version in s.execute(query):
                days = (today - entered.date()).days
                stale = bool(limits[step]) and days > limits[step] and status in ("active", "won")
                # the sum is typed Money: yuan already
                columns[step].append(Card(cid, name, tier, owner, step, status, days, next_date, total or zero,
                                          stale, version))
    return columns


def board(store: Store, f: BoardFilter = BoardFilter(), per_column: int | dict[int, int] | None = None,
          steps: tuple[int, ...] | None = None) -> dict[int, list[Card]]:
    """The clients of each step, longest in step first, with their open deal amount and
    whether they have sat in the step longer than its limit (settings: stale days).
    `per_column`: at most that many cards per step (a big book: the board's first paint; see
    column_totals for the whole column's figures), or a limit per step. `steps`: only these
    columns read (the others come back empty): one column shown further."""
    wanted = tuple(steps) if steps is not None else vocab.STEPS
    if per_column is None:
        query = _board_query(store, f)
        if steps is not None:
            query = query.where(Client.step.in_(wanted))
        return _cards(store, [query])
    limits = per_column if isinstance(per_column, dict) else dict.fromkeys(wanted, per_column)
    query = _board_query(store, f, each_card=True)
    return _cards(store, [query.where(Client.step == step).limit(max(0, limits[step]))
                          for step in wanted if limits.get(step)])


@dataclass(frozen=True)
class ColumnTotal:
    cards: int
    open_deal_amount: Decimal


def column_totals(store: Store, f: BoardFilter = BoardFilter()) -> dict[int, ColumnTotal]:
    """Cards and open deal amount per step for the same filter as `board` (all cards): one
    grouped statement, the clients joined to their open deals summed per client (one pass over
    each, not a sum per card)."""
    out = {step: ColumnTotal(0, Decimal("0.00")) for step in vocab.STEPS}
    open_deals = _open_deals_by_client()
    query = _on_board(store, f, select(Client.step, func.count(), func.sum(open_deals.c.total))
                      .outerjoin(open_deals, open_deals.c.client_id == Client.id)).group_by(Client.step)
    with store.read() as s:
        for step, count, total in s.execute(query):
            out[step] = ColumnTotal(count, total if total else Decimal("0.00"))  # yuan (typed Money)
    return out


def stale_cards(store: Store, limit: int | None = None) -> list[Card]:
    """Active and won clients longer in their step than its limit, longest first."""
    from rmdesk.services.settings import get_stale_days

    today = clock.today()
    cutoffs = [and_(Client.step == step, Client.step_entered_at < datetime.combine(today - timedelta(days=days),
                                                                                    time.min))
               for step, days in get_stale_days(store).items() if days]
    if not cutoffs:
        return []
    query = _board_query(store, BoardFilter()).where(or_(*cutoffs)).limit(limit)
    return sorted((c for cards in _cards(store, [query]).values() for c in cards),
                  key=lambda c: (-c.days_in_step, c.client_id))


def owners(store: Store) -> list[str]:
    """The owners that have clients, for the board's filter."""
    with store.read() as s:
        return [o for o in s.scalars(select(Client.owner).where(Client.deleted_at.is_(None), Client.owner != "")
                                     .distinct().order_by(Client.owner))]


@dataclass(frozen=True)
class FunnelRow:
    step: int
    active: int
    nurture: int
    lost: int
    won: int


def funnel(store: Store) -> list[FunnelRow]:
    """Clients per step and status."""
    counts: dict[tuple[int, str], int] = {}
    with store.read() as s:
        for step, status, n in s.execute(select(Client.step, Client.status, func.count())
                                         .where(Client.deleted_at.is_(None)).group_by(Client.step, Client.status)):
            counts[(step, status)] = n
    return [FunnelRow(step, *(counts.get((step, st), 0) for st in ("active", "nurture", "lost", "won")))
            for step in vocab.STEPS]
