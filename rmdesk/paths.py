"""Where shipped resources and the user's data live (no Qt here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "RMDESK_DATA_DIR"
STORE_FILENAME = "rmdesk.sqlite3"


def resources_dir() -> Path:
    """The shipped resources/ folder: inside a PyInstaller bundle, else the source tree."""
    override = os.environ.get("RMDESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else $RMDESK_DATA_DIR, else the platform's user data directory."""
    if explicit:
        chosen = Path(explicit)
    elif os.environ.get(DATA_DIR_ENV):
        chosen = Path(os.environ[DATA_DIR_ENV])
    else:
        from platformdirs import user_data_dir

        chosen = Path(user_data_dir("rmdesk", appauthor=False))
    return chosen.expanduser().resolve()
