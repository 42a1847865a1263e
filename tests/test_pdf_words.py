"""The walk of issue 17 through the PDFs: the call plans (one and a week's batch), the
financial-services proposal and the daily, weekly and monthly work reports, each in both
languages, read back with pdftotext. No raw vocabulary or message key, no "(s)" plural, no
English left in the Chinese PDF (names and codes aside), and money in the language's unit
(万元 / 万美元 in zh_CN, CNY / USD in English)."""

import re
import subprocess
from datetime import date

import pytest
from gui_walk import english_left

from rmdesk import i18n
from rmdesk.formats.callplan_pdf import render_plans
from rmdesk.services import callplan, proposals, workreports
from rmdesk.store.models import Client, Proposal

KEY = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z_]+\.[a-z_]+\b")  # snake_case values, section.key


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _pdfs(store, tmp_path, lang) -> dict[str, str]:
    out = {}
    plans = callplan.plans_between(store, date(2026, 11, 23), 7, lang)
    assert len(plans) >= 2
    for name, batch, cover in (("plans", plans, True), ("plan", plans[:1], False)):
        path = tmp_path / f"{name}-{lang}.pdf"
        render_plans(batch, str(path), lang, cover_agenda=cover)
        out[name] = _text(path)
    with store.read() as s:
        client_id = s.query(Proposal.client_id).order_by(Proposal.id).first()[0]
    path = tmp_path / f"proposal-{lang}.pdf"
    proposals.print_proposal(store, client_id, None, str(path), lang)
    out["proposal"] = _text(path)
    for kind, key in (("daily", "2026-11-20"), ("weekly", "2026-W47"), ("monthly", "2026-10")):
        path = tmp_path / f"{kind}-{lang}.pdf"
        workreports.export(store, kind, key, str(path), lang)
        out[kind] = _text(path)
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_pdf_speaks_the_language_with_units(demo_store, tmp_path, lang):
    with demo_store.read() as s:
        names = {n for (n,) in s.query(Client.name)}
    catalogue = i18n.catalog()
    found = []
    texts = _pdfs(demo_store, tmp_path, lang)
    for name, text in texts.items():
        if "(s)" in text:
            found.append(f"{name}: a '(s)' plural")
        keys = [k for k in KEY.findall(text) if "_" in k or k in catalogue]
        if keys:
            found.append(f"{name}: raw keys {sorted(set(keys))}")
        if lang == "zh_CN":
            words = [w for line in text.splitlines() for w in english_left(line)
                     if not any(w in n for n in names)]
            if words:
                found.append(f"{name}: English in the Chinese PDF: {sorted(set(words))}")
            if re.search(r"\b(CNY|USD) \d", text):
                found.append(f"{name}: CNY/USD amounts in the Chinese PDF (万元 / 万美元 there)")
        else:
            if re.search(r"\d(?:万元|亿元|万美元)", text):  # (Chinese words there are the RM's data)
                found.append(f"{name}: Chinese units in the English PDF")
    for kind in ("weekly", "monthly"):  # the business against its targets: every amount with its unit
        rows = [line for line in texts[kind].splitlines()
                if any(i18n.message(f"field.{m}", lang) in line for m in ("avg_deposits", "intl_settlement_usd"))]
        assert rows, kind
        unit = ("万元", "亿元", "万美元") if lang == "zh_CN" else ("CNY ", "USD ")
        assert all(sum(line.count(u) for u in unit) >= 2 for line in rows), rows
    assert not found, "\n".join(found)
