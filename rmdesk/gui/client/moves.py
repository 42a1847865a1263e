"""Moving a client between steps from the GUI: the same path for the Advance button
and for a drag on the board — the exit rule decides, an override asks for a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rmdesk import i18n
from rmdesk.errors import Conflict, RmdeskError, RuleNotMet
from rmdesk.gui import dialogs
from rmdesk.gui.client import conflict
from rmdesk.gui.errors import show_error
from rmdesk.gui.widgets import step_label
from rmdesk.services import pipeline
from rmdesk.store.engine import Store


def request_move(parent: QWidget, store: Store, client_id: int, to_step: int, version: int | None = None) -> bool:
    """Move the client to `to_step` (from the copy loaded at `version`: someone's later change
    is a Conflict, shown with who and when); returns True when it moved."""
    try:
        pipeline.move_to_step(store, client_id, to_step, expected_version=version)
        return True
    except RuleNotMet as refusal:
        if refusal.key == "error.move_back_needs_reason":
            title = QCoreApplication.translate("Moves", "Move back to %1").replace("%1", step_label(to_step))
        elif refusal.key == "error.skip_needs_reason":
            title = QCoreApplication.translate("Moves", "Skip to %1").replace("%1", step_label(to_step))
        else:
            title = QCoreApplication.translate("Moves", "Advance to %1 without the exit condition").replace("%1", step_label(to_step))
        unmet = [i18n.message("rule." + c.key, **c.params)
                 for c in pipeline.check_exit(store, client_id).conditions if c.key in refusal.unmet]
        dialog = dialogs.ReasonDialog(title, refusal.message(), unmet, parent)
        dialog.submit = lambda: pipeline.move_to_step(store, client_id, to_step, dialog.text() or None,
                                                      expected_version=version)
        return dialogs.run(dialog)
    except Conflict as exc:  # someone changed the client since it was drawn: who and when
        conflict.tell_row_conflict(parent, exc, lambda: None)  # the caller redraws it either way
        return False
    except RmdeskError as exc:
        show_error(parent, exc)
        return False
