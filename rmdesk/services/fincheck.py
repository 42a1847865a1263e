"""The financial quick check (财务快速体检): two or three years of a client's key statement
lines give the usual ratios and flags for figures that do not fit together; the
working-capital estimate takes its turnover days from them.

Definitions (all Decimal, rounded half-up to 0.01 for display; None when a line is missing
or a divisor is zero):
- current ratio = current assets / current liabilities
- quick ratio = (current assets − inventory) / current liabilities
- debt to assets = total liabilities / total assets × 100 (%)
- receivable days = 360 × receivables / sales; inventory days = 360 × inventory / cost of
  sales; payable days = 360 × payables / cost of sales. The balance is the average of the
  year's and the previous year's closing balance when the previous year is entered (as the
  working-capital loan rules compute turnover), else the year's closing balance.
- gross margin = (sales − cost of sales) / sales × 100; profit margin = profit / sales × 100
  (profit is 利润总额, before tax)
- interest cover = (profit + interest expense) / interest expense (EBIT over interest)

Flags (thresholds are module constants, named in the flag's text):
- receivables_outpace_sales: receivables grew more than RECEIVABLES_GAP_PP percentage points
  faster than sales over the previous year (and grew at all);
- profit_without_cash: a profit, but operating cash flow of zero or less;
- jump: sales, profit, inventory or total liabilities moved by more than JUMP_PCT % from the
  previous year (up or down; profit only when both years are profits);
- sales_falling: sales fell more than SALES_FALL_PCT % from the previous year;
- loss: the profit is negative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import delete, select

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.services import financing, versions
from rmdesk.services.clients import fetch_client
from rmdesk.services.validation import MAX_AMOUNT
from rmdesk.store.engine import Store
from rmdesk.store.models import FinancialYear

CENT = Decimal("0.01")
DAYS = Decimal(360)
HUNDRED = Decimal(100)
MAX_YEARS = 5
FIRST_YEAR = 1990

# Statement lines in the order a form shows them; sales is required, the rest optional.
LINES = ("sales", "cost_of_sales", "profit", "interest_expense", "operating_cash_flow", "receivables",
         "inventory", "payables", "current_assets", "current_liabilities", "total_assets", "total_liabilities")
SIGNED = frozenset({"profit", "operating_cash_flow"})  # may be negative

RECEIVABLES_GAP_PP = Decimal(20)  # receivables growth − sales growth, percentage points
JUMP_PCT = Decimal(50)
JUMP_LINES = ("sales", "profit", "inventory", "total_liabilities")
SALES_FALL_PCT = Decimal(10)

RATIOS = ("current_ratio", "quick_ratio", "debt_to_assets_pct", "receivable_days", "inventory_days",
          "payable_days", "gross_margin_pct", "profit_margin_pct", "interest_cover")


@dataclass(frozen=True)
class Year:
    year: int
    lines: dict[str, Decimal | None]

    def __getattr__(self, name: str) -> Decimal | None:  # y.sales, y.inventory ...
        try:
            return self.__dict__["lines"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Flag:
    kind: str  # receivables_outpace_sales | profit_without_cash | jump | sales_falling | loss
    year: int
    params: dict[str, object] = field(default_factory=dict)  # for the fin.flag.<kind> message


@dataclass(frozen=True)
class Check:
    years: list[Year]  # oldest first
    ratios: dict[int, dict[str, Decimal | None]]  # year -> ratio key -> value
    flags: list[Flag]

    @property
    def latest(self) -> Year | None:
        return self.years[-1] if self.years else None


# ---------------------------------------------------------------- input


def _line(raw: object, name: str, year: object) -> Decimal | None:
    where = {"year": year}
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if name == "sales":
            raise ValidationError("fin.error.required", f"fin.{name}", **where)
        return None
    if isinstance(raw, float):
        raise TypeError("money must not be a float; pass Decimal or text")
    text = str(raw).strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError("fin.error.amount_format", f"fin.{name}", **where) from None
    if not value.is_finite():
        raise ValidationError("fin.error.amount_format", f"fin.{name}", **where)
    if value < 0 and name not in SIGNED:
        raise ValidationError("fin.error.amount_negative", f"fin.{name}", **where)
    if abs(value) >= MAX_AMOUNT:
        raise ValidationError("fin.error.amount_too_large", f"fin.{name}", **where)
    if value != value.quantize(CENT):
        raise ValidationError("fin.error.amount_decimals", f"fin.{name}", **where)
    return value.quantize(CENT)


def _year(raw: object) -> int:
    text = str(raw if raw is not None else "").strip()
    last = clock.today().year
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= last:
        raise ValidationError("fin.error.year", "fin.year", lo=FIRST_YEAR, hi=last, value=text)
    return int(text)


def _fits(y: Year) -> None:
    """Lines that cannot all be right together (parts larger than their whole)."""
    def over(part: Decimal | None, whole: Decimal | None) -> bool:
        return part is not None and whole is not None and part > whole

    parts = [v for v in (y.receivables, y.inventory) if v is not None]
    checks = (
        (over(y.current_assets, y.total_assets), "current_assets", "total_assets"),
        (over(y.current_liabilities, y.total_liabilities), "current_liabilities", "total_liabilities"),
        (bool(parts) and over(sum(parts, Decimal(0)), y.current_assets), "receivables_inventory", "current_assets"),
        (over(y.payables, y.current_liabilities), "payables", "current_liabilities"),
    )
    for bad, part, whole in checks:
        if bad:
            raise ValidationError(f"fin.error.over_{whole}", f"fin.{part}", year=y.year)


def clean_years(rows: Sequence[Mapping[str, object]]) -> list[Year]:
    """Validate the years as typed (yuan); rows with nothing in them are dropped."""
    years: list[Year] = []
    for row in rows:
        unknown = set(row) - {"year", *LINES}
        if unknown:
            raise ValidationError("error.unknown_field", sorted(unknown)[0])
        if all(row.get(k) is None or not str(row.get(k)).strip() for k in ("year", *LINES)):
            continue
        year = _year(row.get("year"))
        years.append(Year(year, {name: _line(row.get(name), name, year) for name in LINES}))
    seen = [y.year for y in years]
    if len(set(seen)) != len(seen):
        raise ValidationError("fin.error.year_twice", "fin.year", year=next(y for y in seen if seen.count(y) > 1))
    if len(years) > MAX_YEARS:
        raise ValidationError("fin.error.too_many_years", None, max=MAX_YEARS)
    for y in years:
        _fits(y)
    return sorted(years, key=lambda y: y.year)


def save_years(store: Store, client_id: int, rows: Sequence[Mapping[str, object]],
               expected_version: int | None = None) -> list[int]:
    """Replace the client's statement years with `rows` (all or nothing); returns the years kept.
    `expected_version`: the years' version the caller loaded (years_version(); None = no check):
    years someone saved since are refused with Conflict saying who and when, nothing written."""
    years = clean_years(rows)
    now = clock.now()
    with versions.saving_list(store, client_id, "years", expected_version) as (s, _client):
        s.execute(delete(FinancialYear).where(FinancialYear.client_id == client_id))
        s.flush()
        for y in years:
            s.add(FinancialYear(client_id=client_id, year=y.year, entered_at=now, **y.lines))
    return [y.year for y in years]


def years_version(store: Store, client_id: int) -> int:
    """The version of the client's statement years: pass it back to save_years."""
    with store.read() as s:
        return fetch_client(s, client_id).years_version


def years_of(store: Store, client_id: int) -> list[Year]:
    with store.read() as s:
        rows = s.scalars(select(FinancialYear).where(FinancialYear.client_id == client_id)
                         .order_by(FinancialYear.year))
        return [Year(r.year, {name: getattr(r, name) for name in LINES}) for r in rows]


# ---------------------------------------------------------------- ratios and flags


def _div(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, ROUND_HALF_UP)


def _average(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    if now is None:
        return None
    return now if before is None else (now + before) / 2


def ratios(y: Year, previous: Year | None = None) -> dict[str, Decimal | None]:
    """The ratios of year `y` (previous: the year before, for average balances)."""
    prev = previous.lines if previous is not None and previous.year == y.year - 1 else {}
    balance = {k: _average(y.lines[k], prev.get(k)) for k in ("receivables", "inventory", "payables")}

    def days(part: Decimal | None, base: Decimal | None) -> Decimal | None:
        share = _div(part, base)
        return None if share is None else DAYS * share

    def pct(value: Decimal | None) -> Decimal | None:
        return None if value is None else value * HUNDRED

    quick = None if y.current_assets is None else y.current_assets - (y.inventory or 0)
    gross = None if y.cost_of_sales is None else y.sales - y.cost_of_sales
    ebit = None if y.profit is None or y.interest_expense is None else y.profit + y.interest_expense
    return {key: _round(value) for key, value in {
        "current_ratio": _div(y.current_assets, y.current_liabilities),
        "quick_ratio": _div(quick, y.current_liabilities),
        "debt_to_assets_pct": pct(_div(y.total_liabilities, y.total_assets)),
        "receivable_days": days(balance["receivables"], y.sales),
        "inventory_days": days(balance["inventory"], y.cost_of_sales),
        "payable_days": days(balance["payables"], y.cost_of_sales),
        "gross_margin_pct": pct(_div(gross, y.sales)),
        "profit_margin_pct": pct(_div(y.profit, y.sales)),
        "interest_cover": _div(ebit, y.interest_expense),
    }.items()}


def _growth_pct(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    if now is None or before is None or before <= 0:
        return None
    return (now - before) / before * HUNDRED


def flags_of_years(years: Sequence[Year]) -> list[Flag]:
    """The flags of consecutive years (sorted oldest first), in year order."""
    out: list[Flag] = []
    years = sorted(years, key=lambda y: y.year)
    for i, y in enumerate(years):
        prev = years[i - 1] if i and years[i - 1].year == y.year - 1 else None
        if y.profit is not None and y.profit < 0:
            out.append(Flag("loss", y.year, {"profit": y.profit}))
        if y.profit is not None and y.profit > 0 and y.operating_cash_flow is not None and y.operating_cash_flow <= 0:
            out.append(Flag("profit_without_cash", y.year, {"profit": y.profit, "cash": y.operating_cash_flow}))
        if prev is None:
            continue
        sales_growth = _growth_pct(y.sales, prev.sales)
        receivables_growth = _growth_pct(y.receivables, prev.receivables)
        if (sales_growth is not None and receivables_growth is not None and receivables_growth > 0
                and receivables_growth - sales_growth > RECEIVABLES_GAP_PP):
            out.append(Flag("receivables_outpace_sales", y.year, {
                "receivables": _round(receivables_growth), "sales": _round(sales_growth), "gap": RECEIVABLES_GAP_PP}))
        if sales_growth is not None and sales_growth < -SALES_FALL_PCT:
            out.append(Flag("sales_falling", y.year, {"change": _round(sales_growth), "limit": SALES_FALL_PCT}))
        for line in JUMP_LINES:
            change = _growth_pct(y.lines[line], prev.lines[line])
            if line == "profit" and (y.profit is None or y.profit <= 0):
                change = None  # a fall into loss is the loss flag
            if change is not None and abs(change) > JUMP_PCT:
                out.append(Flag("jump", y.year, {"line": line, "change": _round(change), "limit": JUMP_PCT}))
    return out


def check(store: Store, client_id: int) -> Check:
    years = years_of(store, client_id)
    by_year = {y.year: y for y in years}
    return Check(years, {y.year: ratios(y, by_year.get(y.year - 1)) for y in years}, flags_of_years(years))


def flags(store: Store, client_id: int) -> list[Flag]:
    """The client's flags (for early warnings: sales_falling, loss, ...), oldest year first."""
    return flags_of_years(years_of(store, client_id))


# ---------------------------------------------------------------- the working-capital estimate

DAY_INPUTS = ("inventory_days", "receivable_days", "payable_days")


def statement_days(store: Store, client_id: int) -> tuple[int, dict[str, Decimal]] | None:
    """The latest year's turnover days the working-capital estimate can use: (year, days);
    None when no year is entered. A day figure whose lines are missing is left out."""
    result = check(store, client_id)
    if result.latest is None:
        return None
    year = result.latest.year
    found = {k: result.ratios[year][k] for k in DAY_INPUTS if result.ratios[year][k] is not None}
    return (year, found) if found else None


def working_capital(store: Store, client_id: int, data: Mapping[str, object]) -> financing.Estimate:
    """The working-capital estimate, with each turnover-days input left blank taken from the
    client's latest statement year; the estimate's `source` names that year."""
    filled = dict(data)
    days = statement_days(store, client_id)
    used = []
    if days is not None:
        for key, value in days[1].items():
            raw = filled.get(key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                filled[key] = value
                used.append(key)
    estimate = financing.working_capital(filled)
    if used and days is not None:
        return financing.with_source(estimate, f"statements:{days[0]}:{','.join(used)}")
    return estimate


# ---------------------------------------------------------------- texts


def flag_text(flag: Flag, lang: str) -> str:
    """One flag as a sentence in `lang`, amounts in the display unit."""
    from rmdesk import formatting, i18n

    params: dict[str, object] = {"year": flag.year}
    for key, value in flag.params.items():
        params[key] = formatting.money(value, lang) if key in ("profit", "cash") else value
    if flag.kind == "jump":
        params["line_label"] = i18n.message(f"fin.{flag.params['line']}", lang)
    return i18n.message(f"fin.flag.{flag.kind}", lang, **params)


def ratio_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,}"


def source_text(source: str, lang: str) -> str:
    """What an estimate's `source` says, as a sentence ("" when every input was typed)."""
    from rmdesk import i18n

    if not source.startswith("statements:"):
        return ""
    _, year, used = source.split(":", 2)
    sep = "、" if lang == "zh_CN" else ", "
    return i18n.message("fin.from_statements", lang, year=year,
                        inputs=sep.join(i18n.message(f"calc.{k}", lang) for k in used.split(",") if k))


def plan_section(store: Store, client_id: int, lang: str):
    """The call plan's short block: the latest year's figures and ratios, then every flag;
    None when no year is entered."""
    from rmdesk import formatting, i18n
    from rmdesk.formats.callplan_pdf import PlanSection

    result = check(store, client_id)
    latest = result.latest
    if latest is None:
        return None
    r = result.ratios[latest.year]
    parts = [f"{i18n.message('fin.' + k, lang)} {formatting.money(latest.lines[k], lang)}"
             for k in ("sales", "profit", "operating_cash_flow") if latest.lines[k] is not None]
    parts += [f"{i18n.message('fin.' + k, lang)} {ratio_text(r[k])}" for k in RATIOS if r[k] is not None]
    span = f"{result.years[0].year}–{latest.year}" if len(result.years) > 1 else str(latest.year)
    lines = [f"{latest.year}{'：' if lang == 'zh_CN' else ': '}" + " · ".join(parts)]
    lines += [flag_text(f, lang) for f in result.flags] or [i18n.message("fin.no_flags", lang)]
    return PlanSection(f"{i18n.message('fin.title', lang)} ({span})", tuple(lines))


# ---------------------------------------------------------------- demo book


def demo_rows(rng, clients: list[dict], today) -> list[dict]:
    """Three statement years (the last three full years) for about half of the demo clients
    from step 3 on, consistent with their annual sales; about one in six shows the
    "receivables outpace sales, profit without cash" pattern. Rows for a bulk insert."""
    from datetime import datetime

    out: list[dict] = []
    entered = datetime.combine(today, datetime.min.time()).replace(hour=9)
    last = today.year - 1
    for c in clients:
        if c["step"] < 3 or c.get("annual_sales") is None or rng.random() < 0.5:
            continue
        troubled = rng.random() < 1 / 6
        sales = Decimal(c["annual_sales"])
        growth = [Decimal(rng.randint(-5, 20)) / 100 for _ in range(2)]
        sales_by_year = [sales / (1 + growth[0]) / (1 + growth[1]), sales / (1 + growth[1]), sales]
        receivable_days = Decimal(rng.randint(40, 110))
        base_margin = rng.randint(4, 10)
        shape = [Decimal(rng.randint(125, 160)), Decimal(rng.randint(140, 220)), Decimal(rng.randint(40, 72))]
        for i, year_sales in enumerate(sales_by_year):
            cost = year_sales * Decimal(rng.randint(70, 88)) / 100
            margin = Decimal(base_margin + rng.choice((-1, 0, 0, 1))) / 100
            days = receivable_days * (Decimal(1) + (Decimal("0.45") * i if troubled else Decimal(0)))
            receivables = year_sales * days / DAYS
            inventory = cost * Decimal(rng.randint(50, 65)) / DAYS
            payables = cost * Decimal(rng.randint(20, 60)) / DAYS
            current_assets = (receivables + inventory) * (shape[0] + rng.randint(-5, 5)) / 100
            total_assets = current_assets * (shape[1] + rng.randint(-5, 5)) / 100
            total_liabilities = total_assets * (shape[2] + rng.randint(-2, 2)) / 100
            current_liabilities = min(payables * Decimal(rng.randint(150, 260)) / 100, total_liabilities)
            profit = year_sales * margin
            cash = profit * Decimal(rng.randint(60, 140)) / 100
            if troubled and i == 2:
                cash = -profit * Decimal(rng.randint(20, 80)) / 100
            lines = {"sales": year_sales, "cost_of_sales": cost, "profit": profit,
                     "interest_expense": total_liabilities * Decimal("0.4") * Decimal("0.045"),
                     "operating_cash_flow": cash, "receivables": receivables, "inventory": inventory,
                     "payables": payables, "current_assets": current_assets,
                     "current_liabilities": current_liabilities, "total_assets": total_assets,
                     "total_liabilities": total_liabilities}
            out.append({"client_id": c["id"], "year": last - 2 + i, "entered_at": entered,
                        **{k: v.quantize(Decimal(1), ROUND_HALF_UP) for k, v in lines.items()}})
    return out


# ---------------------------------------------------------------- export

EXPORT_FIELDS = ("credit_code", "name", "year", *LINES)


def export_rows(store: Store) -> tuple[tuple[str, ...], list[list[object]]]:
    """`rmdesk export --what financials`: one row per client and year (yuan), clients in
    the trash left out."""
    from rmdesk.store.models import Client

    with store.read() as s:
        rows = s.execute(select(Client.credit_code, Client.name, FinancialYear.year,
                                *(getattr(FinancialYear, k) for k in LINES))
                         .join(Client, FinancialYear.client_id == Client.id)
                         .where(Client.deleted_at.is_(None)).order_by(Client.id, FinancialYear.year))
        return EXPORT_FIELDS, [list(r) for r in rows]
