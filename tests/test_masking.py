"""Masking of phone, e-mail and ID/credit-code numbers in call plans and exports."""

from rmdesk.services import callplan, clients, dataio, masking, visits
from rmdesk.services.validation import credit_code_check_char

CODE = "91110000100000000" + credit_code_check_char("91110000100000000")


def test_mask_functions():
    assert masking.phone("13800138000") == "138****8000"
    assert masking.phone("+86 138-0013-8000") == "+86 1**-****-8000"
    assert masking.phone("010-12345678") == "010-****5678"
    assert masking.email("wang@example.com") == "w***@example.com"
    assert masking.number(CODE) == CODE[:4] + "*" * 10 + CODE[-4:]
    assert masking.number("6222") == "****" and masking.phone(None) is None


def test_masking_setting_applies_to_call_plans_and_exports(store, tmp_path):
    cid = clients.create_client(store, {"name": "甲公司", "credit_code": CODE})
    pid = clients.add_contact(store, cid, {"name": "王总", "phone": "13800138000", "email": "wang@example.com"})
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-25 09:00", "contact_id": pid})
    assert not masking.enabled(store)
    assert callplan.plan_for_visit(store, vid, "zh_CN").people[0].phone == "13800138000"
    masking.set_enabled(store, True)
    assert callplan.plan_for_visit(store, vid, "zh_CN").people[0].phone == "138****8000"
    headers, rows = dataio.export_rows(store, "contacts")
    row = dict(zip(headers, rows[0], strict=True))
    assert row["contact_phone"] == "138****8000" and row["contact_email"] == "w***@example.com"
    assert row["credit_code"] == masking.number(CODE)
    # the store keeps the full values; an explicit unmasked export still has them
    assert clients.get_client(store, cid).contacts[0].phone == "13800138000"
    headers, rows = dataio.export_rows(store, "contacts", masked=False)
    assert dict(zip(headers, rows[0], strict=True))["contact_phone"] == "13800138000"
