"""Visit planning services: overlaps, rescheduling with history, busy hours, slot proposals."""

from datetime import datetime

import pytest

from rmdesk.errors import ValidationError
from rmdesk.services import clients, visits
from rmdesk.services.timeline import timeline


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
