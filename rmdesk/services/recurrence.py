"""Recurrence rules as rmdesk uses them for cadences: RFC 5545 RRULE text (python-
dateutil's rrulestr) checked, stepped and described. Pure functions, no store."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from rmdesk import i18n
from rmdesk.errors import ValidationError

ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


def validate_rule(text: object, field: str = "cadence") -> str:
    """A recurrence rule as text, normalised (upper case, no spaces, no RRULE: prefix)."""
    rule = str(text or "").strip().upper().replace(" ", "")
    if rule.startswith("RRULE:"):
        rule = rule[6:]
    if not rule:
        raise ValidationError("error.required", field)
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    if parts.get("FREQ") not in ALLOWED_FREQ or "DTSTART" in rule:
        raise ValidationError("error.cadence_invalid", field, rule=rule)
    try:
        start = datetime(2026, 1, 1)
        nxt = rrulestr(rule, dtstart=start).after(start)
    except (ValueError, TypeError):
        raise ValidationError("error.cadence_invalid", field, rule=rule) from None
    if nxt is None or nxt > start + relativedelta(years=5):
        raise ValidationError("error.cadence_invalid", field, rule=rule)
    return rule


@lru_cache(maxsize=16384)  # pure; many clients share a rule and a last-contact day
def next_occurrence(rule: str, after: date) -> date:
    """The first day after `after` on which the rule (started at `after`) falls."""
    start = datetime.combine(after, datetime.min.time())
    found = rrulestr(rule, dtstart=start).after(start)
    if found is None:  # a COUNT/UNTIL rule that has run out: fall back to a year on
        return after + relativedelta(years=1)
    return found.date()


def describe(rule: str, lang: str | None = None) -> str:
    """A short human text for the common rules ("every 2 weeks"), else the rule itself."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    if set(parts) - {"FREQ", "INTERVAL"}:
        return rule
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[parts["FREQ"]]
    return i18n.message(f"cadence.every_{unit}", lang, n=int(parts.get("INTERVAL", "1")))
