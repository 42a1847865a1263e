"""Settings kept with the data: the RM profile printed on plans, goals, reminders, the book's
rules. Stored as JSON per key in the settings table.

On a team database the RMs share one book but not one person: each RM keeps their own profile
(name, phone, e-mail on the call plans), targets, daily goal and reminder lead times, stored
under the key with their login ("profile@lina"). The book's own rules (tier scheme, stale
days, masking, the book id) stay one row for the whole team. An RM who has not saved a profile
on the team database gets their name from the team (`rmdesk team add-rm --name`), never a
colleague's name or phone."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from rmdesk.errors import ValidationError
from rmdesk.services import validation as v
from rmdesk.store.engine import Store
from rmdesk.store.models import Setting, TeamMember

# Each RM's own on a team database (see the module's text); every other key is the book's.
PERSONAL = frozenset({"profile", "targets", "daily_activities", "reminder_days", "calendar_alarm_minutes"})


def _login(s: Session) -> str | None:
    """The server login of a team database; None for the local book."""
    bind = s.get_bind()
    return None if bind.dialect.name == "sqlite" else bind.url.username


def stored_key(s: Session, key: str) -> str:
    """The settings row of `key` for whoever is signed in (PERSONAL keys carry the login)."""
    login = _login(s) if key in PERSONAL else None
    return f"{key}@{login}" if login else key


def read_json(s: Session, key: str, default=None):
    """The setting `key` as saved (JSON), else `default`."""
    row = s.get(Setting, stored_key(s, key))
    return json.loads(row.value) if row is not None else default


def write_json(s: Session, key: str, value) -> None:
    s.merge(Setting(key=stored_key(s, key), value=json.dumps(value, ensure_ascii=False)))


@dataclass(frozen=True)
class Profile:
    rm_name: str = ""
    bank: str = ""
    branch: str = ""
    phone: str = ""
    email: str = ""
    # Zone of the naive local times in the store (see store/models.py).
    timezone: str = "Asia/Shanghai"


def get_profile(store: Store) -> Profile:
    with store.read() as s:
        data = read_json(s, "profile")
        if data is None and (login := _login(s)):  # an RM's first start on the team database
            member = s.get(TeamMember, login)  # None: a login outside the team (e.g. its admin)
            data = {"rm_name": member.name} if member is not None else None
        data = data or {}
    known = {k: str(data[k]) for k in Profile.__dataclass_fields__ if k in data}
    return Profile(**known)


def save_profile(store: Store, changes: Mapping[str, object]) -> Profile:
    current = asdict(get_profile(store))
    cleaners = {
        "rm_name": lambda x: v.optional_text(x, "owner", 64) or "",
        "bank": lambda x: v.optional_text(x, "bank_name", 100) or "",
        "branch": lambda x: v.optional_text(x, "branch", 100) or "",
        "phone": lambda x: v.phone(x) or "",
        "email": lambda x: v.email(x) or "",
        "timezone": lambda x: v.optional_text(x, "timezone", 64) or "Asia/Shanghai",
    }
    for key, value in changes.items():
        if key not in cleaners:
            raise ValidationError("error.unknown_field", key)
        current[key] = cleaners[key](value)
    with store.write() as s:
        write_json(s, "profile", current)
    return Profile(**current)


# How long a client may sit in a step before its card is marked stale (days; 0 = never).
DEFAULT_STALE_DAYS = {1: 30, 2: 21, 3: 30, 4: 21, 5: 30, 6: 0}


def get_stale_days(store: Store) -> dict[int, int]:
    with store.read() as s:
        saved = read_json(s, "stale_days", {})
    return {step: int(saved.get(str(step), default)) for step, default in DEFAULT_STALE_DAYS.items()}


def save_stale_days(store: Store, days: Mapping[int, object]) -> dict[int, int]:
    current = get_stale_days(store)
    for step, value in days.items():
        if step not in current:
            raise ValidationError("error.out_of_range", "step", lo=1, hi=6)
        current[step] = v.int_range(value, 0, 3650, "stale_days") or 0
    with store.write() as s:
        write_json(s, "stale_days", {str(k): n for k, n in current.items()})
    return current


# Personal-care reminders (birthdays, anniversaries, festivals) show this many days ahead.
DEFAULT_REMINDER_DAYS = 7


def get_int(store: Store, key: str, default: int) -> int:
    """A whole-number setting (its key is also the field named in messages)."""
    with store.read() as s:
        return int(read_json(s, key, default))


def save_int(store: Store, key: str, value: object, lo: int, hi: int) -> int:
    number = v.int_range(value, lo, hi, key)
    if number is None:
        raise ValidationError("error.required", key)
    with store.write() as s:
        write_json(s, key, number)
    return number


def get_reminder_days(store: Store) -> int:
    return get_int(store, "reminder_days", DEFAULT_REMINDER_DAYS)


def save_reminder_days(store: Store, days: object) -> int:
    return save_int(store, "reminder_days", days, 1, 90)


# The calendar export's reminder (a VALARM) this many minutes before each visit; 0: none.
DEFAULT_CALENDAR_ALARM_MINUTES = 30


def get_calendar_alarm_minutes(store: Store) -> int:
    return get_int(store, "calendar_alarm_minutes", DEFAULT_CALENDAR_ALARM_MINUTES)


def save_calendar_alarm_minutes(store: Store, minutes: object) -> int:
    """Set the reminder lead time (0 to 7 days in minutes; 0 = no reminder)."""
    number = v.int_range(minutes, 0, 7 * 24 * 60, "calendar_alarm_minutes")
    if number is None:
        raise ValidationError("error.required", "calendar_alarm_minutes")
    with store.write() as s:
        write_json(s, "calendar_alarm_minutes", number)
    return number


def get_book_id(store: Store) -> str:
    """The book's id, made once with the store (migration 0012) and kept by its backups:
    it makes the calendar UIDs of this book unique among all books."""
    with store.read() as s:
        row = s.get(Setting, "book_id")
        if row is not None:
            return str(json.loads(row.value))
    import uuid

    with store.write() as s:  # a store that lost it: a new one, made once
        row = s.get(Setting, "book_id")
        if row is None:
            row = Setting(key="book_id", value=json.dumps(uuid.uuid4().hex))
            s.add(row)
        return str(json.loads(row.value))
