"""Services behind the guided flow: ticks, missing data, estimates, maintenance,
complaints, timeline, trash, stale cards and board filters."""

from datetime import datetime, timedelta

import pytest

from rmdesk import clock
from rmdesk.errors import NotFound, ValidationError
from rmdesk.playbook import loader
from rmdesk.services import (
    clients,
    engagement,
    financing,
    flow,
    maintenance,
    pipeline,
    settings,
    visits,
)
from rmdesk.services.pipeline import BoardFilter
from rmdesk.services.timeline import timeline

pytestmark = pytest.mark.both_engines


@pytest.fixture
def cid(store):
    return clients.create_client(store, {"name": "华能电力"})


def test_checklist_ticks_are_saved_per_client_and_step(store, cid):
    first = loader.load("en").step(1).checklist[0].id
    flow.tick(store, cid, 1, first)
    flow.tick(store, cid, 1, first)  # idempotent
    assert flow.ticked(store, cid, 1) == {first}
    assert flow.ticked(store, cid, 2) == set()
    flow.tick(store, cid, 1, first, done=False)
    assert flow.ticked(store, cid, 1) == set()
    with pytest.raises(ValidationError):
        flow.tick(store, cid, 1, "made_up")
    signal = loader.load("en").closing_signals[0].id
    flow.tick(store, cid, 5, signal)  # closing signals tick under step 5
    assert flow.ticked(store, cid, 5) == {signal}


def test_missing_data_follows_the_step(store, cid):
    # "Still needed" names what the exit rule needs too (the qualification score)
    assert flow.missing_data(store, cid) == ["industry", "contact_name", "qualification_score", "source_channel"]
    clients.update_client(store, cid, {"industry": "power", "source_channel": "media"})
    clients.add_contact(store, cid, {"name": "王总", "decision_power": "decides"})
    clients.set_qualification(store, cid, {k: True for k in ("need", "afford", "standard")})
    assert flow.missing_data(store, cid) == []
    pipeline.move_to_step(store, cid, 3, reason="test")
    # step 3's rule: a confirmed need and the proposal agreed (no financing estimate required)
    assert flow.missing_data(store, cid) == ["confirmed_need", "proposal_agreed", "annual_sales"]
    pipeline.move_to_step(store, cid, 4, reason="test")
    assert flow.missing_data(store, cid) == ["objections_logged"]
    pipeline.move_to_step(store, cid, 2, reason="test")
    # the policy class came with the industry (its industry note's usual class, issue 19)
    assert clients.get_client(store, cid).policy_class == "permitted"
    assert flow.missing_data(store, cid) == ["size", "credit_rating", "banks"]


def test_estimates_are_saved_with_how_they_were_computed(store, cid):
    e = financing.monthly_income({"monthly_net_income": "100000", "annual_rate_pct": "0", "term_months": "12"})
    eid = flow.save_estimate(store, cid, e)
    saved = flow.estimates_of(store, cid)
    assert [(s.id, s.method, s.result) for s in saved] == [(eid, "monthly_income", e.result)]
    assert saved[0].steps == e.steps and saved[0].inputs == e.inputs


def test_closing_strategy_is_validated(store, cid):
    flow.set_closing_strategy(store, cid, "choice_of_two")
    assert flow.missing_data(store, cid)[:1] == ["industry"]
    with pytest.raises(ValidationError):
        flow.set_closing_strategy(store, cid, "beg")


def test_maintenance_contact_sets_next_date(store, cid):
    maintenance.log_contact(store, cid, "personal_care", "中秋送月饼", next_date="2026-12-20")
    assert [r.way for r in maintenance.contacts_of(store, cid)] == ["personal_care"]
    with pytest.raises(ValidationError):
        maintenance.log_contact(store, cid, "bribery")
    with pytest.raises(ValidationError):
        maintenance.log_contact(store, cid, "onsite", next_date="2026-01-01")


def test_complaint_closes_when_the_loop_is_closed(store, cid):
    k = maintenance.add_complaint(store, cid, "网银转账失败，影响发工资")
    row = maintenance.mark_complaint_step(store, k, "solve")
    row = maintenance.mark_complaint_step(store, k, "listen")
    assert row.steps_done == ("listen", "solve") and row.closed_at is None
    row = maintenance.mark_complaint_step(store, k, "close_loop")
    assert row.closed_at is not None
    with pytest.raises(NotFound):
        maintenance.mark_complaint_step(store, 999, "listen")


def test_timeline_has_every_kind_newest_first(store, cid):
    clock.pin(datetime(2026, 11, 23, 9, 0))
    clients.update_client(store, cid, {"tier": "key"})
    clock.pin(datetime(2026, 11, 23, 10, 0))
    pipeline.move_to_step(store, cid, 2, reason="推荐客户")
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00"})
    clock.pin(datetime(2026, 11, 24, 11, 0))
    visits.record_report(store, vid, "谈得顺利")
    oid = engagement.log_objection(store, cid, "price", "利率高")
    engagement.resolve_objection(store, oid, "看综合成本")
    did = engagement.create_deal(store, cid, "factoring", "1000000")
    engagement.close_deal(store, did, won=True)
    maintenance.log_contact(store, cid, "onsite")
    kinds = [e.kind for e in timeline(store, cid)]
    for kind in ("edit", "move", "visit_planned", "call_report", "objection", "objection_resolved", "deal",
                 "deal_won", "maintenance"):
        assert kind in kinds
    ats = [e.at for e in timeline(store, cid)]
    assert ats == sorted(ats, reverse=True)
    edit = next(e for e in timeline(store, cid) if e.kind == "edit")
    assert edit.facts == {"field": "tier", "old": None, "new": "key", "note": None}


def test_trash_restore_and_empty(store, cid):
    other = clients.create_client(store, {"name": "长城汽车"})
    clients.trash_client(store, cid)
    assert [r.id for r in clients.list_clients(store)] == [other]
    assert [t.id for t in clients.trash(store)] == [cid]
    with pytest.raises(NotFound):
        clients.get_client(store, cid)
    clients.restore_client(store, cid)
    assert clients.count_clients(store) == 2
    clients.trash_client(store, other)
    assert clients.empty_trash(store) == 1
    assert clients.trash(store) == [] and clients.count_clients(store) == 1


def test_board_marks_stale_cards_and_filters(store, cid, pinned_clock):
    other = clients.create_client(store, {"name": "长城汽车", "owner": "李娜", "tier": "key", "industry": "autos"})
    clock.pin(pinned_clock + timedelta(days=31))
    cards = {c.client_id: c for c in pipeline.board(store)[1]}
    assert cards[cid].stale and cards[cid].days_in_step == 31
    settings.save_stale_days(store, {1: 40})
    assert not pipeline.board(store)[1][0].stale
    assert [c.client_id for c in pipeline.board(store, BoardFilter(owner="李娜"))[1]] == [other]
    assert [c.client_id for c in pipeline.board(store, BoardFilter(tier="key"))[1]] == [other]
    assert [c.client_id for c in pipeline.board(store, BoardFilter(industry="autos"))[1]] == [other]
    assert pipeline.owners(store) == ["李娜"]
    with pytest.raises(ValidationError):
        settings.save_stale_days(store, {1: -3})


def test_maintenance_due_and_birthdays_ahead(store, cid):
    from datetime import date

    other = clients.create_client(store, {"name": "长城汽车"})
    maintenance.log_contact(store, cid, "onsite", next_date="2026-11-23")
    maintenance.log_contact(store, other, "onsite", next_date="2026-12-01")
    assert [r.client_id for r in maintenance.maintenance_due(store)] == [cid]
    assert [r.client_id for r in maintenance.maintenance_due(store, date(2026, 12, 1))] == [cid, other]
    clients.add_contact(store, cid, {"name": "王总", "birthday": "1970-11-29"})
    clients.add_contact(store, cid, {"name": "李总", "birthday": "1970-11-30"})  # 7 days away: outside
    clients.add_contact(store, other, {"name": "闰年", "birthday": "1996-02-29"})
    rows = maintenance.birthdays_ahead(store, 7)
    assert [(r.contact_name, r.day, r.age) for r in rows] == [("王总", date(2026, 11, 29), 56)]
    leap = maintenance.birthdays_ahead(store, 3, start=date(2027, 2, 27))
    assert [(r.contact_name, r.day) for r in leap] == [("闰年", date(2027, 2, 28))]
    clients.add_contact(store, other, {"name": "元旦", "birthday": "1980-01-02"})
    year_end = maintenance.birthdays_ahead(store, 7, start=date(2026, 12, 28))
    assert [(r.contact_name, r.day, r.age) for r in year_end] == [("元旦", date(2027, 1, 2), 47)]


def test_visits_and_deals_go_to_the_trash_and_come_back(store, cid):
    from rmdesk.errors import NotFound
    from rmdesk.services import engagement, trash, visits

    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00", "objective": "送方案"})
    did = engagement.create_deal(store, cid, "working_capital_loan", "1000000")
    trash.trash_visit(store, vid)
    trash.trash_deal(store, did)
    assert visits.client_visits(store, cid) == [] and engagement.deals_of(store, cid) == []
    listed = {(t.kind, t.id) for t in trash.items(store, "en")}
    assert listed == {("visit", vid), ("deal", did)}
    with pytest.raises(NotFound):
        trash.trash_visit(store, vid)
    trash.restore(store, "visit", vid)
    assert [v.id for v in visits.client_visits(store, cid)] == [vid]
    kinds = [e.kind for e in timeline(store, cid)]
    assert "trash_visit" in kinds and "restore_visit" in kinds and "trash_deal" in kinds
    # a trashed client hides its own visits and deals from the list: they come back with it
    other = clients.create_client(store, {"name": "乙公司"})
    visits.plan_visit(store, other, {"planned_at": "2026-11-26 09:00"})
    clients.trash_client(store, other)
    assert {(t.kind, t.id) for t in trash.items(store)} == {("deal", did), ("client", other)}
    assert trash.empty(store) == 2
    assert trash.items(store) == [] and engagement.deals_of(store, cid) == []
    assert [v.id for v in visits.client_visits(store, cid)] == [vid]
    with pytest.raises(NotFound):
        trash.restore(store, "deal", did)
