"""No lost update in the client window: a save from a stale copy says who changed the client
and when, keeps the typing, and offers Reload (take theirs) or Review (theirs beside mine, then
save mine over their version); a stale row action says who and offers Reload (pytest-qt)."""

import pytest
from conflicts import answer_dialogs
from PySide6.QtWidgets import QDialog

from rmdesk.gui.client import conflict
from rmdesk.services import clients, engagement, settings


@pytest.fixture
def window(make_desk, store):
    settings.save_profile(store, {"rm_name": "王强"})  # whoever saves in this book shows as 王强
    cid = clients.create_client(store, {"name": "华能电力", "district": "东城区"})
    desk = make_desk(store)
    return desk.window.open_client(cid)


def _someone_saves(store, cid, changes):
    clients.update_client(store, cid, changes, expected_version=clients.get_client(store, cid).version)


def test_keep_editing_keeps_the_typing_and_nothing_is_saved(window, store, monkeypatch):
    tab = window.overview
    tab.fields["district"].setText("西城区")
    assert window.has_unsaved_edits()
    _someone_saves(store, window.client_id, {"short_name": "华能"})
    shown = answer_dialogs(monkeypatch, QDialog.DialogCode.Rejected)
    tab.save()
    assert shown[0].message.text().startswith("王强 已于 2026-11-23 09:30 修改了此客户")
    assert isinstance(shown[0], conflict.ConflictDialog) and shown[0].review_button.isVisibleTo(shown[0])
    assert tab.fields["district"].text() == "西城区" and window.has_unsaved_edits()
    assert clients.get_client(store, window.client_id).district == "东城区"


def test_reload_takes_theirs(window, store, monkeypatch):
    tab = window.overview
    tab.fields["district"].setText("西城区")
    _someone_saves(store, window.client_id, {"short_name": "华能"})
    answer_dialogs(monkeypatch, conflict.RELOAD)
    tab.save()
    assert tab.fields["short_name"].text() == "华能" and tab.fields["district"].text() == "东城区"
    assert not window.has_unsaved_edits()
    tab.fields["district"].setText("西城区")  # after the reload the same edit saves
    tab.save()
    assert clients.get_client(store, window.client_id).district == "西城区"


def test_review_shows_theirs_beside_mine_and_saves_only_my_edits(window, store, monkeypatch):
    tab = window.overview
    tab.fields["district"].setText("西城区")
    _someone_saves(store, window.client_id, {"short_name": "华能", "district": "朝阳区"})
    shown = answer_dialogs(monkeypatch, conflict.REVIEW, QDialog.DialogCode.Accepted)
    tab.save()
    review = shown[1]
    assert isinstance(review, conflict.ReviewDialog)
    rows = {review.table.item(r, 0).text(): [review.table.item(r, c).text() for c in (1, 2, 3)]
            for r in range(review.table.rowCount())}
    assert rows["区域"] == ["朝阳区", "西城区", "我的"]
    assert rows["简称"] == ["华能", "—", "对方的"]
    after = clients.get_client(store, window.client_id)
    assert (after.district, after.short_name) == ("西城区", "华能")  # mine over theirs, theirs kept
    assert tab.fields["short_name"].text() == "华能" and not window.has_unsaved_edits()


def test_a_stale_row_action_says_who_and_reloads(window, store, monkeypatch):
    need = engagement.add_need(store, window.client_id, "sales", "销售回款")
    window.view_step(3)
    panel = window.guidance.tool
    panel.needs.selectRow(0)
    assert panel.row_version(panel.needs) == 1
    engagement.confirm_need(store, need, True, expected_version=1)  # someone confirms it meanwhile
    shown = answer_dialogs(monkeypatch, conflict.RELOAD)
    assert not panel.act(engagement.confirm_need, store, need, False, expected_version=panel.row_version(panel.needs))
    assert shown[0].message.text().startswith("王强 已于 2026-11-23 09:30 修改了此需求")
    assert not shown[0].review_button.isVisibleTo(shown[0])  # nothing typed to review
    assert engagement.needs_of(store, window.client_id)[0].confirmed is True  # theirs stands
    panel = window.guidance.tool  # reloaded: the row now carries their version
    panel.needs.selectRow(0)
    assert panel.row_version(panel.needs) == 2
