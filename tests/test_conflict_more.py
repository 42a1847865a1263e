"""No lost update on the rows that came last (migration 0026 and the one-click client edits): the
bank list, business volumes, busy hours, the closing strategy, the keeping panel (cadence,
founding date, tier by hand), a move on the board, the trash (trash, restore, empty); checklist
ticks need no version. Each: a save from a stale copy is refused with who and when in both
languages and writes nothing; after a reload it goes through. Two processes for the board and
the volumes."""


import pytest
from conflicts import i_am, other_process

from rmdesk.errors import Conflict
from rmdesk.services import cadence, clients, flow, pipeline, tiering, trash, visits

pytestmark = pytest.mark.both_engines


def _version(store, cid) -> int:
    return clients.get_client(store, cid).version


# ---- the bank list: a version of its own ----------------------------------------------------------

def test_a_bank_list_from_a_stale_copy_is_refused_with_who_and_when(store):
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    mine = clients.get_client(store, cid)
    new = clients.set_banks(store, cid, [{"bank_name": "工商银行", "share_pct": "60"}],
                            expected_version=mine.banks_version)  # someone's save
    assert new == mine.banks_version + 1 == clients.get_client(store, cid).banks_version
    with pytest.raises(Conflict) as caught:
        clients.set_banks(store, cid, [{"bank_name": "建设银行"}], expected_version=mine.banks_version)
    assert caught.value.message("en") == ("李娜 changed this client's banks at 2026-11-23 09:30; your changes were "
                                          "not saved (they are still in the table). Reload, then save again.")
    assert caught.value.message("zh_CN").startswith("李娜 已于 2026-11-23 09:30 修改了此客户的往来银行")
    assert [b.bank_name for b in clients.get_client(store, cid).banks] == ["工商银行"]
    clients.set_banks(store, cid, [{"bank_name": "建设银行"}], expected_version=new)  # after a reload
    assert [b.bank_name for b in clients.get_client(store, cid).banks] == ["建设银行"]


def test_a_bank_save_and_a_profile_save_do_not_refuse_each_other(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    loaded = clients.get_client(store, cid)
    clients.set_banks(store, cid, [{"bank_name": "工商银行"}], expected_version=loaded.banks_version)
    clients.update_client(store, cid, {"district": "西城区"}, expected_version=loaded.version)  # the form's copy
    after = clients.get_client(store, cid)
    assert after.district == "西城区" and [b.bank_name for b in after.banks] == ["工商银行"]
    clients.set_banks(store, cid, [], expected_version=after.banks_version)
    assert clients.get_client(store, cid).banks == []


def test_a_bank_race_at_the_version_stamp_is_the_same_conflict(store, monkeypatch):
    """The list's version is read, then someone saves before this save stamps it."""
    from sqlalchemy import update

    from rmdesk.services import versions
    from rmdesk.store.models import Client
    cid = clients.create_client(store, {"name": "华能电力"})
    real = versions.stamp_list

    def someone_first(session, client_id, what, loaded):
        session.execute(update(Client).where(Client.id == client_id)
                        .values(banks_version=loaded + 1, banks_changed_by="wq"))
        return real(session, client_id, what, loaded)

    monkeypatch.setattr(versions, "stamp_list", someone_first)
    with pytest.raises(Conflict):
        clients.set_banks(store, cid, [{"bank_name": "工商银行"}], expected_version=1)
    assert clients.get_client(store, cid).banks == []  # nothing of this save was written


# ---- business volumes --------------------------------------------------------------------------------

def test_volumes_from_a_stale_copy_are_refused(store):
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "1000000"}, expected_version=0)
    loaded = tiering.volumes_of(store, cid)[0]
    assert loaded.version == 1
    tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "2000000"}, expected_version=loaded.version)
    with pytest.raises(Conflict) as caught:
        tiering.set_business_volume(store, cid, "2026", {"avg_loans": "5000000"}, expected_version=loaded.version)
    assert caught.value.message("en").startswith("李娜 changed the volumes of this period at 2026-11-23 09:30")
    assert caught.value.message("zh_CN").startswith("李娜 已于 2026-11-23 09:30 修改了此期间的业务量")
    after = tiering.volumes_of(store, cid)[0]
    assert (after.avg_deposits, after.avg_loans, after.version) == (2_000_000, 0, 2)
    tiering.set_business_volume(store, cid, "2026", {"avg_loans": "5000000"}, expected_version=after.version)
    assert tiering.volumes_of(store, cid)[0].avg_loans == 5_000_000


def test_two_rms_entering_a_new_period_the_second_is_refused(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    tiering.set_business_volume(store, cid, "2026-H1", {"avg_deposits": "100"}, expected_version=0)
    with pytest.raises(Conflict):  # the dialog saw no row for the period
        tiering.set_business_volume(store, cid, "2026-H1", {"avg_deposits": "200"}, expected_version=0)
    tiering.set_business_volume(store, cid, "2026-H2", {"avg_deposits": "300"}, expected_version=0)  # another period
    tiering.set_business_volume(store, cid, "2026-H1", {"avg_deposits": "400"})  # no copy loaded: no check
    assert {r.period: r.avg_deposits for r in tiering.volumes_of(store, cid)} == {"2026-H1": 400, "2026-H2": 300}


# ---- one-click changes of a client ----------------------------------------------------------------------

def _strategy():
    from rmdesk.playbook import loader
    return next(iter(loader.CLOSING_STRATEGIES))


# (name, the change from a copy at `ver`, what it shows)
CLIENT_ACTIONS = {
    "busy_hours": (lambda st, c, ver: visits.set_busy_hours(st, c, ["mon_am"], expected_version=ver),
                   lambda st, c: visits.busy_hours(st, c)),
    "closing_strategy": (lambda st, c, ver: flow.set_closing_strategy(st, c, _strategy(), expected_version=ver),
                         lambda st, c: clients.get_client(st, c).closing_strategy),
    "keeping": (lambda st, c, ver: cadence.set_keeping(st, c, "FREQ=MONTHLY", "2001-05-04", expected_version=ver),
                lambda st, c: (clients.get_client(st, c).cadence_rule, clients.get_client(st, c).founded_date)),
    "tier_override": (lambda st, c, ver: tiering.set_tier_override(st, c, "key", "总行战略客户", expected_version=ver),
                      lambda st, c: clients.get_client(st, c).tier_override_reason),
    "trash": (lambda st, c, ver: clients.trash_client(st, c, expected_version=ver),
              lambda st, c: [r.id for r in clients.trash(st)]),
}


@pytest.mark.parametrize("action", sorted(CLIENT_ACTIONS))
def test_a_one_click_change_of_a_client_from_a_stale_copy_is_refused(store, action):
    change, state = CLIENT_ACTIONS[action]
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    loaded = _version(store, cid)
    clients.update_client(store, cid, {"district": "西城区"}, expected_version=loaded)  # someone's save
    before = state(store, cid)
    with pytest.raises(Conflict) as caught:
        change(store, cid, loaded)
    assert caught.value.message("en") == ("李娜 changed this client at 2026-11-23 09:30; your change was not made. "
                                          "Reload, then try again.")
    assert caught.value.message("zh_CN") == "李娜 已于 2026-11-23 09:30 修改了此客户，您的操作未执行。请重新载入后再试。"
    assert state(store, cid) == before
    change(store, cid, loaded + 1)  # after a reload
    assert state(store, cid) != before


def test_clearing_a_tier_by_hand_from_a_stale_copy_is_refused(store):
    tier = tiering.get_scheme(store)["tiers"][0]
    cid = clients.create_client(store, {"name": "华能电力"})
    tiering.set_tier_override(store, cid, tier, "总行战略客户")
    loaded = _version(store, cid)
    clients.update_client(store, cid, {"district": "西城区"})
    with pytest.raises(Conflict):
        tiering.clear_tier_override(store, cid, expected_version=loaded)
    assert tiering.tier_override(store, cid) == "总行战略客户"
    tiering.clear_tier_override(store, cid, expected_version=loaded + 1)
    assert tiering.tier_override(store, cid) is None


def test_a_move_on_the_board_from_a_stale_card_is_refused(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    card = next(c for c in pipeline.board(store)[1] if c.client_id == cid)
    assert card.version == _version(store, cid)
    pipeline.move_to_step(store, cid, 3, "跳过")  # someone moves it on
    with pytest.raises(Conflict) as caught:
        pipeline.move_to_step(store, cid, 2, "退回", expected_version=card.version)  # the drag of the old card
    assert "your change was not made" in caught.value.message("en")
    assert clients.get_client(store, cid).step == 3
    fresh = next(c for c in pipeline.board(store)[3] if c.client_id == cid)
    pipeline.move_to_step(store, cid, 2, "退回", expected_version=fresh.version)
    assert clients.get_client(store, cid).step == 2


# ---- the trash --------------------------------------------------------------------------------------------

def test_undo_of_a_trash_restores_only_the_copy_put_there(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    in_trash = clients.trash_client(store, cid, expected_version=_version(store, cid))
    clients.restore_client(store, cid, in_trash)  # Ctrl+Z
    again = clients.trash_client(store, cid)
    trash.restore(store, "client", cid, again)  # someone restores it from the trash dialog ...
    clients.update_client(store, cid, {"district": "西城区"})
    clients.trash_client(store, cid)  # ... changes it and puts it back
    with pytest.raises(Conflict):
        clients.restore_client(store, cid, again)  # my old undo
    assert [r.id for r in clients.trash(store)] == [cid]


def test_restore_from_the_trash_dialog_takes_the_listed_version(store):
    from rmdesk.services import engagement
    cid = clients.create_client(store, {"name": "华能电力"})
    deal = engagement.create_deal(store, cid, "working_capital_loan", "1000000")
    trash.trash_deal(store, deal)
    listed = next(i for i in trash.items(store) if i.kind == "deal")
    trash.restore(store, "deal", deal, listed.version)  # someone restores it ...
    trash.trash_deal(store, deal)  # ... and trashes it again (a new version)
    with pytest.raises(Conflict):
        trash.restore(store, "deal", deal, listed.version)
    fresh = next(i for i in trash.items(store) if i.kind == "deal")
    trash.restore(store, "deal", deal, fresh.version)
    assert [d.id for d in engagement.deals_of(store, cid)] == [deal]


def test_emptying_the_trash_destroys_exactly_what_was_listed(store):
    a = clients.create_client(store, {"name": "华能电力"})
    b = clients.create_client(store, {"name": "长城汽车"})
    c = clients.create_client(store, {"name": "中国石化"})
    clients.trash_client(store, a)
    clients.trash_client(store, b)
    listed = trash.items(store)  # the dialog shows a and b
    clients.trash_client(store, c)  # someone trashes c after that
    assert trash.empty(store, listed) == 2
    assert [r.id for r in clients.trash(store)] == [c]  # c was never shown: it stays
    listed = trash.items(store)
    clients.restore_client(store, c)  # someone restores c while the dialog shows it
    with pytest.raises(Conflict):
        trash.empty(store, listed)
    assert clients.get_client(store, c).name == "中国石化"


# ---- checklist ticks: the state wanted, one row per item -------------------------------------------------

def test_ticks_from_two_stale_copies_keep_both_and_record_who(store):
    from rmdesk.store.models import StepProgress
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    items = sorted(flow._allowed_items(1))[:2]
    seen_by_both = flow.ticked(store, cid, 1)  # nothing ticked
    flow.tick(store, cid, 1, items[0], True)  # RM A
    flow.tick(store, cid, 1, items[1], True)  # RM B, from the same old copy: A's tick stays
    flow.tick(store, cid, 1, items[0], True)  # B ticks what A ticked meanwhile: still ticked, once
    assert seen_by_both == set() and flow.ticked(store, cid, 1) == set(items)
    with store.read() as s:
        assert {p.changed_by for p in s.query(StepProgress).filter_by(client_id=cid)} == {
            "李娜" if store.is_sqlite else store.engine.url.username}


# ---- two processes -----------------------------------------------------------------------------------------

def test_two_processes_a_drag_of_a_card_someone_moved_is_refused(store, db_url):
    i_am(store, "王强")
    cid = clients.create_client(store, {"name": "长城汽车"})
    card = next(c for c in pipeline.board(store)[1] if c.client_id == cid)  # the board as drawn here
    other_process(store, db_url, f"pipeline.move_to_step(store, {cid}, 4, '跳过')")
    with pytest.raises(Conflict) as caught:
        pipeline.move_to_step(store, cid, 2, "资料齐了", expected_version=card.version)
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此客户")
    assert clients.get_client(store, cid).step == 4


def test_two_processes_volumes_entered_meanwhile_are_not_overwritten(store, db_url):
    i_am(store, "王强")
    cid = clients.create_client(store, {"name": "长城汽车"})
    tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "100"})
    mine = tiering.volumes_of(store, cid)[0]
    other_process(store, db_url, f"""tiering.set_business_volume(store, {cid}, '2026', {{'avg_deposits': '900'}},
                                                            expected_version={mine.version})""".replace("\n", " "))
    with pytest.raises(Conflict) as caught:
        tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "500"}, expected_version=mine.version)
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此期间的业务量")
    assert tiering.volumes_of(store, cid)[0].avg_deposits == 900


def test_the_demo_names_its_rm_and_who_made_its_rows(store):
    from rmdesk.services import demo, settings, timeline
    demo.generate(store, 20, detail=True)
    profile = settings.get_profile(store)
    assert (profile.rm_name, profile.branch) == (demo.DEMO_PROFILE["rm_name"], demo.DEMO_PROFILE["branch"])
    client = clients.list_clients(store)[0]
    entries = timeline.timeline(store, client.id)
    assert entries and {e.by for e in entries if e.kind == "move"} == {client.owner}
    settings.save_profile(store, {"rm_name": "李娜"})
    demo.generate(store, 20, force=True)  # a profile of the user's own stays
    assert settings.get_profile(store).rm_name == "李娜"
