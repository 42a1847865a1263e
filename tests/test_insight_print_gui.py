"""Print / PDF… and Export XLSX… on the Reports page's insight tab (pytest-qt offscreen):
the preview of all reports or one, from the figures shown; the workbook with a sheet per
report; a folder that cannot take the file: a message, no file."""

import os
import subprocess

import faults
import pytest
from openpyxl import load_workbook

from rmdesk import i18n
from rmdesk.gui import insight_print
from rmdesk.gui.main_window import MainWindow
from rmdesk.services import insight_reports

SHOTS = os.environ.get("RMDESK_SHOTS")  # a folder: save screenshots there


@pytest.fixture
def desk(make_desk, demo_store):
    return make_desk(demo_store)


@pytest.fixture
def panel(desk, qtbot):
    w = desk.window
    w.show_page(MainWindow.REPORTS)
    page = w.reports
    page.tabs.setCurrentIndex(page.INSIGHTS)
    shown = page.insights
    qtbot.waitUntil(lambda: shown.result is not None, timeout=30000)
    return shown


def test_print_preview_and_xlsx_of_the_shown_reports(panel, tmp_path, monkeypatch):
    export = panel.export
    assert export.print_button.isEnabled() and export.xlsx_button.isEnabled()
    assert export.which.count() == 1 + len(insight_reports.REPORTS)
    dialog = export.preview_dialog()
    assert dialog is not None and dialog.built.pages >= 6 and dialog.windowTitle().endswith(".pdf")
    assert dialog.built.save_title == "将报告另存为 PDF"
    target = tmp_path / "洞察 报告 #1 100%.pdf"
    assert dialog.write_to(str(target))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    funnel = panel.result.funnel
    assert i18n.message("insight.title", "zh_CN") in text and str(funnel.steps[0].entered) in text
    all_pages = dialog.built.pages
    dialog.done(0)
    dialog.deleteLater()
    export.which.setCurrentIndex(1 + insight_reports.REPORTS.index("funnel"))
    one = export.preview_dialog()
    assert one is not None and one.built.pages < all_pages
    assert one.windowTitle().startswith(insight_reports.title("funnel", "zh_CN"))
    one.done(0)
    one.deleteLater()
    export.which.setCurrentIndex(0)
    book = tmp_path / "洞察 #2 %.xlsx"
    assert export.write_xlsx(str(book))
    wb = load_workbook(book)
    assert len(wb.sheetnames) == len(insight_reports.REPORTS)
    step1 = next(r for r in wb.worksheets[0].iter_rows(values_only=True)
                 if isinstance(r[0], str) and r[0].startswith("1 · "))
    assert step1[1] == funnel.steps[0].entered
    # a folder that cannot take the file: told, nothing written
    told = []
    monkeypatch.setattr(insight_print, "show_error", lambda parent, exc: told.append(exc.message("zh_CN")))
    folder = tmp_path / "ro"
    folder.mkdir()
    with faults.read_only(folder) as view:
        assert not export.write_xlsx(str(view / "报告.xlsx"))
    assert told and "无法写入" in told[0] and list(folder.iterdir()) == []


def test_buttons_wait_for_the_figures(panel):
    export = panel.export
    export.set_result(None)
    assert not export.print_button.isEnabled() and export.print_button.toolTip()
    assert export.preview_dialog() is None
    export.set_result(panel.result)
    assert export.print_button.isEnabled() and export.print_button.toolTip() == ""
    if SHOTS:
        panel.resize(1280, 900)
        panel.grab().save(os.path.join(SHOTS, "insights-export-zh.png"))
