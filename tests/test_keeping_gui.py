"""Keeping clients in the GUI: the maintenance-due list with one-click visit planning,
the Reports page's targets, weekly activity and tier overview, the keeping settings,
and the client's keeping panel (pytest-qt, offscreen, zh_CN)."""

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QPushButton

from rmdesk.gui import dialogs
from rmdesk.gui.client.forms import VisitDialog
from rmdesk.gui.main_window import MainWindow  # noqa: E402
from rmdesk.services import cadence, clients, targets, tiering, visits

KEEPING_PAGE = MainWindow.MAINTENANCE
REPORTS_PAGE = MainWindow.REPORTS
SETTINGS_PAGE = MainWindow.SETTINGS


@pytest.fixture
def desk(make_desk, demo_store):
    tiering.recompute(demo_store)
    return make_desk(demo_store)


def test_due_list_shows_due_and_overdue_clients(desk):
    w = desk.window
    w.show_page(KEEPING_PAGE)
    page = w.keeping
    due = cadence.due_within(desk.store, 14)
    assert page.table.rowCount() == len(due) > 0
    assert [page.table.item(r, 2).text() for r in range(len(due))] == [d.client_name for d in due]
    overdue = [r for r, d in enumerate(due) if d.overdue_days]
    assert overdue, "the demo book has overdue clients"
    assert page.table.item(overdue[0], 1).text() == f"{due[overdue[0]].overdue_days} 天"
    assert page.table.item(overdue[0], 0).foreground().color().name() == "#b00020"
    assert "逾期" in page.summary.text()
    page.days.setValue(0)
    assert page.table.rowCount() == len(cadence.due_within(desk.store, 0)) < len(due)
    assert page.care.rowCount() + page.care_empty.isVisible() > 0


def test_plan_a_visit_is_one_click_from_the_due_list(desk, monkeypatch):
    w = desk.window
    w.show_page(KEEPING_PAGE)
    page = w.keeping
    row = next(r for r, d in enumerate(page.items) if d.planned_visit is None)
    item = page.items[row]
    seen = []

    def accept(dialog):
        seen.append(dialog)
        assert isinstance(dialog, VisitDialog) and dialog._client_id == item.client_id
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", accept)
    button = page.table.cellWidget(row, 7)
    assert isinstance(button, QPushButton) and button.text() == "计划拜访"
    button.click()
    assert len(seen) == 1
    planned = [v for v in visits.client_visits(desk.store, item.client_id) if v.status == "planned"]
    assert planned
    row = next(r for r, d in enumerate(page.items) if d.client_id == item.client_id)
    assert page.table.item(row, 5).text() != ""  # the visit now shows as planned


def test_reports_page_shows_targets_with_progress(desk):
    w = desk.window
    w.show_page(REPORTS_PAGE)
    page = w.reports
    report = targets.report(desk.store, "2026")
    assert page.period.currentData() == "2026"
    for line in report.lines:
        bar = page.bars[line.measure]
        assert bar.value() == int(min(line.ratio, Decimal(1)) * 1000)
        assert "%" in page.bar_texts[line.measure].text()
    visits_line = next(p for p in report.lines if p.measure == "visits")
    assert page.bar_texts["visits"].text().startswith(f"{int(visits_line.actual)} / 150")
    targets.save_targets(desk.store, "2026", {"visits": "100000"})
    page.refresh()
    assert page.bars["visits"].value() < 10 and "/ 100000" in page.bar_texts["visits"].text()
    assert ("达标" in page.qualified.text()) == report.qualified
    weeks = targets.weekly_activity(desk.store, 8)
    assert len(page.week_bars) == 8
    label, bar, text = page.week_bars[-2]
    assert bar.maximum() == weeks[-2].goal and text.text().startswith(f"{weeks[-2].total} / {weeks[-2].goal}")


def test_reports_page_tier_overview_and_pareto_curve(desk):
    w = desk.window
    w.show_page(REPORTS_PAGE)
    page = w.reports
    view = tiering.overview(desk.store)
    shown = [line for line in view.lines if line.tier is not None or line.clients]
    assert page.tiers.rowCount() == len(shown)
    assert page.tiers.item(0, 0).text() == "关键客户" and page.tiers.item(0, 1).text() == str(shown[0].clients)
    assert page.chart.curve == view.curve and page.chart.top20 == view.top20_share
    assert len(page.chart.curve) > 10


def test_settings_choose_scheme_cadence_targets_and_reminders(desk):
    w = desk.window
    w.show_page(SETTINGS_PAGE)
    k = w.settings_page.keeping
    assert list(k.cadences) == ["key", "major", "ordinary", "small"]
    k.cadences["key"].setText("every week")
    k.save_cadence_button.click()
    assert "维护频率" in k.scheme_status.text()
    k.cadences["key"].setText("FREQ=WEEKLY")
    k.save_cadence_button.click()
    assert tiering.get_scheme(desk.store)["cadences"]["key"] == "FREQ=WEEKLY"
    k.scheme.setCurrentIndex(k.scheme.findData("stars"))
    k.apply_scheme.click()
    assert tiering.get_scheme(desk.store)["key"] == "stars" and list(k.cadences)[0] == "star5"
    assert "个客户的分层有变化" in k.scheme_status.text()
    k.period.setEditText("2027")
    k.targets["avg_deposits"].setText("8000")  # 万元
    k.targets["visits"].setText("200")
    k.save_targets_button.click()
    saved = targets.get_targets(desk.store, "2027")
    assert saved["avg_deposits"] == Decimal("80000000") and saved["visits"] == 200
    k.targets["visits"].setText("很多")
    k.save_targets_button.click()
    assert "拜访次数" in k.target_status.text()
    k.reminder_days.setValue(14)
    assert k.calendar_alarm.value() == 30  # the calendar's reminder, default 30 minutes
    k.calendar_alarm.setValue(45)
    k.save_reminder_button.click()
    from rmdesk.services.settings import get_calendar_alarm_minutes, get_reminder_days

    assert get_reminder_days(desk.store) == 14 and get_calendar_alarm_minutes(desk.store) == 45


def test_client_keeping_panel_sets_a_tier_by_hand(desk, monkeypatch):
    cid = next(d.client_id for d in cadence.schedule(desk.store))
    window = desk.window.open_client(cid)
    panel = window.overview.keeping
    assert panel.due.text().startswith(cadence.due_for(desk.store, cid).due.isoformat())

    def accept(dialog):
        dialog.tier_combo = panel.tier_combo
        panel.tier_combo.setCurrentIndex(panel.tier_combo.findData("key"))
        dialog.reason.setPlainText("总行重点名单")
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", accept)
    assert panel.override()
    assert clients.get_client(desk.store, cid).tier == "key"
    assert tiering.tier_override(desk.store, cid) == "总行重点名单"
    assert "总行重点名单" in panel.tier_state.text() and panel.clear_button.isEnabled()
    panel.clear_button.click()
    assert tiering.tier_override(desk.store, cid) is None


def test_volumes_dialog_enters_business_in_wan(desk, monkeypatch):
    from rmdesk.gui.client.forms import VolumesDialog

    cid = clients.create_client(desk.store, {"name": "测试新能源有限公司"})
    window = desk.window.open_client(cid)
    panel = window.overview.keeping

    def fill(dialog):
        assert isinstance(dialog, VolumesDialog)
        dialog.period.setText("2026-H2")
        dialog.edits["avg_deposits"].setText("1,500")  # 万元
        dialog.edits["fee_income"].setText("12.5")
        dialog.products.setValue(3)
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fill)
    panel.volumes_button.click()
    rows = tiering.volumes_of(desk.store, cid)
    assert [(r.period, r.avg_deposits, r.fee_income, r.products_held) for r in rows] == [
        ("2026-H2", Decimal("15000000"), Decimal("125000"), 3)]
    assert "1,500.00万元" in panel.volumes.text()


def test_maturity_of_a_won_loan_makes_tasks(desk, monkeypatch):
    from rmdesk.services import engagement

    cid = clients.create_client(desk.store, {"name": "测试贷款有限公司"})
    deal = engagement.create_deal(desk.store, cid, "working_capital_loan", "5000000")
    engagement.close_deal(desk.store, deal, won=True, actual_date="2026-11-23")
    window = desk.window.open_client(cid)
    panel = window.deals
    panel.table.selectRow(0)
    monkeypatch.setattr(dialogs, "run", lambda d: d.try_accept() or d.result() == d.DialogCode.Accepted)
    assert panel.set_maturity()
    tasks = [t for t in visits.open_tasks(desk.store) if t.client_id == cid]
    assert len(tasks) == 5 and "贷后检查" in tasks[0].title
    assert panel.table.item(0, 6).text() == "2027-11-23"


def test_import_volumes_and_recompute_from_the_maintenance_page(desk, tmp_path):
    w = desk.window
    w.show_page(KEEPING_PAGE)
    page = w.keeping
    cid = clients.create_client(desk.store, {"name": "导入测试有限公司"})
    good = tmp_path / "v.csv"
    good.write_text("client,period,avg_deposits\n导入测试有限公司,2026,200000000\n", encoding="utf-8")
    assert page.import_file(str(good)) == 1 and "1" in page.status.text()
    page.recompute_button.click()
    assert clients.get_client(desk.store, cid).tier == "key"
    bad = tmp_path / "bad.csv"
    bad.write_text("client,period\n没有这家,2026\n", encoding="utf-8")
    assert page.import_file(str(bad)) == 0 and "第 2 行" in page.status.text()
    assert page.import_file(str(tmp_path / "missing.csv")) == 0


def test_rules_are_edited_as_json_and_validated(desk, monkeypatch):
    import json

    w = desk.window
    w.show_page(SETTINGS_PAGE)
    k = w.settings_page.keeping

    def edit(dialog):
        dialog.advanced.setChecked(True)  # the JSON text is the advanced view of the rules table
        scheme = json.loads(dialog.text.toPlainText())
        scheme["rules"][0]["any"] = [["business", ">=", "1"]]
        dialog.text.setPlainText(json.dumps(scheme, ensure_ascii=False))
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", edit)
    assert k.edit_rules()
    assert tiering.get_scheme(desk.store)["rules"][0]["any"] == [["business", ">=", "1"]]

    def broken(dialog):
        dialog.advanced.setChecked(True)
        dialog.text.setPlainText("{not json")
        dialog.try_accept()
        assert not dialog.error.isHidden() and "分层规则有误" in dialog.error.text()
        return False

    monkeypatch.setattr(dialogs, "run", broken)
    assert not k.edit_rules()


def test_maintenance_page_says_when_the_holiday_data_ends(desk):
    w = desk.window
    w.show_page(KEEPING_PAGE)
    page = w.keeping
    # 14 days from 2026-11-23 stay in 2026, but the coming three months reach into 2027
    assert page.notice.isVisible() and "2027" in page.notice.text() and "周末" in page.notice.text()
    page.days.setValue(60)
    assert page.notice.isVisible() and "2027" in page.notice.text() and "周末" in page.notice.text()
