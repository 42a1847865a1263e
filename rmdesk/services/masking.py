"""Masking of sensitive fields in printed and exported documents (a setting).

Phone numbers keep their first 3 and last 4 digits (138****8000), e-mail addresses
their first character and domain (w***@example.com), identity, credit-code and
account numbers their first 4 and last 4 characters. The store always keeps the
full values; masking applies to the data the services hand to a PDF or an export.
"""

from __future__ import annotations

import json
import re

from rmdesk.store.engine import Store
from rmdesk.store.models import Setting

KEY = "mask_sensitive"


def enabled(store: Store) -> bool:
    with store.read() as s:
        row = s.get(Setting, KEY)
        return bool(json.loads(row.value)) if row else False


def set_enabled(store: Store, on: bool) -> None:
    with store.write() as s:
        s.merge(Setting(key=KEY, value=json.dumps(bool(on))))


def phone(text: str | None) -> str | None:
    if not text:
        return text
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) < 7:
        return re.sub(r"\d", "*", text)
    hidden = set(digits[3:-4])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


def email(text: str | None) -> str | None:
    if not text or "@" not in text:
        return text
    local, domain = text.split("@", 1)
    return f"{local[:1]}***@{domain}"


def number(text: str | None) -> str | None:
    """ID, credit-code and account numbers: first 4 and last 4 kept."""
    if not text:
        return text
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


# Export columns that are masked, by kind of value.
EXPORT_MASKS = {"contact_phone": phone, "contact_email": email, "credit_code": number, "other_credit_code": number}
