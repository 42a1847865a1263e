"""The three financing-need estimates an RM runs in the meeting step (测算贷款需求).

All arithmetic is Decimal. Each result carries the intermediate figures, in order,
so the GUI and the printed plan can show how it was computed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from rmdesk.errors import ValidationError

CENT = Decimal("0.01")
# Inputs in yuan (the GUI converts from its input unit, 万元 in Chinese); the rest are
# percentages, days, months and rates.
MONEY_INPUTS = frozenset({"last_sales", "own_funds", "existing_loans", "other_funds", "working_assets",
                          "spontaneous_liabilities", "monthly_net_income"})
DAYS_PER_YEAR = Decimal(360)


@dataclass(frozen=True)
class Estimate:
    method: str  # working_capital | sales_percentage | monthly_income
    result: Decimal  # yuan; the new loan the company needs (or can carry)
    steps: tuple[tuple[str, Decimal], ...]  # (message key under calc., value) in computing order
    inputs: dict[str, Decimal]
    # where inputs not typed came from: "" (all typed) or "statements:<year>:<input,...>"
    # (turnover days from the financial quick check, rmdesk.services.fincheck)
    source: str = ""


def with_source(estimate: Estimate, source: str) -> Estimate:
    return replace(estimate, source=source)


def _number(data: Mapping[str, object], key: str, *, minimum: Decimal | None = Decimal(0),
            maximum: Decimal | None = None, default: Decimal | None = None) -> Decimal:
    raw = data.get(key)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if default is not None:
            return default
        raise ValidationError("error.required", f"calc.{key}")
    if isinstance(raw, float):
        raise TypeError("pass Decimal or text, not float")
    try:
        value = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError("error.amount_format", f"calc.{key}") from None
    if not value.is_finite():
        raise ValidationError("error.amount_format", f"calc.{key}")
    if minimum is not None and value < minimum:
        raise ValidationError("error.amount_negative", f"calc.{key}")
    if maximum is not None and value > maximum:
        raise ValidationError("error.out_of_range", f"calc.{key}", lo=minimum or 0, hi=maximum)
    return value


def _pct(value: Decimal) -> Decimal:
    return value / 100


def working_capital(data: Mapping[str, object]) -> Estimate:
    """营业周期法, as in the 2010 working-capital loan rules.

    turnover = 360 / (inventory + receivable − payable + prepayment − advance-receipt days)
    needed = last sales × (1 − last margin) × (1 + growth) / turnover
    new loan = needed − own funds − existing working-capital loans − other channels
    Percentages are given as percent (12.5 = 12.5 %)."""
    days = {k: _number(data, k) for k in ("inventory_days", "receivable_days", "payable_days",
                                          "prepayment_days", "advance_days")}
    sales = _number(data, "last_sales")
    margin = _number(data, "last_margin_pct", maximum=Decimal(100))
    growth = _number(data, "growth_pct", minimum=Decimal(-100))
    own = _number(data, "own_funds", default=Decimal(0))
    existing = _number(data, "existing_loans", default=Decimal(0))
    other = _number(data, "other_funds", default=Decimal(0))
    cycle = (days["inventory_days"] + days["receivable_days"] - days["payable_days"]
             + days["prepayment_days"] - days["advance_days"])
    if cycle <= 0:
        raise ValidationError("error.cycle_not_positive", "calc.inventory_days")
    turnover = DAYS_PER_YEAR / cycle
    needed = sales * (1 - _pct(margin)) * (1 + _pct(growth)) / turnover
    new_loan = needed - own - existing - other
    return Estimate("working_capital", _money(max(new_loan, Decimal(0))), (
        ("cycle_days", cycle),
        ("turnover_times", turnover.quantize(CENT, ROUND_HALF_UP)),
        ("wc_needed", _money(needed)),
        ("deductions", _money(own + existing + other)),
        ("new_loan", _money(new_loan)),
    ), {**days, "last_sales": sales, "last_margin_pct": margin, "growth_pct": growth, "own_funds": own,
        "existing_loans": existing, "other_funds": other})


def sales_percentage(data: Mapping[str, object]) -> Estimate:
    """销售百分比法: working assets and spontaneous liabilities move with sales.

    Δsales = sales × growth; need = (assets/sales − liabilities/sales) × Δsales
             − next year's sales × net margin × retention ratio."""
    sales = _number(data, "last_sales")
    if sales == 0:
        raise ValidationError("error.required", "calc.last_sales")
    growth = _number(data, "growth_pct", minimum=Decimal(-100))
    assets = _number(data, "working_assets")
    liabilities = _number(data, "spontaneous_liabilities")
    margin = _number(data, "net_margin_pct", minimum=Decimal(-100), maximum=Decimal(100))
    retention = _number(data, "retention_pct", maximum=Decimal(100))
    delta = sales * _pct(growth)
    next_sales = sales + delta
    asset_ratio = assets / sales
    liability_ratio = liabilities / sales
    retained = next_sales * _pct(margin) * _pct(retention)
    need = (asset_ratio - liability_ratio) * delta - retained
    return Estimate("sales_percentage", _money(max(need, Decimal(0))), (
        ("sales_increase", _money(delta)),
        ("asset_ratio_pct", (asset_ratio * 100).quantize(CENT, ROUND_HALF_UP)),
        ("liability_ratio_pct", (liability_ratio * 100).quantize(CENT, ROUND_HALF_UP)),
        ("retained_earnings", _money(retained)),
        ("new_loan", _money(need)),
    ), {"last_sales": sales, "growth_pct": growth, "working_assets": assets,
        "spontaneous_liabilities": liabilities, "net_margin_pct": margin, "retention_pct": retention})


def monthly_income(data: Mapping[str, object]) -> Estimate:
    """月收入净额倒推: the largest equal-instalment (等额本息) loan whose monthly payment
    fits the share of monthly net income set aside for repayment."""
    income = _number(data, "monthly_net_income")
    share = _number(data, "repayment_share_pct", maximum=Decimal(100), default=Decimal(100))
    rate = _number(data, "annual_rate_pct", maximum=Decimal(100))
    months = _number(data, "term_months", minimum=Decimal(1), maximum=Decimal(360))
    if months != months.to_integral_value():
        raise ValidationError("error.integer_format", "calc.term_months")
    payment = income * _pct(share)
    monthly_rate = _pct(rate) / 12
    if monthly_rate == 0:
        principal = payment * months
    else:
        principal = payment * (1 - (1 + monthly_rate) ** -int(months)) / monthly_rate
    return Estimate("monthly_income", _money(principal), (
        ("monthly_payment", _money(payment)),
        ("monthly_rate_pct", (monthly_rate * 100).quantize(Decimal("0.0001"), ROUND_HALF_UP)),
        ("new_loan", _money(principal)),
    ), {"monthly_net_income": income, "repayment_share_pct": share, "annual_rate_pct": rate,
        "term_months": months})


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


METHODS = {"working_capital": working_capital, "sales_percentage": sales_percentage,
           "monthly_income": monthly_income}


def estimate(method: str, data: Mapping[str, object]) -> Estimate:
    if method not in METHODS:
        raise ValidationError("error.not_in_list", "calc.method", value=method)
    return METHODS[method](data)
