"""The proposal dialog of step 3 and the product panels, driven as a user does."""

import subprocess

from rmdesk.gui.client import proposal as proposal_gui
from rmdesk.gui.client.product_suggestions import ProductSuggestionsPanel
from rmdesk.gui.client.proposal import ProposalDialog
from rmdesk.gui.product_catalogue import ProductCatalogueDialog
from rmdesk.services import clients, engagement, proposals


def _client(store):
    cid = clients.create_client(store, {"name": "重庆长安精密机械有限公司", "industry": "machinery"})
    engagement.add_need(store, cid, "sales", "下游账期 120 天", confirmed=True)
    return cid


def test_draft_save_print_freezes_and_next_version(qtbot, store, tmp_path, monkeypatch):
    cid = _client(store)
    d = ProposalDialog(store, cid)
    qtbot.addWidget(d)
    # no proposal yet: the dialog starts from the client's data
    assert d.lines.rowCount() == 3 and "下游账期 120 天" in d.texts["needs"].toPlainText()
    d.lines.cellWidget(0, 1).setText("500")  # yuan in English (万元 in Chinese)
    d.texts["situation"].setPlainText("机械制造，回款慢")
    d._save()
    row = proposals.get_version(store, cid)
    assert row.version == 1 and not row.frozen and row.texts["situation"] == "机械制造，回款慢"
    assert row.lines[0].product == "receivables_pledge_loan" and row.lines[0].amount == 500
    out = tmp_path / "方案 #1.pdf"
    monkeypatch.setattr(proposal_gui.folders, "save_file", lambda *a: (str(out), ""))
    d._print()
    assert proposals.get_version(store, cid).frozen_how == "printed"
    assert "Financial services proposal" in subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                                           text=True, check=True).stdout
    # a printed version is read-only; the button starts the next version from it
    assert d.texts["situation"].isReadOnly() and not d.sent.isEnabled()
    assert d.save.text() == "Start the next version from this one"
    d._save()
    assert [r.version for r in proposals.versions(store, cid)] == [2, 1]
    assert not d.texts["situation"].isReadOnly() and d.version.count() == 2
    d._mark_sent()
    assert proposals.get_version(store, cid, 2).frozen_how == "sent"


def test_suggestions_panel_and_catalogue(qtbot, store):
    cid = _client(store)
    panel = ProductSuggestionsPanel(store, cid)
    qtbot.addWidget(panel)
    panel.refresh(clients.get_client(store, cid))
    assert panel.table.rowCount() == 5 and panel.table.item(0, 0).text() == "Receivables-pledge loan"
    assert panel.table.item(0, 1).text() == "serves: Sales; suits the client's industry"
    empty = ProductSuggestionsPanel(store, clients.create_client(store, {"name": "新客户"}))
    qtbot.addWidget(empty)
    empty.refresh(clients.get_client(store, empty.client_id))
    assert empty.table.isHidden() and not empty.empty.isHidden()
    cat = ProductCatalogueDialog(None, area="trade", key="factoring")
    qtbot.addWidget(cat)
    shown = [cat.list.item(i).text().strip() for i in range(cat.list.count())]
    assert "Factoring" in shown and "Payroll services" not in shown  # filtered by need area
    assert "Who it suits" in cat.text.toPlainText() and "Get paid once the goods ship" in cat.text.toPlainText()
