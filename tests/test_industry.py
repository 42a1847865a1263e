"""Industry notes: the shipped file is complete and checked on load, its policy class and
two-high flag are defaults that never overwrite what the RM set, and the notes show on the
call plan."""

import shutil
from pathlib import Path

import pytest

from rmdesk import vocab
from rmdesk.errors import PlaybookError
from rmdesk.services import callplan, clients, dataio, industry, visits
from rmdesk.services.timeline import timeline


def test_every_industry_has_notes_in_both_languages():
    notes = industry.notes()
    assert set(notes) == set(vocab.INDUSTRIES)
    for n in notes.values():
        for lang in industry.LANGS:
            t = n.text(lang)
            assert t.cycle and t.seasonality and t.price and t.needs and t.risks
    assert notes["steel"].policy_class == "restricted" and notes["steel"].two_high
    assert notes["electronics_it"].policy_class == "encouraged" and not notes["electronics_it"].two_high
    assert notes["other"].policy_class is None


@pytest.mark.parametrize(("old", "new", "where"), [
    ('[coal]\npolicy_class = "permitted"', '[coal]\npolicy_class = "allowed"', "coal.policy_class"),
    ('[coal]\npolicy_class = "permitted"\ntwo_high = true', '[coal]\npolicy_class = "permitted"\ntwo_high = "yes"',
     "coal.two_high"),
    ('[coal.en]\ncycle = "Strongly', '[coal.en]\ncycl = "Strongly', "coal.en.cycl"),
    ('[coal]\n', '[coals]\nprice_sensitivity = "low"\n[coal]\n', "coals"),
    ('needs = ["Working-capital loans", "Settlement and cash management"]', 'needs = []', "other.en.needs"),
    ('[other.en]', '[other.fr]', "other.fr"),
])
def test_a_broken_file_names_the_place(tmp_path, old, new, where):
    text = industry.path().read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "industries.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PlaybookError) as info:
        industry.notes(bad)
    assert info.value.params["where"] == where
    assert "industries.toml" in info.value.message("zh_CN")


def test_the_file_is_read_again_when_edited(tmp_path, monkeypatch):
    folder = tmp_path / "资源 #1"
    shutil.copytree(Path(industry.path()).parent, folder)
    monkeypatch.setenv("RMDESK_RESOURCES", str(folder))
    assert industry.note("coal").text("en").cycle.startswith("Strongly cyclical")
    file = folder / "industries.toml"
    file.write_text(file.read_text(encoding="utf-8").replace("Strongly cyclical: follows", "Our words: follows"),
                    encoding="utf-8")
    assert industry.note("coal").text("en").cycle.startswith("Our words")
    file.write_text("[coal", encoding="utf-8")
    with pytest.raises(PlaybookError):
        industry.note("coal")


def test_a_new_client_takes_the_industry_defaults_but_keeps_what_is_given(store):
    steel = clients.get_client(store, clients.create_client(store, {"name": "宝华特钢", "industry": "steel"}))
    assert (steel.policy_class, steel.two_high) == ("restricted", True)
    given = clients.get_client(store, clients.create_client(store, {
        "name": "绿色钢铁", "industry": "steel", "policy_class": "encouraged", "two_high": False}))
    assert (given.policy_class, given.two_high) == ("encouraged", False)
    it = clients.get_client(store, clients.create_client(store, {"name": "华信科技", "industry": "electronics_it"}))
    assert (it.policy_class, it.two_high) == ("encouraged", False)
    none = clients.get_client(store, clients.create_client(store, {"name": "无行业"}))
    assert (none.policy_class, none.two_high) == (None, False)


def test_setting_the_industry_fills_only_what_is_empty(store):
    cid = clients.create_client(store, {"name": "华能"})
    form = {"industry": "cement", "policy_class": None, "two_high": False}  # as the profile form sends it
    clients.update_client(store, cid, form)
    c = clients.get_client(store, cid)
    assert (c.policy_class, c.two_high) == ("restricted", True)
    edits = [(e.facts["field"], e.facts["new"]) for e in timeline(store, cid) if e.kind == "edit"]
    assert ("policy_class", "restricted") in edits and ("two_high", "1") in edits
    # the RM unticks two-high and sets a class: a save that keeps the industry changes nothing back
    clients.update_client(store, cid, {"industry": "cement", "policy_class": "permitted", "two_high": False})
    c = clients.get_client(store, cid)
    assert (c.policy_class, c.two_high) == ("permitted", False)
    # a new industry never replaces a class the RM set
    clients.update_client(store, cid, {"industry": "machinery", "policy_class": "permitted", "two_high": False})
    assert clients.get_client(store, cid).policy_class == "permitted"
    # unticking two-high in the very save that changes the industry keeps it unticked
    clients.update_client(store, cid, {"two_high": True})
    clients.update_client(store, cid, {"industry": "steel", "two_high": False})
    assert clients.get_client(store, cid).two_high is False
    # a save without the industry applies nothing
    other = clients.create_client(store, {"name": "另一家"})
    clients.update_client(store, other, {"short_name": "另"})
    assert clients.get_client(store, other).policy_class is None


def test_imported_clients_take_the_defaults_unless_the_file_gives_them(store, tmp_path):
    path = tmp_path / "行业 #?.csv"
    path.write_text("企业名称,行业,产业政策类别\n华北钢铁,钢铁,\n南方钢铁,钢铁,鼓励类\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path)
    assert plan.ok and counts["created"] == 2
    got = {r.name: clients.get_client(store, r.id) for r in clients.list_clients(store)}
    assert (got["华北钢铁"].policy_class, got["华北钢铁"].two_high) == ("restricted", True)
    assert (got["南方钢铁"].policy_class, got["南方钢铁"].two_high) == ("encouraged", True)


def test_the_call_plan_carries_the_industry_notes(store):
    cid = clients.create_client(store, {"name": "华能电力", "industry": "power"})
    visit = visits.plan_visit(store, cid, {"planned_at": "2026-12-03 09:00"})
    [section] = callplan.plan_for_visit(store, visit, "zh_CN").sections
    assert section.title == "行业说明：电力"
    assert section.lines[0].startswith("周期：") and section.lines[3] == "通常政策类别：允许类；两高行业"
    [section] = callplan.plan_for_visit(store, visit, "en").sections
    assert section.lines[2].startswith("Price sensitivity: Medium — Tariffs are regulated")
