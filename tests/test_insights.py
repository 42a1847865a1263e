"""Insight reports against a small book whose figures are worked out by hand below."""

from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal

import pytest

from rmdesk import clock
from rmdesk.errors import ValidationError
from rmdesk.services import clients, engagement, insights, maintenance, pipeline, visits
from rmdesk.services.insights import Period, percentile

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 23, 9, 30)
NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
OCT_NOV = Period(date(2026, 10, 1), date(2026, 11, 30))


@contextmanager
def on(month, day, hour=10):
    clock.pin(datetime(2026, month, day, hour))
    try:
        yield
    finally:
        clock.pin(NOW)


def move(store, cid, step, month, day, hour=10):
    with on(month, day, hour):
        pipeline.move_to_step(store, cid, step, reason="test move")


@pytest.fixture
def book(store):
    """A: referral (老周), created 10-25; steps 2, 3, 4, 5, 6 on 11-02, 11-06, 11-16, 11-18, 11-20.
    B: cold, created 11-01; step 2 on 11-03, step 3 on 11-13.
    C: cold, created 11-02; step 2 on 11-08; lost (price) on 11-10.
    D: referral (老周), created 11-05; stays at step 1.
    E: media, created 10-20; step 2 on 10-30, step 3 on 11-09.
    F: no channel, tier major, created 10-10; straight to step 6 on 10-15.
    All at 10:00, so every stay is a whole number of days."""
    ids = {}
    for name, (m, d), extra in (("A", (10, 25), {"source_channel": "referral", "referrer": "老周", "tier": "key"}),
                                ("B", (11, 1), {"source_channel": "cold"}),
                                ("C", (11, 2), {"source_channel": "cold"}),
                                ("D", (11, 5), {"source_channel": "referral", "referrer": "老周"}),
                                ("E", (10, 20), {"source_channel": "media"}),
                                ("F", (10, 10), {"tier": "major"})):
        with on(m, d):
            ids[name] = clients.create_client(store, {"name": f"客户{name}", **extra})
    a, b, c, e, f = ids["A"], ids["B"], ids["C"], ids["E"], ids["F"]
    move(store, f, 6, 10, 15)
    move(store, e, 2, 10, 30)
    move(store, a, 2, 11, 2)
    move(store, b, 2, 11, 3)
    move(store, a, 3, 11, 6)
    move(store, c, 2, 11, 8)
    move(store, e, 3, 11, 9)
    with on(11, 10):
        pipeline.mark_lost(store, c, "price")
    move(store, b, 3, 11, 13)
    move(store, a, 4, 11, 16)
    move(store, a, 5, 11, 18)
    move(store, a, 6, 11, 20)
    # Objections: A price answered "综合成本" resolved on 11-17 (A then won); B the same answer,
    # unresolved; C price answered "降息", resolved (C was lost); E timing without an answer.
    with on(11, 12):
        oa = engagement.log_objection(store, a, "price", "太贵", answer="综合成本")
        engagement.log_objection(store, b, "price", "利率高", answer="  综合成本 ")
        oc = engagement.log_objection(store, c, "price", "利率高", answer="降息")
        engagement.log_objection(store, e, "timing", "年底再说")
    with on(11, 17):
        engagement.resolve_objection(store, oa)
        engagement.resolve_objection(store, oc)
    # Deals: A won 5,000,000; open: B 1,000,000 for 12-15, E 2,000,000 for 2027-01-10,
    # D 400,000 without a date; C 300,000 for 11-20 (open, C lost at step 2).
    with on(11, 20):
        deal = engagement.create_deal(store, a, "working_capital_loan", "5000000")
        engagement.close_deal(store, deal, won=True)
        engagement.create_deal(store, b, "working_capital_loan", "1000000", expected_date="2026-12-15")
        engagement.create_deal(store, e, "deposits", "2000000", expected_date="2027-01-10")
        engagement.create_deal(store, ids["D"], "deposits", "400000")
        engagement.create_deal(store, c, "deposits", "300000", expected_date="2026-11-20")
    # Contacts: B held on-site visit 11-17, E a held phone call 11-18; A maintenance on-site
    # 11-21 and knowledge 11-22; F on-site 11-10.
    for cid, kind, day in ((b, "onsite", 17), (e, "phone", 18)):
        with on(11, day):
            vid = visits.plan_visit(store, cid, {"planned_at": datetime(2026, 11, day, 10), "kind": kind})
            visits.record_report(store, vid, "谈得不错")
    for cid, way, day in ((a, "onsite", 21), (a, "knowledge", 22), (f, "onsite", 10)):
        with on(11, day):
            maintenance.log_contact(store, cid, way)
    return ids


def test_percentile_interpolates_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([5.0], 0.8) == 5.0
    assert percentile([2.0, 6.0, 8.0], 0.5) == 6.0
    assert percentile([2.0, 6.0, 8.0], 0.8) == pytest.approx(7.2)  # 6 + 0.6 x (8 - 6)
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5


def test_funnel_conversion_velocity_and_win_rate(store, book):
    report = insights.funnel(store, NOV)
    s = {row.step: row for row in report.steps}
    a, b, c, d, e = (book[k] for k in "ABCDE")
    # Entered in November: step 1 B, C, D (A and E were created in October).
    assert s[1].entered_ids == tuple(sorted((b, c, d))) and s[1].advanced_ids == tuple(sorted((b, c)))
    assert s[1].conversion == Decimal(2) / 3
    # Step 2: A, B, C (E entered it in October); A and B went on, C was lost.
    assert (s[2].entered, s[2].advanced) == (3, 2)
    # Step 3: A, B, E; only A went on.  Steps 4 and 5: A.  Step 6: A.
    assert (s[3].entered, s[3].advanced) == (3, 1) and s[3].conversion == Decimal(1) / 3
    assert [(s[k].entered, s[k].advanced) for k in (4, 5)] == [(1, 1), (1, 1)]
    assert s[6].entered == 1 and s[6].conversion is None
    # Velocity, stays ending in November: step 1 A 8 days (10-25 -> 11-02), B 2, C 6
    # (E's stay ended on 10-30, outside); step 2 A 4, B 10, E 10 (10-30 -> 11-09); step 3 A 10.
    assert s[1].stays == 3 and s[1].median_days == 6 and s[1].p80_days == pytest.approx(7.2)
    assert s[2].stays == 3 and s[2].median_days == 10 and s[2].p80_days == 10
    assert (s[3].median_days, s[4].median_days, s[5].median_days) == (10, 2, 2)
    assert s[6].stays == 0 and s[6].median_days is None
    # Where they are now: D at 1; B and E at 3; A and F at 6 (won); C lost.
    assert [s[k].now_in_step for k in range(1, 7)] == [1, 0, 2, 0, 0, 2]
    assert (report.won, report.lost, report.win_rate) == (1, 1, Decimal("0.5"))
    assert report.won_ids == (a,) and report.lost_ids == (c,)
    assert [(r.reason, r.count, r.client_ids) for r in report.lost_reasons] == [("price", 1, (c,))]


def test_funnel_of_october_only(store, book):
    report = insights.funnel(store, Period(date(2026, 10, 1), date(2026, 10, 31)))
    s = {row.step: row for row in report.steps}
    # Entered step 1 in October: A, E, F; all of them moved on by the end of October? A did
    # not (11-02 is after the period), E (10-30) and F (10-15) did.
    assert (s[1].entered, s[1].advanced) == (3, 2)
    # Stays ending in October: F 5 days in step 1 (10-10 -> 10-15), E 10 days (10-20 -> 10-30).
    assert s[1].stays == 2 and s[1].median_days == 7.5
    assert (report.won, report.lost, report.win_rate) == (1, 0, Decimal(1))


def test_channel_yield_and_referral_ledger(store, book):
    report = insights.channels(store, OCT_NOV)
    lines = {y.key: y for y in report.channels}
    assert [y.key for y in report.channels] == ["media", "referral", "cold", "none"]
    # referral: A (won, 5,000,000) and D (step 1); cold: B (step 3), C (reached 2, lost);
    # media: E (step 3); none: F (won, no deal).
    assert (lines["referral"].prospects, lines["referral"].qualified, lines["referral"].won) == (2, 1, 1)
    assert lines["referral"].business == Decimal("5000000.00") and lines["referral"].win_rate == Decimal("0.5")
    assert (lines["cold"].prospects, lines["cold"].qualified, lines["cold"].won) == (2, 2, 0)
    assert (lines["media"].prospects, lines["media"].qualified, lines["media"].won) == (1, 1, 0)
    assert (lines["none"].prospects, lines["none"].won, lines["none"].business) == (1, 1, Decimal("0.00"))
    assert (report.total.prospects, report.total.qualified, report.total.won) == (6, 5, 2)
    assert [(r.key, r.prospects, r.qualified, r.won, r.business) for r in report.referrers] == [
        ("老周", 2, 1, 1, Decimal("5000000.00"))]
    assert [(r.referrer, r.client_name, r.step, r.status) for r in report.ledger] == [
        ("老周", "客户A", 6, "won"), ("老周", "客户D", 1, "active")]
    # November only: B, C, D were created in it.
    nov = insights.channels(store, NOV)
    assert {y.key: y.prospects for y in nov.channels} == {"referral": 1, "cold": 2}


def test_what_wins_objections(store, book):
    report = insights.objections(store, NOV)
    types = {t.type: t for t in report.types}
    assert list(types) == ["price", "timing"]
    price = types["price"]
    assert (price.raised, price.resolved, price.closed) == (3, 2, 1)
    # "综合成本" (spaces trimmed): used by A and B, resolved for A, who then won; "降息": C, resolved, lost.
    assert [(a.answer, a.used, a.resolved, a.closed) for a in price.answers] == [
        ("综合成本", 2, 1, 1), ("降息", 1, 1, 0)]
    assert price.answers[0].resolve_rate == Decimal("0.5") and price.answers[0].closed_ids == (book["A"],)
    assert [(a.answer, a.used, a.resolved) for a in types["timing"].answers] == [("", 1, 0)]
    worked = insights.answers_that_worked(store, "price")
    assert [a.answer for a in worked] == ["综合成本", "降息"]
    assert insights.answers_that_worked(store, "timing") == []
    assert insights.objections(store, OCT_NOV.__class__(date(2026, 10, 1), date(2026, 10, 31))).types == []


def test_forecast_weights_open_deals_by_step(store, book):
    report = insights.forecast(store, Period(date(2026, 11, 1), date(2027, 1, 31)))
    rows = [(m.month, m.deals, m.amount, m.weighted) for m in report.months]
    # C's deal (11-20) does not count: C is lost. B's (step 3, 25%) in December; E's (step 3)
    # in January; D's without a date (step 1, 5%) last.
    assert rows == [("2026-11", 0, Decimal("0.00"), Decimal("0.00")),
                    ("2026-12", 1, Decimal("1000000.00"), Decimal("250000.00")),
                    ("2027-01", 1, Decimal("2000000.00"), Decimal("500000.00")),
                    (None, 1, Decimal("400000.00"), Decimal("20000.00"))]
    assert report.amount == Decimal("3400000.00") and report.weighted == Decimal("770000.00")
    assert report.months[1].client_ids == (book["B"],)


def test_activity_and_coverage(store, book):
    week = insights.activity(store, Period(date(2026, 11, 16), date(2026, 11, 22)))
    assert len(week) == 1 and week[0].start == date(2026, 11, 16)
    # B's on-site visit and A's on-site contact; E's phone call; A's knowledge sharing.
    # Goal: 3 a day x 5 working days.
    assert (week[0].visits, week[0].calls, week[0].other, week[0].goal) == (2, 1, 1, 15)
    rows = {c.tier: c for c in insights.coverage(store, NOV)}
    # Key (every 2 weeks from 11-01: 1, 15, 29 Nov): A with 2 contacts, not covered.
    assert (rows["key"].clients, rows["key"].expected_each, rows["key"].contacts, rows["key"].covered) == (1, 3, 2, 0)
    assert rows["key"].uncovered_ids == (book["A"],) and rows["key"].coverage == 0
    # Major (monthly: 1 Nov): F with its 11-10 contact, covered.
    assert (rows["major"].clients, rows["major"].expected_each, rows["major"].covered) == (1, 1, 1)
    assert rows["ordinary"].clients == 0 and rows["ordinary"].coverage is None


def test_deleted_clients_count_nowhere(store, book):
    clients.trash_client(store, book["A"])
    report = insights.funnel(store, NOV)
    assert report.won == 0 and report.steps[3].entered == 0
    assert insights.channels(store, OCT_NOV).total.prospects == 5


def test_period_checks_and_drill_down(store, book):
    with pytest.raises(ValidationError):
        Period(date(2026, 11, 2), date(2026, 11, 1))
    assert insights.default_period() == Period(date(2025, 11, 24), date(2026, 11, 23))
    assert insights.make_period(None, date(2026, 6, 30)).start == date(2025, 7, 1)
    lines = insights.clients_named(store, [book["B"], book["A"]])
    assert [(c.name, c.step) for c in lines] == [("客户A", 6), ("客户B", 3)]


def test_demo_book_gives_meaningful_figures(demo_store):
    everything = insights.all_reports(demo_store)
    assert all(s.entered > 0 for s in everything.funnel.steps)
    assert all(s.median_days for s in everything.funnel.steps[:5])
    assert everything.funnel.won > 0 and everything.funnel.lost > 0 and everything.funnel.lost_reasons
    assert len(everything.channels.channels) == 5 and everything.channels.referrers
    assert any(y.business > 0 for y in everything.channels.channels)
    assert everything.objections.types and any(len(t.answers) > 1 for t in everything.objections.types)
    assert everything.forecast.weighted > 0
    assert any(w.total for w in everything.activity)
    assert any(c.clients for c in everything.coverage)


# ---- the command line -----------------------------------------------------------------


def run_cli(capsys, data_dir, *args):
    from rmdesk.cli import main

    code = main([*args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.sqlite_only  # the command reads the local book in data_dir
def test_cli_report_json_has_stable_keys(store, book, data_dir, capsys):
    import json

    store.close()
    code, out, _ = run_cli(capsys, data_dir, "report", "funnel", "--from", "2026-11-01", "--to", "2026-11-30",
                           "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"from", "to", "steps", "won", "lost", "win_rate", "lost_reasons"}
    assert data["steps"][0] == {"step": 1, "entered": 3, "advanced": 2, "conversion": 0.6667, "stays": 3,
                                "median_days": 6.0, "p80_days": 7.2, "now_in_step": 1}
    assert data["win_rate"] == 0.5 and data["lost_reasons"] == [{"reason": "price", "count": 1}]
    code, out, _ = run_cli(capsys, data_dir, "report", "channels", "--from", "2026-10-01", "--to", "2026-11-30",
                           "--format", "json")
    data = json.loads(out)
    assert data["channels"][1] == {"channel": "referral", "prospects": 2, "qualified": 1, "won": 1,
                                   "win_rate": 0.5, "business": "5000000.00"}
    assert data["total"]["prospects"] == 6 and data["ledger"][0]["client"] == "客户A"
    code, out, _ = run_cli(capsys, data_dir, "report", "objections", "--from", "2026-11-01", "--format", "json")
    data = json.loads(out)
    assert data["types"][0]["answers"][0] == {"answer": "综合成本", "used": 2, "resolved": 1, "closed": 1,
                                              "resolve_rate": 0.5, "close_rate": 0.5}


@pytest.mark.sqlite_only  # the command reads the local book in data_dir
def test_cli_report_tables_and_errors(store, book, data_dir, capsys):
    store.close()
    code, out, _ = run_cli(capsys, data_dir, "report", "funnel", "--from", "2026-11-01", "--to", "2026-11-30",
                           "--lang", "zh_CN")
    assert code == 0 and "销售漏斗" in out and "赢单率 50%" in out and "价格" in out
    code, out, _ = run_cli(capsys, data_dir, "report", "channels", "--lang", "en")
    assert code == 0 and "Referral ledger" in out and "老周" in out
    code, _, err = run_cli(capsys, data_dir, "report", "funnel", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 1 and err.count("\n") == 1 and "before the start" in err
    code, _, err = run_cli(capsys, data_dir, "report", "funnel", "--from", "yesterday")
    assert code == 2 and err.count("\n") == 1


def test_call_plan_shows_the_answer_that_worked(store, book):
    from datetime import timedelta

    from rmdesk.services.callplan import plan_for_visit

    vid = visits.plan_visit(store, book["B"], {"planned_at": NOW + timedelta(days=1)})
    plan = plan_for_visit(store, vid, "en")
    price = next(o for o in plan.objections if o.type == "price")
    # B's open price objection was answered "综合成本" (what worked once, for A): no repeat.
    assert price.logged and price.answer.strip() == "综合成本" and price.worked == ""
    assert insights.worked_answers(store)["price"].answer == "综合成本"
    c = clients.create_client(store, {"name": "客户G"})
    move(store, c, 4, 11, 22)
    plan = plan_for_visit(store, visits.plan_visit(store, c, {"planned_at": NOW + timedelta(days=1)}), "en")
    price = next(o for o in plan.objections if o.type == "price")
    assert not price.logged and price.worked == ("What worked for you: 综合成本 (resolved 1 of 2 times, "
                                                 "1 then closed)")
