"""Import and export of clients/contacts (CSV, XLSX): mapping, dry run, duplicates,
all-or-nothing commit, cancel, round trips, formula escaping."""

import csv
import sqlite3
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from rmdesk.errors import ValidationError
from rmdesk.formats import tabular
from rmdesk.paths import STORE_FILENAME
from rmdesk.services import clients, dataio, import_plan
from rmdesk.services.validation import credit_code_check_char

pytestmark = pytest.mark.both_engines

CODE = "91110000100000000" + credit_code_check_char("91110000100000000")


def code(n: int) -> str:
    body = f"9111{n:013d}"
    return body + credit_code_check_char(body)


def write_csv(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def snapshot(data_dir, store=None):
    if store is not None and not store.is_sqlite:
        from sqlalchemy import text

        with store.engine.connect() as conn:
            return [[tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                    for t in ("clients", "contacts", "step_changes")]
    con = sqlite3.connect(data_dir / STORE_FILENAME)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("clients", "contacts", "step_changes")]
    finally:
        con.close()


HEADER_ZH = ["企业名称", "统一社会信用代码", "行业", "年销售额", "联系人", "手机", "生日", "客户分层"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_every_encoding_with_chinese_headers(store, tmp_path, encoding):
    path = write_csv(tmp_path / "in.csv", [HEADER_ZH, ["华能电力股份有限公司", CODE, "电力", "1,234,567.89", "王总",
                                                       "13800138000", "1975-03-02", "关键客户"]], encoding)
    plan, counts = dataio.import_file(store, path)
    assert plan.ok and counts == {"created": 1, "merged": 0, "contacts": 1}
    [row] = clients.list_clients(store)
    detail = clients.get_client(store, row.id)
    assert detail.name == "华能电力股份有限公司" and detail.credit_code == CODE
    assert detail.industry == "power" and detail.annual_sales == Decimal("1234567.89")
    assert [(c.name, c.phone, str(c.birthday)) for c in detail.contacts] == [("王总", "13800138000", "1975-03-02")]
    assert detail.tier == "key"


def test_auto_mapping_by_zh_and_en_names_and_overrides():
    headers = ["Client name", "信用代码", "Phone", "备注列", "Owner"]
    mapping = dataio.auto_mapping(headers)
    assert mapping == {0: "name", 1: "credit_code", 2: "contact_phone", 4: "owner"}
    mapping = dataio.apply_overrides(headers, mapping, {"备注列": "intel_notes", "Owner": "-"})
    assert mapping == {0: "name", 1: "credit_code", 2: "contact_phone", 3: "intel_notes"}
    with pytest.raises(ValidationError):
        dataio.apply_overrides(headers, mapping, {"nope": "name"})
    with pytest.raises(ValidationError):
        dataio.apply_overrides(headers, mapping, {"Owner": "salary"})
    assert dataio.parse_mapping("A=name, B = credit_code") == {"A": "name", "B": "credit_code"}


def test_mapping_from_a_json_file(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"公司": "name"}', encoding="utf-8")
    assert dataio.parse_mapping(str(path)) == {"公司": "name"}
    path.write_text("[1]", encoding="utf-8")
    with pytest.raises(ValidationError):
        dataio.parse_mapping(str(path))


def test_dry_run_reports_bad_rows_in_the_users_language_and_writes_nothing(store, data_dir, tmp_path):
    clients.create_client(store, {"name": "已有公司"})
    before = snapshot(data_dir, store)
    path = write_csv(tmp_path / "bad.csv", [
        HEADER_ZH,
        ["好公司", "", "", "100", "", "", "", ""],
        ["", "", "", "", "", "", "", ""],  # blank line: ignored
        ["坏金额公司", "", "", "-5", "", "", "", ""],
        ["坏日期公司", "", "", "", "李四", "", "2026-02-30", ""],
        ["坏代码公司", "91110000100000000X", "", "", "", "", "", ""],
        ["", "", "电力", "", "", "", "", ""],
    ])
    plan, counts = dataio.import_file(store, path, lang="zh_CN")
    assert counts is None and not plan.ok
    rows = [(p.row, p.field) for p in plan.problems]
    assert rows == [(4, "annual_sales"), (5, "birthday"), (6, "credit_code"), (7, "name")]
    assert "金额不能为负数" in plan.problems[0].message and "年销售额" in plan.problems[0].message
    assert "日期无效" in plan.problems[1].message
    report = plan.report("zh_CN")
    assert "第 4 行" in report and "错误 4 行" in report
    assert snapshot(data_dir, store) == before  # all or nothing: the good row was not written either
    with pytest.raises(ValidationError):
        dataio.commit_import(store, plan)


def test_duplicates_by_credit_code_or_normalised_name(store, tmp_path):
    a = clients.create_client(store, {"name": "华能电力（集团）有限公司", "credit_code": CODE})
    b = clients.create_client(store, {"name": "Acme Trading Co", "district": "浦东新区"})
    rows = [["name", "credit_code", "district", "contact_name"],
            ["另一个名字", CODE, "海淀区", "张三"],          # same code
            ["华能电力(集团)有限公司", "", "", "李四"],       # same name once normalised (full-width)
            ["ACME  trading co", "", "静安区", ""],           # same name, case and spaces
            ["新客户", "", "", "赵六"],
            ["新客户", "", "", "钱七"]]                         # same client twice in the file: one client, 2 contacts
    path = write_csv(tmp_path / "dup.csv", rows)
    skip, _ = dataio.import_file(store, path, policy="skip", dry_run=True)
    assert (len(skip.new), len(skip.merge), skip.skipped) == (1, 0, [2, 3, 4])
    assert skip.new[0].contacts == [{"name": "赵六"}, {"name": "钱七"}]
    create, _ = dataio.import_file(store, path, policy="create", dry_run=True)
    assert [p.row for p in create.problems] == [2]  # the taken credit code cannot be created again
    plan, counts = dataio.import_file(store, path, policy="merge")
    assert counts == {"created": 1, "merged": 2, "contacts": 4}
    assert clients.get_client(store, a).district == "海淀区"
    assert {c.name for c in clients.get_client(store, a).contacts} == {"张三", "李四"}
    assert clients.get_client(store, a).name == "华能电力（集团）有限公司"  # the name is never overwritten
    assert clients.get_client(store, b).district == "静安区"
    assert clients.count_clients(store) == 3
    # the search index follows the bulk load (new clients, their key persons) and the merges
    def found(text):
        return {h.name for h in clients.list_clients(store, clients.ClientQuery(search=text))}

    assert found("新客户") == found("新客") == found("xkh") == {"新客户"}
    assert found("钱七") == {"新客户"} and found("李四") == {"华能电力（集团）有限公司"}


def test_cancel_leaves_the_store_unchanged(store, data_dir, tmp_path):
    rows = [["name"]] + [[f"公司{i}"] for i in range(2500)]
    path = write_csv(tmp_path / "big.csv", rows)
    plan, _ = dataio.import_file(store, path, dry_run=True)
    before = snapshot(data_dir, store)
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 2000  # cancel in the middle of the writes

    with pytest.raises(import_plan.Cancelled):
        dataio.commit_import(store, plan, progress)
    assert calls and max(calls) >= 2000
    assert snapshot(data_dir, store) == before


def test_ten_thousand_rows_import_in_one_transaction(store, tmp_path):
    rows = [["客户名称", "统一社会信用代码", "区域", "联系人", "电话"]]
    rows += [[f"测试企业{i:05d}有限公司", code(i), "朝阳区", f"联系人{i}", f"1380000{i:04d}"] for i in range(10000)]
    path = write_csv(tmp_path / "10k.csv", rows, "gb18030")
    seen = []
    plan, counts = dataio.import_file(store, path, progress=lambda d, t: seen.append((d, t)))
    assert counts == {"created": 10000, "merged": 0, "contacts": 10000}
    assert seen[-1] == (10000, 10000)
    assert clients.count_clients(store) == 10000
    hits = clients.list_clients(store, clients.ClientQuery(search="csqy09999"))  # pinyin keys were computed
    assert [h.name for h in hits] == ["测试企业09999有限公司"]
    # importing the same file again finds every row a duplicate
    again, counts = dataio.import_file(store, path, dry_run=True)
    assert len(again.skipped) == 10000 and not again.new


def test_round_trip_clients_and_contacts_through_csv_and_xlsx(demo_store, tmp_path):
    from rmdesk.store.engine import Store

    for ext in ("csv", "xlsx"):
        out_clients, out_contacts = tmp_path / f"c.{ext}", tmp_path / f"p.{ext}"
        assert dataio.export_file(demo_store, "clients", out_clients) == 200
        n_contacts = dataio.export_file(demo_store, "contacts", out_contacts)
        target = Store.open(tmp_path / f"copy-{ext}")
        plan, _ = dataio.import_file(target, out_clients)
        assert plan.ok and len(plan.new) == 200
        plan, counts = dataio.import_file(target, out_contacts, policy="merge")
        assert plan.ok and counts["contacts"] == n_contacts
        assert dataio.export_rows(target, "clients")[1] == dataio.export_rows(demo_store, "clients")[1]
        assert dataio.export_rows(target, "contacts")[1] == dataio.export_rows(demo_store, "contacts")[1]
        target.close()


def test_visits_and_deals_export_reads_back_exactly(demo_store, tmp_path):
    for what in ("visits", "deals"):
        headers, rows = dataio.export_rows(demo_store, what)
        for ext in ("csv", "xlsx"):
            path = tmp_path / f"{what}.{ext}"
            dataio.export_file(demo_store, what, path)
            table = tabular.read_table(path)
            assert table.headers == list(headers)
            expected = [[tabular._out_text(v) for v in r] for r in rows]
            if ext == "xlsx":  # amounts are numbers there: 70250000.00 reads back as 70250000
                expected = [[_as_number(v) for v in r] for r in expected]
                table.rows = [[_as_number(v) for v in r] for r in table.rows]
            assert table.rows == expected


def _as_number(text: str) -> object:
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def test_formulas_are_exported_escaped_and_imported_back(store, tmp_path):
    cid = clients.create_client(store, {"name": "=cmd|' /C calc'!A0", "intel_notes": "@SUM(1+1)"})
    clients.add_contact(store, cid, {"name": "-王", "phone": "+86 13800138000"})
    xlsx, csv_path = tmp_path / "f.xlsx", tmp_path / "f.csv"
    dataio.export_file(store, "contacts", xlsx)
    dataio.export_file(store, "clients", csv_path)
    sheet = load_workbook(xlsx).worksheets[0]
    values = [c.value for c in sheet[2]]
    assert values[1] == "'=cmd|' /C calc'!A0" and "'-王" in values and "'+86 13800138000" in values
    assert all(c.data_type == "s" for c in sheet[2] if c.value is not None)  # text, never a formula
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'=cmd|" in text and "'@SUM" in text
    assert tabular.read_table(csv_path).rows[0][1] == "=cmd|' /C calc'!A0"


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_a_cell_that_starts_with_apostrophes_before_a_formula_reads_back_as_written(tmp_path, ext):
    """The escape's own "'" is taken off on reading; a cell whose text already starts with one
    before a formula start ("'@", found by the fuzz test) keeps it."""
    cells = [["'@", "''=SUM(1)", "'abc"], ["'", "@", "'-1"]]
    path = tmp_path / f"t.{ext}"
    tabular.write_table(path, ["a", "b", "c"], cells)
    assert tabular.read_table(path).rows == cells


def test_xlsx_with_numbers_and_dates(store, tmp_path):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Client name", "Annual sales", "Next action date", "Contact name", "Phone"])
    sheet.append(["Numbers Ltd", 1234567.5, datetime(2026, 12, 1), "Ann", 13800138000])
    book.save(tmp_path / "n.xlsx")
    plan, counts = dataio.import_file(store, tmp_path / "n.xlsx")
    assert plan.ok, plan.report("en")
    detail = clients.get_client(store, clients.list_clients(store)[0].id)
    assert detail.annual_sales == Decimal("1234567.50") and str(detail.next_action_date) == "2026-12-01"
    assert detail.contacts[0].phone == "13800138000"


@pytest.mark.parametrize("content,key", [
    (b"", "import.empty"),
    (b"\xff\xfe\x00\x00garbage\x81", "import.bad_encoding"),
    (b"\n\n", "import.empty"),
    (b",,,\n1,2,3\n", "import.no_header"),
])
def test_unreadable_files_give_a_clear_message(store, tmp_path, content, key):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        dataio.import_file(store, path)
    assert info.value.key == key
    assert info.value.message("zh_CN") != key


def test_not_an_xlsx_and_unknown_extension(store, tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ValidationError) as info:
        dataio.import_file(store, tmp_path / "x.xlsx")
    assert info.value.key == "import.bad_xlsx"
    (tmp_path / "x.doc").write_bytes(b"x")
    with pytest.raises(ValidationError) as info:
        dataio.import_file(store, tmp_path / "x.doc")
    assert info.value.key == "import.unknown_format"


def test_a_later_row_cannot_give_a_new_client_a_taken_credit_code(store, tmp_path):
    clients.create_client(store, {"name": "甲公司", "credit_code": CODE})
    path = write_csv(tmp_path / "x.csv", [["name", "credit_code"], ["乙公司", ""], ["乙公司", CODE]])
    for policy in dataio.POLICIES:
        plan, counts = dataio.import_file(store, path, policy=policy)
        assert [(p.row, p.field) for p in plan.problems] == [(3, "credit_code")] and counts is None
    assert clients.count_clients(store) == 1


def test_step_and_status_apply_to_new_clients_only(store, tmp_path):
    from rmdesk.services.timeline import timeline

    existing = clients.create_client(store, {"name": "老客户"})
    path = write_csv(tmp_path / "s.csv", [["name", "step", "status"], ["新客户", "4", "跟进中"], ["老客户", "6", "won"]])
    plan, counts = dataio.import_file(store, path, policy="merge")
    assert counts == {"created": 1, "merged": 1, "contacts": 0}
    new = clients.list_clients(store, clients.ClientQuery(search="新客户"))[0]
    assert (new.step, new.status) == (4, "active")
    assert [e.facts["to_step"] for e in timeline(store, new.id) if e.kind == "move"] == [4]
    assert clients.get_client(store, existing).step == 1  # a stored client is moved by the flow, not an import
    bad = write_csv(tmp_path / "b.csv", [["name", "step"], ["某公司", "7"]])
    plan, _ = dataio.import_file(store, bad)
    assert [(p.row, p.field) for p in plan.problems] == [(2, "step")]


def test_visits_and_deals_round_trip_into_a_new_store(demo_store, tmp_path):
    from rmdesk.store.engine import Store

    for ext in ("csv", "xlsx"):
        files = {w: tmp_path / f"{w}.{ext}" for w in dataio.WHAT}
        for what, path in files.items():
            dataio.export_file(demo_store, what, path)
        target = Store.open(tmp_path / f"copy-{ext}")
        assert dataio.import_file(target, files["clients"])[1]["created"] == 200
        dataio.import_file(target, files["contacts"], policy="merge")
        for what in ("visits", "deals"):
            plan, counts = dataio.import_file(target, files[what])
            assert plan.kind == what and plan.ok, plan.report("en")
            assert counts["created"] == len(dataio.export_rows(demo_store, what)[1])
            strip_id = lambda rows: [r[1:] for r in rows]  # noqa: E731 - ids belong to one store
            assert strip_id(dataio.export_rows(target, what)[1]) == strip_id(dataio.export_rows(demo_store, what)[1])
            again, counts = dataio.import_file(target, files[what], dry_run=True)
            assert len(again.skipped) == again.total_rows  # every row is now a duplicate
        target.close()


def test_visit_and_deal_rows_with_problems(store, tmp_path):
    cid = clients.create_client(store, {"name": "甲公司"})
    visits_csv = write_csv(tmp_path / "v.csv", [
        ["name", "planned_at", "kind", "contact_name", "status"],
        ["甲公司", "2026-12-01 09:00", "上门拜访", "", "planned"],
        ["乙公司", "2026-12-01 10:00", "", "", ""],
        ["甲公司", "2026-02-30 09:00", "", "", ""],
        ["甲公司", "2026-12-02 09:00", "", "无此人", ""],
    ])
    plan, counts = dataio.import_file(store, visits_csv, lang="en")
    assert counts is None and [(p.row, p.field) for p in plan.problems] == [
        (3, "name"), (4, "planned_at"), (5, "contact_name")]
    deals_csv = write_csv(tmp_path / "d.csv", [
        ["name", "product", "amount", "rate"],
        ["甲公司", "流动资金贷款", "1000000", "3.85"],
        ["甲公司", "working_capital_loan", "-1", ""],
        ["甲公司", "no_such_product", "5", ""],
        ["甲公司", "working_capital_loan", "5", "120"],
    ])
    plan, counts = dataio.import_file(store, deals_csv, lang="en")
    assert [(p.row, p.field) for p in plan.problems] == [(3, "amount"), (4, "product"), (5, "rate")]
    assert counts is None
    from rmdesk.services import engagement

    assert engagement.deals_of(store, cid) == []


def test_annual_sales_in_wan_yuan_are_imported_as_yuan(store, tmp_path):
    """A column headed 年销售额(万元) holds figures in 10,000 yuan: 5,200 万元 is stored as
    52,000,000 yuan, not ignored and not taken as 5,200 yuan; a bad figure names the row."""
    path = tmp_path / "万元.csv"
    path.write_text("企业名称,年销售额(万元)\n甲公司,5200\n乙公司,\"1,234.5\"\n丙公司,很多\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path, lang="zh_CN")
    assert counts is None and [p.row for p in plan.problems] == [4] and not plan.ignored
    path.write_text("企业名称,年销售额（万元）\n甲公司,5200\n乙公司,\"1,234.5\"\n", encoding="utf-8")
    plan, counts = dataio.import_file(store, path, lang="zh_CN")
    assert counts is not None and not plan.ignored
    by_name = {r.name: r.id for r in clients.list_clients(store)}
    assert clients.get_client(store, by_name["甲公司"]).annual_sales == Decimal("52000000")
    assert clients.get_client(store, by_name["乙公司"]).annual_sales == Decimal("12345000")
