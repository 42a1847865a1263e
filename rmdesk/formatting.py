"""How numbers and dates are shown: 万元/亿元 in Chinese, plain thousands in English."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

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


def usd(amount: Decimal, lang: str) -> str:
    """A US-dollar amount for display: zh_CN 2,851.04万美元; en USD 28,510,400."""
    if lang == "zh_CN":
        return f"{(amount / WAN).quantize(Decimal('0.01'), ROUND_HALF_UP):,}万美元"
    return f"USD {amount.quantize(Decimal('1'), ROUND_HALF_UP):,}"


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


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` safe for a terminal or a one-line cell: control characters (ESC, a lone CR,
    C1) shown as \\xNN instead of acting; a newline or tab kept only as a space."""
    text = text.replace("\n", " ").replace("\t", " ")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# ---------------------------------------------------------------- phone numbers

_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_CN_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_TRAILING_EXTENSION = re.compile(r"^(.*\d)\s*-\s*(\d{1,6})$")  # 021-12345678-801
# Without a country code a number is read as Chinese, then as Hong Kong (8 digits, no area code).
PHONE_REGIONS = ("CN", "HK")


@lru_cache(maxsize=65536)  # an import checks each number, then stores its form: parse once
def normalise_phone(text: str | None) -> str | None:
    """A phone number as typed, in E.164 form with its extension (RFC 3966 style):
    13812345678 -> +8613812345678, 010-88886666 转 123 -> +861088886666;ext=123,
    +853 2882 3456 -> +85328823456. None when the text is not a valid number."""
    import phonenumbers

    text = (text or "").strip()
    if not text:
        return None
    mobile = _CN_MOBILE.fullmatch(re.sub(r"[\s\-()]", "", text))
    if mobile:  # the common case, without the library's parse (10x faster on a big import)
        return "+86" + mobile.group(1)
    main, extension = text, None
    found = _EXTENSION.search(text)
    if found:
        main, extension = text[:found.start()], found.group(1)
    candidates = [(main, extension)]
    trailing = _TRAILING_EXTENSION.match(main) if extension is None else None
    if trailing:
        candidates.append((trailing.group(1), trailing.group(2)))
    for number_text, ext in candidates:
        for region in PHONE_REGIONS:
            try:
                number = phonenumbers.parse(number_text, region)
            except phonenumbers.NumberParseException:
                break
            if phonenumbers.is_valid_number(number):
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                ext = ext or number.extension
                return f"{e164};ext={ext}" if ext else e164
            if number_text.lstrip().startswith("+"):
                break  # a country code was given: no other region to try
    return None
