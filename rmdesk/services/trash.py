"""The trash for clients, visits and deals: move there, restore, empty (destroy).

A trashed record keeps everything (deleted_at is set); every list leaves it out.
Emptying destroys the trashed clients (with all they hold) and the trashed visits
and deals of the other clients; the GUI asks twice before it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from rmdesk import clock, i18n
from rmdesk.errors import NotFound
from rmdesk.services import versions
from rmdesk.services.clients import restore_client, trash_client
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, ClientEvent, Deal, Product, Visit

KINDS = ("client", "visit", "deal")


@dataclass(frozen=True)
class TrashItem:
    kind: str  # client / visit / deal
    id: int
    client_name: str
    what: str  # the visit's time and objective, the deal's product and amount; '' for a client
    deleted_at: datetime


def trash_visit(store: Store, visit_id: int, expected_version: int | None = None) -> None:
    _trash_row(store, Visit, "visit", visit_id, expected_version)


def trash_deal(store: Store, deal_id: int, expected_version: int | None = None) -> None:
    _trash_row(store, Deal, "deal", deal_id, expected_version)


def _trash_row(store: Store, model: type[Visit] | type[Deal], kind: str, item_id: int,
               expected_version: int | None = None) -> None:
    with versions.editing(store, model, item_id, expected_version, f"error.{kind}_not_found") as (s, row):
        row.deleted_at = clock.now()
        s.add(ClientEvent(client_id=row.client_id, at=row.deleted_at, kind=f"trash_{kind}", note=str(item_id)))
        if isinstance(row, Visit):  # it leaves the calendars as cancelled: a new version
            row.sequence += 1
            row.updated_at = row.deleted_at


def move_to_trash(store: Store, kind: str, item_id: int) -> None:
    {"client": trash_client, "visit": trash_visit, "deal": trash_deal}[kind](store, item_id)


def restore(store: Store, kind: str, item_id: int) -> None:
    if kind == "client":
        restore_client(store, item_id)
        return
    model, key = (Visit, "error.visit_not_found") if kind == "visit" else (Deal, "error.deal_not_found")
    with store.write() as s:
        row = s.get(model, item_id)
        if row is None or row.deleted_at is None:
            raise NotFound(key, id=item_id)
        row.deleted_at = None
        s.add(ClientEvent(client_id=row.client_id, at=clock.now(), kind=f"restore_{kind}", note=str(item_id)))
        if isinstance(row, Visit):
            row.sequence += 1
            row.updated_at = clock.now()


def items(store: Store, lang: str | None = None) -> list[TrashItem]:
    """Everything in the trash, newest first. A visit or deal of a trashed client is
    not listed on its own: it comes back with its client."""
    lang = lang or i18n.language()
    out: list[TrashItem] = []
    with store.read() as s:
        for cid, name, at in s.execute(select(Client.id, Client.name, Client.deleted_at)
                                       .where(Client.deleted_at.is_not(None))):
            out.append(TrashItem("client", cid, name, "", at))
        for vid, name, planned, objective, at in s.execute(
                select(Visit.id, Client.name, Visit.planned_at, Visit.objective, Visit.deleted_at)
                .join(Client, Visit.client_id == Client.id)
                .where(Visit.deleted_at.is_not(None), Client.deleted_at.is_(None))):
            out.append(TrashItem("visit", vid, name, f"{planned:%Y-%m-%d %H:%M} {objective or ''}".strip(), at))
        for did, name, zh, en, amount, at in s.execute(
                select(Deal.id, Client.name, Product.name_zh, Product.name_en, Deal.amount, Deal.deleted_at)
                .join(Client, Deal.client_id == Client.id).join(Product, Deal.product_id == Product.id)
                .where(Deal.deleted_at.is_not(None), Client.deleted_at.is_(None))):
            out.append(TrashItem("deal", did, name, f"{zh if lang == 'zh_CN' else en} {amount}", at))
    out.sort(key=lambda t: (t.deleted_at, t.kind, t.id), reverse=True)
    return out


def empty(store: Store) -> int:
    """Destroy everything in the trash; returns how many items were listed there."""
    with store.write() as s:
        count = 0
        count += s.execute(delete(Visit).where(Visit.deleted_at.is_not(None))
                           .where(Visit.client_id.in_(select(Client.id).where(Client.deleted_at.is_(None))))).rowcount
        count += s.execute(delete(Deal).where(Deal.deleted_at.is_not(None))
                           .where(Deal.client_id.in_(select(Client.id).where(Client.deleted_at.is_(None))))).rowcount
        doomed = list(s.scalars(select(Client).where(Client.deleted_at.is_not(None))))
        for client in doomed:
            s.delete(client)
        return count + len(doomed)
