"""Where file dialogs start, and the settings they keep.

The first Save/Open dialog opens in the user's Documents folder (QStandardPaths); each
later one where the last one ended. That folder is kept in the data folder's gui.ini
(`dialogs/folder`), the settings file Desk binds here: no setting goes anywhere else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "dialogs/folder"
_settings: QSettings | None = None
_unbound: dict[str, str] = {}  # a dialog shown with no data folder bound (tests): kept in memory only


def bind(settings: QSettings | None) -> None:
    """The data folder's gui.ini (Desk does this once it has the data folder)."""
    global _settings
    _settings = settings


def settings() -> QSettings | None:
    return _settings


def documents() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


def start_folder() -> str:
    """Where the next dialog opens: the folder the last one ended in while it still exists,
    else Documents."""
    last = _settings.value(KEY, None, str) if _settings is not None else _unbound.get(KEY)
    if last and Path(last).is_dir():
        return last
    return documents()


def remember(path: str) -> None:
    """Keep the folder of a chosen file for the next dialog."""
    folder = str(Path(path).parent)
    if _settings is not None:
        _settings.setValue(KEY, folder)
        _settings.sync()
    else:
        _unbound[KEY] = folder


def save_file(parent: QWidget | None, title: str, name: str, filters: str) -> tuple[str, str]:
    """QFileDialog.getSaveFileName starting at start_folder()/name; remembers the choice."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder()) / name), filters)
    if path:
        remember(path)
    return path, chosen


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    """QFileDialog.getOpenFileName starting at start_folder(); remembers the choice."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(), filters)
    if path:
        remember(path)
    return path
