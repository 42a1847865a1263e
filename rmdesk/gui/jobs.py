"""Long work off the GUI thread: a worker in a QThread behind a modal progress dialog with
a Cancel button. The caller waits in a local event loop, so the window keeps painting and
the call still reads like a plain function call."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

# work(progress) -> result; progress(done, total) returns False once the user cancelled.
Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user cancelled the job; the work left nothing behind."""


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancel_requested = threading.Event()

    def report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancel_requested.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.report)
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome, value = self.failed, exc
        else:
            outcome, value = self.done, result
        # Home to the GUI thread before the worker thread ends, so the GUI thread can delete it.
        self.moveToThread(QCoreApplication.instance().thread())
        outcome.emit(value)


def run_job(parent: QWidget | None, label: str, work: Callable[[Progress], Any],
            cancelled: tuple[type[BaseException], ...] = ()) -> Any:
    """Run `work` in a worker thread with a progress dialog. Returns its result; raises
    Cancelled when `work` stopped on the user's Cancel by raising one of `cancelled` (a job
    that completed before it saw the Cancel returns its result); re-raises any other error
    of the work in the GUI thread."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick jobs finish before a dialog flashes up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    thread = QThread()
    worker = _Worker(work)
    worker.moveToThread(thread)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    worker.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(lambda result: finish("result", result), Qt.ConnectionType.QueuedConnection)
    worker.failed.connect(lambda exc: finish("error", exc), Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancel_requested.set)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, (Cancelled, *cancelled)):
        raise Cancelled()
    if error is not None:
        raise error
    return outcome["result"]
