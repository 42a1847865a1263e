"""Printed call plans: one A4 portrait plan per visit, the RM's brief to carry; a day or
week batch gets a cover agenda and starts each plan on a new page. Real text (copyable),
with a subset of a TrueType CJK font embedded (see fonts.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from rmdesk import clock, i18n
from rmdesk.errors import ValidationError
from rmdesk.formats.callplan_products import suggestions_block
from rmdesk.formats.callplan_risk import RiskBrief, risk_flowables
from rmdesk.formats.fonts import pdf_font

INK = colors.HexColor("#1f2d3d")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b8c4d0")
SHADE = colors.HexColor("#eef3f8")
MARGIN = 16 * mm
LANG_TAGS = {"zh_CN": "zh-CN", "en": "en"}  # the PDF's /Lang (BCP 47)


class PrintedBy(Protocol):
    """Who prints the plan, for its header (the RM's profile in the settings)."""
    rm_name: str
    bank: str
    branch: str
    phone: str
    email: str


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    decision: str
    attitude: str
    phone: str
    notes: str
    is_counterpart: bool


@dataclass(frozen=True)
class ObjectionPrep:
    type: str
    words: str  # the client's words, or the type's name when it is a typical one
    answer: str
    logged: bool  # raised by this client (open), not just typical for the step
    worked: str = ""  # the RM's own answer that worked before, with how often (insights)


@dataclass(frozen=True)
class PlanSection:
    """A block of the plan a service adds (financial quick check, industry notes, ...):
    a heading and its lines, printed after the client box."""
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class CallPlan:
    visit_id: int
    client_id: int
    client_name: str
    planned_at: datetime
    duration_min: int
    place: str
    kind: str
    confirmed: bool
    client_facts: list[tuple[str, str]]  # (label, value) for the client box
    people: list[Person]
    objective: str
    agenda: list[str]
    questions: list[str]
    objections: list[ObjectionPrep]
    products: list[str]
    materials: list[str]
    last_visits: list[tuple[date, str]]
    next_steps: list[tuple[date | None, str]]
    profile: PrintedBy
    attendees_ours: str = ""
    attendees_theirs: str = ""
    risk: RiskBrief | None = None  # open early warnings, guarantee flags, related parties
    suggestions: list = field(default_factory=list)  # callplan_products.PlanSuggestion
    sections: tuple[PlanSection, ...] = ()  # industry notes, financial quick check


class TickBox(Flowable):
    """An empty square to tick by hand (drawn, so it needs no glyph)."""

    def __init__(self, size: float = 3.2 * mm) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.6)
        self.canv.rect(0, 0, self.size, self.size)


class RuledLines(Flowable):
    """Lines for handwritten notes: as many as fit in what is left of the page, between
    `least` and `most` (fewer than `least` left: the area moves to the next page)."""

    def __init__(self, least: int = 4, most: int = 12, gap: float = 7.5 * mm) -> None:
        super().__init__()
        self.least, self.most, self.gap = least, most, gap
        self.lines = least

    def wrap(self, available_width: float, available_height: float):
        self.width = available_width
        # a little slack: a full frame would push the following page break onto a blank page
        self.lines = max(self.least, min(self.most, int((available_height - self.gap / 2) // self.gap)))
        self.height = self.lines * self.gap
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.4)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.gap
            self.canv.line(0, y, self.width, y)


CELL_PADDING = 6.5  # left and right padding of a table cell, with a little slack


def fit_widths(rows: list[list], widths: list[float]) -> list[float]:
    """Column widths that hold the longest Latin word of each column where the table has room
    (the columns with room to spare give it up), so "Supportive" never breaks inside."""
    from xml.sax.saxutils import unescape

    from reportlab.pdfbase.pdfmetrics import stringWidth

    need = []
    for col in range(len(widths)):
        longest = 0.0
        for row in rows:
            cell = row[col] if col < len(row) else None
            if isinstance(cell, Paragraph):
                words = unescape(re.sub(r"<[^>]+>", " ", cell.text)).split()
                longest = max([longest] + [stringWidth(w, cell.style.fontName, cell.style.fontSize)
                                           for w in words if not _CJK.search(w)])
        need.append(longest + CELL_PADDING)
    short = [max(n - w, 0.0) for w, n in zip(widths, need, strict=True)]
    spare = [max(w - n, 0.0) for w, n in zip(widths, need, strict=True)]
    deficit, room = sum(short), sum(spare)
    if deficit == 0 or room == 0:
        return widths
    give = min(deficit, room)
    return [w + (s / deficit) * give - (r / room) * give
            for w, s, r in zip(widths, short, spare, strict=True)]


class _Styles:
    def __init__(self, font: str) -> None:
        base = dict(fontName=font, textColor=INK, wordWrap="CJK")
        self.body = ParagraphStyle("body", fontSize=9, leading=12.5, **base)
        self.small = ParagraphStyle("small", fontSize=8, leading=11, **base)
        self.title = ParagraphStyle("title", fontSize=17, leading=22, spaceAfter=2, **{**base, "textColor": ACCENT})
        self.meta = ParagraphStyle("meta", fontSize=9.5, leading=13, **base)
        self.h2 = ParagraphStyle("h2", fontSize=10.5, leading=14, spaceBefore=5, spaceAfter=2,
                                 **{**base, "textColor": ACCENT})
        self.head = ParagraphStyle("head", fontSize=8.5, leading=11, **base)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self._latin: dict[str, ParagraphStyle] = {}

    def latin(self, style: ParagraphStyle) -> ParagraphStyle:
        """The style for text without CJK characters: broken between words only."""
        if style.name not in self._latin:
            self._latin[style.name] = ParagraphStyle(f"{style.name}_latin", parent=style, wordWrap=None,
                                                     splitLongWords=1)
        return self._latin[style.name]


# CJK ideographs, kana, hangul, full-width forms and CJK punctuation: text with any of
# them wraps the CJK way (between any two characters).
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def _numbered_canvas(footer: Callable[[pdfcanvas.Canvas, int, int], None], font_name: str):
    """A canvas that knows the page count when it draws each footer (page x/y). It starts
    each page in our font: reportlab's default Helvetica would be referenced (not embedded)
    by every page even though no text uses it."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font_name
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


CELL_MAX = 1500  # characters of one table cell (a 5,000-character preference is shortened)


def _printable(text: str) -> str:
    """No control characters in the PDF (a lone CR or ESC is not text)."""
    return "".join(ch for ch in text if ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F))


class CallPlanWriter:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.failed: list[tuple[CallPlan, str]] = []  # plans left out of a batch, with the reason
        self.font = pdf_font()
        self.s = _Styles(self.font.name)

    def m(self, key: str, **params: object) -> str:
        return i18n.message(f"plan.{key}", self.lang, **params)

    def table_style(self, commands: list) -> TableStyle:
        """A table style in the plan's font: a table sets its cells' font even for cells that
        hold paragraphs, and its default (Helvetica) would be a font the PDF does not embed."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font.name), *commands])

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        style = style or self.s.body
        if not _CJK.search(text):
            # Latin text wraps at spaces (reportlab's CJK wrapping breaks words anywhere:
            # "Supportiv / e"); a word longer than its column is still split
            style = self.s.latin(style)
        return Paragraph(escape(_printable(text)).replace("\n", "<br/>"), style)

    def cell(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A table cell: a text longer than CELL_MAX is shortened with a visible mark (a
        row must fit on a page; the whole text stays in rmdesk)."""
        if len(text) > CELL_MAX:
            text = text[:CELL_MAX] + self.m("shortened", n=len(text) - CELL_MAX)
        return self.p(text, style)

    def table(self, rows: list[list], widths: list[float], header: bool = True) -> Table:
        rows = [[self.cell(c) if isinstance(c, str) else c for c in row] for row in rows]
        # a row taller than what is left of the page is split inside its cells
        t = Table(rows, colWidths=fit_widths(rows, widths), repeatRows=1 if header else 0, splitInRow=1)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                 ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT)]
        t.setStyle(self.table_style(style))
        return t

    # --- pieces ------------------------------------------------------------------------
    def header_line(self, plan: CallPlan) -> Table:
        prof = plan.profile
        left = " · ".join(filter(None, [prof.bank, prof.branch])) or "rmdesk"
        right = " · ".join(filter(None, [prof.rm_name, prof.phone, prof.email]))
        t = Table([[self.p(left, self.s.head), self.p(right, self.s.head_right)]], colWidths=["50%", "50%"])
        t.setStyle(self.table_style([("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return t

    def plan(self, plan: CallPlan, width: float) -> list[Flowable]:
        m, p, s = self.m, self.p, self.s
        when = plan.planned_at.strftime("%Y-%m-%d %H:%M")
        status = m("confirmed") if plan.confirmed else m("unconfirmed")
        meta = " · ".join(filter(None, [when, m("minutes", n=plan.duration_min), plan.kind, plan.place, status]))
        out: list[Flowable] = [self.header_line(plan), Spacer(0, 4 * mm),
                               p(f"{m('title')} — {plan.client_name}", s.title), p(meta, s.meta)]
        if plan.attendees_ours or plan.attendees_theirs:
            out.append(p(f"{m('attendees')}: {m('ours')} {plan.attendees_ours or '—'}; "
                         f"{m('theirs')} {plan.attendees_theirs or '—'}", s.meta))
        facts = [[p(k, s.small), v] for k, v in plan.client_facts]
        out += [p(m("client"), s.h2), self.table(facts, [0.2 * width, 0.8 * width], header=False)]
        for section in plan.sections:
            out += [p(section.title, s.h2), *(p(f"• {line}") for line in section.lines)]
        out += risk_flowables(self, plan.risk, width)
        people = [[p(m(k), s.small) for k in ("name", "role", "decision", "attitude", "phone", "notes")]]
        for person in plan.people:
            name = person.name + (f" ({m('counterpart')})" if person.is_counterpart else "")
            people.append([name, person.role, person.decision, person.attitude, person.phone,
                           self.cell(person.notes, s.small)])
        if len(people) == 1:
            people.append([p(m("none"))] + [p("")] * 5)
        out += [p(m("people"), s.h2),
                self.table(people, [w * width for w in (0.16, 0.15, 0.12, 0.1, 0.17, 0.3)])]
        out += [p(m("objective"), s.h2), p(plan.objective)]
        out += [p(f"{i}. {item}") for i, item in enumerate(plan.agenda, 1)]
        out += [p(m("questions"), s.h2)] + [p(f"{i}. {q}") for i, q in enumerate(plan.questions, 1)]
        objections = [[p(m("objection"), s.small), p(m("answer"), s.small)]]
        for o in plan.objections:
            said = f"{o.words}" + (f" ({m('raised')})" if o.logged else "")
            objections.append([said, o.answer + (f"\n{o.worked}" if o.worked else "")])
        out += [CondPageBreak(40 * mm), p(m("objections"), s.h2), self.table(objections, [0.35 * width, 0.65 * width])]
        # Products and materials side by side: what to present, what to bring (tick boxes).
        boxes = [[TickBox(), p(name)] for name in plan.materials] or [[p(""), p(m("none"))]]
        mat = Table(boxes, colWidths=[6 * mm, 0.5 * width - 10 * mm])
        mat.setStyle(self.table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        products = [p(f"• {name}") for name in plan.products] or [p(m("none"))]
        pair = Table([[p(m("products"), s.h2), p(m("materials"), s.h2)], [products, mat]],
                     colWidths=[0.5 * width, 0.5 * width])
        pair.setStyle(self.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
        out.append(KeepTogether([pair]))
        out += suggestions_block(self, plan.suggestions, width)
        history = [[p(m("when"), s.small), p(m("notes"), s.small)]]
        history += [[d.isoformat(), text] for d, text in plan.last_visits]
        history += [[d.isoformat() if d else "", f"{m('next_step')}: {text}"] for d, text in plan.next_steps]
        if len(history) == 1:
            history.append([p(""), p(m("none"))])
        out += [p(m("history"), s.h2), self.table(history, [0.18 * width, 0.82 * width])]
        # 24 mm holds the heading and two lines: the heading is never left alone, and a plan
        # that nearly fills its page does not spill a page holding nothing but the notes
        out += [CondPageBreak(24 * mm), p(m("handwritten"), s.h2), RuledLines(least=2)]
        return out

    def agenda(self, plans: list[CallPlan], width: float) -> list[Flowable]:
        m, p, s = self.m, self.p, self.s
        first, last = plans[0].planned_at.date(), plans[-1].planned_at.date()
        span = first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
        rows = [[p(m("when"), s.small), p(m("client_column"), s.small), p(m("place"), s.small),
                 p(i18n.message("field.objective", self.lang), s.small)]]
        for plan in plans:
            rows.append([plan.planned_at.strftime("%m-%d %H:%M"), plan.client_name, plan.place or "",
                         plan.objective or ""])
        return [self.header_line(plans[0]), Spacer(0, 4 * mm), p(f"{m('agenda_title')} {span}", s.title),
                Spacer(0, 2 * mm), self.table(rows, [w * width for w in (0.14, 0.3, 0.2, 0.36)])]

    def title_of(self, plans: list[CallPlan]) -> str:
        """The document title: the date and client of one plan, else the range and count."""
        if not plans:
            return self.m("title")
        first, last = plans[0].planned_at.date(), plans[-1].planned_at.date()
        if len(plans) == 1:
            return i18n.message("files.pdf_title_one", self.lang, date=first.isoformat(), client=plans[0].client_name)
        count = len({p.client_id for p in plans})
        if first == last:
            return i18n.message("files.pdf_title_day", self.lang, first=first.isoformat(), count=count)
        return i18n.message("files.pdf_title_range", self.lang, first=first.isoformat(), last=last.isoformat(),
                            count=count)

    @staticmethod
    def author_of(plans: list[CallPlan]) -> str:
        """The RM's name and bank (and branch), from the profile."""
        if not plans:
            return ""
        prof = plans[0].profile
        return " · ".join(filter(None, [prof.rm_name, " ".join(filter(None, [prof.bank, prof.branch]))]))

    def footer(self, c: pdfcanvas.Canvas, page: int, pages: int) -> None:
        c.saveState()
        c.setFont(self.font.name, 7.5)
        c.setFillColor(colors.HexColor("#5b6b7b"))
        c.setStrokeColor(RULE)
        c.line(MARGIN, 12 * mm, A4[0] - MARGIN, 12 * mm)
        c.drawString(MARGIN, 8 * mm, self.m("confidential"))
        c.drawCentredString(A4[0] / 2, 8 * mm, self.m("printed", time=self.printed.strftime("%Y-%m-%d %H:%M")))
        c.drawRightString(A4[0] - MARGIN, 8 * mm, self.m("page", page=page, pages=pages))
        c.restoreState()

    def write(self, plans: list[CallPlan], target: str | BinaryIO, cover_agenda: bool,
              progress: Callable[[int, int], bool] | None = None) -> int:
        """Write the PDF; returns the page count. `progress(done, total)` is called as the pages
        are laid out; returning False cancels (nothing is written then) — for the GUI's batch printing."""
        self.printed = clock.now()
        doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
                                bottomMargin=18 * mm, title=self.title_of(plans), author=self.author_of(plans),
                                subject=i18n.message("files.pdf_subject", self.lang), creator="rmdesk",
                                producer="rmdesk (reportlab)", lang=LANG_TAGS.get(self.lang, "en"),
                                keywords=", ".join(dict.fromkeys(p.client_name for p in plans)),
                                # each page starts in the plan's font: reportlab's default start
                                # font, Helvetica, is never embedded (a PDF needs no font from
                                # the computer that opens it)
                                initialFontName=self.font.name)
        width = doc.width - 12  # the frame keeps 6 pt padding on each side
        story: list[Flowable] = []
        if cover_agenda and plans:
            story += self.agenda(plans, width)
        for plan in plans:
            if story:  # each plan on a new page (but never a blank one after a full page)
                story.append(PageBreakIfNotEmpty())
            story += self.plan(plan, width)
        if progress is not None:
            # Laying out the pages is the slow part: report it flowable by flowable, and let
            # the caller cancel there (the file is only written once the layout is complete).
            # The total is reportlab's size estimate, taken once: the story list itself shrinks
            # as the build consumes it. PROGRESS steps back when a flowable is split (its rest
            # goes back into the list) and may pass the estimate: the bar only goes forward.
            bar = {"total": max(len(story), 1), "done": 0}

            def on_layout(kind: str, value: int) -> None:
                if kind == "SIZE_EST":
                    bar["total"] = max(value, 1)
                elif kind == "PROGRESS":
                    bar["done"] = min(max(bar["done"], value), bar["total"])
                    if not progress(bar["done"], bar["total"]):
                        raise PrintCancelled()

            doc.setProgressCallBack(on_layout)
        pages: list[int] = []
        try:
            doc.build(story, canvasmaker=_numbered_canvas(lambda c, n, total: (self.footer(c, n, total),
                                                                                pages.append(total)),
                                                          self.font.name))
        except LayoutError as exc:
            # One plan that cannot be laid out does not cost the batch: find it (each plan
            # alone), report it, print the others.
            bad = [plan for plan in plans if not self._fits(plan)] if len(plans) > 1 else list(plans)
            rest = [plan for plan in plans if plan not in bad]
            self.failed += [(plan, str(exc)[:200]) for plan in bad]
            if not rest or not bad:
                plan = (bad or plans)[0]
                raise ValidationError("plan.failed", None, visit=plan.visit_id, client=plan.client_name,
                                      reason=str(exc)[:200]) from None
            if hasattr(target, "seek"):
                target.seek(0)
                target.truncate()
            return self.write(rest, target, cover_agenda, progress)
        return pages[-1] if pages else 0

    def _fits(self, plan: CallPlan) -> bool:
        import io

        try:
            CallPlanWriter(self.lang).write([plan], io.BytesIO(), False)
            return True
        except (LayoutError, ValidationError):
            return False


class PrintCancelled(Exception):
    """The user cancelled a batch; nothing was written."""


def render_plans(plans: list[CallPlan], target: str | os.PathLike | BinaryIO, lang: str, cover_agenda: bool = False,
                 progress: Callable[[int, int], bool] | None = None,
                 failed: list[tuple[CallPlan, str]] | None = None) -> int:
    """Render call plans to a PDF file or stream; returns the number of pages. A plan that
    cannot be laid out is left out of a batch and added to `failed` (with the reason);
    ValidationError('plan.failed') when none can be."""
    if isinstance(target, os.PathLike):
        target = os.fspath(target)
    writer = CallPlanWriter(lang)
    try:
        return writer.write(plans, target, cover_agenda, progress)
    finally:
        if failed is not None:
            failed += writer.failed


