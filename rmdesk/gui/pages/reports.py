"""Reports: the funnel — clients per step and status."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rmdesk.gui.common import fill_table, heading, read_only_table, step_label
from rmdesk.services.pipeline import funnel
from rmdesk.store.engine import Store


class ReportsPage(QWidget):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.table = read_only_table()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Pipeline funnel")))
        layout.addWidget(self.table)

    def refresh(self) -> None:
        rows = funnel(self.store)
        body = [(None, [step_label(r.step), str(r.active), str(r.won), str(r.nurture), str(r.lost),
                        str(r.active + r.won + r.nurture + r.lost)]) for r in rows]
        totals = [sum(getattr(r, f) for r in rows) for f in ("active", "won", "nurture", "lost")]
        body.append((None, [self.tr("Total"), *map(str, totals), str(sum(totals))]))
        fill_table(self.table, [self.tr("Step"), self.tr("Active"), self.tr("Won"), self.tr("Nurture"),
                                self.tr("Lost"), self.tr("All")], body)
