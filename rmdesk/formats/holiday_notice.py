"""A State Council holiday notice as a small text file the RM can type or copy from the
notice (UTF-8, one line per holiday or make-up working day; `#` starts a comment):

    # 国务院办公厅关于2027年部分节假日安排的通知
    元旦      2027-01-01 2027-01-03
    春节      2027-02-06 至 2027-02-13
    班        2027-02-14 2027-02-20
    National Day, 2027-10-01, 2027-10-07
    work      2027-09-26

A holiday line names the holiday (Chinese or English name, or its key) and its first and
last day off (one day: the first only). A make-up line starts with 班 / 上班 / 调休上班 /
work / workday and lists the make-up working days. Dates are 2027-01-01, 2027/1/1,
2027.1.1 or 2027年1月1日; a range may be written with 至, ~, –, -- or "..". The year is
a line `2027` / `2027年` / `year 2027`, else the year most holidays start in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from rmdesk import i18n
from rmdesk.errors import ValidationError

HOLIDAY_KEYS = ("new_years_day", "spring_festival", "tomb_sweeping_day", "labour_day",
                "dragon_boat_festival", "mid_autumn_festival", "national_day", "anti_fascist_70th_day")
WORK_WORDS = {"班", "上班", "调休", "调休上班", "补班", "work", "workday", "workdays", "make-up", "makeup"}
# Short Chinese names people write besides the labels (清明 for 清明节, 五一 for 劳动节 ...).
ALIASES = {"清明": "tomb_sweeping_day", "五一": "labour_day", "端午": "dragon_boat_festival",
           "中秋": "mid_autumn_festival", "国庆": "national_day", "十一": "national_day",
           "新年": "new_years_day", "春节假期": "spring_festival", "国庆节、中秋节": "national_day",
           "中秋节、国庆节": "national_day"}
_DATE = re.compile(r"(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"^(?:year\s*)?(\d{4})\s*年?$", re.IGNORECASE)
MAX_BYTES = 64 * 1024  # a notice is a dozen lines


@dataclass(frozen=True)
class ParsedNotice:
    year: int
    holidays: tuple[tuple[str, date, date], ...]
    workdays: tuple[date, ...]


def _holiday_key(word: str) -> str | None:
    clean = word.strip().strip(":：,，;；").strip()
    low = clean.lower()
    for key in HOLIDAY_KEYS:
        if low in (key, i18n.label("holiday", key, "en").lower(), i18n.label("holiday", key, "zh_CN")):
            return key
    return ALIASES.get(clean)


def _dates(text: str, number: int, line: str) -> list[date]:
    out = []
    for y, m, d in _DATE.findall(text):
        try:
            out.append(date(int(y), int(m), int(d)))
        except ValueError:
            raise ValidationError("error.notice_file_line", line=number, text=line[:80]) from None
    return out


def parse(text: str) -> ParsedNotice:
    """The notice in `text`; ValidationError naming the line for anything it cannot read."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise ValidationError("error.notice_file_too_big")
    year: int | None = None
    holidays: list[tuple[str, date, date]] = []
    workdays: list[date] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if match := _YEAR.match(line):
            year = int(match.group(1))
            continue
        first_date = _DATE.search(line)
        head = (line[:first_date.start()] if first_date else line).strip()
        days = _dates(line, number, raw.strip())
        if head.strip(":：,， \t").lower() in WORK_WORDS:
            if not days:
                raise ValidationError("error.notice_file_line", line=number, text=raw.strip()[:80])
            workdays.extend(days)
            continue
        key = _holiday_key(head)
        if key is None or not 1 <= len(days) <= 2:
            raise ValidationError("error.notice_file_line", line=number, text=raw.strip()[:80])
        holidays.append((key, days[0], days[-1]))
    if not holidays and not workdays:
        raise ValidationError("error.notice_file_empty")
    if year is None:
        year = Counter(first.year for _k, first, _l in holidays).most_common(1)[0][0] if holidays else max(
            d.year for d in workdays)
    return ParsedNotice(year, tuple(holidays), tuple(workdays))
