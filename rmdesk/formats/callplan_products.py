"""The call plan's "Products that fit" block: the products suggested from the client's
confirmed needs and industry (services.product_guide), each with why and its pitch."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether


@dataclass(frozen=True)
class PlanSuggestion:
    name: str
    reason: str  # the need areas it serves, the industry fit
    pitch: str


def suggestions_block(writer, suggestions: list[PlanSuggestion], width: float) -> list[Flowable]:
    """Nothing when there is no suggestion (no confirmed need yet)."""
    if not suggestions:
        return []
    m, p, s = writer.m, writer.p, writer.s
    rows = [[p(m("suggested_product"), s.small), p(m("suggested_why"), s.small), p(m("suggested_pitch"), s.small)]]
    rows += [[x.name, writer.cell(x.reason, s.small), x.pitch] for x in suggestions]
    return [KeepTogether([p(m("suggested"), s.h2), writer.table(rows, [0.26 * width, 0.26 * width, 0.48 * width])])]
