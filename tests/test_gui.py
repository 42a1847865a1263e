"""The GUI shell on a demo store, driven as a user would (pytest-qt, offscreen)."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from rmdesk.gui.app import Desk
from rmdesk.gui.client.window import ClientWindow
from rmdesk.services import clients


@pytest.fixture
def desk(make_desk, demo_store):
    return make_desk(demo_store)


def test_every_page_shows_in_chinese(desk):
    w = desk.window
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert titles == ["今日", "销售管道", "客户", "日程", "客户维护", "报表", "设置"]
    for i in range(7):
        w.show_page(i)
        assert w.stack.currentIndex() == i and w.stack.currentWidget().isVisible()


def test_clients_page_lists_all_200_demo_clients(desk):
    w = desk.window
    w.show_page(2)
    model = w.clients.model
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total() == 200
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert names == {r.name for r in clients.list_clients(desk.store)}
    assert model.headerData(0, Qt.Orientation.Horizontal) == "客户"
    assert model.index(0, 3).data()[0] in "123456" and "·" in model.index(0, 3).data()


def test_search_and_sort_go_through_the_database(desk, qtbot):
    page = desk.window.clients
    desk.window.show_page(2)
    target = clients.list_clients(desk.store, limit=1, sort="name")[0]
    page.search.setText(target.name)
    page.apply_filters()
    assert page.model.rowCount() == 1 and page.model.index(0, 0).data() == target.name
    page.search.clear()
    page.apply_filters()
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert page.model.index(0, 3).data().startswith("6")


def test_double_click_opens_the_client(desk, qtbot):
    w = desk.window
    w.show_page(2)
    table = w.clients.table
    index = w.clients.model.index(0, 0)
    where = table.visualRect(index).center()
    # A real double-click is press/release then a double-click event; views ignore the latter alone.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    opened = [x for x in QApplication.topLevelWidgets() if isinstance(x, ClientWindow) and x.isVisible()]
    assert len(opened) == 1 and opened[0].title.text() == index.data()
    window = opened[0]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "概况与情报", "营销指引", "拜访", "异议", "交易", "风险与关联方", "时间线"]
    assert window.guidance.exit_box.title() == "推进条件"


def test_enter_opens_the_selected_client(desk, qtbot):
    w = desk.window
    w.show_page(2)
    w.clients.select_first()
    w.clients.table.setFocus()
    qtbot.keyClick(w.clients.table, Qt.Key.Key_Return)
    assert any(isinstance(x, ClientWindow) and x.isVisible() for x in QApplication.topLevelWidgets())


def test_new_client_dialog_keeps_input_on_error(desk, qtbot, monkeypatch):
    from rmdesk.gui.client.new_client import NewClientDialog

    dialog = NewClientDialog(desk.store, desk.window)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("江苏新华能源有限公司")
    dialog.ui.creditCodeEdit.setText("91320000123456789X")  # wrong check character
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    before = clients.count_clients(desk.store)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.isVisible() is False or dialog.ui.errorLabel.text()
    assert "校验位" in dialog.ui.errorLabel.text()
    assert dialog.ui.nameEdit.text() == "江苏新华能源有限公司"  # nothing lost
    assert clients.count_clients(desk.store) == before
    dialog.ui.creditCodeEdit.clear()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.client_id is not None
    assert clients.get_client(desk.store, dialog.client_id).name == "江苏新华能源有限公司"


def test_language_switch_rebuilds_the_window_in_english(desk):
    old = desk.window
    old.show_page(old.SETTINGS)
    combo = old.settings_page.ui.languageCombo
    combo.setCurrentIndex(combo.findData("en"))
    new = desk.window
    assert new is not old
    assert [new.nav.item(i).text() for i in range(new.nav.count())] == [
        "Today", "Pipeline", "Clients", "Calendar", "Maintenance", "Reports", "Settings"]
    assert new.current_page() == new.SETTINGS
    assert desk.settings.value("language") == "en"
    new.close()


def test_geometry_is_remembered(desk, qtbot):
    desk.window.setGeometry(37, 41, 1111, 700)
    where = desk.window.geometry()
    desk.window.close()
    again = Desk(desk.store, desk.data_dir)
    qtbot.addWidget(again.window)
    again.window.show()
    try:
        assert again.window.geometry() == where
    finally:
        again.stop()


def test_pages_show_demo_data(desk):
    w = desk.window
    w.show_page(1)
    assert sum(lst.count() for lst in w.pipeline.lists.values()) > 150
    # step 5 holds the open deals: their sum in 万元 or 亿元 (the demo's run to about a billion)
    assert re.search(r"[\d,.]+(万|亿)元", w.pipeline.headers[5].text())
    w.show_page(3)
    assert sum(items.count() for _, items in w.calendar.days) > 5
    w.show_page(w.REPORTS)
    assert w.reports.table.item(6, 5).text() == "200"


def test_settings_profile_saves_and_rejects_bad_phone(desk):
    from rmdesk.services.settings import get_profile

    w = desk.window
    w.show_page(w.SETTINGS)
    ui = w.settings_page.ui
    before = get_profile(desk.store).rm_name  # the demo's RM
    ui.rmNameEdit.setText("王小明")
    ui.phoneEdit.setText("12")
    ui.saveProfileButton.click()
    assert "电话" in ui.profileStatus.text() and get_profile(desk.store).rm_name == before != "王小明"
    ui.phoneEdit.setText("13912345678")
    ui.saveProfileButton.click()
    assert get_profile(desk.store).rm_name == "王小明"


def test_stale_limits_are_set_in_settings(desk):
    from rmdesk.services.settings import get_stale_days

    w = desk.window
    w.show_page(w.SETTINGS)
    page = w.settings_page
    assert page.stale[2].value() == 21
    page.stale[2].setValue(45)
    page.ui.saveStaleButton.click()
    assert get_stale_days(desk.store)[2] == 45


def test_first_run_shows_a_welcome_on_today(qtbot, store):
    d = Desk(store, store.data_dir, "zh_CN")
    qtbot.addWidget(d.window)
    d.window.show()
    d.window.show_page(0)
    try:
        assert d.window.today.welcome.isVisible() and "rmdesk demo" in d.window.today.welcome.text()
        assert not d.window.today.visits.table.isVisible() and d.window.today.visits.empty.isVisible()
    finally:
        d.stop()


def test_today_lists_visits_tasks_maintenance_birthdays_and_stale(desk, qtbot):
    from rmdesk.services import maintenance, pipeline, visits

    w = desk.window
    w.show_page(0)
    t = w.today
    qtbot.waitUntil(lambda: t.keeping_ready, timeout=10000)  # the keeping sections load off the GUI thread
    today = visits.visits_between(desk.store, pinned_day(), 1)
    assert t.visits.table.rowCount() == len(today)
    assert t.tasks.table.rowCount() == len(visits.open_tasks(desk.store, due_by=pinned_day()))
    assert t.maintenance.table.rowCount() == len(maintenance.maintenance_due(desk.store)) > 0
    assert t.birthdays.table.rowCount() == len(maintenance.care_reminders(desk.store, 7))
    stale = sum(c.stale for cards in pipeline.board(desk.store).values() for c in cards)
    assert t.stale.table.rowCount() == stale > 0


def pinned_day():
    from rmdesk import clock

    return clock.today()


def test_calendar_week_and_day_views(desk, qtbot):
    from datetime import date, timedelta

    from rmdesk.gui.pages.calendar import VISIT_ROLE
    from rmdesk.services import visits

    w = desk.window
    w.show_page(3)
    cal = w.calendar
    monday = date(2026, 11, 23)  # the pinned today is a Monday
    week = visits.visits_between(desk.store, monday, 7)
    shown = [items.item(i).data(VISIT_ROLE) for _, items in cal.days for i in range(items.count())
             if items.item(i).data(VISIT_ROLE)]
    assert shown == [v.id for v in week] and cal.days[0][0].text().startswith("<b>周一</b>")
    tasks_due = [t for t in visits.open_tasks(desk.store, due_by=monday + timedelta(days=6)) if t.due_date >= monday]
    assert sum(items.count() for _, items in cal.days) == len(week) + len(tasks_due)
    cal.shift(1)
    assert cal.current() == monday + timedelta(days=7)
    cal.mode.setCurrentIndex(cal.mode.findData("day"))
    cal._set_date(week[0].planned_at.date())
    day = [v for v in week if v.planned_at.date() == week[0].planned_at.date()]
    first = cal.day_list.item(0)
    assert first.data(VISIT_ROLE) == day[0].id and day[0].client_name in first.text()
    cal.open_item(first)
    window = w._client_windows[day[0].client_id]
    assert window.tabs.currentWidget() is window.visits
    assert window.visits._ids[window.visits.table.currentRow()] == day[0].id


def test_a_closed_windows_failed_keeping_read_shows_no_dialog(desk, qtbot, monkeypatch):
    """Today reads its keeping sections on a pool thread. When the window went away meanwhile
    (replaced after damage was found and restored, or closed), the read's failure is logged and
    no dialog opens over nothing (a modal one would wait for a user); in a shown window it is
    reported."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    t = desk.window.today
    desk.window.show()
    t._keeping_failed(RuntimeError("database disk image is malformed"))
    assert len(shown) == 1
    desk.window.hide()
    t._keeping_failed(RuntimeError("database disk image is malformed"))
    assert len(shown) == 1
