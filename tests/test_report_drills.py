"""The insight reports count in SQL and fetch the clients behind a number only on a drill-down
(issue 18, item 8). Each number must equal the count of its drill-down, and both must equal
the reports' definitions (services/insights.py) computed here plainly in Python, row by row,
from the demo book."""

from collections import defaultdict

import pytest
from sqlalchemy import select

from rmdesk import vocab
from rmdesk.services import insights
from rmdesk.services.tiering import get_scheme
from rmdesk.store.models import Client, MaintenanceLog, Objection, StepChange, Visit

pytestmark = pytest.mark.both_engines


def _rows(store):
    with store.read() as s:
        clients = {c.id: (c.deleted_at, c.created_at, c.source_channel, c.step, c.status, c.lost_reason, c.tier)
                   for c in s.scalars(select(Client))}
        changes = [(c.id, c.client_id, c.at, c.from_step, c.to_step, c.to_status) for c in s.scalars(select(StepChange))]
        objections = [(o.client_id, o.type, o.answer, o.resolved, o.created_at) for o in s.scalars(select(Objection))]
        visits = [(v.client_id, v.planned_at) for v in s.scalars(select(Visit))
                  if v.status == "done" and v.deleted_at is None]
        logs = [(m.client_id, m.at) for m in s.scalars(select(MaintenanceLog))]
    return clients, changes, objections, visits, logs


def test_every_number_equals_its_drill_down_and_the_definition(demo_store):
    store = demo_store
    period = insights.default_period()
    clients, changes, objections, visits, logs = _rows(store)
    live = {cid for cid, c in clients.items() if c[0] is None}
    inside = period.holds

    # funnel: entered and advanced per step
    forward = [(cid, at, to) for _id, cid, at, fs, to, _st in changes
               if cid in live and inside(at) and (fs is None or fs < to)]
    report = insights.funnel(store, period)
    for s in report.steps:
        first: dict[int, object] = {}
        for cid, at, to in forward:
            if to == s.step and (cid not in first or at < first[cid]):
                first[cid] = at
        went = {cid for cid, at, to in forward if to > s.step and cid in first and at >= first[cid]}
        assert s.entered == len(first) and s.entered_ids == tuple(sorted(first))
        assert s.advanced == len(went) and s.advanced_ids == tuple(sorted(went))
        assert insights.drill_clients(store, s.drill("entered"))[0] == s.entered
    assert report.won_ids == report.steps[-1].entered_ids and report.won == len(report.won_ids)

    # lost, by reason
    last_lost: dict[int, object] = {}
    for _id, cid, at, _fs, _to, status in changes:
        if status == "lost" and at < period.stop_at and (cid not in last_lost or at > last_lost[cid]):
            last_lost[cid] = at
    lost = defaultdict(set)
    for cid, at in last_lost.items():
        c = clients[cid]
        if c[0] is None and c[4] == "lost" and at >= period.begin_at:
            lost[c[5] if c[5] in vocab.LOST_REASONS else "other"].add(cid)
    assert {r.reason: set(r.client_ids) for r in report.lost_reasons} == dict(lost)
    assert all(r.count == len(r.client_ids) for r in report.lost_reasons)
    assert report.lost_ids == tuple(sorted(set().union(*lost.values()))) and report.lost == len(report.lost_ids)

    # channels: prospects, qualified and won per channel and in total
    top: dict[int, int] = defaultdict(int)
    for _id, cid, _at, _fs, to, _st in changes:
        top[cid] = max(top[cid], to)
    members = defaultdict(lambda: ([], [], []))
    for cid in live:
        c = clients[cid]
        if inside(c[1]):
            key = c[2] if c[2] in vocab.SOURCE_CHANNELS else insights.NO_CHANNEL
            reached = max(top[cid], c[3])
            for i, ok in enumerate((True, reached >= 2, reached >= vocab.FINAL_STEP)):
                if ok:
                    members[key][i].append(cid)
                    members["total"][i].append(cid)
    yields = insights.channels(store, period)
    assert yields.channels and yields.total.prospects
    for y in [*yields.channels, yields.total]:
        want = members[y.key]
        assert (y.prospects, y.qualified, y.won) == tuple(len(w) for w in want)
        assert (y.prospect_ids, y.qualified_ids, y.won_ids) == tuple(tuple(sorted(w)) for w in want)
        assert insights.drill_clients(store, y.drill("won"))[0] == y.won
    for y in yields.referrers:  # known with the line: the ids themselves
        assert isinstance(y.drill("prospects"), tuple) and len(y.prospect_ids) == y.prospects

    # objections: used and then closed per type and answer
    wins = defaultdict(list)
    for _id, cid, at, fs, to, _st in changes:
        if to == vocab.FINAL_STEP and (fs is None or fs < vocab.FINAL_STEP):
            wins[cid].append(at)
    used, closed = defaultdict(set), defaultdict(set)
    for cid, kind, answer, resolved, created in objections:
        if cid in live and inside(created):
            key = (kind, " ".join((answer or "").split()))
            used[key].add(cid)
            if resolved and any(at >= created for at in wins[cid]):
                closed[key].add(cid)
    lines = [a for t in insights.objections(store, period).types for a in t.answers]
    assert lines and {(a.type, a.answer) for a in lines} == set(used)
    for a in lines:
        assert a.client_ids == tuple(sorted(used[(a.type, a.answer)]))
        assert a.closed_ids == tuple(sorted(closed[(a.type, a.answer)]))
    for t in insights.objections(store, period).types:  # a type's bar in the chart: every answer
        for measure, behind in (("used", used), ("closed", closed)):
            expected = sorted({cid for (kind, _answer), ids in behind.items() if kind == t.type for cid in ids})
            assert insights.drill_ids(store, t.drill(measure, period)) == tuple(expected)

    # coverage: the kept clients not covered, per tier
    scheme = get_scheme(store)
    tiers = list(scheme["tiers"])
    contacts: dict[int, int] = defaultdict(int)
    for cid, at in visits + logs:
        if inside(at):
            contacts[cid] += 1
    rows = {c.tier: c for c in insights.coverage(store, period)}
    for tier in tiers:
        due = insights.occurrences(scheme["cadences"][tier], period)
        kept = [cid for cid in live if clients[cid][3] == vocab.FINAL_STEP and clients[cid][4] in ("active", "won")
                and (clients[cid][6] if clients[cid][6] in tiers else tiers[-1]) == tier]
        missing = tuple(sorted(cid for cid in kept if contacts[cid] < due))
        assert rows[tier].clients == len(kept) and rows[tier].contacts == sum(contacts[c] for c in kept)
        assert rows[tier].uncovered_ids == missing and rows[tier].covered == len(kept) - len(missing)
    assert any(r.clients for r in rows.values())


def test_velocity_equals_the_definition_over_a_long_and_a_short_period(demo_store):
    """Stays computed row by row (a long period takes SQLite's client-ordered path)."""
    _clients, changes, *_ = _rows(demo_store)
    live = {cid for cid, c in _clients.items() if c[0] is None}
    long = insights.default_period()
    short = insights.Period(long.end - (long.end - long.start) / 6, long.end)
    for period in (long, short):
        stays = defaultdict(list)
        for oid, cid, at, fs, to, _st in changes:
            if cid in live and period.holds(at) and fs is not None and to > fs:
                starts = [a for i, c, a, f, t, _s in changes if c == cid and t == fs and (f is None or f != t)
                          and (a < at or (a == at and i < oid))]
                if starts:
                    stays[fs].append(round((at - max(starts)).total_seconds() * 1000) / 86_400_000.0)
        report = insights.funnel(demo_store, period)
        assert any(s.stays for s in report.steps)
        for s in report.steps:
            days = sorted(stays.get(s.step, []))
            assert (s.stays, s.median_days, s.p80_days) == (len(days), insights.median(days),
                                                             insights.percentile(days, 0.8)), (period, s.step)


def test_velocity_percentiles_by_hand():
    """The sorted single pass gives numpy's linear interpolation: for 1, 2, 4, 10 days the
    median is 3 and the 80th percentile lies at rank 0.8 x 3 = 2.4: 4 + 0.4 x 6 = 6.4."""
    ordered = [1.0, 2.0, 4.0, 10.0]
    assert insights._sorted_percentile(ordered, 0.5) == 3.0
    assert insights._sorted_percentile(ordered, 0.8) == pytest.approx(6.4)
    assert insights._sorted_percentile([5.5], 0.8) == 5.5 and insights._sorted_percentile([], 0.5) is None
    assert insights._sorted_percentile(ordered, 0.8) == insights.percentile([10.0, 1.0, 4.0, 2.0], 0.8)
