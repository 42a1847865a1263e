"""Showing errors to the user: a message in their language, never a traceback."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rmdesk.errors import RmdeskError, as_user_error

log = logging.getLogger("rmdesk.gui")


def user_error(exc: BaseException) -> RmdeskError | None:
    """The user's message for `exc`: an RmdeskError, a team database's server error (down,
    connection lost, no permission), or a full disk, a read-only folder, an I/O error or a
    damaged file (as the CLI says them) found in its chain; None for a real bug."""
    from rmdesk.store import server

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, RmdeskError):
            return current
        translated = server.translate(current)
        if translated is not None:
            return translated
        current = current.__cause__ or current.__context__
    return as_user_error(exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    known = user_error(exc)
    if known is not None:
        text = known.message()
    else:
        text = QCoreApplication.translate(
            "Errors", "Something went wrong and the action was not completed. Details are in the log file.")
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "rmdesk"), text)


def install_excepthook() -> None:
    """An exception escaping a slot is logged and shown as a friendly message."""

    def hook(kind, value, tb):
        log.error("unhandled: %s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            show_error(None, value)
        except Exception:  # the display itself failed: the log has it
            pass

    sys.excepthook = hook
