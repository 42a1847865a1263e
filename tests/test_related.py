"""Related parties: links both ways, refusals (self, duplicates), a prospect from a supplier
(关系法), and the guarantee risk on hand-built graphs (chains, circles of any length)."""

from decimal import Decimal

import pytest

from rmdesk.errors import NotFound, ValidationError
from rmdesk.services import clients, early_warnings, related
from rmdesk.services.related import guarantee_risk

pytestmark = pytest.mark.both_engines


# ---- the graph alone -------------------------------------------------------------------


def test_one_link_is_no_risk():
    assert guarantee_risk([("A", "B")]) == {}


def test_chain_of_two_links_flags_every_company_on_it():
    risk = guarantee_risk([("A", "B"), ("B", "C")])
    assert set(risk) == {"A", "B", "C"}
    for node in "ABC":
        assert risk[node].chain == ("A", "B", "C") and risk[node].cycle is None


def test_longest_chain_through_a_node_is_shown():
    # X guarantees A; A guarantees B and D; D guarantees E: through D the chain is X A D E
    risk = guarantee_risk([("X", "A"), ("A", "B"), ("A", "D"), ("D", "E")])
    assert risk["D"].chain == ("X", "A", "D", "E")
    assert risk["B"].chain == ("X", "A", "B")
    assert risk["X"].chain[0] == "X" and len(risk["X"].chain) == 4


def test_two_separate_single_links_are_not_a_chain():
    assert guarantee_risk([("A", "B"), ("C", "D")]) == {}
    # two guarantors of one company: each link is one link long
    assert guarantee_risk([("A", "C"), ("B", "C")]) == {}


def test_mutual_guarantee_is_a_circle_of_two():
    risk = guarantee_risk([("A", "B"), ("B", "A")])
    assert risk["A"].cycle == ("A", "B") and risk["B"].cycle == ("B", "A")
    assert risk["A"].chain is None  # the circle is one component: no chain beyond it


def test_circle_of_any_length():
    edges = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "A")]
    risk = guarantee_risk(edges)
    assert risk["C"].cycle == ("C", "D", "E", "A", "B")
    assert all(len(risk[n].cycle) == 5 for n in "ABCDE")


def test_circle_with_a_tail_flags_the_tail_as_a_chain():
    risk = guarantee_risk([("A", "B"), ("B", "A"), ("B", "T"), ("T", "U")])
    assert risk["T"].cycle is None and risk["T"].chain[-2:] == ("T", "U")
    assert len(risk["T"].chain) == 3  # the circle counts as one step before the tail
    assert risk["U"].chain[-1] == "U"


def test_self_loops_and_repeated_edges_are_ignored():
    assert guarantee_risk([("A", "A"), ("A", "B"), ("A", "B")]) == {}


def test_a_long_chain_needs_no_recursion():
    edges = [(i, i + 1) for i in range(5000)]
    risk = guarantee_risk(edges)
    assert len(risk[2500].chain) == 5001


# ---- the store ---------------------------------------------------------------------------


def test_links_show_both_ways(store):
    a = clients.create_client(store, {"name": "甲集团有限公司"})
    b = clients.create_client(store, {"name": "乙制造有限公司"})
    link = related.add_link(store, b, {"kind": "parent", "other_client_id": a})
    related.add_link(store, b, {"kind": "supplier", "other_name": "丙钢材贸易公司", "amount": "1200000"})
    mine = related.links_of(store, b)
    assert [(x.kind, x.other_name, x.recorded_here) for x in mine] == [
        ("parent", "甲集团有限公司", True), ("supplier", "丙钢材贸易公司", True)]
    assert mine[1].amount == Decimal("1200000.00") and mine[1].can_become_prospect
    theirs = related.links_of(store, a)
    assert [(x.id, x.kind, x.other_client_id, x.recorded_here) for x in theirs] == [(link, "subsidiary", b, False)]
    assert not theirs[0].can_become_prospect


def test_refusals(store):
    a = clients.create_client(store, {"name": "甲集团有限公司"})
    b = clients.create_client(store, {"name": "乙制造有限公司"})
    with pytest.raises(ValidationError) as e:
        related.add_link(store, a, {"kind": "parent", "other_client_id": a})
    assert e.value.key == "related.self"
    with pytest.raises(ValidationError) as e:
        related.add_link(store, a, {"kind": "buyer", "other_name": " 甲集团有限公司 "})
    assert e.value.key == "related.self"
    related.add_link(store, b, {"kind": "guarantor", "other_client_id": a})
    with pytest.raises(ValidationError) as e:
        related.add_link(store, b, {"kind": "guarantor", "other_client_id": a})
    assert e.value.key == "related.duplicate"
    with pytest.raises(ValidationError) as e:  # the same fact from the other side
        related.add_link(store, a, {"kind": "guaranteed", "other_client_id": b})
    assert e.value.key == "related.duplicate"
    related.add_link(store, a, {"kind": "supplier", "other_name": "丙公司"})
    with pytest.raises(ValidationError) as e:  # full-width and spaces: the same name
        related.add_link(store, a, {"kind": "supplier", "other_name": "丙 公司"})
    assert e.value.key == "related.duplicate"
    for bad, key in (({"kind": "cousin", "other_name": "X"}, "error.not_in_list"),
                     ({"kind": "buyer"}, "error.required"),
                     ({"kind": "buyer", "other_client_id": 999}, "related.bad_client"),
                     ({"kind": "buyer", "other_name": "X", "amount": "-1"}, "error.amount_negative")):
        with pytest.raises(ValidationError) as e:
            related.add_link(store, a, bad)
        assert e.value.key == key
    assert len(related.links_of(store, a)) == 2  # nothing half-saved
    assert "关联" in ValidationError("related.self", "related.field.other").message("zh_CN")


def test_prospect_from_a_supplier(store):
    a = clients.create_client(store, {"name": "甲制造有限公司", "owner": "王强"})
    link = related.add_link(store, a, {"kind": "supplier", "other_name": "丙钢材贸易公司"})
    parent = related.add_link(store, a, {"kind": "parent", "other_name": "甲控股集团"})
    with pytest.raises(ValidationError) as e:
        related.create_prospect(store, parent)
    assert e.value.key == "related.not_upstream"
    new = related.create_prospect(store, link, {"industry": "steel"})
    c = clients.get_client(store, new)
    # the RM's own client: the source client's owner locally, the signed-in login on a server
    assert (c.name, c.step, c.source_channel, c.referrer, c.owner, c.industry) == (
        "丙钢材贸易公司", 1, "network", "甲制造有限公司", clients.who_am_i(store) or "王强", "steel")
    assert [(x.kind, x.other_client_id) for x in related.links_of(store, a) if x.kind == "supplier"] == [
        ("supplier", new)]
    assert [(x.kind, x.other_name) for x in related.links_of(store, new)] == [("buyer", "甲制造有限公司")]
    with pytest.raises(ValidationError) as e:
        related.create_prospect(store, link)
    assert e.value.key == "related.already_client"
    with pytest.raises(NotFound):
        related.create_prospect(store, 9999)


def test_prospect_with_a_taken_credit_code_writes_nothing(store):
    a = clients.create_client(store, {"name": "甲制造有限公司", "credit_code": "91310115MA1K3YJ12G"})
    link = related.add_link(store, a, {"kind": "buyer", "other_name": "丁商贸公司"})
    with pytest.raises(ValidationError):
        related.create_prospect(store, link, {"credit_code": "91310115MA1K3YJ12G"})
    assert related.links_of(store, a)[0].other_client_id is None
    assert clients.count_clients(store) == 1


def test_guarantee_circle_and_chain_in_the_book(store):
    a = clients.create_client(store, {"name": "甲公司"})
    b = clients.create_client(store, {"name": "乙公司"})
    c = clients.create_client(store, {"name": "丙公司"})
    related.add_link(store, a, {"kind": "guaranteed", "other_client_id": b})  # 甲 guarantees 乙
    related.add_link(store, c, {"kind": "guarantor", "other_client_id": b})  # 乙 guarantees 丙
    assert related.guarantee_risk_of(store, a).chain == ["甲公司", "乙公司", "丙公司"]
    assert related.guarantee_risk_of(store, c).cycle == []
    related.add_link(store, a, {"kind": "guarantor", "other_client_id": c})  # 丙 guarantees 甲: a circle
    risk = related.guarantee_risk_of(store, b)
    assert risk.cycle == ["乙公司", "丙公司", "甲公司"]
    assert related.risk_text(risk, "zh_CN") == ["互保/担保圈（3 家）：乙公司 → 丙公司 → 甲公司 → 乙公司"]
    suggested = early_warnings.suggestions(store, b, "en")
    assert [x.signal for x in suggested] == ["mutual_guarantee"]
    assert suggested[0].detail.startswith("Guarantee circle (3 companies)")


def test_chain_through_a_company_that_is_not_a_client(store):
    a = clients.create_client(store, {"name": "甲公司"})
    b = clients.create_client(store, {"name": "乙公司"})
    related.add_link(store, a, {"kind": "guarantor", "other_name": "戊担保公司"})
    related.add_link(store, b, {"kind": "guaranteed", "other_name": "戊担保公司"})
    assert related.guarantee_risk_of(store, b).chain == ["乙公司", "戊担保公司", "甲公司"]
    assert [x.signal for x in early_warnings.suggestions(store, a)] == ["guarantee_chain"]
    clients.trash_client(store, b)  # a client in the trash is out of the graph
    assert related.guarantee_risk_of(store, a).chain == []


def test_exports_and_masking(store, tmp_path):
    from rmdesk.formats.tabular import read_table
    from rmdesk.services import dataio

    a = clients.create_client(store, {"name": "甲公司", "credit_code": "91310115MA1K3YJ12G"})
    b = clients.create_client(store, {"name": "乙公司"})
    related.add_link(store, b, {"kind": "parent", "other_client_id": a})
    early_warnings.log_warning(store, a, {"signal": "disputes", "action": "查询裁判文书"})
    headers, rows = dataio.export_rows(store, "related", masked=False)
    assert dict(zip(headers, rows[0], strict=True))["other_credit_code"] == "91310115MA1K3YJ12G"
    headers, rows = dataio.export_rows(store, "related", masked=True)
    assert dict(zip(headers, rows[0], strict=True))["other_credit_code"] != "91310115MA1K3YJ12G"
    path = tmp_path / "预警 #?%.xlsx"
    assert dataio.export_file(store, "warnings", path) == 1
    table = read_table(path)
    assert "signal" in table.headers and table.rows[0][table.headers.index("signal")] == "disputes"


def test_the_demo_book_shows_each_pattern(demo_store):
    risks = related.book_guarantee_risks(demo_store)
    assert any(r.cycle and len(r.cycle) == 2 for r in risks.values())  # mutual guarantees
    assert any(r.cycle and len(r.cycle) == 3 for r in risks.values())  # a circle of three
    assert any(r.chain and not r.cycle for r in risks.values())  # a chain
    warnings = early_warnings.open_warnings(demo_store)
    assert {"mutual_guarantee", "guarantee_chain"} <= {w.signal for w in warnings}
    assert len({w.signal for w in warnings}) >= 4
    some = next(iter(risks))
    kinds = {x.kind for cid in range(1, 60) for x in related.links_of(demo_store, cid)} | {
        x.kind for x in related.links_of(demo_store, some)}
    assert {"supplier", "buyer"} & kinds
