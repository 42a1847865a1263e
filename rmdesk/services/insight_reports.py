"""The insight reports (services/insights.py) as documents to print or export: A4 PDF with
charts (formats/report_pdf.py, reportlab's own graphics) and XLSX with numbers as numbers,
one sheet per report (formats/report_xlsx.py). The header of every page carries the RM's
name, bank, branch and the period (the RM profile); masking applies to the free text (the
referrers' names, the answers written down). Money follows the one unit rule: 万元 in
Chinese, CNY in English, the unit in the column heading and the chart title.

A report is named by its CLI word: funnel, channels, objections, forecast, activity,
coverage. The forecast looks ahead (its own period: by default this month and the five
after it), the others look back over the period."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from rmdesk import clock, formatting, i18n
from rmdesk.errors import ValidationError
from rmdesk.formats.report_doc import Chart, ReportDocument, Section
from rmdesk.playbook import loader
from rmdesk.services import insights as ins
from rmdesk.services import insights_text, masking, settings
from rmdesk.services.recurrence import describe
from rmdesk.services.workreports import _mask
from rmdesk.store.engine import Store

REPORTS = ("funnel", "channels", "objections", "forecast", "activity", "coverage")
FILE_TYPES = ("pdf", "xlsx")
GOAL_COLOURS = ("#1976d2", "#c62828")  # the contacts blue, the goal red (as the app's goal mark)


def _m(key: str, lang: str, **kw: object) -> str:
    return i18n.message(f"report.{key}", lang, **kw)


def _t(key: str, lang: str, **kw: object) -> str:
    return i18n.message(f"insight.{key}", lang, **kw)


# ---- cells: one value, its text for the PDF and its number for the XLSX -----------------


def in_unit(amount: Decimal, lang: str) -> Decimal:
    """A yuan amount in the report's one unit: 万元 (two decimals) in Chinese, CNY in English."""
    if lang == "zh_CN":
        return (amount / formatting.WAN).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return amount.quantize(Decimal("1"), ROUND_HALF_UP)


def money_text(amount: Decimal, lang: str) -> str:
    """A yuan amount as the reports print it: in 万元 with two decimals, or whole CNY (the
    unit stands in the column heading)."""
    return _text("money", in_unit(amount, lang), lang)


def _text(kind: str, value: object, lang: str) -> str:
    if value is None:
        return "-"
    if kind == "pct":
        return insights_text.pct(value)  # type: ignore[arg-type]
    if kind == "days":
        return insights_text.days(value)  # type: ignore[arg-type]
    if kind == "money":
        return f"{value:,.2f}" if lang == "zh_CN" else f"{value:,}"
    return str(value)


def _format(kind: str, lang: str) -> str:
    return {"int": "0", "pct": "0%", "days": "0.0", "text": "",
            "money": "#,##0.00" if lang == "zh_CN" else "#,##0"}[kind]


def _number(kind: str, value: object) -> object:
    if value is None or kind == "text":
        return value
    if kind == "days":
        return round(float(value), 2)  # type: ignore[arg-type]
    if kind == "pct":
        return float(value)  # type: ignore[arg-type]
    return value


WIDTHS = {"text": 2.0, "money": 1.6}  # relative column widths in the PDF (others 1)


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "int"  # int | pct | days | money | text
    width: float = 0.0  # relative width in the PDF (0: by kind)


def table(title: str, columns: list[Column], values: list[list[object]], lang: str, *, note: str = "",
          charts: Iterable[Chart] = ()) -> Section:
    """A section whose cells come from typed values: text for the PDF, numbers for the XLSX."""
    header = [formatting.input_unit_caption(c.title, lang) if c.kind == "money" else c.title for c in columns]
    rows = [[_text(c.kind, v, lang) for c, v in zip(columns, line, strict=True)] for line in values]
    typed = [[_number(c.kind, v) for c, v in zip(columns, line, strict=True)] for line in values]
    return Section(title, header, rows, note=note, empty=_m("nothing", lang), values=typed,
                   formats=[_format(c.kind, lang) for c in columns], charts=list(charts),
                   widths=[c.width or WIDTHS.get(c.kind, 1.0) for c in columns])


def chart(kind: str, title: str, section_values: list[list[object]], category: int, columns: list[int],
          names: list[str], unit: str = "", rows: int | None = None, labels: list[str] | None = None,
          colours: tuple[str, ...] = ()) -> Chart:
    """A chart over some columns of a table's typed values (the first `rows` rows)."""
    chosen = section_values if rows is None else section_values[:rows]
    categories = labels if labels is not None else [str(line[category]) for line in chosen]

    def num(v: object) -> float | None:
        return None if v is None else float(v)  # type: ignore[arg-type]

    series = [(name, [num(line[col]) for line in chosen]) for name, col in zip(names, columns, strict=True)]
    return Chart(kind, title, categories, series, unit, category, tuple(columns), rows, colours)


def _unit(title: str, unit: str, lang: str) -> str:
    """A chart title with its unit: 标题（万元） / Title (CNY)."""
    return f"{title}（{unit}）" if lang == "zh_CN" else f"{title} ({unit})"


def _money_unit(lang: str) -> str:
    return "万元" if lang == "zh_CN" else "CNY"


def _step(step: int, lang: str) -> str:
    return f"{step} · {loader.load(lang).step(step).short}"


# ---- the reports --------------------------------------------------------------------------


def funnel_sections(r: ins.FunnelReport, lang: str) -> list[Section]:
    cols = [Column(_m("step", lang), "text")] + [Column(_m(k, lang)) for k in ("entered", "advanced")] + [
        Column(_m("conversion", lang), "pct"), Column(_m("stays", lang)), Column(_m("median_days", lang), "days"),
        Column(_m("p80_days", lang), "days"), Column(_m("now_in_step", lang))]
    values = [[_step(s.step, lang), s.entered, s.advanced, s.conversion, s.stays, s.median_days, s.p80_days,
               s.now_in_step] for s in r.steps]
    steps = [_t("step_n", lang, n=s.step) for s in r.steps]
    charts = [chart("bar", _t("chart_funnel", lang), values, 0, [1, 2], [_m("entered", lang), _m("advanced", lang)],
                    labels=steps),
              chart("bar", _unit(_t("chart_velocity", lang), _t("days", lang), lang), values, 0, [5, 6],
                    [_m("median_days", lang), _m("p80_days", lang)], _t("days", lang), labels=steps)]
    note = _m("win_rate", lang, won=r.won, lost=r.lost, rate=insights_text.pct(r.win_rate))
    main = table(_m("funnel", lang), cols, values, lang, note=note, charts=charts)
    lost_values = [[i18n.label("lost_reason", x.reason, lang), x.count] for x in r.lost_reasons]
    lost = table(_m("lost_reasons", lang), [Column(_m("reason", lang), "text"), Column(_m("count", lang))],
                 lost_values, lang,
                 charts=[chart("bar", _m("lost_reasons", lang), lost_values, 0, [1], [_m("count", lang)])]
                 if lost_values else ())
    return [main, lost]


def _yield_columns(first: str, lang: str) -> list[Column]:
    return [Column(first, "text"), *(Column(_m(k, lang)) for k in ("prospects", "qualified", "won")),
            Column(_m("yield_rate", lang), "pct"), Column(_m("business", lang), "money")]


def _yield_values(y: ins.YieldLine, name: str, lang: str) -> list[object]:
    return [name, y.prospects, y.qualified, y.won, y.win_rate, in_unit(y.business, lang)]


# The PDF's referral ledger: the agents with the best yield (the referrers table's order: won,
# then prospects), each with their referred clients of the most business (then the first
# referred); a line says how many more, which the XLSX lists in full.
LEDGER_AGENTS = 20
LEDGER_PER_AGENT = 10


def _ledger_lines(r: ins.ChannelReport, capped: bool) -> tuple[list[ins.Referral], int, int]:
    """The ledger's rows to print, with the referrals and agents left out."""
    if not capped:
        return r.ledger, 0, 0
    by_agent: dict[str, list[ins.Referral]] = {}
    for x in r.ledger:
        by_agent.setdefault(x.referrer, []).append(x)
    shown: list[ins.Referral] = []
    for y in r.referrers[:LEDGER_AGENTS]:
        mine = by_agent.get(y.key, [])
        best = sorted(mine, key=lambda x: (-x.business, x.created, x.client_id))[:LEDGER_PER_AGENT]
        shown += sorted(best, key=lambda x: (x.created, x.client_id))
    return shown, len(r.ledger) - len(shown), max(len(by_agent) - LEDGER_AGENTS, 0)


def channel_sections(r: ins.ChannelReport, lang: str, on: bool, capped: bool = False) -> list[Section]:
    """`capped`: for the PDF, the ledger's rows of the best agents only (see LEDGER_AGENTS)."""
    values = [_yield_values(y, insights_text.channel_name(y.key, lang), lang) for y in r.channels]
    values.append(_yield_values(r.total, _m("total", lang), lang))
    n = len(r.channels)
    charts = [chart("bar", _t("chart_channels", lang), values, 0, [1, 2, 3],
                    [_m(k, lang) for k in ("prospects", "qualified", "won")], rows=n),
              chart("bar", _unit(_t("chart_business", lang), _money_unit(lang), lang), values, 0, [5], [_m("business", lang)], _money_unit(lang),
                    rows=n)]
    main = table(_m("channels", lang), _yield_columns(_m("channel", lang), lang), values, lang,
                 charts=charts if n else ())
    refs = table(_m("referrers", lang), _yield_columns(_m("referrer", lang), lang),
                 [_yield_values(y, _mask(y.key, on), lang) for y in r.referrers], lang)
    ledger_cols = [Column(_m(k, lang), "text", w) for k, w in (("referrer", 2.0), ("client", 2.6), ("created", 1.3),
                                                               ("step", 0.6), ("status", 1.0))]
    lines, rest, agents = _ledger_lines(r, capped)
    ledger = table(_m("ledger", lang), [*ledger_cols, Column(_m("business", lang), "money")],
                   [[_mask(x.referrer, on), x.client_name, x.created.isoformat(), str(x.step),
                     i18n.label("status", x.status, lang), in_unit(x.business, lang)] for x in lines], lang,
                   note=_t("ledger_capped_agents" if agents else "ledger_capped", lang, agents=LEDGER_AGENTS,
                           per=LEDGER_PER_AGENT, rest=rest, more=agents) if rest else "")
    return [main, refs, ledger]


def objection_sections(r: ins.ObjectionReport, lang: str, on: bool) -> list[Section]:
    kinds = [[i18n.label("objection", t.type, lang), t.raised, t.resolved, t.closed,
              ins._ratio(t.resolved, t.raised)] for t in r.types]
    cols = [Column(_m("objection_type", lang), "text"), Column(_t("raised", lang)), Column(_m("resolved", lang)),
            Column(_m("closed", lang)), Column(_m("resolve_rate", lang), "pct")]
    summary = table(_t("objection_summary", lang), cols, kinds, lang,
                    charts=[chart("bar", _t("chart_objections", lang), kinds, 0, [1, 2, 3],
                                  [_t("raised", lang), _m("resolved", lang), _m("closed", lang)])] if kinds else ())
    answers = [[i18n.label("objection", t.type, lang), _mask(a.answer, on) or _m("no_answer", lang), a.used,
                a.resolved, a.resolve_rate, a.closed] for t in r.types for a in t.answers]
    detail = table(_m("objections", lang), [Column(_m("objection_type", lang), "text", 1.6),
                                            Column(_m("answer", lang), "text", 4.4),
                                            Column(_m("used", lang)), Column(_m("resolved", lang)),
                                            Column(_m("resolve_rate", lang), "pct"), Column(_m("closed", lang))],
                   answers, lang)
    return [summary, detail]


def forecast_sections(r: ins.ForecastReport, lang: str) -> list[Section]:
    values = [[m.month or _m("undated", lang), m.deals, in_unit(m.amount, lang), in_unit(m.weighted, lang)]
              for m in r.months]
    values.append([_m("total", lang), sum(m.deals for m in r.months), in_unit(r.amount, lang),
                   in_unit(r.weighted, lang)])
    cols = [Column(_m("month", lang), "text"), Column(_m("deals", lang)), Column(_m("amount", lang), "money"),
            Column(_m("weighted", lang), "money")]
    note = _t("forecast_note", lang, start=r.period.start.isoformat(), end=r.period.end.isoformat())
    return [table(_m("forecast", lang), cols, values, lang, note=note,
                  charts=[chart("bar", _unit(_t("chart_forecast", lang), _money_unit(lang), lang), values, 0, [2, 3],
                                [_m("amount", lang), _m("weighted", lang)], _money_unit(lang), rows=len(r.months))])]


def activity_sections(weeks: list[ins.ActivityWeek], lang: str) -> list[Section]:
    values = [[w.start.isoformat(), w.visits, w.calls, w.other, w.total, w.goal] for w in weeks]
    cols = [Column(_m("week_of", lang), "text")] + [Column(_m(k, lang)) for k in ("visits", "calls", "other",
                                                                                 "total", "goal")]
    labels = [w.start.strftime("%m-%d") for w in weeks]
    return [table(_m("activity", lang), cols, values, lang,
                  charts=[chart("line", _t("chart_activity", lang), values, 0, [4, 5],
                                [_m("total", lang), _m("goal", lang)], labels=labels,
                                colours=GOAL_COLOURS)] if weeks else ())]


def coverage_sections(lines: list[ins.TierCoverage], lang: str) -> list[Section]:
    values = [[i18n.label("tier", c.tier, lang), describe(c.rule, lang), c.clients, c.expected_each, c.contacts,
               c.covered, c.coverage] for c in lines]
    cols = [Column(_m("tier", lang), "text"), Column(_m("cadence", lang), "text")] + [
        Column(_m(k, lang)) for k in ("clients", "expected_each", "contacts", "covered")] + [
        Column(_m("coverage_rate", lang), "pct")]
    return [table(_m("coverage", lang), cols, values, lang,
                  charts=[chart("bar", _t("chart_coverage", lang), values, 0, [2, 5],
                                [_m("clients", lang), _m("covered", lang)])] if lines else ())]


# ---- computing and the document -----------------------------------------------------------


def forecast_period(start: date | None = None, end: date | None = None) -> ins.Period:
    """The forecast's period: the days given, else this month and the five after it (as the
    Reports page shows it)."""
    if start is None and end is None:
        first = clock.today().replace(day=1)
        return ins.Period(first, first + relativedelta(months=6, days=-1))
    return ins.make_period(start, end)


def compute(store: Store, names: Iterable[str], period: ins.Period,
            ahead: ins.Period | None = None) -> dict[str, object]:
    """The named reports over the period (the forecast over `ahead`, default the six
    months from this one)."""
    out: dict[str, object] = {}
    for name in names:
        if name not in REPORTS:
            raise ValidationError("error.not_in_list", None, value=name)
        out[name] = ins.forecast(store, ahead or forecast_period()) if name == "forecast" \
            else getattr(ins, name)(store, period)
    return out


def from_insights(result: ins.Insights, names: Iterable[str] = REPORTS) -> dict[str, object]:
    """The reports the Reports page has computed (nothing computed again)."""
    return {name: getattr(result, name) for name in names}


def title(name: str, lang: str) -> str:
    return _m(name, lang)


def document(store: Store, reports: dict[str, object], period: ins.Period, lang: str,
             pdf: bool = False) -> ReportDocument:
    """The reports (in REPORTS order) as one document, each on its own pages and sheet.
    `pdf`: for print, the referral ledger capped (its best agents, see LEDGER_AGENTS)."""
    on = masking.enabled(store)
    builders = {"funnel": lambda r: funnel_sections(r, lang),
                "channels": lambda r: channel_sections(r, lang, on, pdf),
                "objections": lambda r: objection_sections(r, lang, on),
                "forecast": lambda r: forecast_sections(r, lang),
                "activity": lambda r: activity_sections(r, lang),
                "coverage": lambda r: coverage_sections(r, lang)}
    sections: list[Section] = []
    names = [n for n in REPORTS if n in reports]
    for name in names:
        sheet = title(name, lang)
        for i, section in enumerate(builders[name](reports[name])):
            sections.append(Section(**{**section.__dict__, "sheet": sheet, "new_page": bool(sections) and i == 0}))
    prof = settings.get_profile(store)
    heading = title(names[0], lang) if len(names) == 1 else _t("title", lang)
    return ReportDocument(heading, _t("period", lang, start=period.start.isoformat(), end=period.end.isoformat()),
                          prof.rm_name, prof.bank, prof.branch, "", lang, sections, [],
                          footer_text=i18n.message("work.printed", lang, at=formatting.minute(clock.now())),
                          page_text=i18n.message("work.page", lang))


def file_type(path: str | os.PathLike) -> str:
    suffix = str(path).lower().rsplit(".", 1)[-1] if "." in os.path.basename(str(path)) else ""
    if suffix not in FILE_TYPES:
        raise ValidationError("error.report_file_type", None, path=str(path))
    return suffix


def write(doc: ReportDocument, path: str | os.PathLike) -> int:
    """Write the document as .pdf (pages returned) or .xlsx (rows returned) by the extension,
    through a temporary file: a failure leaves no partial file and a clear message."""
    from rmdesk.formats.report_pdf import render_report
    from rmdesk.formats.report_xlsx import render_report_xlsx

    suffix = file_type(path)
    try:
        return render_report(doc, path) if suffix == "pdf" else render_report_xlsx(doc, path)
    except OSError as exc:
        raise ValidationError("error.cannot_write", None, path=str(path), reason=exc.strerror or str(exc)) from None


def export(store: Store, reports: dict[str, object], period: ins.Period, path: str | os.PathLike, lang: str) -> int:
    return write(document(store, reports, period, lang, pdf=file_type(path) == "pdf"), path)


def pdf_bytes(store: Store, reports: dict[str, object], period: ins.Period, lang: str,
              progress: Callable[[int, int], bool] | None = None) -> tuple[bytes, int]:
    """The PDF in memory (for the print preview), and its page count; `progress` as in
    ReportWriter.write (False from it stops with formats.callplan_pdf.PrintCancelled)."""
    from rmdesk.formats.report_pdf import ReportWriter

    buffer = io.BytesIO()
    pages = ReportWriter(document(store, reports, period, lang, pdf=True)).write(buffer, progress)
    return buffer.getvalue(), pages
