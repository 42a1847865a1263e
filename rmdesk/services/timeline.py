"""A client's timeline: every move, visit, call report, objection, deal event, saved
estimate, maintenance contact, complaint and key-field edit, newest first.

Entries are data (a kind and its facts); the GUI words them in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from rmdesk import formatting, i18n
from rmdesk.services.clients import fetch_client
from rmdesk.store.engine import Store
from rmdesk.store.models import (
    ClientEvent,
    Complaint,
    Deal,
    FinancingEstimate,
    MaintenanceLog,
    Need,
    Objection,
    Product,
    StepChange,
    TeamMember,
    Visit,
)

# The vocabulary list (label.<list> in messages.toml) of each edited field that holds a key.
_FIELD_LISTS = {"industry": "industry", "policy_class": "policy", "tier": "tier", "size": "size",
                "source_channel": "channel"}
_FLAGS = ("proposal_agreed", "two_high")
_MONEY = ("annual_sales",)


def value_text(field_name: str | None, raw: str | None, lang: str | None = None) -> str:
    """An edited field's stored value (as the timeline keeps it: text) in the user's words:
    a list label, yes/no for a tick, an amount in the language's money unit; "—" for none."""
    lang = lang or i18n.language()
    if raw is None or raw == "":
        return "—"
    if field_name in _FIELD_LISTS:
        return i18n.label(_FIELD_LISTS[field_name], raw, lang)
    if field_name in _FLAGS:
        return i18n.message("timeline.yes" if raw in ("1", "True", "true") else "timeline.no", lang)
    if field_name in _MONEY:
        try:
            return formatting.money(Decimal(raw), lang)
        except InvalidOperation:
            return raw
    return raw


# Of entries at the same second, the one that happens first in a flow ranks first (a client
# is created before anything is logged on it); otherwise rows keep the order they were written.
_FIRST = {"move": 0, "contact_added": 1, "need_added": 2, "visit_planned": 3}


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str
    facts: dict[str, object] = field(default_factory=dict)
    # Who made it: the RM's name (team_members on a team database, the profile name or login
    # recorded on the local book); None when not recorded (rows from before migration 0016, or
    # a row changed since: its creation then has no author, its last change has).
    by: str | None = None


def timeline(store: Store, client_id: int) -> list[Entry]:
    out: list[Entry] = []
    with store.read() as s:
        fetch_client(s, client_id)
        names = {m.login: m.name for m in s.scalars(select(TeamMember))}

        def who(row) -> str | None:
            return names.get(row.changed_by, row.changed_by) if row.changed_by else None

        def author(row) -> str | None:  # of a row's creation: known while it was never changed
            return who(row) if row.version == 1 else None
        for m in s.scalars(select(StepChange).where(StepChange.client_id == client_id).order_by(StepChange.id)):
            out.append(Entry(m.at, "move", {"from_step": m.from_step, "to_step": m.to_step,
                                            "from_status": m.from_status, "to_status": m.to_status,
                                            "reason": m.reason, "override": m.override}, who(m)))
        for v in s.scalars(select(Visit).where(Visit.client_id == client_id, Visit.deleted_at.is_(None))):
            out.append(Entry(v.created_at, "visit_planned", {"planned_at": v.planned_at, "objective": v.objective,
                                                             "kind": v.kind}, author(v)))
            if v.status == "done" and v.reported_at:
                out.append(Entry(v.reported_at, "call_report", {"planned_at": v.planned_at,
                                                                "outcome": v.report_outcome,
                                                                "attendees": v.report_attendees,
                                                                "reaction": v.report_reaction}, who(v)))
            if v.status == "cancelled":
                out.append(Entry(v.planned_at, "visit_cancelled", {"planned_at": v.planned_at,
                                                                   "reason": v.cancel_reason}, who(v)))
        for o in s.scalars(select(Objection).where(Objection.client_id == client_id).order_by(Objection.id)):
            out.append(Entry(o.created_at, "objection", {"type": o.type, "words": o.words, "blocking": o.blocking}, author(o)))
            if o.resolved and o.resolved_at:
                out.append(Entry(o.resolved_at, "objection_resolved", {"type": o.type, "answer": o.answer}, who(o)))
        for d, p in s.execute(select(Deal, Product).join(Product).where(Deal.client_id == client_id,
                                                                         Deal.deleted_at.is_(None))):
            facts = {"product_zh": p.name_zh, "product_en": p.name_en, "amount": d.amount}
            out.append(Entry(d.created_at, "deal", facts, author(d)))
            if d.status in ("won", "lost") and d.actual_date:
                at = datetime.combine(d.actual_date, datetime.min.time())
                out.append(Entry(max(at, d.created_at), f"deal_{d.status}", {**facts, "reason": d.lost_reason}, who(d)))
        for e in s.scalars(select(FinancingEstimate).where(FinancingEstimate.client_id == client_id)):
            out.append(Entry(e.created_at, "estimate", {"method": e.method, "result": e.result}, who(e)))
        for m in s.scalars(select(MaintenanceLog).where(MaintenanceLog.client_id == client_id)
                              .order_by(MaintenanceLog.id)):
            out.append(Entry(m.at, "maintenance", {"way": m.way, "note": m.note}, who(m)))
        for c in s.scalars(select(Complaint).where(Complaint.client_id == client_id)):
            out.append(Entry(c.received_at, "complaint", {"text": c.text}, author(c)))
            if c.closed_at:
                out.append(Entry(c.closed_at, "complaint_closed", {"text": c.text}, who(c)))
        for n in s.scalars(select(Need).where(Need.client_id == client_id).order_by(Need.id)):
            out.append(Entry(n.created_at, "need_added", {"area": n.area, "description": n.description,
                                                         "confirmed": n.confirmed}, author(n)))
        for ev in s.scalars(select(ClientEvent).where(ClientEvent.client_id == client_id).order_by(ClientEvent.id)):
            out.append(Entry(ev.at, ev.kind, {"field": ev.field, "old": ev.old, "new": ev.new, "note": ev.note}, who(ev)))
    # Newest first; ties (same second) newest-written first too, so a step 2 -> 3 -> 4 run of the
    # same minute reads 3 -> 4 above 2 -> 3 (a plain reverse sort would keep ties oldest first).
    order = sorted(range(len(out)), key=lambda i: (out[i].at, _FIRST.get(out[i].kind, 9)
                                                   if not (out[i].kind == "move" and out[i].facts.get("from_step"))
                                                   else 5, i), reverse=True)
    return [out[i] for i in order]
