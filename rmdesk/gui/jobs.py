"""Long work off the GUI thread. `Job` runs a function on the thread pool and reports back
through signals (backups, checks, imports that keep their own window responsive); `run_job`
runs one behind a modal progress dialog with Cancel and waits in a local event loop, so
the window keeps painting and the call still reads like a plain function call.

Two rules keep a pool thread from taking the process down: it touches no Qt object but the
one relay that lives as long as the app (see _Relay), and Python's cyclic garbage collector
runs only on the GUI thread while a job runs (see GuiThreadGarbageCollector)."""

from __future__ import annotations

import gc
import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

# work(progress) -> result; progress(done, total) returns False once the user cancelled.
Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user cancelled the job; the work left nothing behind."""


class _Relay(QObject):
    """Lives on the GUI thread for the whole run. A pool thread posts each job's progress and
    outcome here and touches nothing else of Qt, so it never holds, or drops the last
    reference to, a job's Qt objects: a QObject destroyed on a pool thread while the GUI thread
    delivers its events takes the process down."""

    posted = Signal(int, str, object)  # job id, "progress" / "done" / "failed", payload


_relay: _Relay | None = None
_running: dict[int, Job] = {}  # keeps started jobs (and their signal objects) alive until they report
_job_ids = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # made by the first job, on the GUI thread like every job
        _relay = _Relay()
        _relay.posted.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(job_id: int, kind: str, payload: object) -> None:
    """On the GUI thread: hand a posted report to its job's signals. A job forgotten
    (its owner went away) gets nothing."""
    job = _running.get(job_id)
    if job is None:
        return
    if kind == "progress":
        job.signals.progress.emit(*payload)
        return
    del _running[job_id]
    (job.signals.done if kind == "done" else job.signals.failed).emit(payload)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Work:
    """What a pool thread runs: plain Python only (the function, its arguments, two events,
    the job's number and the relay). The Job keeps the function and arguments too, so their
    last reference always goes on the GUI thread."""

    def __init__(self, job: Job) -> None:
        self.job_id, self.fn, self.args, self.with_progress = job.id, job.fn, job.args, job.with_progress
        self.cancelled, self.finished = job.cancelled, job.finished
        self.relay = _the_relay()

    def report(self, done: int, total: int) -> bool:
        self.relay.posted.emit(self.job_id, "progress", (done, total))
        return not self.cancelled.is_set()

    def __call__(self) -> None:
        fn, args = self.fn, self.args
        self.fn = self.args = None
        try:
            result = fn(*args, progress=self.report) if self.with_progress else fn(*args)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the receiver
            kind, payload = "failed", exc
        else:
            kind, payload = "done", result
        del fn, args
        self.finished.set()
        self.relay.posted.emit(self.job_id, kind, payload)


class Job:
    """Runs fn(*args) on the thread pool; `done(result)` / `failed(exc)` / `progress(done, total)`
    arrive on the GUI thread. With `progress=True` fn gets a progress(done, total) callback
    that returns False once cancel() was called (the service then rolls back). Connect bound
    methods of the receiving widget: a widget gone by then is not called. `forget()` cancels
    a job and drops its reports for good (its owner is going away)."""

    def __init__(self, fn: Callable, *args, progress: bool = False) -> None:
        self.fn, self.args, self.with_progress = fn, args, progress
        self.id = next(_job_ids)
        self.signals = _Signals()
        self.cancelled = threading.Event()
        self.finished = threading.Event()  # set on the pool thread once fn has returned

    def cancel(self) -> None:
        self.cancelled.set()

    def forget(self) -> None:
        self.cancel()
        _running.pop(self.id, None)

    def start(self) -> Job:
        _the_collector().hold()
        _running[self.id] = self
        QThreadPool.globalInstance().start(_Work(self))
        return self


class GuiThreadGarbageCollector(QObject):
    """Python's automatic collector runs in whichever thread happens to allocate, so a pool
    thread could free a cycle holding a widget or a dialog of the GUI thread. While any job
    runs, automatic collection is off and this timer collects on the GUI thread as soon as
    the generation counts pass the usual thresholds (the pattern of pyqtgraph and Anki); once
    the pool is idle, no other thread runs Python and automatic collection is on again."""

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)

    def hold(self) -> None:
        """A job is about to start: from now on, collect here only."""
        gc.disable()
        if not self.timer.isActive():
            self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break
        if not _running and QThreadPool.globalInstance().activeThreadCount() == 0:
            self.timer.stop()
            gc.enable()


_collector: GuiThreadGarbageCollector | None = None


def _the_collector() -> GuiThreadGarbageCollector:
    global _collector
    if _collector is None:  # on the GUI thread, parented to the application object
        _collector = GuiThreadGarbageCollector(QCoreApplication.instance())
    return _collector


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
