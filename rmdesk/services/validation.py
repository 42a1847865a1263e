"""Validators at the service boundary. Each returns the cleaned value or raises
ValidationError(key, field) — the key is a message in resources/i18n/messages.toml."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from rmdesk.errors import ValidationError
from rmdesk.formatting import normalise_phone

# GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters from this
# 31-character alphabet (no I, O, S, V, Z); the last is a check character.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_INDEX = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}

_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(?:\+?86-?)?0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$")
_HONG_KONG = re.compile(r"^(?:\+?852-?)?[2-9]\d{7}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")

MAX_AMOUNT = Decimal("1e15")  # 1,000 万亿 yuan: beyond any single client's figure


def credit_code_check_char(first17: str) -> str:
    total = sum(_CREDIT_INDEX[ch] * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


# What a spreadsheet makes of a code it took for a number: 913101158900282E09 is read as
# 913101158900282 x 10^9 and saved as 9.13101158900282E+23 (or all its digits).
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$")


def credit_code(value: object, field: str = "credit_code") -> str | None:
    """Normalise (trim, upper-case, NFKC) and check format and check digit; empty -> None.
    A code a spreadsheet turned into a number is recognised and explained."""
    raw = str(value or "").strip()
    text = _nfkc(value).strip().upper().replace(" ", "")
    if not text:
        return None
    if len(text) != 18 and (_SCIENTIFIC.match(text) or (text.isdigit() and len(text) > 18)):
        guesses = unmangle_credit_code(text)
        if len(guesses) == 1:
            raise ValidationError("files.credit_code_mangled_guess", field, value=raw, code=guesses[0])
        raise ValidationError("files.credit_code_mangled", field, value=raw)
    if len(text) != 18:
        raise ValidationError("error.credit_code_length", field, length=len(text))
    if any(ch not in _CREDIT_INDEX for ch in text):
        raise ValidationError("error.credit_code_chars", field)
    if credit_code_check_char(text[:17]) != text[17]:
        raise ValidationError("error.credit_code_check", field)
    return text


# C0 and C1 control characters (ESC, a lone CR, NUL, ...) never reach the store: a
# terminal, an .ics line, a CSV cell or a PDF would take them as commands or line ends.
# Tabs and newlines stay in multi-line texts (notes); a one-line field (under 1,000
# characters: names, places, titles) gets a space for them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_BREAKS = re.compile(r"[\t\n]")
MULTILINE_FROM = 1000


def clean_text(text: str, multiline: bool) -> str:
    """`text` without control characters (CR LF and a lone CR become LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not multiline:
        text = _LINE_BREAKS.sub(" ", text)
    return text


def _nfkc(value: object) -> str:
    """Full-width digits, letters and signs (１３９, ＡＢ, －) as their plain forms."""
    return unicodedata.normalize("NFKC", clean_text(str(value or ""), False))


def unmangle_credit_code(number: str) -> list[str]:
    """The codes of the form digits E digits (18 characters, valid check character) that a
    spreadsheet would read as this number; empty when the number lost digits (fewer than 12
    significant ones were kept, as Excel's CSV does with 9.13101E+23)."""
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(number.replace(",", "."))
    except InvalidOperation:
        return []
    if not value.is_finite() or value <= 0:
        return []
    sign, digits, exponent = value.normalize().as_tuple()
    significant = "".join(map(str, digits))
    if len(significant) < 12 or not isinstance(exponent, int):
        return []
    found = []
    for k in range(len(significant), 17):  # k characters before the E, 17 - k after it
        zeros = k - len(significant)
        power = exponent - zeros
        if power < 0 or len(str(power)) > 17 - k:
            continue
        code = significant + "0" * zeros + "E" + str(power).rjust(17 - k, "0")
        if credit_code_check_char(code[:17]) == code[17]:
            found.append(code)
    return found


def required_text(value: object, field: str, max_len: int) -> str:
    text = clean_text(str(value or ""), max_len >= MULTILINE_FROM).strip()
    if not text:
        raise ValidationError("error.required", field)
    if len(text) > max_len:
        raise ValidationError("error.too_long", field, max=max_len)
    return text


def optional_text(value: object, field: str, max_len: int) -> str | None:
    text = clean_text(str(value or ""), max_len >= MULTILINE_FROM).strip()
    if len(text) > max_len:
        raise ValidationError("error.too_long", field, max=max_len)
    return text or None


def phone(value: object, field: str = "phone") -> str | None:
    text = _nfkc(value).strip()
    if not text:
        return None
    if len(text) > 32:
        raise ValidationError("error.too_long", field, max=32)
    if normalise_phone(text) is not None:  # any country's number, China's by default
        return text
    # Chinese numbers the metadata does not know yet (a 7-digit landline of an area that
    # moved to 8 digits): accepted as typed, without a normalised form.
    compact = re.sub(r"[\s()]", "", text)
    if not (_MOBILE.match(compact.replace("-", "")) or _LANDLINE.match(compact) or _HONG_KONG.match(compact)):
        raise ValidationError("files.phone_format", field, value=text)
    return text


def email(value: object, field: str = "email") -> str | None:
    text = _nfkc(value).strip()
    if not text:
        return None
    if len(text) > 120 or not _EMAIL.match(text):
        raise ValidationError("error.email_format", field)
    return text


def to_date(value: object, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError("error.date_format", field) from None


def birthday(value: object, today: date | None = None, field: str = "birthday") -> date | None:
    day = to_date(value, field)
    if day is None:
        return None
    if day > (today or date.today()):
        raise ValidationError("error.birthday_future", field)
    if day.year < 1900:
        raise ValidationError("error.birthday_too_old", field)
    return day


def amount(value: object, field: str = "amount", required: bool = False) -> Decimal | None:
    """A non-negative money amount in yuan with at most two decimals."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("error.required", field)
        return None
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass Decimal or text")
    text = _nfkc(value).strip().replace(",", "").replace("，", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError("error.amount_format", field) from None
    if not number.is_finite():
        raise ValidationError("error.amount_format", field)
    if number < 0:
        raise ValidationError("error.amount_negative", field)
    if number >= MAX_AMOUNT:
        raise ValidationError("error.amount_too_large", field)
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError("error.amount_decimals", field)
    return number.quantize(Decimal("0.01"))


def choice(value: object, allowed: tuple[str, ...], field: str, required: bool = False) -> str | None:
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValidationError("error.required", field)
        return None
    if text not in allowed:
        raise ValidationError("error.not_in_list", field, value=text)
    return text


def int_range(value: object, lo: int, hi: int, field: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError("error.integer_format", field) from None
    if not lo <= number <= hi:
        raise ValidationError("error.out_of_range", field, lo=lo, hi=hi)
    return number
