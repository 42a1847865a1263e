"""Starting the real GUI in a test (issue 13): `gui_app.run()` shows the main window first and
opens the store on the thread pool, so a test's stand-in for the event loop runs events until
the book is open or the start gave up, as a user who waits would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from rmdesk.gui import app as gui_app


class Started:
    """What a start did: the StartUp object, the window once open, what `when_open` returned."""

    def __init__(self) -> None:
        self.start: gui_app.StartUp | None = None
        self.window = None
        self.seen: object = None
        self.timed_out = False


def until_open(monkeypatch, when_open: Callable[[object], object] | None = None,
               timeout_ms: int = 60_000) -> Started:
    """Patch QApplication.exec (and exit, which a test's stand-in loop must take in place of
    the application's) so that run() returns once the book is open (0), or with the code the
    start gave up with. `when_open(window)` runs then, inside the event loop."""
    started = Started()
    real = gui_app.StartUp

    class Recording(real):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            started.start = self

    loops: list[QEventLoop] = []

    def fake_exec(_app) -> int:
        loop = QEventLoop()
        loops.append(loop)

        def check() -> None:
            start = started.start
            if start is not None and start.desk.window.store is not None:
                poll.stop()
                started.window = start.desk.window
                if when_open is not None:
                    started.seen = when_open(started.window)
                loop.exit(0)

        def too_long() -> None:
            started.timed_out = True
            loop.exit(99)

        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(10)
        QTimer.singleShot(timeout_ms, too_long)
        code = loop.exec()
        poll.stop()
        loops.pop()
        return code

    def fake_exit(code: int = 0) -> None:
        if loops:
            loops[-1].exit(code)

    monkeypatch.setattr(gui_app, "StartUp", Recording)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(QApplication, "exit", staticmethod(fake_exit))
    real_close = gui_app.Desk.close
    monkeypatch.setattr(gui_app.Desk, "close", lambda self: (self.window.close(), real_close(self)))
    return started


class Answering:
    """Answers each modal dialog as it comes up (see answer_boxes); `stop()` ends that and
    raises the first failure of `answer` (an assertion about the dialog, say)."""

    def __init__(self, answer: Callable[[QWidget], object], every_ms: int) -> None:
        self.answer = answer
        self.errors: list[BaseException] = []
        self.busy = False
        self.timer = QTimer()
        self.timer.timeout.connect(self.look)
        self.timer.start(every_ms)

    def look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or self.busy:
            return
        self.busy = True
        try:
            self.answer(dialog)
        except BaseException as exc:  # noqa: BLE001 - raised again by stop(), in the test
            self.errors.append(exc)
            dialog.reject()  # the start goes on to its end (a quit), the test then fails
        finally:
            self.busy = False

    def stop(self) -> None:
        self.timer.stop()
        if self.errors:
            raise self.errors[0]


def answer_boxes(answer: Callable[[QWidget], object], every_ms: int = 20) -> Answering:
    """Answer each modal dialog as it comes up: `answer(dialog)` is called with it (its parent
    and state can be checked there) and answers it (clicks a button, accepts, rejects)."""
    return Answering(answer, every_ms)


def click(box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    """Click the box's button of `role`."""
    for button in box.buttons():
        if box.buttonRole(button) == role:
            button.click()
            return
    raise AssertionError(f"no button of role {role} in {[b.text() for b in box.buttons()]}")
