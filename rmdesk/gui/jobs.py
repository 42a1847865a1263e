"""Long work off the GUI thread. `Job` runs a function on the thread pool and reports back
through signals (backups, checks, imports that keep their own window responsive); `run_job`
runs one behind a modal progress dialog with Cancel and waits in a local event loop, so
the window keeps painting and the call still reads like a plain function call."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

# work(progress) -> result; progress(done, total) returns False once the user cancelled.
Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user cancelled the job; the work left nothing behind."""


_running: set[Job] = set()  # keeps jobs (and their signal objects) alive until they finish


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Job(QRunnable):
    """Runs fn(*args) on the thread pool; `done(result)` / `failed(exc)` / `progress(done, total)`
    arrive on the GUI thread. With `progress=True` fn gets a progress(done, total) callback
    that returns False once cancel() was called (the service then rolls back)."""

    def __init__(self, fn: Callable, *args, progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.with_progress = fn, args, progress
        self.signals = _Signals()
        self.cancelled = threading.Event()
        self.finished = threading.Event()
        self.signals.done.connect(self._forget)
        self.signals.failed.connect(self._forget)

    def _forget(self, _result=None) -> None:
        _running.discard(self)

    def report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled.is_set()

    def cancel(self) -> None:
        self.cancelled.set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self.report) if self.with_progress else self.fn(*self.args)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the receiver
            self.finished.set()
            self.signals.failed.emit(exc)
        else:
            self.finished.set()
            self.signals.done.emit(result)

    def start(self) -> Job:
        _running.add(self)
        QThreadPool.globalInstance().start(self)
        return self



def run_job(parent: QWidget | None, label: str, work: Callable[[Progress], Any],
            cancelled: tuple[type[BaseException], ...] = ()) -> Any:
    """Run `work` on the thread pool with a progress dialog. Returns its result; raises
    Cancelled when `work` stopped on the user's Cancel by raising one of `cancelled` (a job
    that completed before it saw the Cancel returns its result); re-raises any other error
    of the work in the GUI thread."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick jobs finish before a dialog flashes up
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work, progress=True)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    # queued: the signals come from a pool thread, the dialog lives in this one
    queued = Qt.ConnectionType.QueuedConnection
    job.signals.progress.connect(progressed, queued)
    job.signals.done.connect(lambda result: finish("result", result), queued)
    job.signals.failed.connect(lambda exc: finish("error", exc), queued)
    dialog.canceled.connect(job.cancel)
    job.start()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, (Cancelled, *cancelled)):
        raise Cancelled()
    if error is not None:
        raise error
    return outcome["result"]
