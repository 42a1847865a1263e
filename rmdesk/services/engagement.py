"""What the meeting, objection and closing steps record: needs, objections, deals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from rmdesk import clock, vocab
from rmdesk.errors import ValidationError
from rmdesk.services import validation as v
from rmdesk.services import versions
from rmdesk.services.clients import fetch_client
from rmdesk.store.engine import Store
from rmdesk.store.models import Deal, Need, Objection, Product


def add_need(store: Store, client_id: int, area: str, description: str, confirmed: bool = False) -> int:
    area_key = v.choice(area, vocab.NEED_AREAS, "need_area", required=True)
    text = v.required_text(description, "description", 2000)
    with store.write() as s:
        fetch_client(s, client_id)
        need = Need(client_id=client_id, area=area_key, description=text, confirmed=confirmed,
                    created_at=clock.now())
        s.add(need)
        s.flush()
        return need.id


def confirm_need(store: Store, need_id: int, confirmed: bool = True, expected_version: int | None = None) -> None:
    with versions.editing(store, Need, need_id, expected_version, "error.need_not_found") as (_s, need):
        need.confirmed = confirmed


def log_objection(store: Store, client_id: int, type_: str, words: str, answer: str | None = None,
                  blocking: bool = True, visit_id: int | None = None) -> int:
    kind = v.choice(type_, vocab.OBJECTION_TYPES, "objection_type", required=True)
    said = v.required_text(words, "words", 2000)
    with store.write() as s:
        fetch_client(s, client_id)
        obj = Objection(client_id=client_id, visit_id=visit_id, type=kind, words=said,
                        answer=v.optional_text(answer, "answer", 2000), blocking=blocking, resolved=False,
                        created_at=clock.now())
        s.add(obj)
        s.flush()
        return obj.id


def resolve_objection(store: Store, objection_id: int, answer: str | None = None,
                      expected_version: int | None = None) -> None:
    with versions.editing(store, Objection, objection_id, expected_version,
                          "error.objection_not_found") as (_s, obj):
        if answer is not None:
            obj.answer = v.optional_text(answer, "answer", 2000)
        obj.resolved = True
        obj.resolved_at = clock.now()


@dataclass(frozen=True)
class ObjectionRow:
    id: int
    type: str
    words: str
    answer: str | None
    blocking: bool
    resolved: bool
    version: int = 1


def objections_of(store: Store, client_id: int) -> list[ObjectionRow]:
    with store.read() as s:
        rows = s.scalars(select(Objection).where(Objection.client_id == client_id)
                         .order_by(Objection.resolved, Objection.created_at.desc()))
        return [ObjectionRow(o.id, o.type, o.words, o.answer, o.blocking, o.resolved, o.version) for o in rows]


def create_deal(store: Store, client_id: int, product_key: str, amount: Decimal | str,
                rate: Decimal | str | None = None, expected_date: date | str | None = None) -> int:
    value = v.amount(amount, "amount", required=True)
    rate_value = None
    if rate not in (None, ""):
        rate_value = v.amount(rate, "rate")
        if rate_value is not None and rate_value > 100:
            raise ValidationError("error.out_of_range", "rate", lo=0, hi=100)
    expected = v.to_date(expected_date, "expected_date")
    with store.write() as s:
        fetch_client(s, client_id)
        product = s.scalar(select(Product).where(Product.key == product_key))
        if product is None:
            raise ValidationError("error.not_in_list", "product", value=product_key)
        deal = Deal(client_id=client_id, product_id=product.id, amount=value, rate=rate_value, status="open",
                    expected_date=expected, created_at=clock.now())
        s.add(deal)
        s.flush()
        return deal.id


def close_deal(store: Store, deal_id: int, won: bool, reason: str | None = None,
               actual_date: date | str | None = None, expected_version: int | None = None) -> None:
    with versions.editing(store, Deal, deal_id, expected_version, "error.deal_not_found") as (_s, deal):
        if deal.status != "open":
            raise ValidationError("error.deal_closed", "status")
        if not won and not (reason or "").strip():
            raise ValidationError("error.required", "lost_reason")
        deal.status = "won" if won else "lost"
        deal.lost_reason = None if won else v.optional_text(reason, "lost_reason", 2000)
        deal.actual_date = v.to_date(actual_date, "actual_date") or clock.today()


@dataclass(frozen=True)
class DealRow:
    id: int
    product_key: str
    product_zh: str
    product_en: str
    amount: Decimal
    rate: Decimal | None
    status: str
    expected_date: date | None
    actual_date: date | None
    maturity_date: date | None = None
    version: int = 1


def deals_of(store: Store, client_id: int) -> list[DealRow]:
    with store.read() as s:
        rows = s.execute(select(Deal, Product).join(Product).where(Deal.client_id == client_id,
                                                                   Deal.deleted_at.is_(None))
                         .order_by(Deal.created_at.desc(), Deal.id.desc()))
        return [DealRow(d.id, p.key, p.name_zh, p.name_en, d.amount, d.rate, d.status, d.expected_date,
                        d.actual_date, d.maturity_date, d.version) for d, p in rows]


@dataclass(frozen=True)
class NeedRow:
    id: int
    area: str
    description: str
    confirmed: bool
    version: int = 1


def needs_of(store: Store, client_id: int) -> list[NeedRow]:
    with store.read() as s:
        rows = s.scalars(select(Need).where(Need.client_id == client_id).order_by(Need.created_at, Need.id))
        return [NeedRow(n.id, n.area, n.description, n.confirmed, n.version) for n in rows]
