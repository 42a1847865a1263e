"""Keeping clients: the Chinese working calendar, lunar dates, cadences, tier schemes,
overrides, care reminders, deal tasks, RM targets and the `due` / `tiers` commands."""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rmdesk import clock, i18n
from rmdesk.cli import main
from rmdesk.errors import ValidationError
from rmdesk.services import (
    cadence,
    clients,
    engagement,
    maintenance,
    pipeline,
    recurrence,
    settings,
    targets,
    tiering,
    visits,
    workcal,
)
from rmdesk.services.timeline import timeline

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 23, 9, 30)  # as pinned by conftest


def kept(store, name, tier=None):
    """A client moved straight to step 6 (a won customer)."""
    cid = clients.create_client(store, {"name": name, **({"tier": tier} if tier else {})})
    pipeline.move_to_step(store, cid, 6, reason="won elsewhere in the test")
    return cid


def contact_on(store, cid, day, way="onsite"):
    clock.pin(datetime.combine(day, datetime.min.time()).replace(hour=10))
    try:
        maintenance.log_contact(store, cid, way)
    finally:
        clock.pin(NOW)


# ---- working calendar -----------------------------------------------------------------


def test_calendar_knows_2025_and_2026_holidays_and_make_up_days():
    assert workcal.is_covered(2025) and workcal.is_covered(2026)
    # Spring Festival 2026: 15-23 February off; Saturday 14 and Saturday 28 February are worked.
    assert not workcal.is_working_day(date(2026, 2, 16))
    assert not workcal.is_working_day(date(2026, 2, 23))
    assert workcal.is_working_day(date(2026, 2, 14)) and workcal.is_make_up_day(date(2026, 2, 14))
    assert workcal.is_working_day(date(2026, 2, 28))
    assert workcal.holiday_name(date(2026, 2, 17)) == "spring_festival"
    assert workcal.holiday_name(date(2026, 10, 2)) == "national_day" and workcal.holiday_name(date(2026, 3, 2)) is None
    # National Day 2025: 1-8 October off; Sunday 28 September and Saturday 11 October worked.
    assert not workcal.is_working_day(date(2025, 10, 8))
    assert workcal.is_working_day(date(2025, 9, 28)) and workcal.is_working_day(date(2025, 10, 11))
    assert workcal.next_working_day(date(2025, 10, 1)) == date(2025, 10, 9)
    # An ordinary Saturday is not a working day.
    assert not workcal.is_working_day(date(2026, 3, 7))


def test_beyond_the_data_only_weekends_are_skipped():
    first, last = workcal.coverage()
    beyond = last + 1
    assert not workcal.is_covered(beyond) and workcal.is_covered(last) and first <= 2004
    jan1 = date(beyond, 1, 1)
    # New Year's Day is not known in an uncovered year: a weekday counts as working.
    assert workcal.is_working_day(jan1) == (jan1.weekday() < 5)
    saturday = next(date(beyond, 1, d) for d in range(1, 8) if date(beyond, 1, d).weekday() == 5)
    assert workcal.next_working_day(saturday) == date(beyond, 1, saturday.day + 2)
    assert workcal.holiday_name(jan1) is None


def test_working_days_in_holiday_weeks():
    # National Day week 2026: Mon 5 - Wed 7 off, Thu 8 and Fri 9 worked, Sat 10 a make-up day.
    assert workcal.working_days_between(date(2026, 10, 5), date(2026, 10, 11)) == 3
    # Spring Festival week 2026: Mon 16 - Fri 20 off.
    assert workcal.working_days_between(date(2026, 2, 16), date(2026, 2, 22)) == 0
    assert workcal.working_days_between(date(2026, 11, 23), date(2026, 11, 29)) == 5


# ---- lunar dates ----------------------------------------------------------------------


def test_lunar_birthday_in_two_years():
    # Born 8 March 1970 = lunar 1970-02-01: the birthday moves on the solar calendar.
    assert workcal.to_lunar(date(1970, 3, 8)) == (1970, 2, 1, False)
    born = date(1970, 3, 8)
    assert workcal.lunar_anniversaries(born, date(2025, 1, 1), date(2025, 12, 31)) == [date(2025, 2, 28)]
    assert workcal.lunar_anniversaries(born, date(2026, 1, 1), date(2026, 12, 31)) == [date(2026, 3, 19)]


def test_lunar_leap_month_and_short_month_fall_back():
    # 2020 had a leap 4th month; in 2025 (leap 6th) the birthday is in the ordinary 4th month.
    born = date(2020, 6, 1)
    assert workcal.to_lunar(born) == (2020, 4, 10, True)
    assert workcal.lunar_to_solar(2025, 4, 10, leap=True) == workcal.lunar_to_solar(2025, 4, 10)
    # The 8th month has 30 days in 1980 but 29 in 2025 and 2026: day 30 falls back to the 29th.
    assert workcal.lunar_to_solar(2025, 8, 30) == workcal.lunar_to_solar(2025, 8, 29)
    assert workcal.lunar_to_solar(2026, 8, 30) == workcal.lunar_to_solar(2026, 8, 29)


def test_festivals():
    assert workcal.festival_dates("spring_festival", date(2026, 1, 1), date(2027, 12, 31)) == [
        date(2026, 2, 17), date(2027, 2, 6)]
    assert workcal.festival_dates("mid_autumn", date(2025, 1, 1), date(2026, 12, 31)) == [
        date(2025, 10, 6), date(2026, 9, 25)]


def test_birthdays_ahead_handles_lunar_birthdays(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    # Born 20 September 1975 = lunar 1975-08-15 (Mid-Autumn): 25 Sep 2026, 15 Sep 2027.
    pid = clients.add_contact(store, cid, {"name": "王总", "birthday": "1975-09-20"})
    assert [r.day for r in maintenance.birthdays_ahead(store, 10, start=date(2027, 9, 10))] == []
    clients.update_contact(store, pid, {"birthday_is_lunar": True})
    assert clients.get_client(store, cid).contacts[0].birthday_is_lunar
    rows = maintenance.birthdays_ahead(store, 10, start=date(2027, 9, 10))
    assert [(r.contact_name, r.day, r.age, r.lunar) for r in rows] == [("王总", date(2027, 9, 15), 52, True)]
    rows = maintenance.birthdays_ahead(store, 10, start=date(2026, 9, 20))
    assert [(r.day, r.age) for r in rows] == [(date(2026, 9, 25), 51)]
    clients.update_contact(store, pid, {"birthday_is_lunar": False})
    rows = maintenance.birthdays_ahead(store, 30, start=date(2027, 9, 10))
    assert [(r.day, r.lunar) for r in rows] == [(date(2027, 9, 20), False)]


def test_care_reminders_birthdays_anniversaries_festivals(store):
    cid = kept(store, "华能电力")
    clients.add_contact(store, cid, {"name": "王总", "birthday": "1970-01-30"})
    cadence.set_founded_date(store, cid, "2001-02-10")
    with pytest.raises(ValidationError):
        cadence.set_founded_date(store, cid, "2030-01-01")
    rows = maintenance.care_reminders(store, 20, start=date(2027, 1, 25))
    assert [(r.day, r.kind) for r in rows] == [(date(2027, 1, 30), "birthday"), (date(2027, 2, 6), "spring_festival"),
                                               (date(2027, 2, 10), "anniversary")]
    assert rows[1].clients == 1 and rows[2].years == 26
    settings.save_reminder_days(store, 3)
    assert settings.get_reminder_days(store) == 3
    assert maintenance.care_reminders(store, start=date(2027, 1, 25)) == []
    with pytest.raises(ValidationError):
        settings.save_reminder_days(store, 0)


# ---- cadence --------------------------------------------------------------------------


def test_rule_validation():
    assert recurrence.validate_rule("rrule:freq=weekly; interval=2") == "FREQ=WEEKLY;INTERVAL=2"
    for bad in ("", "FREQ=SECONDLY", "every two weeks", "FREQ=WEEKLY;INTERVAL=x", "FREQ=YEARLY;INTERVAL=9"):
        with pytest.raises(ValidationError):
            recurrence.validate_rule(bad)
    assert recurrence.describe("FREQ=WEEKLY;INTERVAL=2", "en") == "every 2 weeks"
    assert recurrence.describe("FREQ=MONTHLY", "en") == "every 1 month"
    assert recurrence.describe("FREQ=MONTHLY", "zh_CN") == "每 1 个月"


def test_todays_first_care_reminders_are_the_first_of_the_whole_list(store):
    """Today asks for the first few reminders, and the database cuts the anniversaries to them
    (by their day in the window, then name): the same as the whole list's first ones, over a
    year's end, 29 February in common and leap years, clients founded inside the window and
    ties of day and name."""
    founded = ["2001-12-30", "1999-12-31", "2004-02-29", "2010-02-28", "2015-01-01", "2020-03-01", "2019-12-30",
               "2012-02-29", "2025-12-31", "2026-11-23", "2018-01-02", "2001-12-30"]
    for i, day in enumerate(founded):
        cid = kept(store, ["华能电力", "长城汽车", "阿里", "Zeta 科技", "华能电力"][i % 5] + ("" if i < 5 else str(i % 3)))
        cadence.set_founded_date(store, cid, day)
    for start, span in ((date(2026, 12, 28), 14), (date(2027, 2, 20), 20), (date(2028, 2, 20), 20),
                        (date(2026, 11, 23), 365), (date(2026, 11, 23), 40)):
        whole = maintenance.care_reminders(store, span, start=start)
        assert [r.kind for r in whole].count("anniversary") >= 3, (start, whole)
        for limit in (1, 2, 3, 5, 50):
            assert maintenance.care_reminders(store, span, start=start, limit=limit) == whole[:limit], (start, limit)


def test_cadence_moves_over_spring_festival_and_keeps_make_up_days(store):
    key = kept(store, "华能电力", "key")  # pyramid: key clients every 2 weeks
    contact_on(store, key, date(2026, 2, 2))
    item = cadence.due_for(store, key)
    assert item.nominal == date(2026, 2, 16) and item.due == date(2026, 2, 24)
    assert item.moved_for == "spring_festival" and item.reason == "cadence" and item.calendar_covered
    assert cadence.reason_text(item, "zh_CN").endswith("（因春节顺延）")
    assert item.last_contact == date(2026, 2, 2) and item.overdue_days == (NOW.date() - date(2026, 2, 24)).days
    # A contact on Saturday 31 January: two weeks on is Saturday 14 February, a make-up working day.
    other = kept(store, "长城汽车", "key")
    contact_on(store, other, date(2026, 1, 31))
    item = cadence.due_for(store, other)
    assert item.nominal == item.due == date(2026, 2, 14) and item.moved_for is None


def test_cadence_across_national_day(store):
    major = kept(store, "华能电力", "major")  # monthly
    contact_on(store, major, date(2026, 9, 1))
    item = cadence.due_for(store, major)
    assert (item.nominal, item.due) == (date(2026, 10, 1), date(2026, 10, 8))
    # Per-client cadence: every 2 weeks from Saturday 26 September -> Saturday 10 October (make-up day).
    cadence.set_client_cadence(store, major, "FREQ=WEEKLY;INTERVAL=2")
    contact_on(store, major, date(2026, 9, 26))
    item = cadence.due_for(store, major)
    assert item.due == date(2026, 10, 10) and item.reason == "client_cadence"
    cadence.set_client_cadence(store, major, None)
    assert cadence.due_for(store, major).due == date(2026, 10, 26)


def test_held_visit_resets_the_clock_and_uncovered_years_fall_back(store):
    cid = kept(store, "华能电力", "major")
    item = cadence.due_for(store, cid)
    assert item.reason == "no_contact" and item.last_contact is None
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-20 10:00", "kind": "phone"})
    visits.record_report(store, vid, "谈得不错")
    item = cadence.due_for(store, cid)
    assert item.last_contact == date(2026, 11, 20) and item.nominal == date(2026, 12, 20)
    assert item.due == date(2026, 12, 21)  # Sunday -> Monday
    contact_on(store, cid, date(2026, 12, 23))  # monthly -> Saturday 23 January 2027
    item = cadence.due_for(store, cid)
    assert item.nominal == date(2027, 1, 23) and item.due == date(2027, 1, 25)
    assert not item.calendar_covered and item.moved_for == "weekend"


def test_hand_set_date_wins_until_the_next_contact(store):
    cid = kept(store, "华能电力", "small")
    maintenance.log_contact(store, cid, "onsite", next_date="2026-11-28")  # a Saturday
    item = cadence.due_for(store, cid)
    assert (item.reason, item.due) == ("date_set", date(2026, 11, 30))
    assert [d.client_id for d in cadence.due_within(store, 7)] == [cid]
    assert cadence.due_within(store, 6) == []
    contact_on(store, cid, date(2026, 12, 2))
    assert cadence.due_for(store, cid).reason == "cadence"
    maintenance.log_contact(store, cid, "onsite", next_date="2027-01-15")
    assert cadence.due_for(store, cid).reason == "date_set"
    maintenance.log_contact(store, cid, "knowledge")  # a contact without a date: the cadence decides again
    item = cadence.due_for(store, cid)
    assert item.reason == "cadence" and item.last_contact == date(2026, 12, 2)


def test_tier_cadence_is_a_setting(store):
    cid = kept(store, "华能电力", "small")
    contact_on(store, cid, date(2026, 11, 2))
    assert cadence.due_for(store, cid).due == date(2027, 5, 3)  # every 6 months: Sunday 2 May -> Monday
    tiering.set_tier_cadence(store, "small", "FREQ=WEEKLY;INTERVAL=3")
    assert cadence.due_for(store, cid).due == date(2026, 11, 23)
    with pytest.raises(ValidationError):
        tiering.set_tier_cadence(store, "small", "FREQ=HOURLY")


# ---- tiers ----------------------------------------------------------------------------


def volumes(store, rows):
    ids = {}
    for name, deposits, loans, fee, products in rows:
        cid = kept(store, name)
        tiering.set_business_volume(store, cid, "2026", {"avg_deposits": deposits, "avg_loans": loans,
                                                         "fee_income": fee, "products_held": products})
        ids[name] = cid
    return ids


def tiers_of(store, ids):
    return {name: clients.get_client(store, cid).tier for name, cid in ids.items()}


def test_business_volume_validation(store):
    cid = kept(store, "华能电力")
    for period, values in (("2026-H3", {}), ("26", {}), ("2026", {"avg_deposits": "-1"}),
                           ("2026", {"avg_deposits": "1.234"}), ("2026", {"colour": "1"}),
                           ("2026", {"products_held": "x"})):
        with pytest.raises(ValidationError):
            tiering.set_business_volume(store, cid, period, values)
    with pytest.raises(TypeError):
        tiering.set_business_volume(store, cid, "2026", {"avg_deposits": 1.5})
    tiering.set_business_volume(store, cid, "2025-H2", {"avg_deposits": "1,000"})
    tiering.set_business_volume(store, cid, "2026-Q1", {"avg_loans": "5"})
    tiering.set_business_volume(store, cid, "2026-Q1", {"avg_loans": "7.50"})
    rows = tiering.volumes_of(store, cid)
    assert [(r.period, r.avg_deposits, r.avg_loans) for r in rows] == [
        ("2026-Q1", Decimal(0), Decimal("7.50")), ("2025-H2", Decimal(1000), Decimal(0))]


def test_pyramid_preset(store):
    ids = volumes(store, [("甲", "150000000", "0", "0", 1), ("乙", "20000000", "10000000", "0", 1),
                          ("丙", "5000000", "0", "0", 1), ("丁", "1000000", "0", "0", 1),
                          ("戊", "0", "0", "2500000", 1)])
    tiering.choose_preset(store, "pyramid")
    changes = tiering.recompute(store)
    assert tiers_of(store, ids) == {"甲": "key", "乙": "major", "丙": "ordinary", "丁": "small", "戊": "key"}
    assert len(changes) == 5 and not any(c.kept for c in changes)
    why = {c.client_name: c.why for c in changes}
    assert why["甲"] == "pyramid 2026: business 150,000,000 >= 100,000,000"
    assert why["戊"] == "pyramid 2026: fee_income 2,500,000 >= 2,000,000"
    assert tiering.recompute(store) == []  # nothing changes a second time
    events = [e for e in timeline(store, ids["甲"]) if e.kind == "tier_changed"]
    assert events and events[0].facts["old"] is None and events[0].facts["new"] == "key"


def test_abc_preset_ranks_by_business(store):
    ids = volumes(store, [(f"客户{i}", str(i * 1_000_000), "0", "0", 1) for i in range(1, 11)])
    tiering.choose_preset(store, "abc")
    tiering.recompute(store)
    tiers = tiers_of(store, ids)
    assert [tiers[f"客户{i}"] for i in range(10, 0, -1)] == ["a", "a", "b", "b", "b", "c", "c", "c", "c", "c"]


def test_value_loyalty_preset(store):
    ids = volumes(store, [("忠", "30000000", "0", "0", 4), ("问一", "30000000", "0", "0", 1),
                          ("问二", "1000000", "0", "0", 5), ("普", "1000000", "0", "0", 1)])
    tiering.choose_preset(store, "value_loyalty")
    tiering.recompute(store)
    assert tiers_of(store, ids) == {"忠": "loyal", "问一": "problem1", "问二": "problem2", "普": "ordinary"}


def test_star_preset_counts_points_per_ten_thousand(store):
    ids = volumes(store, [("五", "100000000", "0", "0", 1), ("四", "30000000", "0", "0", 1),
                          ("三", "10000000", "0", "0", 1), ("二", "2900000", "0", "50000", 1),
                          ("一", "1000000", "0", "0", 1)])
    tiering.choose_preset(store, "stars")
    changes = {c.client_name: c for c in tiering.recompute(store)}
    assert tiers_of(store, ids) == {"五": "star5", "四": "star4", "三": "star3", "二": "star2", "一": "star1"}
    assert changes["三"].why == "stars 2026: points 200,000 >= 200,000"
    # 290 x 200 for deposits + 5 x 400 for fee income
    assert changes["二"].why == "stars 2026: points 60,000 >= 60,000"


def test_manual_override_is_kept_until_cleared(store):
    ids = volumes(store, [("甲", "1000000", "0", "0", 1)])
    cid = ids["甲"]
    tiering.recompute(store)
    assert clients.get_client(store, cid).tier == "small"
    with pytest.raises(ValidationError):
        tiering.set_tier_override(store, cid, "key", "")
    with pytest.raises(ValidationError):
        tiering.set_tier_override(store, cid, "star5", "not in the pyramid")
    tiering.set_tier_override(store, cid, "key", "集团重点客户，总行名单")
    changes = tiering.recompute(store)
    assert [(c.old, c.new, c.kept) for c in changes] == [("key", "small", True)]
    assert clients.get_client(store, cid).tier == "key"
    assert tiering.tier_override(store, cid) == "集团重点客户，总行名单"
    tiering.clear_tier_override(store, cid)
    assert [(c.old, c.new, c.kept) for c in tiering.recompute(store)] == [("key", "small", False)]
    kinds = [e.kind for e in timeline(store, cid)]
    assert {"tier_override", "tier_override_cleared", "tier_changed"} <= set(kinds)


def test_scheme_is_validated_and_saved(store):
    scheme = tiering.get_scheme(store)
    assert scheme["key"] == "pyramid"
    broken = {**scheme, "rules": scheme["rules"][:-1]}
    with pytest.raises(ValidationError):
        tiering.save_scheme(store, broken)
    with pytest.raises(ValidationError):
        tiering.save_scheme(store, {**scheme, "tiers": ["gold"]})
    with pytest.raises(ValidationError):
        tiering.choose_preset(store, "platinum")
    custom = json.loads(json.dumps(scheme))
    custom["rules"][0]["any"] = [["avg_deposits", ">=", "10"]]
    tiering.save_scheme(store, custom)
    assert tiering.get_scheme(store)["rules"][0]["any"] == [["avg_deposits", ">=", "10"]]


def test_overview_counts_business_and_pareto_curve(store):
    volumes(store, [("甲", "80000000", "0", "0", 1), ("乙", "10000000", "0", "0", 1),
                    ("丙", "5000000", "0", "0", 1), ("丁", "3000000", "0", "0", 1), ("戊", "2000000", "0", "0", 1)])
    tiering.recompute(store)
    view = tiering.overview(store)
    lines = {line.tier: line for line in view.lines}
    assert lines["key"].clients == 0 and lines[None].clients == 0
    assert lines["major"].clients == 1 and lines["major"].business == Decimal("80000000")
    assert lines["ordinary"].clients == 3 and lines["ordinary"].business == Decimal("18000000")
    assert lines["small"].business == Decimal("2000000")
    assert view.total_business == Decimal("100000000")
    assert view.curve[0] == (0, 0) and view.curve[-1] == (1, 1) and view.curve[1] == (Decimal("0.2"), Decimal("0.8"))
    assert view.top20_share == Decimal("0.8")


# ---- deal tasks -----------------------------------------------------------------------


def test_won_credit_deal_gets_post_loan_checks_and_a_maturity_notice(store):
    cid = kept(store, "华能电力")
    deal = engagement.create_deal(store, cid, "working_capital_loan", "10000000")
    with pytest.raises(ValidationError):
        cadence.set_deal_maturity(store, deal, "2027-11-23")  # not won yet
    engagement.close_deal(store, deal, won=True, actual_date="2026-11-23")
    with pytest.raises(ValidationError):
        cadence.set_deal_maturity(store, deal, "2026-11-01")
    cadence.set_deal_maturity(store, deal, "2027-11-23")
    tasks = [t for t in visits.open_tasks(store) if t.client_id == cid]
    assert [t.due_date for t in tasks] == [date(2026, 12, 23), date(2027, 3, 23), date(2027, 6, 23),
                                           date(2027, 9, 23), date(2027, 10, 22)]
    assert "Post-loan check no. 1" in tasks[0].title and "matures on 2027-11-23" in tasks[-1].title
    cadence.set_deal_maturity(store, deal, "2027-05-23")  # rebuilt, not added to
    assert len([t for t in visits.open_tasks(store) if t.client_id == cid]) == 3
    deposit = engagement.create_deal(store, cid, "deposits", "1000")
    engagement.close_deal(store, deposit, won=True)
    with pytest.raises(ValidationError):
        cadence.set_deal_maturity(store, deposit, "2027-05-23")


# ---- targets --------------------------------------------------------------------------


def test_targets_default_and_saved(store):
    t = targets.get_targets(store, "2026")
    assert t["avg_deposits"] == Decimal("60000000") and t["avg_loans"] == Decimal("100000000")
    targets.save_targets(store, "2026", {"fee_income": "1000000", "visits": "80"})
    t = targets.get_targets(store, "2026")
    assert t["fee_income"] == Decimal("1000000") and t["visits"] == 80
    assert targets.get_targets(store, "2027")["visits"] == 150
    for bad in ({"visits": "many"}, {"avg_deposits": "-5"}, {"colour": 1}):
        with pytest.raises(ValidationError):
            targets.save_targets(store, "2026", bad)
    with pytest.raises(ValidationError):
        targets.get_targets(store, "next year")


def test_target_report_from_volumes_and_activity(store):
    a, b = kept(store, "华能电力"), kept(store, "长城汽车")
    tiering.set_business_volume(store, a, "2025", {"avg_deposits": "20000000"})
    tiering.set_business_volume(store, a, "2026", {"avg_deposits": "50000000", "avg_loans": "30000000",
                                                   "fee_income": "400000"})
    tiering.set_business_volume(store, b, "2026", {"avg_deposits": "15000000", "intl_settlement_usd": "60000000"})
    tiering.set_business_volume(store, b, "2026-H1", {"avg_deposits": "999999999"})  # another period: ignored
    for when, kind in (("2026-11-20 10:00", "onsite"), ("2026-11-19 10:00", "phone"), ("2025-12-01 10:00", "onsite")):
        vid = visits.plan_visit(store, a, {"planned_at": when, "kind": kind})
        visits.record_report(store, vid, "ok")
    r = targets.report(store, "2026")
    got = {p.measure: p.actual for p in r.lines}
    assert got == {"avg_deposits": Decimal("65000000"), "avg_loans": Decimal("30000000"),
                   "new_deposits": Decimal("45000000"), "intl_settlement_usd": Decimal("60000000"),
                   "fee_income": Decimal("400000"), "visits": 1, "new_clients": 2}
    line = next(p for p in r.lines if p.measure == "avg_deposits")
    assert line.reached and line.ratio > 1
    # deposits >= 60M, loans below 100M, but new deposits >= 30M with a loan balance
    assert r.qualified and r.qualified_by == "new_deposits"
    targets.save_targets(store, "2026", {"avg_deposits": "70000000"})
    assert not targets.report(store, "2026").qualified
    assert targets.previous_period("2026-H1") == "2025-H2" and targets.previous_period("2026-01") == "2025-12"
    assert targets.previous_period("2026-Q3") == "2026-Q2"


def test_weekly_activity_against_the_daily_goal(store):
    cid = kept(store, "华能电力")
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-10-09 10:00", "kind": "phone"})
    visits.record_report(store, vid, "ok")
    contact_on(store, cid, date(2026, 10, 10), "knowledge")
    contact_on(store, cid, date(2026, 10, 8), "onsite")
    weeks = targets.weekly_activity(store, 2, today=date(2026, 10, 8))
    assert [w.start for w in weeks] == [date(2026, 9, 28), date(2026, 10, 5)]
    national_day = weeks[1]
    assert (national_day.visits, national_day.calls, national_day.other, national_day.total) == (1, 1, 1, 3)
    assert national_day.working_days == 3 and national_day.goal == 9
    targets.save_daily_goal(store, 5)
    assert targets.weekly_activity(store, 1, today=date(2026, 11, 23))[0].goal == 25


# ---- CLI ------------------------------------------------------------------------------


@pytest.fixture
def run(cli_base, capsys):
    def invoke(*argv):
        code = main([*cli_base, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_cli_due_and_tiers_recompute(run, store, data_dir):
    cid = kept(store, "华能电力", "key")
    contact_on(store, cid, date(2026, 11, 16))  # every 2 weeks -> Monday 30 November
    late = kept(store, "长城汽车", "major")
    contact_on(store, late, date(2026, 9, 1))  # monthly -> 1 October -> 8 October: overdue
    tiering.set_business_volume(store, late, "2026", {"avg_deposits": "200000000"})
    code, out, err = run("due", "--days", "7", "--format", "json")
    # 23 November 2026: the coming months reach into 2027, which nobody has entered yet
    assert code == 0 and err.splitlines() == [i18n.message("cadence.calendar_beyond", "en", year=2027)]
    rows = json.loads(out)
    assert [r["client_id"] for r in rows] == [late, cid]
    assert set(rows[0]) == {"client_id", "client", "tier", "last_contact", "due", "nominal_due", "overdue_days",
                            "reason", "rule", "calendar_covered", "moved_for"}
    assert rows[0]["due"] == "2026-10-08" and rows[0]["nominal_due"] == "2026-10-01"
    assert rows[0]["moved_for"] == "national_day" and rows[0]["overdue_days"] == 46
    assert rows[1] == {"client_id": cid, "client": "华能电力", "tier": "key", "last_contact": "2026-11-16",
                       "due": "2026-11-30", "nominal_due": "2026-11-30", "overdue_days": 0, "reason": "cadence",
                       "rule": "FREQ=WEEKLY;INTERVAL=2", "calendar_covered": True, "moved_for": None}
    code, out, _ = run("due", "--days", "6")
    assert code == 0 and "长城汽车" in out and "华能电力" not in out and "National Day" in out
    code, out, _ = run("--lang", "zh_CN", "due")
    assert "上次联系" in out and "2026-10-08 (+46)" in out
    code, out, _ = run("tiers", "recompute")
    assert code == 0 and f"{late} 长城汽车: Major -> Key (pyramid 2026: business 200,000,000" in out
    assert "1 tier changed, 0 manual tiers kept" in out
    code, _, err = run("due", "--days", "-1")
    assert code == 2 and err.count("\n") == 1
    code, _, err = run("tiers")
    assert code == 2


def test_import_volumes_from_csv_all_or_nothing(store):
    a = clients.create_client(store, {"name": "华能电力", "credit_code": "91350100M000100Y43"})
    b = clients.create_client(store, {"name": "长城汽车"})
    good = ("\ufeffclient,period,avg_deposits,avg_loans,fee_income,products_held\n"
            f"91350100M000100Y43,2026,\"1,000,000\",500000,,2\n"
            f"{b},2026-H1,300000,0,1000.50,1\n"
            "长城汽车,2025,100,,,\n")
    assert tiering.import_volumes(store, good) == 3
    assert [(r.period, r.avg_deposits, r.avg_loans, r.products_held) for r in tiering.volumes_of(store, a)] == [
        ("2026", Decimal("1000000"), Decimal("500000"), 2)]
    assert [r.period for r in tiering.volumes_of(store, b)] == ["2026-H1", "2025"]
    bad = "client,period,avg_deposits\n华能电力,2027,5\n不存在公司,2027,5\n"
    with pytest.raises(ValidationError) as err:
        tiering.import_volumes(store, bad)
    assert "Line 3" in err.value.message("en") and "不存在公司" in err.value.message("en")
    assert [r.period for r in tiering.volumes_of(store, a)] == ["2026"]  # nothing written
    with pytest.raises(ValidationError) as err:
        tiering.import_volumes(store, "client,period,avg_deposits\n华能电力,2027,-5\n")
    assert "Line 2" in err.value.message("en") and "negative" in err.value.message("en")
    with pytest.raises(ValidationError):
        tiering.import_volumes(store, "name,deposits\nx,1\n")


@hsettings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3",
                        "FREQ=MONTHLY;INTERVAL=6", "FREQ=DAILY;INTERVAL=10"]))
def test_due_dates_are_the_first_working_day_on_or_after_the_rule(last, rule):
    nominal = recurrence.next_occurrence(rule, last)
    due = workcal.next_working_day(nominal)
    assert nominal > last and due >= nominal and workcal.is_working_day(due)
    skipped = [nominal + timedelta(days=i) for i in range((due - nominal).days)]
    assert not any(workcal.is_working_day(d) for d in skipped)


def test_scheme_text_round_trip(store):
    text = tiering.scheme_text(store)
    assert '"pyramid"' in text
    tiering.save_scheme_text(store, text.replace('"100000000"', '"90000000"'))
    assert tiering.get_scheme(store)["rules"][0]["any"][0] == ["business", ">=", "90000000"]
    for bad in ("[]", "{", '{"tiers": ["key"], "rules": [{"tier": "key", "all": [["business", ">=", 1.5]]}]}'):
        with pytest.raises(ValidationError):
            tiering.save_scheme_text(store, bad)
