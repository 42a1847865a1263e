"""The risk tab of the client workspace and Today's open warnings, driven as a user would."""

import pytest

from rmdesk.gui import dialogs
from rmdesk.gui.client.risk_panel import CloseWarningDialog, LinkDialog, WarningDialog
from rmdesk.gui.client.window import ClientWindow
from rmdesk.gui.pages.today import TodayPage
from rmdesk.services import clients, early_warnings, related, visits


@pytest.fixture
def accept_dialogs(monkeypatch):
    """run(dialog) presses OK after `fill` has filled the dialog in."""
    seen = []

    def fake_run(dialog):
        seen.append(dialog)
        if hasattr(dialog, "fill_in"):
            dialog.fill_in(dialog)
        dialog.try_accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fake_run)
    monkeypatch.setattr(dialogs, "tell", lambda *a: seen.append(a))
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    return seen


def test_log_close_check_and_link_from_the_tab(qtbot, store, accept_dialogs, monkeypatch):
    a = clients.create_client(store, {"name": "华能电力有限公司", "owner": "王强"})
    b = clients.create_client(store, {"name": "恒达钢铁有限公司"})
    window = ClientWindow(store, a)
    qtbot.addWidget(window)
    panel = window.risk

    def fill_warning(d):
        d.signal.setCurrentIndex(d.signal.findData("late_payment"))
        d.detail.setPlainText("利息逾期 3 天")
    monkeypatch.setattr(WarningDialog, "fill_in", staticmethod(fill_warning), raising=False)
    panel.log()
    assert [w.signal for w in early_warnings.client_warnings(store, a)] == ["late_payment"]
    assert panel.warnings.rowCount() == 1 and "⚠" in window.summary.text()
    panel.warnings.selectRow(0)
    panel.check()
    assert [t.title for t in visits.open_tasks(store, client_id=a)]
    assert early_warnings.client_warnings(store, a)[0].task_open

    def fill_close(d):
        d.note.setPlainText("已归还")
    monkeypatch.setattr(CloseWarningDialog, "fill_in", staticmethod(fill_close), raising=False)
    panel.warnings.selectRow(0)
    panel.close_selected()
    assert not early_warnings.client_warnings(store, a)[0].is_open
    assert "⚠" not in window.summary.text()

    def fill_link(d):
        d.kind.setCurrentIndex(d.kind.findData("guarantor"))
        d.name.setText("恒达钢铁")
        d.find()
        d.amount.setText("500")
    monkeypatch.setattr(LinkDialog, "fill_in", staticmethod(fill_link), raising=False)
    panel.add_link()
    (link,) = related.links_of(store, a)
    assert (link.kind, link.other_client_id) == ("guarantor", b)
    # a refused link keeps the dialog open with the reason, nothing saved
    panel.add_link()
    assert accept_dialogs[-1].error.text() and len(related.links_of(store, a)) == 1

    def fill_supplier(d):
        d.kind.setCurrentIndex(d.kind.findData("supplier"))
        d.name.setText("金泰煤业有限公司")
    monkeypatch.setattr(LinkDialog, "fill_in", staticmethod(fill_supplier), raising=False)
    panel.add_link()
    row = [x.kind for x in panel._links].index("supplier")
    panel.links.selectRow(row)
    panel.prospect()
    new = [x for x in related.links_of(store, a) if x.kind == "supplier"][0].other_client_id
    assert clients.get_client(store, new).source_channel == "network"


def test_today_lists_open_warnings(qtbot, store):
    a = clients.create_client(store, {"name": "华能电力有限公司"})
    early_warnings.log_warning(store, a, {"signal": "production_stopped"})
    page = TodayPage(store, lambda cid: None)
    qtbot.addWidget(page)
    page.refresh()
    assert page.warnings.table.rowCount() == 1
    assert page.warnings.table.item(0, 1).text() == "华能电力有限公司"
