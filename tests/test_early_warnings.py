"""Early warnings: the catalogue (both languages), the log with its rules, the post-loan
check it raises, and where open warnings show (Today's list, the call plan, the reports)."""

from datetime import date, timedelta

import pytest

from rmdesk import clock, i18n
from rmdesk.errors import NotFound, PlaybookError, ValidationError
from rmdesk.services import callplan, clients, early_warnings, visits, workreports
from rmdesk.services.early_warnings import parse_catalogue

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 23)  # a Monday, as pinned by conftest


def test_catalogue_covers_the_five_categories_in_both_languages():
    signals = early_warnings.signals()
    assert {s.category for s in signals} == set(early_warnings.CATEGORIES)
    keys = {s.key for s in signals}
    assert {"sales_falling", "receivable_days_rising", "inventory_days_rising", "losses", "late_payment",
            "main_buyer_lost", "production_stopped", "key_person_change", "disputes", "large_fund_movement",
            "deposits_falling", "guarantee_chain", "mutual_guarantee", "related_party_risk"} <= keys
    for s in signals:
        for lang in i18n.LANGUAGES:
            assert s.name(lang) and s.look_for(lang) and s.action(lang)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in s.name("zh_CN"))
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in s.name("en") + s.look_for("en") + s.action("en"))
    assert early_warnings.category_name("account", "zh_CN") == "账户行为类"


def test_a_broken_catalogue_names_the_place():
    good = {"category": {k: {"zh_CN": k, "en": k} for k in early_warnings.CATEGORIES}}
    item = {"key": "x", "category": "financial", "severity": "high", "name": {"zh_CN": "甲", "en": "A"},
            "look_for": {"zh_CN": "甲", "en": "A"}, "action": {"zh_CN": "甲", "en": "A"}}
    assert parse_catalogue({**good, "signal": [item]})[1][0].key == "x"
    for broken, where in (({**item, "severity": "dire"}, "x"), ({**item, "name": {"zh_CN": "甲"}}, "x.name"),
                          ({**item, "key": ""}, "signal[0]")):
        with pytest.raises(PlaybookError) as e:
            parse_catalogue({**good, "signal": [broken]})
        assert e.value.params["where"] == where
    with pytest.raises(PlaybookError):
        parse_catalogue({**good, "signal": [item, item]})  # the same key twice


def test_log_update_close(store):
    cid = clients.create_client(store, {"name": "华能电力有限公司", "owner": "王强"})
    wid = early_warnings.log_warning(store, cid, {"signal": "sales_falling", "seen_on": "2026-11-20",
                                                  "detail": "三季度销售同比下降 30%", "action": "约见财务总监"})
    (w,) = early_warnings.client_warnings(store, cid)
    assert (w.signal, w.severity, w.seen_on, w.is_open, w.client_name) == (
        "sales_falling", "medium", date(2026, 11, 20), True, "华能电力有限公司")
    assert early_warnings.open_count(store, cid) == (1, 0)
    with pytest.raises(ValidationError) as e:  # the same signal while it is open
        early_warnings.log_warning(store, cid, {"signal": "sales_falling"})
    assert e.value.key == "warn.already_open" and "2026-11-20" in e.value.message("zh_CN")
    early_warnings.update_warning(store, wid, {"severity": "high"}, expected_version=w.version)
    assert early_warnings.open_count(store, cid) == (1, 1)
    with pytest.raises(ValidationError) as e:
        early_warnings.close_warning(store, wid, "2026-11-19", "已回升")
    assert e.value.key == "warn.closed_before_seen"
    with pytest.raises(ValidationError) as e:
        early_warnings.close_warning(store, wid, None, " ")
    assert e.value.key == "error.required"
    early_warnings.close_warning(store, wid, None, "四季度订单回升")
    (w,) = early_warnings.client_warnings(store, cid)
    assert (w.closed_on, w.closed_note, w.is_open) == (TODAY, "四季度订单回升", False)
    with pytest.raises(ValidationError) as e:
        early_warnings.close_warning(store, wid, None, "again")
    assert e.value.key == "warn.already_closed"
    # closed: the same signal can be logged again
    again = early_warnings.log_warning(store, cid, {"signal": "sales_falling", "severity": "low"})
    assert [x.id for x in early_warnings.client_warnings(store, cid)] == [again, wid]
    with pytest.raises(ValidationError):
        early_warnings.reopen_warning(store, wid)  # the signal is open again already
    early_warnings.delete_warning(store, again)
    early_warnings.reopen_warning(store, wid)
    assert early_warnings.client_warnings(store, cid)[0].closed_on is None


def test_bad_input_is_refused_with_nothing_written(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    for data, key in (({}, "error.required"), ({"signal": "bad_luck"}, "error.not_in_list"),
                      ({"signal": "losses", "severity": "dire"}, "error.not_in_list"),
                      ({"signal": "losses", "seen_on": "2026-11-24"}, "warn.future"),
                      ({"signal": "losses", "seen_on": "1980-01-01"}, "warn.too_old"),
                      ({"signal": "losses", "seen_on": "23/11/2026"}, "error.date_format"),
                      ({"signal": "losses", "detail": "x" * 5001}, "error.too_long")):
        with pytest.raises(ValidationError) as e:
            early_warnings.log_warning(store, cid, data)
        assert e.value.key == key, data
        assert e.value.message("zh_CN") and e.value.message("en")
    assert early_warnings.client_warnings(store, cid) == []
    with pytest.raises(NotFound):
        early_warnings.log_warning(store, 999, {"signal": "losses"})
    with pytest.raises(NotFound):
        early_warnings.close_warning(store, 999, None, "x")
    msg = ValidationError("warn.future", "warn.field.seen_on").message("zh_CN")
    assert msg.startswith("发现日期：")


def test_stale_update_is_refused(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    wid = early_warnings.log_warning(store, cid, {"signal": "losses"})
    version = early_warnings.client_warnings(store, cid)[0].version
    early_warnings.update_warning(store, wid, {"action": "first"}, expected_version=version)
    from rmdesk.errors import Conflict

    with pytest.raises(Conflict):
        early_warnings.update_warning(store, wid, {"action": "second"}, expected_version=version)
    assert early_warnings.client_warnings(store, cid)[0].action == "first"


def test_stale_delete_and_reopen_are_refused_and_change_nothing(store):
    from rmdesk.errors import Conflict

    cid = clients.create_client(store, {"name": "甲公司"})
    wid = early_warnings.log_warning(store, cid, {"signal": "losses"})
    seen = early_warnings.client_warnings(store, cid)[0].version  # the copy on one RM's screen
    early_warnings.update_warning(store, wid, {"detail": "同事补充：亏损扩大"}, expected_version=seen)
    with pytest.raises(Conflict) as e:
        early_warnings.delete_warning(store, wid, expected_version=seen)
    assert e.value.params["id"] == cid
    (w,) = early_warnings.client_warnings(store, cid)
    assert w.detail == "同事补充：亏损扩大"  # the colleague's detail was not deleted unseen
    early_warnings.close_warning(store, wid, None, "已处置", expected_version=w.version)
    closed = early_warnings.client_warnings(store, cid)[0]
    early_warnings.update_warning(store, wid, {"action": "再次核查"}, expected_version=closed.version)
    with pytest.raises(Conflict):
        early_warnings.reopen_warning(store, wid, expected_version=closed.version)
    assert early_warnings.client_warnings(store, cid)[0].closed_note == "已处置"
    current = early_warnings.client_warnings(store, cid)[0].version
    early_warnings.reopen_warning(store, wid, expected_version=current)
    now = early_warnings.client_warnings(store, cid)[0]
    assert now.is_open
    early_warnings.delete_warning(store, wid, expected_version=now.version)
    assert early_warnings.client_warnings(store, cid) == []


def test_raise_post_loan_check(store):
    cid = clients.create_client(store, {"name": "甲公司", "owner": "王强"})
    wid = early_warnings.log_warning(store, cid, {"signal": "production_stopped"})  # high by default
    task_id = early_warnings.raise_check(store, wid)
    (task,) = visits.open_tasks(store, client_id=cid)
    # high: 3 days on (Thursday 2026-11-26, a working day)
    assert (task.id, task.due_date, task.owner) == (task_id, date(2026, 11, 26), "王强")
    assert "贷后检查" in task.title or "Post-loan check" in task.title
    with pytest.raises(ValidationError) as e:
        early_warnings.raise_check(store, wid)
    assert e.value.key == "warn.check_open"
    assert early_warnings.client_warnings(store, cid)[0].task_open
    visits.complete_task(store, task_id)
    assert not early_warnings.client_warnings(store, cid)[0].task_open
    second = early_warnings.raise_check(store, wid, "2026-12-01")
    assert [t.due_date for t in visits.open_tasks(store, client_id=cid) if t.id == second] == [date(2026, 12, 1)]
    with pytest.raises(ValidationError) as e:
        early_warnings.raise_check(store, wid, "2026-11-01")
    assert e.value.key == "warn.due_past"
    visits.complete_task(store, second)
    early_warnings.close_warning(store, wid, None, "复产")
    with pytest.raises(ValidationError) as e:
        early_warnings.raise_check(store, wid)
    assert e.value.key == "warn.check_closed"


def test_low_severity_check_skips_to_a_working_day(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    wid = early_warnings.log_warning(store, cid, {"signal": "deposits_falling"})  # low: 14 days
    early_warnings.raise_check(store, wid)
    (task,) = visits.open_tasks(store, client_id=cid)
    assert task.due_date == date(2026, 12, 7)  # 2026-12-07 is a Monday: 12-07 itself


def test_open_warnings_most_serious_first_and_trash_hides(store):
    a = clients.create_client(store, {"name": "甲公司"})
    b = clients.create_client(store, {"name": "乙公司"})
    early_warnings.log_warning(store, a, {"signal": "deposits_falling", "seen_on": "2026-11-01"})
    early_warnings.log_warning(store, b, {"signal": "late_payment", "seen_on": "2026-11-22"})
    early_warnings.log_warning(store, a, {"signal": "disputes", "seen_on": "2026-11-10"})
    assert [(w.client_name, w.signal) for w in early_warnings.open_warnings(store)] == [
        ("甲公司", "disputes"), ("乙公司", "late_payment"), ("甲公司", "deposits_falling")]
    assert len(early_warnings.open_warnings(store, limit=1)) == 1
    clients.trash_client(store, a)
    assert [w.client_name for w in early_warnings.open_warnings(store)] == ["乙公司"]


def test_call_plan_and_reports_show_them(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    wid = early_warnings.log_warning(store, cid, {"signal": "large_fund_movement", "seen_on": "2026-11-20",
                                                  "detail": "向个人账户转出 500 万元"})
    closed = early_warnings.log_warning(store, cid, {"signal": "losses", "seen_on": "2026-11-02"})
    early_warnings.close_warning(store, closed, "2026-11-21", "三季度扭亏")
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 10:00"})
    plan = callplan.plan_for_visit(store, vid, "zh_CN")
    assert [w.signal for w in plan.risk.warnings] == ["大额或异常资金往来"]
    assert plan.risk.warnings[0].detail == "向个人账户转出 500 万元"
    import io

    from rmdesk.formats.callplan_pdf import render_plans

    out = io.BytesIO()
    assert render_plans([plan], out, "zh_CN") >= 1
    sections = workreports.generate(store, "weekly", "2026-W47", "en")
    (section,) = [x for x in sections if x.title == "Early warnings"]
    # seen in the week, and closed in the week (seen before it)
    assert [(r[2], r[4]) for r in section.rows] == [("Large or unusual fund movements", "open"),
                                                    ("Operating losses", "closed 2026-11-21")]
    assert section.note == "1 warning open now, 0 of them high"
    november = [x for x in workreports.generate(store, "monthly", "2026-11", "zh_CN") if x.title == "风险预警"][0]
    assert sorted(r[2] for r in november.rows) == ["出现经营亏损", "大额或异常资金往来"]
    assert wid
    assert clock.today() == TODAY and TODAY - timedelta(days=3) == date(2026, 11, 20)


def test_daily_log_lists_the_days_warnings(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    early_warnings.log_warning(store, cid, {"signal": "key_person_change", "action": "拜访新任财务总监"})
    (section,) = [x for x in workreports.generate(store, "daily", "2026-11-23", "zh_CN") if x.title == "风险预警"]
    assert section.rows[0][1:3] == ["甲公司", "实际控制人或高管变动"] and section.rows[0][5] == "拜访新任财务总监"
