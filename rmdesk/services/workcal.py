"""The Chinese working calendar and the lunar calendar.

Working days follow the State Council's holiday schedule as published in the
`chinese-calendar` package: public holidays are days off, and the official make-up
working days (调休, often a Saturday or Sunday) are working days. The package only
knows the years the State Council had announced when it was released; for a later year
the RM enters the notice (国务院办公厅关于某年部分节假日安排的通知) in the app: the days are
stored with the data (table calendar_days, so they go into every backup) and a year
with an entered notice follows it instead of the package. A year that neither knows
(`is_covered(year)` is False) counts Monday to Friday as working days, and callers say
so to the user (`uncovered_years`).

The entered notice is module state, loaded from a store by `load(store)`: every service
that asks about working days for a store calls it first (one small query).

Lunar dates (农历) convert with `lunardate`: a lunar birthday or festival becomes the
solar date it falls on in a given lunar year. A birthday in a leap month (闰月) is
kept in the ordinary month of that number in years without that leap month, and a
30th day falls back to the 29th in a month that has only 29 days.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

import chinese_calendar
from lunardate import LunarDate
from sqlalchemy import delete, select

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.store.engine import Store
from rmdesk.store.models import CalendarDay

# The holidays of a State Council notice, in the order it lists them (label.holiday keys).
NOTICE_HOLIDAYS = ("new_years_day", "spring_festival", "tomb_sweeping_day", "labour_day",
                   "dragon_boat_festival", "mid_autumn_festival", "national_day")
MAX_HOLIDAY_DAYS = 15  # the longest run of days off a notice has given is 8 (or 9 with a weekend)
COMING_DAYS = 92  # "the coming months" that must be covered, or the user is warned

# The entered notices: day -> (off, holiday key); the years they cover.
_entered: dict[date, tuple[bool, str | None]] = {}
_entered_years: frozenset[int] = frozenset()


@cache
def coverage() -> tuple[int, int]:
    """First and last year whose holidays and make-up days the package knows."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return min(years), max(years)


def _package_covers(year: int) -> bool:
    first, last = coverage()
    return first <= year <= last


def is_covered(year: int) -> bool:
    """True when the year's holidays are known: from the package or an entered notice."""
    return year in _entered_years or _package_covers(year)


def entered_years() -> frozenset[int]:
    return _entered_years


def install(days: Mapping[date, tuple[bool, str | None]], years: Sequence[int]) -> None:
    """Use these entered notice days (as `load` reads them from a store)."""
    global _entered, _entered_years
    new_years = frozenset(years)
    if dict(days) == _entered and new_years == _entered_years:
        return
    _entered, _entered_years = dict(days), new_years
    is_working_day.cache_clear()
    holiday_name.cache_clear()


def load(store: Store) -> None:
    """Install the notices entered in `store`."""
    with store.read() as s:
        rows = list(s.execute(select(CalendarDay.day, CalendarDay.off, CalendarDay.holiday, CalendarDay.notice_year)))
    install({d: (bool(off), key) for d, off, key, _y in rows}, [y for *_, y in rows])


@lru_cache(maxsize=8192)  # the due list asks about the same days for thousands of clients
def is_working_day(day: date) -> bool:
    entered = _entered.get(day)
    if entered is not None:
        return not entered[0]
    if day.year in _entered_years or not _package_covers(day.year):
        return day.weekday() < 5
    return chinese_calendar.is_workday(day)


def is_make_up_day(day: date) -> bool:
    """An official make-up working day (调休上班) on a weekend."""
    return is_covered(day.year) and day.weekday() >= 5 and is_working_day(day)


@lru_cache(maxsize=4096)
def holiday_name(day: date) -> str | None:
    """The key of the public holiday on `day` (e.g. 'spring_festival', 'national_day'; labels
    under label.holiday in messages.toml), if any."""
    entered = _entered.get(day)
    if entered is not None:
        return entered[1] if entered[0] else None
    if day.year in _entered_years or not _package_covers(day.year):
        return None
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if not on_holiday or not name:
        return None
    keys = {h.value: h.name for h in chinese_calendar.Holiday}
    return keys.get(str(name), str(name))


def uncovered_years(first: date, last: date) -> list[int]:
    """The years touching [first, last] whose holidays are not known."""
    return [y for y in range(first.year, last.year + 1) if not is_covered(y)]


def coming_gap(store: Store, days: int = COMING_DAYS) -> list[int]:
    """Years of the coming `days` (from today) without holiday data: warn the user."""
    load(store)
    today = clock.today()
    return uncovered_years(today, today + timedelta(days=days))


# ---- the RM's own holiday notice ----------------------------------------------------


@dataclass(frozen=True)
class Notice:
    year: int
    holidays: tuple[tuple[str, date, date], ...]  # (holiday key, first day off, last day off)
    workdays: tuple[date, ...]  # make-up working days (调休上班)
    entered: bool  # False: read from the package (or empty), not entered by the RM


def _runs(days: list[tuple[date, str | None]]) -> list[tuple[str, date, date]]:
    runs: list[list] = []
    for day, key in sorted(days, key=lambda x: x[0]):
        if runs and runs[-1][0] == key and (day - runs[-1][2]).days <= 3:
            runs[-1][2] = day
        else:
            runs.append([key or "", day, day])
    return [(k, a, b) for k, a, b in runs]


def notice(store: Store, year: int) -> Notice:
    """The year's notice as entered, else as the package has it (to start a correction from)."""
    load(store)
    if year in _entered_years:
        with store.read() as s:
            rows = list(s.execute(select(CalendarDay.day, CalendarDay.off, CalendarDay.holiday)
                                  .where(CalendarDay.notice_year == year)))
        off = [(d, k) for d, o, k in rows if o]
        return Notice(year, tuple(_runs(off)), tuple(sorted(d for d, o, _k in rows if not o)), True)
    if not _package_covers(year):
        return Notice(year, (), (), False)
    every = [date(year, 1, 1) + timedelta(days=i) for i in range((date(year, 12, 31) - date(year, 1, 1)).days + 1)]
    off = [(d, holiday_name(d)) for d in every if holiday_name(d)]
    work = [d for d in every if d.weekday() >= 5 and chinese_calendar.is_workday(d)]
    return Notice(year, tuple(_runs(off)), tuple(work), False)


def _notice_day(value: object, year: int, field: str) -> date:
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError("error.date_format", field) from None
    # A notice may start the New Year holiday or a make-up day in the December before.
    if not date(year - 1, 12, 1) <= day <= date(year, 12, 31):
        raise ValidationError("error.notice_day_outside_year", field, day=day.isoformat(), year=year)
    return day


def save_notice(store: Store, year: int, holidays: Sequence[tuple[str, object, object]],
                workdays: Sequence[object]) -> int:
    """Enter (or replace) the year's State Council notice: each holiday as its key and its
    first and last day off, and the make-up working days. Nothing entered for the year
    removes the entry (the package's data, if any, counts again). Returns the days stored."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError("error.notice_year", "notice_year") from None
    if not 2000 <= year <= 2100:
        raise ValidationError("error.notice_year", "notice_year")
    days: dict[date, tuple[bool, str | None]] = {}
    for key, first_raw, last_raw in holidays:
        if key not in NOTICE_HOLIDAYS and key != "anti_fascist_70th_day":
            raise ValidationError("error.not_in_list", "holiday", value=key)
        first = _notice_day(first_raw, year, "holiday")
        last = _notice_day(last_raw or first_raw, year, "holiday")
        if last < first:
            raise ValidationError("error.notice_range", "holiday", first=first.isoformat(), last=last.isoformat())
        if (last - first).days + 1 > MAX_HOLIDAY_DAYS:
            raise ValidationError("error.notice_too_long", "holiday", first=first.isoformat(),
                                  last=last.isoformat(), n=MAX_HOLIDAY_DAYS)
        day = first
        while day <= last:
            if day in days:
                raise ValidationError("error.notice_overlap", "holiday", day=day.isoformat())
            days[day] = (True, key)
            day += timedelta(days=1)
    for raw in workdays:
        day = _notice_day(raw, year, "make_up_day")
        if day in days:
            raise ValidationError("error.notice_overlap", "make_up_day", day=day.isoformat())
        if day.weekday() < 5:
            raise ValidationError("error.make_up_on_weekday", "make_up_day", day=day.isoformat())
        days[day] = (False, None)
    now = clock.now()
    with store.write() as s:
        s.execute(delete(CalendarDay).where(CalendarDay.notice_year == year))
        taken = set(s.scalars(select(CalendarDay.day).where(CalendarDay.day.in_(list(days))))) if days else set()
        if taken:
            raise ValidationError("error.notice_overlap", "holiday", day=min(taken).isoformat())
        s.add_all(CalendarDay(day=d, notice_year=year, off=off, holiday=key, entered_at=now)
                  for d, (off, key) in sorted(days.items()))
    load(store)
    return len(days)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def working_days_between(first: date, last: date) -> int:
    """Working days in [first, last]."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


# ---- lunar calendar ---------------------------------------------------------------


@lru_cache(maxsize=65536)  # lunardate walks the months from 1900: keep what it found
def to_lunar(day: date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, is leap month) of a solar date."""
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    return lunar.year, lunar.month, lunar.day, bool(lunar.is_leap_month)


@lru_cache(maxsize=65536)
def lunar_to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date:
    """The solar date of lunar `month`/`day` in `lunar_year`. A leap month the year does not
    have falls back to the ordinary month; day 30 of a 29-day month falls back to the 29th."""
    if leap and LunarDate.leap_month_for_year(lunar_year) != month:
        leap = False
    for d in range(day, 0, -1):
        try:
            return LunarDate(lunar_year, month, d, leap).to_solar_date()
        except ValueError:
            continue
    raise ValueError(f"no lunar date {lunar_year}-{month}-{day}")


def lunar_anniversaries(born: date, first: date, last: date) -> list[date]:
    """Solar dates in [first, last] on which the lunar birthday of someone born on the
    solar date `born` falls (usually one; none or two in odd windows)."""
    _, month, day, leap = to_lunar(born)
    out = []
    for lunar_year in range(first.year - 1, last.year + 1):
        try:
            solar = lunar_to_solar(lunar_year, month, day, leap)
        except ValueError:  # beyond the package's range (1900-2099)
            continue
        if first <= solar <= last and solar > born:
            out.append(solar)
    return out


def solar_anniversaries(born: date, first: date, last: date) -> list[date]:
    """Solar dates in [first, last] on the month/day of `born` (29 February -> 28 February)."""
    out = []
    for year in range(first.year, last.year + 1):
        try:
            this = born.replace(year=year)
        except ValueError:
            this = date(year, 2, 28)
        if first <= this <= last and this > born:
            out.append(this)
    return out


FESTIVALS = {"spring_festival": (1, 1), "mid_autumn": (8, 15)}


def festival_dates(key: str, first: date, last: date) -> list[date]:
    """Solar dates in [first, last] of a lunar festival in FESTIVALS."""
    month, day = FESTIVALS[key]
    out = []
    for lunar_year in range(first.year - 1, last.year + 1):
        try:
            solar = lunar_to_solar(lunar_year, month, day)
        except ValueError:
            continue
        if first <= solar <= last:
            out.append(solar)
    return out
