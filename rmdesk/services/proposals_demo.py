"""Example proposals for the demo book (one hook line in services.demo). Every client past
step 3 has a version 1 that was sent (the step-3 exit rule asks for a proposal), built from
its confirmed needs and industry with the products that fit, and its deals are linked to
it; a few of them also have a second, draft version, and a few step-3 clients a draft
built from their data by the service (services.proposals.starting_draft)."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select, update

from rmdesk import i18n
from rmdesk.services import product_guide, proposals
from rmdesk.services.bulk import bulk_insert
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Deal, Need, Proposal

DRAFTS = 4  # service-built drafts, at step 3 and as second versions past it


def add_demo_proposals(store: Store, seed: int) -> int:
    rng = random.Random(seed * 15485863 + 7)
    guides = product_guide.guides()
    with store.read() as s:
        past = s.execute(select(Client.id, Client.name, Client.industry, Client.step_entered_at)
                         .where(Client.step >= 4, Client.deleted_at.is_(None)).order_by(Client.id)).all()
        areas: dict[int, list[str]] = defaultdict(list)
        texts: dict[int, list[str]] = defaultdict(list)
        for cid, area, text in s.execute(select(Need.client_id, Need.area, Need.description).where(Need.confirmed)):
            areas[cid].append(area)
            texts[cid].append(f"{i18n.label('need_area', area, 'zh_CN')}：{text}")
        at_step3 = list(s.scalars(select(Client.id).where(Client.step == 3, Client.deleted_at.is_(None),
                                                          Client.id.in_(select(Need.client_id).where(Need.confirmed)))
                                  .order_by(Client.id).limit(DRAFTS)))
    rows = []
    for cid, name, industry, entered in past:
        chosen = product_guide.rank(areas[cid], industry, "zh_CN", limit=2)
        lines = [{"product": g.key, "amount": str(Decimal(rng.randint(50, 3000)) * 10_000), "term_months": 12,
                  "rate": None, "note": ""} for g in chosen]
        sent = entered - timedelta(days=rng.randint(1, 10))  # sent while the client was in step 3
        rows.append({
            "client_id": cid, "version": 1, "situation": f"{name}：{i18n.label('industry', industry, 'zh_CN')}",
            "needs": "\n".join(texts[cid]), "solution": i18n.message("proposal.solution_default", "zh_CN"),
            "lines": json.dumps(lines, ensure_ascii=False),
            "benefits": "\n".join(f"{g.name}：{g.pitch}" for g in chosen),
            "conditions": "\n".join(f"{g.name}：{guides[g.key].text('documents', 'zh_CN')}" for g in chosen),
            "next_steps": i18n.message("proposal.next_steps_default", "zh_CN"), "estimate_id": None,
            "frozen_at": sent, "frozen_how": "sent",
            "frozen_copy": json.dumps({"client": name, "credit_code": None, "contact": None,
                                       "rm": {"rm_name": "", "bank": "", "branch": "", "phone": "", "email": ""},
                                       "products": {g.key: [guides[g.key].name("zh_CN"), guides[g.key].name("en")]
                                                    for g in chosen}, "estimate": None}, ensure_ascii=False),
            "created_at": sent - timedelta(days=2), "updated_at": sent})
    with store.write() as s:
        bulk_insert(s, Proposal, rows)
        # the deals each proposal led to (one statement, however big the book)
        s.execute(update(Deal).values(proposal_id=select(Proposal.id).where(
            Proposal.client_id == Deal.client_id, Proposal.version == 1).scalar_subquery()))
    for cid in at_step3:  # the RM is writing these
        draft = proposals.starting_draft(store, cid, "zh_CN")
        for line in draft["lines"]:
            if Decimal(line["amount"]) == 0:
                line["amount"] = str(Decimal(rng.randint(50, 3000)) * 10_000)
        proposals.save_draft(store, cid, draft)
    for cid, *_ in past[:DRAFTS]:  # adjusted after the client's feedback
        proposals.save_draft(store, cid, {"next_steps": "按客户反馈调整额度和期限后再次提交。"})
    return len(rows) + len(at_step3)
