"""The proposal (金融服务方案): versions (printing or sending freezes one), validation,
the PDF in both languages with masking, the CLI, the step-3 rule and the deals it leads to."""

import subprocess

import pytest

from rmdesk.cli import main
from rmdesk.errors import NotFound, ValidationError
from rmdesk.playbook.rules import evaluate as check_exit
from rmdesk.services import clients, engagement, financing, flow, masking, pipeline, proposals, settings
from rmdesk.services.engagement import deals_of

pytestmark = pytest.mark.both_engines


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def cid(store):
    settings.save_profile(store, {"rm_name": "王小明", "bank": "华夏商业银行", "branch": "滨江支行",
                                  "phone": "13912345678", "email": "wxm@example.com"})
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司", "industry": "machinery",
                                        "credit_code": "91500000MA5U7T1K2E", "annual_sales": "300000000"})
    clients.add_contact(store, cid, {"name": "欧阳总", "title": "总经理", "decision_power": "decides",
                                     "phone": "13800001111"})
    engagement.add_need(store, cid, "sales", "下游账期 120 天", confirmed=True)
    return cid


LINES = [{"product": "factoring", "amount": "5000000", "term_months": "12", "rate": "4.35", "note": "首期"},
         {"product": "receivables_pledge_loan", "amount": "3000000", "term_months": 6}]


def test_versions_freeze_when_printed_or_sent_and_old_ones_stay_as_sent(store, cid, tmp_path):
    with pytest.raises(NotFound):
        proposals.get_version(store, cid)
    v1 = proposals.save_draft(store, cid, {"situation": "机械制造，回款慢", "lines": LINES})
    again = proposals.save_draft(store, cid, {"benefits": "回款提前"})  # a draft: same version, updated
    assert (v1.version, again.version, again.texts["situation"], again.texts["benefits"]) == (1, 1, "机械制造，回款慢",
                                                                                                 "回款提前")
    assert again.total == 8_000_000 and again.lines[0].rate == proposals.Decimal("4.35")
    sent = proposals.freeze(store, v1.id, "sent")
    assert sent.frozen and sent.frozen_how == "sent" and sent.frozen_copy["client"] == "重庆长安精密机械有限公司"
    v2 = proposals.save_draft(store, cid, {"benefits": "综合成本更低"})  # starts version 2 from version 1
    assert v2.version == 2 and v2.texts["situation"] == "机械制造，回款慢" and v2.lines == sent.lines
    assert proposals.get_version(store, cid, 1).texts["benefits"] == "回款提前"  # what was sent never changes
    assert [r.version for r in proposals.versions(store, cid)] == [2, 1]
    # the client is renamed after version 1 was sent: its PDF still shows the name sent
    clients.update_client(store, cid, {"name": "长安精密机械（集团）有限公司"})
    proposals.print_proposal(store, cid, 1, tmp_path / "v1.pdf", "zh_CN")
    assert "重庆长安精密机械有限公司" in pdf_text(tmp_path / "v1.pdf")
    printed = proposals.print_proposal(store, cid, None, tmp_path / "v2.pdf", "zh_CN")  # the draft: frozen now
    assert printed.version == 2 and printed.frozen_how == "printed"
    assert "长安精密机械（集团）有限公司" in pdf_text(tmp_path / "v2.pdf")
    assert proposals.save_draft(store, cid, {}).version == 3


@pytest.mark.parametrize("data, words", [
    ({"lines": [{"product": "moon_loan", "amount": "1"}]}, "line 1"),
    ({"lines": [{"product": "factoring", "amount": "-5"}]}, "negative"),
    ({"lines": [{"product": "factoring", "amount": "1", "term_months": "0"}]}, "between 1 and 360"),
    ({"lines": [{"product": "factoring", "amount": "1", "rate": "120"}]}, "between 0 and 100"),
    ({"lines": "factoring"}, "product lines"),
    ({"lines": [{"product": "factoring", "amount": "1"}] * 21}, "at most 20"),
    ({"situation": "x" * 4001}, "too long"),
    ({"estimate_id": 999}, "estimate 999"),
    ({"colour": "red"}, "“colour” is not one of the allowed values"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_saved(store, cid, data, words):
    with pytest.raises(ValidationError) as info:
        proposals.save_draft(store, cid, {"situation": "先写的", **data})
    assert words in info.value.message("en") and info.value.message("zh_CN")
    assert proposals.versions(store, cid) == []  # one transaction: nothing half-saved


def test_a_proposal_without_lines_is_not_sent(store, cid):
    row = proposals.save_draft(store, cid, {"situation": "只有现状"})
    with pytest.raises(ValidationError, match="at least one product line"):
        proposals.freeze(store, row.id, "sent")
    assert not proposals.get_version(store, cid).frozen


def test_starting_draft_comes_from_needs_estimate_and_products(store, cid):
    est = flow.save_estimate(store, cid, financing.working_capital({
        "last_sales": "100000000", "last_margin_pct": "10", "growth_pct": "20", "inventory_days": "60",
        "receivable_days": "90", "payable_days": "45", "prepayment_days": "15", "advance_days": "0",
        "own_funds": "5000000", "existing_loans": "10000000", "other_funds": "0"}))
    draft = proposals.starting_draft(store, cid, "zh_CN")
    assert "下游账期 120 天" in draft["needs"] and "机械" in draft["situation"]
    # sales need + machinery: receivables pledge, factoring, commercial bill (4 points each, catalogue order)
    assert [x["product"] for x in draft["lines"]] == ["receivables_pledge_loan", "factoring", "commercial_bill_discount"]
    assert draft["lines"][0]["amount"] == str(flow.estimates_of(store, cid)[0].result) and draft["estimate_id"]
    assert "把还没收回的货款" in draft["benefits"] and "质押登记" in draft["conditions"]
    row = proposals.save_draft(store, cid, draft)
    assert row.estimate_id == flow.estimates_of(store, cid)[0].id and est is not None


def test_pdf_both_languages_with_sections_contact_and_masking(store, cid, tmp_path):
    proposals.save_draft(store, cid, {"situation": "机械制造", "needs": "回款慢", "lines": LINES,
                                      "next_steps": "下周提交资料"})
    out = tmp_path / "方案 #1 ?.pdf"
    proposals.print_proposal(store, cid, None, out, "en")
    text = pdf_text(out)
    for words in ("Financial services proposal", "1. The client's situation", "3. Our solution", "Factoring",
                  "5,000,000", "12 months", "4.35%", "Total", "8,000,000", "7. Your relationship manager",
                  "王小明", "13912345678", "欧阳总", "13800001111", "91500000MA5U7T1K2E", "printed 2026-11-23"):
        assert words in text, words
    masking.set_enabled(store, True)
    proposals.print_proposal(store, cid, 1, out, "zh_CN")
    text = pdf_text(out)
    assert "金融服务方案" in text and "保理" in text and "500.00万元" in text and "客户经理联系方式" in text
    assert "138****1111" in text and "13800001111" not in text and "9150**********1K2E" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and " yes " in fonts  # embedded, the call plans' font


def test_the_step3_rule_needs_a_proposal_behind_the_tick(store, cid):
    pipeline.move_to_step(store, cid, 3, reason="test")
    clients.update_client(store, cid, {"proposal_agreed": True})
    with store.read() as s:
        assert check_exit(s, clients.fetch_client(s, cid)).unmet == ["proposal_agreed"]
    assert "s3_proposal_agreed" not in flow.proven(store, cid, 3)
    proposals.save_draft(store, cid, {"situation": "已拟定"})
    with store.read() as s:
        assert check_exit(s, clients.fetch_client(s, cid)).met
    assert "s3_proposal_agreed" in flow.proven(store, cid, 3)


def test_deals_from_a_version_are_linked_and_not_doubled(store, cid):
    row = proposals.save_draft(store, cid, {"lines": LINES})
    made = proposals.deals_from(store, row.id)
    assert len(made) == 2 and proposals.deals_from(store, row.id) == []
    deals = {d.id: d for d in deals_of(store, cid)}
    assert sorted(deals) == sorted(made) and {d.amount for d in deals.values()} == {5_000_000, 3_000_000}
    assert proposals.get_version(store, cid).deal_ids == tuple(sorted(made))


def test_cli_print(store, cid, cli_base, tmp_path, capsys):
    proposals.save_draft(store, cid, {"situation": "机械制造", "lines": LINES})
    out = tmp_path / "客户 方案 #1.pdf"
    assert main([*cli_base, "--lang", "en", "proposal", "print", "--client", str(cid), "-o", str(out)]) == 0
    assert "version 1, printed" in capsys.readouterr().out and "Factoring" in pdf_text(out)
    assert main([*cli_base, "--lang", "en", "proposal", "print", "--client", str(cid), "--version", "1", "-o",
                 str(tmp_path / "again.pdf")]) == 0
    capsys.readouterr()
    assert main([*cli_base, "--lang", "en", "proposal", "print", "--client", str(cid), "--version", "7", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no proposal version 7" in err and not (tmp_path / "x.pdf").exists()
    assert main([*cli_base, "proposal", "print", "--client", "abc", "-o", "x.pdf"]) == 2


def test_export_lists_every_version_and_masks_the_credit_code(store, cid, tmp_path):
    from rmdesk.services import dataio

    row = proposals.save_draft(store, cid, {"situation": "机械制造", "lines": LINES})
    proposals.freeze(store, row.id, "sent")
    proposals.save_draft(store, cid, {"benefits": "第二版"})
    headers, rows = dataio.export_rows(store, "proposals", masked=False)
    assert headers[:8] == ("id", "credit_code", "name", "version", "status", "frozen_at", "products", "amount")
    assert [(r[3], r[4], r[6], r[7]) for r in rows] == [(1, "sent", "factoring;receivables_pledge_loan", 8_000_000),
                                                         (2, "draft", "factoring;receivables_pledge_loan", 8_000_000)]
    masked = dataio.export_rows(store, "proposals", masked=True)[1]
    assert masked[0][1] == "9150**********1K2E"
    assert dataio.export_file(store, "proposals", tmp_path / "方案 导出.xlsx") == 2
