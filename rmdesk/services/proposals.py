"""The financial-service proposal (金融服务方案): built from the client's situation, its
confirmed needs, the financing estimate and the chosen products with amounts and terms.

Versions: the newest version is a draft that saving updates; printing or sending it
freezes it (what was sent, and when, never changes), and the next save starts a new
version. Old versions stay readable and printable as they were sent."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from rmdesk import clock, formatting, i18n
from rmdesk.errors import Conflict, NotFound, ValidationError
from rmdesk.services import clients, engagement, flow, masking, product_guide
from rmdesk.services import validation as v
from rmdesk.services.clients import fetch_client
from rmdesk.services.settings import get_profile
from rmdesk.services.versions import display_name
from rmdesk.store.engine import Store
from rmdesk.store.models import Contact, Deal, FinancingEstimate, Product, Proposal

TEXTS = ("situation", "needs", "solution", "benefits", "conditions", "next_steps")
TEXT_MAX = 4000
MAX_LINES = 20
FREEZE_HOW = ("printed", "sent")


@dataclass(frozen=True)
class ProposalLine:
    product: str  # product key
    amount: Decimal
    term_months: int | None = None
    rate: Decimal | None = None  # % a year
    note: str = ""

    def as_json(self) -> dict:
        return {"product": self.product, "amount": str(self.amount), "term_months": self.term_months,
                "rate": None if self.rate is None else str(self.rate), "note": self.note}


@dataclass(frozen=True)
class ProposalRow:
    id: int
    client_id: int
    version: int
    texts: dict[str, str]
    lines: tuple[ProposalLine, ...]
    estimate_id: int | None
    frozen_at: datetime | None
    frozen_how: str | None
    created_at: datetime
    updated_at: datetime
    deal_ids: tuple[int, ...] = ()
    frozen_copy: dict = field(default_factory=dict)
    edit_version: int = 1  # pass the newest version's back to save_draft (no lost update)

    @property
    def frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


def _lines_of(raw: str | None) -> tuple[ProposalLine, ...]:
    out = []
    for d in json.loads(raw or "[]"):
        out.append(ProposalLine(d["product"], Decimal(d["amount"]), d.get("term_months"),
                                None if d.get("rate") is None else Decimal(d["rate"]), d.get("note") or ""))
    return tuple(out)


def _row(s: Session, p: Proposal) -> ProposalRow:
    deals = tuple(s.scalars(select(Deal.id).where(Deal.proposal_id == p.id, Deal.deleted_at.is_(None))
                            .order_by(Deal.id)))
    return ProposalRow(p.id, p.client_id, p.version, {k: getattr(p, k) or "" for k in TEXTS}, _lines_of(p.lines),
                       p.estimate_id, p.frozen_at, p.frozen_how, p.created_at, p.updated_at, deals,
                       json.loads(p.frozen_copy) if p.frozen_copy else {}, p.edit_version)


def has_proposal(s: Session, client_id: int) -> bool:
    """Whether the client has a proposal (any version): the step-3 exit rule asks for one."""
    return (s.scalar(select(func.count(Proposal.id)).where(Proposal.client_id == client_id)) or 0) > 0


def versions(store: Store, client_id: int) -> list[ProposalRow]:
    """Every version of the client's proposal, newest first."""
    with store.read() as s:
        fetch_client(s, client_id)
        return [_row(s, p) for p in s.scalars(select(Proposal).where(Proposal.client_id == client_id)
                                               .order_by(Proposal.version.desc()))]


def get_version(store: Store, client_id: int, version: int | None = None) -> ProposalRow:
    """One version (default: the newest); NotFound when there is none."""
    with store.read() as s:
        fetch_client(s, client_id)
        query = select(Proposal).where(Proposal.client_id == client_id)
        query = query.where(Proposal.version == version) if version is not None else \
            query.order_by(Proposal.version.desc()).limit(1)
        p = s.scalar(query)
        if p is None:
            if version is None:
                raise NotFound("proposal.none", id=client_id)
            raise NotFound("proposal.no_version", id=client_id, version=version)
        return _row(s, p)


def _clean_lines(s: Session, raw: object) -> list[ProposalLine]:
    if raw is None:
        return []
    if not isinstance(raw, (list, tuple)):
        raise ValidationError("proposal.bad_lines", "proposal.lines")
    if len(raw) > MAX_LINES:
        raise ValidationError("proposal.too_many_lines", "proposal.lines", max=MAX_LINES)
    known = set(s.scalars(select(Product.key).where(Product.active)))
    out = []
    for i, item in enumerate(raw, 1):
        d = item.as_json() if isinstance(item, ProposalLine) else item
        if not isinstance(d, Mapping):
            raise ValidationError("proposal.bad_lines", "proposal.lines")
        key = d.get("product")
        if key not in known:
            raise ValidationError("proposal.line_product", "proposal.lines", n=i, value=key)
        try:
            amount = v.amount(d.get("amount"), "amount", required=True)
            term = v.int_range(d.get("term_months"), 1, 360, "proposal.term_months")
            rate = v.amount(d.get("rate"), "rate") if d.get("rate") not in (None, "") else None
            if rate is not None and rate > 100:
                raise ValidationError("error.out_of_range", "rate", lo=0, hi=100)
            note = v.optional_text(d.get("note"), "proposal.note", 500) or ""
        except ValidationError as exc:
            raise ValidationError("proposal.line_invalid", "proposal.lines", n=i, problem=exc.message()) from None
        out.append(ProposalLine(key, amount, term, rate, note))
    return out


def _conflict(s: Session, newest: Proposal) -> Conflict:
    """The refusal of a draft saved from a copy older than the client's newest version."""
    name = display_name(s, newest.changed_by)
    at = newest.updated_at.strftime("%Y-%m-%d %H:%M")
    key = "conflict.proposal_changed" if name else "conflict.proposal_changed_anonymous"
    return Conflict(key, None, who=name or "", at=at, id=newest.client_id, kind="proposal",
                    version=newest.edit_version, n=newest.version)


def save_draft(store: Store, client_id: int, data: Mapping[str, object],
               expected_version: int | None = None) -> ProposalRow:
    """Save the proposal's texts, lines and estimate (keys of TEXTS, 'lines', 'estimate_id').
    Updates the newest version while it is a draft; after it was printed or sent, starts
    the next version (the keys not given are carried over). One transaction.
    `expected_version`: the newest version's edit_version as the caller loaded it (0: the
    caller saw no proposal; None: no check): a proposal someone saved, printed or started
    since is refused with Conflict saying who and when, and nothing is written."""
    unknown = set(data) - {*TEXTS, "lines", "estimate_id"}
    if unknown:
        raise ValidationError("error.not_in_list", None, value=sorted(unknown)[0])
    texts = {k: v.optional_text(data[k], f"proposal.{k}", TEXT_MAX) for k in TEXTS if k in data}
    try:
        return _save_draft(store, client_id, data, texts, expected_version)
    except (StaleDataError, IntegrityError):  # a save of the same draft or version won the race
        with store.read() as r:
            fetch_client(r, client_id)
            newest = r.scalar(select(Proposal).where(Proposal.client_id == client_id)
                              .order_by(Proposal.version.desc()).limit(1))
            if newest is None:
                raise
            raise _conflict(r, newest) from None


def _save_draft(store: Store, client_id: int, data: Mapping[str, object], texts: dict[str, str | None],
                expected_version: int | None) -> ProposalRow:
    now = clock.now()
    with store.write() as s:
        fetch_client(s, client_id)
        lines = _clean_lines(s, data["lines"]) if "lines" in data else None
        estimate_id = data.get("estimate_id")
        if estimate_id is not None:
            est = s.get(FinancingEstimate, estimate_id) if isinstance(estimate_id, int) else None
            if est is None or est.client_id != client_id:
                raise ValidationError("proposal.bad_estimate", "proposal.estimate", id=estimate_id)
        newest = s.scalar(select(Proposal).where(Proposal.client_id == client_id)
                          .order_by(Proposal.version.desc()).limit(1))
        if expected_version is not None and newest is not None and newest.edit_version != expected_version:
            raise _conflict(s, newest)
        if newest is None or newest.frozen_at is not None:
            base = newest
            p = Proposal(client_id=client_id, version=(base.version + 1) if base else 1, created_at=now,
                         lines=base.lines if base else "[]", estimate_id=base.estimate_id if base else None,
                         **{k: getattr(base, k) if base else None for k in TEXTS})
            s.add(p)
        else:
            p = newest
        for k, value in texts.items():
            setattr(p, k, value)
        if lines is not None:
            p.lines = json.dumps([line.as_json() for line in lines], ensure_ascii=False)
        if "estimate_id" in data:
            p.estimate_id = estimate_id
        p.updated_at = now
        s.flush()
        return _row(s, p)


def starting_draft(store: Store, client_id: int, lang: str) -> dict[str, object]:
    """A first draft to edit, from the client's data: its situation, the confirmed needs,
    the products that fit (the newest estimate's amount on the first credit product), the
    products' pitches as benefits, their documents and conditions, and the next steps."""
    c = clients.get_client(store, client_id)
    guides = product_guide.guides()
    needs = [n for n in engagement.needs_of(store, client_id) if n.confirmed]
    estimates = flow.estimates_of(store, client_id)
    chosen = product_guide.suggest_for_client(store, client_id, c.industry, lang, limit=3)
    sep = "；" if lang == "zh_CN" else "; "
    banks = ", ".join(f"{b.bank_name} {b.share_pct or 0}%" for b in c.banks)
    facts = [x for x in (
        i18n.label("industry", c.industry, lang), i18n.label("size", c.size, lang),
        i18n.message("proposal.sales_fact", lang, amount=formatting.money(c.annual_sales, lang))
        if c.annual_sales else "",
        i18n.message("proposal.banks_fact", lang, banks=banks) if banks else "",
    ) if x]
    lines = []
    credit_amount = estimates[0].result if estimates and estimates[0].result > 0 else Decimal(0)
    for i, sug in enumerate(chosen):
        lines.append({"product": sug.key, "amount": str(credit_amount if i == 0 else Decimal(0)),
                      "term_months": 12, "rate": None, "note": ""})
    return {
        "situation": c.name + ("：" if lang == "zh_CN" else ": ") + sep.join(facts) if facts else c.name,
        "needs": "\n".join(f"{i18n.label('need_area', n.area, lang)}: {n.description}" for n in needs),
        "solution": i18n.message("proposal.solution_default", lang),
        "lines": lines,
        "benefits": "\n".join(f"{s.name}: {s.pitch}" for s in chosen),
        "conditions": "\n".join(f"{s.name}: {guides[s.key].text('documents', lang)} "
                                f"{guides[s.key].text('conditions', lang)}" for s in chosen),
        "next_steps": i18n.message("proposal.next_steps_default", lang),
        "estimate_id": estimates[0].id if estimates else None,
    }


def _snapshot(s: Session, client_id: int, estimate_id: int | None, profile) -> dict:
    """The details a printed version keeps: the client's name and code, the deciding key
    person it is addressed to, the RM's contact, the product names, the estimate."""
    c = fetch_client(s, client_id)
    decider = s.scalar(select(Contact).where(Contact.client_id == client_id, Contact.decision_power == "decides")
                       .order_by(Contact.id).limit(1))
    est = s.get(FinancingEstimate, estimate_id) if estimate_id else None
    return {
        "client": c.name, "credit_code": c.credit_code,
        "contact": {"name": decider.name, "title": decider.title or "", "phone": decider.phone or ""}
        if decider else None,
        "rm": {k: getattr(profile, k) for k in ("rm_name", "bank", "branch", "phone", "email")},
        "products": {k: [zh, en] for k, zh, en in s.execute(select(Product.key, Product.name_zh, Product.name_en))},
        "estimate": {"method": est.method, "result": str(est.result)} if est else None,
    }


def freeze(store: Store, proposal_id: int, how: str = "sent") -> ProposalRow:
    """Mark a version as printed or sent: it is kept exactly as it was (with the client's
    and the RM's details of that moment); the next save starts a new version."""
    if how not in FREEZE_HOW:
        raise ValidationError("error.not_in_list", None, value=how)
    profile = get_profile(store)
    with store.write() as s:
        p = s.get(Proposal, proposal_id)
        if p is None:
            raise NotFound("proposal.not_found", id=proposal_id)
        if p.frozen_at is not None:
            return _row(s, p)
        if not _lines_of(p.lines):
            raise ValidationError("proposal.no_lines", None)
        p.frozen_copy = json.dumps(_snapshot(s, p.client_id, p.estimate_id, profile), ensure_ascii=False)
        p.frozen_at = clock.now()
        p.frozen_how = how
        s.flush()
        return _row(s, p)


def deals_from(store: Store, proposal_id: int) -> list[int]:
    """Open deals for the proposal's lines that have none yet, each linked to the version."""
    with store.read() as s:
        p = s.get(Proposal, proposal_id)
        if p is None:
            raise NotFound("proposal.not_found", id=proposal_id)
        lines, client_id = _lines_of(p.lines), p.client_id
        linked = set(s.scalars(select(Product.key).join(Deal, Deal.product_id == Product.id)
                               .where(Deal.proposal_id == proposal_id, Deal.deleted_at.is_(None))))
    made = []
    with store.write() as s:
        products = {k: pid for pid, k in s.execute(select(Product.id, Product.key))}
        for line in lines:
            if line.product in linked:
                continue
            deal = Deal(client_id=client_id, product_id=products[line.product], amount=line.amount, rate=line.rate,
                        status="open", created_at=clock.now(), proposal_id=proposal_id)
            s.add(deal)
            s.flush()
            made.append(deal.id)
            linked.add(line.product)
    return made


@dataclass(frozen=True)
class PrintedLine:
    product: str
    amount: str
    term: str
    rate: str
    note: str


@dataclass(frozen=True)
class ProposalDoc:
    """Everything the PDF prints, as plain text (formats.proposal_pdf)."""
    client_name: str
    client_facts: list[tuple[str, str]]
    version: int
    status: str  # "draft" or "printed/sent on ..."
    sections: list[tuple[str, str]]  # (heading key, text) in order
    lines: list[PrintedLine]
    total: str
    estimate: str
    rm: dict[str, str]
    addressed_to: str


def document(store: Store, client_id: int, version: int | None, lang: str) -> ProposalDoc:
    """The printed form of a version: a frozen one as it was sent (names and contacts of
    that moment); masked per the "mask sensitive fields" setting."""
    row = get_version(store, client_id, version)
    masked = masking.enabled(store)
    copy = row.frozen_copy
    if not copy:  # a draft: today's details
        profile = get_profile(store)
        with store.read() as s:
            copy = _snapshot(s, client_id, row.estimate_id, profile)
    code = copy.get("credit_code")
    facts = [(i18n.message("field.credit_code", lang), (masking.number(code) if masked else code) or "")]
    contact = copy.get("contact")
    addressed = ""
    if contact:
        phone = masking.phone(contact["phone"]) if masked else contact["phone"]
        addressed = " ".join(filter(None, [contact["name"], contact["title"], phone]))
    idx = 0 if lang == "zh_CN" else 1
    names = copy.get("products") or {}
    lines = [PrintedLine(names.get(x.product, [x.product, x.product])[idx], formatting.money(x.amount, lang),
                         i18n.message("proposal.months", lang, n=x.term_months) if x.term_months else "",
                         f"{x.rate}%" if x.rate is not None else "", x.note) for x in row.lines]
    est = copy.get("estimate")
    estimate = i18n.message("proposal.estimate_line", lang, method=i18n.message(f"calc.{est['method']}", lang),
                            amount=formatting.money(Decimal(est["result"]), lang)) if est else ""
    status = (i18n.message(f"proposal.status_{row.frozen_how}", lang, at=formatting.minute(row.frozen_at))
              if row.frozen else i18n.message("proposal.status_draft", lang))
    return ProposalDoc(copy["client"], [f for f in facts if f[1]], row.version, status,
                       [(k, row.texts[k]) for k in TEXTS], lines, formatting.money(row.total, lang), estimate,
                       copy["rm"], addressed)


def print_proposal(store: Store, client_id: int, version: int | None, target, lang: str) -> ProposalRow:
    """Print a version to `target` (a path or stream). Printing the newest draft freezes
    it first ("printed"): a printed proposal is one that may have been handed over."""
    from rmdesk.formats.proposal_pdf import render_proposal

    row = get_version(store, client_id, version)
    froze = not row.frozen
    if froze:
        row = freeze(store, row.id, "printed")
    try:
        render_proposal(document(store, client_id, row.version, lang), target, lang)
    except BaseException:
        if froze:  # nothing was printed: the version stays the draft it was
            with store.write() as s:
                p = s.get(Proposal, row.id)
                p.frozen_at = p.frozen_how = p.frozen_copy = None
        raise
    return row


EXPORT_FIELDS = ("id", "credit_code", "name", "version", "status", "frozen_at", "products", "amount", *TEXTS,
                 "created_at", "updated_at")


def export_table(s: Session) -> tuple[tuple[str, ...], list[list[object]]]:
    """Every version of every (not trashed) client's proposal, for `rmdesk export --what
    proposals`: products as their keys joined by ';', amount the lines' total."""
    from rmdesk.store.models import Client

    rows = []
    for p, code, name in s.execute(select(Proposal, Client.credit_code, Client.name)
                                   .join(Client, Proposal.client_id == Client.id)
                                   .where(Client.deleted_at.is_(None)).order_by(Proposal.client_id, Proposal.version)):
        lines = _lines_of(p.lines)
        rows.append([p.id, code, name, p.version, p.frozen_how or "draft", p.frozen_at,
                     ";".join(x.product for x in lines), sum((x.amount for x in lines), Decimal(0)),
                     *[getattr(p, k) or "" for k in TEXTS], p.created_at, p.updated_at])
    return EXPORT_FIELDS, rows
