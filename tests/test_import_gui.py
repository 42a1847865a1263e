"""The import dialog: columns recognised, overridden, dry run report, import with
progress off the GUI thread, cancel leaves the store unchanged."""

import csv

from rmdesk.services import clients


def write(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return str(path)


def test_import_dialog_maps_checks_and_imports(store, make_desk, qtbot, tmp_path):
    from rmdesk.gui.data.import_dialog import ImportDialog

    desk = make_desk(store)
    path = write(tmp_path / "in.csv", [["企业名称", "备注", "手机"], ["甲公司", "老客户", "13800138000"],
                                       ["乙公司", "", "123"]], "gb18030")
    dialog = ImportDialog(store, desk.window)
    qtbot.addWidget(dialog)
    job = dialog.load(path)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)
    assert job.finished.is_set()
    assert dialog.current_mapping() == {0: "name", 1: "intel_notes", 2: "contact_phone"}
    assert "甲公司" in dialog.mapping.item(0, 2).text()
    dialog.set_field(1, "")
    assert dialog.current_mapping() == {0: "name", 2: "contact_phone"}
    dialog.set_field(1, "intel_notes")
    dialog.run(dry_run=True)
    qtbot.waitUntil(lambda: "第 3 行" in dialog.report.toPlainText(), timeout=10000)
    assert "“123”不是有效的电话号码" in dialog.report.toPlainText() and clients.count_clients(store) == 0
    # without the phone column the rows are good
    dialog.set_field(2, "")
    dialog.run(dry_run=False)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10000)
    assert "已导入" in dialog.report.toPlainText()
    assert sorted(r.name for r in clients.list_clients(store)) == ["乙公司", "甲公司"]
    assert clients.get_client(store, clients.list_clients(store, clients.ClientQuery(search="甲公司"))[0].id
                              ).intel_notes == "老客户"


def test_cancel_in_the_dialog_leaves_the_store_unchanged(store, make_desk, qtbot, tmp_path):
    from rmdesk.gui.data.import_dialog import ImportDialog

    desk = make_desk(store)
    path = write(tmp_path / "big.csv", [["name"]] + [[f"公司{i}"] for i in range(3000)])
    dialog = ImportDialog(store, desk.window)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)
    dialog.cancel_button.setEnabled(True)
    job = dialog.run(dry_run=False)
    job.cancel()  # before or while it runs: either way nothing is written
    qtbot.waitUntil(job.finished.is_set, timeout=20000)
    qtbot.waitUntil(lambda: "取消" in dialog.report.toPlainText(), timeout=10000)
    assert clients.count_clients(store) == 0 and not dialog.imported


def test_the_dialog_imports_a_deals_file_too(store, make_desk, qtbot, tmp_path):
    from rmdesk.gui.data.import_dialog import ImportDialog
    from rmdesk.services import engagement

    cid = clients.create_client(store, {"name": "甲公司"})
    desk = make_desk(store)
    path = write(tmp_path / "deals.csv", [["客户名称", "产品", "金额"], ["甲公司", "working_capital_loan", "1000000"]])
    dialog = ImportDialog(store, desk.window)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)
    assert dialog.kind == "deals" and dialog.current_mapping() == {0: "name", 1: "product", 2: "amount"}
    dialog.run(dry_run=False)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10000)
    assert "已导入交易" in dialog.report.toPlainText()
    assert [str(d.amount) for d in engagement.deals_of(store, cid)] == ["1000000.00"]


def test_the_dialog_finds_the_header_sheet_names_ignored_columns_and_switches_sheet(
        store, make_desk, qtbot, tmp_path):
    """As the CLI does: title rows above the header are skipped and said so; of a workbook the
    first sheet with headers is read and the others can be chosen; columns that map to no
    field are named (live, as the mapping changes) and again in the check's report."""
    from openpyxl import Workbook

    from rmdesk.gui.data.import_dialog import ImportDialog

    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["本表由支行导出，请勿修改"])
    data = book.create_sheet("客户 #1")
    data.append(["2026年11月 客户名单"])
    data.append(["制表：王强"])
    data.append(["企业名称", "年销售额(万元)", "所属行业", "自定义编号"])
    data.append(["甲公司", "5200", "制造业", "A-7"])
    other = book.create_sheet("备用")
    other.append(["企业名称"])
    other.append(["乙公司"])
    folder = tmp_path / "客户 数据#?%"
    folder.mkdir()
    path = str(folder / "名单 2026.xlsx")
    book.save(path)

    desk = make_desk(store)
    dialog = ImportDialog(store, desk.window)
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)
    assert dialog.table.sheet == "客户 #1" and dialog.table.header_row == 3
    assert dialog.sheet.isVisibleTo(dialog) and dialog.sheet.currentText() == "客户 #1"
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["说明", "客户 #1", "备用"]
    assert "第 3 行" in dialog.found.text() and "2" in dialog.found.text()
    assert [dialog.mapping.item(i, 0).text() for i in range(dialog.mapping.rowCount())] == [
        "企业名称", "年销售额(万元)", "所属行业", "自定义编号"]
    mapped = dialog.current_mapping()
    unmapped = [dialog.table.headers[i] for i in range(4) if i not in mapped]
    assert "自定义编号" in unmapped
    for header in unmapped:
        assert header in dialog.ignored.text()
    dialog.set_field(3, "intel_notes")
    assert "自定义编号" not in dialog.ignored.text()
    dialog.set_field(3, "")
    assert "自定义编号" in dialog.ignored.text()

    dialog.run(dry_run=True)
    qtbot.waitUntil(lambda: "未导入" in dialog.report.toPlainText(), timeout=10000)
    assert "自定义编号" in dialog.report.toPlainText() and clients.count_clients(store) == 0

    dialog.sheet.setCurrentIndex(2)
    dialog.sheet.activated.emit(2)
    qtbot.waitUntil(lambda: dialog.table.sheet == "备用" and dialog.check_button.isEnabled(), timeout=10000)
    assert dialog.table.header_row == 1 and not dialog.found.isVisibleTo(dialog)
    assert not dialog.ignored.isVisibleTo(dialog)
    dialog.run(dry_run=False)
    qtbot.waitUntil(lambda: dialog.imported, timeout=10000)
    assert [r.name for r in clients.list_clients(store)] == ["乙公司"]
