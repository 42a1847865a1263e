"""Printed call plans (PDF), the agenda and the calendar export."""

import subprocess
from datetime import date, datetime

import pytest
from icalendar import Calendar

from rmdesk.cli import main
from rmdesk.formats import fonts
from rmdesk.formats.callplan_pdf import PrintCancelled, render_plans
from rmdesk.formats.ics import uid
from rmdesk.playbook import loader
from rmdesk.services import clients, engagement, pipeline, settings, visits
from rmdesk.services.calendar_export import export_calendar
from rmdesk.services.callplan import plan_for_visit, plans_between
from rmdesk.services.settings import get_book_id

pytestmark = pytest.mark.both_engines

MONDAY = date(2026, 11, 23)


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture
def prepared(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行", "branch": "滨江支行",
                                  "phone": "13912345678"})
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司", "industry": "machinery",
                                        "address": "渝北区金开大道 88 号"})
    pipeline.move_to_step(store, cid, 3, reason="test")
    clerk = clients.add_contact(store, cid, {"name": "刘会计", "decision_power": "informs"})
    boss = clients.add_contact(store, cid, {"name": "欧阳总", "title": "总经理", "decision_power": "decides",
                                            "phone": "13800001111"})
    engagement.add_need(store, cid, "financing", "旺季资金缺口", confirmed=True)
    engagement.log_objection(store, cid, "price", "你们的利率比建行高半个点", "算综合成本：结算免费、审批快")
    v1 = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "contact_id": boss, "kind": "onsite"})
    other = clients.create_client(store, {"name": "Acme Trading (HK) Ltd"})
    v2 = visits.plan_visit(store, other, {"planned_at": "2026-11-25 15:00", "kind": "meal", "place": "香格里拉"})
    return cid, v1, v2, clerk


def test_plan_data_puts_the_counterpart_and_open_objections_first(store, prepared):
    cid, v1, _, clerk = prepared
    plan = plan_for_visit(store, v1, "zh_CN")
    assert plan.people[0].name == "欧阳总" and plan.people[0].is_counterpart
    assert plan.objections[0].words == "你们的利率比建行高半个点" and plan.objections[0].logged
    assert plan.objections[0].answer == "算综合成本：结算免费、审批快"
    assert all(o.answer for o in plan.objections) and len(plan.objections) >= 2
    assert plan.products == ["流动资金贷款"]  # from the confirmed financing need
    assert "名片" in plan.materials and plan.profile.bank == "华夏商业银行"
    # no agenda typed in: the meeting agenda of the client's step (3) from the playbook
    assert plan.agenda == list(loader.load("zh_CN").step(3).agenda) and len(plan.agenda) >= 3


def test_pdf_has_every_string_and_one_plan_per_page_start(store, prepared, tmp_path):
    plans = plans_between(store, MONDAY, 7, "zh_CN")
    assert [p.client_name for p in plans] == ["重庆长安精密机械有限公司", "Acme Trading (HK) Ltd"]
    path = tmp_path / "week.pdf"
    pages = render_plans(plans, path, "zh_CN", cover_agenda=True)
    texts = pdf_pages(path)
    assert len(texts) == pages >= 3
    everything = "\n".join(texts).replace(" ", "")
    for plan in plans:
        assert plan.client_name.replace(" ", "") in everything
        for person in plan.people:
            assert person.name in everything
        for o in plan.objections:
            assert o.words.replace(" ", "") in everything
            assert o.answer.replace(" ", "")[:20] in everything
    starts = [i for i, t in enumerate(texts) if "拜访计划 —" in t]
    assert len(starts) == 2 and starts[0] == 1  # the cover agenda is page 1
    for i in starts:  # each plan starts a page: bank header, then the title
        lines = [line.strip() for line in texts[i].splitlines() if line.strip()]
        assert lines[0].startswith("华夏商业银行") and lines[1].startswith("拜访计划 —")
    assert f"第 1/{pages} 页" in texts[0] and "内部资料" in texts[-1]


def test_pdf_embeds_a_subset_of_a_truetype_cjk_font(store, prepared, tmp_path):
    path = tmp_path / "one.pdf"
    render_plans([plan_for_visit(store, prepared[1], "en")], path, "en")
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    font = fonts.pdf_font()
    assert font.embedded
    cjk = [line for line in listing.splitlines() if "+" in line and "TrueType" in line]
    assert cjk and all(" yes yes " in line for line in cjk)
    every = listing.splitlines()[2:]
    assert every and all(line.split()[-5] == "yes" for line in every), listing  # no font left to the reader
    assert "Call plan — 重庆长安精密机械有限公司" in pdf_pages(path)[0]


def test_font_candidates_need_cjk_and_latin():
    import glob

    wqy = glob.glob("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    droid = glob.glob("/usr/share/fonts/truetype/droid/DroidSansFallback*.ttf")
    if wqy:
        assert fonts._usable(wqy[0])
    for path in droid:  # no Latin glyphs in the plain fallback font
        if "Full" not in path:
            assert not fonts._usable(path)
    assert not fonts._usable(__file__)


def test_cancelling_a_batch_writes_nothing(store, prepared, tmp_path):
    path = tmp_path / "cancelled.pdf"
    with pytest.raises(PrintCancelled):
        render_plans(plans_between(store, MONDAY, 7, "en"), path, "en", True, progress=lambda done, total: done < 1)
    assert not path.exists()


def test_the_layout_progress_keeps_its_total_and_only_goes_forward(store, prepared):
    import io

    seen: list[tuple[int, int]] = []
    render_plans(plans_between(store, MONDAY, 7, "en"), io.BytesIO(), "en", True,
                 progress=lambda done, total: seen.append((done, total)) or True)
    assert len(seen) > 3
    assert len({total for _, total in seen}) == 1  # one total for the whole bar
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == seen[0][1]  # forward only, ending full


def test_ics_round_trip_with_stable_uids(store, prepared):
    _, v1, v2, _ = prepared
    first = Calendar.from_ical(export_calendar(store, MONDAY, date(2026, 11, 30), "zh_CN"))
    events = {e["UID"]: e for e in first.walk("VEVENT")}
    book = get_book_id(store)
    assert set(events) == {uid(v1, book), uid(v2, book)}
    e1 = events[uid(v1, book)]
    assert e1.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 24, 9, 0)
    assert str(e1.decoded("DTSTART").tzinfo) in ("Asia/Shanghai", "CST") or e1["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert (e1.decoded("DTEND") - e1.decoded("DTSTART")).seconds == 3600
    assert str(e1["SUMMARY"]).startswith("重庆长安精密机械有限公司") and "欧阳总" in str(e1["DESCRIPTION"])
    assert first.walk("VTIMEZONE")
    visits.reschedule_visit(store, v1, "2026-11-26 10:00", "客户出差")
    again = {e["UID"]: e for e in Calendar.from_ical(
        export_calendar(store, MONDAY, date(2026, 11, 30))).walk("VEVENT")}
    assert set(again) == set(events)  # same UIDs: a re-import updates
    assert again[uid(v1, book)]["SEQUENCE"] > e1["SEQUENCE"]
    assert again[uid(v1, book)].decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 26, 10, 0)


def test_cli_agenda_plan_print_and_calendar_export(store, prepared, tmp_path, capsys, cli_base):
    store.close()
    base = [*cli_base, "--lang", "zh_CN"]
    assert main([*base, "agenda", "--date", "2026-11-23", "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-24" in out and "09:00  重庆长安精密机械有限公司" in out and "香格里拉" in out
    assert main([*base, "agenda", "--date", "2030-01-07", "--days", "3"]) == 0  # nothing planned: said so
    assert capsys.readouterr().out.strip() == "2030-01-07 起 3 天内没有计划的拜访"
    assert main([*cli_base, "--lang", "en", "agenda", "--date", "2030-01-07"]) == 0
    assert capsys.readouterr().out.strip() == "No visits are planned on 2030-01-07."
    pdf = tmp_path / "week.pdf"
    assert main([*base, "plan", "print", "--date", "2026-11-23", "--days", "7", "-o", str(pdf)]) == 0
    pages = len(pdf_pages(pdf))
    assert capsys.readouterr().out.strip() == f"{pdf}: 2 份拜访计划，共 {pages} 页" and pages >= 3
    assert main([*cli_base, "--lang", "en", "plan", "print", "--date", "2026-11-23", "--days", "7", "-o", str(pdf)]) == 0
    assert capsys.readouterr().out.strip() == f"{pdf}: 2 plans, {len(pdf_pages(pdf))} pages"  # plurals, no "(s)"
    one = tmp_path / "one.pdf"
    assert main([*base, "plan", "print", "--visit", str(prepared[1]), "-o", str(one)]) == 0
    assert "Acme" not in "".join(pdf_pages(one))
    assert capsys.readouterr().out.strip().startswith(f"{one}: 1 份拜访计划，共 ")
    assert main([*cli_base, "--lang", "en", "plan", "print", "--visit", str(prepared[1]), "-o", str(one)]) == 0
    assert capsys.readouterr().out.strip() == f"{one}: 1 plan, {len(pdf_pages(one))} page" + (
        "s" if len(pdf_pages(one)) > 1 else "")
    assert main([*base, "plan", "print", "--visit", "999", "-o", str(one)]) == 1
    assert "找不到拜访" in capsys.readouterr().err
    assert main([*base, "plan", "print", "--date", "2027-01-01", "-o", str(one)]) == 1
    assert main([*base, "plan", "print", "-o", str(one)]) == 2
    assert main([*base, "plan", "print", "--date", "2026-13-01", "-o", str(one)]) == 2
    ics = tmp_path / "v.ics"
    assert main([*base, "calendar", "export", "--from", "2026-11-23", "--to", "2026-11-30", "-o", str(ics)]) == 0
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2
    assert capsys.readouterr().out.strip() == f"{ics}: 2 次拜访"
    assert main([*base, "calendar", "export", "--from", "2026-11-30", "--to", "2026-11-23", "-o", str(ics)]) == 1
    assert main([*base, "plan", "print", "--date", "2026-11-23", "--days", "7", "-o",
                 str(tmp_path / "no" / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "无法写入" in err and "Traceback" not in err


def test_long_texts_the_validators_accept_never_break_a_plan_or_a_batch(store, prepared, tmp_path, capsys, cli_base):
    """A 5,000-character key-person preference and a 2,000-character objective (lengths the
    validators accept) crashed reportlab with LayoutError, and one such visit a week's batch."""
    cid, v1, _v2, clerk = prepared
    clients.update_contact(store, clerk, {"preferences": "喜欢打高尔夫，" * 714})  # 4,998 characters
    visits.plan_visit(store, cid, {"planned_at": "2026-11-26 10:00", "contact_id": clerk, "kind": "onsite",
                                   "objective": "确认授信方案与担保结构。" * 166})  # 1,992 characters
    out = tmp_path / "周计划 #1.pdf"
    code = main([*cli_base, "--lang", "zh_CN", "plan", "print", "--date", "2026-11-23", "--days", "7", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    text = "".join(pdf_pages(out))
    assert "Acme Trading" in text and "重庆长安精密机械有限公司" in text
    assert "未打印" in text  # the shortened preference carries a visible mark
    assert "确认授信方案与担保结构" in text
