import pytest

from rmdesk.errors import NotFound, ValidationError
from rmdesk.services import clients
from rmdesk.services.clients import ClientQuery

pytestmark = pytest.mark.both_engines


def test_create_and_read_back(store):
    cid = clients.create_client(store, {"name": "  华能电力有限公司 ", "credit_code": "91110000100006485k",
                                        "industry": "power", "annual_sales": "123456789.50",
                                        "source_channel": "referral", "referrer": "李律师"})
    c = clients.get_client(store, cid)
    assert c.name == "华能电力有限公司" and c.credit_code == "91110000100006485K"
    assert c.step == 1 and c.status == "active" and c.days_in_step() == 0
    assert str(c.annual_sales) == "123456789.50"


def test_required_name_and_unknown_fields(store):
    for data in ({}, {"name": "   "}):
        with pytest.raises(ValidationError) as info:
            clients.create_client(store, data)
        assert info.value.field == "name" and info.value.key == "error.required"
    with pytest.raises(ValidationError) as info:
        clients.create_client(store, {"name": "x", "step": 6})
    assert info.value.key == "error.unknown_field"


def test_duplicate_credit_code_is_refused(store):
    clients.create_client(store, {"name": "甲", "credit_code": "91110000100006485K"})
    with pytest.raises(ValidationError) as info:
        clients.create_client(store, {"name": "乙", "credit_code": "91110000100006485K"})
    assert info.value.key == "error.credit_code_taken"
    assert clients.count_clients(store) == 1


def test_search_by_name_pinyin_initials_full_pinyin_code_and_contact(store):
    a = clients.create_client(store, {"name": "华能电力", "credit_code": "91110000100006485K"})
    b = clients.create_client(store, {"name": "重庆钢铁股份有限公司"})
    clients.add_contact(store, b, {"name": "欧阳明", "decision_power": "decides"})

    def ids(term):
        return [r.id for r in clients.list_clients(store, ClientQuery(search=term))]

    assert ids("hndl") == [a]
    assert ids("cqgt") == [b]  # phrase-aware: 重庆 is chong qing, not zhong qing
    assert ids("zqgt") == []
    assert ids("huaneng") == [a]
    assert ids("电力") == [a]
    assert ids("911100") == [a]
    assert ids("欧阳") == [b]


def test_renaming_recomputes_pinyin(store):
    cid = clients.create_client(store, {"name": "华能电力"})
    clients.update_client(store, cid, {"name": "长城汽车"})
    assert [r.id for r in clients.list_clients(store, ClientQuery(search="ccqc"))] == [cid]


def test_list_sorts_filters_and_pages(store):
    for name in ("北京甲", "上海乙", "重庆丙", "广州丁", "深圳戊"):
        clients.create_client(store, {"name": name})
    names = [r.name for r in clients.list_clients(store, sort="name")]
    assert names == ["北京甲", "重庆丙", "广州丁", "上海乙", "深圳戊"]  # by pinyin
    page = clients.list_clients(store, sort="name", offset=2, limit=2)
    assert [r.name for r in page] == names[2:4]
    assert clients.count_clients(store, ClientQuery(step=1)) == 5
    assert clients.count_clients(store, ClientQuery(step=2)) == 0
    with pytest.raises(ValidationError):
        clients.list_clients(store, sort="name; DROP TABLE clients")


def test_contacts_validated_and_listed(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    pid = clients.add_contact(store, cid, {"name": "王总", "role": "gm", "decision_power": "decides",
                                           "phone": "13812345678", "email": "wang@example.cn",
                                           "birthday": "1975-05-04"})
    for bad in ({"name": "李", "phone": "123"}, {"name": "李", "email": "x@"},
                {"name": "李", "birthday": "2030-01-01"}, {"name": ""}, {"name": "李", "decision_power": "god"}):
        with pytest.raises(ValidationError):
            clients.add_contact(store, cid, bad)
    contacts = clients.get_client(store, cid).contacts
    assert [(c.id, c.name, c.decision_power) for c in contacts] == [(pid, "王总", "decides")]
    clients.update_contact(store, pid, {"attitude": "supportive"})
    assert clients.get_client(store, cid).contacts[0].attitude == "supportive"


def test_qualification_score_counts_criteria(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    assert clients.set_qualification(store, cid, {"need": True, "afford": True}) == 2
    assert clients.set_qualification(store, cid, {"value": True, "need": False}) == 2
    assert clients.get_client(store, cid).qualification == {
        "need": False, "afford": True, "standard": False, "authority": False, "value": True}
    with pytest.raises(ValidationError):
        clients.set_qualification(store, cid, {"luck": True})


def test_banks_replace_and_validate(store):
    cid = clients.create_client(store, {"name": "甲公司"})
    clients.set_banks(store, cid, [{"bank_name": "工商银行", "share_pct": "60", "satisfaction": 2}])
    with pytest.raises(ValidationError):
        clients.set_banks(store, cid, [{"bank_name": "建设银行", "share_pct": 140}])
    assert [(b.bank_name, b.share_pct) for b in clients.get_client(store, cid).banks] == [("工商银行", 60)]


def test_missing_client(store):
    with pytest.raises(NotFound) as info:
        clients.get_client(store, 999)
    assert "999" in info.value.message("zh_CN")
