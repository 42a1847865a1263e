"""Import of visits and deals (the files `rmdesk export --what visits|deals` writes).

A row names its client by unified social credit code or name (`credit_code`, `name`);
the client must be stored already (import the clients first). The exported `id`
column is ignored: ids belong to one store. A visit's `contact_name` is looked up
among the client's key persons. Duplicates: a visit of the same client at the same
time with the same key person, kind, place and objective (two different visits of one
client at one time are two visits), a deal of the same client, product, amount and
expected date; the policy
(skip / merge / create) decides as for clients. All rows are checked first; any bad
row means nothing is written; the writes are one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import insert, select, update

from rmdesk import clock, i18n, vocab
from rmdesk.errors import ValidationError
from rmdesk.formats.tabular import Table
from rmdesk.services import validation as v
from rmdesk.services.import_plan import (
    Cancelled,
    ImportPlan,
    RowProblem,
    ignored_columns,
    map_headers,
    norm_header,
    normalise_name,
)
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Contact, Deal, Product, Visit


def _datetime(value: object, field: str) -> datetime | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise ValidationError("error.datetime_format", field) from None


def _bool(value: object, field: str) -> bool:
    text = str(value or "").strip().casefold()
    if text in ("1", "true", "yes", "y", "是"):
        return True
    if text in ("", "0", "false", "no", "n", "否"):
        return False
    raise ValidationError("import.not_yes_no", field)


def _json_list(value: object, field: str) -> str:
    """A JSON list of keys (kept as written) or a comma-separated list."""
    text = str(value or "").strip()
    if not text:
        return "[]"
    try:
        data = json.loads(text)
    except ValueError:
        return json.dumps([p.strip() for p in text.replace("，", ",").split(",") if p.strip()], ensure_ascii=False)
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise ValidationError("import.bad_list", field)
    return text


def _rate(value: object, field: str = "rate") -> Decimal | None:
    text = str(value or "").strip().rstrip("%")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError("error.amount_format", field) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise ValidationError("error.out_of_range", field, lo=0, hi=100)
    if number != number.quantize(Decimal("0.0001")):
        raise ValidationError("error.amount_decimals", field)
    return number


def _labelled(choices: tuple[str, ...], list_name: str, field: str, default: str | None = None):
    labels = {i18n.label(list_name, k, lang).casefold(): k for k in choices for lang in i18n.LANGUAGES}

    def clean(value: object) -> str | None:
        text = str(value or "").strip()
        return v.choice(labels.get(text.casefold(), text), choices, field) or default
    return clean


VISIT_FIELDS: dict[str, Callable[[object], object]] = {
    "contact_name": lambda x: v.optional_text(x, "contact_name", 60),
    "planned_at": lambda x: _datetime(x, "planned_at"),
    "duration_min": lambda x: v.int_range(x, 5, 24 * 60, "duration_min") or 60,
    "place": lambda x: v.optional_text(x, "place", 200),
    "kind": _labelled(vocab.VISIT_KINDS, "visit_kind", "kind", "onsite"),
    "objective": lambda x: v.optional_text(x, "objective", 2000),
    "agenda": lambda x: v.optional_text(x, "agenda", 5000),
    "attendees_ours": lambda x: v.optional_text(x, "attendees", 1000),
    "attendees_theirs": lambda x: v.optional_text(x, "attendees", 1000),
    "questions": lambda x: v.optional_text(x, "questions", 5000),
    "materials": lambda x: _json_list(x, "materials"),
    "products": lambda x: _json_list(x, "products"),
    "status": _labelled(vocab.VISIT_STATUSES, "visit_status", "status", "planned"),
    "confirmed": lambda x: _bool(x, "confirmed"),
    "cancel_reason": lambda x: v.optional_text(x, "reason", 2000),
    "report_outcome": lambda x: v.optional_text(x, "outcome", 5000),
    "report_needs": lambda x: v.optional_text(x, "needs", 5000),
    "report_reaction": lambda x: v.optional_text(x, "reaction", 5000),
    "reported_at": lambda x: _datetime(x, "reported_at"),
    "created_at": lambda x: _datetime(x, "created_at"),
}
DEAL_FIELDS: dict[str, Callable[[object], object]] = {
    "product": lambda x: v.required_text(x, "product", 160),
    "amount": lambda x: v.amount(x, "amount", required=True),
    "rate": _rate,
    "status": _labelled(vocab.DEAL_STATUSES, "deal_status", "status", "open"),
    "expected_date": lambda x: v.to_date(x, "expected_date"),
    "actual_date": lambda x: v.to_date(x, "actual_date"),
    "lost_reason": lambda x: v.optional_text(x, "lost_reason", 2000),
    "created_at": lambda x: _datetime(x, "created_at"),
}
KINDS = {"visits": VISIT_FIELDS, "deals": DEAL_FIELDS}


def _visit_key(client_id: int, planned_at: datetime, contact_id: int | None, kind: str, place: str | None,
               objective: str | None) -> tuple:
    """What makes two visits the same one: the client, the time, the key person met, the kind,
    the place and the objective (two different visits of one client at one time both stay)."""
    return client_id, planned_at, contact_id, kind, (place or "").strip(), (objective or "").strip()


def kind_of(headers: list[str]) -> str:
    """clients, visits or deals, from the columns of a file."""

    names = {norm_header(h) for h in headers}

    def has(field: str) -> bool:
        return any(norm_header(n) in names for n in
                   (field, *(i18n.message(f"field.{field}", lang) for lang in i18n.LANGUAGES)))
    if has("planned_at"):
        return "visits"
    if has("product") and has("amount"):
        return "deals"
    return "clients"


def auto_mapping(kind: str, headers: list[str]) -> dict[int, str]:

    fields = ("credit_code", "name", *KINDS[kind])
    index: dict[str, str] = {}
    for f in fields:
        names = [f] + [i18n.message(f"field.{f}", lang) for lang in i18n.LANGUAGES]
        if f == "name":
            names += ["客户名称", "企业名称", "client"]
        for n in names:
            index.setdefault(norm_header(n), f)
    return map_headers(headers, index)


def import_records(store: Store, kind: str, table: Table, mapping: dict[int, str], policy: str = "skip",
                   dry_run: bool = False, progress=None, lang: str | None = None):
    """Check every row; unless dry_run or any problem, write them in one transaction.
    Returns (plan, counts or None) like dataio.import_table."""

    spec = KINDS[kind]
    if "name" not in mapping.values() and "credit_code" not in mapping.values():
        raise ValidationError("import.need_name_column", None)
    plan = ImportPlan(policy, len(table.rows), kind=kind)
    plan.ignored = ignored_columns(table.headers, mapping)
    with store.read() as s:
        by_code = {c: i for i, c in s.execute(select(Client.id, Client.credit_code)
                                              .where(Client.credit_code.is_not(None), Client.deleted_at.is_(None)))}
        by_name: dict[str, int] = {}
        for cid, name in s.execute(select(Client.id, Client.name).where(Client.deleted_at.is_(None))
                                   .order_by(Client.id)):
            by_name.setdefault(normalise_name(name), cid)
        contacts = {(cid, name): pid for pid, cid, name in s.execute(select(Contact.id, Contact.client_id,
                                                                          Contact.name))}
        products = {}
        for pid, key, zh, en in s.execute(select(Product.id, Product.key, Product.name_zh, Product.name_en)):
            for name in (key, zh, en):
                products[name.casefold()] = pid
        if kind == "visits":
            existing = {}
            for vid, *key in s.execute(select(Visit.id, Visit.client_id, Visit.planned_at, Visit.contact_id,
                                              Visit.kind, Visit.place, Visit.objective)
                                       .where(Visit.deleted_at.is_(None)).order_by(Visit.id)):
                existing.setdefault(_visit_key(*key), vid)
        else:
            existing = {(cid, pid, amt, exp): did for did, cid, pid, amt, exp in s.execute(
                select(Deal.id, Deal.client_id, Deal.product_id, Deal.amount, Deal.expected_date)
                .where(Deal.deleted_at.is_(None)))}
    rows_new, rows_update = [], []
    total = len(table.rows)
    for n, cells in enumerate(table.rows):
        if progress and n % 500 == 0 and progress(n, total) is False:
            raise Cancelled()
        rownum = table.line_numbers[n] if table.line_numbers else n + 2
        raw = {f: cells[i].strip() for i, f in mapping.items()}
        try:
            code = v.credit_code(raw.get("credit_code"))
            cid = by_code.get(code) if code else None
            if cid is None and raw.get("name"):
                cid = by_name.get(normalise_name(raw["name"]))
            if cid is None:
                raise ValidationError("import.client_unknown", "name")
            values = {}
            for f, clean in spec.items():
                if f in raw:
                    try:
                        values[f] = clean(raw[f])
                    except ValidationError as exc:
                        raise ValidationError(exc.key, exc.field or f, **exc.params) from None
            values["client_id"] = cid
            if kind == "visits":
                if values.get("planned_at") is None:
                    raise ValidationError("error.required", "planned_at")
                name = values.pop("contact_name", None)
                values["contact_id"] = None
                if name:
                    values["contact_id"] = contacts.get((cid, name))
                    if values["contact_id"] is None:
                        raise ValidationError("error.contact_not_of_client", "contact_name")
                key = _visit_key(cid, values["planned_at"], values["contact_id"], values.get("kind") or "onsite",
                                 values.get("place"), values.get("objective"))
            else:
                pid = products.get(str(values.pop("product")).casefold())
                if pid is None:
                    raise ValidationError("error.not_in_list", "product", value=raw.get("product"))
                values["product_id"] = pid
                key = (cid, pid, values["amount"], values.get("expected_date"))
        except ValidationError as exc:
            plan.problems.append(RowProblem(rownum, exc.field, exc.message(lang)))
            continue
        found = existing.get(key)
        if found is not None and policy == "skip":
            plan.skipped.append(rownum)
        elif found is not None and policy == "merge":
            rows_update.append({"id": found, **values})
        else:
            rows_new.append(values)
            existing[key] = -1
    plan.new = rows_new  # type: ignore[assignment]
    plan.merge = rows_update  # type: ignore[assignment]
    if dry_run or plan.problems:
        return plan, None
    if store.local():
        store.backup_now()  # before any import
    model = Visit if kind == "visits" else Deal
    now = clock.now()
    with store.write() as s:
        if rows_new:
            defaults = ({"duration_min": 60, "kind": "onsite", "status": "planned", "confirmed": False,
                         "materials": "[]", "products": "[]"} if kind == "visits" else {"status": "open"})
            full = [{**defaults, **r, "created_at": r.get("created_at") or now} for r in rows_new]
            keys = set().union(*full)
            s.execute(insert(model), [{k: r.get(k) for k in keys} for r in full])
        groups: dict[tuple[str, ...], list[dict]] = {}
        for r in rows_update:
            groups.setdefault(tuple(sorted(r)), []).append(r)
        for group in groups.values():
            s.execute(update(model), group)
        if progress and progress(total, total) is False:
            raise Cancelled()
    return plan, {"created": len(rows_new), "merged": len(rows_update), "contacts": 0}
