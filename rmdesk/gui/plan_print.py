"""Call plans from the GUI: build the PDF off the GUI thread (progress, Cancel), then a
preview of its pages with Print… (the system dialog) and Save as PDF…."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rmdesk import i18n
from rmdesk.gui import folders
from rmdesk.gui.errors import show_error
from rmdesk.gui.jobs import Cancelled, Progress, run_job
from rmdesk.store.engine import Store

PREVIEW_WIDTH = 720  # pixels of a page in the preview
PRINT_DPI = 300
# PDFium must not be entered from two threads at once (preview and printing).
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class BuiltPlans:
    pdf: bytes
    pages: int
    plans: int
    name: str  # a file name to suggest when saving
    save_title: str = ""  # the Save dialog's title (default: the call plans')


def _build(store: Store, lang: str, visit_ids: list[int], cover: bool, name: str,
           progress: Progress) -> BuiltPlans:
    """Gather each visit's plan (first 30% of the bar), then lay out the PDF (the rest)."""
    from rmdesk.formats.callplan_pdf import PrintCancelled, render_plans
    from rmdesk.services.callplan import plan_for_visit
    from rmdesk.services.insights import worked_answers

    plans = []
    worked = worked_answers(store)  # once for the batch, not once per visit (~0.4 s each at 100k)
    for i, visit_id in enumerate(visit_ids):
        plans.append(plan_for_visit(store, visit_id, lang, worked))
        if not progress(300 * (i + 1) // len(visit_ids), 1000):
            raise Cancelled()
    buffer = io.BytesIO()
    try:
        pages = render_plans(plans, buffer, lang, cover_agenda=cover,
                             progress=lambda done, total: progress(300 + 700 * done // max(total, 1), 1000))
    except PrintCancelled:
        raise Cancelled() from None
    return BuiltPlans(buffer.getvalue(), pages, len(plans), name)


def build_plans(parent: QWidget, store: Store, visit_ids: list[int], cover: bool, name: str) -> BuiltPlans | None:
    """The PDF of these visits' plans, or None when the user cancelled or it failed (told)."""
    lang = i18n.language()
    try:
        return run_job(parent, QCoreApplication.translate("PlanPrint", "Preparing call plans…"),
                       lambda progress: _build(store, lang, visit_ids, cover, name, progress))
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - shown to the user in their language, logged
        show_error(parent, exc)
        return None


def preview_visit_plan(parent: QWidget, store: Store, visit_id: int, client_name: str, when: date) -> None:
    built = build_plans(parent, store, [visit_id], cover=False, name=f"{when.isoformat()} {client_name}.pdf")
    if built is not None:
        PlanPreview(built, parent).exec()


def preview_plans_between(parent: QWidget, store: Store, start: date, days: int) -> None:
    from rmdesk.services.callplan import planned_visit_ids

    ids = planned_visit_ids(store, start, days)
    if not ids:
        QMessageBox.information(parent, QCoreApplication.translate("PlanPrint", "Call plans"), i18n.message("error.no_visits"))
        return
    span = start.isoformat() if days == 1 else f"{start.isoformat()}_{days}d"
    built = build_plans(parent, store, ids, cover=True, name=f"{i18n.message('plan.agenda_title')} {span}.pdf")
    if built is not None:
        PlanPreview(built, parent).exec()


def render_page(pdf, index: int, dpi: float) -> QImage:
    """One page of an open PDFium document as an RGB image at `dpi`."""
    with _PDFIUM:
        bitmap = pdf[index].render(scale=dpi / 72, rev_byteorder=True)
        # copy(): the QImage must own its pixels once the PDFium bitmap is gone
        return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGB888).copy()


class PlanPreview(QDialog):
    """The built PDF page by page (rendered lazily as they scroll into view)."""

    def __init__(self, built: BuiltPlans, parent: QWidget | None = None) -> None:
        import pypdfium2

        super().__init__(parent)
        self.built = built
        with _PDFIUM:
            self.pdf = pypdfium2.PdfDocument(built.pdf)
            width, height = self.pdf[0].get_size()
        self.setWindowTitle(self.tr("Call plan preview — %n plan(s)", "", built.plans)
                            + self.tr(", %n page(s)", "", built.pages))
        self.dpi = PREVIEW_WIDTH / width * 72
        column = QWidget()
        column.setStyleSheet("background: #7a838c;")
        pages = QVBoxLayout(column)
        pages.setSpacing(12)
        pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for _ in range(built.pages):
            label = QLabel()
            label.setFixedSize(PREVIEW_WIDTH, round(PREVIEW_WIDTH * height / width))
            label.setStyleSheet("background: white;")
            pages.addWidget(label)
            self.page_labels.append(label)
        self.rendered: set[int] = set()
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.verticalScrollBar().valueChanged.connect(self.render_visible)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self.resize(PREVIEW_WIDTH + 60, 720)
        QTimer.singleShot(0, self.render_visible)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.render_visible()

    def render_visible(self) -> None:
        if self.pdf is None:  # closed; a queued scroll or resize may still arrive
            return
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        for index, label in enumerate(self.page_labels):
            if index in self.rendered or label.y() > bottom or label.y() + label.height() < top:
                continue
            label.setPixmap(QPixmap.fromImage(render_page(self.pdf, index, self.dpi)))
            self.rendered.add(index)

    def save(self) -> bool:
        path, _ = folders.save_file(self, self.built.save_title or self.tr("Save call plans as PDF"), self.built.name,
                                    self.tr("PDF files (*.pdf)"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.write_to(path)

    def write_to(self, path: str) -> bool:
        from rmdesk.errors import RmdeskError
        from rmdesk.files import atomic_output

        try:
            with atomic_output(path) as tmp:  # a failure leaves an existing file as it was
                tmp.write_bytes(self.built.pdf)
        except RmdeskError as exc:
            QMessageBox.warning(self, self.built.save_title or self.tr("Save call plans as PDF"), exc.message())
            return False
        return True

    def print_pages(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.built.name)
        printer.setFromTo(1, self.built.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.built.pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Paint the chosen pages onto the printer off the GUI thread (a page at print resolution
        takes a moment); returns False when cancelled."""
        first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
        last = min(printer.toPage(), self.built.pages) if printer.toPage() else self.built.pages
        dpi = min(printer.resolution(), PRINT_DPI)

        def work(progress: Progress) -> int:
            painter = QPainter()
            if not painter.begin(printer):
                raise OSError(self.tr("The printer could not be started."))
            try:
                for n, index in enumerate(range(first, last)):
                    if n:
                        printer.newPage()
                    image = render_page(self.pdf, index, dpi)
                    size = image.size().scaled(painter.viewport().size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
                    if not progress(n + 1, last - first):
                        printer.abort()
                        raise Cancelled()
            finally:
                painter.end()
            return last - first

        try:
            run_job(self, self.tr("Printing…"), work)
        except Cancelled:
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged
            show_error(self, exc)
            return False
        return True

    def done(self, result: int) -> None:  # noqa: D401 - QDialog.done
        if self.pdf is not None:
            with _PDFIUM:
                self.pdf.close()
            self.pdf = None
        super().done(result)
