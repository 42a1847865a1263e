"""The product catalogue an RM sells from (resources/product_guide.toml) and the products
suggested from a client's confirmed needs and industry, against hand-computed rankings."""

import subprocess

import pytest

from rmdesk import vocab
from rmdesk.errors import PlaybookError
from rmdesk.services import clients, engagement, pipeline, product_guide, visits
from rmdesk.services.callplan import plan_for_visit
from rmdesk.store.products import shipped_products


def test_every_product_has_a_full_guide_in_both_languages():
    guides = product_guide.guides()
    assert list(guides) == [p["key"] for p in shipped_products()]  # all 21, in catalogue order
    assert len([g for g in guides.values() if g.category == "sme12"]) == 12
    for g in guides.values():
        assert set(g.need_areas) <= set(vocab.NEED_AREAS) and g.need_areas
        for lang in ("zh_CN", "en"):
            assert all(g.text(f, lang) for f in product_guide.TEXT_FIELDS)
    assert "应收账款" in guides["receivables_pledge_loan"].text("what", "zh_CN")
    assert "receivables" in guides["receivables_pledge_loan"].text("what", "en")


def _guide(key, areas, industries=()):
    texts = {lang: {f: f"{key} {f}" for f in product_guide.TEXT_FIELDS} for lang in ("zh_CN", "en")}
    return product_guide.ProductGuide(key, "sme12", {"zh_CN": key, "en": key}, tuple(areas), tuple(industries), texts)


def test_ranking_points_by_hand():
    # A: sales first (3) + financing second (2) = 5; B: financing first (3) + steel (1) = 4;
    # C: trade, purchasing, sales -> sales third (1) = 1; D serves neither area: left out;
    # E: sales first (3) = 3 ... but with steel it would be 4 and tie with B (B comes first).
    cat = {g.key: g for g in (_guide("A", ["sales", "financing"]), _guide("B", ["financing", "idle_cash"], ["steel"]),
                              _guide("C", ["trade", "purchasing", "sales"]), _guide("D", ["idle_cash"]),
                              _guide("E", ["sales"], ["steel"]))}
    got = product_guide.rank(["sales", "financing", "sales"], "steel", "en", limit=None, catalogue=cat)
    assert [(s.key, s.score) for s in got] == [("A", 5), ("B", 4), ("E", 4), ("C", 1)]
    assert got[1].areas == ("financing",) and got[1].industry_fit and not got[0].industry_fit
    assert got[0].areas == ("sales", "financing")  # in the product's order
    assert got[0].reason("en") == "serves: Sales, Financing"
    assert [s.key for s in product_guide.rank(["sales", "financing"], None, "en", limit=2, catalogue=cat)] == ["A", "B"]
    assert product_guide.rank([], "steel", "en", catalogue=cat) == []  # the industry alone suggests nothing


def test_suggestions_from_confirmed_needs_and_industry(store):
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司", "industry": "machinery"})
    engagement.add_need(store, cid, "sales", "下游账期 120 天，应收账款占用大", confirmed=True)
    engagement.add_need(store, cid, "sales", "想加快回款", confirmed=True)  # the same area counts once
    engagement.add_need(store, cid, "idle_cash", "有闲置资金")  # not confirmed: does not count
    got = product_guide.suggest_for_client(store, cid, "machinery", "zh_CN", limit=None)
    # by hand from the shipped guide: sales first (3) + machinery (1) = 4 for receivables pledge,
    # factoring, commercial bill discount and buyer's credit; receivables trust 3 (not machinery);
    # L/C & guarantees: sales third (1) + machinery (1) = 2; supply-chain: sales second (2) = 2
    assert [(s.key, s.score) for s in got] == [
        ("receivables_pledge_loan", 4), ("factoring", 4), ("commercial_bill_discount", 4), ("buyers_credit", 4),
        ("receivables_trust_loan", 3), ("lc_guarantee", 2), ("supply_chain_finance", 2)]
    assert got[0].name == "应收账款质押贷款" and got[0].pitch.startswith("把还没收回的货款")
    assert got[0].reason("zh_CN") == "对应需求：销售；适合本行业"
    assert len(product_guide.suggest_for_client(store, cid, "machinery", "en")) == 5  # the default limit
    other = clients.create_client(store, {"name": "无需求公司"})
    assert product_guide.suggest_for_client(store, other, None, "en") == []


def test_call_plan_prints_the_products_that_fit(store, tmp_path):
    cid = clients.create_client(store, {"name": "Acme Steel Trading", "industry": "steel"})
    pipeline.move_to_step(store, cid, 3, reason="test")
    engagement.add_need(store, cid, "purchasing", "buys coil in bulk", confirmed=True)
    vid = visits.plan_visit(store, cid, {"planned_at": "2026-11-24 09:00", "kind": "onsite"})
    plan = plan_for_visit(store, vid, "en")
    # purchasing listed first + steel (3+1 = 4): bank acceptance, supply-chain finance, warehouse receipt
    assert [s.name for s in plan.suggestions][:2] == ["Bank acceptance bill", "Supply-chain finance"]
    from rmdesk.formats.callplan_pdf import render_plans

    out = tmp_path / "计划 #1.pdf"
    render_plans([plan], out, "en")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Products that fit" in text and "Pay suppliers with a bank bill" in text


def _write(tmp_path, body):
    path = tmp_path / "指南 #?.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_ENTRY = """
[[guide]]
key = "factoring"
need_areas = ["sales"]
[guide.zh_CN]
what = "a"
suits = "b"
documents = "c"
conditions = "d"
pitfalls = "e"
pitch = "f"
[guide.en]
what = "a"
suits = "b"
documents = "c"
conditions = "d"
pitfalls = "e"
pitch = "f"
"""


@pytest.mark.parametrize("change, where, problem", [
    (("factoring", "no_such_product"), "#1 (no_such_product)", "is not a product of products.toml"),
    (('need_areas = ["sales"]', 'need_areas = ["sales", "shopping"]'), "(factoring).need_areas", "must be a list"),
    (('need_areas = ["sales"]', 'need_areas = ["sales"]\nindustries = ["moon"]'), "(factoring).industries",
     "must be a list"),
    (('pitch = "f"\n[guide.en]', 'pitch = ""\n[guide.en]'), "(factoring).zh_CN.pitch", "missing or empty"),
    (("[guide.en]", "[guide.fr]"), "(factoring).en", "texts of this language are missing"),
    (('key = "factoring"', 'key = "factoring'), "-", "not valid TOML"),
])
def test_a_broken_guide_names_the_file_the_entry_and_the_problem(tmp_path, change, where, problem):
    path = _write(tmp_path, GOOD_ENTRY.replace(*change, 1))
    with pytest.raises(PlaybookError) as info:
        product_guide.parse_guide(path)
    text = info.value.message("en")
    assert str(path) in text and where in text and problem in text
    assert "产品指南文件" in info.value.message("zh_CN")


def test_a_duplicate_entry_is_refused(tmp_path):
    with pytest.raises(PlaybookError) as info:
        product_guide.parse_guide(_write(tmp_path, GOOD_ENTRY + GOOD_ENTRY))
    assert "#2 (factoring)" in info.value.message("en") and "appears twice" in info.value.message("en")
    assert list(product_guide.parse_guide(_write(tmp_path, GOOD_ENTRY))) == ["factoring"]
