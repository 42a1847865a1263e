"""Every exit rule of the six steps, and how moves are recorded."""

from datetime import datetime

import pytest

from rmdesk.errors import RuleNotMet, ValidationError
from rmdesk.services import clients, engagement, pipeline, proposals, visits

pytestmark = pytest.mark.both_engines


@pytest.fixture
def cid(store):
    return clients.create_client(store, {"name": "华能电力"})


def unmet(store, cid):
    return pipeline.check_exit(store, cid).unmet


def test_step1_needs_score_and_named_contact(store, cid):
    assert unmet(store, cid) == ["min_score", "named_contact"]
    clients.set_qualification(store, cid, {"need": True, "afford": True, "standard": True})
    assert unmet(store, cid) == ["named_contact"]
    with pytest.raises(RuleNotMet) as info:
        pipeline.advance(store, cid)
    assert info.value.unmet == ["named_contact"]
    clients.add_contact(store, cid, {"name": "王总"})
    pipeline.advance(store, cid)
    assert clients.get_client(store, cid).step == 2


def test_step2_needs_confirmed_appointment_with_a_decider(store, cid):
    pipeline.move_to_step(store, cid, 2, reason="test setup")
    clerk = clients.add_contact(store, cid, {"name": "出纳小李", "decision_power": "informs"})
    boss = clients.add_contact(store, cid, {"name": "王总", "decision_power": "decides"})
    assert unmet(store, cid) == ["decider_appointment"]
    visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00", "contact_id": clerk, "confirmed": True})
    assert unmet(store, cid) == ["decider_appointment"]  # confirmed, but not with a decider
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-26 10:00", "contact_id": boss})
    assert unmet(store, cid) == ["decider_appointment"]  # decider, but not confirmed
    visits.confirm_visit(store, vid)
    assert unmet(store, cid) == []


def test_step2_a_held_visit_with_the_decider_counts(store, cid):
    pipeline.move_to_step(store, cid, 2, reason="test setup")
    boss = clients.add_contact(store, cid, {"name": "王总", "decision_power": "decides"})
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-20 09:00", "contact_id": boss})
    visits.record_report(store, vid, "谈得不错")
    assert unmet(store, cid) == []


def test_step3_needs_a_confirmed_need_and_proposal_agreed(store, cid):
    pipeline.move_to_step(store, cid, 3, reason="test setup")
    assert unmet(store, cid) == ["need_confirmed", "proposal_agreed"]
    nid = engagement.add_need(store, cid, "financing", "旺季资金缺口")
    assert unmet(store, cid) == ["need_confirmed", "proposal_agreed"]
    engagement.confirm_need(store, nid)
    clients.update_client(store, cid, {"proposal_agreed": True})
    assert unmet(store, cid) == ["proposal_agreed"]  # the tick needs a proposal behind it
    proposals.save_draft(store, cid, {"situation": "旺季资金紧"})
    assert unmet(store, cid) == []


def test_step4_open_blocking_objections_stop_the_exit(store, cid):
    pipeline.move_to_step(store, cid, 4, reason="test setup")
    assert unmet(store, cid) == ["objection_logged"]  # not "met" before any objection was heard
    minor = engagement.log_objection(store, cid, "service", "网银慢", blocking=False)
    assert unmet(store, cid) == []
    oid = engagement.log_objection(store, cid, "price", "利率太高")
    check = pipeline.check_exit(store, cid)
    assert check.unmet == ["no_blocking_objection"] and check.conditions[0].params == {"open": 1}
    engagement.resolve_objection(store, oid, "综合成本更低")
    assert unmet(store, cid) == []
    assert minor


def test_step5_needs_a_won_deal_and_entering_step6_makes_a_customer(store, cid):
    pipeline.move_to_step(store, cid, 5, reason="test setup")
    did = engagement.create_deal(store, cid, "factoring", "5000000")
    assert unmet(store, cid) == ["deal_won"]
    engagement.close_deal(store, did, won=True)
    assert unmet(store, cid) == []
    pipeline.advance(store, cid)
    c = clients.get_client(store, cid)
    assert c.step == 6 and c.status == "won"
    assert unmet(store, cid) == ["final_step"]
    with pytest.raises(ValidationError):
        pipeline.move_to_step(store, cid, 7, reason="x")


def test_lost_deal_needs_a_reason(store, cid):
    did = engagement.create_deal(store, cid, "factoring", "100")
    with pytest.raises(ValidationError):
        engagement.close_deal(store, did, won=False)
    engagement.close_deal(store, did, won=False, reason="他行利率更低")
    assert engagement.deals_of(store, cid)[0].status == "lost"


def test_override_stores_reason_and_unmet_conditions(store, cid):
    with pytest.raises(RuleNotMet):
        pipeline.advance(store, cid, reason="  ")
    pipeline.advance(store, cid, reason="行长指定重点客户")
    last = pipeline.history(store, cid)[0]
    assert (last.from_step, last.to_step, last.override) == (1, 2, True)
    assert last.reason == "行长指定重点客户" and last.unmet == ("min_score", "named_contact")


def test_moving_back_and_skipping_need_a_reason(store, cid):
    pipeline.move_to_step(store, cid, 3, reason="客户直接要方案")
    with pytest.raises(RuleNotMet) as info:
        pipeline.move_to_step(store, cid, 2)
    assert info.value.key == "error.move_back_needs_reason"
    pipeline.move_to_step(store, cid, 2, reason="决策人换了")
    h = pipeline.history(store, cid)[0]
    assert (h.from_step, h.to_step, h.override) == (3, 2, False)


def test_park_lose_reopen(store, cid, pinned_clock):
    with pytest.raises(ValidationError):
        pipeline.park(store, cid, "2026-11-01")  # wake-up must be in the future
    pipeline.park(store, cid, "2027-03-01", "明年预算")
    c = clients.get_client(store, cid)
    assert c.status == "nurture" and str(c.wake_up_date) == "2027-03-01"
    with pytest.raises(ValidationError):
        pipeline.advance(store, cid, reason="x")  # parked clients do not move
    pipeline.reopen(store, cid)
    assert clients.get_client(store, cid).status == "active"
    with pytest.raises(ValidationError):
        pipeline.mark_lost(store, cid, "moon")
    pipeline.mark_lost(store, cid, "competitor", "选择了他行")
    c = clients.get_client(store, cid)
    assert (c.status, c.lost_reason, c.status_reason) == ("lost", "competitor", "选择了他行")
    pipeline.reopen(store, cid, "新财务总监上任")
    moves = [(h.from_status, h.to_status) for h in pipeline.history(store, cid)]
    assert moves[:4] == [("lost", "active"), ("active", "lost"), ("nurture", "active"), ("active", "nurture")]
    assert all(isinstance(h.at, datetime) for h in pipeline.history(store, cid))
