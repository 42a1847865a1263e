"""The call plan's risk-watch block: the client's open early warnings (with what to check on
the visit), its guarantee-risk flags and its related parties. Plain data filled by
rmdesk.services.early_warnings.plan_brief; printed by CallPlanWriter after the client box."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable


@dataclass(frozen=True)
class PlanWarning:
    signal: str  # the signal's name
    severity: str  # its label
    seen: str  # "2026-11-20 发现"
    detail: str
    action: str
    look_for: str  # what to check on the visit (the catalogue's text)


@dataclass(frozen=True)
class RiskBrief:
    warnings: list[PlanWarning] = field(default_factory=list)
    guarantee: list[str] = field(default_factory=list)  # chain / circle sentences
    related: list[tuple[str, str]] = field(default_factory=list)  # (relation, company)

    @property
    def empty(self) -> bool:
        return not (self.warnings or self.guarantee or self.related)


def risk_flowables(writer, brief: RiskBrief | None, width: float) -> list[Flowable]:
    """The block for `writer` (a CallPlanWriter: its styles, cells and tables); nothing when
    the client has no open warning, no guarantee flag and no related party."""
    if brief is None or brief.empty:
        return []
    from rmdesk import i18n

    def m(key: str, **kw: object) -> str:
        return i18n.message(f"warn.{key}", writer.lang, **kw)

    p, s = writer.p, writer.s
    out: list[Flowable] = [p(m("plan_title"), s.h2)]
    if brief.warnings:
        rows = [[p(m(k), s.small) for k in ("col_signal", "col_severity", "col_seen", "col_action")]]
        for w in brief.warnings:
            said = "\n".join(filter(None, [w.signal, w.detail]))
            todo = "\n".join(filter(None, [w.action, m("plan_ask") + w.look_for if w.look_for else ""]))
            rows.append([said, w.severity, w.seen, todo])
        out.append(writer.table(rows, [w * width for w in (0.3, 0.08, 0.17, 0.45)]))
    for text in brief.guarantee:
        out.append(p(text))  # no warning sign: CJK fonts often lack the glyph
    if brief.related:
        out.append(p(m("plan_related") + ": " + "; ".join(f"{kind} {name}" for kind, name in brief.related),
                     s.small))
    return out
