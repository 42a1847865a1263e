"""The published star-points table as a scheme (per 10,000 of half-year average business:
investment 200, card spending 400, settlement 200, mortgage 100, other personal loans 200,
card overdraft 200), its volume measures on business_volumes (service, import, GUI), and the
tier-rules table editor that replaces the raw JSON for an RM."""

from decimal import Decimal

import pytest

from rmdesk import i18n
from rmdesk.errors import ValidationError
from rmdesk.gui import dialogs
from rmdesk.gui.main_window import MainWindow
from rmdesk.gui.tier_rules_edit import METRIC, OP, TIER, VALUE, TierRulesDialog
from rmdesk.services import clients, tiering
from rmdesk.services.tiering import ConditionRow

PUBLISHED = {"investment": "1000000", "card_spending": "50000", "intl_settlement_usd": "10000",
             "mortgage": "800000", "personal_loans": "100000", "card_overdraft": "20000",
             "avg_deposits": "90000000"}


@pytest.fixture(autouse=True)
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.mark.both_engines
def test_the_published_points_table_by_hand(store):
    cid = clients.create_client(store, {"name": "积分测试有限公司"})
    tiering.set_business_volume(store, cid, "2026-H1", PUBLISHED)
    scheme = tiering.choose_preset(store, "stars_published")
    assert scheme["points"] == {"investment": "200", "card_spending": "400", "intl_settlement_usd": "200",
                                "mortgage": "100", "personal_loans": "200", "card_overdraft": "200"}
    metrics = tiering.metrics_for(tiering.latest_volumes(store), scheme)[cid]
    # investment   1,000,000 / 10,000 = 100 x 200 = 20,000
    # card spending   50,000 / 10,000 =   5 x 400 =  2,000
    # settlement 10,000 USD x 7.10 = 71,000 yuan = 7.1 x 200 = 1,420
    # mortgage       800,000 / 10,000 =  80 x 100 =  8,000
    # personal loans 100,000 / 10,000 =  10 x 200 =  2,000
    # card overdraft  20,000 / 10,000 =   2 x 200 =    400
    # deposits have no weight in this table: 0
    assert metrics["points"] == Decimal("33820.00")
    assert tiering.classify(metrics, scheme)[0] == "star3"  # 20,000 <= 33,820 < 60,000
    scheme["usd_rate"] = "7.00"
    tiering.save_scheme(store, scheme)
    metrics = tiering.metrics_for(tiering.latest_volumes(store), tiering.get_scheme(store))[cid]
    assert metrics["points"] == Decimal("33800.00")  # settlement 70,000 yuan: 1,400
    [change] = tiering.recompute(store)
    assert change.new == "star3" and "points 33,800" in change.why


@pytest.mark.both_engines
def test_the_new_measures_are_stored_listed_and_imported_by_chinese_headers(store):
    cid = clients.create_client(store, {"name": "导入星级有限公司"})
    text = ("客户,期间,投资理财交易量,银行卡消费额,个人住房贷款,其他个人贷款,信用卡计息透支,国际结算量（美元）\n"
            "导入星级有限公司,2026-H1,1000000,50000,800000,100000,20000,10000\n")
    assert tiering.import_volumes(store, text) == 1
    [row] = tiering.volumes_of(store, cid)
    assert (row.investment, row.card_spending, row.mortgage, row.personal_loans, row.card_overdraft,
            row.intl_settlement_usd) == tuple(Decimal(x) for x in ("1000000", "50000", "800000", "100000",
                                                                   "20000", "10000"))
    assert tiering.import_volumes(store, "client,period,card_spending\n导入星级有限公司,2026-H2,7\n") == 1
    with pytest.raises(ValidationError) as bad:
        tiering.import_volumes(store, "客户,期间,客户\n导入星级有限公司,2026,1\n")  # a column twice
    assert "投资理财交易量 (investment)" in bad.value.message()
    with pytest.raises(ValidationError) as bad:
        tiering.set_business_volume(store, cid, "2026", {"mortgage": "很多"})
    assert "个人住房贷款" in bad.value.message()


def test_scheme_problems_are_worded_in_the_users_language(store):
    scheme = tiering.presets()["stars_published"]
    cases = [
        ({**scheme, "points": {"mortgage": "-1"}}, "“个人住房贷款”的积分权重不能为负数", "cannot be negative"),
        ({**scheme, "points": {"mortgage": "x"}}, "“x”不是数字", '"x" is not a number'),
        ({**scheme, "rules": [*scheme["rules"][:-1], {"tier": "star1", "all": [["points", ">=", "1"]]}]},
         "最后一条规则不能有条件", "the last rule must have no conditions"),
        ({**scheme, "rules": [{"tier": "key"}]}, "第 1 条规则的层级 关键客户", "rule 1: the tier"),
        ({**scheme, "usd_rate": "500"}, "美元折算汇率 500 超出范围", "the USD rate 500 is out of range"),
    ]
    for bad, zh, en in cases:
        for lang, words in (("zh_CN", zh), ("en", en)):
            i18n.set_language(lang)
            with pytest.raises(ValidationError) as exc:
                tiering.save_scheme(store, bad)
            assert words in exc.value.message(), (lang, exc.value.message())


def test_the_table_form_round_trips_every_preset_and_builds_rules():
    for preset in tiering.presets().values():
        rows = tiering.scheme_rows(preset)
        assert rows is not None
        assert tiering.scheme_from_rows(preset, rows, preset["points"], preset["usd_rate"]) == preset
    pyramid = tiering.presets()["pyramid"]
    built = tiering.scheme_from_rows(pyramid, [ConditionRow("key", "all", "products_held", ">=", "3"),
                                               ConditionRow("key", "any", "business", ">=", "100"),
                                               ConditionRow("ordinary", "any", "fee_income", ">", "5")],
                                     {"fee_income": "400", "avg_loans": ""}, "7.2")
    assert built["rules"] == [{"tier": "key", "all": [["products_held", ">=", "3"]], "any": [["business", ">=", "100"]]},
                              {"tier": "ordinary", "any": [["fee_income", ">", "5"]]},
                              {"tier": "small"}]
    assert built["points"] == {"fee_income": "400"} and built["usd_rate"] == "7.2"
    # two rules for one tier cannot be a table: the text view keeps them
    assert tiering.scheme_rows({**pyramid, "rules": [{"tier": "key", "any": [["business", ">=", "1"]]},
                                                     {"tier": "key", "any": [["fee_income", ">=", "1"]]},
                                                     {"tier": "small"}]}) is None


@pytest.fixture
def settings_desk(make_desk, store):
    desk = make_desk(store)
    desk.window.show_page(MainWindow.SETTINGS)
    return desk


def _open(desk, monkeypatch, act):
    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        return act(dialog)

    monkeypatch.setattr(dialogs, "run", run)
    return desk.window.settings_page.keeping.edit_rules(), seen["dialog"]


def test_the_table_editor_takes_thresholds_in_wan_and_weights_and_saves_yuan(settings_desk, monkeypatch):
    store = settings_desk.store
    tiering.choose_preset(store, "stars_published")

    def act(d: TierRulesDialog):
        assert not d.advanced.isChecked() and d.table.rowCount() == 4
        assert d.table.cellWidget(0, VALUE).text() == "200000"  # points: no unit
        assert d.weights["card_spending"].text() == "400" and d.usd_rate.text() == "7.10"
        d.add_row()
        r = d.table.rowCount() - 1
        d.table.cellWidget(r, TIER).setCurrentIndex(d.table.cellWidget(r, TIER).findData("star4"))
        d.table.cellWidget(r, METRIC).setCurrentIndex(d.table.cellWidget(r, METRIC).findData("mortgage"))
        assert d.table.cellWidget(r, 5).text() == "万元"
        d.table.cellWidget(r, OP).setCurrentIndex(d.table.cellWidget(r, OP).findData(">="))
        d.table.cellWidget(r, VALUE).setText("500")  # 500 万元
        d.weights["avg_deposits"].setText("50")
        d.try_accept()
        return d.result() == d.DialogCode.Accepted

    saved, _dialog = _open(settings_desk, monkeypatch, act)
    assert saved
    scheme = tiering.get_scheme(store)
    assert scheme["rules"][1] == {"tier": "star4", "all": [["points", ">=", "60000"], ["mortgage", ">=", "5000000"]]}
    assert scheme["points"]["avg_deposits"] == "50" and scheme["points"]["mortgage"] == "100"


def test_the_table_editor_shows_the_services_message_and_keeps_the_input(settings_desk, monkeypatch):
    store = settings_desk.store
    before = tiering.get_scheme(store)

    def act(d: TierRulesDialog):
        d.weights["mortgage"].setText("-3")
        d.try_accept()
        assert not d.error.isHidden() and "不能为负数" in d.error.text()
        assert d.weights["mortgage"].text() == "-3"
        d.weights["mortgage"].setText("")
        d.table.cellWidget(0, VALUE).setText("")
        d.try_accept()
        assert "第 1 条规则的条件" in d.error.text()
        return False

    saved, _dialog = _open(settings_desk, monkeypatch, act)
    assert not saved and tiering.get_scheme(store) == before


def test_the_text_view_carries_edits_both_ways(settings_desk, monkeypatch):
    import json

    store = settings_desk.store

    def act(d: TierRulesDialog):
        d.table.cellWidget(0, VALUE).setText("20000")  # 20,000 万元 = 200 million yuan
        d.advanced.setChecked(True)
        data = json.loads(d.text.toPlainText())
        assert data["rules"][0]["any"][0] == ["business", ">=", "200000000"]
        data["rules"][1]["any"] = [["fee_income", ">=", "600000"]]
        d.text.setPlainText(json.dumps(data, ensure_ascii=False))
        d.advanced.setChecked(False)
        assert d.table.rowCount() == 4 and d.table.cellWidget(2, VALUE).text() == "60"  # 60 万元
        d.advanced.setChecked(True)
        d.text.setPlainText("{oops")
        d.advanced.setChecked(False)  # refused: the text is wrong, the text view stays
        assert d.advanced.isChecked() and "第 1 行" in d.error.text()
        d.text.setPlainText(json.dumps(data, ensure_ascii=False))
        d.try_accept()
        return d.result() == d.DialogCode.Accepted

    saved, _dialog = _open(settings_desk, monkeypatch, act)
    assert saved and tiering.get_scheme(store)["rules"][1]["any"] == [["fee_income", ">=", "600000"]]


def test_tiers_are_added_and_removed_in_the_table(settings_desk, monkeypatch):
    """Add tier… puts a tier of the vocabulary just above the last one (on its cadence) and a
    condition makes it given; Remove tier… drops a tier with its conditions, and removing the
    last tier makes the one before it the catch-all. No text view needed."""
    from PySide6.QtWidgets import QInputDialog

    store = settings_desk.store
    tiering.choose_preset(store, "stars_published")
    picks = iter([i18n.label("tier", "problem1"), i18n.label("tier", "star4"), i18n.label("tier", "problem2")])
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (next(picks), True)))

    def act(d: TierRulesDialog):
        assert d.add_tier()
        assert d.scheme["tiers"] == ["star5", "star4", "star3", "star2", "problem1", "star1"]
        d.add_row()
        r = d.table.rowCount() - 1
        d.table.cellWidget(r, TIER).setCurrentIndex(d.table.cellWidget(r, TIER).findData("problem1"))
        d.table.cellWidget(r, METRIC).setCurrentIndex(d.table.cellWidget(r, METRIC).findData("points"))
        d.table.cellWidget(r, VALUE).setText("1000")
        assert d.remove_tier()  # star4 and its condition
        assert "star4" not in d.scheme["tiers"] and d.table.rowCount() == 4
        assert d.add_tier()  # problem2 goes in as well
        d.try_accept()
        return d.result() == d.DialogCode.Accepted

    saved, _dialog = _open(settings_desk, monkeypatch, act)
    assert saved
    scheme = tiering.get_scheme(store)
    assert scheme["tiers"] == ["star5", "star3", "star2", "problem1", "problem2", "star1"]
    assert {"tier": "problem1", "all": [["points", ">=", "1000"]]} in scheme["rules"]
    assert scheme["cadences"]["problem1"] == scheme["cadences"]["star1"]
    shorter = tiering.remove_tier(scheme, "star1")  # the last one goes: problem2 catches the rest
    assert shorter["tiers"][-1] == "problem2" and shorter["rules"][-1] == {"tier": "problem2"}
    with pytest.raises(ValidationError) as why:
        tiering.add_tier(scheme, "star5")
    assert "重复" in why.value.message()
    one = {**scheme, "tiers": ["star1"], "rules": [{"tier": "star1"}], "cadences": {"star1": "FREQ=MONTHLY"}}
    with pytest.raises(ValidationError) as why:
        tiering.remove_tier(one, "star1")
    assert "至少要有一个层级" in why.value.message()


def test_the_volumes_dialog_enters_the_new_measures(make_desk, store):
    from rmdesk.gui.client.forms import VolumesDialog

    make_desk(store)
    cid = clients.create_client(store, {"name": "录入星级有限公司"})
    d = VolumesDialog(store, cid)
    d.period.setText("2026-H1")
    d.edits["card_spending"].setText("5")  # 5 万元
    d.edits["mortgage"].setText("80")
    d.try_accept()
    [row] = tiering.volumes_of(store, cid)
    assert row.card_spending == Decimal(50000) and row.mortgage == Decimal(800000)


def test_a_kept_client_outside_any_cadence_is_named_not_dated(store, make_desk):
    """Step 6: a client with no tier of the scheme in use (and no cadence of its own) is
    outside any cadence: Still needed names the tier, the due list says why it is there, and
    the maintenance tool shows no date as if a cadence gave it."""
    from rmdesk.services import cadence, flow

    cid = clients.create_client(store, {"name": "无层级有限公司", "industry": "coal"})
    clients.add_contact(store, cid, {"name": "王总"})
    with store.write() as s:
        from rmdesk.store.models import Client

        client = s.get(Client, cid)
        client.step, client.tier = 6, "star3"  # a tier of another scheme
    assert "tier" in flow.missing_data(store, cid)
    item = cadence.due_for(store, cid)
    assert item.reason == "no_tier" and "不在任何维护频率内" in cadence.reason_text(item)
    desk = make_desk(store)
    from rmdesk.gui.client.step_tools import MaintenanceTool

    tool = MaintenanceTool(store, cid)
    tool.refresh(clients.get_client(store, cid))
    assert "不适用任何维护频率" in tool.due_text.text() and not tool.next_date.isVisibleTo(tool)
    tool.set_next.setChecked(True)
    assert tool.next_date.isVisibleTo(tool)
    assert tool.way_text.text()  # the way's guidance from the playbook
    tiering.set_tier_override(store, cid, "key", "总行名单客户")
    assert "tier" not in flow.missing_data(store, cid)
    item = cadence.due_for(store, cid)
    assert item.reason != "no_tier"
    tool.refresh(clients.get_client(store, cid))
    from rmdesk import formatting

    assert tool.due_text.text().startswith(formatting.day(item.due)) and "不适用" not in tool.due_text.text()
    assert desk


def test_the_keeping_panel_lists_the_star_measures_a_client_has(make_desk, store):
    desk = make_desk(store)
    cid = clients.create_client(store, {"name": "面板星级有限公司"})
    tiering.set_business_volume(store, cid, "2026-H1", {"avg_deposits": "1000000", "card_spending": "50000"})
    ws = desk.window.open_client(cid)
    from rmdesk.gui.client.keeping_panel import KeepingPanel

    [kp] = ws.findChildren(KeepingPanel)
    kp.refresh(clients.get_client(store, cid))
    assert "银行卡消费额" in kp.volumes.text() and "个人住房贷款" not in kp.volumes.text()


def test_the_demo_book_fills_the_star_measures_and_spreads_over_the_tiers(store):
    """The demo book's kept clients have the star table's measures (investment, card spending,
    mortgage, other personal loans, card overdraft), so under the published table they fall
    into several tiers, not all into the last one."""
    from collections import Counter

    from rmdesk.services import demo

    demo.generate(store, 80, seed=3)
    volumes = tiering.latest_volumes(store)
    assert volumes
    for key in tiering.STAR_FIELDS:
        assert sum(getattr(v, key) > 0 for v in volumes.values()) >= len(volumes) // 5, key
    assert all(v.card_spending <= v.avg_deposits / 10 for v in volumes.values())  # plausible beside deposits
    scheme = tiering.choose_preset(store, "stars_published")
    tiers = Counter(tiering.classify(m, scheme)[0] for m in tiering.metrics_for(volumes, scheme).values())
    assert len(tiers) >= 3, tiers
    assert tiers.most_common(1)[0][1] < len(volumes), tiers
