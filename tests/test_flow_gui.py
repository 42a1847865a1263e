"""A prospect driven from step 1 to step 6 through the GUI, as an RM would: a blocked
advance, an override with a reason, the step tools, lost and re-open."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rmdesk.gui import dialogs
from rmdesk.gui.client.forms import (
    ContactDialog,
    DealDialog,
    FinancingDialog,
    NeedDialog,
    ObjectionDialog,
    VisitDialog,
)
from rmdesk.gui.client.window import ClientWindow
from rmdesk.services import clients, engagement, flow, pipeline, visits


class Driver:
    """Stands in for the user at each modal dialog: `expect(kind, fill)` queues what to do."""

    def __init__(self):
        self.script = []
        self.seen = []

    def expect(self, kind, fill=None, accept=True):
        self.script.append((kind, fill, accept))

    def __call__(self, dialog):
        assert self.script, f"unexpected dialog {type(dialog).__name__}"
        kind, fill, accept = self.script.pop(0)
        assert isinstance(dialog, kind), (type(dialog).__name__, kind.__name__)
        self.seen.append(dialog)
        if fill:
            fill(dialog)
        if not accept:
            return False
        if hasattr(dialog, "try_accept"):
            dialog.try_accept()
        else:
            dialog.save()
        return dialog.result() == dialog.DialogCode.Accepted


@pytest.fixture
def driver(monkeypatch):
    d = Driver()
    monkeypatch.setattr(dialogs, "run", d)
    yield d
    assert d.script == [], "dialogs expected but never shown"


@pytest.fixture
def desk(make_desk, store):
    return make_desk(store)


def click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_prospect_from_step_1_to_6(desk, driver, qtbot):
    from rmdesk.gui.client.new_client import NewClientDialog

    store = desk.store
    w = desk.window

    # New client (Ctrl+N path): the workspace opens on it.
    def fill_client(d):
        d.ui.nameEdit.setText("重庆华能电力有限公司")
        d.ui.industryCombo.setCurrentIndex(d.ui.industryCombo.findData("power"))
        d.ui.channelCombo.setCurrentIndex(d.ui.channelCombo.findData("referral"))

    driver.expect(NewClientDialog, fill_client)
    w._new_client()
    ws = next(x for x in QApplication.topLevelWidgets() if isinstance(x, ClientWindow) and x.isVisible())
    cid = ws.client_id
    assert ws.title.text() == "重庆华能电力有限公司" and ws.client.step == 1

    # Blocked advance: the override dialog lists what is missing; cancelling keeps step 1.
    driver.expect(dialogs.ReasonDialog, accept=False)
    click(qtbot, ws.advance_button)
    assert "资格评分" in driver.seen[-1].missing.text() and "联系人" in driver.seen[-1].missing.text()
    assert clients.get_client(store, cid).step == 1

    # Step 1 tool: three criteria and a named decision maker meet the rule.
    tool = ws.guidance.tool
    for key in ("need", "afford", "standard"):
        tool.criteria[key].setChecked(True)
    assert "3" in tool.score.text()

    def fill_contact(d):
        d.name.setText("王建国")
        d.power.setCurrentIndex(d.power.findData("decides"))
        d.phone.setText("13812345678")

    driver.expect(ContactDialog, fill_contact)
    ws.tabs.setCurrentWidget(ws.overview)
    click(qtbot, next(b for b in ws.overview.findChildren(type(ws.advance_button)) if "关键人" in b.text()
                      or "key person" in b.text().lower()))
    assert "✔" in ws.guidance.exit_state.text() and "✘" not in ws.guidance.exit_state.text()
    click(qtbot, ws.advance_button)  # no dialog: the rule holds
    assert ws.client.step == 2

    # Step 2: an appointment with the decision maker, confirmed.
    def fill_visit(d):
        assert d.contact.currentText().startswith("王建国") and d.confirmed.isChecked()
        d.objective.setText("介绍现金管理方案")

    driver.expect(VisitDialog, fill_visit)
    ws.guidance.tool.appoint()
    # Step 2 -> 3 by a drag on the pipeline board: the rule holds, so no dialog.
    w.show_page(1)
    w.pipeline.lists[3].on_drop(cid, 3)
    assert cid in [w.pipeline.lists[3].item(i).data(Qt.ItemDataRole.UserRole + 1)
                   for i in range(w.pipeline.lists[3].count())]
    ws.refresh()
    assert ws.client.step == 3

    # Step 3: a confirmed need, the proposal agreed, a financing estimate saved.
    def fill_need(d):
        d.area.setCurrentIndex(d.area.findData("financing"))
        d.description.setPlainText("旺季流动资金缺口")
        d.confirmed.setChecked(True)

    driver.expect(NeedDialog, fill_need)
    click(qtbot, next(b for b in ws.guidance.tool.findChildren(type(ws.advance_button)) if "需求" in b.text()
                      or "need" in b.text().lower()))
    ws.guidance.tool.proposal.setChecked(True)
    # the tick needs a proposal behind it (the dialog is tested in test_proposal_gui.py)
    from rmdesk.services import proposals
    proposals.save_draft(store, cid, {"situation": "旺季流动资金缺口", "lines": [
        {"product": "working_capital_loan", "amount": "21000000", "term_months": 12}]})

    def fill_calc(d):
        # money in 万元, as on the profile, deals and targets (one unit rule per language)
        values = {"last_sales": "10000", "last_margin_pct": "10", "growth_pct": "20", "inventory_days": "60",
                  "receivable_days": "90", "payable_days": "45", "prepayment_days": "15", "advance_days": "0",
                  "own_funds": "500", "existing_loans": "1000", "other_funds": "0"}
        assert d.tabs.currentWidget().layout().labelForField(d.inputs["working_capital"]["last_sales"]).text() == (
            "上年销售收入（万元）")
        for name, value in values.items():
            d.inputs["working_capital"][name].setText(value)
        d.compute()
        assert "2,100.00万元" in d.explanation.toPlainText()

    driver.expect(FinancingDialog, fill_calc)
    ws.guidance.tool.calculate()
    assert flow.estimates_of(store, cid)[0].result == 21_000_000
    click(qtbot, ws.advance_button)
    assert ws.client.step == 4

    # Step 4: two blocking objections; one resolved, the other overridden with a reason.
    for words in ("利率比他行高", "要等年底审计"):
        def fill_objection(d, words=words):
            d.kind.setCurrentIndex(d.kind.findData("price" if "利率" in words else "timing"))
            d.words.setPlainText(words)
            d.suggestions.setCurrentIndex(1)
            d.suggestions.activated.emit(1)
            assert d.answer.toPlainText()  # the playbook suggested an answer

        driver.expect(ObjectionDialog, fill_objection)
        ws.objections.open_dialog(ObjectionDialog(store, cid, ws))
    first = engagement.objections_of(store, cid)[-1]
    ws.objections.table.selectRow([o.id for o in engagement.objections_of(store, cid)].index(first.id))
    click(qtbot, next(b for b in ws.objections.findChildren(type(ws.advance_button)) if "解决" in b.text()
                      or "resolved" in b.text().lower()))
    assert pipeline.check_exit(store, cid).unmet == ["no_blocking_objection"]
    driver.expect(dialogs.ReasonDialog, lambda d: d.reason.setPlainText("客户财务总监口头同意，审计不影响放款"))
    click(qtbot, ws.advance_button)
    assert ws.client.step == 5
    last = pipeline.history(store, cid)[0]
    assert last.override and last.reason == "客户财务总监口头同意，审计不影响放款"

    # Step 5: a closing signal, a strategy, a deal won.
    tool = ws.guidance.tool
    next(iter(tool.signals.values())).setChecked(True)
    tool.strategy.setCurrentIndex(tool.strategy.findData("choice_of_two"))
    tool.strategy.activated.emit(tool.strategy.currentIndex())

    def fill_deal(d):
        d.product.setCurrentIndex(d.product.findData("working_capital_loan"))
        d.amount.setText("2100")  # 万元
        d.rate.setText("3.45")

    driver.expect(DealDialog, fill_deal)
    tool.deals.open_dialog(DealDialog(store, cid, ws))
    deal = engagement.deals_of(store, cid)[0]
    assert deal.amount == 21_000_000
    tool = ws.guidance.tool
    tool.deals.table.selectRow(0)
    click(qtbot, next(b for b in tool.deals.findChildren(type(ws.advance_button)) if b.text() in ("成交", "Won")))
    click(qtbot, ws.advance_button)
    c = clients.get_client(store, cid)
    assert (c.step, c.status, c.closing_strategy) == (6, "won", "choice_of_two")
    assert not ws.advance_button.isEnabled()

    # Lost, then re-opened: back to a customer at step 6.
    driver.expect(dialogs.LostDialog, lambda d: (d.kind.setCurrentIndex(d.kind.findData("competitor")),
                                                 d.details.setPlainText("被他行挖走")))
    click(qtbot, ws.lost_button)
    assert clients.get_client(store, cid).status == "lost" and ws.reopen_button.isVisible()
    click(qtbot, ws.reopen_button)
    assert clients.get_client(store, cid).status == "won"

    # The timeline tells the story, newest first.
    texts = [ws.timeline.item(r, 1).text() for r in range(ws.timeline.rowCount())]
    assert any("→" in t for t in texts) and len(texts) >= 12
    assert visits.client_visits(store, cid)[0].confirmed


def test_viewing_an_earlier_step_does_not_move_the_client(desk, qtbot, driver):
    cid = clients.create_client(desk.store, {"name": "长城汽车"})
    pipeline.move_to_step(desk.store, cid, 3, reason="test")
    ws = desk.window.open_client(cid)
    ws.step_bar.segments[0].click()
    assert ws.guidance.step_combo.currentIndex() == 0 and "3" in ws.guidance.viewing_note.text()
    assert clients.get_client(desk.store, cid).step == 3
    ws.step_bar.segments[2].click()
    assert ws.guidance.viewing_note.text() == ""


def test_delete_moves_to_trash_and_ctrl_z_restores(desk, qtbot):
    for name in ("甲公司", "乙公司"):
        clients.create_client(desk.store, {"name": name})
    w = desk.window
    w.show_page(2)
    w.clients.select_first()
    w.clients.table.setFocus()
    qtbot.keyClick(w.clients.table, Qt.Key.Key_Delete)
    assert clients.count_clients(desk.store) == 1 and len(clients.trash(desk.store)) == 1
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert clients.count_clients(desk.store) == 2 and clients.trash(desk.store) == []


def test_empty_trash_asks_twice(desk, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from rmdesk.gui.data.trash_dialog import TrashDialog

    cid = clients.create_client(desk.store, {"name": "甲公司"})
    clients.trash_client(desk.store, cid)
    dialog = TrashDialog(desk.store, desk.window)
    qtbot.addWidget(dialog)
    answers = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No]
    dialog.confirm = lambda *a: answers.pop(0)
    dialog.empty()
    assert len(clients.trash(desk.store)) == 1  # the second answer was No
    answers[:] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    dialog.empty()
    assert clients.trash(desk.store) == [] and dialog.table.rowCount() == 0


def test_call_report_suggests_the_advance_when_the_rule_now_holds(desk, driver, monkeypatch):
    from rmdesk.gui.client.forms import ReportDialog

    store = desk.store
    cid = clients.create_client(store, {"name": "长城汽车", "owner": "李娜"})
    pipeline.move_to_step(store, cid, 2, reason="test")
    boss = clients.add_contact(store, cid, {"name": "魏总", "decision_power": "decides"})
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-23 09:00", "contact_id": boss})
    ws = desk.window.open_client(cid)
    ws.visits.table.selectRow(0)
    questions = []
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, text: questions.append(text) or True)

    def fill(d):
        d.outcome.setPlainText("见到魏总，对现金管理感兴趣")
        title, owner, _due = d.next_steps.rows()[0]  # one empty next step is there from the start
        assert owner.text() == "李娜"
        title.setText("发送产品手册")
        d.add_next_step("约财务总监")

    driver.expect(ReportDialog, fill)
    ws.visits.report()
    assert len(questions) == 1 and "3" in questions[0]
    assert clients.get_client(store, cid).step == 3 and ws.client.step == 3
    assert [t.title for t in visits.open_tasks(store) if t.client_id == cid] == ["发送产品手册", "约财务总监"]
    assert visits.client_visits(store, cid)[0].status == "done" and vid


def test_visit_editor_prefills_flags_clashes_and_suggests_times(desk, driver):
    from datetime import datetime

    from rmdesk.playbook import loader
    from rmdesk.services import engagement

    store = desk.store
    cid = clients.create_client(store, {"name": "长城汽车", "address": "保定市朝阳南大街2266号"})
    pipeline.move_to_step(store, cid, 3, reason="test")
    boss = clients.add_contact(store, cid, {"name": "魏总", "title": "董事长", "decision_power": "decides"})
    engagement.add_need(store, cid, "financing", "旺季资金", confirmed=True)
    other = clients.create_client(store, {"name": "华能电力"})
    visits.plan_visit(store, other, {"planned_at": "2026-11-24 09:00"})
    ws = desk.window.open_client(cid)
    guide = loader.load("zh_CN").step(3)

    def fill(d):
        assert d.objective.text() == guide.visit_objective
        assert d.questions.toPlainText().splitlines() == list(guide.questions)
        assert d.theirs.text() == "魏总 董事长" and d.place.text().startswith("保定市")
        assert d.values()["products"] == ["working_capital_loan"]
        assert "cards" in d.values()["materials"] and "gift" not in d.values()["materials"]
        d.kind.setCurrentIndex(d.kind.findData("meal"))
        assert "gift" in d.values()["materials"]
        d.when.setDateTime(d.when.dateTime().fromString("2026-11-24 09:30", "yyyy-MM-dd HH:mm"))
        assert d.clash.isVisibleTo(d) and "华能电力" in d.clash.text()
        slots = d.suggest()
        assert slots == [datetime(2026, 11, 24, 11, 0), datetime(2026, 11, 25, 9, 0)]
        d.slots.setCurrentIndex(2)
        d._use_slot(2)
        assert d.start() == datetime(2026, 11, 25, 9, 0) and not d.clash.isVisibleTo(d)

    driver.expect(VisitDialog, fill)
    ws.visits.plan()
    planned = visits.client_visits(store, cid)[0]
    assert planned.planned_at == datetime(2026, 11, 25, 9, 0) and planned.kind == "meal"
    assert visits.overlapping(store, datetime(2026, 11, 25, 9, 0), 60)[0].contact_name == "魏总" and boss


def test_reschedule_from_the_visits_tab(desk, driver):
    from datetime import datetime

    from rmdesk.gui.client.forms import RescheduleDialog

    cid = clients.create_client(desk.store, {"name": "长城汽车"})
    visits.plan_visit(desk.store, cid, {"planned_at": "2026-11-25 09:00"})
    ws = desk.window.open_client(cid)
    ws.visits.table.selectRow(0)

    def fill(d):
        d.when.setDateTime(d.when.dateTime().addDays(1))
        d.reason.setText("客户出差")

    driver.expect(RescheduleDialog, fill)
    ws.visits.reschedule()
    assert visits.client_visits(desk.store, cid)[0].planned_at == datetime(2026, 11, 26, 9, 0)
    texts = [ws.timeline.item(r, 1).text() for r in range(ws.timeline.rowCount())]
    assert any("2026-11-25 09:00" in t and "2026-11-26 09:00" in t for t in texts)


def test_busy_half_days_are_saved_from_the_overview(desk):
    cid = clients.create_client(desk.store, {"name": "长城汽车"})
    ws = desk.window.open_client(cid)
    ws.overview.busy["wed_am"].setChecked(True)
    assert visits.busy_hours(desk.store, cid) == ["wed_am"]


def test_call_report_dialog_logs_objections_products_and_dated_next_steps(desk, driver, monkeypatch):
    from datetime import date

    from rmdesk.gui.client.forms import ReportDialog
    from rmdesk.services import engagement

    store = desk.store
    cid = clients.create_client(store, {"name": "长城汽车", "owner": "李娜"})
    boss = clients.add_contact(store, cid, {"name": "魏总", "decision_power": "decides"})
    visits.plan_visit(store, cid, {"planned_at": "2026-11-23 09:00", "contact_id": boss, "products": ["payroll"]})
    ws = desk.window.open_client(cid)
    ws.visits.table.selectRow(0)
    monkeypatch.setattr(dialogs, "ask", lambda *args: False)

    def blank_outcome(d):
        d.try_accept()  # nothing typed: the error shows, the dialog stays
        assert not d.error.isHidden() and "拜访结果" in d.error.text()
        assert d.result() != d.DialogCode.Accepted
        assert d.attendees.text() == "魏总" and d.product_keys() == ["payroll"]
        d.outcome.setPlainText("魏总关心代发工资费率")
        d.add_objection("price", "代发手续费太高", "首年免费")
        d.add_objection("timing", "   ")  # left blank: ignored
        title, owner, due = d.next_steps.rows()[0]
        title.setText("送代发方案")
        due.setDate(due.date().fromString("2026-11-26", "yyyy-MM-dd"))
        d.add_next_step("约人事经理", owner="王小明")
        d.next_steps.table.selectRow(1)
        d.next_steps.remove_button.click()  # changed their mind
        assert len(d.next_steps.rows()) == 1

    driver.expect(ReportDialog, blank_outcome)
    ws.visits.report()
    [objection] = engagement.objections_of(store, cid)
    assert (objection.type, objection.words, objection.answer) == ("price", "代发手续费太高", "首年免费")
    [task] = [t for t in visits.open_tasks(store) if t.client_id == cid]
    assert (task.title, task.owner, task.due_date) == ("送代发方案", "李娜", date(2026, 11, 26))


def test_trash_dialog_lists_and_restores_a_visit_and_a_deal(desk, qtbot):
    from rmdesk.gui.data.trash_dialog import TrashDialog
    from rmdesk.services import engagement, trash

    cid = clients.create_client(desk.store, {"name": "甲公司"})
    vid = visits.plan_visit(desk.store, cid, {"planned_at": "2026-11-25 09:00"})
    engagement.create_deal(desk.store, cid, "working_capital_loan", "1000000")
    ws = desk.window.open_client(cid)
    ws.visits.table.selectRow(0)
    ws.visits.trash_button.click()
    ws.deals.table.selectRow(0)
    ws.deals.trash_button.click()
    assert visits.client_visits(desk.store, cid) == [] and engagement.deals_of(desk.store, cid) == []
    dialog = TrashDialog(desk.store, desk.window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    row = next(i for i, r in enumerate(dialog.rows) if r.kind == "visit")
    dialog.table.selectRow(row)
    dialog.restore()
    assert [v.id for v in visits.client_visits(desk.store, cid)] == [vid]
    assert [r.kind for r in trash.items(desk.store)] == ["deal"] and dialog.table.rowCount() == 1


def test_file_menu_has_import_and_export(desk):
    texts = [a.text() for a in desk.window.menuBar().actions()[0].menu().actions()]
    assert "导入客户和联系人(&I)…" in texts and "导出(&X)" in texts
