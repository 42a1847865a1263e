"""Exit rules of the six steps, evaluated on the stored data.

Each step's rule is a list of conditions; the client may move on when all hold.
Condition keys are message keys (`rule.<key>` in resources/i18n/messages.toml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from rmdesk.playbook.loader import rule_params
from rmdesk.store.models import Client, Contact, Deal, Need, Objection, Proposal, Visit


@dataclass(frozen=True)
class Condition:
    key: str
    met: bool
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ExitCheck:
    step: int
    conditions: tuple[Condition, ...]

    @property
    def met(self) -> bool:
        return bool(self.conditions) and all(c.met for c in self.conditions)

    @property
    def unmet(self) -> list[str]:
        return [c.key for c in self.conditions if not c.met]


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _step1(s: Session, c: Client) -> list[Condition]:
    minimum = rule_params()["min_qualification_score"]
    named = _count(s, select(Contact.id).where(Contact.client_id == c.id, func.trim(Contact.name) != ""))
    return [
        Condition("min_score", c.qualification_score >= minimum, {"score": c.qualification_score, "min": minimum}),
        Condition("named_contact", named > 0),
    ]


def _step2(s: Session, c: Client) -> list[Condition]:
    appointments = select(Visit.id).join(Contact, Visit.contact_id == Contact.id).where(
        Visit.client_id == c.id,
        Visit.deleted_at.is_(None),
        Contact.decision_power == "decides",
        or_(Visit.status == "done", (Visit.status == "planned") & Visit.confirmed),
    )
    return [Condition("decider_appointment", _count(s, appointments) > 0)]


def _step3(s: Session, c: Client) -> list[Condition]:
    needs = _count(s, select(Need.id).where(Need.client_id == c.id, Need.confirmed))
    # the tick needs a proposal behind it (issue 19: services.proposals)
    written = _count(s, select(Proposal.id).where(Proposal.client_id == c.id)) > 0
    return [Condition("need_confirmed", needs > 0), Condition("proposal_agreed", bool(c.proposal_agreed) and written)]


def _step4(s: Session, c: Client) -> list[Condition]:
    blocking = _count(s, select(Objection.id).where(
        Objection.client_id == c.id, Objection.blocking, Objection.resolved.is_(False)))
    # Step 4 is hearing and handling the objections: with none logged it has not been done.
    logged = _count(s, select(Objection.id).where(Objection.client_id == c.id))
    return [Condition("no_blocking_objection", blocking == 0, {"open": blocking}),
            Condition("objection_logged", logged > 0, {"logged": logged})]


def _step5(s: Session, c: Client) -> list[Condition]:
    won = _count(s, select(Deal.id).where(Deal.client_id == c.id, Deal.status == "won", Deal.deleted_at.is_(None)))
    return [Condition("deal_won", won > 0)]


def _step6(s: Session, c: Client) -> list[Condition]:
    return [Condition("final_step", False)]


_RULES = {1: _step1, 2: _step2, 3: _step3, 4: _step4, 5: _step5, 6: _step6}


def evaluate(session: Session, client: Client) -> ExitCheck:
    """The exit rule of the client's current step, evaluated now."""
    return ExitCheck(client.step, tuple(_RULES[client.step](session, client)))
