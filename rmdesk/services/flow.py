"""What the guidance panel works with: checklist ticks, the data a step still needs,
saved financing estimates and the closing strategy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, func, select

from rmdesk import clock, vocab
from rmdesk.errors import ValidationError
from rmdesk.playbook import loader
from rmdesk.services import versions
from rmdesk.services.clients import fetch_client
from rmdesk.services.financing import Estimate
from rmdesk.services.tiering import get_scheme
from rmdesk.store.engine import Store
from rmdesk.store.models import BankRelation, Client, Contact, FinancingEstimate, Need, StepProgress

CLOSING_SIGNALS_STEP = 5  # closing signals are ticked like a checklist of step 5


def _allowed_items(step: int) -> set[str]:
    pb = loader.load("zh_CN")  # ids are the same in every language (tests/test_playbook.py)
    items = {i.id for i in pb.step(step).checklist}
    if step == 1:
        items |= set(vocab.LARGE_CLIENT_TRAITS)
    if step == CLOSING_SIGNALS_STEP:
        items |= {s.id for s in pb.closing_signals}
    return items


def ticked(store: Store, client_id: int, step: int) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(StepProgress.item_id).where(StepProgress.client_id == client_id,
                                                                StepProgress.step == step)))


def proven(store: Store, client_id: int, step: int) -> set[str]:
    """Checklist items of `step` that the client's data shows are done (a named key person
    recorded, a need confirmed, a deal logged...): shown ticked whatever was ticked by hand."""
    from rmdesk.store.models import Deal, Objection, Proposal, Visit

    def count(model, *where) -> int:
        return s.scalar(select(func.count(model.id)).where(model.client_id == client_id, *where)) or 0

    with store.read() as s:
        c = fetch_client(s, client_id)
        facts = {
            "s1_contact": count(Contact, func.trim(Contact.name) != "") > 0,
            "s1_source": bool(c.source_channel),
            "s1_basic": bool(c.industry and c.size and (c.district or c.address)),
            "s1_score": c.qualification_score > 0,
            "s2_key_persons": count(Contact, Contact.decision_power != "none") > 0,
            "s2_appointment": count(Visit, Visit.deleted_at.is_(None), Visit.confirmed | (Visit.status == "done")) > 0,
            "s3_confirm_need": count(Need, Need.confirmed) > 0,
            "s3_estimate": count(FinancingEstimate) > 0,
            "s3_proposal_agreed": bool(c.proposal_agreed) and count(Proposal) > 0,  # a proposal behind the tick
            "s3_call_report": count(Visit, Visit.deleted_at.is_(None), Visit.status == "done",
                                    Visit.reported_at.is_not(None)) > 0,
            "s4_log": count(Objection) > 0,
            "s4_resolved": count(Objection, Objection.resolved) > 0
            and count(Objection, Objection.blocking, Objection.resolved.is_(False)) == 0,
            "s5_record_deal": count(Deal, Deal.deleted_at.is_(None)) > 0,
            "s5_outcome": count(Deal, Deal.deleted_at.is_(None), Deal.status.in_(("won", "lost"))) > 0,
        }
    prefix = f"s{step}_"
    return {key for key, done in facts.items() if done and key.startswith(prefix)}


def tick(store: Store, client_id: int, step: int, item_id: str, done: bool = True) -> None:
    """Tick or untick a checklist item (or a closing signal) of a step for a client. `done` is
    the state wanted, not a toggle, and each item is a row of its own: two RMs working from old
    copies cannot undo each other's ticks (no version needed); the row records who ticked it."""
    if step not in vocab.STEPS:
        raise ValidationError("error.out_of_range", "step", lo=1, hi=6)
    if item_id not in _allowed_items(step):
        raise ValidationError("error.not_in_list", "checklist", value=item_id)
    with store.write() as s:
        fetch_client(s, client_id)
        existing = s.get(StepProgress, (client_id, step, item_id))
        if done and existing is None:
            s.add(StepProgress(client_id=client_id, step=step, item_id=item_id, done_at=clock.now()))
        elif not done and existing is not None:
            s.delete(existing)


def missing_data(store: Store, client_id: int) -> list[str]:
    """Field keys (messages under field.) the client's current step still needs."""
    scheme_tiers = get_scheme(store)["tiers"]
    with store.read() as s:
        c = fetch_client(s, client_id)
        contacts = s.scalar(select(func.count(Contact.id)).where(Contact.client_id == c.id)) or 0
        deciders = s.scalar(select(func.count(Contact.id)).where(Contact.client_id == c.id,
                                                                 Contact.decision_power == "decides")) or 0
        banks = s.scalar(select(func.count(BankRelation.id)).where(BankRelation.client_id == c.id)) or 0
        confirmed = s.scalar(select(func.count(Need.id)).where(Need.client_id == c.id, Need.confirmed)) or 0
        from rmdesk.store.models import Objection, Proposal

        objections = s.scalar(select(func.count(Objection.id)).where(Objection.client_id == c.id)) or 0
        # Always: what any client record needs; then what the current step works on.
        wanted: list[tuple[str, bool]] = [("industry", bool(c.industry)), ("contact_name", contacts > 0)]
        # What each exit rule (playbook/rules.py) needs is listed, so the two never disagree.
        by_step: dict[int, list[tuple[str, bool]]] = {
            1: [("qualification_score", c.qualification_score >= loader.rule_params()["min_qualification_score"]),
                ("source_channel", bool(c.source_channel))],
            2: [("policy_class", bool(c.policy_class)), ("size", bool(c.size)),
                ("credit_rating", bool(c.credit_rating)), ("banks", banks > 0), ("decision_power", deciders > 0)],
            3: [("confirmed_need", confirmed > 0), ("proposal_agreed", bool(c.proposal_agreed) and s.scalar(
                select(func.count(Proposal.id)).where(Proposal.client_id == c.id)) > 0),
                ("annual_sales", c.annual_sales is not None)],
            4: [("objections_logged", objections > 0)],
            5: [("closing_strategy", bool(c.closing_strategy))],
            # the next maintenance date comes from the tier's cadence (services/cadence.py): a
            # client outside any cadence (no tier of the scheme in use, no cadence of its own)
            # still needs its tier
            6: [("tier", bool(c.cadence_rule) or c.tier in scheme_tiers)],
        }
        wanted += by_step[c.step]
        return [key for key, present in wanted if not present]


def set_closing_strategy(store: Store, client_id: int, strategy: str | None,
                         expected_version: int | None = None) -> None:
    """`expected_version`: the client's version the caller loaded (a later change: Conflict)."""
    allowed = tuple(loader.CLOSING_STRATEGIES)
    if strategy is not None and strategy not in allowed:
        raise ValidationError("error.not_in_list", "closing_strategy", value=strategy)
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        client.closing_strategy = strategy
        client.updated_at = clock.now()


@dataclass(frozen=True)
class SavedEstimate:
    id: int
    method: str
    result: Decimal
    steps: tuple[tuple[str, Decimal], ...]
    inputs: dict[str, Decimal]
    created_at: datetime


def save_estimate(store: Store, client_id: int, estimate: Estimate) -> int:
    with store.write() as s:
        fetch_client(s, client_id)
        row = FinancingEstimate(
            client_id=client_id, method=estimate.method, result=estimate.result, created_at=clock.now(),
            inputs=json.dumps({k: str(v) for k, v in estimate.inputs.items()}),
            steps=json.dumps([[k, str(v)] for k, v in estimate.steps]))
        s.add(row)
        s.flush()
        return row.id


def estimates_of(store: Store, client_id: int) -> list[SavedEstimate]:
    """Saved estimates, newest first."""
    with store.read() as s:
        rows = s.scalars(select(FinancingEstimate).where(FinancingEstimate.client_id == client_id)
                         .order_by(FinancingEstimate.created_at.desc(), FinancingEstimate.id.desc()))
        return [SavedEstimate(r.id, r.method, r.result, tuple((k, Decimal(v)) for k, v in json.loads(r.steps)),
                              {k: Decimal(v) for k, v in json.loads(r.inputs).items()}, r.created_at)
                for r in rows]


def delete_estimate(store: Store, estimate_id: int) -> None:
    with store.write() as s:
        s.execute(delete(FinancingEstimate).where(FinancingEstimate.id == estimate_id))


