"""The bench's GUI figures hold the one paint a user waits for (bench.__main__.painted_once):
the paint a change posts, never a second forced one on top, and one forced where the change
posted none."""

from PySide6.QtCore import QEvent, QObject, QStringListModel
from PySide6.QtWidgets import QApplication, QTableView

from bench.__main__ import painted_once


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_each_figure_paints_the_rows_exactly_once(qapp):
    model = QStringListModel(["华能电力", "华电集团"])
    view = QTableView()  # the client list is a table: it paints in the events its change posts
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    QApplication.processEvents()
    seen = _Paints()
    view.viewport().installEventFilter(seen)
    paint = painted_once(QApplication.instance(), view.viewport())

    model.setStringList(["华能", "华能电力", "华电"])  # the view posts an update, as a search does
    paint()
    assert seen.count == 1
    paint()  # nothing changed: the paint is forced, still one
    assert seen.count == 2
