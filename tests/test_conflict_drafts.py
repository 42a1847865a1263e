"""No lost update on the last editable rows (migration 0029): a client's statement years (saved
as a whole, with a version of their own), a proposal draft (an edit version beside its v1, v2
numbering), and deleting or re-opening an early warning. Each: a save from a stale copy is
refused with who and when in both languages and writes nothing; after a reload it goes through.
A second process makes the other RM's change."""

import pytest
from conflicts import i_am, other_process

from rmdesk.errors import Conflict
from rmdesk.services import clients, fincheck, proposals

pytestmark = pytest.mark.both_engines

Y2024 = {"year": "2024", "sales": "10000000", "profit": "500000"}
Y2025 = {"year": "2025", "sales": "11000000", "profit": "800000"}
LINES = [{"product": "factoring", "amount": "5000000", "term_months": "12", "rate": "4.35", "note": "首期"}]


# ---- statement years --------------------------------------------------------------------------------

def test_statement_years_from_a_stale_copy_are_refused_with_who_and_when(store, db_url):
    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    fincheck.save_years(store, cid, [Y2024])
    mine = fincheck.years_version(store, cid)  # the dialog opens here
    profile = clients.get_client(store, cid).version
    other_process(store, db_url, f"fincheck.save_years(store, {cid}, [{Y2025!r}], expected_version={mine})")
    with pytest.raises(Conflict) as caught:
        fincheck.save_years(store, cid, [Y2024, dict(Y2025, sales="1")], expected_version=mine)
    assert caught.value.message("en") == (
        "李娜 changed this client's statement figures at 2026-11-23 10:32; your changes were not saved (they are "
        "still in the table). Reload, then save again.")
    assert caught.value.message("zh_CN").startswith("李娜 已于 2026-11-23 10:32 修改了此客户的财务报表数据")
    assert [(y.year, y.lines["sales"]) for y in fincheck.years_of(store, cid)] == [(2025, 11000000)]  # theirs stays
    # the client's own version is untouched: a profile form open meanwhile still saves
    assert clients.get_client(store, cid).version == profile
    clients.update_client(store, cid, {"short_name": "华能"}, expected_version=profile)
    # after a reload the save goes through
    now = fincheck.years_version(store, cid)
    assert now == mine + 1
    assert fincheck.save_years(store, cid, [Y2024, Y2025], expected_version=now) == [2024, 2025]
    assert fincheck.years_version(store, cid) == now + 1


def test_a_years_race_at_the_version_stamp_is_the_same_conflict(store, monkeypatch):
    """The years' version is read, then someone saves before this save stamps it."""
    from sqlalchemy import update

    from rmdesk.services import versions
    from rmdesk.store.models import Client
    cid = clients.create_client(store, {"name": "华能电力"})
    fincheck.save_years(store, cid, [Y2024])
    real = versions.stamp_list

    def someone_first(session, client_id, what, loaded):
        session.execute(update(Client).where(Client.id == client_id)
                        .values(years_version=loaded + 1, years_changed_by="wq"))
        return real(session, client_id, what, loaded)

    monkeypatch.setattr(versions, "stamp_list", someone_first)
    with pytest.raises(Conflict):
        fincheck.save_years(store, cid, [Y2025], expected_version=2)
    assert [y.year for y in fincheck.years_of(store, cid)] == [2024]  # nothing of this save was written


# ---- the proposal draft ------------------------------------------------------------------------------

def test_a_proposal_draft_from_a_stale_copy_is_refused_with_who_and_when(store, db_url):
    i_am(store, "王强")
    cid = clients.create_client(store, {"name": "长城汽车"})
    first = proposals.save_draft(store, cid, {"situation": "回款慢", "lines": LINES}, expected_version=0)
    assert (first.version, first.edit_version) == (1, 1)
    other_process(store, db_url, f"proposals.save_draft(store, {cid}, {{'benefits': '同事写的'}}, expected_version=1)")
    with pytest.raises(Conflict) as caught:
        proposals.save_draft(store, cid, {"benefits": "我写的"}, expected_version=first.edit_version)
    assert caught.value.message("en") == (
        "王强 changed this client's proposal (version 1) at 2026-11-23 10:32; your changes were not saved (they are "
        "still in the window). Reload, then save again.")
    assert caught.value.message("zh_CN").startswith("王强 已于 2026-11-23 10:32 修改了此客户的金融服务方案（第 1 版）")
    theirs = proposals.get_version(store, cid)
    assert (theirs.texts["benefits"], theirs.edit_version) == ("同事写的", 2)
    # printed meanwhile (frozen): a save from the copy before the print is refused too, and
    # does not start version 2 over the printed text unseen
    proposals.freeze(store, theirs.id, "sent")
    with pytest.raises(Conflict):
        proposals.save_draft(store, cid, {"benefits": "我写的"}, expected_version=theirs.edit_version)
    assert [r.version for r in proposals.versions(store, cid)] == [1]
    # after a reload: the next version starts from the sent one
    newest = proposals.versions(store, cid)[0]
    v2 = proposals.save_draft(store, cid, {"benefits": "我写的"}, expected_version=newest.edit_version)
    assert (v2.version, v2.texts["situation"], v2.texts["benefits"]) == (2, "回款慢", "我写的")


def test_a_first_proposal_started_meanwhile_is_not_overwritten(store):
    i_am(store, "王强")
    cid = clients.create_client(store, {"name": "长城汽车"})
    proposals.save_draft(store, cid, {"situation": "同事先写的"}, expected_version=0)  # a colleague's window
    with pytest.raises(Conflict):
        proposals.save_draft(store, cid, {"situation": "我也写了"}, expected_version=0)  # mine saw none
    assert proposals.get_version(store, cid).texts["situation"] == "同事先写的"


# ---- early warnings --------------------------------------------------------------------------------------

def test_deleting_a_warning_someone_closed_meanwhile_is_refused(store, db_url):
    from rmdesk.services import early_warnings

    i_am(store, "李娜")
    cid = clients.create_client(store, {"name": "华能电力"})
    wid = early_warnings.log_warning(store, cid, {"signal": "losses"})
    seen = early_warnings.client_warnings(store, cid)[0].version
    other_process(store, db_url, f"early_warnings.close_warning(store, {wid}, None, '已处置', expected_version={seen})")
    with pytest.raises(Conflict) as caught:
        early_warnings.delete_warning(store, wid, expected_version=seen)
    assert caught.value.message("en") == ("李娜 changed this early warning at 2026-11-23 10:32; your change was not "
                                          "made. Reload, then try again.")
    assert caught.value.message("zh_CN").startswith("李娜 已于 2026-11-23 10:32 修改了此预警记录")
    assert early_warnings.client_warnings(store, cid)[0].closed_note == "已处置"
