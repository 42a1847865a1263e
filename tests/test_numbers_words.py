"""Right numbers and words (issue 17): money fields in one unit per language and never in
exponent form, the short name editable, and the walk's findings that a test can hold."""

from decimal import Decimal

import pytest

from rmdesk import formatting
from rmdesk.services import clients


@pytest.mark.parametrize(("yuan", "lang", "text"), [
    (Decimal("520000000"), "zh_CN", "52000"), (Decimal("520000000"), "en", "520000000"),
    (Decimal("5.2E+4"), "en", "52000"), (Decimal("123456789.50"), "zh_CN", "12345.67895"),
    (Decimal("100"), "zh_CN", "0.01"), (None, "zh_CN", ""), (Decimal("0"), "en", "0"),
])
def test_money_inputs_show_plain_digits(yuan, lang, text):
    assert formatting.yuan_to_input(yuan, lang) == text
    if yuan is not None:
        assert Decimal(formatting.input_amount_to_yuan(text, lang)) == yuan
        assert "E" not in formatting.input_amount_to_yuan(text, lang)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_annual_sales_and_short_name_round_trip_in_the_profile(make_desk, store, lang):
    cid = clients.create_client(store, {"name": "华能国际电力股份有限公司", "short_name": "华能"})
    desk = make_desk(store, lang)
    window = desk.window.open_client(cid)
    tab = window.overview
    assert tab.fields["short_name"].text() == "华能"
    tab.fields["annual_sales"].setText("52000" if lang == "zh_CN" else "520000000")
    tab.fields["short_name"].setText("华能国际")
    tab.save()
    detail = clients.get_client(store, cid)
    assert detail.annual_sales == Decimal("520000000") and detail.short_name == "华能国际"
    tab.refresh(detail)
    assert tab.fields["annual_sales"].text() == ("52000" if lang == "zh_CN" else "520000000")


def test_the_financing_calculator_takes_the_same_unit_as_the_profile(make_desk, store):
    from rmdesk.gui.client.forms import FinancingDialog

    cid = clients.create_client(store, {"name": "华能电力", "annual_sales": "520000000"})
    make_desk(store, "zh_CN")
    dialog = FinancingDialog(store, cid, clients.get_client(store, cid).annual_sales)
    edits = dialog.inputs["working_capital"]
    assert edits["last_sales"].text() == "52000"  # 万元, as on the profile
    for name, value in {"last_margin_pct": "10", "growth_pct": "10", "inventory_days": "60",
                        "receivable_days": "60", "payable_days": "30", "prepayment_days": "0",
                        "advance_days": "0", "own_funds": "1000", "existing_loans": "0", "other_funds": ""}.items():
        edits[name].setText(value)
    estimate = dialog.compute()
    # 52,000万 x 90% x 110% / (360 / 90) = 12,870万; less 1,000万 own funds
    assert estimate.result == Decimal("118700000")
    assert "新增贷款需求：1.19亿元" in dialog.explanation.toPlainText()
    dialog.close()


# ---- tiering -------------------------------------------------------------------------


def _book(store, rows):
    """Clients with 2026 volumes: (name, deposits, settlement in USD)."""
    from rmdesk.services import tiering

    ids = {}
    for name, deposits, usd in rows:
        ids[name] = clients.create_client(store, {"name": name})
        tiering.set_business_volume(store, ids[name], "2026", {"avg_deposits": deposits,
                                                               "intl_settlement_usd": usd})
    return ids


@pytest.mark.parametrize(("size", "a_count"), [(1, 1), (2, 1), (4, 1), (5, 1), (6, 2), (7, 2), (10, 2), (11, 3)])
def test_abc_gives_class_a_to_the_top_fifth_rounded_up_like_the_overview(store, size, a_count):
    from rmdesk.services import tiering

    ids = _book(store, [(f"客户{i}", str(i * 1_000_000), "0") for i in range(1, size + 1)])
    tiering.choose_preset(store, "abc")
    tiering.recompute(store)
    tiers = {name: clients.get_client(store, cid).tier for name, cid in ids.items()}
    top = [f"客户{i}" for i in range(size, size - a_count, -1)]
    assert sorted(n for n, t in tiers.items() if t == "a") == sorted(top)
    view = tiering.overview(store)
    total = sum(i * 1_000_000 for i in range(1, size + 1))
    assert view.top20_share == Decimal(sum(i * 1_000_000 for i in range(size, size - a_count, -1))) / total


def test_usd_settlement_counts_at_the_schemes_rate_in_star_points(store):
    from rmdesk.errors import ValidationError
    from rmdesk.services import tiering

    ids = _book(store, [("美元户", "0", "1000000"), ("人民币户", "7100000", "0")])
    tiering.choose_preset(store, "stars")
    assert tiering.get_scheme(store)["usd_rate"] == "7.10"
    metrics = tiering.metrics_for(tiering.latest_volumes(store), tiering.get_scheme(store))
    # 1,000,000 USD x 7.10 = 7,100,000 yuan = 710 x 10,000, at 200 points each
    assert metrics[ids["美元户"]]["points"] == metrics[ids["人民币户"]]["points"] == Decimal("142000.00")
    scheme = tiering.get_scheme(store)
    scheme["usd_rate"] = "6.5"
    tiering.save_scheme(store, scheme)
    metrics = tiering.metrics_for(tiering.latest_volumes(store), tiering.get_scheme(store))
    assert metrics[ids["美元户"]]["points"] == Decimal("130000.00")
    for bad in ("0", "-7", "abc", "1000"):
        with pytest.raises(ValidationError):
            tiering.save_scheme(store, {**scheme, "usd_rate": bad})


# ---- the timeline ------------------------------------------------------------------------


def test_the_timeline_words_values_orders_ties_and_records_people_and_needs(make_desk, store):
    from rmdesk.gui.client.window import describe
    from rmdesk.services import engagement, pipeline
    from rmdesk.services.timeline import timeline

    cid = clients.create_client(store, {"name": "华能电力"})
    clients.update_client(store, cid, {"policy_class": "encouraged", "proposal_agreed": True,
                                       "annual_sales": "520000000"})
    clients.add_contact(store, cid, {"name": "王总", "role": "gm"})
    engagement.add_need(store, cid, "financing", "旺季流动资金缺口")
    for step in (2, 3, 4):  # all in the same second (the clock is pinned)
        pipeline.move_to_step(store, cid, step, reason=f"to {step}")
    make_desk(store, "zh_CN")
    rows = [describe(e) for e in timeline(store, cid)]
    text = "\n".join(" | ".join(r) for r in rows)
    assert "— → 鼓励类" in text and "否 → 是" in text and "— → 5.20亿元" in text
    assert "encouraged" not in text and "0 → 1" not in text and "520000000" not in text
    assert "新增关键人：王总" in text and "王总" in text and "旺季流动资金缺口" in text
    moves = [r[0] for r in rows if " → " in r[0] and " · " in r[0]]
    assert [m.split(" → ")[1][0] for m in moves] == ["4", "3", "2"]  # newest first, within one second too
    assert rows[-1][0].startswith("建档于")


# ---- buttons that need a row ---------------------------------------------------------------


def test_buttons_needing_a_row_say_why_and_maturity_is_only_for_credit(make_desk, store, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from rmdesk.gui import dialogs
    from rmdesk.services import engagement

    cid = clients.create_client(store, {"name": "华能电力"})
    engagement.create_deal(store, cid, "deposits", "1000000")
    desk = make_desk(store, "en")
    told, opened = [], []
    monkeypatch.setattr(dialogs, "tell", lambda parent, text: told.append(text))
    monkeypatch.setattr(dialogs, "run", lambda dialog: opened.append(dialog) or False)
    window = desk.window.open_client(cid)
    names = ("Call report…", "Call plan (PDF)…", "Reschedule…", "Cancel visit…", "Move to trash")
    for name in names:
        button = next(b for b in window.visits.findChildren(QPushButton) if b.text() == name)
        before = len(told)
        button.click()
        assert len(told) == before + 1 and "Select a visit" in told[-1], name
    deals = window.deals
    deals.table.clearSelection()
    deals.table.setCurrentCell(-1, -1)
    for name in ("Won", "Lost…", "Maturity…", "Move to trash"):
        button = next(b for b in deals.findChildren(QPushButton) if b.text() == name)
        before = len(told)
        button.click()
        assert len(told) == before + 1 and "Select a row" in told[-1], name
    assert not opened
    # a deposit deal, even won, has no maturity: the button is not offered, and says why
    deal = engagement.deals_of(store, cid)[0]
    engagement.close_deal(store, deal.id, won=True)
    deals.refresh(clients.get_client(store, cid))
    deals.table.selectRow(0)
    assert not deals.maturity_button.isEnabled() and "credit" in deals.maturity_button.toolTip()
    assert deals.set_maturity() is False and "credit" in told[-1] and not opened


def test_both_empty_the_trash_questions_default_to_no(make_desk, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from rmdesk.gui.data.trash_dialog import TrashDialog
    from rmdesk.services import trash

    cid = clients.create_client(store, {"name": "华能电力"})
    clients.trash_client(store, cid)
    make_desk(store, "en")
    asked = []

    def question(parent, title, text, buttons=None, default=None):
        asked.append(default)
        return default  # the user presses Enter

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = TrashDialog(store)
    dialog.empty()
    assert asked == [QMessageBox.StandardButton.No]
    assert len(trash.items(store)) == 1
    asked.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda p, t, x, b=None, default=None: asked.append(default) or (
        QMessageBox.StandardButton.Yes if len(asked) == 1 else default))
    dialog.empty()  # yes to the first: the second still defaults to No
    assert asked == [QMessageBox.StandardButton.No] * 2 and len(trash.items(store)) == 1
    dialog.close()


# ---- English plurals -------------------------------------------------------------------------


def test_english_counts_use_plural_forms():
    from rmdesk import i18n
    from rmdesk.services import recurrence

    assert recurrence.describe("FREQ=MONTHLY", "en") == "every 1 month"
    assert recurrence.describe("FREQ=MONTHLY;INTERVAL=3", "en") == "every 3 months"
    assert recurrence.describe("FREQ=MONTHLY;INTERVAL=3", "zh_CN") == "每 3 个月"
    assert i18n.message("cli.tiers_summary", "en", changed=1, kept=2) == "1 tier changed, 2 manual tiers kept"
    assert i18n.message("import.has_problems", "en", count=1).startswith("1 row has errors")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_maintenance_page_counts_in_plural_forms(make_desk, store, lang):
    from rmdesk.gui.main_window import MainWindow
    from rmdesk.services import pipeline, tiering

    cid = clients.create_client(store, {"name": "华能电力"})
    pipeline.move_to_step(store, cid, 6, reason="won")
    tiering.set_business_volume(store, cid, "2026", {"avg_deposits": "200000000"})
    desk = make_desk(store, lang)
    desk.window.show_page(MainWindow.MAINTENANCE)
    page = desk.window.keeping
    page.recompute()
    text = page.status.text()
    assert text == ("1 tier changed, 0 manual tiers kept." if lang == "en" else "1 个客户分层有变化，0 个手动分层保持不变。")
    assert page.summary.text().startswith("1 client due" if lang == "en" else "1 个客户到期维护")


# ---- smaller words -----------------------------------------------------------------------------


def test_a_broken_rules_text_is_named_in_the_users_language(store):
    from rmdesk.errors import ValidationError
    from rmdesk.services import tiering

    text = tiering.scheme_text(store) + "\n{}\n"
    with pytest.raises(ValidationError) as err:
        tiering.save_scheme_text(store, text)
    zh = err.value.message("zh_CN")
    assert "Extra data" not in zh and "行" in zh and "列" in zh
    assert "line" in err.value.message("en")


def test_common_district_headers_are_recognised():
    from rmdesk.services import dataio

    for header in ("所在地区", "地区", "所属区域", "所在地"):
        assert dataio.auto_mapping(["客户名称", header]) == {0: "name", 1: "district"}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_title_status_line_and_lists_read_right(make_desk, store, lang):
    from rmdesk.services import pipeline

    desk = make_desk(store, lang)
    w = desk.window
    assert "rmdesk" not in w.windowTitle()  # Qt adds "— rmdesk" once
    assert w.data_folder.text().endswith(str(store.data_dir)) and w.data_folder.isVisible()
    w.statusBar().showMessage("a menu's status tip")
    w.statusBar().clearMessage()
    assert w.data_folder.isVisible()
    cid = clients.create_client(store, {"name": "华能电力"})
    pipeline.move_to_step(store, cid, 3, reason="test")
    window = w.open_client(cid)
    missing = window.overview.missing.text()
    assert missing.count("、" if lang == "zh_CN" else ", ") >= 1
    if lang == "en":
        assert "、" not in missing


# ---- the guidance tab ----------------------------------------------------------------------------


def test_checklist_items_the_data_proves_are_ticked_and_other_steps_are_view_only(make_desk, store):
    from rmdesk.services import flow

    cid = clients.create_client(store, {"name": "华能电力", "industry": "power", "size": "large",
                                        "district": "朝阳区"})
    assert flow.proven(store, cid, 1) == {"s1_basic"}
    clients.add_contact(store, cid, {"name": "王总", "decision_power": "decides"})
    assert flow.proven(store, cid, 1) == {"s1_basic", "s1_contact"}
    assert flow.proven(store, cid, 2) == {"s2_key_persons"}
    desk = make_desk(store, "en")
    window = desk.window.open_client(cid)
    g = window.guidance
    boxes = [g.checklist_layout.itemAt(i).widget() for i in range(g.checklist_layout.count())]
    proven = [b for b in boxes if b.isChecked()]
    assert len(proven) == 2 and all(not b.isEnabled() for b in proven)
    assert "2 of" in g.checklist_box.title()
    assert g.tool.isEnabled()
    window.view_step(3)
    assert not g.tool.isEnabled() and "Viewing only" in g.tool_box.toolTip()
    window.view_step(1)
    assert g.tool.isEnabled()


def test_the_workspace_of_a_client_destroyed_from_the_trash_closes(make_desk, store, monkeypatch):
    from rmdesk.gui.data.trash_dialog import TrashDialog
    from rmdesk.services import trash

    keep = clients.create_client(store, {"name": "长城汽车"})
    gone = clients.create_client(store, {"name": "华能电力"})
    desk = make_desk(store, "zh_CN")
    kept_window, gone_window = desk.window.open_client(keep), desk.window.open_client(gone)
    clients.trash_client(store, gone)

    def exec_(dialog):
        trash.empty(store)
        return 0

    monkeypatch.setattr(TrashDialog, "exec", exec_)
    desk.window._trash()
    assert not gone_window.isVisible() and kept_window.isVisible()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_step_6_exit_rule_names_the_tiers_of_the_scheme_in_use(make_desk, store, lang):
    from rmdesk import i18n
    from rmdesk.services import pipeline, tiering

    tiering.choose_preset(store, "abc")
    cid = clients.create_client(store, {"name": "华能电力"})
    pipeline.move_to_step(store, cid, 6, reason="won")
    desk = make_desk(store, lang)
    text = desk.window.open_client(cid).guidance.exit_text.text()
    sep = "、" if lang == "zh_CN" else ", "
    assert sep.join(i18n.label("tier", t, lang) for t in ("a", "b", "c")) in text
    assert i18n.label("tier", "key", lang) not in text
    assert "{tiers}" not in text


# ---- a cadence without RRULE text ---------------------------------------------------------------


def test_the_cadence_editor_sets_every_n_weeks_or_months_on_a_day(make_desk, store):
    from rmdesk.gui.cadence_edit import CadenceEdit, parse
    from rmdesk.gui.main_window import MainWindow
    from rmdesk.services import tiering

    desk = make_desk(store, "zh_CN")
    desk.window.show_page(MainWindow.SETTINGS)
    k = desk.window.settings_page.keeping
    edit = k.cadences["ordinary"]
    assert isinstance(edit, CadenceEdit) and not edit.advanced.isChecked()
    assert (edit.every.value(), edit.unit.currentData()) == (3, "MONTHLY")
    edit.unit.setCurrentIndex(edit.unit.findData("MONTHLY"))
    edit.every.setValue(2)
    edit.day.setCurrentIndex(edit.day.findData("-1"))
    assert edit.day.currentText() == "月末最后一天"
    key = k.cadences["key"]
    key.unit.setCurrentIndex(key.unit.findData("WEEKLY"))
    key.every.setValue(2)
    key.day.setCurrentIndex(key.day.findData("MO"))
    k.save_cadence_button.click()
    saved = tiering.get_scheme(store)["cadences"]
    assert saved["ordinary"] == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1"
    assert saved["key"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    # anything the form cannot say stays as rule text (the advanced view)
    assert parse("FREQ=MONTHLY;COUNT=3") is None
    edit.setText("FREQ=MONTHLY;BYDAY=1MO")
    assert edit.advanced.isChecked() and edit.raw.isVisibleTo(edit) and edit.text() == "FREQ=MONTHLY;BYDAY=1MO"
    edit.advanced.setChecked(False)  # cannot go back to the form with such a rule
    assert edit.advanced.isChecked()
    edit.setText("FREQ=YEARLY")
    assert not edit.advanced.isChecked() and edit.text() == "FREQ=YEARLY" and not edit.day.isVisibleTo(edit)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_new_client_form_names_the_field_as_its_error_does(make_desk, store, lang):
    from rmdesk import i18n
    from rmdesk.gui.client.new_client import NewClientDialog

    make_desk(store, lang)
    dialog = NewClientDialog(store)
    label = dialog.ui.nameLabel.text().replace("&", "").replace("(N)", "")
    assert label.startswith(i18n.message("field.name", lang))
    dialog.close()
