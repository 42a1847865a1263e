"""The insight reports as tables of text (the CLI's table output, the PDF and XLSX files)
and as JSON-ready dicts with stable English keys (the CLI's json output, a contract)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from rmdesk import formatting, i18n
from rmdesk.services import insights as ins
from rmdesk.services.recurrence import describe


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


def pct(ratio: Decimal | None) -> str:
    if ratio is None:
        return "-"
    return f"{(ratio * 100).quantize(Decimal('1'), ROUND_HALF_UP)}%"


def days(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _m(key: str, lang: str, **kw: object) -> str:
    return i18n.message(f"report.{key}", lang, **kw)


def period_line(period: ins.Period, lang: str) -> str:
    return _m("period", lang, start=period.start.isoformat(), end=period.end.isoformat())


def funnel_tables(r: ins.FunnelReport, lang: str) -> list[Table]:
    rows = [[str(s.step), str(s.entered), str(s.advanced), pct(s.conversion), str(s.stays), days(s.median_days),
             days(s.p80_days), str(s.now_in_step)] for s in r.steps]
    main = Table(_m("funnel", lang), [_m(k, lang) for k in ("step", "entered", "advanced", "conversion", "stays",
                                                             "median_days", "p80_days", "now_in_step")], rows,
                 _m("win_rate", lang, won=r.won, lost=r.lost, rate=pct(r.win_rate)))
    lost = Table(_m("lost_reasons", lang), [_m("reason", lang), _m("count", lang)],
                 [[i18n.label("lost_reason", x.reason, lang), str(x.count)] for x in r.lost_reasons])
    return [main, lost]


def _yield_row(y: ins.YieldLine, name: str, lang: str) -> list[str]:
    return [name, str(y.prospects), str(y.qualified), str(y.won), pct(y.win_rate), formatting.money(y.business, lang)]


def channel_name(key: str, lang: str) -> str:
    return _m("no_channel", lang) if key == ins.NO_CHANNEL else i18n.label("channel", key, lang)


def channel_tables(r: ins.ChannelReport, lang: str) -> list[Table]:
    head = [_m(k, lang) for k in ("prospects", "qualified", "won")] + [_m("yield_rate", lang),
                                                                        _m("business", lang)]
    rows = [_yield_row(y, channel_name(y.key, lang), lang) for y in r.channels]
    rows.append(_yield_row(r.total, _m("total", lang), lang))
    out = [Table(_m("channels", lang), [_m("channel", lang), *head], rows),
           Table(_m("referrers", lang), [_m("referrer", lang), *head],
                 [_yield_row(y, y.key, lang) for y in r.referrers])]
    out.append(Table(_m("ledger", lang), [_m(k, lang) for k in ("referrer", "client", "created", "step", "status",
                                                                 "business")],
                     [[x.referrer, x.client_name, x.created.isoformat(), str(x.step),
                       i18n.label("status", x.status, lang), formatting.money(x.business, lang)] for x in r.ledger]))
    return out


def objection_tables(r: ins.ObjectionReport, lang: str) -> list[Table]:
    rows = []
    for t in r.types:
        for a in t.answers:
            rows.append([i18n.label("objection", t.type, lang), a.answer or _m("no_answer", lang), str(a.used),
                         str(a.resolved), pct(a.resolve_rate), str(a.closed)])
    return [Table(_m("objections", lang), [_m(k, lang) for k in ("objection_type", "answer", "used", "resolved",
                                                                  "resolve_rate", "closed")], rows)]


def forecast_tables(r: ins.ForecastReport, lang: str) -> list[Table]:
    rows = [[m.month or _m("undated", lang), str(m.deals), formatting.money(m.amount, lang),
             formatting.money(m.weighted, lang)] for m in r.months]
    rows.append([_m("total", lang), str(sum(m.deals for m in r.months)), formatting.money(r.amount, lang),
                 formatting.money(r.weighted, lang)])
    return [Table(_m("forecast", lang), [_m(k, lang) for k in ("month", "deals", "amount", "weighted")], rows)]


def activity_tables(weeks: list[ins.ActivityWeek], coverage: list[ins.TierCoverage], lang: str) -> list[Table]:
    act = Table(_m("activity", lang), [_m(k, lang) for k in ("week_of", "visits", "calls", "other", "total", "goal")],
                [[w.start.isoformat(), str(w.visits), str(w.calls), str(w.other), str(w.total), str(w.goal)]
                 for w in weeks])
    cov = Table(_m("coverage", lang), [_m(k, lang) for k in ("tier", "cadence", "clients", "expected_each",
                                                            "contacts", "covered", "coverage_rate")],
                [[i18n.label("tier", c.tier, lang), describe(c.rule, lang), str(c.clients), str(c.expected_each),
                  str(c.contacts), str(c.covered), pct(c.coverage)] for c in coverage])
    return [act, cov]


# ---- JSON (stable English keys) -----------------------------------------------------------


def _num(ratio: Decimal | None) -> float | None:
    return None if ratio is None else float(ratio.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _period(p: ins.Period) -> dict:
    return {"from": p.start.isoformat(), "to": p.end.isoformat()}


def funnel_json(r: ins.FunnelReport) -> dict:
    return {**_period(r.period),
            "steps": [{"step": s.step, "entered": s.entered, "advanced": s.advanced, "conversion": _num(s.conversion),
                       "stays": s.stays, "median_days": _days(s.median_days), "p80_days": _days(s.p80_days),
                       "now_in_step": s.now_in_step} for s in r.steps],
            "won": r.won, "lost": r.lost, "win_rate": _num(r.win_rate),
            "lost_reasons": [{"reason": x.reason, "count": x.count} for x in r.lost_reasons]}


def _yield_json(y: ins.YieldLine, key: str) -> dict:
    return {key: y.key, "prospects": y.prospects, "qualified": y.qualified, "won": y.won,
            "win_rate": _num(y.win_rate), "business": str(y.business)}


def channels_json(r: ins.ChannelReport) -> dict:
    return {**_period(r.period),
            "channels": [_yield_json(y, "channel") for y in r.channels],
            "referrers": [_yield_json(y, "referrer") for y in r.referrers],
            "ledger": [{"referrer": x.referrer, "client_id": x.client_id, "client": x.client_name,
                        "created": x.created.isoformat(), "step": x.step, "status": x.status,
                        "business": str(x.business)} for x in r.ledger],
            "total": {k: v for k, v in _yield_json(r.total, "channel").items() if k != "channel"}}


def objections_json(r: ins.ObjectionReport) -> dict:
    return {**_period(r.period),
            "types": [{"type": t.type, "raised": t.raised, "resolved": t.resolved, "closed": t.closed,
                       "answers": [{"answer": a.answer, "used": a.used, "resolved": a.resolved, "closed": a.closed,
                                    "resolve_rate": _num(a.resolve_rate), "close_rate": _num(a.close_rate)}
                                   for a in t.answers]} for t in r.types]}


def forecast_json(r: ins.ForecastReport) -> dict:
    return {**_period(r.period),
            "months": [{"month": m.month, "deals": m.deals, "amount": str(m.amount), "weighted": str(m.weighted)}
                       for m in r.months],
            "amount": str(r.amount), "weighted": str(r.weighted)}


def activity_json(weeks: list[ins.ActivityWeek]) -> dict:
    return {"weeks": [{"week_of": w.start.isoformat(), "visits": w.visits, "calls": w.calls, "other": w.other,
                       "total": w.total, "goal": w.goal} for w in weeks]}


def coverage_json(lines: list[ins.TierCoverage]) -> dict:
    return {"tiers": [{"tier": c.tier, "cadence": c.rule, "clients": c.clients, "expected_each": c.expected_each,
                       "contacts": c.contacts, "covered": c.covered, "coverage": _num(c.coverage)} for c in lines]}


def tables(name: str, report: object, lang: str) -> list[Table]:
    """The CLI's tables of one insight report, by its command word."""
    if name == "activity":
        return activity_tables(report, [], lang)[:1]  # type: ignore[arg-type]
    if name == "coverage":
        return activity_tables([], report, lang)[1:]  # type: ignore[arg-type]
    word = {"channels": "channel", "objections": "objection"}.get(name, name)
    return globals()[f"{word}_tables"](report, lang)
