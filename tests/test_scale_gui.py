"""The client list on a big book: scroll, sort, filter and search through the real page and
model (pytest-qt, offscreen). Correctness only; speed is `make bench` (on 100,000 clients). The
book here has 30,000: three times the search count's cap (10,000) and far beyond the pages the
list model keeps (16 × 200 rows), so every path that a big book takes is taken; 100,000 cost a
minute and a half of every test run to build."""

import pytest
from PySide6.QtCore import Qt

from rmdesk import clock
from rmdesk.services import clients
from rmdesk.services.clients import ClientQuery
from rmdesk.store.engine import Store

BIG = 30_000


@pytest.fixture(scope="session")
def big_book(tmp_path_factory):
    """Built once per session with the fast demo path (clients, key persons, history)."""
    from rmdesk.services import demo
    from tests.conftest import NOW

    with clock.pinned(NOW):
        directory = tmp_path_factory.mktemp("big") / "data"
        store = Store.open(directory)
        demo.generate(store, BIG, seed=5, detail=False)
        store.close()
    return directory


@pytest.fixture
def big_store(big_book):
    store = Store.open(big_book)
    yield store
    store.close()


@pytest.fixture
def page(make_desk, big_store):
    desk = make_desk(big_store)
    desk.window.show_page(2)
    return desk.window.clients


def visible_rows(page):
    table = page.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = page.model.rowCount() - 1 if last < 0 else last
    return range(first, last + 1)


def test_the_whole_book_is_addressable_and_scrolls_end_to_end(page, qtbot):
    model = page.model
    assert model.rowCount() == model.total() == BIG
    assert str(BIG) in page.count.text()
    bar = page.table.verticalScrollBar()
    expected = clients.list_clients(page.store, limit=1)[0].name
    assert model.index(0, 0).data() == expected
    seen = set()
    for value in (bar.maximum() // 3, bar.maximum() // 2, bar.maximum(), 0):
        bar.setValue(value)
        qtbot.wait(1)
        rows = visible_rows(page)
        assert len(rows) > 5
        names = [model.index(r, 0).data() for r in rows]
        want = clients.list_clients(page.store, offset=rows[0], limit=len(rows))
        assert names == [w.name for w in want]  # the rows shown are the book's rows at that place
        seen.add(rows[0])
    # the last row is the last client in name order
    last = clients.list_clients(page.store, offset=BIG - 1, limit=1)[0]
    assert model.index(BIG - 1, 0).data() == last.name
    assert model.client_id(BIG - 1) == last.id
    # only the pages looked at are held, not the book
    assert model.cached_rows() <= 16 * 200
    assert len(seen) == 4


def test_sorting_any_column_is_done_by_the_database(page):
    model = page.model
    for column, key in ((3, "step"), (2, "tier"), (7, "next_action_date"), (0, "name")):
        for order, descending in ((Qt.SortOrder.AscendingOrder, False), (Qt.SortOrder.DescendingOrder, True)):
            page.table.sortByColumn(column, order)
            want = clients.list_clients(page.store, sort=key, descending=descending, limit=50)
            assert [model.client_id(r) for r in range(50)] == [w.id for w in want]
            assert model.rowCount() == BIG
    # deep in a sorted list too
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    want = clients.list_clients(page.store, sort="step", descending=True, offset=BIG * 7 // 9, limit=3)
    assert [model.client_id(BIG * 7 // 9 + i) for i in range(3)] == [w.id for w in want]


def test_filters_narrow_the_list_and_count(page):
    model = page.model
    page.step_filter.setCurrentIndex(page.step_filter.findData(3))
    expected = clients.count_clients(page.store, ClientQuery(step=3))
    assert 0 < model.rowCount() == expected < BIG
    assert {model.index(r, 3).data()[0] for r in range(0, model.rowCount(), max(1, expected // 40))} == {"3"}
    page.status_filter.setCurrentIndex(page.status_filter.findData("nurture"))
    both = clients.count_clients(page.store, ClientQuery(step=3, status="nurture"))
    assert model.rowCount() == both < expected
    page.status_filter.setCurrentIndex(0)
    page.step_filter.setCurrentIndex(0)
    assert model.rowCount() == BIG


@pytest.mark.parametrize("term", ["华", "电力", "hndl", "cq", "chongqing", "有限公司", "9131", "h"])
def test_search_as_you_type_finds_what_the_service_finds(page, qtbot, term):
    model = page.model
    # typed one key at a time; the debounce then the query
    for i in range(1, len(term) + 1):
        page.search.setText(term[:i])
    counted = clients.count_clients_capped(page.store, ClientQuery(search=term))
    qtbot.waitUntil(lambda: (model.rowCount(), model.total_is_exact()) == counted, timeout=3000)
    exact = clients.count_clients(page.store, ClientQuery(search=term))
    if not counted[1]:  # a broad search: counted to the cap, the rest when scrolled to the end
        assert model.rowCount() == clients.COUNT_CAP < exact
        assert page.count.text() == f"超过 {clients.COUNT_CAP} 个客户"
        assert model.canFetchMore()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: model.total_is_exact(), timeout=3000)
        assert page.count.text() == f"{exact} 个客户"
    assert model.rowCount() == exact > 0
    want = clients.list_clients(page.store, ClientQuery(search=term), limit=30)
    assert [model.client_id(r) for r in range(min(30, exact))] == [w.id for w in want]
    # scrolled to the end of the results
    tail = clients.list_clients(page.store, ClientQuery(search=term), offset=exact - 1, limit=1)
    assert model.client_id(exact - 1) == tail[0].id
    page.search.clear()
    page.apply_filters()
    assert model.rowCount() == BIG


def test_search_by_contact_name_and_credit_code(page, big_store):
    detail = clients.get_client(big_store, BIG // 3 + 337)
    for term in (detail.credit_code, detail.contacts[0].name if detail.contacts else detail.name):
        page.search.setText(term)
        page.apply_filters()
        ids = [page.model.client_id(r) for r in range(page.model.rowCount())][:500]
        assert detail.id in ids or page.model.rowCount() > 500
        assert page.model.rowCount() == clients.count_clients(big_store, ClientQuery(search=term))
