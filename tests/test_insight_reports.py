"""The insight reports as PDF and XLSX files: the hand-computed figures of test_insights'
book appear in the PDF's text and as numbers in the XLSX cells, in both languages; every
font is embedded; the header carries the RM on every page; masking applies; awkward paths
work, and a folder that cannot take the file gives a clear message and leaves nothing."""

import subprocess
from datetime import date
from decimal import Decimal

import faults
import pytest
from openpyxl import load_workbook
from test_insights import NOV, OCT_NOV, book, run_cli  # noqa: F401 - book is a fixture

from rmdesk import i18n
from rmdesk.errors import RmdeskError
from rmdesk.services import engagement, insight_reports, insights_text, masking, settings
from rmdesk.services.insights import Period

pytestmark = pytest.mark.both_engines

FORECAST = Period(date(2026, 11, 1), date(2027, 1, 31))


def reports(store):
    """Funnel and objections over November, channels over October and November, the
    forecast from November to January, activity over the week of 11-16, coverage November
    (each period as test_insights works it out)."""
    out = insight_reports.compute(store, ["funnel", "objections", "coverage"], NOV)
    out.update(insight_reports.compute(store, ["channels"], OCT_NOV))
    out.update(insight_reports.compute(store, ["forecast"], NOV, FORECAST))
    out.update(insight_reports.compute(store, ["activity"], Period(date(2026, 11, 16), date(2026, 11, 22))))
    return out


@pytest.fixture
def profile(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行", "branch": "滨江支行"})


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def squeeze(text: str) -> str:
    return " ".join(text.split())


# Per language: the money cells (万元 in Chinese, CNY in English) and the words to find.
EXPECTED = {
    "zh_CN": {"business_head": "成交金额（万元）", "referral": "500.00", "dec": "100.00", "dec_w": "25.00",
              "total": "340.00", "total_w": "77.00", "page": "第 1 页 / 共", "win": "成交 1，流失 1，赢单率 50%",
              "step1": "1 · 寻找客户 3 2 67% 3 6.0 7.2 1", "chart": "各步骤停留天数（中位数与 80%）（天）"},
    "en": {"business_head": "Business won (CNY)", "referral": "5,000,000", "dec": "1,000,000", "dec_w": "250,000",
           "total": "3,400,000", "total_w": "770,000", "page": "Page 1 of", "win": "Won 1, lost 1, win rate 50%",
           "step1": "3 2 67% 3 6.0 7.2 1", "chart": "Days spent at each step (median and 80th percentile) (days)"},
}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_pdf_shows_the_hand_computed_figures(store, book, profile, tmp_path, lang):  # noqa: F811
    want = EXPECTED[lang]
    path = tmp_path / "洞察 报告 #1 100%.pdf"
    pages = insight_reports.export(store, reports(store), NOV, path, lang)
    texts = pdf_pages(path)
    assert pages == len(texts) >= 6  # each report starts on a new page
    for n, page in enumerate(texts, start=1):  # the header and the page number on every page
        assert "华夏商业银行 · 滨江支行 · 王小明" in page and "2026-11-01" in page and "2026-11-30" in page
        assert (f"第{n}页/共{pages}页" in page.replace(" ", "")) if lang == "zh_CN" else (f"Page {n} of {pages}" in page)
    whole = squeeze("\n".join(texts))
    assert want["step1"] in whole and want["win"] in whole and want["chart"] in whole
    assert want["business_head"] in whole
    # referral: 2 prospects, 1 qualified, 1 won, 50%, business 5,000,000 yuan
    assert f"2 1 1 50% {want['referral']}" in whole
    # the forecast: December 1 deal of 1,000,000 weighted 25%; total 3 deals 3,400,000 / 770,000
    assert f"2026-12 1 {want['dec']} {want['dec_w']}" in whole
    assert f"3 {want['total']} {want['total_w']}" in whole
    assert "2026-11-16 2 1 1 4 15" in whole  # activity: visits, calls, other, total, goal
    assert "综合成本" in whole and "老周" in whole  # the answer that worked, the referrer
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines), fonts  # the "emb" column
    assert "Helvetica" not in fonts and "Times" not in fonts


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_xlsx_holds_numbers_with_formats_one_sheet_per_report(store, book, profile, tmp_path, lang):  # noqa: F811
    path = tmp_path / "洞察 #1 %.xlsx"
    insight_reports.export(store, reports(store), NOV, path, lang)
    wb = load_workbook(path)
    names = [insight_reports.title(n, lang) for n in insight_reports.REPORTS]
    assert wb.sheetnames == [n[:31] for n in names]
    funnel = wb.worksheets[0]
    assert funnel["A2"].value == "华夏商业银行 · 滨江支行 · 王小明"
    rows = list(funnel.iter_rows(values_only=True))
    step1 = next(r for r in rows if isinstance(r[0], str) and r[0].startswith("1 · "))
    assert step1[1:8] == (3, 2, pytest.approx(2 / 3), 3, 6.0, 7.2, 1)
    cells = next(r for r in funnel.iter_rows() if isinstance(r[0].value, str) and r[0].value.startswith("1 · "))
    assert cells[3].number_format == "0%" and cells[5].number_format == "0.0"
    assert len(funnel._charts) == 3  # entered/moved on, velocity, lost reasons
    channels = wb.worksheets[1]
    referral = next(r for r in channels.iter_rows() if r[0].value == insights_text.channel_name("referral", lang))
    business = referral[5]
    assert business.value == (Decimal("500.00") if lang == "zh_CN" else Decimal("5000000"))
    assert business.number_format == ("#,##0.00" if lang == "zh_CN" else "#,##0")
    assert [c.value for c in referral[1:4]] == [2, 1, 1] and referral[4].value == 0.5
    forecast = wb.worksheets[3]
    december = next(r for r in forecast.iter_rows(values_only=True) if r[0] == "2026-12")
    assert december[:4] == (("2026-12", 1, Decimal("100.00"), Decimal("25.00")) if lang == "zh_CN"
                             else ("2026-12", 1, Decimal("1000000"), Decimal("250000")))
    activity = wb.worksheets[4]
    week = next(r for r in activity.iter_rows(values_only=True) if r[0] == "2026-11-16")
    assert week[:6] == ("2026-11-16", 2, 1, 1, 4, 15)
    assert all(ws._charts for ws in wb.worksheets)


def test_masking_applies_to_the_written_answers_and_referrers(store, book, profile, tmp_path):  # noqa: F811
    from test_insights import on

    with on(11, 12):
        engagement.log_objection(store, book["D"], "price", "太贵", answer="请回电 13812345678 或 a.b@example.com")
    masking.set_enabled(store, True)
    path = tmp_path / "masked.pdf"
    insight_reports.export(store, reports(store), NOV, path, "zh_CN")
    whole = squeeze("\n".join(pdf_pages(path)))
    assert "138****5678" in whole and "a***@example.com" in whole
    assert "13812345678" not in whole and "a.b@example.com" not in whole
    masking.set_enabled(store, False)
    insight_reports.export(store, reports(store), NOV, path, "zh_CN")
    assert "13812345678" in squeeze("\n".join(pdf_pages(path)))


@pytest.mark.sqlite_only  # the files, not the database
@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_a_folder_that_cannot_take_the_file_leaves_nothing(store, book, tmp_path, suffix):  # noqa: F811
    data = reports(store)
    target = tmp_path / "out"
    target.mkdir()
    with faults.read_only(target) as folder:
        with pytest.raises(RmdeskError) as caught:
            insight_reports.export(store, data, NOV, folder / f"报告.{suffix}", "zh_CN")
        assert "报告" in caught.value.message("zh_CN") and "无法写入" in caught.value.message("zh_CN")
    assert list(target.iterdir()) == []
    with faults.small_disk("64k") as small:
        if small is None:
            pytest.skip("no tmpfs (not root)")
        faults.fill(small, leave=4096)
        with pytest.raises(RmdeskError) as caught:
            insight_reports.export(store, data, NOV, small / f"full.{suffix}", "en")
        assert "full" in caught.value.message("en")
        assert sorted(p.name for p in small.iterdir()) == ["ballast"]
    with pytest.raises(RmdeskError) as caught:
        insight_reports.export(store, data, NOV, tmp_path / "report.txt", "en")
    assert ".pdf or .xlsx" in caught.value.message("en")


@pytest.mark.sqlite_only  # the command reads the local book in data_dir
def test_cli_writes_each_insight_report(store, book, profile, data_dir, capsys, tmp_path):  # noqa: F811
    import json

    store.close()
    for name in insight_reports.REPORTS:
        out_file = tmp_path / f"{name} #1 %.pdf"
        code, out, err = run_cli(capsys, data_dir, "report", name, "--from", "2026-11-01", "--to", "2026-11-30",
                                 "--lang", "en", "-o", str(out_file))
        assert code == 0 and err == "" and str(out_file) in out and "page(s)" in out
        assert pdf_pages(out_file)
    code, out, _ = run_cli(capsys, data_dir, "report", "channels", "--from", "2026-10-01", "--to", "2026-11-30",
                           "-o", str(tmp_path / "渠道.xlsx"), "--lang", "zh_CN")
    assert code == 0 and "行" in out
    code, out, _ = run_cli(capsys, data_dir, "report", "forecast", "--from", "2026-11-01", "--to", "2027-01-31",
                           "--format", "json")
    data = json.loads(out)
    assert data["months"][1] == {"month": "2026-12", "deals": 1, "amount": "1000000.00", "weighted": "250000.00"}
    assert data["weighted"] == "770000.00" and data["months"][-1]["month"] is None
    code, out, _ = run_cli(capsys, data_dir, "report", "activity", "--from", "2026-11-16", "--to", "2026-11-22",
                           "--format", "json")
    assert json.loads(out)["weeks"] == [{"week_of": "2026-11-16", "visits": 2, "calls": 1, "other": 1, "total": 4,
                                        "goal": 15}]
    code, out, _ = run_cli(capsys, data_dir, "report", "coverage", "--from", "2026-11-01", "--to", "2026-11-30",
                           "--lang", "en")
    assert code == 0 and "Coverage per tier" in out
    code, _, err = run_cli(capsys, data_dir, "report", "funnel", "-o", str(tmp_path / "x.txt"))
    assert code == 1 and err.count("\n") == 1 and not (tmp_path / "x.txt").exists()


def test_pdf_layout_tells_its_progress_and_stops_on_cancel(store, book):  # noqa: F811
    from rmdesk.formats.callplan_pdf import PrintCancelled

    data, told = reports(store), []
    pdf, pages = insight_reports.pdf_bytes(store, data, NOV, "en", lambda done, total: told.append((done, total)) or True)
    assert pdf.startswith(b"%PDF") and pages >= 6 and told and told[-1][0] == told[-1][1]
    assert [d for d, _t in told] == sorted(d for d, _t in told)
    with pytest.raises(PrintCancelled):
        insight_reports.pdf_bytes(store, data, NOV, "en", lambda done, total: done < 3)


@pytest.mark.sqlite_only  # the writing is the same on both; a forked child keeps no server connection
def test_sigkill_while_writing_leaves_the_old_file_or_a_whole_new_one(store, book, tmp_path):  # noqa: F811
    doc = insight_reports.document(store, reports(store), NOV, "zh_CN")
    name = "报告 #1 %.pdf"

    def write(folder):
        insight_reports.write(doc, folder / name)

    target = tmp_path / name
    took = faults.measure(write, tmp_path)
    assert target.read_bytes().startswith(b"%PDF")
    landed = 0
    for i in range(6):
        target.write_bytes(b"the old report")
        landed += faults.kill_once(write, tmp_path, took * i / 6)
        data = target.read_bytes()
        assert data == b"the old report" or (data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"))
    assert landed  # some kills came mid-write


def test_an_empty_book_and_hostile_text(store, tmp_path):
    from rmdesk.services import clients

    empty = insight_reports.compute(store, insight_reports.REPORTS, NOV, FORECAST)
    for lang in ("zh_CN", "en"):
        assert insight_reports.export(store, empty, NOV, tmp_path / f"empty-{lang}.pdf", lang) >= 6
        insight_reports.export(store, empty, NOV, tmp_path / f"empty-{lang}.xlsx", lang)
    assert i18n.message("report.nothing", "en") in squeeze("\n".join(pdf_pages(tmp_path / "empty-en.pdf")))
    # a referrer written as a formula and as markup: text in the PDF, never a formula in the XLSX
    clients.create_client(store, {"name": "<b>甲</b> & 乙", "source_channel": "referral", "referrer": "=1+2"})
    data = insight_reports.compute(store, ["channels"], NOV)
    insight_reports.export(store, data, NOV, tmp_path / "hostile.pdf", "en")
    insight_reports.export(store, data, NOV, tmp_path / "hostile.xlsx", "en")
    assert "<b>甲</b> & 乙" in squeeze("\n".join(pdf_pages(tmp_path / "hostile.pdf")))
    cells = [c.value for row in load_workbook(tmp_path / "hostile.xlsx").worksheets[0].iter_rows() for c in row]
    assert "'=1+2" in cells and "=1+2" not in cells


def test_the_work_report_pdf_embeds_every_font_too(store, book, profile, tmp_path):  # noqa: F811
    """The writer the insight reports share with the work reports starts each page and table
    in the embedded font (before, a table referenced Helvetica, not embedded)."""
    from rmdesk.services import workreports

    path = tmp_path / "周报 #47.pdf"
    workreports.export(store, "weekly", "2026-W47", str(path), "zh_CN")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all(line.split()[-5] == "yes" for line in lines) and "Helvetica" not in fonts, fonts


def _referral(referrer, cid, business="0", day=1):
    from rmdesk.services.insights import Referral

    return Referral(referrer, cid, f"客户{cid}", date(2026, 11, day), 1, "active", Decimal(business))


def test_the_pdf_ledger_keeps_the_best_agents_and_their_biggest_referrals():
    """_ledger_lines by hand, with the real caps (20 agents, 10 clients each): 甲 referred 12
    clients (the 11th brought 800, the 12th 900), 24 more agents one client each."""
    from rmdesk.services.insights import ChannelReport, YieldLine

    ledger = [_referral("甲", i, "800" if i == 11 else "900" if i == 12 else "0", day=i) for i in range(1, 13)]
    ledger += [_referral(f"介绍人{n:02d}", 100 + n) for n in range(24)]
    refs = [YieldLine("甲", 12, 0, 0, Decimal("1700"))] + [YieldLine(f"介绍人{n:02d}", 1, 0, 0, Decimal(0))
                                                          for n in range(24)]
    report = ChannelReport(NOV, [], refs, ledger, YieldLine("total", 36, 0, 0, Decimal(0)))
    shown, rest, agents = insight_reports._ledger_lines(report, capped=True)
    # 甲's ten: the two with business and the eight first referred (1..8), in the ledger's order
    assert [x.client_id for x in shown[:10]] == [1, 2, 3, 4, 5, 6, 7, 8, 11, 12]
    assert [x.referrer for x in shown[10:]] == [f"介绍人{n:02d}" for n in range(19)]  # the next 19 agents
    assert (rest, agents) == (2 + 5, 5)
    assert insight_reports._ledger_lines(report, capped=False) == (ledger, 0, 0)
    few = ChannelReport(NOV, [], refs[:2], ledger[:13], refs[0])  # 甲 and one more: every agent shown
    assert insight_reports._ledger_lines(few, capped=True)[1:] == (2, 0)
    assert i18n.message("insight.ledger_capped", "en", per=10, rest=1, agents=20, more=0) == (
        "Up to 10 clients are listed per agent (the most business first); 1 more referred client is left out: "
        "the XLSX export has the full ledger.")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_referral_ledger_is_capped_in_the_pdf_and_whole_in_the_xlsx(store, profile, tmp_path, lang):
    from test_insights import on

    from rmdesk.services import clients

    with on(11, 3):
        for i in range(14):
            clients.create_client(store, {"name": f"甲荐客户{i:02d}", "source_channel": "referral", "referrer": "老甲"})
        for n in range(22):
            clients.create_client(store, {"name": f"单荐客户{n:02d}", "source_channel": "referral",
                                          "referrer": f"介绍人{n:02d}"})
    data = insight_reports.compute(store, ["channels"], NOV)
    assert len(data["channels"].ledger) == 36
    pdf = tmp_path / "台账 #1.pdf"
    insight_reports.export(store, data, NOV, pdf, lang)
    whole = squeeze("\n".join(pdf_pages(pdf)))
    assert sum(f"甲荐客户{i:02d}" in whole for i in range(14)) == 10
    assert sum(f"单荐客户{n:02d}" in whole for n in range(22)) == 19  # 20 agents: 老甲 and the first 19
    rest = ("本表只列产出最高的 20 位介绍人，每人最多 10 位客户（成交金额最高的优先）；另有 7 位被介绍客户未列出（含 3 位介绍人的全部客户），"
            "完整台账见 XLSX 导出。") if lang == "zh_CN" else (
        "Only the 20 agents with the best yield are listed, with up to 10 clients each (the most business first); "
        "7 more referred clients are left out (3 agents are not listed at all): the XLSX export has the "
        "full ledger.")
    assert squeeze(rest).replace(" ", "") in whole.replace(" ", "")
    xlsx = tmp_path / "台账 #1.xlsx"
    insight_reports.export(store, data, NOV, xlsx, lang)
    cells = [c for row in load_workbook(xlsx).worksheets[0].iter_rows(values_only=True) for c in row]
    assert sum(1 for c in cells if isinstance(c, str) and c.startswith(("甲荐客户", "单荐客户"))) == 36
    assert not any(isinstance(c, str) and "XLSX" in c for c in cells)
