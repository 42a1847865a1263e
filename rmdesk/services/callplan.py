"""Everything one printed call plan needs, gathered into plain data (no ORM objects):
the CallPlan that rmdesk.formats.callplan_pdf prints."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from rmdesk import i18n
from rmdesk.errors import NotFound
from rmdesk.formats.callplan_pdf import CallPlan, ObjectionPrep, Person
from rmdesk.playbook import loader
from rmdesk.services import (
    clients,
    early_warnings,
    engagement,
    fincheck,
    industry,
    insights,
    masking,
    product_guide,
    visits,
)
from rmdesk.services.catalog import NEED_PRODUCTS, list_products
from rmdesk.services.masking import phone as mask_phone
from rmdesk.services.settings import get_profile
from rmdesk.store.engine import Store
from rmdesk.store.models import Visit


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _worked_text(line, lang: str) -> str:
    return i18n.message("plan.worked", lang, answer=line.answer, resolved=line.resolved, used=line.used,
                        closed=line.closed)


def plan_for_visit(store: Store, visit_id: int, lang: str, worked: dict | None = None) -> CallPlan:
    """A visit's plan. `worked`: insights.worked_answers(store), computed once for a batch."""
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted_at is not None:
            raise NotFound("error.visit_not_found", id=visit_id)
        v = {k: getattr(visit, k) for k in ("client_id", "contact_id", "planned_at", "duration_min", "place",
                                            "kind", "confirmed", "objective", "agenda", "questions", "materials",
                                            "products", "attendees_ours", "attendees_theirs")}
    c = clients.get_client(store, v["client_id"])
    masked = masking.enabled(store)  # the "mask sensitive fields" setting
    pb = loader.load(lang)
    guide = pb.step(c.step)

    def msg(key: str) -> str:
        return i18n.message(key, lang)

    facts = [
        (msg("field.industry"), " · ".join(filter(None, [i18n.label("industry", c.industry, lang),
                                                        i18n.label("policy", c.policy_class, lang),
                                                        msg("field.two_high") if c.two_high else ""]))),
        (msg("field.size"), " · ".join(filter(None, [i18n.label("size", c.size, lang), c.credit_rating or ""]))),
        (msg("field.tier"), i18n.label("tier", c.tier, lang)),
        (msg("field.step"), f"{c.step} · {guide.name} · {i18n.label('status', c.status, lang)}"),
        (msg("field.banks"), "; ".join(f"{b.bank_name} {b.share_pct or 0}%" for b in c.banks)),
        (msg("field.address"), " ".join(filter(None, [c.district, c.address]))),
    ]
    people = sorted(
        (Person(p.name, p.title or i18n.label("role", p.role, lang), i18n.label("decision", p.decision_power, lang),
                i18n.label("attitude", p.attitude, lang), (mask_phone(p.phone) if masked else p.phone) or "",
                p.preferences or "",
                p.id == v["contact_id"]) for p in c.contacts),
        key=lambda p: not p.is_counterpart)

    # The client's open objections first (with the answer logged, else the playbook's);
    # then the objections typical of the step, each with a prepared answer.
    if worked is None:
        worked = insights.worked_answers(store)

    def tried(kind: str, shown: str) -> str:
        line = worked.get(kind)
        return _worked_text(line, lang) if line is not None and line.answer != " ".join(shown.split()) else ""

    objections = []
    for o in engagement.objections_of(store, c.id):
        if not o.resolved:
            answer = o.answer or pb.objections[o.type].answers[0]
            objections.append(ObjectionPrep(o.type, o.words, answer, True, tried(o.type, answer)))
    seen = {o.type for o in objections}
    typical = {1: ("no_need", "bank_loyalty"), 2: ("authority", "timing"), 3: ("no_need", "price"),
               4: ("price", "product_fit"), 5: ("price", "timing"), 6: ("service", "price")}[c.step]
    for kind in typical:
        if kind not in seen:
            guide_o = pb.objections[kind]
            objections.append(ObjectionPrep(kind, guide_o.name, guide_o.answers[0], False,
                                            tried(kind, guide_o.answers[0])))

    catalogue = {p.key: p.name(lang) for p in list_products(store)}
    product_keys = json.loads(v["products"] or "[]") or [
        NEED_PRODUCTS[n.area] for n in engagement.needs_of(store, c.id) if n.confirmed]
    material_names = {m.id: m.name for m in pb.materials}
    material_keys = json.loads(v["materials"] or "[]") or [m.id for m in pb.materials if v["kind"] in m.kinds]
    history = [x for x in visits.client_visits(store, c.id) if x.status == "done"][:3]
    with store.read() as s:
        outcomes = {vid: text for vid, text in s.execute(
            select(Visit.id, Visit.report_outcome).where(Visit.id.in_([h.id for h in history])))}
    tasks = visits.open_tasks(store, client_id=c.id)
    return CallPlan(
        visit_id=visit_id, client_id=c.id, client_name=c.name, planned_at=v["planned_at"],
        duration_min=v["duration_min"], place=v["place"] or "", kind=i18n.label("visit_kind", v["kind"], lang),
        confirmed=v["confirmed"], client_facts=[(k, val) for k, val in facts if val], people=people,
        objective=v["objective"] or guide.visit_objective,
        agenda=_lines(v["agenda"]) or list(guide.agenda),
        questions=_lines(v["questions"]) or list(guide.questions),
        objections=objections,
        products=list(dict.fromkeys(catalogue[k] for k in product_keys if k in catalogue)),
        materials=[material_names.get(k, k) for k in material_keys],
        last_visits=[(h.planned_at.date(), outcomes.get(h.id) or h.objective or "") for h in history],
        next_steps=[(t.due_date, t.title) for t in tasks],
        attendees_ours=v["attendees_ours"] or "", attendees_theirs=v["attendees_theirs"] or "",
        profile=get_profile(store),
        risk=early_warnings.plan_brief(store, c.id, lang),
        suggestions=product_guide.plan_suggestions(store, c.id, c.industry, lang),
        sections=tuple(x for x in (industry.plan_section(c.industry, lang), fincheck.plan_section(store, c.id, lang))
                       if x is not None),  # issue 19: industry notes, financial quick check
    )


def planned_visit_ids(store: Store, start: date, days: int) -> list[int]:
    """The visits still planned in [start, start + days), in time order."""
    return [v.id for v in visits.visits_between(store, start, days) if v.status == "planned"]


def plans_between(store: Store, start: date, days: int, lang: str) -> list[CallPlan]:
    """The plans of the visits planned in [start, start + days), in time order."""
    worked = insights.worked_answers(store)
    return [plan_for_visit(store, visit_id, lang, worked) for visit_id in planned_visit_ids(store, start, days)]


def agenda_rows(store: Store, start: date, days: int) -> list[visits.VisitRow]:
    return [v for v in visits.visits_between(store, start, days) if v.status != "cancelled"]


