"""The Chinese working calendar and the lunar calendar.

Working days follow the State Council's holiday schedule as published in the
`chinese-calendar` package: public holidays are days off, and the official make-up
working days (调休, often a Saturday or Sunday) are working days. The package only
knows the years the State Council has announced; beyond them (`is_covered(year)` is
False) a working day is simply Monday to Friday, and callers say so to the user.

Lunar dates (农历) convert with `lunardate`: a lunar birthday or festival becomes the
solar date it falls on in a given lunar year. A birthday in a leap month (闰月) is
kept in the ordinary month of that number in years without that leap month, and a
30th day falls back to the 29th in a month that has only 29 days.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache

import chinese_calendar
from lunardate import LunarDate


@cache
@cache
def coverage() -> tuple[int, int]:
    """First and last year whose holidays and make-up days the package knows."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return min(years), max(years)


def is_covered(year: int) -> bool:
    first, last = coverage()
    return first <= year <= last


@lru_cache(maxsize=8192)  # pure: the due list asks about the same days for thousands of clients
def is_working_day(day: date) -> bool:
    if not is_covered(day.year):
        return day.weekday() < 5
    return chinese_calendar.is_workday(day)


def is_make_up_day(day: date) -> bool:
    """An official make-up working day (调休上班) on a weekend."""
    return is_covered(day.year) and day.weekday() >= 5 and chinese_calendar.is_workday(day)


@lru_cache(maxsize=4096)
def holiday_name(day: date) -> str | None:
    """The key of the public holiday on `day` (e.g. 'spring_festival', 'national_day'; labels
    under label.holiday in messages.toml), if any."""
    if not is_covered(day.year):
        return None
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if not on_holiday or not name:
        return None
    keys = {h.value: h.name for h in chinese_calendar.Holiday}
    return keys.get(str(name), str(name))


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
