"""A client's timeline: every move, visit, call report, objection, deal event, saved
estimate, maintenance contact, complaint and key-field edit, newest first.

Entries are data (a kind and its facts); the GUI words them in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from rmdesk.services.clients import fetch_client
from rmdesk.store.engine import Store
from rmdesk.store.models import (
    ClientEvent,
    Complaint,
    Deal,
    FinancingEstimate,
    MaintenanceLog,
    Objection,
    Product,
    StepChange,
    Visit,
)


@dataclass(frozen=True)
class Entry:
    at: datetime
    kind: str
    facts: dict[str, object] = field(default_factory=dict)


def timeline(store: Store, client_id: int) -> list[Entry]:
    out: list[Entry] = []
    with store.read() as s:
        fetch_client(s, client_id)
        for m in s.scalars(select(StepChange).where(StepChange.client_id == client_id)):
            out.append(Entry(m.at, "move", {"from_step": m.from_step, "to_step": m.to_step,
                                            "from_status": m.from_status, "to_status": m.to_status,
                                            "reason": m.reason, "override": m.override}))
        for v in s.scalars(select(Visit).where(Visit.client_id == client_id, Visit.deleted_at.is_(None))):
            out.append(Entry(v.created_at, "visit_planned", {"planned_at": v.planned_at, "objective": v.objective,
                                                             "kind": v.kind}))
            if v.status == "done" and v.reported_at:
                out.append(Entry(v.reported_at, "call_report", {"planned_at": v.planned_at,
                                                                "outcome": v.report_outcome,
                                                                "attendees": v.report_attendees,
                                                                "reaction": v.report_reaction}))
            if v.status == "cancelled":
                out.append(Entry(v.planned_at, "visit_cancelled", {"planned_at": v.planned_at,
                                                                   "reason": v.cancel_reason}))
        for o in s.scalars(select(Objection).where(Objection.client_id == client_id)):
            out.append(Entry(o.created_at, "objection", {"type": o.type, "words": o.words, "blocking": o.blocking}))
            if o.resolved and o.resolved_at:
                out.append(Entry(o.resolved_at, "objection_resolved", {"type": o.type, "answer": o.answer}))
        for d, p in s.execute(select(Deal, Product).join(Product).where(Deal.client_id == client_id,
                                                                         Deal.deleted_at.is_(None))):
            facts = {"product_zh": p.name_zh, "product_en": p.name_en, "amount": d.amount}
            out.append(Entry(d.created_at, "deal", facts))
            if d.status in ("won", "lost") and d.actual_date:
                at = datetime.combine(d.actual_date, datetime.min.time())
                out.append(Entry(max(at, d.created_at), f"deal_{d.status}", {**facts, "reason": d.lost_reason}))
        for e in s.scalars(select(FinancingEstimate).where(FinancingEstimate.client_id == client_id)):
            out.append(Entry(e.created_at, "estimate", {"method": e.method, "result": e.result}))
        for m in s.scalars(select(MaintenanceLog).where(MaintenanceLog.client_id == client_id)):
            out.append(Entry(m.at, "maintenance", {"way": m.way, "note": m.note}))
        for c in s.scalars(select(Complaint).where(Complaint.client_id == client_id)):
            out.append(Entry(c.received_at, "complaint", {"text": c.text}))
            if c.closed_at:
                out.append(Entry(c.closed_at, "complaint_closed", {"text": c.text}))
        for ev in s.scalars(select(ClientEvent).where(ClientEvent.client_id == client_id)):
            out.append(Entry(ev.at, ev.kind, {"field": ev.field, "old": ev.old, "new": ev.new, "note": ev.note}))
    out.sort(key=lambda e: e.at, reverse=True)
    return out
