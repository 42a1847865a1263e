"""How numbers and dates are shown: 万元/亿元 in Chinese, plain thousands in English."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

WAN = Decimal(10_000)
YI = Decimal(100_000_000)


def money(amount: Decimal | None, lang: str) -> str:
    """A yuan amount for display: zh_CN 1,234.56万元 or 12.35亿元; en 12,345,600."""
    if amount is None:
        return ""
    if lang == "zh_CN":
        if abs(amount) >= YI:
            return f"{(amount / YI).quantize(Decimal('0.01'), ROUND_HALF_UP):,}亿元"
        return f"{(amount / WAN).quantize(Decimal('0.01'), ROUND_HALF_UP):,}万元"
    return f"{amount.quantize(Decimal('1'), ROUND_HALF_UP):,}"


def day(value: date | datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def minute(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def input_unit_factor(lang: str) -> Decimal:
    """Amount fields take 万元 in Chinese (how RMs think) and plain CNY in English."""
    return WAN if lang == "zh_CN" else Decimal(1)


def input_unit_caption(caption: str, lang: str) -> str:
    """A money field's label with the unit it takes: 金额（万元） / Amount (CNY)."""
    return caption + ("（万元）" if lang == "zh_CN" else " (CNY)")


def plain(value: Decimal) -> str:
    """A Decimal as plain digits for an input field: never 5.2E+4, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text


def yuan_to_input(amount: Decimal | None, lang: str) -> str:
    """A yuan amount as the text of a money input field (in the input unit)."""
    return "" if amount is None else plain(amount / input_unit_factor(lang))


def input_amount_to_yuan(text: str, lang: str) -> str:
    """Typed amount (in the input unit) to yuan text for the services; text that is not a
    number is passed on unchanged so the service reports it in the user's language."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        return text
    if not value.is_finite():
        return text
    return plain(value * input_unit_factor(lang))
