"""One client: profile, key persons, guidance for the current step, history of moves."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rmdesk import formatting, i18n
from rmdesk.gui.common import fill_table, heading, read_only_table, step_label
from rmdesk.playbook import loader
from rmdesk.services.clients import ClientDetail, get_client
from rmdesk.services.pipeline import check_exit, history
from rmdesk.store.engine import Store


class ClientWindow(QWidget):
    def __init__(self, store: Store, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.client_id = client_id
        self.resize(960, 680)

        self.title = heading("", 4)
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 6)
        self.progress.setTextVisible(True)
        self.tabs = QTabWidget()
        self.overview = QWidget()
        self.overview_form = QFormLayout(self.overview)
        self.contacts = read_only_table()
        self.guidance = QTextBrowser()
        self.guidance.setOpenExternalLinks(False)
        self.history = read_only_table()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.contacts, self.tr("Key persons"))
        self.tabs.addTab(self.guidance, self.tr("Guidance"))
        self.tabs.addTab(self.history, self.tr("Timeline"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        client = get_client(self.store, self.client_id)
        lang = i18n.language()
        self.setWindowTitle(client.name)
        self.title.setText(client.name)
        days = client.days_in_step()
        parts = [step_label(client.step), i18n.label("status", client.status),
                 i18n.label("tier", client.tier) or self.tr("No tier"),
                 self.tr("%1 days in this step").replace("%1", str(days))]
        if client.owner:
            parts.append(self.tr("Owner: %1").replace("%1", client.owner))
        if client.next_action_date:
            parts.append(self.tr("Next action: %1").replace("%1", formatting.day(client.next_action_date)))
        self.summary.setText("  ·  ".join(parts))
        self.progress.setValue(client.step)
        self.progress.setFormat(self.tr("Step %1 of 6").replace("%1", str(client.step)))
        self._fill_overview(client, lang)
        fill_table(self.contacts, [self.tr("Name"), self.tr("Title"), self.tr("Decision power"),
                                   self.tr("Attitude"), self.tr("Phone"), self.tr("Birthday"),
                                   self.tr("Preferences")],
                   [(None, [p.name, p.title or i18n.label("role", p.role), i18n.label("decision", p.decision_power),
                            i18n.label("attitude", p.attitude), p.phone or "", formatting.day(p.birthday),
                            p.preferences or ""]) for p in client.contacts])
        self._fill_guidance(client, lang)
        fill_table(self.history, [self.tr("When"), self.tr("Move"), self.tr("Reason")],
                   [(None, [formatting.minute(h.at), self._move_text(h), (h.reason or "")
                            + (" " + self.tr("(override)") if h.override else "")])
                    for h in history(self.store, self.client_id)])

    def _move_text(self, h) -> str:
        if h.from_step is None:
            return self.tr("Created at %1").replace("%1", step_label(h.to_step))
        if h.from_step != h.to_step:
            return f"{step_label(h.from_step)} → {step_label(h.to_step)}"
        return f"{i18n.label('status', h.from_status)} → {i18n.label('status', h.to_status)}"

    def _fill_overview(self, c: ClientDetail, lang: str) -> None:
        while self.overview_form.rowCount():
            self.overview_form.removeRow(0)
        rows = [
            ("field.short_name", c.short_name or ""),
            ("field.credit_code", c.credit_code or ""),
            ("field.industry", i18n.label("industry", c.industry)),
            ("field.policy_class", i18n.label("policy", c.policy_class)
             + (" · " + i18n.message("field.two_high") if c.two_high else "")),
            ("field.size", i18n.label("size", c.size)),
            ("field.district", " ".join(filter(None, [c.district, c.address]))),
            ("field.credit_rating", c.credit_rating or ""),
            ("field.annual_sales", formatting.money(c.annual_sales, lang)),
            ("field.source_channel", i18n.label("channel", c.source_channel)
             + (f" · {c.referrer}" if c.referrer else "")),
            ("field.banks", "；".join(
                f"{b.bank_name} {b.share_pct or 0}%" + (f" ({b.satisfaction}/5)" if b.satisfaction else "")
                for b in c.banks)),
            ("field.intel_notes", c.intel_notes or ""),
        ]
        for key, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.overview_form.addRow(i18n.message(key) + "：" if lang == "zh_CN" else i18n.message(key) + ":",
                                      label)

    def _fill_guidance(self, c: ClientDetail, lang: str) -> None:
        step = loader.load(lang).step(c.step)
        check = check_exit(self.store, c.id)
        conditions = "".join(
            f"<li style='color:{'#2e7d32' if cond.met else '#b00020'}'>{'✔' if cond.met else '✘'} "
            f"{escape(i18n.message('rule.' + cond.key, **cond.params))}</li>" for cond in check.conditions)
        html = [f"<h2>{escape(step_label(c.step))} — {escape(step.name)}</h2>",
                f"<p>{escape(step.purpose)}</p>",
                f"<h3>{escape(self.tr('Exit condition'))}</h3><p>{escape(step.exit_rule)}</p><ul>{conditions}</ul>",
                f"<h3>{escape(self.tr('Checklist'))}</h3><ul>"
                + "".join(f"<li>☐ {escape(i.text)}</li>" for i in step.checklist) + "</ul>",
                f"<h3>{escape(self.tr('Tips'))}</h3><ul>" + "".join(f"<li>{escape(t)}</li>" for t in step.tips)
                + "</ul>",
                f"<h3>{escape(self.tr('Scripts'))}</h3>"
                + "".join(f"<p><b>{escape(s.name)}</b><br>{escape(s.text)}</p>" for s in step.scripts)]
        self.guidance.setHtml("".join(html))
