"""Work reports for the demo book (issue 18), written through the work-report service as an RM
would: yesterday's daily log and last week's summary submitted, the week before submitted and
changed afterwards with a reason (two versions), last month's market report submitted with
observations, and this week's summary a draft. Their figures come from the demo data.

The demo book lives on one laptop, so these reports are "submitted and exported for the lead":
comments and the lead's sign-off exist only on a team database, written under a lead's own
login (services/workreport_review.py); the demo does not fake them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import update

from rmdesk import clock
from rmdesk.services import workreports
from rmdesk.services.workreports import Observation, period_key
from rmdesk.store.engine import Store
from rmdesk.store.models import WorkReport

OBSERVATIONS = [
    Observation("chemicals", "滨江区", "园区内化工企业普遍在压降库存，流动资金贷款需求回落，票据贴现询价增多。"),
    Observation("logistics", "高新区", "跨境物流客户的美元结算量回升，对汇率避险产品的兴趣明显上升。"),
    Observation(None, None, "同业在普惠贷款上报价下探 10-20 个基点，需要用结算和代发的综合收益谈价格。"),
]


def add_demo_reports(store: Store) -> int:
    """The demo's work reports (see the module text); returns how many versions were written."""
    today = clock.today()
    last_week_day = today - timedelta(days=7)
    month_end = today.replace(day=1) - timedelta(days=1)
    written = 0
    workreports.submit(store, "daily", period_key("daily", today - timedelta(days=1)),
                       notes="上午电话回访三家结算客户，下午上门拜访，客户对代发工资方案感兴趣。",
                       plan="明天整理代发方案报价，约财务总监下周二面谈。")
    written += 1
    earlier = period_key("weekly", today - timedelta(days=14))
    workreports.submit(store, "weekly", earlier,
                       notes="本周重点推进两家制造业客户的授信资料收集。",
                       plan="下周完成一户授信上报，继续跟进转介绍线索。")
    workreports.amend(store, "weekly", earlier, "周五的一次拜访漏记，补录后重新生成数据",
                      notes="本周重点推进两家制造业客户的授信资料收集；周五补访一家物流企业。",
                      plan="下周完成一户授信上报，继续跟进转介绍线索。")
    written += 2
    workreports.submit(store, "weekly", period_key("weekly", last_week_day),
                       notes="本周新增客户以转介绍为主，价格异议仍是最常见的阻碍。",
                       plan="下周对三家第五步客户做签约前的最后一次拜访。")
    written += 1
    workreports.submit(store, "monthly", period_key("monthly", month_end),
                       notes="本月活动量基本达标，上门拜访略低于目标。",
                       plan="下月重点：存量客户回访与两家重点客户的续贷。", observations=OBSERVATIONS)
    written += 1
    workreports.save_draft(store, "weekly", period_key("weekly", today), notes="（草稿）本周进展待补充。")
    if store.is_sqlite:  # the single laptop: each handed in when its period ended, not all just now
        def friday(day: date) -> date:
            return day - timedelta(days=day.weekday()) + timedelta(days=4)

        _handed_in(store, {
            ("daily", period_key("daily", today - timedelta(days=1)), 1):
                datetime.combine(today - timedelta(days=1), time(18, 30)),
            ("weekly", earlier, 1): datetime.combine(friday(today - timedelta(days=14)), time(17, 30)),
            ("weekly", earlier, 2): datetime.combine(friday(today - timedelta(days=14)) + timedelta(days=3), time(9, 15)),
            ("weekly", period_key("weekly", last_week_day), 1): datetime.combine(friday(last_week_day), time(17, 45)),
            ("monthly", period_key("monthly", month_end), 1): datetime.combine(month_end, time(17, 0))})
    return written + 1


def _handed_in(store: Store, when: dict[tuple[str, str, int], datetime]) -> None:
    """Set when each version was written and handed in (a local book has no row-level
    security that keeps a handed-in version as it is; a team database keeps the true times)."""
    with store.write() as s:
        for (kind, key, version), at in when.items():
            s.execute(update(WorkReport).where(WorkReport.kind == kind, WorkReport.period == key,
                                               WorkReport.version == version)
                      .values(created_at=at, updated_at=at, submitted_at=at))
