"""The start's first glance at the local book (rmdesk.services.glance): the client list's count
and first page, and Today's visits and next steps due, read with the standard library's sqlite3
while the store opens. It gives the services' own answers, under any folder name and from a
read-only folder, writes nothing, never loads SQLAlchemy, and gives None for every book it
cannot read as it is (encrypted, older, damaged, missing, not a book)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from rmdesk import clock
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, glance, visits
from rmdesk.store import crypto, rekey
from rmdesk.store.engine import Store
from tests import faults
from tests.conftest import NOW

FOLDER_NAMES = ["数据-张伟", "my book", "a#b", "what?", "100%41", "a&b;c"]


def _book(demo_template: Path, folder: Path) -> Path:
    shutil.copytree(demo_template, folder)
    return folder


def _list_answer(folder: Path, limit: int) -> tuple[int, list]:
    store = Store.open(folder)
    try:
        total, exact, rows = clients.first_page(store, limit=limit)
    finally:
        store.close()
    assert exact
    return total, rows


def test_the_glance_is_the_lists_own_count_and_first_page(demo_template, tmp_path):
    folder = _book(demo_template, tmp_path / "data")
    store = Store.open(folder)
    try:
        first = clients.first_page(store, limit=5)[2]
        clients.trash_client(store, first[1].id)  # the trash is not in the list
    finally:
        store.close()
    total, rows = _list_answer(folder, 200)
    seen = glance.first_page(folder, limit=200)
    assert seen is not None
    assert seen.total == total == 199
    assert seen.rows == rows and len(rows) == 199
    assert first[1].id not in {r.id for r in seen.rows}
    assert any(r.next_action_date is None for r in seen.rows)  # dates and their absence read back
    assert glance.first_page(folder, limit=20).rows == rows[:20]


@pytest.mark.parametrize("name", FOLDER_NAMES)
def test_any_folder_name_is_read_and_nothing_is_written(demo_template, tmp_path, name):
    folder = _book(demo_template, tmp_path / name)
    total, rows = _list_answer(folder, 50)
    for leftover in folder.glob(f"{STORE_FILENAME}-*"):
        leftover.unlink()  # a cleanly closed book: a glance must not leave a -wal or -shm behind
    before = faults.snapshot(tmp_path)
    seen = glance.first_page(folder, limit=50)
    assert seen is not None and (seen.total, seen.rows) == (total, rows)
    assert faults.snapshot(tmp_path) == before  # nothing written, in the folder or beside it


def test_a_read_only_folder_is_glanced_at(demo_template, tmp_path):
    folder = _book(demo_template, tmp_path / "只读 #1")
    total, rows = _list_answer(folder, 30)
    for leftover in folder.glob(f"{STORE_FILENAME}-*"):
        leftover.unlink()
    before = faults.snapshot(folder)
    with faults.read_only(folder) as view:
        seen = glance.first_page(view, limit=30)
    assert seen is not None and (seen.total, seen.rows) == (total, rows)
    assert faults.snapshot(folder) == before


def _today_answer(folder: Path, day: date, limit: int) -> tuple[bool, list, list]:
    store = Store.open(folder)
    try:
        return (clients.is_empty(store), visits.visits_between(store, day, 1, limit=limit),
                visits.open_tasks(store, due_by=day, limit=limit))
    finally:
        store.close()


def test_todays_glance_is_the_days_visits_and_next_steps_as_the_services_give_them(demo_template, tmp_path):
    folder = _book(demo_template, tmp_path / "数据 #1")
    store = Store.open(folder)
    try:
        with clock.pinned(NOW):
            # the day's edges, a cancelled visit, a trashed client's visit and task, a task done
            client_a, client_b = (row.id for row in clients.first_page(store, limit=2)[2])
            day = NOW.date() + timedelta(days=1)
            ids = [visits.plan_visit(store, client_a, {"planned_at": datetime.combine(day, datetime.min.time())
                                                       + timedelta(minutes=minutes), "objective": f"第{n}次"})
                   for n, minutes in enumerate((0, 23 * 60 + 59, 9 * 60, 10 * 60), 1)]
            visits.plan_visit(store, client_a, {"planned_at": datetime.combine(day + timedelta(days=1),
                                                                               datetime.min.time())})
            visits.cancel_visit(store, ids[3], "客户改期")
            visits.plan_visit(store, client_b, {"planned_at": datetime.combine(day, datetime.min.time())
                                                + timedelta(hours=11)})
            clients.trash_client(store, client_b)
            due = visits.open_tasks(store, due_by=day, limit=3)
            visits.complete_task(store, due[0].id)
    finally:
        store.close()
    for on in (NOW.date() - timedelta(days=3), NOW.date(), day, day + timedelta(days=1)):
        empty, day_visits, tasks = _today_answer(folder, on, 101)
        seen = glance.today(folder, on, limit=101)
        assert seen is not None and seen.day == on
        assert (seen.empty, seen.visits, seen.tasks) == (empty, day_visits, tasks)
    seen = glance.today(folder, day, limit=101)
    ours = [v.objective for v in seen.visits if v.id in ids]
    assert ours == ["第1次", "第3次", "第2次"]  # in time order, midnight to 23:59; the cancelled one left out
    assert seen.visits[0].objective == "第1次" and seen.visits[-1].objective == "第2次"
    assert client_b not in {v.client_id for v in seen.visits} | {t.client_id for t in seen.tasks}  # trashed
    assert due[0].id not in {t.id for t in seen.tasks} and len(seen.tasks) > 10
    assert glance.today(folder, day, limit=5).tasks == seen.tasks[:5]


def test_todays_glance_of_an_empty_book_says_so(tmp_path):
    folder = tmp_path / "新 客户库 %"
    Store.open(folder).close()
    seen = glance.today(folder, NOW.date(), limit=101)
    assert seen is not None and (seen.empty, seen.visits, seen.tasks) == (True, [], [])
    assert _today_answer(folder, NOW.date(), 101)[0] is True


def _older(folder: Path) -> None:
    with sqlite3.connect(folder / STORE_FILENAME) as con:
        con.execute("UPDATE alembic_version SET version_num = '0033_pg_sort_owner'")


def _damaged(folder: Path) -> None:
    path = folder / STORE_FILENAME
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # pages after the header: a plain file whose tables are gone
    path.write_bytes(bytes(data))
    for leftover in folder.glob(f"{STORE_FILENAME}-*"):
        leftover.unlink()


def _not_a_book(folder: Path) -> None:
    (folder / STORE_FILENAME).write_text("客户名单\n" * 500, encoding="utf-8")


def _missing(folder: Path) -> None:
    shutil.rmtree(folder)


def _empty(folder: Path) -> None:
    (folder / STORE_FILENAME).write_bytes(b"")


@pytest.mark.parametrize("spoil", [_older, _damaged, _not_a_book, _missing, _empty],
                         ids=["older revision", "damaged", "not a book", "missing", "empty file"])
def test_a_book_that_cannot_be_read_as_it_is_gives_no_glance(demo_template, tmp_path, spoil):
    folder = _book(demo_template, tmp_path / "data")
    spoil(folder)
    assert glance.first_page(folder) is None
    assert glance.today(folder, NOW.date(), limit=101) is None


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_an_encrypted_book_gives_no_glance(demo_template, tmp_path):
    folder = _book(demo_template, tmp_path / "data")
    rekey.change_password(folder, None, "pw @%:")
    assert crypto.is_encrypted(folder / STORE_FILENAME)
    assert glance.first_page(folder) is None
    assert glance.today(folder, NOW.date(), limit=101) is None


def test_the_glance_never_loads_sqlalchemy(demo_template, tmp_path):
    folder = _book(demo_template, tmp_path / "数据 #1")
    # the pages the window shows a glance on, as well: built on the GUI thread before the store loads
    code = ("import sys; from pathlib import Path; from rmdesk.services import glance; "
            "import rmdesk.gui.pages.today, rmdesk.gui.pages.clients; "
            f"from datetime import date; seen = glance.first_page(Path({str(folder)!r})); "
            f"day = glance.today(Path({str(folder)!r}), date.fromisoformat({NOW.date().isoformat()!r}), 101); "
            "print(seen.total, len(seen.rows), len(day.tasks) > 0, 'sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["200", "200", "True", "False"]
