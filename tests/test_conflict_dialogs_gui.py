"""No lost update beyond the profile form (pytest-qt): a dialog whose save is refused because
someone changed the row says who and when and offers Reload (theirs into the dialog) and Review
(theirs beside mine, then mine over their version) through the one piece in
gui/client/conflict.py; a dialog without a row of its own (a reason for a move) offers Reload,
which closes it and reads the client again. The board's drag, the bank list, the Clients page's
trash and the trash dialog refuse a stale copy the same way."""

import pytest
from conflicts import answer_dialogs
from PySide6.QtWidgets import QDialog

from rmdesk.gui import dialogs
from rmdesk.gui.client import conflict
from rmdesk.gui.client.forms import ContactDialog, MaturityDialog, RescheduleDialog, VolumesDialog
from rmdesk.services import cadence, clients, engagement, pipeline, settings, tiering, trash, visits


@pytest.fixture
def desk(make_desk, store):
    settings.save_profile(store, {"rm_name": "王强"})  # whoever saves in this book shows as 王强
    return make_desk(store)


@pytest.fixture
def cid(store):
    return clients.create_client(store, {"name": "华能电力", "district": "东城区"})


def _review_rows(review) -> dict[str, list[str]]:
    return {review.table.item(r, 0).text(): [review.table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(review.table.rowCount())}


# ---- a key person ----------------------------------------------------------------------------------------

def _contact_dialog(desk, store, cid):
    pid = clients.add_contact(store, cid, {"name": "张总", "title": "财务经理"})
    window = desk.window.open_client(cid)
    row = next(p for p in clients.get_client(store, cid).contacts if p.id == pid)
    return ContactDialog(store, cid, row, window), pid


def _contact(store, cid, pid):
    return next(p for p in clients.get_client(store, cid).contacts if p.id == pid)


def test_a_key_person_keep_editing_keeps_the_typing(desk, store, cid, monkeypatch):
    dialog, pid = _contact_dialog(desk, store, cid)
    dialog.phone.setText("13800000000")
    clients.update_contact(store, pid, {"title": "财务总监"})  # someone's save
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    dialog.try_accept()
    assert shown[0].message.text().startswith("王强 已于 2026-11-23 09:30 修改了此关键人")
    assert shown[0].review_button.isVisibleTo(shown[0])  # the dialog has a row of its own
    assert dialog.phone.text() == "13800000000" and dialog.error.text().startswith("王强 已于")
    assert _contact(store, cid, pid).phone is None


def test_a_key_person_reload_shows_theirs_and_saves_after(desk, store, cid, monkeypatch):
    dialog, pid = _contact_dialog(desk, store, cid)
    dialog.phone.setText("13800000000")
    clients.update_contact(store, pid, {"title": "财务总监"})
    answer_dialogs(monkeypatch, conflict.RELOAD)
    dialog.try_accept()
    assert dialog.title_edit.text() == "财务总监" and dialog.phone.text() == ""  # theirs, in the dialog
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, showing theirs
    dialog.phone.setText("13800000000")  # the same edit again
    dialog.try_accept()
    after = _contact(store, cid, pid)
    assert (after.title, after.phone) == ("财务总监", "13800000000")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_key_person_review_saves_mine_over_theirs(desk, store, cid, monkeypatch):
    dialog, pid = _contact_dialog(desk, store, cid)
    dialog.phone.setText("13800000000")
    clients.update_contact(store, pid, {"title": "财务总监", "email": "zhang@hn.com"})
    shown = answer_dialogs(monkeypatch, conflict.REVIEW, QDialog.DialogCode.Accepted)
    dialog.try_accept()
    rows = _review_rows(shown[1])
    assert rows["职务"] == ["财务总监", "财务经理", "对方的"]
    assert rows["电话"] == ["—", "13800000000", "我的"]
    after = _contact(store, cid, pid)
    assert (after.title, after.email, after.phone) == ("财务总监", "zhang@hn.com", "13800000000")
    assert dialog.result() == QDialog.DialogCode.Accepted


# ---- business volumes --------------------------------------------------------------------------------------

def test_volumes_review_and_a_second_conflict_loops_back(desk, store, cid, monkeypatch):
    tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "10000000", "avg_loans": "20000000"})
    window = desk.window.open_client(cid)
    dialog = VolumesDialog(store, cid, window)
    dialog.edits["fee_income"].setText("50")  # 万元 in zh_CN
    tiering.set_business_volume(store, cid, "2026", {"avg_loans": "30000000"},
                                expected_version=tiering.volumes_of(store, cid)[0].version)

    def someone_again(_dialog):  # while the review is open, someone saves once more
        tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "40000000"})
        return QDialog.DialogCode.Accepted
    left = [conflict.REVIEW, someone_again, QDialog.DialogCode.Rejected]
    shown = []

    def ask(d):
        shown.append(d)
        answer = left.pop(0)
        return answer(d) if callable(answer) else answer
    monkeypatch.setattr(conflict, "ask", ask)
    dialog.try_accept()
    assert isinstance(shown[1], conflict.ReviewDialog)
    assert [type(d) for d in shown] == [conflict.ConflictDialog, conflict.ReviewDialog, conflict.ConflictDialog]
    saved = tiering.volumes_of(store, cid)[0]
    assert (saved.avg_deposits, saved.avg_loans, saved.fee_income) == (40_000_000, 30_000_000, 0)  # nothing of mine
    assert dialog.edits["fee_income"].text() == "50"  # kept editing: still typed
    assert dialog.edits["avg_loans"].text() == "3000"  # over their version as reviewed


def test_volumes_of_a_new_period_someone_entered_meanwhile(desk, store, cid, monkeypatch):
    window = desk.window.open_client(cid)
    dialog = VolumesDialog(store, cid, window)
    dialog.period.setText("2026-H2")
    dialog.load()
    dialog.edits["avg_deposits"].setText("100")
    tiering.set_business_volume(store, cid, "2026-H2", {"avg_deposits": "5000000"}, expected_version=0)
    answer_dialogs(monkeypatch, conflict.RELOAD)
    dialog.try_accept()
    assert dialog.edits["avg_deposits"].text() == "500" and dialog.version == 1
    assert tiering.volumes_of(store, cid)[0].avg_deposits == 5_000_000


# ---- a visit's time, a deal's maturity ------------------------------------------------------------------------

def test_reschedule_review_shows_their_time_beside_mine(desk, store, cid, monkeypatch):
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00"})
    row = visits.client_visits(store, cid)[0]
    dialog = RescheduleDialog(store, vid, row.planned_at, desk.window, row.version, client_id=cid)
    dialog.when.setDateTime(dialog.when.dateTime().addDays(1))
    dialog.reason.setText("客户出差")
    visits.reschedule_visit(store, vid, "2026-11-27 15:00", "客户改期", expected_version=row.version)
    shown = answer_dialogs(monkeypatch, conflict.REVIEW, conflict.RELOAD)
    dialog.try_accept()
    assert list(_review_rows(shown[1]).values()) == [["2026-11-27 15:00", "2026-11-26 09:00", "我的"]]
    assert dialog.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-27 15:00"  # reloaded: theirs
    assert dialog.reason.text() == "客户出差"  # the reason is not the visit's: kept


def test_a_maturity_reload_takes_theirs(desk, store, cid, monkeypatch):
    deal = engagement.create_deal(store, cid, "working_capital_loan", "10000000")
    engagement.close_deal(store, deal, won=True, actual_date="2026-11-23")
    row = engagement.deals_of(store, cid)[0]
    dialog = MaturityDialog(store, row, desk.window, client_id=cid)
    cadence.set_deal_maturity(store, deal, "2027-05-23", expected_version=row.version)
    answer_dialogs(monkeypatch, conflict.RELOAD)
    dialog.try_accept()
    assert dialog.maturity.date().toString("yyyy-MM-dd") == "2027-05-23"
    dialog.try_accept()  # now from their version
    assert engagement.deals_of(store, cid)[0].maturity_date.isoformat() == "2027-05-23"


# ---- a dialog without a row of its own: Reload closes it and the window reads the client again ---------------

def test_a_park_reason_after_someone_changed_the_client_reloads_the_window(desk, store, cid, monkeypatch):
    window = desk.window.open_client(cid)
    clients.update_client(store, cid, {"district": "西城区"})  # someone's save
    shown = answer_dialogs(monkeypatch, conflict.RELOAD)

    def run(dialog):
        dialog.reason.setPlainText("明年再谈")
        dialog.try_accept()
        return dialog.result() == QDialog.DialogCode.Accepted
    monkeypatch.setattr(dialogs, "run", run)
    window.park()
    assert not shown[0].review_button.isVisibleTo(shown[0])
    assert clients.get_client(store, cid).status == "active"
    assert window.client.district == "西城区"  # the window read the client again


# ---- the board, the bank list, the Clients page's trash, the trash dialog --------------------------------------

def test_a_drag_on_the_board_from_a_stale_card_says_who_and_redraws(desk, store, cid, monkeypatch):
    page = desk.window.pipeline
    page.refresh()
    pipeline.move_to_step(store, cid, 3, "跳过")  # someone moves it on after the board was drawn
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    page.move(cid, 2)  # the drop of the old card
    assert shown[0].message.text() == "王强 已于 2026-11-23 09:30 修改了此客户，您的操作未执行。请重新载入后再试。"
    assert clients.get_client(store, cid).step == 3
    assert page.versions[cid] == clients.get_client(store, cid).version  # redrawn from the store

    def run(dialog):  # the exit rule of step 3 is not met: the move asks why
        dialog.reason.setPlainText("客户已同意方案")
        dialog.try_accept()
        return dialog.result() == QDialog.DialogCode.Accepted
    monkeypatch.setattr(dialogs, "run", run)
    page.move(cid, 4)  # from the redrawn card it goes through
    assert clients.get_client(store, cid).step == 4


def test_the_bank_list_refused_keeps_the_table_and_a_profile_save_still_goes(desk, store, cid, monkeypatch):
    from PySide6.QtWidgets import QTableWidgetItem
    window = desk.window.open_client(cid)
    tab = window.overview
    tab.banks.insertRow(0)
    tab.banks.setItem(0, 0, QTableWidgetItem("建设银行"))
    clients.set_banks(store, cid, [{"bank_name": "工商银行"}], expected_version=1)  # someone's list
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    tab.save_banks()
    assert shown[0].message.text().startswith("王强 已于 2026-11-23 09:30 修改了此客户的往来银行")
    assert tab.banks.item(0, 0).text() == "建设银行"  # still in the table
    assert [b.bank_name for b in clients.get_client(store, cid).banks] == ["工商银行"]
    tab.fields["district"].setText("西城区")
    tab.save()  # the profile has a version of its own: no conflict
    assert clients.get_client(store, cid).district == "西城区"


def test_the_clients_page_trash_and_undo_from_stale_copies(desk, store, cid, monkeypatch):
    page = desk.window.clients
    page.refresh()
    assert page.model.row(0).id == cid  # the row as shown
    clients.update_client(store, cid, {"district": "西城区"})  # someone's save after the list was read
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected, QDialog.DialogCode.Rejected)
    page.trash_row(0)
    assert "您的操作未执行" in shown[0].message.text()
    assert clients.trash(store) == []
    page.refresh()
    page.model.row(0)
    page.trash_row(0)  # from the fresh row
    assert [r.id for r in clients.trash(store)] == [cid]
    item = trash.items(store)[0]
    trash.restore(store, "client", cid, item.version)  # someone restores it, changes it, trashes it
    clients.update_client(store, cid, {"district": "朝阳区"})
    clients.trash_client(store, cid)
    page.undo_trash()  # my Ctrl+Z of the old trash
    assert len(shown) == 2 and [r.id for r in clients.trash(store)] == [cid]


def test_the_trash_dialog_empties_only_what_it_listed(desk, store, cid, monkeypatch):
    from rmdesk.gui.data.trash_dialog import TrashDialog
    other = clients.create_client(store, {"name": "长城汽车"})
    clients.trash_client(store, cid)
    dialog = TrashDialog(store, desk.window)
    dialog.confirm = lambda *_: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes
    clients.trash_client(store, other)  # someone trashes another client while the dialog is open
    dialog.empty()
    assert [r.id for r in clients.trash(store)] == [other]  # never shown here: kept
    assert dialog.table.rowCount() == 1  # the list is read again
    clients.restore_client(store, other)  # someone restores it while it is listed
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    dialog.empty()
    assert len(shown) == 1 and clients.get_client(store, other).name == "长城汽车"


# ---- the statement years and the proposal draft (migration 0029) -------------------------------------------

def test_statement_years_keep_editing_keeps_the_table_and_reload_closes(desk, store, cid, monkeypatch):
    from rmdesk.gui.client.fincheck_panel import FinancialsDialog
    from rmdesk.services import fincheck

    dialog = FinancialsDialog(store, cid, desk.window)
    dialog.table.setColumnCount(1)  # one year typed
    dialog.table.item(0, 0).setText("2024")
    dialog.table.item(1, 0).setText("1000")
    fincheck.save_years(store, cid, [{"year": "2025", "sales": "500"}])  # someone's save meanwhile
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected, conflict.RELOAD)
    dialog.try_accept()
    assert shown[0].message.text().startswith("王强 已于 2026-11-23 09:30 修改了此客户的财务报表数据")
    assert not shown[0].review_button.isVisibleTo(shown[0])  # a table of years: Reload or keep editing
    assert dialog.table.item(1, 0).text() == "1000" and dialog.result() != QDialog.DialogCode.Accepted
    assert [y.year for y in fincheck.years_of(store, cid)] == [2025]  # theirs stays
    dialog.try_accept()  # still stale: refused again; Reload closes it (the window reads again)
    assert dialog.reloaded and dialog.result() == QDialog.DialogCode.Rejected
    assert [y.year for y in fincheck.years_of(store, cid)] == [2025]


def test_a_proposal_saved_meanwhile_is_not_overwritten_and_reload_shows_it(store, cid, monkeypatch, qtbot):
    from rmdesk.gui.client.proposal import ProposalDialog
    from rmdesk.services import proposals

    settings.save_profile(store, {"rm_name": "王强"})
    proposals.save_draft(store, cid, {"situation": "第一稿"})
    dialog = ProposalDialog(store, cid)
    qtbot.addWidget(dialog)
    dialog.texts["situation"].setPlainText("我的修改")
    proposals.save_draft(store, cid, {"situation": "同事的修改"})  # someone's save meanwhile
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected, conflict.RELOAD)
    assert dialog._save() is None
    assert shown[0].message.text().startswith("王强 changed this client's proposal (version 1) at 2026-11-23 09:30")
    assert dialog.texts["situation"].toPlainText() == "我的修改"  # kept editing: nothing typed is lost
    assert proposals.get_version(store, cid).texts["situation"] == "同事的修改"
    assert dialog._save() is None  # Reload: theirs in the window
    assert dialog.texts["situation"].toPlainText() == "同事的修改"
    dialog.texts["situation"].setPlainText("我的修改")
    assert dialog._save().texts["situation"] == "我的修改"  # after the reload the save goes through
