"""Work reports: periods, drafts, submission with frozen figures, versions after submission,
the generated daily log against a hand-built day, and the PDF/XLSX files."""

import subprocess
from datetime import date, datetime

import pytest

from rmdesk import clock
from rmdesk.cli import main
from rmdesk.errors import ValidationError
from rmdesk.services import clients, engagement, maintenance, masking, pipeline, settings, visits, workreports

NOW = datetime(2026, 11, 23, 9, 30)


def at(hour, minute=0, day=23):
    clock.pin(datetime(2026, 11, day, hour, minute))


@pytest.fixture
def day_book(store):
    """Monday 2026-11-23: a held visit at 10:00 with a next step, a call at 11:00, an on-site
    maintenance contact, a task done, a move 1 -> 2 and a won deal."""
    settings.save_profile(store, {"rm_name": "张伟", "bank": "示例银行", "branch": "高新区支行"})
    at(8)
    a = clients.create_client(store, {"name": "华能电力有限公司"})
    b = clients.create_client(store, {"name": "恒达商贸有限公司"})
    vid = visits.plan_visit(store, a, {"planned_at": datetime(2026, 11, 23, 10), "kind": "onsite"})
    call = visits.plan_visit(store, b, {"planned_at": datetime(2026, 11, 23, 11), "kind": "phone"})
    at(12)
    visits.record_report(store, vid, "财务总监认可现金管理方案，联系电话 13812345678", needs="资金归集",
                         next_steps=[{"title": "提交方案", "due_date": "2026-11-30"}],
                         objections=[{"type": "price", "words": "贵", "answer": "看综合成本"}])
    visits.record_report(store, call, "约好下周见面")
    at(14)
    maintenance.log_contact(store, b, "onsite", note="节前走访")
    task = visits.open_tasks(store)[0]
    visits.complete_task(store, task.id)
    pipeline.move_to_step(store, a, 2, reason="test")
    deal = engagement.create_deal(store, b, "deposits", "2000000")
    engagement.close_deal(store, deal, won=True)
    clock.pin(NOW)
    return {"a": a, "b": b}


def test_periods():
    assert workreports.period_key("daily", date(2026, 11, 23)) == "2026-11-23"
    assert workreports.period_key("weekly", date(2026, 11, 29)) == "2026-W48"
    assert workreports.period_key("weekly", date(2027, 1, 1)) == "2026-W53"
    assert workreports.period_key("monthly", date(2026, 11, 23)) == "2026-11"
    p = workreports.period_range("weekly", "2026-W48")
    assert (p.start, p.end) == (date(2026, 11, 23), date(2026, 11, 29))
    p = workreports.period_range("monthly", "2026-02")
    assert (p.start, p.end) == (date(2026, 2, 1), date(2026, 2, 28))
    for kind, bad in (("weekly", "2026-W54"), ("weekly", "2026-48"), ("monthly", "2026-13"), ("daily", "2026-02-30")):
        with pytest.raises(ValidationError):
            workreports.period_range(kind, bad)
    with pytest.raises(ValidationError):
        workreports.period_key("daily", week="2026-W48")


def test_daily_log_is_built_from_the_day(store, day_book):
    sections = {s.title: s for s in workreports.generate(store, "daily", "2026-11-23", "en")}
    held = sections["Visits held, with their reports"].rows
    assert held == [["10:00", "华能电力有限公司", "On-site", "财务总监认可现金管理方案，联系电话 13812345678", "资金归集", ""]]
    assert [r[:2] for r in sections["Calls"].rows] == [["11:00", "恒达商贸有限公司"]]
    assert sections["Maintenance contacts"].rows == [["14:00", "恒达商贸有限公司", "On-site visit", "节前走访"]]
    assert sections["Tasks done"].rows == [["14:00", "华能电力有限公司", "提交方案"]]
    assert sections["Tasks created"].rows == [["2026-11-30", "华能电力有限公司", "提交方案"]]
    assert [r[1:3] for r in sections["Step moves"].rows] == [["华能电力有限公司", "1 → 2"]]
    deals = sections["Deals won, lost and opened"].rows
    assert len(deals) == 1 and (deals[0][0], deals[0][3]) == ("恒达商贸有限公司", "Won") and "2,000,000" in deals[0][2]
    assert sections["Objections logged"].rows == [["华能电力有限公司", "Price / rate", "看综合成本", "no"]]
    # The day before has nothing.
    before = workreports.generate(store, "daily", "2026-11-22", "en")
    assert all(not s.rows for s in before)


def test_weekly_summary_counts_activity_against_goal(store, day_book):
    sections = workreports.generate(store, "weekly", "2026-W48", "en")
    activity = sections[0]
    # A visit and an on-site contact, one call; goal 3 a day x 5 working days.
    assert activity.rows == [["2", "1", "0", "3", "15"]]
    prospects = sections[1]
    assert prospects.rows == [["No channel", "2", "1", "0"]]


def test_draft_submit_and_versions(store, day_book):
    view = workreports.get(store, "weekly", "2026-W48")
    assert (view.version, view.status, view.editable) == (0, "new", True)
    view = workreports.save_draft(store, "weekly", "2026-W48", notes="本周重点：华能", plan="下周拜访恒达")
    assert (view.version, view.status, view.notes) == (1, "draft", "本周重点：华能")
    view = workreports.save_draft(store, "weekly", "2026-W48", notes="本周重点：华能电力", plan="下周拜访恒达")
    assert view.version == 1 and len(view.versions) == 1
    view = workreports.submit(store, "weekly", "2026-W48", notes="本周重点：华能电力", plan="下周拜访恒达")
    assert view.status == "submitted" and view.submitted_at == NOW and not view.editable
    with pytest.raises(ValidationError) as err:
        workreports.save_draft(store, "weekly", "2026-W48", notes="偷偷改")
    assert err.value.key == "error.report_submitted"
    with pytest.raises(ValidationError):
        workreports.submit(store, "weekly", "2026-W48")
    with pytest.raises(ValidationError):
        workreports.amend(store, "weekly", "2026-W48", "  ", notes="改")
    # The figures are frozen: a visit recorded later does not change the submitted version...
    at(15)
    late = visits.plan_visit(store, day_book["a"], {"planned_at": datetime(2026, 11, 24, 10)})
    clock.pin(datetime(2026, 11, 24, 15))  # a call report is filed once the visit has taken place
    visits.record_report(store, late, "补录")
    clock.pin(NOW)
    frozen = workreports.document(store, "weekly", "2026-W48", "en")
    assert frozen.sections[0].rows == [["2", "1", "0", "3", "15"]]
    # ... an amendment with a reason is a new version with the figures of now.
    view = workreports.amend(store, "weekly", "2026-W48", "补录周二拜访", notes="本周重点：华能电力（补）",
                             plan="下周拜访恒达")
    assert (view.version, view.status, view.change_reason) == (2, "submitted", "补录周二拜访")
    assert [x.version for x in view.versions] == [1, 2]
    assert workreports.document(store, "weekly", "2026-W48", "en").sections[0].rows == [["3", "1", "0", "4", "15"]]
    old = workreports.get(store, "weekly", "2026-W48", version=1)
    assert old.notes == "本周重点：华能电力" and old.version == 1
    assert workreports.document(store, "weekly", "2026-W48", "zh_CN", version=1).sections[0].rows[0][3] == "3"
    assert [(r.kind, r.period, r.version) for r in workreports.recent(store)] == [("weekly", "2026-W48", 2)]


def test_monthly_observations(store, day_book):
    view = workreports.save_draft(store, "monthly", "2026-11", observations=[
        {"industry": "power", "district": "高新区", "text": "新能源项目融资需求旺盛"}, {"text": ""}])
    assert [(o.industry, o.district) for o in view.observations] == [("power", "高新区")]
    with pytest.raises(ValidationError):
        workreports.save_draft(store, "monthly", "2026-11", observations=[{"industry": "candy", "text": "x"}])
    doc = workreports.document(store, "monthly", "2026-11", "zh_CN")
    assert doc.texts[-1].text == "电力 · 高新区：新能源项目融资需求旺盛"


def _pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_pdf_and_xlsx_files(store, day_book, tmp_path):
    from openpyxl import load_workbook

    workreports.save_draft(store, "daily", "2026-11-23", notes="客户邮箱 zhang@example.cn", plan="=SUM(A1)")
    folder = tmp_path / "报告 #?%"
    folder.mkdir()
    pdf = folder / "日志 1.pdf"
    pages = workreports.export(store, "daily", "2026-11-23", str(pdf), "zh_CN")
    text = _pdf_text(pdf)
    assert pages >= 1 and "工作日志" in text and "张伟" in text and "高新区支行" in text and "2026-11-23" in text
    assert f"第1页/共{pages}页" in text.replace(" ", "") and "13812345678" in text and "华能电力有限公司" in text
    assert "明日计划" in text and list(folder.iterdir()) == [pdf]
    masking.set_enabled(store, True)
    workreports.export(store, "daily", "2026-11-23", str(pdf), "en")
    text = _pdf_text(pdf)
    assert "138****5678" in text and "13812345678" not in text and "z***@example.cn" in text
    assert "Daily work log" in text and "Page 1 of" in text
    xlsx = folder / "周报.xlsx"
    workreports.export(store, "daily", "2026-11-23", str(xlsx), "en")
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c]
    assert "Daily work log" in cells and "'=SUM(A1)" in cells and "示例银行 · 高新区支行 · 张伟" in cells
    with pytest.raises(ValidationError):
        workreports.export(store, "daily", "2026-11-23", str(folder / "x.doc"), "en")
    with pytest.raises(ValidationError):
        workreports.export(store, "daily", "2026-11-23", str(tmp_path / "missing" / "x.pdf"), "en")


def test_cli_work_reports(store, day_book, data_dir, tmp_path, capsys):
    store.close()
    out = tmp_path / "w.pdf"
    assert main(["report", "weekly", "--week", "2026-W48", "-o", str(out), "--data-dir", str(data_dir)]) == 0
    assert "工作周报" in _pdf_text(out) or "Weekly summary" in _pdf_text(out)
    assert main(["report", "monthly", "--month", "2026-11", "-o", str(tmp_path / "m.xlsx"),
                 "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["report", "daily", "--date", "2026-11-23", "-o", str(tmp_path / "d.pdf"), "--lang", "zh_CN",
                 "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.strip() == f"{tmp_path / 'd.pdf'}: 工作日志 2026-11-23, 草稿（未提交）, 共 1 页"
    assert main(["report", "weekly", "--week", "2026-W48", "-o", str(out), "--lang", "en",
                 "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.strip().startswith(f"{out}: Weekly summary 2026-W48, Draft (not submitted), ")
    assert main(["report", "monthly", "--month", "2026-13", "-o", str(out), "--data-dir", str(data_dir)]) == 1
    assert main(["report", "daily", "--week", "2026-W48", "-o", str(out), "--data-dir", str(data_dir)]) == 2
    assert main(["report", "daily", "-o", str(tmp_path / "x.txt"), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 3
