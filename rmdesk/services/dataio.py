"""Import clients and contacts from a table; export clients, contacts, visits, deals.

Import, in two phases:
1. `prepare_import(store, table, mapping, policy)` maps columns to fields, validates
   every row with the same cleaners as the client forms (CLIENT_FIELDS /
   CONTACT_FIELDS), finds duplicates of stored clients by unified social credit code
   or normalised name, and returns a report (bad rows: row number, field, reason).
   Nothing is written; this is the dry run.
2. `commit_import(store, plan)` writes everything in ONE transaction with Core bulk
   inserts, after a backup; any error or a cancel rolls it all back.

One row is one client, optionally with one contact (the contact_* fields). Rows of
the file with the same credit code or normalised name are one client: the first
row creates it, the next ones add their contacts (a common Excel layout: one line
per key person). Against the store, the duplicate policy decides: merge (fill the
stored client's fields from the row and add the contact), skip the row, or create
a new client anyway (refused when the credit code is taken: it is unique).

Column mapping: automatic from the header names (the field keys, their zh_CN and en
labels, and usual synonyms such as 企业名称 / 手机); overridable by a mapping
{header: field} (a field of '' or '-' ignores the column). `parse_mapping` reads
the CLI's --mapping: a JSON file {"Header": "field"} or the text "Header=field,...".
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update

from rmdesk import clock, i18n, vocab
from rmdesk.errors import ValidationError
from rmdesk.formats.tabular import Table, read_table
from rmdesk.formatting import normalise_phone
from rmdesk.services import industry, records_import, risk_export
from rmdesk.services import validation as v
from rmdesk.services.clients import CLIENT_FIELDS, CONTACT_FIELDS
from rmdesk.services.import_plan import (
    Cancelled,
    ImportPlan,
    PlannedClient,
    Progress,
    RowProblem,
    ignored_columns,
    map_headers,
    norm_header,
    normalise_name,
)
from rmdesk.services.pinyin import search_keys_many
from rmdesk.store import changes as notify
from rmdesk.store import pg_search, search_index, sequences
from rmdesk.store.engine import Store
from rmdesk.store.models import Client, Contact, Deal, Product, StepChange, Visit

CONTACT_PREFIX = "contact_"
# Import fields: the client's, then the contact's with a prefix (contact_name is the
# contact form's own key for the name already).
# Where a new client starts in the pipeline (default step 1, active); only for new
# clients: a stored client moves through the flow's rules, never by an import.
PIPELINE_FIELDS = {"step": lambda x: v.int_range(x, 1, 6, "step"),
                   "status": lambda x: v.choice(x, vocab.STATUSES, "status")}


def _annual_sales_in_wan(text: object):
    """A column headed 年销售额(万元): figures in units of 10,000 yuan, stored in yuan."""
    return CLIENT_FIELDS["annual_sales"](str(CLIENT_FIELDS["annual_sales"](text) * 10000))


# annual_sales_wan is an import column only: its value is stored as annual_sales.
CLIENT_IMPORT = {**CLIENT_FIELDS, **PIPELINE_FIELDS, "annual_sales_wan": _annual_sales_in_wan}
IMPORT_FIELDS: tuple[str, ...] = tuple(CLIENT_IMPORT) + tuple(
    "contact_name" if k == "name" else CONTACT_PREFIX + k for k in CONTACT_FIELDS)
# Vocabulary fields: the stored key, or its label in either language, is accepted.
LABEL_LISTS = {"status": "status", "industry": "industry", "policy_class": "policy", "size": "size", "source_channel": "channel",
               "tier": "tier", "contact_role": "role", "contact_decision_power": "decision",
               "contact_attitude": "attitude"}
VOCABS = {"status": vocab.STATUSES, "industry": vocab.INDUSTRIES, "policy_class": vocab.POLICY_CLASSES, "size": vocab.SIZES,
          "source_channel": vocab.SOURCE_CHANNELS, "tier": vocab.TIERS, "contact_role": vocab.CONTACT_ROLES,
          "contact_decision_power": vocab.DECISION_POWERS, "contact_attitude": vocab.ATTITUDES}
BOOL_FIELDS = ("two_high", "proposal_agreed", "contact_birthday_is_lunar")
SYNONYMS = {
    "name": ("客户名称", "企业名称", "公司名称", "单位名称", "名称", "company", "company name", "client"),
    "short_name": ("简称", "企业简称"),
    "credit_code": ("统一社会信用代码", "信用代码", "社会信用代码", "uscc", "credit code"),
    "district": ("区域", "地区", "所在区域", "所在地区", "所在地", "所属地区", "所属区域", "区县", "行政区划",
                 "region", "area"),
    "industry": ("行业", "所属行业", "行业类别"),
    "address": ("地址", "注册地址", "办公地址"),
    "annual_sales": ("年销售额", "销售额", "营业收入", "sales"),
    "annual_sales_wan": ("年销售额(万元)", "销售额(万元)", "营业收入(万元)", "年营业收入(万元)", "年销售收入(万元)",
                         "年销售额（万）", "sales (10k)"),
    "owner": ("客户经理", "负责人", "rm"),
    "intel_notes": ("备注", "客户情报", "情报", "notes", "remarks"),
    "contact_name": ("联系人", "联系人姓名", "关键人", "contact"),
    "contact_title": ("职务", "职位", "title"),
    "contact_phone": ("电话", "手机", "联系电话", "手机号", "手机号码", "mobile", "phone"),
    "contact_email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "contact_birthday": ("生日", "birthday"),
}
POLICIES = ("merge", "skip", "create")


def _field_label_key(f: str) -> str:
    if f.startswith(CONTACT_PREFIX) and f != "contact_name":
        return f"field.{f[len(CONTACT_PREFIX):]}"
    return f"field.{f}"


def field_label(f: str, lang: str | None = None) -> str:
    text = i18n.message(_field_label_key(f), lang)
    if f.startswith(CONTACT_PREFIX) and f != "contact_name":
        return f"{i18n.message('field.contact_id', lang)}·{text}"
    return text


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for f in IMPORT_FIELDS:
        names = [f, *SYNONYMS.get(f, ())]
        for lang in i18n.LANGUAGES:
            names.append(field_label(f, lang))
            if not f.startswith(CONTACT_PREFIX) or f == "contact_name":
                names.append(i18n.message(_field_label_key(f), lang))
        for n in names:
            index.setdefault(norm_header(n), f)
    return index


def auto_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field, guessed from the header names (first match wins)."""
    return map_headers(headers, _header_index())


def apply_overrides(headers: list[str], mapping: dict[int, str], overrides: Mapping[str, str],
                    fields: tuple[str, ...] | None = None) -> dict[int, str]:
    """Overrides {header: field ('' or '-' = ignore)} on top of an automatic mapping."""
    result = dict(mapping)
    for header, target in overrides.items():
        if header not in headers:
            raise ValidationError("import.no_such_column", None, column=header)
        target = (target or "").strip()
        i = headers.index(header)
        if target in ("", "-"):
            result.pop(i, None)
            continue
        if target not in (fields or IMPORT_FIELDS):
            raise ValidationError("import.no_such_field", None, name=target)
        for j, f in list(result.items()):
            if f == target:
                del result[j]
        result[i] = target
    return result


def parse_mapping(text: str) -> dict[str, str]:
    """--mapping: a JSON file {"Header": "field"} or "Header=field,Header2=field2"."""
    path = Path(text)
    if text.lower().endswith(".json") or path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise ValidationError("import.bad_mapping", None, reason=str(exc)) from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(val, str) for k, val in data.items()):
            raise ValidationError("import.bad_mapping", None, reason="{\"Header\": \"field\"}")
        return data
    result = {}
    for part in text.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValidationError("import.bad_mapping", None, reason=part.strip())
        header, target = part.split("=", 1)
        result[header.strip()] = target.strip()
    return result


def _vocab_value(f: str, text: str, lang_labels: dict[str, dict[str, str]]) -> str:
    if text in VOCABS[f]:
        return text
    return lang_labels[f].get(text.casefold(), text)


def _labels() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for f, lst in LABEL_LISTS.items():
        table: dict[str, str] = {}
        for key in VOCABS[f]:
            for lang in i18n.LANGUAGES:
                table[i18n.label(lst, key, lang).casefold()] = key
        out[f] = table
    return out


_TRUE = {"1", "true", "yes", "y", "是", "√", "x"}
_FALSE = {"0", "false", "no", "n", "否", ""}


def _clean_row(raw: dict[str, str], labels) -> tuple[dict[str, object], dict[str, object]]:
    """Validated client values and contact values of one row (raises ValidationError)."""
    client_in: dict[str, object] = {}
    contact_in: dict[str, object] = {}
    for f, text in raw.items():
        text = text.strip()
        if f in VOCABS and text:
            text = _vocab_value(f, text, labels)
        if f in BOOL_FIELDS:
            low = text.casefold()
            if low not in _TRUE | _FALSE:
                raise ValidationError("import.not_yes_no", f)
            if not f.startswith(CONTACT_PREFIX):
                client_in[f] = low in _TRUE
            elif low in _TRUE:  # a key person's flag; an unticked one alone makes no key person
                contact_in[f[len(CONTACT_PREFIX):]] = True
            continue
        if f.startswith(CONTACT_PREFIX):
            key = "name" if f == "contact_name" else f[len(CONTACT_PREFIX):]
            if text:
                contact_in[key] = text
        elif text:
            client_in[f] = text
    client = {}
    errors: list[ValidationError] = []  # every bad field of the row, not only the first
    for key, value in client_in.items():
        try:
            client[key] = CLIENT_IMPORT[key](value)
        except ValidationError as exc:
            errors.append(ValidationError(exc.key, key, **exc.params))
    contact = {}
    for key, value in contact_in.items():
        try:
            contact[key] = CONTACT_FIELDS[key](value)
        except ValidationError as exc:
            errors.append(ValidationError(exc.key, "contact_name" if key == "name" else exc.field, **exc.params))
    if contact_in and "name" not in contact_in:
        errors.append(ValidationError("error.required", "contact_name"))
    if errors:
        raise RowErrors(errors)
    wan = client.pop("annual_sales_wan", None)
    if wan is not None:
        client.setdefault("annual_sales", wan)
    return client, contact


class RowErrors(ValidationError):
    """Several bad fields of one row."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(errors[0].key, errors[0].field, **errors[0].params)
        self.errors = errors


def _contact_key(client: object, contact: Mapping[str, object]) -> tuple:
    """A key person is the same one when the client, the normalised name and the phone's
    digits match (a re-import then adds nobody twice)."""
    phone = re.sub(r"\D", "", str(contact.get("phone") or ""))
    return (client, normalise_name(str(contact.get("name") or "")), phone)


def prepare_import(store: Store, table: Table, mapping: dict[int, str], policy: str = "skip",
                   progress: Progress | None = None, lang: str | None = None) -> ImportPlan:
    """Validate every row and sort it into new / merge / skipped; writes nothing."""
    if policy not in POLICIES:
        raise ValidationError("error.not_in_list", None, value=policy)
    if "name" not in mapping.values() and "credit_code" not in mapping.values():
        raise ValidationError("import.need_name_column", None)
    plan = ImportPlan(policy, len(table.rows))
    with store.read() as s:
        by_code = {code: cid for cid, code in s.execute(
            select(Client.id, Client.credit_code).where(Client.credit_code.is_not(None)))}
        by_name: dict[str, int] = {}
        for cid, name in s.execute(select(Client.id, Client.name).order_by(Client.id)):
            by_name.setdefault(normalise_name(name), cid)
    labels = _labels()
    in_file: dict[str, PlannedClient] = {}  # key -> planned client of this file
    total = len(table.rows)
    merged: dict[int, PlannedClient] = {}  # stored client id -> its merge
    for n, cells in enumerate(table.rows):
        if progress and n % 500 == 0 and progress(n, total) is False:
            raise Cancelled()
        rownum = table.line_numbers[n] if table.line_numbers else n + 2
        raw = {f: cells[i] for i, f in mapping.items()}
        try:
            values, contact = _clean_row(raw, labels)
            if "name" not in values:
                if "credit_code" in values and values["credit_code"] in by_code:
                    pass  # a contact row for a stored client found by its code
                else:
                    raise ValidationError("error.required", "name")
        except RowErrors as many:
            plan.problems += [RowProblem(rownum, e.field, e.message(lang)) for e in many.errors]
            continue
        except ValidationError as exc:
            plan.problems.append(RowProblem(rownum, exc.field, exc.message(lang)))
            continue
        code = values.get("credit_code")
        name_key = normalise_name(values["name"]) if "name" in values else None
        keys = [k for k in (f"code:{code}" if code else None, f"name:{name_key}" if name_key else None) if k]
        same = next((in_file[k] for k in keys if k in in_file), None)
        if same is not None:  # another row of a client already in this file
            if code and same.values.get("credit_code") not in (None, code):
                plan.problems.append(RowProblem(rownum, "credit_code",
                                                ValidationError("import.code_conflict", "credit_code").message(lang)))
                continue
            if code and same.values.get("credit_code") is None and by_code.get(code, same.existing_id) \
                    != same.existing_id:  # the code would move to a client that is not its owner
                plan.problems.append(RowProblem(rownum, "credit_code",
                                                ValidationError("error.credit_code_taken", "credit_code").message(lang)))
                continue
            for k, value in values.items():
                same.values.setdefault(k, value)
            if contact:
                same.contacts.append(contact)
            for k in keys:
                in_file.setdefault(k, same)
            continue
        existing = by_code.get(code) if code else None
        if existing is None and name_key is not None:
            existing = by_name.get(name_key)
        planned = PlannedClient(rownum, values, [contact] if contact else [], existing)
        if existing is not None and (name_key is None or policy == "merge"):
            # merge (or a row naming a stored client by its code only, which can only merge)
            if policy == "skip":
                plan.skipped.append(rownum)
            elif existing in merged:
                for k, value in values.items():
                    merged[existing].values.setdefault(k, value)
                merged[existing].contacts.extend(planned.contacts)
                planned = merged[existing]
            else:
                merged[existing] = planned
                plan.merge.append(planned)
        elif existing is None:
            plan.new.append(planned)
        elif policy == "skip":
            plan.skipped.append(rownum)
        else:  # create anyway: a unique credit code cannot be created twice
            if code and code in by_code:
                plan.problems.append(RowProblem(rownum, "credit_code",
                                                ValidationError("error.credit_code_taken", "credit_code").message(lang)))
                continue
            planned.existing_id = None
            plan.new.append(planned)
        for k in keys:
            in_file[k] = planned
    _drop_repeated_contacts(store, plan)
    plan.ignored = ignored_columns(table.headers, mapping)
    if progress:
        progress(total, total)
    return plan


def _drop_repeated_contacts(store: Store, plan: ImportPlan) -> None:
    """A key person repeated in the file, or already stored for a merged client, is kept once."""
    stored: set[tuple] = set()
    ids = [p.existing_id for p in plan.merge if p.existing_id is not None]
    with store.read() as s:
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            for cid, name, phone in s.execute(select(Contact.client_id, Contact.name, Contact.phone)
                                              .where(Contact.client_id.in_(part))):
                stored.add(_contact_key(cid, {"name": name, "phone": phone}))
    for p in plan.new + plan.merge:
        owner = p.existing_id if p.existing_id is not None else id(p)
        kept = []
        for c in p.contacts:
            key = _contact_key(owner, c)
            if key not in stored:
                stored.add(key)
                kept.append(c)
        p.contacts = kept


def commit_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
                  backup_first: bool = True) -> dict[str, int]:
    """Write the plan in one transaction (all or nothing). Refuses a plan with problems."""
    if not plan.ok:
        raise ValidationError("import.has_problems", None, count=len(plan.problems))
    if backup_first and store.local():
        store.backup_now()  # before any import
    now = clock.now()
    total = len(plan.new) + len(plan.merge)
    done = 0
    counts = {"created": 0, "merged": 0, "contacts": 0}
    chunk = 1000
    keys = search_keys_many([p.values["name"] for p in plan.new])  # type: ignore[misc]
    with store.write() as s:
        notify.quiet(s.connection(), True)  # team database: one notification per table, not one per row
        # ids taken from the server's sequence (other writers), or after the largest on SQLite
        new_ids = iter(sequences.reserve_ids(s.connection(), Client.__table__, len(plan.new)))
        client_rows, change_rows, contact_rows = [], [], []
        # New clients and their key persons go in with the search index's triggers off and are
        # indexed in one pass at the end of the block; the merges below run with them on.
        with search_index.bulk_load(s.connection(), rows=len(plan.new)):
            for p, (initials, full) in zip(plan.new, keys, strict=True):
                cid = next(new_ids)
                row = {"id": cid, "step": 1, "status": "active", "step_entered_at": now, "created_at": now,
                       "updated_at": now, "pinyin_initials": initials, "pinyin_full": full, "owner": "",
                       "two_high": False, "proposal_agreed": False, "q_need": False, "q_afford": False,
                       "q_standard": False, "q_authority": False, "q_value": False, "qualification_score": 0}
                row.update(p.values)
                row.update(industry.defaults_for_new(p.values))  # issue 19: the industry's usual values
                client_rows.append(row)
                change_rows.append({"client_id": cid, "at": now, "from_step": None, "to_step": row["step"],
                                    "from_status": None, "to_status": row["status"], "reason": None, "override": False,
                                    "unmet": None})
                contact_rows.extend(_contact_row(cid, c) for c in p.contacts)
                if len(client_rows) >= chunk:
                    done = _flush(s, client_rows, change_rows, contact_rows, counts, done, total, progress)
            done = _flush(s, client_rows, change_rows, contact_rows, counts, done, total, progress)
        updates = []
        for p in plan.merge:
            fields = {k: val for k, val in p.values.items()
                      if k not in ("name", "credit_code", *PIPELINE_FIELDS) and val is not None}
            updates.append({"id": p.existing_id, "updated_at": now, **fields})
            contact_rows.extend(_contact_row(p.existing_id, c) for c in p.contacts)  # type: ignore[arg-type]
        for start in range(0, len(updates), chunk):
            part = updates[start:start + chunk]
            # one UPDATE per distinct column set (SQLAlchemy's bulk update by primary key)
            by_cols: dict[tuple[str, ...], list[dict]] = {}
            for u in part:
                by_cols.setdefault(tuple(sorted(u)), []).append(u)
            table = Client.__table__
            for cols, group in by_cols.items():
                # Core executemany by id; the version goes up (an open copy elsewhere is now stale)
                statement = (update(table).where(table.c.id == bindparam("_id"))
                             .values({**{c: bindparam(c) for c in cols if c != "id"}, "version": table.c.version + 1}))
                s.execute(statement, [{**{k: v for k, v in u.items() if k != "id"}, "_id": u["id"]} for u in group])
            counts["merged"] += len(part)
            done += len(part)
            if progress and progress(done, total) is False:
                raise Cancelled()
        if contact_rows:
            _insert_contacts(s, contact_rows, counts)
        if progress and progress(total, total) is False:
            raise Cancelled()
        notify.quiet(s.connection(), False)
        for table in ("clients", "step_changes", "contacts"):
            notify.announce(s.connection(), table)
    return counts


def _contact_row(client_id: int, c: dict[str, object]) -> dict[str, object]:
    row = {"client_id": client_id, "title": None, "role": None, "decision_power": "none", "attitude": "unknown",
           "phone": None, "email": None, "birthday": None, "birthday_is_lunar": False, "preferences": None}
    row.update(c)
    row["phone_normalized"] = normalise_phone(row["phone"])  # type: ignore[arg-type]
    return row


def _flush(s, clients, changes, contacts, counts, done, total, progress) -> int:
    if clients:
        s.execute(insert(Client), _uniform(clients))
        s.execute(insert(StepChange), changes)
        counts["created"] += len(clients)
        done += len(clients)
    if contacts:
        _insert_contacts(s, contacts, counts)
    clients.clear()
    changes.clear()
    contacts.clear()
    if progress and progress(done, total) is False:
        raise Cancelled()
    return done


def _insert_contacts(s, rows: list[dict], counts: dict[str, int]) -> None:
    s.execute(insert(Contact), rows)
    counts["contacts"] += len(rows)
    # their pieces on the clients' rows (PostgreSQL): the trigger is quiet during the import
    pg_search.refresh_key_person_grams(s.connection(), {row["client_id"] for row in rows})


def _uniform(rows: list[dict]) -> list[dict]:
    """executemany needs the same keys in every row: missing columns become None."""
    keys: set[str] = set()
    for r in rows:
        keys.update(r)
    return [{k: r.get(k) for k in keys} for r in rows]


# ---------------------------------------------------------------- export

EXPORT_CLIENT_FIELDS = ("credit_code", "name", "step", "status",
                        *(k for k in CLIENT_FIELDS if k not in ("name", "credit_code")))
EXPORT_CONTACT_FIELDS = ("credit_code", "name", *(
    "contact_name" if k == "name" else CONTACT_PREFIX + k for k in CONTACT_FIELDS))
EXPORT_VISIT_FIELDS = ("id", "credit_code", "name", "contact_name", "planned_at", "duration_min", "place", "kind", "objective",
                       "agenda", "attendees_ours", "attendees_theirs", "questions", "materials", "products",
                       "status", "confirmed", "cancel_reason", "report_outcome", "report_needs",
                       "report_reaction", "reported_at", "created_at")
EXPORT_DEAL_FIELDS = ("id", "credit_code", "name", "product", "amount", "rate", "status", "expected_date",
                      "actual_date", "lost_reason", "created_at")
# Every kind of export; the first four re-import (the others are export only).
WHAT = ("clients", "contacts", "visits", "deals", *risk_export.WHAT, "proposals", "financials")


def export_rows(store: Store, what: str, masked: bool | None = None) -> tuple[tuple[str, ...], list[list[object]]]:
    """Headers (stable English field keys, which the importer maps back) and rows;
    trashed records are left out. With the masking setting on (or masked=True), phone
    numbers, e-mail addresses and credit codes are masked (such a file does not
    re-import losslessly: it is meant to be handed out)."""
    from rmdesk.services import masking

    headers, rows = _export_rows(store, what)
    if masked if masked is not None else masking.enabled(store):
        columns = [(i, masking.EXPORT_MASKS[h]) for i, h in enumerate(headers) if h in masking.EXPORT_MASKS]
        for row in rows:
            for i, mask in columns:
                row[i] = mask(row[i])
    return headers, rows


def _export_rows(store: Store, what: str) -> tuple[tuple[str, ...], list[list[object]]]:
    with store.read() as s:
        if what == "clients":
            cols = [getattr(Client, f) for f in EXPORT_CLIENT_FIELDS]
            rows = s.execute(select(*cols).where(Client.deleted_at.is_(None)).order_by(Client.id))
            return EXPORT_CLIENT_FIELDS, [list(r) for r in rows]
        if what == "contacts":
            cols = [Client.credit_code, Client.name] + [getattr(Contact, k) for k in CONTACT_FIELDS]
            rows = s.execute(select(*cols).join(Client, Contact.client_id == Client.id)
                             .where(Client.deleted_at.is_(None)).order_by(Client.id, Contact.id))
            return EXPORT_CONTACT_FIELDS, [list(r) for r in rows]
        if what == "visits":
            cols = [Visit.id, Client.credit_code, Client.name, Contact.name] + [
                getattr(Visit, f) for f in EXPORT_VISIT_FIELDS[4:]]
            rows = s.execute(select(*cols).join(Client, Visit.client_id == Client.id)
                             .outerjoin(Contact, Visit.contact_id == Contact.id)
                             .where(Client.deleted_at.is_(None), Visit.deleted_at.is_(None)).order_by(Visit.id))
            return EXPORT_VISIT_FIELDS, [list(r) for r in rows]
        if what == "deals":
            cols = [Deal.id, Client.credit_code, Client.name, Product.key, Deal.amount, Deal.rate, Deal.status,
                    Deal.expected_date, Deal.actual_date, Deal.lost_reason, Deal.created_at]
            rows = s.execute(select(*cols).join(Client, Deal.client_id == Client.id)
                             .join(Product, Deal.product_id == Product.id)
                             .where(Client.deleted_at.is_(None), Deal.deleted_at.is_(None)).order_by(Deal.id))
            return EXPORT_DEAL_FIELDS, [list(r) for r in rows]
        if what in risk_export.WHAT:  # early warnings, related parties (issue 19)
            return risk_export.rows(s, what)
        if what == "proposals":  # issue 19: every version of the proposals (金融服务方案)
            from rmdesk.services.proposals import export_table

            return export_table(s)
    if what == "financials":  # issue 19: the financial quick check's statement years
        from rmdesk.services import fincheck

        return fincheck.export_rows(store)
    raise ValidationError("error.not_in_list", None, value=what)


# Columns an XLSX export formats as money (two decimals, thousands separated); rates keep
# their four decimals as stored ("0.00##" shows 4.35 and 4.3525).
NUMBER_FORMATS = {"annual_sales": "#,##0.00", "amount": "#,##0.00", "rate": "0.00##",
                  **dict.fromkeys(("sales", "cost_of_sales", "profit", "interest_expense", "operating_cash_flow",
                                   "receivables", "inventory", "payables", "current_assets", "current_liabilities",
                                   "total_assets", "total_liabilities"), "#,##0.00")}


def export_file(store: Store, what: str, path: str | Path, lang: str | None = None) -> int:
    """Write an export as .csv or .xlsx (by the extension); the XLSX sheet is named after
    `what` in the user's language (the importer reads the first sheet, whatever its name)."""
    from rmdesk.files import atomic_output
    from rmdesk.formats.tabular import write_table

    headers, rows = export_rows(store, what)
    with atomic_output(path) as tmp:  # a failure leaves an existing file as it was
        return write_table(tmp, headers, rows, sheet_title=i18n.message(f"files.sheet_{what}", lang),
                           number_formats=NUMBER_FORMATS)


def import_table(store: Store, table: Table, mapping: dict[int, str], policy: str = "skip",
                 dry_run: bool = False, progress: Progress | None = None,
                 lang: str | None = None) -> tuple[ImportPlan, dict[str, int] | None]:
    """Check (and unless dry_run or any bad row, commit) an already read table."""
    plan = prepare_import(store, table, mapping, policy, progress, lang)
    if dry_run or not plan.ok:
        return plan, None
    return plan, commit_import(store, plan, progress)


def looks_like_header(cells: list[str]) -> bool:
    """A header row: it names the client (name or credit code) or a visits/deals file's columns."""
    fields = set(auto_mapping(cells).values())
    return bool(fields & {"name", "credit_code"}) or records_import.kind_of(cells) != "clients"


def read_import_table(path: str | Path, sheet: str | None = None) -> Table:
    """An import file as the importer reads it: the header found below any title rows, and of
    a workbook the first sheet with a header (or `sheet`)."""
    return read_table(path, header_ok=looks_like_header, sheet=sheet)


def import_file(store: Store, path: str | Path, overrides: Mapping[str, str] | None = None,
                policy: str = "skip", dry_run: bool = False, progress: Progress | None = None,
                lang: str | None = None, sheet: str | None = None) -> tuple[ImportPlan, dict[str, int] | None]:
    """Read, map, check and (unless dry_run or any bad row) commit; returns the plan
    and the counts written (None when nothing was written)."""
    table = read_import_table(path, sheet)
    kind = records_import.kind_of(table.headers)
    if kind != "clients":  # a visits or deals file
        mapping = records_import.auto_mapping(kind, table.headers)
        if overrides:
            mapping = apply_overrides(table.headers, mapping, overrides,
                                      ("credit_code", "name", *records_import.KINDS[kind]))
        return records_import.import_records(store, kind, table, mapping, policy, dry_run, progress, lang)
    mapping = auto_mapping(table.headers)
    if overrides:
        mapping = apply_overrides(table.headers, mapping, overrides)
    plan = prepare_import(store, table, mapping, policy, progress, lang)
    if dry_run or not plan.ok:
        return plan, None
    return plan, commit_import(store, plan, progress)

