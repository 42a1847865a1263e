"""The lead's review in the GUI (team mode, a real PostgreSQL server): the lead's Reports page
lists the team's submitted reports, opens one read-only with its comments, comments and
signs off; the RM sees the comments and the sign-off in their own editor. pytest-qt offscreen;
RMDESK_SHOTS=folder saves screenshots."""

import os

import pytest
from test_workreport_review import WEEK, team  # noqa: F401 - the fixture: two RMs and two leads

from rmdesk.services import workreport_review as review
from rmdesk.services import workreports

SHOTS = os.environ.get("RMDESK_SHOTS")
LANGS = ["zh_CN", "en"] if SHOTS else ["zh_CN"]  # screenshots in both languages


def _shot(widget, name, lang):
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, f"{name}-{lang}.png"))


@pytest.mark.postgresql
@pytest.mark.parametrize("lang", LANGS)
def test_a_lead_reviews_and_signs_off_and_the_rm_sees_it(team, qtbot, lang, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from rmdesk.gui import translation
    from rmdesk.gui.pages.reports import ReportsPage
    from rmdesk.gui.pages.workreport_editor import WorkReportPanel

    translation.install(lang)

    url, logins, sign_in, store = team
    a, b, lead = store("a"), store("b"), store("lead")
    v1 = workreports.submit(a, "weekly", WEEK, notes="本周拜访华能电力、长城汽车", plan="下周递交授信方案")
    workreports.submit(b, "weekly", WEEK, notes="B 的周报")
    workreports.save_draft(b, "daily", "2026-11-23", notes="草稿")

    page = ReportsPage(lead)
    qtbot.addWidget(page)
    assert page.tabs.count() == 4 and page.team_review is not None
    page.resize(1200, 800)
    page.show()
    page.tabs.setCurrentIndex(page.TEAM)
    panel = page.team_review
    assert panel.table.rowCount() == 2  # both RMs' submitted reports, not B's draft
    assert sorted(panel.table.item(r, 0).text() for r in range(2)) == ["李娜", "王强"]
    panel.status.setCurrentIndex(panel.status.findData(None))
    assert panel.table.rowCount() == 2
    _shot(page, "review-list", lang)

    dialog = panel.dialog_for(v1.id)
    qtbot.addWidget(dialog)
    assert "本周拜访华能电力" in dialog.body.toPlainText() and "王强" in dialog.windowTitle()
    assert dialog.sign_button.isEnabled()
    dialog.review.entry.setPlainText("华能的授信进度请在周三前补充")
    assert dialog.review.add_comment()
    assert "华能的授信进度请在周三前补充" in dialog.review.thread.toPlainText()
    assert dialog.sign_off()
    assert dialog.view.status == "signed_off" and not dialog.sign_button.isEnabled()
    assert "张经理" in dialog.review.state.text()
    dialog.show()
    _shot(dialog, "review-dialog", lang)
    dialog.close()
    panel.status.setCurrentIndex(panel.status.findData("submitted"))
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == ["李娜"]
    # B hands in the daily log: the team's change reaches the lead's list
    workreports.submit(b, "daily", "2026-11-23", notes="今日拜访 2 家")
    page.team_changed({"clients"})
    assert panel.table.rowCount() == 1
    page.team_changed({"work_reports"})
    assert panel.table.rowCount() == 2
    # Sign off asks first; No leaves it as it is
    second = panel.dialog_for(panel.rows[0].id)
    qtbot.addWidget(second)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not second.confirm_sign_off() and second.view.status == "submitted"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert second.confirm_sign_off() and second.view.status == "signed_off"
    second.close()

    # an RM has no Team's reports tab; A sees the lead's comment and the sign-off in the editor
    rm_page = ReportsPage(a)
    qtbot.addWidget(rm_page)
    assert rm_page.tabs.count() == 3 and rm_page.team_review is None
    editor = WorkReportPanel(a)
    qtbot.addWidget(editor)
    editor.kind.setCurrentIndex(editor.kind.findData("weekly"))
    editor.load()
    qtbot.waitUntil(lambda: editor.job is None, timeout=20000)
    assert editor.review_box.isVisibleTo(editor)
    assert "张经理" in editor.status.text() and "华能的授信进度请在周三前补充" in editor.review_box.thread.toPlainText()
    assert editor.amend_button.isEnabled() and not editor.submit_button.isEnabled()
    editor.review_box.entry.setPlainText("好的，周三前补充")  # the RM answers
    assert editor.review_box.add_comment()
    assert [c.author_name for c in workreports.get(a, "weekly", WEEK).comments] == ["张经理", "王强"]
    listing = editor.versions_dialog()  # Earlier versions… names who signed off
    assert "张经理" in listing.table.item(0, 1).text()
    listing.deleteLater()
    editor.resize(1100, 1300)
    editor.show()
    qtbot.waitUntil(lambda: editor.job is None, timeout=20000)
    _shot(editor, "review-editor", lang)
    assert [r.comments for r in review.team_reports(lead, status="signed_off", rm=logins["a"])] == [2]
    pdf, pages = review.pdf_bytes(lead, v1.id, lang)  # the lead's print: status, sign-off, comments
    assert pdf.startswith(b"%PDF") and pages >= 1
    if SHOTS:
        with open(os.path.join(SHOTS, f"review-{lang}.pdf"), "wb") as fh:
            fh.write(pdf)


def test_on_a_single_laptop_the_editor_shows_no_review_and_no_team_tab(store, qtbot):
    from rmdesk.gui.pages.reports import ReportsPage

    workreports.submit(store, "weekly", WEEK, notes="本周")
    page = ReportsPage(store)
    qtbot.addWidget(page)
    assert page.tabs.count() == 3 and page.team_review is None
    page.work.kind.setCurrentIndex(page.work.kind.findData("weekly"))
    page.work.load()
    qtbot.waitUntil(lambda: page.work.job is None, timeout=20000)
    assert not page.work.review_box.isVisibleTo(page.work)
    assert "team mode only" in page.work.status.text()  # the lead reviews the exported file
