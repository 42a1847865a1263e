"""Call plans from the GUI: a visit's plan and the calendar's day/week batch are built off
the GUI thread, previewed page by page, saved as PDF and sent to a printer."""

import subprocess
import time
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from rmdesk.gui import jobs, plan_print
from rmdesk.gui.plan_print import PlanPreview
from rmdesk.services import clients, engagement, settings, visits


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def book(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行", "branch": "滨江支行"})
    cid = clients.create_client(store, {"name": "华能电力股份有限公司"})
    boss = clients.add_contact(store, cid, {"name": "欧阳总", "decision_power": "decides"})
    engagement.log_objection(store, cid, "price", "利率偏高", "综合成本更低")
    first = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": boss})
    other = clients.create_client(store, {"name": "Acme Trading (HK) Ltd"})
    visits.plan_visit(store, other, {"planned_at": "2026-11-26 15:00", "place": "香格里拉"})
    return cid, first


@pytest.fixture
def previews(monkeypatch):
    """The preview dialogs the GUI opened (not run modally: the test drives them)."""
    shown = []
    monkeypatch.setattr(PlanPreview, "exec", lambda self: shown.append(self) or 0)
    return shown


def test_a_visits_plan_previews_saves_and_prints(make_desk, store, book, previews, qtbot, tmp_path):
    cid, visit_id = book
    desk = make_desk(store)
    window = desk.window.open_client(cid)
    window.show_visit(visit_id)
    window.visits.print_button.click()
    assert len(previews) == 1
    preview = previews[0]
    assert preview.built.plans == 1 and preview.built.pages >= 1
    assert preview.built.name == "2026-11-24 华能电力股份有限公司.pdf"
    preview.show()
    qtbot.waitUntil(lambda: 0 in preview.rendered)  # the first page is drawn as it comes into view
    assert not preview.page_labels[0].pixmap().isNull()

    saved = tmp_path / "plan.pdf"
    assert preview.write_to(str(saved))
    text = pdf_text(saved)
    for expected in ("华能电力股份有限公司", "欧阳总", "利率偏高", "综合成本更低", "华夏商业银行"):
        assert expected in text
    assert "Acme" not in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(150)
    assert preview.print_to(printer)
    assert page_count(printed) == preview.built.pages
    preview.reject()


def test_saving_into_a_missing_folder_says_why(make_desk, store, book, previews, monkeypatch, tmp_path):
    cid, visit_id = book
    desk = make_desk(store)
    window = desk.window.open_client(cid)
    window.show_visit(visit_id)
    window.visits.print_button.click()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    assert not previews[0].write_to(str(tmp_path / "missing" / "plan.pdf"))
    assert warnings and "无法写入" in warnings[0]
    previews[0].reject()


def test_calendar_prints_the_week_shown_with_a_cover_agenda(make_desk, store, book, previews, tmp_path):
    desk = make_desk(store)
    desk.window.show_page(desk.window.CALENDAR)
    page = desk.window.calendar
    assert page.shown_range() == (date(2026, 11, 23), 7)
    page.print_button.click()
    built = previews[0].built
    assert built.plans == 2 and built.pages >= 3
    path = tmp_path / "week.pdf"
    path.write_bytes(built.pdf)
    first_page = pdf_text(path).split("\f")[0]
    assert "拜访日程" in first_page and "华能电力股份有限公司" in first_page and "香格里拉" in first_page
    previews[0].reject()


def test_an_empty_day_says_there_is_nothing_to_print(make_desk, store, book, previews, monkeypatch):
    desk = make_desk(store)
    page = desk.window.calendar
    page.mode.setCurrentIndex(page.mode.findData("day"))
    page._set_date(date(2026, 11, 25))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page.print_button.click()
    assert told == ["所选范围内没有计划中的拜访"] and previews == []


def test_a_job_runs_off_the_gui_thread_and_cancel_stops_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []

    def endless(progress):
        import threading

        seen.append(threading.current_thread() is threading.main_thread())
        n = 0
        while progress(n, 100):
            n = (n + 1) % 100
            time.sleep(0.005)
        raise jobs.Cancelled()

    # the user presses the progress dialog's Cancel button
    QTimer.singleShot(200, lambda: parent.findChild(QProgressDialog).findChild(QPushButton).click())
    with pytest.raises(jobs.Cancelled):
        jobs.run_job(parent, "working", endless)
    assert seen == [False]

    with pytest.raises(ZeroDivisionError):  # an error of the work reaches the caller
        jobs.run_job(parent, "working", lambda progress: 1 / 0)
    assert jobs.run_job(parent, "working", lambda progress: progress(1, 1) and 42) == 42


def test_cancelling_a_batch_opens_no_preview(make_desk, store, book, previews, monkeypatch):
    desk = make_desk(store)
    monkeypatch.setattr(plan_print, "run_job", lambda *a, **k: (_ for _ in ()).throw(jobs.Cancelled()))
    desk.window.calendar.print_button.click()
    assert previews == []


@pytest.fixture
def no_truetype_font(monkeypatch):
    """A computer without a TrueType Chinese font."""
    from rmdesk.formats import fonts

    monkeypatch.setattr(fonts, "CANDIDATES", ())
    monkeypatch.delenv("RMDESK_PDF_FONT", raising=False)
    fonts.pdf_font.cache_clear()
    yield
    fonts.pdf_font.cache_clear()


def test_without_a_truetype_font_plans_use_the_cid_font_and_settings_say_so(
        no_truetype_font, make_desk, store, book, previews, tmp_path):
    desk = make_desk(store)
    desk.window.calendar.print_button.click()
    path = tmp_path / "cid.pdf"
    path.write_bytes(previews[0].built.pdf)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "STSong-Light" in listing and "+" not in listing  # the CID font, not embedded
    assert "华能电力股份有限公司" in pdf_text(path)  # still real, copyable text
    previews[0].reject()
    desk.window.show_page(desk.window.SETTINGS)
    note = desk.window.settings_page.ui.pdfFontValue.text()
    assert "STSong-Light" in note and "没有找到" in note


def test_settings_name_the_embedded_font(make_desk, store):
    from rmdesk.formats.fonts import pdf_font

    desk = make_desk(store, lang="en")
    desk.window.show_page(desk.window.SETTINGS)
    note = desk.window.settings_page.ui.pdfFontValue.text()
    assert pdf_font().source in note and "embedded" in note
