"""The financial quick check and the industry notes in the client workspace (pytest-qt,
offscreen, zh_CN): the statement dialog takes 万元 and keeps what was typed on an error,
the panel shows ratios and flags, the financing dialog uses the statements' days."""

from decimal import Decimal

from rmdesk.gui.client.fincheck_panel import FinancialsDialog
from rmdesk.gui.client.forms import FinancingDialog
from rmdesk.services import clients, fincheck

ROWS_WAN = {  # 2024, 2025 in 万元 (the cases of tests/test_fincheck.py)
    "sales": ("1000", "1100"), "cost_of_sales": ("800", "880"), "profit": ("50", "80"),
    "interest_expense": ("10", "20"), "operating_cash_flow": ("60", "-30"), "receivables": ("200", "300"),
    "inventory": ("150", "170"), "payables": ("100", "120"), "current_assets": ("600", "700"),
    "current_liabilities": ("400", "500"), "total_assets": ("1200", "1400"), "total_liabilities": ("720", "840"),
}


def _fill(dialog, years=("2024", "2025")):
    t = dialog.table
    while t.columnCount() > len(years):
        t.removeColumn(t.columnCount() - 1)
    for col, year in enumerate(years):
        t.item(0, col).setText(year)
        for row, name in enumerate(fincheck.LINES, start=1):
            t.item(row, col).setText(ROWS_WAN[name][col])


def test_enter_the_years_see_ratios_and_flags(make_desk, store):
    desk = make_desk(store)
    cid = clients.create_client(store, {"name": "华能电力", "industry": "steel"})
    ws = desk.window.open_client(cid)
    panel = ws.overview.fincheck
    assert "尚未录入财务数据" in panel.view.text()
    assert "行业说明：钢铁" == ws.overview.industry_notes.box.title()
    assert "限制类；两高行业" in ws.overview.industry_notes.view.text()

    dialog = FinancialsDialog(store, cid)
    assert [dialog.table.item(0, c).text() for c in range(3)] == ["2023", "2024", "2025"]  # last three years
    _fill(dialog)
    dialog.table.item(6, 1).setText("-3")  # receivables of 2025 negative
    dialog.try_accept()
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text() == "应收账款：（2025 年）不能为负数"
    assert fincheck.years_of(store, cid) == [] and dialog.table.item(6, 1).text() == "-3"  # kept as typed
    dialog.table.item(6, 1).setText("300")
    dialog.try_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert fincheck.years_of(store, cid)[1].sales == Decimal("11000000.00")  # 1100 万元

    ws.refresh()
    text = panel.view.text()
    assert "81.82" in text and "1,100.00万元" in text
    assert "利润没有变成现金" in text and "应收账款增长 50.00%" in text
    again = FinancialsDialog(store, cid)  # opens with the stored years, in 万元
    assert again.table.item(1, 1).text() == "1100"


def test_the_financing_dialog_takes_blank_days_from_the_statements(make_desk, store):
    make_desk(store)
    cid = clients.create_client(store, {"name": "华能电力"})
    dialog = FinancingDialog(store, cid)
    assert dialog.inputs["working_capital"]["receivable_days"].placeholderText() == ""
    fincheck.save_years(store, cid, [
        {"year": "2024", **{k: str(Decimal(v[0]) * 10000) for k, v in ROWS_WAN.items()}},
        {"year": "2025", **{k: str(Decimal(v[1]) * 10000) for k, v in ROWS_WAN.items()}}])
    dialog = FinancingDialog(store, cid)
    fields = dialog.inputs["working_capital"]
    assert fields["receivable_days"].placeholderText() == "2025 年财务数据：81.82"
    for key, value in {"prepayment_days": "0", "advance_days": "0", "last_sales": "1100", "last_margin_pct": "10",
                       "growth_pct": "0"}.items():
        fields[key].setText(value)
    estimate = dialog.compute()
    assert estimate.result == Decimal("2812425.00")
    assert "周转天数取自 2025 年财务数据" in dialog.explanation.toPlainText()
