"""The financial quick check against hand-computed cases: every ratio, every flag and
the working-capital estimate that takes its turnover days from the statements."""

from decimal import Decimal

import pytest

from rmdesk import i18n
from rmdesk.errors import ValidationError
from rmdesk.services import clients, fincheck

D = Decimal
Y2024 = {"year": "2024", "sales": "10000000", "cost_of_sales": "8000000", "profit": "500000",
         "interest_expense": "100000", "operating_cash_flow": "600000", "receivables": "2000000",
         "inventory": "1500000", "payables": "1000000", "current_assets": "6000000",
         "current_liabilities": "4000000", "total_assets": "12000000", "total_liabilities": "7200000"}
Y2025 = {"year": "2025", "sales": "11000000", "cost_of_sales": "8800000", "profit": "800000",
         "interest_expense": "200000", "operating_cash_flow": "-300000", "receivables": "3000000",
         "inventory": "1700000", "payables": "1200000", "current_assets": "7000000",
         "current_liabilities": "5000000", "total_assets": "14000000", "total_liabilities": "8400000"}


@pytest.fixture
def client_id(store):
    return clients.create_client(store, {"name": "华能电力"})


def test_ratios_of_the_first_year_use_closing_balances(store, client_id):
    fincheck.save_years(store, client_id, [Y2024])
    r = fincheck.check(store, client_id).ratios[2024]
    assert r == {
        "current_ratio": D("1.50"),  # 600 / 400
        "quick_ratio": D("1.13"),  # (600 − 150) / 400 = 1.125
        "debt_to_assets_pct": D("60.00"),  # 720 / 1200
        "receivable_days": D("72.00"),  # 360 × 200 / 1000
        "inventory_days": D("67.50"),  # 360 × 150 / 800 (on cost of sales)
        "payable_days": D("45.00"),  # 360 × 100 / 800
        "gross_margin_pct": D("20.00"),  # (1000 − 800) / 1000
        "profit_margin_pct": D("5.00"),  # 50 / 1000
        "interest_cover": D("6.00"),  # (50 + 10) / 10
    }


def test_ratios_of_a_later_year_use_average_balances(store, client_id):
    fincheck.save_years(store, client_id, [Y2025, Y2024])  # any order
    result = fincheck.check(store, client_id)
    assert [y.year for y in result.years] == [2024, 2025]
    r = result.ratios[2025]
    assert r["receivable_days"] == D("81.82")  # 360 × (200 + 300) / 2 / 1100 = 81.818
    assert r["inventory_days"] == D("65.45")  # 360 × (150 + 170) / 2 / 880 = 65.4545
    assert r["payable_days"] == D("45.00")  # 360 × (100 + 120) / 2 / 880
    assert r["current_ratio"] == D("1.40") and r["quick_ratio"] == D("1.06")  # (700 − 170) / 500
    assert r["profit_margin_pct"] == D("7.27") and r["interest_cover"] == D("5.00")  # 80/1100; 100/20


def test_missing_lines_and_zero_divisors_give_no_ratio(store, client_id):
    fincheck.save_years(store, client_id, [{"year": "2025", "sales": "5000000", "interest_expense": "0",
                                            "profit": "100"}])
    r = fincheck.check(store, client_id).ratios[2025]
    assert r["profit_margin_pct"] == D("0.00")
    assert all(r[k] is None for k in fincheck.RATIOS if k != "profit_margin_pct")


def test_flags_of_two_years(store, client_id):
    fincheck.save_years(store, client_id, [Y2024, Y2025])
    flags = fincheck.flags(store, client_id)
    assert [(f.kind, f.year) for f in flags] == [("profit_without_cash", 2025), ("receivables_outpace_sales", 2025),
                                                 ("jump", 2025)]
    assert flags[1].params == {"receivables": D("50.00"), "sales": D("10.00"), "gap": D(20)}
    assert flags[2].params == {"line": "profit", "change": D("60.00"), "limit": D(50)}
    assert fincheck.flag_text(flags[1], "en") == ("2025: receivables grew 50.00% while sales grew 10.00% "
                                                   "(more than 20 points apart): slower collection or doubtful sales")
    assert fincheck.flag_text(flags[0], "zh_CN").startswith("2025 年有利润（80.00万元）但经营现金流为 -30.00万元")
    assert "利润总额变动 60.00%" in fincheck.flag_text(flags[2], "zh_CN")


def _year(year, sales, **lines):
    return fincheck.Year(year, {k: None for k in fincheck.LINES} | {"sales": D(sales)}
                         | {k: D(v) for k, v in lines.items()})


def test_falling_sales_loss_and_the_thresholds():
    years = [_year(2022, 1000, receivables=100, inventory=100, total_liabilities=100, profit=10),
             # sales −15 %, a loss; receivables +5 % vs sales −15 %: 20 points, not more: no flag;
             # inventory +50 % exactly: no jump; total liabilities +50.1 %: a jump
             _year(2023, 850, receivables=105, inventory=150, total_liabilities="150.1", profit=-5),
             # a profit again: profit's jump is not compared with a loss; sales +100 %: a jump
             _year(2024, 1700, profit=30, operating_cash_flow=0)]
    flags = fincheck.flags_of_years(years)
    assert [(f.kind, f.year, f.params.get("line")) for f in flags] == [
        ("loss", 2023, None), ("sales_falling", 2023, None), ("jump", 2023, "total_liabilities"),
        ("profit_without_cash", 2024, None), ("jump", 2024, "sales")]
    assert flags[1].params["change"] == D("-15.00")
    # a gap year: 2022 and 2024 are not compared
    assert [f.kind for f in fincheck.flags_of_years([years[0], years[2]])] == ["profit_without_cash"]


def test_working_capital_takes_turnover_days_from_the_statements(store, client_id):
    data = {"prepayment_days": "0", "advance_days": "0", "last_sales": "11000000", "last_margin_pct": "10",
            "growth_pct": "0", "inventory_days": "", "receivable_days": "", "payable_days": " "}
    with pytest.raises(ValidationError):  # no statements: the days are required as before
        fincheck.working_capital(store, client_id, data)
    fincheck.save_years(store, client_id, [Y2024, Y2025])
    e = fincheck.working_capital(store, client_id, data)
    # cycle 65.45 + 81.82 − 45.00 = 102.27 days; needed 1100万 × 0.9 / (360 / 102.27) = 281.2425万
    assert dict(e.steps)["cycle_days"] == D("102.27")
    assert e.result == D("2812425.00")
    assert e.source == "statements:2025:inventory_days,receivable_days,payable_days"
    assert fincheck.source_text(e.source, "zh_CN") == (
        "周转天数取自 2025 年财务数据：存货周转天数、应收账款周转天数、应付账款周转天数")
    typed = fincheck.working_capital(store, client_id, dict(data, inventory_days="60"))
    assert typed.inputs["inventory_days"] == D(60) and "inventory_days" not in typed.source
    assert fincheck.statement_days(store, client_id) == (2025, {
        "receivable_days": D("81.82"), "inventory_days": D("65.45"), "payable_days": D("45.00")})


@pytest.mark.parametrize(("row", "key", "field"), [
    ({"receivables": "-1"}, "fin.error.amount_negative", "fin.receivables"),
    ({"sales": ""}, "fin.error.required", "fin.sales"),
    ({"inventory": "abc"}, "fin.error.amount_format", "fin.inventory"),
    ({"payables": "1.005"}, "fin.error.amount_decimals", "fin.payables"),
    ({"year": "2027"}, "fin.error.year", "fin.year"),
    ({"year": "二〇二四"}, "fin.error.year", "fin.year"),
    ({"current_assets": "13000000"}, "fin.error.over_total_assets", "fin.current_assets"),
    ({"current_liabilities": "8000000"}, "fin.error.over_total_liabilities", "fin.current_liabilities"),
    ({"receivables": "5000000"}, "fin.error.over_current_assets", "fin.receivables_inventory"),
    ({"payables": "4500000"}, "fin.error.over_current_liabilities", "fin.payables"),
])
def test_bad_figures_are_refused_and_nothing_is_half_saved(store, client_id, row, key, field):
    fincheck.save_years(store, client_id, [Y2024])
    with pytest.raises(ValidationError) as info:
        fincheck.save_years(store, client_id, [Y2025, dict(Y2024, **row)])
    assert (info.value.key, info.value.field) == (key, field)
    assert [y.year for y in fincheck.years_of(store, client_id)] == [2024]
    assert fincheck.years_of(store, client_id)[0].sales == D("10000000.00")


def test_messages_name_the_line_and_the_year_in_both_languages(store, client_id):
    with pytest.raises(ValidationError) as info:
        fincheck.save_years(store, client_id, [dict(Y2024, receivables="-5")])
    assert info.value.message("zh_CN") == "应收账款：（2024 年）不能为负数"
    assert info.value.message("en") == "Receivables: (2024) cannot be negative"
    with pytest.raises(ValidationError) as info:
        fincheck.save_years(store, client_id, [Y2024, dict(Y2025, year="2024")])
    assert info.value.message("zh_CN") == "年度：2024 年录入了两次"
    with pytest.raises(ValidationError) as info:
        fincheck.save_years(store, client_id, [dict(Y2024, year=str(y)) for y in range(2019, 2025)])
    assert info.value.key == "fin.error.too_many_years"
    assert i18n.message("fin.error.too_many_years", "en", max=5) == "at most 5 years can be entered"


def test_empty_rows_are_dropped_and_an_empty_list_clears(store, client_id):
    assert fincheck.save_years(store, client_id, [Y2024, {"year": "", "sales": " "}]) == [2024]
    assert fincheck.save_years(store, client_id, []) == []
    assert fincheck.check(store, client_id).latest is None
    assert fincheck.statement_days(store, client_id) is None


def test_the_call_plan_shows_the_latest_year_and_the_flags(store, client_id):
    from rmdesk.services import callplan, visits

    visit = visits.plan_visit(store, client_id, {"planned_at": "2026-12-03 09:00"})
    assert callplan.plan_for_visit(store, visit, "en").sections == ()
    fincheck.save_years(store, client_id, [Y2024, Y2025])
    for lang, title, first in (("en", "Financial quick check (2024–2025)", "2025: Sales 11,000,000 · "),
                               ("zh_CN", "财务快速体检 (2024–2025)", "2025：销售收入 1,100.00万元 · ")):
        section = callplan.plan_for_visit(store, visit, lang).sections[0]
        assert section.title == title and section.lines[0].startswith(first)
        assert len(section.lines) == 4  # the figures, then the three flags
    assert "Receivable days 81.82" in section_en(store, visit)


def section_en(store, visit):
    from rmdesk.services import callplan

    return callplan.plan_for_visit(store, visit, "en").sections[0].lines[0]


def test_the_demo_book_shows_statement_years_and_flags(demo_store):
    from sqlalchemy import select

    from rmdesk.store.models import FinancialYear

    with demo_store.read() as s:
        ids = sorted(set(s.scalars(select(FinancialYear.client_id))))
    assert ids
    kinds = set()
    for cid in ids:
        years = fincheck.years_of(demo_store, cid)
        assert [y.year for y in years] == [2023, 2024, 2025]
        # every demo year passes the same checks as typed figures
        fincheck.clean_years([{"year": str(y.year), **{k: "" if v is None else str(v) for k, v in y.lines.items()}}
                              for y in years])
        assert clients.get_client(demo_store, cid).step >= 3
        kinds |= {f.kind for f in fincheck.flags(demo_store, cid)}
    assert {"receivables_outpace_sales", "profit_without_cash"} <= kinds


@pytest.mark.postgresql
def test_statement_years_follow_the_team_rules(pg_server, data_dir, capsys, monkeypatch):
    """financial_years holds client data: `rmdesk team init` protects it, and another RM's
    connection neither reads nor writes a client's years (the server filters)."""
    import os

    from sqlalchemy import URL, create_engine, text
    from sqlalchemy.exc import DBAPIError

    from rmdesk.cli import main
    from rmdesk.store.engine import Store

    url = pg_server.new_database()
    suffix = f"{os.getpid()}_{url.database.rsplit('_', 1)[-1]}"
    base = ["--data-dir", str(data_dir), "--db-url", URL.create(
        "postgresql", username=url.username, host=url.host, port=url.port, database=url.database).render_as_string()]
    monkeypatch.setenv("RMDESK_DB_PASSWORD", url.password)
    monkeypatch.setenv("RMDESK_RM_PASSWORD", "pw")
    try:
        assert main([*base, "team", "init"]) == 0
        capsys.readouterr()
        assert pg_server.sql("SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
                             "WHERE relname = 'financial_years'", database=url.database) == [(True, True)]
        for who in ("a", "b"):
            assert main([*base, "team", "add-rm", f"fy_{who}_{suffix}", "--name", who]) == 0
        a = Store.open(url=url.set(username=f"fy_a_{suffix}", password="pw"))
        b = Store.open(url=url.set(username=f"fy_b_{suffix}", password="pw"))
        mine = clients.create_client(a, {"name": "华能电力"})
        fincheck.save_years(a, mine, [Y2024, Y2025])
        assert [y.year for y in fincheck.years_of(a, mine)] == [2024, 2025]
        assert fincheck.years_of(b, mine) == []
        with create_engine(url.set(username=f"fy_b_{suffix}", password="pw")).connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM financial_years")).scalar() == 0
            assert conn.execute(text("DELETE FROM financial_years")).rowcount == 0
            conn.commit()
            with pytest.raises(DBAPIError, match="row-level security"):
                conn.execute(text("INSERT INTO financial_years (client_id, year, sales, entered_at) "
                                  "VALUES (:c, 2020, 1, now())"), {"c": mine})
        assert len(fincheck.years_of(a, mine)) == 2
        a.close()
        b.close()
    finally:
        pg_server.drop_database(url)


def test_the_statement_years_export_to_xlsx_and_csv(store, client_id, tmp_path, capsys, data_dir):
    from openpyxl import load_workbook

    from rmdesk.services import dataio

    fincheck.save_years(store, client_id, [Y2024, Y2025])
    path = tmp_path / "财务 #1.xlsx"
    assert dataio.export_file(store, "financials", path, "zh_CN") == 2
    sheet = load_workbook(path).active
    assert sheet.title == "财务数据"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("credit_code", "name", "year", "sales")
    assert rows[2][2:5] == (2025, 11000000, 8800000) and rows[2][7] == -300000
    clients.trash_client(store, client_id)
    assert dataio.export_rows(store, "financials")[1] == []
