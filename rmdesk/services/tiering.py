"""Tiering (客户分层分级): business volumes per client and period, tier rules kept as
settings, recomputation with a logged reason, manual overrides, and the tier overview.

A scheme is data (see resources/tier_schemes.toml for the format and the presets): its
tiers from best to last, rules tried in order, per-tier cadences, and point weights.
The active scheme lives in the settings table under "tier_scheme"; choosing a preset
copies it there, where its thresholds and cadences can then be edited.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from functools import cache

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from rmdesk import clock, i18n, vocab
from rmdesk.errors import NotFound, ValidationError
from rmdesk.paths import resources_dir
from rmdesk.services import validation as v
from rmdesk.services import versions
from rmdesk.services.clients import fetch_client
from rmdesk.services.recurrence import validate_rule
from rmdesk.store.engine import Store
from rmdesk.store.models import BusinessVolume, Client, ClientEvent, Setting

VOLUME_FIELDS = ("avg_deposits", "avg_loans", "intl_settlement_usd", "fee_income")
# The retail-side measures of the published star-points table (half-year averages, yuan):
# investment trades, card spending, mortgage, other personal loans, card overdraft.
STAR_FIELDS = ("investment", "card_spending", "mortgage", "personal_loans", "card_overdraft")
VOLUME_FIELDS = (*VOLUME_FIELDS, *STAR_FIELDS)
METRICS = (*VOLUME_FIELDS, "products_held", "business", "points", "rank_pct")
OPERATORS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
             "<": lambda a, b: a < b, "==": lambda a, b: a == b}
TEN_THOUSAND = Decimal(10000)
# Yuan per US dollar for weighing USD settlement volume against CNY lines (points); each
# scheme keeps its own "usd_rate", editable with the scheme.
DEFAULT_USD_RATE = "7.10"

# A period: a year (2026), a half (2026-H1), a quarter (2026-Q3) or a month (2026-05).
_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")


def period_bounds(period: str) -> tuple[int, int, int]:
    """(year, first month, last month) of a period text."""
    match = _PERIOD.match(period)
    if not match:
        raise ValidationError("error.period_format", "period")
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return year, 1, 12
    if part[0] == "H":
        half = int(part[1])
        return year, 6 * half - 5, 6 * half
    if part[0] == "Q":
        quarter = int(part[1])
        return year, 3 * quarter - 2, 3 * quarter
    return year, int(part), int(part)


def period_sort_key(period: str) -> tuple[int, int, int]:
    """Later end first; of two ending together, the longer one (a year beats its H2)."""
    year, first, last = period_bounds(period)
    return year, last, -first


# ---- schemes ------------------------------------------------------------------------


@cache
def presets() -> dict[str, dict]:
    with open(resources_dir() / "tier_schemes.toml", "rb") as fh:
        raw = tomllib.load(fh)
    out = {}
    for key, body in raw.items():
        if isinstance(body, dict):
            out[key] = validate_scheme({**body, "key": key})
    return out


def default_preset() -> str:
    with open(resources_dir() / "tier_schemes.toml", "rb") as fh:
        return tomllib.load(fh)["default"]


def _problem(key: str, **values: object) -> ValidationError:
    """A scheme error worded in the user's language (messages.toml [scheme])."""
    return ValidationError("error.scheme_invalid", "tier_scheme", problem=i18n.message(f"scheme.{key}", **values))


def _decimal(text: object) -> Decimal:
    if isinstance(text, float):
        raise _problem("not_number", value=text)
    try:
        number = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        raise _problem("not_number", value=text) from None
    if not number.is_finite():
        raise _problem("not_number", value=text)
    return number


def metric_label(metric: str) -> str:
    """A rule metric's name in the user's language."""
    return i18n.message(f"field.{metric}")


def validate_scheme(scheme: Mapping) -> dict:
    """Check a scheme's shape; returns a clean copy. Raises ValidationError("error.scheme_invalid")."""

    def tier_name(tier: object) -> str:
        return i18n.label("tier", tier) if tier in vocab.TIERS else repr(tier)

    tiers = list(scheme.get("tiers") or [])
    if not tiers:
        raise _problem("no_tiers")
    for tier in tiers:
        if tier not in vocab.TIERS:
            raise _problem("unknown_tier", tier=tier_name(tier))
    if len(set(tiers)) != len(tiers):
        raise _problem("tier_twice")
    rules = []
    for number, rule in enumerate(scheme.get("rules") or [], start=1):
        if not isinstance(rule, Mapping) or rule.get("tier") not in tiers:
            raise _problem("rule_tier", rule=number, tier=tier_name(rule.get("tier") if isinstance(rule, Mapping)
                                                                    else rule))
        clean: dict = {"tier": rule["tier"]}
        for group in ("all", "any"):
            if group in rule:
                atoms = []
                for atom in rule[group]:
                    if not isinstance(atom, list | tuple) or len(atom) != 3 or atom[0] not in METRICS \
                            or atom[1] not in OPERATORS:
                        raise _problem("bad_condition", rule=number, condition=json.dumps(atom, ensure_ascii=False))
                    atoms.append([atom[0], atom[1], str(_decimal(atom[2]))])
                if atoms:
                    clean[group] = atoms
        rules.append(clean)
    if not rules or any(k in rules[-1] for k in ("all", "any")):
        raise _problem("last_rule")
    cadences = {}
    for tier in tiers:
        text = (scheme.get("cadences") or {}).get(tier)
        if not text:
            raise _problem("no_cadence", tier=tier_name(tier))
        cadences[tier] = validate_rule(text)
    points = {}
    for name, weight in (scheme.get("points") or {}).items():
        if name not in VOLUME_FIELDS:
            raise _problem("points_unknown", name=name)
        number = _decimal(weight)
        if number < 0:
            raise _problem("points_negative", name=metric_label(name), value=weight)
        if number:
            points[name] = str(number)
    usd_rate = _decimal(scheme.get("usd_rate") or DEFAULT_USD_RATE)
    if not Decimal("0.01") <= usd_rate <= Decimal(100):
        raise _problem("usd_rate", rate=usd_rate)
    return {"key": str(scheme.get("key") or "custom"), "zh_CN": str(scheme.get("zh_CN") or ""),
            "en": str(scheme.get("en") or ""), "tiers": tiers, "rules": rules, "cadences": cadences,
            "points": points, "usd_rate": str(usd_rate)}


def get_scheme(store: Store) -> dict:
    """The active scheme (a saved copy, else the default preset)."""
    with store.read() as s:
        row = s.get(Setting, "tier_scheme")
    if row is not None:
        try:
            return validate_scheme(json.loads(row.value))
        except (ValidationError, ValueError):
            pass  # a broken saved scheme falls back to the default rather than stopping the app
    return copy.deepcopy(presets()[default_preset()])


def save_scheme(store: Store, scheme: Mapping) -> dict:
    clean = validate_scheme(scheme)
    with store.write() as s:
        s.merge(Setting(key="tier_scheme", value=json.dumps(clean, ensure_ascii=False)))
    return clean


def scheme_text(store: Store) -> str:
    """The active scheme as editable JSON text, one rule a line."""
    return format_scheme_text(get_scheme(store))


def format_scheme_text(scheme: Mapping) -> str:
    """A scheme as JSON text, one rule a line."""
    parts = []
    for key, value in scheme.items():
        if key == "rules":
            rules = ",\n".join("    " + json.dumps(rule, ensure_ascii=False) for rule in value)
            parts.append(f'  "rules": [\n{rules}\n  ]')
        else:
            parts.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def save_scheme_text(store: Store, text: str) -> dict:
    """Save a scheme edited as JSON text (see resources/tier_schemes.toml for the format)."""
    return save_scheme(store, parse_scheme_text(text))


def parse_scheme_text(text: str) -> dict:
    """A scheme from JSON text, validated (not saved)."""
    try:
        data = json.loads(text, parse_float=str)
    except json.JSONDecodeError as exc:  # the parser's words are English: say where, in the user's language
        raise ValidationError("error.scheme_json", "tier_scheme", line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise ValidationError("error.scheme_invalid", "tier_scheme", problem=str(exc)) from None
    if not isinstance(data, dict):
        raise _problem("not_object")
    return validate_scheme(data)


# ---- the scheme as a table (the Settings editor) ---------------------------------------

# Measures counted in money (yuan; settlement in USD): the editor shows their thresholds in
# the user's input unit. points, products_held and rank_pct are plain numbers.
MONEY_METRICS = (*VOLUME_FIELDS, "business")


@dataclass(frozen=True)
class ConditionRow:
    """One line of the tier-rules table: `tier` holds when its conditions hold; `group`
    "all" conditions must all hold, of the "any" ones at least one."""

    tier: str
    group: str  # "all" | "any"
    metric: str
    op: str
    value: str  # exact decimal text, yuan for money measures


def scheme_rows(scheme: Mapping) -> list[ConditionRow] | None:
    """The scheme's rules as table rows (one rule per tier, in tier order, the last tier
    catching the rest); None when the rules say more than the table can (a tier with two
    rules, rules out of tier order): the text view then edits them."""
    tiers = list(scheme["tiers"])
    rules = list(scheme["rules"])
    order = [tiers.index(r["tier"]) for r in rules]
    if len(set(order)) != len(order) or order != sorted(order):
        return None
    last = rules[-1]
    if last["tier"] != tiers[-1] or any(k in last for k in ("all", "any")):
        return None
    return [ConditionRow(rule["tier"], group, *atom)
            for rule in rules[:-1] for group in ("all", "any") for atom in rule.get(group, [])]


def scheme_from_rows(scheme: Mapping, rows: list[ConditionRow], points: Mapping[str, object],
                     usd_rate: object) -> dict:
    """A scheme with its rules, point weights and USD rate replaced by the table's; tiers
    and cadences kept. Validated (messages in the user's language), not saved."""
    tiers = list(scheme["tiers"])
    for number, row in enumerate(rows, start=1):
        if row.tier not in tiers or row.group not in ("all", "any") or row.metric not in METRICS \
                or row.op not in OPERATORS or not str(row.value).strip():
            raise _problem("bad_condition", rule=number, condition=" ".join(
                str(x) for x in (row.tier, row.metric, row.op, row.value)))
    rules = []
    for tier in tiers:
        mine = [r for r in rows if r.tier == tier]
        if not mine and tier != tiers[-1]:
            continue  # a tier without conditions is never given (the last one catches the rest)
        rule: dict = {"tier": tier}
        for group in ("all", "any"):
            atoms = [[r.metric, r.op, str(r.value).strip()] for r in mine if r.group == group]
            if atoms:
                rule[group] = atoms
        rules.append(rule)
    weights = {name: str(value).strip() for name, value in points.items() if str(value).strip()}
    return validate_scheme({**scheme, "rules": rules, "points": weights, "usd_rate": str(usd_rate).strip()})


def add_tier(scheme: Mapping, tier: str) -> dict:
    """The scheme with one more tier just above the last (catch-all) one, on the last tier's
    cadence until it is changed; it is given once a condition names it. Validated, not saved."""
    tiers = list(scheme["tiers"])
    if tier not in vocab.TIERS:
        raise _problem("unknown_tier", tier=repr(tier))
    if tier in tiers:
        raise _problem("tier_twice")
    cadences = {**scheme["cadences"], tier: scheme["cadences"][tiers[-1]]}
    return validate_scheme({**scheme, "tiers": [*tiers[:-1], tier, tiers[-1]], "cadences": cadences})


def remove_tier(scheme: Mapping, tier: str) -> dict:
    """The scheme without `tier` and its conditions; when it was the last tier, the one
    before it becomes the catch-all (its conditions go). Validated, not saved."""
    tiers = [t for t in scheme["tiers"] if t != tier]
    if not tiers:
        raise _problem("no_tiers")
    rules = [r for r in scheme["rules"] if r["tier"] not in (tier, tiers[-1])] + [{"tier": tiers[-1]}]
    cadences = {t: c for t, c in scheme["cadences"].items() if t != tier}
    return validate_scheme({**scheme, "tiers": tiers, "rules": rules, "cadences": cadences})


def choose_preset(store: Store, key: str) -> dict:
    if key not in presets():
        raise ValidationError("error.not_in_list", "tier_scheme", value=key)
    return save_scheme(store, presets()[key])


def set_tier_cadence(store: Store, tier: str, rule: str) -> dict:
    """Change one tier's cadence in the active scheme."""
    scheme = get_scheme(store)
    if tier not in scheme["tiers"]:
        raise ValidationError("error.not_in_list", "tier", value=tier)
    scheme["cadences"][tier] = rule
    return save_scheme(store, scheme)


def scheme_label(scheme: Mapping, lang: str) -> str:
    return scheme.get(lang) or scheme.get("key", "")


# ---- business volumes ---------------------------------------------------------------


@dataclass(frozen=True)
class VolumeRow:
    client_id: int
    period: str
    avg_deposits: Decimal
    avg_loans: Decimal
    intl_settlement_usd: Decimal
    fee_income: Decimal
    products_held: int
    investment: Decimal = Decimal(0)
    card_spending: Decimal = Decimal(0)
    mortgage: Decimal = Decimal(0)
    personal_loans: Decimal = Decimal(0)
    card_overdraft: Decimal = Decimal(0)
    version: int = 1  # pass it back to set_business_volume (no lost update)

    @property
    def business(self) -> Decimal:
        return self.avg_deposits + self.avg_loans


def _clean_volume(period: object, values: Mapping[str, object]) -> tuple[str, dict[str, object]]:
    text = str(period or "").strip()
    if not text:
        raise ValidationError("error.required", "period")
    period_bounds(text)
    clean: dict[str, object] = {}
    for key, value in values.items():
        if key in VOLUME_FIELDS:
            clean[key] = v.amount(value, key) or Decimal(0)
        elif key == "products_held":
            clean[key] = v.int_range(value, 0, 999, key) or 0
        else:
            raise ValidationError("error.unknown_field", key)
    return text, clean


def _write_volume(s, client_id: int, period: str, clean: Mapping[str, object]) -> None:
    row = s.scalar(select(BusinessVolume).where(BusinessVolume.client_id == client_id,
                                                BusinessVolume.period == period))
    if row is None:
        row = BusinessVolume(client_id=client_id, period=period, products_held=0,
                             **{name: Decimal(0) for name in VOLUME_FIELDS})
        s.add(row)
    for key, value in clean.items():
        setattr(row, key, value)


def set_business_volume(store: Store, client_id: int, period: str, values: Mapping[str, object],
                        expected_version: int | None = None) -> None:
    """Enter (or replace) a client's volumes for a period; amounts in yuan (settlement in USD).
    `expected_version`: the version of the period's row the caller loaded (VolumeRow.version),
    0 when it had none; a row someone entered or changed since is refused with Conflict saying
    who and when, and nothing is written. None: no check (an import)."""
    text, clean = _clean_volume(period, values)

    def theirs(s) -> BusinessVolume | None:
        return s.scalar(select(BusinessVolume).where(BusinessVolume.client_id == client_id,
                                                     BusinessVolume.period == text))
    try:
        with store.write() as s:
            fetch_client(s, client_id)
            row = theirs(s)
            if expected_version is not None and (row.version if row is not None else 0) != expected_version:
                if row is None:  # theirs is gone (a client's volumes go with the client only)
                    raise NotFound("error.client_not_found", id=client_id)
                raise versions.conflict(s, row)
            _write_volume(s, client_id, text, clean)
    except (StaleDataError, IntegrityError):  # a race at flush: someone saved (or entered) it first
        with store.read() as s:
            row = theirs(s)
            if row is None:
                raise
            raise versions.conflict(s, row) from None


IMPORT_COLUMNS = ("client", "period", *VOLUME_FIELDS, "products_held")


def _column_label(key: str, lang: str | None = None) -> str:
    return i18n.message(f"import.volume_{key}" if key in ("client", "period") else f"field.{key}", lang)


def import_column_names(lang: str | None = None) -> list[tuple[str, str]]:
    """(name in the user's language, key) of each volume import column; a header may use either."""
    return [(_column_label(key, lang), key) for key in IMPORT_COLUMNS]


def _column_aliases() -> dict[str, str]:
    out = {}
    for key in IMPORT_COLUMNS:
        out[key.casefold()] = key
        for lang in i18n.LANGUAGES:
            out[_column_label(key, lang).casefold()] = key
    return out


def import_volumes(store: Store, text: str) -> int:
    """Import volumes from CSV text with a header row naming IMPORT_COLUMNS, by key or by their
    name in either language (客户, 期间, 日均存款…; see import_column_names) (client and period
    required; `client` is the client's id, unified social credit code or exact name). All rows
    or none: a bad row raises ValidationError("error.import_row") naming its line. Returns
    the number of rows written."""
    import csv
    import io

    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    aliases = _column_aliases()
    header = [aliases.get(h.strip().casefold(), h.strip()) for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in IMPORT_COLUMNS]
    if "client" not in header or "period" not in header or unknown or len(set(header)) != len(header):
        raise ValidationError("error.import_header", None, columns=", ".join(
            f"{name} ({key})" for name, key in import_column_names()))
    reader.fieldnames = header
    with store.write() as s:
        by_code = dict(s.execute(select(Client.credit_code, Client.id).where(Client.deleted_at.is_(None),
                                                                              Client.credit_code.is_not(None))).all())
        by_name: dict[str, list[int]] = {}
        for cid, name in s.execute(select(Client.id, Client.name).where(Client.deleted_at.is_(None))):
            by_name.setdefault(name, []).append(cid)
        live = {i for ids in by_name.values() for i in ids}
        count = 0
        for line, raw in enumerate(reader, start=2):
            row = {k.strip(): (val or "").strip() for k, val in raw.items() if k}
            if not any(row.values()):
                continue
            key = row.pop("client", "")
            cid = int(key) if key.isdigit() and int(key) in live else by_code.get(key.upper())
            if cid is None and len(by_name.get(key, [])) == 1:
                cid = by_name[key][0]
            if cid is None:
                raise ValidationError("error.import_row", None, line=line,
                                      problem=i18n.message("error.import_client", client=key))
            try:
                period, clean = _clean_volume(row.pop("period", ""), {k: val for k, val in row.items() if val})
            except ValidationError as exc:
                raise ValidationError("error.import_row", None, line=line, problem=exc.message()) from None
            _write_volume(s, cid, period, clean)
            count += 1
        return count


def _row(b: BusinessVolume) -> VolumeRow:
    return VolumeRow(b.client_id, b.period, products_held=b.products_held or 0, version=b.version or 1,
                     **{name: getattr(b, name) or Decimal(0) for name in VOLUME_FIELDS})


def volumes_of(store: Store, client_id: int) -> list[VolumeRow]:
    """A client's volumes, latest period first."""
    with store.read() as s:
        rows = [_row(b) for b in s.scalars(select(BusinessVolume).where(BusinessVolume.client_id == client_id))]
    return sorted(rows, key=lambda r: period_sort_key(r.period), reverse=True)


def latest_volumes(store: Store) -> dict[int, VolumeRow]:
    """Each live client's volumes of its latest period."""
    out: dict[int, VolumeRow] = {}
    with store.read() as s:
        for b in s.scalars(select(BusinessVolume).join(Client, BusinessVolume.client_id == Client.id)
                           .where(Client.deleted_at.is_(None))):
            current = out.get(b.client_id)
            if current is None or period_sort_key(b.period) > period_sort_key(current.period):
                out[b.client_id] = _row(b)
    return out


def volumes_in(store: Store, period: str) -> list[VolumeRow]:
    """Every live client's volumes of exactly `period`."""
    period_bounds(period)
    with store.read() as s:
        return [_row(b) for b in s.scalars(select(BusinessVolume).join(Client, BusinessVolume.client_id == Client.id)
                                           .where(Client.deleted_at.is_(None), BusinessVolume.period == period))]


# ---- evaluation ---------------------------------------------------------------------


def metrics_for(volumes: Mapping[int, VolumeRow], scheme: Mapping) -> dict[int, dict[str, Decimal]]:
    """Every metric a rule can name, per client."""
    ranked = sorted(volumes.values(), key=lambda r: (-r.business, r.client_id))
    count = len(ranked)
    weights = {k: Decimal(w) for k, w in (scheme.get("points") or {}).items()}
    usd_rate = Decimal(scheme.get("usd_rate") or DEFAULT_USD_RATE)
    out = {}
    for place, row in enumerate(ranked, start=1):
        values = {k: getattr(row, k) for k in VOLUME_FIELDS}
        values["products_held"] = Decimal(row.products_held)
        values["business"] = row.business
        in_yuan = {**values, "intl_settlement_usd": values["intl_settlement_usd"] * usd_rate}
        values["points"] = sum((in_yuan[k] / TEN_THOUSAND * w for k, w in weights.items()), Decimal(0)).quantize(
            Decimal("0.01"))
        values["rank_pct"] = (Decimal(100) * place / count).quantize(Decimal("0.01"))
        values[_PLACE], values[_COUNT] = Decimal(place), Decimal(count)
        out[row.client_id] = values
    return out


_PLACE, _COUNT = "_place", "_count"  # the client's rank by business, and how many are ranked


def top_count(count: int, pct: Decimal) -> int:
    """How many clients "the top pct%" of `count` is: rounded up, at least one when pct > 0
    (the top 20% of 4 clients is 1, of 7 is 2). The 80/20 overview counts the same way."""
    if count <= 0 or pct <= 0:
        return 0
    exact = Decimal(count) * pct / 100
    return min(count, max(1, int(exact.to_integral_value(rounding=ROUND_CEILING))))


def _holds(atom: list, metrics: Mapping[str, Decimal]) -> bool:
    name, op, raw = atom
    if name == "rank_pct" and op == "<=" and _PLACE in metrics:
        # "rank_pct <= 20": within the top 20% of clients, rounded up (see top_count)
        return metrics[_PLACE] <= top_count(int(metrics[_COUNT]), Decimal(raw))
    return OPERATORS[op](metrics[name], Decimal(raw))


def _fmt(value: Decimal) -> str:
    value = value.normalize()
    return f"{value:,f}" if value == value.to_integral() else f"{value:,.2f}"


def classify(metrics: Mapping[str, Decimal], scheme: Mapping) -> tuple[str, str]:
    """(tier, why) for one client: the first rule that holds, and the conditions that made it."""
    for rule in scheme["rules"]:
        held_all = [a for a in rule.get("all", []) if _holds(a, metrics)]
        if len(held_all) != len(rule.get("all", [])):
            continue
        held_any = [a for a in rule.get("any", []) if _holds(a, metrics)]
        if rule.get("any") and not held_any:
            continue
        held = held_all + held_any[:1]
        if not held:
            return rule["tier"], "no higher rule holds"
        return rule["tier"], "; ".join(f"{a[0]} {_fmt(metrics[a[0]])} {a[1]} {_fmt(Decimal(a[2]))}" for a in held)
    return scheme["tiers"][-1], "no rule holds"


@dataclass(frozen=True)
class TierChange:
    client_id: int
    client_name: str
    old: str | None
    new: str | None
    why: str
    kept: bool  # a manual override kept the old tier; nothing was written


def recompute(store: Store) -> list[TierChange]:
    """Reapply the active scheme to every live client that has business volumes. Each
    change is written with before, after and why (a "tier_changed" timeline event);
    clients with a manual override keep their tier and are listed with kept=True when
    the rules would give another one. Clients without volumes are left alone."""
    scheme = get_scheme(store)
    volumes = latest_volumes(store)
    metrics = metrics_for(volumes, scheme)
    out: list[TierChange] = []
    now = clock.now()
    with store.write() as s:
        for client in s.scalars(select(Client).where(Client.deleted_at.is_(None), Client.id.in_(list(metrics)))
                                .order_by(Client.id)):
            tier, why = classify(metrics[client.id], scheme)
            why = f"{scheme['key']} {volumes[client.id].period}: {why}"
            if tier == client.tier:
                continue
            if client.tier_override_reason:
                out.append(TierChange(client.id, client.name, client.tier, tier, why, True))
                continue
            s.add(ClientEvent(client_id=client.id, at=now, kind="tier_changed", field="tier", old=client.tier,
                              new=tier, note=why))
            out.append(TierChange(client.id, client.name, client.tier, tier, why, False))
            client.tier = tier
            client.updated_at = now
    return out


def set_tier_override(store: Store, client_id: int, tier: str, reason: str,
                      expected_version: int | None = None) -> None:
    """Set a tier by hand; recompute keeps it until the override is cleared. `expected_version`:
    the client's version the caller loaded (someone's later change: Conflict)."""
    scheme = get_scheme(store)
    key = v.choice(tier, tuple(scheme["tiers"]), "tier", required=True)
    why = v.required_text(reason, "reason", 2000)
    now = clock.now()
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        s.add(ClientEvent(client_id=client_id, at=now, kind="tier_override", field="tier", old=client.tier,
                          new=key, note=why))
        client.tier = key
        client.tier_override_reason = why
        client.updated_at = now


def clear_tier_override(store: Store, client_id: int, expected_version: int | None = None) -> None:
    now = clock.now()
    with versions.editing(store, Client, client_id, expected_version, "error.client_not_found", versions.CLIENT_ACTION) as (s, client):
        if client.tier_override_reason is None:
            return
        s.add(ClientEvent(client_id=client_id, at=now, kind="tier_override_cleared", field="tier",
                          old=client.tier, new=client.tier, note=client.tier_override_reason))
        client.tier_override_reason = None
        client.updated_at = now


def tier_override(store: Store, client_id: int) -> str | None:
    """The reason of the client's manual tier, or None when the rules decide."""
    with store.read() as s:
        return fetch_client(s, client_id).tier_override_reason


# ---- overview -----------------------------------------------------------------------


@dataclass(frozen=True)
class TierLine:
    tier: str | None  # None: clients without a tier of the active scheme
    clients: int
    business: Decimal
    fee_income: Decimal


@dataclass(frozen=True)
class Overview:
    lines: list[TierLine]
    # The 80/20 (Pareto) curve: (share of clients, share of business), clients sorted by
    # business, biggest first; starts at (0, 0) and ends at (1, 1). Shares are Decimals 0..1.
    curve: list[tuple[Decimal, Decimal]]
    top20_share: Decimal | None  # share of business brought by the top 20% of clients
    total_business: Decimal


def overview(store: Store) -> Overview:
    """How many clients and how much business (latest period each) per tier of the active
    scheme, and the Pareto curve over the clients that have volumes. Counted: customers
    (step 6) and any other active client with business volumes."""
    scheme = get_scheme(store)
    volumes = latest_volumes(store)
    with store.read() as s:
        tiers = {cid: tier for cid, tier, step in s.execute(
            select(Client.id, Client.tier, Client.step).where(Client.deleted_at.is_(None),
                                                               Client.status.in_(("active", "won"))))
                 if step == 6 or cid in volumes}
    lines = []
    for tier in [*scheme["tiers"], None]:
        ids = [cid for cid, t in tiers.items() if (t if t in scheme["tiers"] else None) == tier]
        lines.append(TierLine(tier, len(ids), sum((volumes[c].business for c in ids if c in volumes), Decimal(0)),
                              sum((volumes[c].fee_income for c in ids if c in volumes), Decimal(0))))
    amounts = sorted((r.business for r in volumes.values()), reverse=True)
    total = sum(amounts, Decimal(0))
    curve: list[tuple[Decimal, Decimal]] = [(Decimal(0), Decimal(0))]
    top20 = None
    if amounts and total > 0:
        running = Decimal(0)
        for i, amount in enumerate(amounts, start=1):
            running += amount
            curve.append((Decimal(i) / len(amounts), running / total))
        top_n = top_count(len(amounts), Decimal(20))  # rounded up, as A/B/C's "rank_pct <= 20"
        top20 = sum(amounts[:top_n], Decimal(0)) / total
    return Overview(lines, curve, top20, total)
