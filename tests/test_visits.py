"""Visit planning services: overlaps, rescheduling with history, busy hours, slot proposals."""

from datetime import datetime

import pytest

from rmdesk.errors import ValidationError
from rmdesk.services import clients, visits
from rmdesk.services.timeline import timeline

pytestmark = pytest.mark.both_engines


@pytest.fixture
def cid(store):
    return clients.create_client(store, {"name": "华能电力"})


def test_overlaps_are_found_across_clients(store, cid):
    other = clients.create_client(store, {"name": "长城汽车"})
    a = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00", "duration_min": 90})
    visits.plan_visit(store, other, {"planned_at": "2026-11-25 11:00"})
    assert [v.id for v in visits.overlapping(store, datetime(2026, 11, 25, 10, 0), 60)] == [a]
    assert visits.overlapping(store, datetime(2026, 11, 25, 10, 30), 30) == []  # touches, no overlap
    assert visits.overlapping(store, datetime(2026, 11, 25, 9, 0), 60, exclude_visit_id=a) == []
    assert len(visits.overlapping(store, datetime(2026, 11, 25, 10, 0), 120)) == 2


def test_reschedule_keeps_history_and_needs_a_reason(store, cid):
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00", "confirmed": True})
    with pytest.raises(ValidationError):
        visits.reschedule_visit(store, vid, "2026-11-26 10:00", " ")
    visits.reschedule_visit(store, vid, "2026-11-26 10:00", "客户临时出差")
    row = visits.client_visits(store, cid)[0]
    assert row.planned_at == datetime(2026, 11, 26, 10, 0) and not row.confirmed
    moved = next(e for e in timeline(store, cid) if e.kind == "visit_rescheduled")
    assert moved.facts["old"] == "2026-11-25 09:00" and moved.facts["note"] == "客户临时出差"
    visits.cancel_visit(store, vid, "改为电话沟通")
    with pytest.raises(ValidationError):
        visits.reschedule_visit(store, vid, "2026-11-27 10:00", "再约")
    assert any(e.kind == "visit_cancelled" for e in timeline(store, cid))


def test_slots_avoid_other_visits_busy_half_days_and_weekends(store, cid):
    # Now is Monday 2026-11-23 09:30. Tuesday morning is taken by another visit at 09:00-10:00,
    # the client is busy on Wednesday mornings.
    other = clients.create_client(store, {"name": "长城汽车"})
    visits.plan_visit(store, other, {"planned_at": "2026-11-24 09:00"})
    visits.set_busy_hours(store, cid, ["wed_am"])
    slots = visits.propose_slots(store, cid)
    # 09:00 and 10:00 clash (30 minutes travel), 11:00 is free; the alternative is on Wednesday afternoon.
    assert slots == [datetime(2026, 11, 24, 11, 0), datetime(2026, 11, 25, 14, 0)]
    visits.set_busy_hours(store, cid, ["tue_am", "tue_pm", "wed_am", "wed_pm", "thu_am", "thu_pm", "fri_am",
                                       "fri_pm"])
    assert visits.propose_slots(store, cid) == [datetime(2026, 11, 30, 9, 0), datetime(2026, 12, 7, 9, 0)]
    with pytest.raises(ValidationError):
        visits.set_busy_hours(store, cid, ["sat_am"])


def test_call_report_logs_objections_products_and_next_steps_in_one_go(store, cid):
    from datetime import date

    from rmdesk.errors import ValidationError as Invalid
    from rmdesk.services import engagement

    boss = clients.add_contact(store, cid, {"name": "欧阳总", "decision_power": "decides"})
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-23 09:00", "contact_id": boss,
                                         "attendees_theirs": "财务总监刘会计",
                                         "products": ["settlement_cash_mgmt"]})
    planned = visits.report_prefill(store, vid)
    assert planned.attendees == "欧阳总, 财务总监刘会计" and planned.products == ("settlement_cash_mgmt",)
    # a bad row anywhere: nothing is written (no task, no objection, the visit still planned)
    with pytest.raises(Invalid) as bad:
        visits.record_report(store, vid, "谈得顺利", next_steps=[{"title": "寄方案"}],
                             objections=[{"type": "price", "words": "利率高"}], products=["no_such_product"])
    assert bad.value.field == "products_discussed"
    with pytest.raises(Invalid):
        visits.record_report(store, vid, "谈得顺利", objections=[{"type": "weather", "words": "下雨"}])
    assert visits.client_visits(store, cid)[0].status == "planned"
    assert engagement.objections_of(store, cid) == [] and visits.open_tasks(store) == []

    ids = visits.record_report(
        store, vid, "谈得顺利", "现金管理", "积极", attendees_met="欧阳总",
        products=["settlement_cash_mgmt", "settlement_cash_mgmt", "payroll"],
        next_steps=[{"title": "寄方案", "owner": "王小明", "due_date": "2026-11-27"},
                    {"title": "约财务总监", "owner": "李娜", "due_date": date(2026, 12, 1)}],
        objections=[{"type": "price", "words": "你们的手续费偏高", "answer": "免收前三个月"}])
    tasks = {t.title: t for t in visits.open_tasks(store)}
    assert len(ids) == 2 and tasks["寄方案"].due_date == date(2026, 11, 27) and tasks["约财务总监"].owner == "李娜"
    [objection] = engagement.objections_of(store, cid)
    assert objection.words == "你们的手续费偏高" and not objection.resolved
    report = next(e for e in timeline(store, cid) if e.kind == "call_report")
    assert report.facts["attendees"] == "欧阳总" and report.facts["outcome"] == "谈得顺利"
    with store.read() as s:
        from rmdesk.store.models import Objection, Visit

        visit = s.get(Visit, vid)
        assert visit.report_products == '["settlement_cash_mgmt", "payroll"]'
        assert s.get(Objection, objection.id).visit_id == vid
