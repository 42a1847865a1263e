from datetime import date, timedelta

from sqlalchemy import select

from rmdesk import vocab
from rmdesk.services import clients, demo, pipeline, visits
from rmdesk.store.engine import Store


def test_demo_populates_every_step_and_state(demo_store):
    rows = clients.list_clients(demo_store)
    assert len(rows) == 200
    assert {r.step for r in rows} == set(vocab.STEPS)
    assert {"active", "nurture", "lost", "won"} <= {r.status for r in rows}
    assert len({r.industry for r in rows}) >= 14
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r.name) for r in rows)


def test_demo_has_planned_visits_over_the_next_two_weeks_and_past_reports(demo_store):
    today = date(2026, 11, 23)
    ahead = visits.visits_between(demo_store, today, 14)
    assert len(ahead) >= 20 and all(v.status == "planned" for v in ahead)
    past = visits.visits_between(demo_store, today - timedelta(days=130), 130)
    assert past and all(v.status == "done" for v in past)
    assert visits.open_tasks(demo_store)


def test_demo_is_deterministic(tmp_path):
    def names(directory, seed):
        s = Store.open(directory)
        demo.generate(s, 40, seed=seed)
        out = [(r.name, r.step, r.status) for r in clients.list_clients(s, sort="name")]
        s.close()
        return out

    assert names(tmp_path / "a", 3) == names(tmp_path / "b", 3)
    assert names(tmp_path / "c", 3) != names(tmp_path / "d", 4)


def test_demo_records_agree_with_each_clients_step(demo_store):
    """A client past step k has what step k's exit rule asks for (the book is credible)."""
    from rmdesk.playbook.rules import evaluate
    from rmdesk.store.models import Client

    with demo_store.read() as s:
        for client in s.scalars(select(Client).where(Client.step >= 2)):
            reached = client.step
            for earlier in range(1, min(reached, 6)):
                if earlier == 4:
                    continue  # objections may be raised again after step 4
                client.step = earlier
                assert evaluate(s, client).met, (client.name, reached, earlier, evaluate(s, client).unmet)
            client.step = reached
        s.rollback()


def test_demo_history_matches_current_step(demo_store):
    for row in clients.list_clients(demo_store, limit=30):
        moves = pipeline.history(demo_store, row.id)
        assert moves[-1].from_step is None and moves[0].to_step == row.step


def test_demo_has_work_reports_handed_in_one_changed_with_a_reason(demo_store):
    """The demo (clock at 2026-11-23, a Monday of week 48) submits yesterday's log, weeks 46 and
    47 (46 changed afterwards: two versions) and October's market report; week 48 is a draft.
    A single laptop has no lead's login: no comment, no sign-off."""
    from rmdesk.services import workreports

    got = {(r.kind, r.period): (r.version, r.status) for r in workreports.recent(demo_store)}
    assert got == {("daily", "2026-11-22"): (1, "submitted"), ("weekly", "2026-W46"): (2, "submitted"),
                   ("weekly", "2026-W47"): (1, "submitted"), ("monthly", "2026-10"): (1, "submitted"),
                   ("weekly", "2026-W48"): (1, "draft")}
    changed = workreports.get(demo_store, "weekly", "2026-W46")
    assert changed.change_reason and len(changed.versions) == 2 and "补访" in changed.notes
    assert not changed.comments and changed.signed_off_by is None
    if demo_store.is_sqlite:  # each handed in when its period ended: W46 on its Friday, changed the Monday after
        from datetime import datetime

        assert [v.submitted_at for v in changed.versions] == [datetime(2026, 11, 13, 17, 30),
                                                              datetime(2026, 11, 16, 9, 15)]
    month = workreports.get(demo_store, "monthly", "2026-10")
    assert len(month.observations) == 3 and month.observations[0].industry == "chemicals"
    # the frozen figures come from the demo data: October's contacts are counted
    doc = workreports.document(demo_store, "monthly", "2026-10", "zh_CN")
    assert any(section.rows for section in doc.sections)
