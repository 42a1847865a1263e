"""The pipeline board: columns, filters, stale marks, and drops that go through the exit rules."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent

from rmdesk.gui import dialogs
from rmdesk.gui.widgets import CLIENT_ID_ROLE
from rmdesk.services import clients, pipeline, settings
from rmdesk.services.pipeline import BoardFilter

pytestmark = pytest.mark.both_engines


@pytest.fixture
def page(make_desk, demo_store):
    d = make_desk(demo_store)
    d.window.show_page(1)
    return d.window.pipeline


def shown(page):
    return {step: [lst.item(i).data(CLIENT_ID_ROLE) for i in range(lst.count())] for step, lst in page.lists.items()}


def expected(store, f=None):
    return {step: [c.client_id for c in cards] for step, cards in pipeline.board(store, f or BoardFilter()).items()}


def test_columns_hold_the_active_clients_and_parked_on_request(page):
    assert shown(page) == expected(page.store)
    before = sum(map(len, shown(page).values()))
    page.parked.setChecked(True)
    assert shown(page) == expected(page.store, BoardFilter(include_parked=True))
    assert sum(map(len, shown(page).values())) > before
    assert "个客户" in page.headers[1].text()


def test_filters_match_the_service(page):
    page.owner.setCurrentIndex(1)
    page.owner.activated.emit(1)
    page.tier.setCurrentIndex(page.tier.findData("key"))
    page.tier.activated.emit(page.tier.currentIndex())
    f = BoardFilter(owner=page.owner.currentData(), tier="key")
    assert shown(page) == expected(page.store, f) and any(shown(page).values())
    page.industry.setCurrentIndex(page.industry.findData("steel"))
    page.industry.activated.emit(page.industry.currentIndex())
    assert shown(page) == expected(page.store, BoardFilter(owner=f.owner, tier="key", industry="steel"))


def test_text_filter(page):
    name = clients.list_clients(page.store, clients.ClientQuery(step=2, status="active"), limit=1)[0].name
    page.search.setText(name)
    page.refresh()
    assert [page.lists[2].item(i).text().splitlines()[0] for i in range(page.lists[2].count())] == [name]


def fresh(store, name="新客户"):
    return clients.create_client(store, {"name": name})


def test_drop_with_unmet_rule_asks_why_and_cancel_keeps_the_step(page, monkeypatch):
    cid = fresh(page.store)
    asked = []
    monkeypatch.setattr(dialogs, "run", lambda d: asked.append(d) or False)
    page.lists[2].on_drop(cid, 2)
    assert len(asked) == 1 and clients.get_client(page.store, cid).step == 1

    def accept(d):
        d.reason.setPlainText("行长交办的重点客户")
        d.try_accept()
        return d.result() == d.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", accept)
    page.lists[2].on_drop(cid, 2)
    assert clients.get_client(page.store, cid).step == 2
    last = pipeline.history(page.store, cid)[0]
    assert last.override and last.reason == "行长交办的重点客户"
    assert cid in shown(page)[2]


def test_moving_back_asks_for_a_reason(page, monkeypatch):
    cid = fresh(page.store)
    pipeline.move_to_step(page.store, cid, 3, reason="setup")
    asked = []

    def accept(d):
        asked.append(d.windowTitle())
        d.reason.setPlainText("决策人换了")
        d.try_accept()
        return True

    monkeypatch.setattr(dialogs, "run", accept)
    page.move(cid, 2)
    assert clients.get_client(page.store, cid).step == 2 and "退回" in asked[0]


def test_a_met_rule_moves_without_a_dialog(page, monkeypatch):
    cid = fresh(page.store)
    clients.set_qualification(page.store, cid, {"need": True, "afford": True, "standard": True})
    clients.add_contact(page.store, cid, {"name": "王总"})
    monkeypatch.setattr(dialogs, "run", lambda d: pytest.fail("no dialog expected"))
    page.lists[2].on_drop(cid, 2)
    assert clients.get_client(page.store, cid).step == 2


def test_stale_cards_are_marked(page):
    settings.save_stale_days(page.store, {1: 1})
    page.refresh()
    stale = [c for c in pipeline.board(page.store)[1] if c.stale]
    assert stale
    row = shown(page)[1].index(stale[0].client_id)
    item = page.lists[1].item(row)
    assert "停滞" in item.text() and item.background().color().name() == "#fff3cd"


def test_a_real_drop_event_between_columns(page, monkeypatch):
    cid = fresh(page.store)
    page.refresh()
    source, target = page.lists[1], page.lists[2]
    row = shown(page)[1].index(cid)
    source.setCurrentRow(row)
    monkeypatch.setattr(dialogs, "run", lambda d: (d.reason.setPlainText("拖拽推进"), d.try_accept(), True)[-1])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.MoveAction, QMimeData(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    monkeypatch.setattr(event, "source", lambda: source)
    target.dropEvent(event)
    assert clients.get_client(page.store, cid).step == 2
    assert event.dropAction() == Qt.DropAction.IgnoreAction  # Qt must not move the item itself


def test_show_more_at_a_columns_foot_keeps_exact_heads(page, monkeypatch):
    from rmdesk.gui.pages import pipeline as board_page

    monkeypatch.setattr(board_page, "CARDS_PER_COLUMN", 2)
    monkeypatch.setattr(board_page, "MORE_CARDS", 3)
    page._limits_for = None  # as after another filter: the columns start again
    page.refresh()
    full = expected(page.store)
    step = max(full, key=lambda s: len(full[s]))
    assert len(full[step]) > 5
    assert shown(page)[step] == full[step][:2] and page.more[step].isVisibleTo(page)
    totals = pipeline.column_totals(page.store)
    head = page.headers[step].text()
    assert f"{totals[step].cards} 个客户" in head and " 2 " in head
    page.more[step].click()
    assert shown(page)[step] == full[step][:5]
    assert page.headers[step].text().startswith(head.split("<br>仅")[0]) and " 5 " in page.headers[step].text()
    page.refresh()  # a redraw (a move, a colleague's change) keeps what was shown
    assert shown(page)[step] == full[step][:5]
    while page.more[step].isVisibleTo(page):
        page.more[step].click()
    assert shown(page)[step] == full[step]
    page.search.setText("华")  # another filter: back to the first cards
    page.refresh()
    f = BoardFilter(search="华")
    assert all(shown(page)[s] == expected(page.store, f)[s][:2] for s in full)
