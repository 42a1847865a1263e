"""A piece of work that asks the user questions between slow steps, written as a generator
(issue 13: the start-up opens the store while the main window is on screen).

The flow runs on the GUI thread and asks its questions there (password prompts, message
boxes); every slow step it `yield`s as a call without arguments (a `functools.partial`), and
the call's result is sent back in (its exception thrown in, at the `yield`). So the same flow
reads like plain code and runs two ways:

- `run_inline(flow)`: each call is made at once, on the calling thread (the tests, and the
  Desk's own re-opens, which already wait);
- `Flow(flow).start()`: each call runs on the thread pool as a `Job` while the event loop
  goes on (windows keep painting), and the flow goes on when it reports back. The pool thread
  runs plain Python only: it never touches a widget."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, Signal

from rmdesk.gui.jobs import Job

Steps = Generator[Callable[[], Any], Any, Any]


def run_inline(flow: Steps) -> Any:
    """Drive `flow` to its end on this thread; returns what it returns (its errors rise)."""
    result: Any = None
    error: BaseException | None = None
    while True:
        try:
            call = flow.throw(error) if error is not None else flow.send(result)
        except StopIteration as stop:
            return stop.value
        try:
            result, error = call(), None
        except Exception as exc:  # noqa: BLE001 - thrown back into the flow, at its yield
            result, error = None, exc


class Flow(QObject):
    """Drives a flow whose calls run on the thread pool. `finished(value)` when it returns,
    `failed(exc)` when an error (SystemExit included) leaves it. After `abandon()` (the app
    quits while a call runs) nothing more of the flow runs; `leftover()` waits for the running
    call and hands back its result, which nobody else will ever see (a store to close)."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, flow: Steps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow = flow
        self._job: Job | None = None
        self._outcome: dict[str, Any] = {}  # written by the pool thread: the call's result
        self.running = False
        self.abandoned = False
        self._inside = False  # the flow's own code runs (asking a question, say)

    def start(self) -> Flow:
        self.running = True
        self._advance(None, None)
        return self

    def _advance(self, result: Any, error: BaseException | None) -> None:
        if self.abandoned:
            return
        self._inside = True
        try:
            call = self._flow.throw(error) if error is not None else self._flow.send(result)
        except StopIteration as stop:
            self.running = False
            self.finished.emit(stop.value)
            return
        except BaseException as exc:  # noqa: BLE001 - the owner decides (a message, a quit)
            self.running = False
            self.failed.emit(exc)
            return
        finally:
            self._inside = False
        if self.abandoned:  # the app quit while the flow asked a question
            self._flow.close()
            return
        outcome: dict[str, Any] = {}
        self._outcome = outcome

        def work() -> Any:
            outcome["result"] = value = call()
            return value

        self._job = Job(work)
        self._job.signals.done.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        self._job.start()

    def _done(self, result: Any) -> None:
        self._outcome = {}
        self._job = None
        self._advance(result, None)

    def _failed(self, exc: BaseException) -> None:
        self._outcome = {}
        self._job = None
        self._advance(None, exc)

    def abandon(self) -> None:
        """Nothing more of the flow runs (the running call still finishes on its thread)."""
        self.abandoned = True
        if self._job is not None:
            self._job.forget()
        if not self._inside:
            self._flow.close()  # runs the flow's `finally` blocks, on this thread

    def leftover(self) -> Any:
        """After `abandon()`: wait for the call that was running and return its result
        (None when there was none or it failed)."""
        job = self._job
        if job is not None:
            job.finished.wait()
        self._job = None
        outcome, self._outcome = self._outcome, {}
        return outcome.get("result")
