"""Each stay's start stored on the step change that ends it (step_changes.stay_since,
rmdesk.store.stays, migration 0028): written by the moves, by the demo, and backfilled on an
existing store, all by hand-computed cases; the funnel's velocity read from it."""

from contextlib import contextmanager
from datetime import date, datetime

import pytest
from sqlalchemy import URL, create_engine, select, text

from rmdesk import clock
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, demo, insights, pipeline
from rmdesk.services.insights import Period
from rmdesk.store import migrate, stays
from rmdesk.store.engine import HEAD_REVISION, Store
from rmdesk.store.models import StepChange

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


@contextmanager
def at(month, day, hour=10):
    clock.pin(datetime(2026, month, day, hour))
    try:
        yield
    finally:
        clock.pin(datetime(2026, 11, 23, 9, 30))


def _rows(store, cid):
    with store.read() as s:
        return [(r.from_step, r.to_step, r.to_status, r.stay_since, r.entry_before, r.moved_on_at)
                for r in s.scalars(select(StepChange).where(StepChange.client_id == cid).order_by(StepChange.id))]


def _book(store):
    """X: created 11-01; step 2 on 11-03, 3 on 11-05, back to 2 on 11-06 (a reason), 3 again on
    11-09 at 10:00 and 4 the same day at 15:00.
    Y: created 11-02; steps 2 and 3 at the same instant (11-10 10:00, the clock pinned), then
    lost on 11-12 (a status change at step 3)."""
    with at(11, 1):
        x = clients.create_client(store, {"name": "客户X"})
    with at(11, 2):
        y = clients.create_client(store, {"name": "客户Y"})
    for step, (m, d, h) in ((2, (11, 3, 10)), (3, (11, 5, 10)), (2, (11, 6, 10)), (3, (11, 9, 10)),
                            (4, (11, 9, 15))):
        with at(m, d, h):
            pipeline.move_to_step(store, x, step, reason="test move")
    with at(11, 10):
        pipeline.move_to_step(store, y, 2, reason="test move")
        pipeline.move_to_step(store, y, 3, reason="test move")
    with at(11, 12):
        pipeline.mark_lost(store, y, "price")
    return x, y


def d(day, hour=10):
    return datetime(2026, 11, day, hour)


# (from, to, status, stay_since, entry_before, moved_on_at)
X_ROWS = [(None, 1, "active", None, None, d(3)),
          (1, 2, "active", d(1), None, d(5)),
          (2, 3, "active", d(3), None, d(9, 15)),
          (3, 2, "active", d(5), None, None),     # back: the stay in 3 began 11-05; no forward entry
          (2, 3, "active", d(6), d(5), d(9, 15)),  # the stay in 2 began with the move back; 3 entered before
          (3, 4, "active", d(9), None, None)]      # the same day: 5 hours
Y_ROWS = [(None, 1, "active", None, None, d(10)),
          (1, 2, "active", d(2), None, d(10)),      # moved on at the same instant
          (2, 3, "active", d(10), None, None),      # the same instant: the earlier row (by id)
          (3, 3, "lost", d(10), None, None)]        # a status change keeps the stay's start


def _check_velocity(store):
    steps = insights.funnel(store, NOV).steps
    # step 1: X 2 days, Y 8 days; step 2: X 2 and 3 days, Y 0; step 3: X 5 hours (the stay
    # that ended with the move back is no forward move out of it); step 4: none
    assert (steps[0].stays, steps[0].median_days, steps[0].p80_days) == (2, 5.0, pytest.approx(6.8))
    assert (steps[1].stays, steps[1].median_days, steps[1].p80_days) == (3, 2.0, pytest.approx(2.6))
    assert (steps[2].stays, steps[2].median_days, steps[2].p80_days) == (1, 5 / 24, 5 / 24)
    assert (steps[3].stays, steps[3].median_days) == (0, None)
    # entered / moved on: X's second entry into 3 is not counted again, Y moved on from 2 at
    # the very instant it entered it
    assert [(st.entered, st.advanced) for st in steps] == [(2, 2), (2, 2), (2, 1), (1, 0), (0, 0), (0, 0)]


@pytest.mark.both_engines
def test_every_move_stores_when_the_stay_it_ends_began(store):
    x, y = _book(store)
    assert _rows(store, x) == X_ROWS
    assert _rows(store, y) == Y_ROWS
    _check_velocity(store)
    # the set-based backfill gives the same on the rows the moves wrote
    with store.write() as s:
        s.execute(text("UPDATE step_changes SET stay_since = NULL, entry_before = NULL, moved_on_at = NULL"))
        assert stays.fill(s.connection(), x) == 6
    assert _rows(store, x) == X_ROWS
    assert [r[3:] for r in _rows(store, y)] == [(None, None, None)] * 4
    with store.write() as s:
        stays.fill(s.connection())
    assert _rows(store, y) == Y_ROWS
    _check_velocity(store)


def test_fill_rows_follows_the_insert_order_and_the_ties():
    t1, t2, t3 = datetime(2026, 1, 1), datetime(2026, 1, 2), datetime(2026, 1, 3)
    rows = [{"client_id": 1, "at": t1, "from_step": None, "to_step": 1},
            {"client_id": 2, "at": t1, "from_step": None, "to_step": 1},
            {"client_id": 1, "at": t2, "from_step": 1, "to_step": 2},
            {"client_id": 1, "at": t2, "from_step": 2, "to_step": 3},  # the same instant: after the row before
            {"client_id": 2, "at": t3, "from_step": 1, "to_step": 1},  # a status change
            {"client_id": 2, "at": t3, "from_step": 1, "to_step": 2},
            {"client_id": 1, "at": t1, "from_step": 3, "to_step": 4}]  # before its step's entry: none
    stays.fill_rows(rows)
    assert [r["stay_since"] for r in rows] == [None, None, t1, t2, t1, t1, None]
    assert [r["entry_before"] for r in rows] == [None, None, None, None, None, None, None]
    # the next forward entry into a higher step at or after the row, whatever the insert order
    assert [r["moved_on_at"] for r in rows] == [t1, t3, t2, None, None, None, None]


def test_the_demo_book_stores_the_same_starts_as_the_backfill(tmp_path):
    store = Store.open(tmp_path / "演示 #1")
    columns = "id, stay_since, entry_before, moved_on_at"
    try:
        demo.generate(store, clients=300, seed=7)
        with store.read() as s:
            written = s.execute(text(f"SELECT {columns} FROM step_changes ORDER BY id")).all()
        with store.write() as s:
            s.execute(text("UPDATE step_changes SET stay_since = NULL, entry_before = NULL, moved_on_at = NULL"))
            stays.fill(s.connection())
        with store.read() as s:
            assert s.execute(text(f"SELECT {columns} FROM step_changes ORDER BY id")).all() == written
            moves = s.scalar(text("SELECT count(*) FROM step_changes WHERE from_step IS NOT NULL"))
        assert moves > 300 and sum(1 for row in written if row[1] is not None) == moves
        assert sum(1 for row in written if row[3] is not None) > 300  # moved on
    finally:
        store.close(backup=False)


def test_the_upgrade_backfills_an_existing_store(tmp_path):
    """A store at 0026 with a history written by raw SQL (a move back, two moves at one
    instant, a status change, a move whose entry row is missing) gets every start on upgrade."""
    directory = tmp_path / "旧 库 %"
    directory.mkdir()
    engine = create_engine(URL.create("sqlite", database=str(directory / STORE_FILENAME)))
    migrate.upgrade(engine, "0026_more_versions")
    history = [  # (id, client, at, from, to, to_status)
        (1, 7, "2026-11-01 10:00:00.000000", None, 1, "active"),
        (2, 7, "2026-11-03 10:00:00.000000", 1, 2, "active"),
        (3, 7, "2026-11-05 10:00:00.000000", 2, 1, "active"),   # back to 1
        (4, 7, "2026-11-07 10:00:00.000000", 1, 2, "active"),   # the stay in 1 began 11-05
        (5, 7, "2026-11-07 10:00:00.000000", 2, 3, "active"),   # the same instant
        (6, 7, "2026-11-08 10:00:00.000000", 3, 3, "nurture"),
        (7, 8, "2026-11-09 10:00:00.000000", 4, 5, "active"),   # no entry into 4 recorded
    ]
    with engine.begin() as conn:
        for cid in (7, 8):
            conn.execute(text(
                "INSERT INTO clients (id, name, pinyin_initials, pinyin_full, two_high, owner, step, status, "
                "step_entered_at, q_need, q_afford, q_standard, q_authority, q_value, qualification_score, "
                "proposal_agreed, created_at, updated_at) VALUES (:id, :name, '', '', 0, '', 3, 'active', "
                "'2026-11-01 10:00:00', 0, 0, 0, 0, 0, 0, 0, '2026-11-01 10:00:00', '2026-11-01 10:00:00')"),
                {"id": cid, "name": f"客户{cid}"})
        for row in history:
            conn.execute(text("INSERT INTO step_changes (id, client_id, at, from_step, to_step, from_status, "
                              "to_status, override) VALUES (:i, :c, :at, :f, :t, 'active', :s, 0)"),
                         dict(zip(("i", "c", "at", "f", "t", "s"), row, strict=True)))
    engine.dispose()
    store = Store.open(directory)
    try:
        assert store.schema_revision() == HEAD_REVISION
        with store.read() as s:
            found = {i: rest for i, *rest in s.execute(select(StepChange.id, StepChange.stay_since,
                                                                StepChange.entry_before, StepChange.moved_on_at))}
        assert found == {1: [None, None, d(3)], 2: [d(1), None, d(7)], 3: [d(3), None, None],
                         4: [d(5), d(3), d(7)], 5: [d(7), None, None], 6: [d(7), None, None],
                         7: [None, None, None]}
        steps = insights.funnel(store, NOV).steps
        # forward moves out of a step in November: 1->2 twice (2 days each), 2->3 (0 days);
        # 4->5 has no start and is left out
        assert [(st.stays, st.median_days) for st in steps[:4]] == [(2, 2.0), (1, 0.0), (0, None), (0, None)]
        # entered / moved on: client 7 entered 2 twice (counted once), 8 entered 5 only
        assert [(st.entered, st.advanced) for st in steps] == [(1, 1), (1, 1), (1, 0), (0, 0), (1, 0), (0, 0)]
    finally:
        store.close(backup=False)


@pytest.mark.postgresql
def test_an_rm_on_a_team_database_writes_them_under_row_level_security(team_setup):
    """The moves' lookups and the update of the earlier entries run as the RM's own role."""
    t = team_setup
    assert "protected" in t.admin("team", "init")
    t.add("a", "rm_a", "王强")
    t.add("b", "rm_b", "李娜")
    a = Store.open(url=t.sign_in("a"))
    b = Store.open(url=t.sign_in("b"))
    try:
        x, y = _book(a)
        other = _book(b)[0]  # the other RM's history is out of reach, and untouched
        assert _rows(a, x) == X_ROWS and _rows(a, y) == Y_ROWS
        assert _rows(b, other) == X_ROWS and _rows(a, other) == []
        _check_velocity(b)
    finally:
        a.close()
        b.close()
