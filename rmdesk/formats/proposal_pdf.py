"""The printed proposal (金融服务方案): A4 portrait, the call plans' font, styles, header
and footer (formats.callplan_pdf), real copyable text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

from rmdesk import clock, i18n
from rmdesk.formats.callplan_pdf import LANG_TAGS, MARGIN, RULE, CallPlanWriter, _numbered_canvas

SECTION_ORDER = ("situation", "needs", "solution", "benefits", "conditions", "next_steps")


class Doc(Protocol):  # services.proposals.ProposalDoc
    client_name: str
    client_facts: list[tuple[str, str]]
    version: int
    status: str
    sections: list[tuple[str, str]]
    lines: list
    total: str
    estimate: str
    rm: dict[str, str]
    addressed_to: str


@dataclass
class _Profile:
    rm_name: str
    bank: str
    branch: str
    phone: str
    email: str


class ProposalWriter(CallPlanWriter):
    def pm(self, key: str, **params: object) -> str:
        return i18n.message(f"proposal.{key}", self.lang, **params)

    def body(self, doc: Doc, width: float) -> list[Flowable]:
        p, s, pm = self.p, self.s, self.pm
        head = self.header_line(type("P", (), {"profile": _Profile(**doc.rm)})())
        out: list[Flowable] = [head, Spacer(0, 5 * mm), p(f"{pm('title')} — {doc.client_name}", s.title),
                               p(" · ".join(filter(None, [pm("version", n=doc.version), doc.status])), s.meta)]
        if doc.addressed_to:
            out.append(p(f"{pm('to')}: {doc.addressed_to}", s.meta))
        facts = [[p(k, s.small), v] for k, v in doc.client_facts]
        texts = dict(doc.sections)
        for n, key in enumerate(SECTION_ORDER, 1):
            block: list[Flowable] = [p(f"{n}. {pm('h_' + key)}", s.h2)]
            if key == "situation" and facts:
                block.append(self.table(facts, [0.22 * width, 0.78 * width], header=False))
            if texts.get(key):
                block.append(p(texts[key]))
            if key == "solution":
                rows = [[p(pm(k), s.small) for k in ("product", "amount", "term", "rate", "note")]]
                rows += [[x.product, x.amount, x.term, x.rate, self.cell(x.note, s.small)] for x in doc.lines]
                rows.append([p(pm("total"), s.small), doc.total, "", "", ""])
                block.append(self.table(rows, [w * width for w in (0.3, 0.17, 0.12, 0.1, 0.31)]))
                if doc.estimate:
                    block.append(p(doc.estimate, s.small))
            if len(block) == 1:
                block.append(p("—"))
            out += [KeepTogether(block[:2]), *block[2:]]
        rm = doc.rm
        contact = [[p(pm(k), s.small), rm[k]] for k in ("rm_name", "bank", "branch", "phone", "email") if rm.get(k)]
        out += [KeepTogether([p(f"{len(SECTION_ORDER) + 1}. {pm('h_contact')}", s.h2),
                              self.table(contact or [[p("—"), p("")]], [0.22 * width, 0.78 * width], header=False)])]
        return out

    def footer(self, c, page: int, pages: int) -> None:
        """Like the call plan's, but a proposal goes to the client: its title and version
        instead of the "internal use" mark."""
        c.saveState()
        c.setFont(self.font.name, 7.5)
        c.setFillColor(colors.HexColor("#5b6b7b"))
        c.setStrokeColor(RULE)
        c.line(MARGIN, 12 * mm, A4[0] - MARGIN, 12 * mm)
        c.drawString(MARGIN, 8 * mm, f"{self.pm('title')} · {self.pm('version', n=self.version)}")
        c.drawCentredString(A4[0] / 2, 8 * mm, self.m("printed", time=self.printed.strftime("%Y-%m-%d %H:%M")))
        c.drawRightString(A4[0] - MARGIN, 8 * mm, self.m("page", page=page, pages=pages))
        c.restoreState()

    def write_doc(self, doc: Doc, target: str | BinaryIO) -> int:
        self.printed = clock.now()
        self.version = doc.version
        title = f"{self.pm('title')} — {doc.client_name} ({self.pm('version', n=doc.version)})"
        pdf = SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
                                bottomMargin=18 * mm, title=title,
                                author=" · ".join(filter(None, [doc.rm.get("rm_name"), doc.rm.get("bank")])),
                                subject=self.pm("title"), creator="rmdesk", producer="rmdesk (reportlab)",
                                lang=LANG_TAGS.get(self.lang, "en"), keywords=doc.client_name,
                                initialFontName=self.font.name)
        pages: list[int] = []
        pdf.build(self.body(doc, pdf.width - 12),
                  canvasmaker=_numbered_canvas(lambda c, n, total: (self.footer(c, n, total), pages.append(total)),
                                               self.font.name))
        return pages[-1] if pages else 0


def render_proposal(doc: Doc, target: str | os.PathLike | BinaryIO, lang: str) -> int:
    """Write the proposal PDF; returns the page count."""
    if isinstance(target, os.PathLike):
        target = os.fspath(target)
    return ProposalWriter(lang).write_doc(doc, target)

