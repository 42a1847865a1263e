"""The trash for clients, visits and deals: move there, restore, empty (destroy).

A trashed record keeps everything (deleted_at is set); every list leaves it out.
Emptying destroys the trashed clients (with all they hold) and the trashed visits
and deals of the other clients; the GUI asks twice before it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm.exc import StaleDataError

from rmdesk import clock, i18n
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
    version: int = 1  # as it lies in the trash: pass it back to restore (no lost update)


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


def restore(store: Store, kind: str, item_id: int, expected_version: int | None = None) -> None:
    """Bring an item back; `expected_version`: TrashItem.version as the caller listed it
    (someone restored and changed it since: Conflict with who and when)."""
    if kind == "client":
        restore_client(store, item_id, expected_version)
        return
    model, key = (Visit, "error.visit_not_found") if kind == "visit" else (Deal, "error.deal_not_found")
    with versions.editing(store, model, item_id, expected_version, key, trashed=True) as (s, row):
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
        for cid, name, at, version in s.execute(select(Client.id, Client.name, Client.deleted_at, Client.version)
                                                .where(Client.deleted_at.is_not(None))):
            out.append(TrashItem("client", cid, name, "", at, version))
        for vid, name, planned, objective, at, version in s.execute(
                select(Visit.id, Client.name, Visit.planned_at, Visit.objective, Visit.deleted_at, Visit.version)
                .join(Client, Visit.client_id == Client.id)
                .where(Visit.deleted_at.is_not(None), Client.deleted_at.is_(None))):
            out.append(TrashItem("visit", vid, name, f"{planned:%Y-%m-%d %H:%M} {objective or ''}".strip(), at,
                                 version))
        for did, name, zh, en, amount, at, version in s.execute(
                select(Deal.id, Client.name, Product.name_zh, Product.name_en, Deal.amount, Deal.deleted_at,
                       Deal.version)
                .join(Client, Deal.client_id == Client.id).join(Product, Deal.product_id == Product.id)
                .where(Deal.deleted_at.is_not(None), Client.deleted_at.is_(None))):
            out.append(TrashItem("deal", did, name, f"{zh if lang == 'zh_CN' else en} {amount}", at, version))
    out.sort(key=lambda t: (t.deleted_at, t.kind, t.id), reverse=True)
    return out


MODELS = {"client": Client, "visit": Visit, "deal": Deal}


def empty(store: Store, listed: Sequence[TrashItem] | None = None) -> int:
    """Destroy everything in the trash; returns how many items were listed there. `listed`:
    destroy exactly these items as the caller listed them (the trash dialog): one that someone
    restored (or restored and changed) since is refused with Conflict and nothing is destroyed;
    what someone put in the trash after the listing stays there."""
    if listed is not None:
        try:
            return _empty_listed(store, listed)
        except StaleDataError:  # someone changed a listed client at that very moment
            with store.read() as s:
                for item in listed:
                    row = s.get(MODELS[item.kind], item.id)
                    if row is not None and (row.deleted_at is None or row.version != item.version):
                        raise versions.conflict(s, row, versions.CLIENT_ACTION if item.kind == "client"
                                                else None) from None
            raise
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


def _empty_listed(store: Store, listed: Sequence[TrashItem]) -> int:
    with store.write() as s:
        doomed: dict[str, list[int]] = {kind: [] for kind in KINDS}
        for item in listed:
            model = MODELS[item.kind]
            row = s.get(model, item.id)
            if row is None:
                continue  # someone emptied it already
            if row.deleted_at is None or row.version != item.version:
                raise versions.conflict(s, row, versions.CLIENT_ACTION if item.kind == "client" else None)
            doomed[item.kind].append(item.id)
        count = 0
        for kind in ("visit", "deal"):
            if doomed[kind]:
                model = MODELS[kind]
                count += s.execute(delete(model).where(model.id.in_(doomed[kind]),
                                                       model.deleted_at.is_not(None))).rowcount
        for client in s.scalars(select(Client).where(Client.id.in_(doomed["client"]))):
            s.delete(client)
            count += 1
        return count
