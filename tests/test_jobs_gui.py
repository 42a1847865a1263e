"""Background jobs never let a pool thread free Qt objects, and a job whose owner went away
calls nothing (issue 14, item 10: the segmentation fault inside pytest-qt's event processing)."""

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from rmdesk.gui import jobs


class Receiver(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def take(self, result: object) -> None:
        self.results.append(result)


def test_cycles_with_qt_objects_are_freed_on_the_gui_thread_while_a_job_runs(qtbot):
    """A pool thread that allocates a lot would, with automatic collection on, free cyclic
    garbage of the GUI thread (a dialog, a timer) right there."""
    freed_on: list[int] = []
    release = threading.Event()

    class Holder:
        pass

    def make_garbage() -> None:
        holder = Holder()
        holder.me = holder  # a cycle: only the cyclic collector frees it
        holder.qt = QObject()
        weakref.finalize(holder, lambda: freed_on.append(threading.get_ident()))

    def churn() -> int:
        release.wait(10)
        for _ in range(50):  # enough allocations to pass every generation's threshold
            junk = [[] for _ in range(2000)]
            for item in junk:
                item.append(item)
        return 1

    job = jobs.Job(churn)
    receiver = Receiver()
    job.signals.done.connect(receiver.take)
    job.start()
    assert not gc.isenabled()  # off from the moment a job starts
    make_garbage()
    release.set()
    qtbot.waitUntil(lambda: receiver.results == [1], timeout=20000)
    qtbot.waitUntil(lambda: freed_on != [], timeout=10000)
    assert freed_on == [threading.main_thread().ident]
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(gc.isenabled, timeout=5000)  # the pool is idle: automatic collection again


def run_until_released(qtbot, before_release) -> tuple[jobs.Job, Receiver]:
    """A job that waits for a go; `before_release(job, receiver)` runs while it waits."""
    release = threading.Event()
    job = jobs.Job(lambda: release.wait(10) and "late")
    receiver = Receiver()
    job.signals.done.connect(receiver.take)
    job.start()
    before_release(job, receiver)
    release.set()
    qtbot.waitUntil(job.finished.is_set, timeout=10000)
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # the relay's queued report has been processed by now
    return job, receiver


def test_a_forgotten_job_reports_nothing(qtbot):
    job, receiver = run_until_released(qtbot, lambda job, receiver: job.forget())
    assert job.cancelled.is_set()
    assert receiver.results == []


def test_a_receiver_deleted_before_the_job_ends_is_not_called(qtbot):
    def delete(job, receiver):
        receiver.deleteLater()
        qtbot.wait(20)  # the receiver is gone (deferred delete ran)

    job, receiver = run_until_released(qtbot, delete)
    assert job.id not in jobs._running  # delivered: the deleted widget's slot went with it
    assert receiver.results == []


def test_progress_and_failure_arrive_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object, int]] = []

    def work(progress):
        progress(1, 2)
        raise ValueError("boom")

    job = jobs.Job(work, progress=True)
    job.signals.progress.connect(lambda done, total: seen.append(("progress", (done, total), threading.get_ident())))
    job.signals.failed.connect(lambda exc: seen.append(("failed", str(exc), threading.get_ident())))
    job.start()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    main = threading.main_thread().ident
    assert seen == [("progress", (1, 2), main), ("failed", "boom", main)]
