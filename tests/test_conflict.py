"""No lost update: a save from a stale copy is refused, says who changed the client and when,
and writes nothing; two processes on one team database."""

import subprocess
import sys
import textwrap

import pytest
from conflicts import i_am

from rmdesk.errors import Conflict
from rmdesk.services import clients, engagement, maintenance, trash, visits

pytestmark = pytest.mark.both_engines


def test_a_stale_save_is_refused_and_writes_nothing(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    mine = clients.get_client(store, cid)
    clients.update_client(store, cid, {"short_name": "华能"}, expected_version=mine.version)  # someone's save
    with pytest.raises(Conflict) as caught:
        clients.update_client(store, cid, {"district": "西城区"}, expected_version=mine.version)
    assert "changed this client at 2026-11-23 09:30" in caught.value.message("en")
    after = clients.get_client(store, cid)
    assert after.short_name == "华能" and after.district is None and after.version == mine.version + 1
    clients.update_client(store, cid, {"district": "西城区"}, expected_version=after.version)  # after a reload
    assert clients.get_client(store, cid).district == "西城区"


def test_two_processes_the_second_save_from_the_old_copy_is_refused(store, db_url, pg_server_or_none):
    if db_url is None:
        pytest.skip("two writer processes share a team database; the local book has one writer (its lock)")
    cid = clients.create_client(store, {"name": "长城汽车"})
    pg_server_or_none.sql("INSERT INTO team_members (login, name, lead) VALUES (:l, '王强', false)",
                          database=db_url.database, l=db_url.username)
    mine = clients.get_client(store, cid)
    other = textwrap.dedent(f"""
        from sqlalchemy import make_url
        from rmdesk import clock
        from datetime import datetime
        from rmdesk.services import clients
        from rmdesk.store.engine import Store
        clock.pin(datetime(2026, 11, 23, 10, 32))
        s = Store.open(url=make_url({db_url.render_as_string(hide_password=False)!r}))
        c = clients.get_client(s, {cid})
        clients.update_client(s, {cid}, {{"short_name": "长城"}}, expected_version=c.version)
        s.close()
    """)
    done = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with pytest.raises(Conflict) as caught:
        clients.update_client(store, cid, {"short_name": "长汽"}, expected_version=mine.version)
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此客户")
    assert clients.get_client(store, cid).short_name == "长城"


# Every editable row: how to make one, load its version, and two edits that each succeed alone.
# The first edit is someone's save; the second comes from the copy loaded before it.
def _visit(store, cid):
    return visits.plan_visit(store, cid, {"planned_at": "2026-11-20 09:00"})


def _task(store, cid):
    vid = _visit(store, cid)
    return visits.record_report(store, vid, "谈了结算", next_steps=[{"title": "送方案", "due_date": "2026-11-30"}])[0]


def _task_version(store, task_id):
    from rmdesk.store.models import Task
    with store.read() as s:
        return s.get(Task, task_id).version  # a done task has left open_tasks


def _product(store):
    from sqlalchemy import select

    from rmdesk.store.models import Product
    with store.read() as s:
        return s.scalar(select(Product.key).order_by(Product.id))


ROWS = {
    "contact": (lambda st, c: clients.add_contact(st, c, {"name": "张总"}),
                lambda st, c, i: next(p.version for p in clients.get_client(st, c).contacts if p.id == i),
                "clients.update_contact(store, rid, {'title': '财务总监'}, expected_version=ver)",
                "clients.update_contact(store, rid, {'phone': '13800000000'}, expected_version=ver)",
                lambda st, c, i: next((p.title, p.phone) for p in clients.get_client(st, c).contacts if p.id == i)),
    "visit": (_visit,
              lambda st, c, i: next(r.version for r in visits.client_visits(st, c) if r.id == i),
              "visits.reschedule_visit(store, rid, '2026-11-21 10:00', '客户改期', expected_version=ver)",
              "visits.cancel_visit(store, rid, '不去了', expected_version=ver)",
              lambda st, c, i: next(r.status for r in visits.client_visits(st, c) if r.id == i)),
    "task": (_task,
             lambda st, c, i: _task_version(st, i),
             "visits.complete_task(store, rid, expected_version=ver)",
             "visits.complete_task(store, rid, expected_version=ver)",
             lambda st, c, i: [t.id for t in visits.open_tasks(st, client_id=c)]),
    "need": (lambda st, c: engagement.add_need(st, c, "financing", "流动资金贷款"),
             lambda st, c, i: next(n.version for n in engagement.needs_of(st, c) if n.id == i),
             "engagement.confirm_need(store, rid, True, expected_version=ver)",
             "engagement.confirm_need(store, rid, False, expected_version=ver)",
             lambda st, c, i: next(n.confirmed for n in engagement.needs_of(st, c) if n.id == i)),
    "objection": (lambda st, c: engagement.log_objection(st, c, "price", "利率太高"),
                  lambda st, c, i: next(o.version for o in engagement.objections_of(st, c) if o.id == i),
                  "engagement.resolve_objection(store, rid, '给出优惠', expected_version=ver)",
                  "engagement.resolve_objection(store, rid, '再谈', expected_version=ver)",
                  lambda st, c, i: next(o.answer for o in engagement.objections_of(st, c) if o.id == i)),
    "deal": (lambda st, c: engagement.create_deal(st, c, _product(st), "1000000"),
             lambda st, c, i: next(d.version for d in engagement.deals_of(st, c) if d.id == i),
             "engagement.close_deal(store, rid, True, expected_version=ver)",
             "trash.trash_deal(store, rid, expected_version=ver)",
             lambda st, c, i: next(d.status for d in engagement.deals_of(st, c) if d.id == i)),
    "complaint": (lambda st, c: maintenance.add_complaint(st, c, "柜台排队太久"),
                  lambda st, c, i: next(r.version for r in maintenance.complaints_of(st, c) if r.id == i),
                  "maintenance.mark_complaint_step(store, rid, 'listen', expected_version=ver)",
                  "maintenance.mark_complaint_step(store, rid, 'apologise', expected_version=ver)",
                  lambda st, c, i: next(r.steps_done for r in maintenance.complaints_of(st, c) if r.id == i)),
}
WHAT = {"contact": "this key person", "visit": "this visit", "task": "this task", "need": "this need",
        "objection": "this objection", "deal": "this deal", "complaint": "this complaint"}
NAMESPACE = "from rmdesk.services import clients, engagement, maintenance, trash, visits\n"


def _run(code: str, store, rid: int, ver: int) -> None:
    from rmdesk.services import engagement, maintenance  # noqa: F401  (names the code uses)
    exec(code, {"clients": clients, "visits": visits, "engagement": engagement, "maintenance": maintenance,
                "trash": trash, "store": store, "rid": rid, "ver": ver})


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_every_editable_row_refuses_a_stale_save(store, kind):
    i_am(store, "李娜")
    make, version, first, second, state = ROWS[kind]
    cid = clients.create_client(store, {"name": "华能电力"})
    rid = make(store, cid)
    loaded = version(store, cid, rid)
    _run(first, store, rid, loaded)
    after_first = state(store, cid, rid)
    with pytest.raises(Conflict) as caught:
        _run(second, store, rid, loaded)
    assert caught.value.message("en") == (f"李娜 changed {WHAT[kind]} at 2026-11-23 09:30; your change was not "
                                          "saved. Reload, then save again.")
    assert caught.value.message("zh_CN").startswith("李娜 已于 2026-11-23 09:30 修改了此")
    assert state(store, cid, rid) == after_first  # the stale save wrote nothing
    assert caught.value.params["version"] == version(store, cid, rid) == loaded + 1
    if kind not in ("task", "deal", "objection"):  # those have no second edit once done/closed/resolved
        _run(second, store, rid, loaded + 1)  # after a reload the same save goes through
        assert state(store, cid, rid) != after_first


def _second_process_url(store, db_url):
    """The other process's URL: the team database, or the same SQLite file opened without the
    data folder's writer lock (as a second tool on the book would)."""
    from sqlalchemy import URL
    return db_url if db_url is not None else URL.create("sqlite", database=store.engine.url.database)


@pytest.mark.parametrize("kind", sorted(ROWS))
def test_two_processes_every_row(store, db_url, kind):
    make, version, first, second, state = ROWS[kind]
    cid = clients.create_client(store, {"name": "长城汽车"})
    i_am(store, "王强")
    rid = make(store, cid)
    mine = version(store, cid, rid)
    url = _second_process_url(store, db_url)
    other = textwrap.dedent(f"""
        from datetime import datetime
        from sqlalchemy import make_url
        from rmdesk import clock
        from rmdesk.store.engine import Store
        {NAMESPACE.strip()}
        clock.pin(datetime(2026, 11, 23, 10, 32))
        store = Store.open(url=make_url({url.render_as_string(hide_password=False)!r}))
        rid, ver = {rid}, {mine}
        {first}
        store.close()
    """)
    done = subprocess.run([sys.executable, "-c", other], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    theirs = state(store, cid, rid)
    with pytest.raises(Conflict) as caught:
        _run(second, store, rid, mine)
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此")
    assert state(store, cid, rid) == theirs


def test_a_race_at_flush_is_the_same_conflict(store):
    """The version is read, then someone saves before this UPDATE: the UPDATE matches no row of
    the version read (StaleDataError), which is refused like a stale copy."""
    from sqlalchemy import update

    from rmdesk.services import versions
    from rmdesk.store.models import Need
    if store.is_sqlite:
        pytest.skip("the local book's write transaction holds SQLite's write lock from its first read: no race")
    cid = clients.create_client(store, {"name": "华能电力"})
    nid = engagement.add_need(store, cid, "sales", "销售回款")
    with pytest.raises(Conflict):
        with versions.editing(store, Need, nid, 1, "error.need_not_found") as (s, need):
            with store.engine.begin() as other:  # another writer, between the read and the flush
                other.execute(update(Need).where(Need.id == nid).values(version=Need.version + 1,
                                                                        changed_by="wq"))
            need.confirmed = True
    assert engagement.needs_of(store, cid)[0].confirmed is False


def test_the_timeline_names_who_made_each_entry(store):
    from rmdesk.services import pipeline, timeline
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    clients.update_client(store, cid, {"industry": "power"})
    vid = _visit(store, cid)
    visits.record_report(store, vid, "谈了结算")
    engagement.log_objection(store, cid, "price", "利率太高")
    pipeline.move_to_step(store, cid, 2, "资料齐了")
    entries = timeline.timeline(store, cid)
    assert {e.kind for e in entries} >= {"move", "edit", "call_report", "objection"}
    by = {e.kind: e.by for e in entries if e.kind != "visit_planned"}
    assert set(by.values()) == {"李娜"}, entries
    # the visit was changed by its report: its planning has no author of its own any more
    assert next(e for e in entries if e.kind == "visit_planned").by is None


def test_a_deal_maturity_from_a_stale_copy_is_refused(store):
    from rmdesk.services import cadence
    cid = clients.create_client(store, {"name": "华能电力"})
    deal = engagement.create_deal(store, cid, "working_capital_loan", "10000000")
    engagement.close_deal(store, deal, won=True, actual_date="2026-11-23")
    loaded = engagement.deals_of(store, cid)[0].version
    cadence.set_deal_maturity(store, deal, "2027-11-23", expected_version=loaded)
    with pytest.raises(Conflict):
        cadence.set_deal_maturity(store, deal, "2028-05-23", expected_version=loaded)
    assert engagement.deals_of(store, cid)[0].maturity_date.isoformat() == "2027-11-23"


def test_a_move_from_a_stale_copy_is_refused(store):
    from rmdesk.services import pipeline
    cid = clients.create_client(store, {"name": "华能电力"})
    loaded = clients.get_client(store, cid).version
    pipeline.move_to_step(store, cid, 3, "跳过", expected_version=loaded)  # someone moves it on
    with pytest.raises(Conflict):
        pipeline.move_to_step(store, cid, 1 + 1, "退回", expected_version=loaded)
    with pytest.raises(Conflict):
        pipeline.park(store, cid, "2027-01-04", expected_version=loaded)
    assert clients.get_client(store, cid).step == 3 and clients.get_client(store, cid).status == "active"
