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


def _parts(rule: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in rule.split(";") if "=" in p)


# Parts that only limit how often a rule runs; with nothing else, a MONTHLY or YEARLY rule
# steps by calendar months (clamped to the month's end) instead of by rrule's day matching.
_PLAIN_PARTS = {"FREQ", "INTERVAL", "WKST"}


def _month_step(rule: str) -> int | None:
    """Months per step of a plain monthly or yearly rule, else None (rrule decides)."""
    parts = _parts(rule)
    if set(parts) - _PLAIN_PARTS or parts.get("FREQ") not in ("MONTHLY", "YEARLY"):
        return None
    months = int(parts.get("INTERVAL", "1") or 1)
    return months * 12 if parts["FREQ"] == "YEARLY" else months


@lru_cache(maxsize=16384)  # pure; many clients share a rule and a last-contact day
def next_occurrence(rule: str, after: date) -> date:
    """The first day after `after` on which the rule (started at `after`) falls.

    A plain "every N months/years" rule steps by calendar months with dateutil's
    relativedelta, so a contact on a month's last day is due on the last day of the month
    N months on (31 January + 1 month = 28 February, 29 February 2024 + 1 year =
    28 February 2025). RFC 5545's own expansion would skip months that lack the day
    (31 January -> 31 March). Rules with BYxxx parts ("on the 15th", "on Mondays",
    BYMONTHDAY=-1 for the month's last day) follow rrule exactly."""
    months = _month_step(rule)
    if months is not None:
        return after + relativedelta(months=months)
    start = datetime.combine(after, datetime.min.time())
    found = rrulestr(rule, dtstart=start).after(start)
    if found is None:  # a COUNT/UNTIL rule that has run out: fall back to a year on
        return after + relativedelta(years=1)
    return found.date()


def occurrences(rule: str, first: date, until: date) -> list[date]:
    """`first` and the rule's following days before `until`, each step counted from `first`
    (so month-end clamping does not drift: 31 Jan, 30 Apr, 31 Jul, 31 Oct, not 30 Jul)."""
    months = _month_step(rule)
    out: list[date] = []
    if months is not None:
        n = 0
        while (day := first + relativedelta(months=months * n)) < until:
            out.append(day)
            n += 1
        return out
    day = first
    while day < until:
        out.append(day)
        day = next_occurrence(rule, day)
    return out


def describe(rule: str, lang: str | None = None) -> str:
    """A short human text for the common rules ("every 2 weeks"), else the rule itself."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    if set(parts) - {"FREQ", "INTERVAL"}:
        return rule
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[parts["FREQ"]]
    return i18n.message(f"cadence.every_{unit}", lang, n=int(parts.get("INTERVAL", "1")))
