"""Right dates (issue 17): month-end cadences, post-loan checks until maturity, visit slots
on working days only, the RM's own holiday notice for years the package does not know, and
no call report for a visit still in the future. Dates checked against the calendar by hand."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.formats import holiday_notice
from rmdesk.services import cadence, clients, engagement, maintenance, pipeline, recurrence, visits, workcal


def kept(store, name):
    cid = clients.create_client(store, {"name": name})
    pipeline.move_to_step(store, cid, 6, reason="won elsewhere in the test")
    return cid


@pytest.mark.parametrize(("rule", "last", "due"), [
    ("FREQ=MONTHLY", date(2026, 1, 31), date(2026, 2, 28)),
    ("FREQ=MONTHLY", date(2024, 1, 31), date(2024, 2, 29)),
    ("FREQ=MONTHLY;INTERVAL=3", date(2026, 3, 31), date(2026, 6, 30)),
    ("FREQ=MONTHLY;INTERVAL=3", date(2026, 8, 31), date(2026, 11, 30)),
    ("FREQ=MONTHLY;INTERVAL=6", date(2026, 8, 31), date(2027, 2, 28)),
    ("FREQ=MONTHLY;INTERVAL=6", date(2026, 3, 31), date(2026, 9, 30)),
    ("FREQ=YEARLY", date(2024, 2, 29), date(2025, 2, 28)),
    ("FREQ=MONTHLY", date(2026, 5, 15), date(2026, 6, 15)),
    # explicit day rules still follow RFC 5545: the last day of each month, the 15th, Mondays
    ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2026, 1, 31), date(2026, 2, 28)),
    ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 1, 31), date(2026, 2, 15)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", date(2026, 11, 25), date(2026, 12, 7)),
])
def test_month_end_contacts_are_due_a_calendar_month_later(rule, last, due):
    assert recurrence.next_occurrence(rule, last) == due


@hsettings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)), st.sampled_from([1, 2, 3, 6, 12]))
def test_a_monthly_gap_is_never_longer_than_its_months(last, months):
    nominal = recurrence.next_occurrence(f"FREQ=MONTHLY;INTERVAL={months}", last)
    # N months on, never more: at most 31 days a month, and in the right calendar month
    assert 0 < (nominal - last).days <= 31 * months
    assert (nominal.year * 12 + nominal.month) - (last.year * 12 + last.month) == months


def test_post_loan_checks_run_quarterly_until_maturity(store):
    cid = kept(store, "华能电力")
    deal = engagement.create_deal(store, cid, "working_capital_loan", "10000000")
    engagement.close_deal(store, deal, won=True, actual_date="2026-05-01")
    cadence.set_deal_maturity(store, deal, "2027-05-01")
    tasks = [t for t in visits.open_tasks(store) if t.client_id == cid]
    checks = [t.due_date for t in tasks if "Post-loan" in t.title]
    # 31 May 2026 is a Sunday; 28 February 2027 a Sunday: each moves to the Monday
    assert checks == [date(2026, 6, 1), date(2026, 8, 31), date(2026, 11, 30), date(2027, 3, 1)]


# ---- visit slots -------------------------------------------------------------------------


@pytest.mark.parametrize(("after", "expected"), [
    # Thursday 1 October 2026: 2-7 October off, Saturday 10 October worked (调休)
    (datetime(2026, 9, 30, 18), [datetime(2026, 10, 8, 9), datetime(2026, 10, 9, 9)]),
    # Spring Festival 2026: 15-23 February off; 14 February (Saturday) worked
    (datetime(2026, 2, 13, 18), [datetime(2026, 2, 14, 9), datetime(2026, 2, 24, 9)]),
    # Labour Day 2026: 1-5 May off
    (datetime(2026, 4, 30, 18), [datetime(2026, 5, 6, 9), datetime(2026, 5, 7, 9)]),
])
def test_suggested_slots_skip_public_holidays(store, after, expected):
    cid = clients.create_client(store, {"name": "华能电力"})
    slots = visits.propose_slots(store, cid, after=after)
    assert slots == expected
    assert all(workcal.is_working_day(s.date()) for s in slots)


# ---- the RM's own holiday notice -----------------------------------------------------------


@pytest.fixture
def no_notice():
    yield
    workcal.install({}, [])


NOTICE_2027 = """\ufeff# 国务院办公厅关于2027年部分节假日安排的通知（示例）
2027年
元旦      2027-01-01 2027-01-03
春节      2027-02-06 至 2027-02-13
班        2027-02-14 2027/2/20
清明节    2027年4月3日 2027年4月5日
Labour Day, 2027-05-01, 2027-05-05
端午      2027-06-09 2027-06-11
中秋节    2027-09-15 2027-09-17
national_day 2027-10-01 2027-10-07
work      2027-09-26 2027-10-09
"""


def test_a_notice_file_is_read_with_names_in_either_language():
    parsed = holiday_notice.parse(NOTICE_2027)
    assert parsed.year == 2027
    assert [k for k, *_ in parsed.holidays] == list(workcal.NOTICE_HOLIDAYS[:5]) + ["mid_autumn_festival",
                                                                                   "national_day"]
    assert parsed.holidays[1] == ("spring_festival", date(2027, 2, 6), date(2027, 2, 13))
    assert parsed.workdays == (date(2027, 2, 14), date(2027, 2, 20), date(2027, 9, 26), date(2027, 10, 9))
    for bad, line in (("元旦 2027-01-01\n圣诞节 2027-12-25\n", 2), ("春节 2027-02-30\n", 1), ("班\n", 1),
                      ("春节 2027-02-06 2027-02-07 2027-02-08\n", 1)):
        with pytest.raises(ValidationError) as err:
            holiday_notice.parse(bad)
        assert f"Line {line}" in err.value.message("en") and f"第 {line} 行" in err.value.message("zh_CN")
    with pytest.raises(ValidationError):
        holiday_notice.parse("# nothing\n\n")


def test_an_entered_notice_covers_the_year_and_wins_over_the_package(store, no_notice):
    cid = kept(store, "华能电力")
    assert not workcal.is_covered(2027) and workcal.coming_gap(store) == [2027]
    # before: 1 February 2027 is only a Monday; 8 February (Spring Festival week) a working day
    assert workcal.is_working_day(date(2027, 2, 8))
    parsed = holiday_notice.parse(NOTICE_2027)
    assert workcal.save_notice(store, parsed.year, parsed.holidays, parsed.workdays) == 3 + 8 + 3 + 5 + 3 + 3 + 7 + 4
    assert workcal.is_covered(2027) and workcal.coming_gap(store) == []
    assert not workcal.is_working_day(date(2027, 2, 8)) and workcal.holiday_name(date(2027, 2, 8)) == "spring_festival"
    assert workcal.is_working_day(date(2027, 2, 14)) and workcal.is_make_up_day(date(2027, 2, 14))
    assert not workcal.is_working_day(date(2027, 2, 27))  # an ordinary Saturday
    # the due list moves a date in the holiday to the first working day after it
    clock.pin(datetime(2027, 1, 8, 10))
    maintenance.log_contact(store, cid, "onsite")
    cadence.set_client_cadence(store, cid, "FREQ=MONTHLY")
    item = cadence.due_for(store, cid)
    assert item.nominal == date(2027, 2, 8) and item.due == date(2027, 2, 14) and item.moved_for == "spring_festival"
    assert item.calendar_covered
    # it is stored with the data: a new process (fresh module state) reads it back
    workcal.install({}, [])
    assert workcal.notice(store, 2027).entered and workcal.is_working_day(date(2027, 2, 14))
    # a correction of a year the package knows wins too
    n2026 = workcal.notice(store, 2026)
    assert not n2026.entered and ("national_day", date(2026, 10, 1), date(2026, 10, 7)) in n2026.holidays
    holidays = [h if h[0] != "national_day" else ("national_day", h[1], date(2026, 10, 8)) for h in n2026.holidays]
    workcal.save_notice(store, 2026, holidays, [d for d in n2026.workdays if d != date(2026, 10, 10)])
    assert not workcal.is_working_day(date(2026, 10, 8)) and not workcal.is_working_day(date(2026, 10, 10))
    # everything empty removes the entry: the package's data counts again
    workcal.save_notice(store, 2026, [], [])
    assert workcal.is_working_day(date(2026, 10, 8)) and workcal.is_working_day(date(2026, 10, 10))


@pytest.mark.parametrize(("holidays", "workdays", "key"), [
    ([("spring_festival", "2027-02-13", "2027-02-06")], [], "error.notice_range"),
    ([("spring_festival", "2027-02-01", "2027-03-01")], [], "error.notice_too_long"),
    ([("spring_festival", "2028-02-01", "2028-02-03")], [], "error.notice_day_outside_year"),
    ([("christmas", "2027-12-25", "2027-12-25")], [], "error.not_in_list"),
    ([("spring_festival", "2027-02-06", "2027-02-13")], ["2027-02-08"], "error.notice_overlap"),
    ([("labour_day", "2027-05-01", "2027-05-05"), ("national_day", "2027-05-05", "2027-05-06")], [],
     "error.notice_overlap"),
    ([], ["2027-02-15"], "error.make_up_on_weekday"),
    ([("spring_festival", "2027-02-6", "")], [], "error.date_format"),
])
def test_a_wrong_notice_is_refused_in_the_users_language(store, no_notice, holidays, workdays, key):
    with pytest.raises(ValidationError) as err:
        workcal.save_notice(store, 2027, holidays, workdays)
    assert err.value.key == key and err.value.message("zh_CN") != err.value.message("en")
    assert not workcal.is_covered(2027) and workcal.notice(store, 2027).holidays == ()


def test_the_notice_goes_into_backups_and_a_restore_brings_it_back(store, data_dir, no_notice):
    import sqlite3

    from rmdesk.store import backup

    workcal.save_notice(store, 2027, [("new_years_day", "2027-01-01", "2027-01-01")], ["2027-01-02"])
    copy = backup.create_backup(data_dir, datetime(2026, 11, 23, 9, 0))
    con = sqlite3.connect(copy.path)
    assert con.execute("SELECT day, off, holiday FROM calendar_days ORDER BY day").fetchall() == [
        ("2027-01-01", 1, "new_years_day"), ("2027-01-02", 0, None)]
    con.close()


# ---- call reports only for visits that have taken place ------------------------------------


def test_no_call_report_for_a_visit_planned_in_the_future(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    later = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00"})  # now: 2026-11-23 09:30
    with pytest.raises(ValidationError) as err:
        visits.record_report(store, later, "谈得很好")
    assert err.value.key == "error.visit_in_future" and "2026-11-25 09:00" in err.value.message("zh_CN")
    row = next(x for x in visits.client_visits(store, cid) if x.id == later)
    assert row.status == "planned" and cadence.last_contacts(store).get(cid) is None
    earlier = visits.plan_visit(store, cid, {"planned_at": "2026-11-23 09:00"})
    visits.record_report(store, earlier, "谈得很好")
    assert cadence.last_contacts(store)[cid] == date(2026, 11, 23)


def test_the_maintenance_page_warns_and_takes_a_notice(make_desk, store, no_notice, monkeypatch, tmp_path):
    from rmdesk.gui import dialogs
    from rmdesk.gui.main_window import MainWindow
    from rmdesk.gui.pages.holidays import HolidayNoticeDialog

    desk = make_desk(store)
    desk.window.show_page(MainWindow.MAINTENANCE)
    page = desk.window.keeping
    assert not page.notice.isHidden() and "2027" in page.notice.text() and "节假日安排" in page.notice.text()
    path = tmp_path / "国务院 通知 #2027?.txt"
    path.write_text(NOTICE_2027, encoding="utf-8")

    def fill_and_save(dialog):
        assert isinstance(dialog, HolidayNoticeDialog) and dialog.year.value() == 2027
        assert dialog.import_file(str(path)) and dialog.days["spring_festival"][1].text() == "2027-02-13"
        dialog.days["national_day"][1].setText("2027-10-99")  # a typing error is named, nothing lost
        dialog.try_accept()
        assert dialog.error.isVisibleTo(dialog) and "国庆节" not in dialog.error.text() and "日期" in dialog.error.text()
        assert not workcal.is_covered(2027)
        dialog.days["national_day"][1].setText("2027-10-07")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fill_and_save)
    assert page.edit_holidays()
    assert workcal.is_covered(2027) and page.notice.isHidden()
    assert not workcal.is_working_day(date(2027, 10, 7))


def test_a_fixture_pinning_the_clock_hands_the_tests_pin_back(store):
    # `store` is the first thing this test asks for: in a fresh worker the session's empty book
    # is made now, inside the test, under its own pin (conftest.new_store_template); the test's
    # clock must be the test's afterwards, not released (a warning "closed before it was seen")
    from tests.conftest import NOW

    assert clock.now() == NOW
    with clock.pinned(datetime(2030, 1, 1, 8, 0)):
        assert clock.today() == date(2030, 1, 1)
        with clock.pinned(datetime(2031, 5, 5)):
            assert clock.today() == date(2031, 5, 5)
        assert clock.today() == date(2030, 1, 1)
    assert clock.now() == NOW
