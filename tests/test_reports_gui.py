"""The Reports page's insight reports (computed off the GUI thread, drill-down to clients)
and the work report editor (draft, submit, change with a reason), pytest-qt offscreen."""

import os
import threading

import pytest

from rmdesk.gui.main_window import MainWindow
from rmdesk.services import insights, workreports

REPORTS_PAGE = MainWindow.REPORTS
SHOTS = os.environ.get("RMDESK_SHOTS")  # a folder: save screenshots there


@pytest.fixture
def desk(make_desk, demo_store):
    return make_desk(demo_store)


def test_insights_tab_shows_the_reports_and_drills_down(desk, qtbot):
    w = desk.window
    w.show_page(REPORTS_PAGE)
    page = w.reports
    page.tabs.setCurrentIndex(page.INSIGHTS)
    panel = page.insights
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20000)
    expected = insights.funnel(desk.store, panel.period())
    assert [panel.funnel.item(r, 1).text() for r in range(6)] == [str(s.entered) for s in expected.steps]
    assert "%" in panel.win_line.text() and panel.busy.text() == ""
    assert panel.channels.rowCount() == len(panel.result.channels.channels) + 1
    assert panel.objections.rowCount() > 7 and panel.coverage.rowCount() == 4
    assert len(panel.funnel_chart.chart.categories) == 6 and panel.forecast_chart.chart.categories
    # Drill down: the clients behind "entered step 2".
    panel._drill_item(panel.funnel.item(1, 1))
    assert panel.drill.isVisible() and panel.drill.rowCount() == expected.steps[1].entered
    # A narrower period recomputes.
    panel.preset.setCurrentIndex(panel.PRESETS.index("month"))
    panel.refresh()
    assert "…" in panel.busy.text()
    qtbot.waitUntil(lambda: panel.job is None, timeout=20000)
    assert panel.result.period.start.day == 1
    if SHOTS:
        page.resize(1280, 2200)
        panel.grab().save(os.path.join(SHOTS, f"insights-{desk.window.windowTitle()[:0]}zh.png"))


def test_work_report_editor_draft_submit_and_change(desk, qtbot, monkeypatch):
    w = desk.window
    w.show_page(REPORTS_PAGE)
    page = w.reports
    page.tabs.setCurrentIndex(page.WORK)
    editor = page.work
    editor.kind.setCurrentIndex(1)  # weekly
    qtbot.waitUntil(lambda: editor.job is None, timeout=20000)
    assert "活动量" in editor.generated.toPlainText()
    editor.notes.setPlainText("本周完成 3 次拜访")
    editor.plan.setPlainText("下周跟进华能")
    assert editor.save()
    kind, key = editor.kind_key()
    assert workreports.get(desk.store, kind, key).status == "draft"
    assert editor.submit_now(kind, key)
    view = workreports.get(desk.store, kind, key)
    assert view.status == "submitted" and view.notes == "本周完成 3 次拜访"
    assert editor.notes.isReadOnly() and not editor.save_button.isEnabled() and editor.amend_button.isEnabled()
    editor.notes.setReadOnly(False)
    editor.notes.setPlainText("本周完成 4 次拜访")
    errors = []
    monkeypatch.setattr("rmdesk.gui.pages.workreport_editor.show_error", lambda _p, exc: errors.append(exc))
    assert not editor.amend_now("")
    assert errors and errors[0].key == "error.report_reason"
    assert editor.amend_now("漏记一次拜访")
    view = workreports.get(desk.store, kind, key)
    assert (view.version, view.change_reason, view.notes) == (2, "漏记一次拜访", "本周完成 4 次拜访")
    assert "第 2 版" in editor.status.text()
    # the earlier versions: listed with the reason, any of them opens read-only (a print preview)
    assert editor.versions_button.isEnabled()
    listing = editor.versions_dialog()
    assert listing.table.rowCount() == 2 and listing.table.item(1, 3).text() == "漏记一次拜访"
    first = editor.preview_dialog(1)
    assert first is not None and first.windowTitle().endswith("v1.pdf")
    first.deleteLater()
    listing.deleteLater()
    editor.kind.setCurrentIndex(2)  # monthly: observations
    assert editor.obs_box.isVisibleTo(editor)
    editor._add_observation("power", "高新区", "光伏项目多")
    assert editor.save()
    kind, key = editor.kind_key()
    assert workreports.get(desk.store, kind, key).observations[0].industry == "power"
    qtbot.waitUntil(lambda: editor.job is None, timeout=20000)
    if SHOTS:
        editor.kind.setCurrentIndex(1)
        qtbot.waitUntil(lambda: editor.job is None, timeout=20000)
        page.resize(1280, 1500)
        editor.grab().save(os.path.join(SHOTS, "work-zh.png"))


def test_objection_dialog_offers_the_answers_that_worked(desk, qtbot):
    from rmdesk.gui.client.forms import ObjectionDialog

    dialog = ObjectionDialog(desk.store, 1, desk.window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("price"))
    qtbot.waitUntil(lambda: dialog.worked_job is None, timeout=20000)  # computed off the GUI thread
    texts = [dialog.suggestions.itemText(i) for i in range(dialog.suggestions.count())]
    mine = insights.worked_by_type(desk.store)["price"]
    assert any(t.startswith("您用过有效") for t in texts)
    pick = next(i for i, t in enumerate(texts) if t.startswith("您用过有效"))
    assert dialog.suggestions.itemData(pick) == mine[0].answer
    assert f"{mine[0].used} 次中化解 {mine[0].resolved} 次" in texts[pick]
    dialog.close()


def _slow_worked(monkeypatch):
    """insights.worked_by_type held back until the returned event is set."""
    gate = threading.Event()
    real = insights.worked_by_type

    def slow(store, limit=3):
        gate.wait(30)
        return real(store, limit)

    monkeypatch.setattr(insights, "worked_by_type", slow)
    return gate


def test_objection_dialog_stays_usable_while_the_answers_that_worked_load(desk, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from rmdesk.gui.client.forms import ObjectionDialog
    from rmdesk.playbook import loader

    gate = _slow_worked(monkeypatch)
    dialog = ObjectionDialog(desk.store, 1, desk.window)
    qtbot.addWidget(dialog)
    dialog.show()
    price = dialog.kind.findData("price")
    dialog.kind.setCurrentIndex(price)  # the user goes on meanwhile: another type, words, an answer
    qtbot.keyClicks(dialog.words, "rate ")
    dialog.words.insertPlainText("利率太高")
    last = dialog.suggestions.count() - 1
    assert dialog.suggestions.itemText(last) == "正在查找对您有效的答法…"
    assert not dialog.suggestions.model().item(last).flags() & Qt.ItemFlag.ItemIsEnabled  # not choosable
    dialog.suggestions.activated.emit(1)
    playbook = loader.load("zh_CN").objections["price"].answers[0]
    assert dialog.answer.toPlainText() == playbook
    gate.set()
    qtbot.waitUntil(lambda: dialog.worked_job is None, timeout=20000)
    texts = [dialog.suggestions.itemText(i) for i in range(dialog.suggestions.count())]
    assert "正在查找对您有效的答法…" not in texts and any(t.startswith("您用过有效") for t in texts)
    assert dialog.words.toPlainText() == "rate 利率太高" and dialog.answer.toPlainText() == playbook
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "objection-zh.png"))
    dialog.close()


def test_objection_dialog_closed_before_the_answers_that_worked_come(desk, qtbot, monkeypatch):
    from rmdesk.gui import jobs
    from rmdesk.gui.client.forms import ObjectionDialog

    gate = _slow_worked(monkeypatch)
    dialog = ObjectionDialog(desk.store, 1, desk.window)
    dialog.show()
    job = dialog.worked_job
    dialog.reject()  # Cancel: the job is forgotten, its answer dropped
    assert dialog.worked_job is None and job.id not in jobs._running
    dialog.deleteLater()
    qtbot.wait(50)
    gate.set()
    qtbot.waitUntil(job.finished.is_set, timeout=20000)
    qtbot.wait(200)  # its report arrives on the GUI thread and goes nowhere
    # a dialog opened after it works as before
    again = ObjectionDialog(desk.store, 1, desk.window)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.worked_job is None, timeout=20000)
    again.close()
