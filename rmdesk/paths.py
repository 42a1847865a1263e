"""Where shipped resources and the user's data live (no Qt here)."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

DATA_DIR_ENV = "RMDESK_DATA_DIR"
DB_URL_ENV = "RMDESK_DB_URL"  # a team database instead of the data folder's book
STORE_FILENAME = "rmdesk.sqlite3"


def resources_dir() -> Path:
    """The shipped resources: package data (rmdesk/resources in a wheel or a PyInstaller
    bundle, found through importlib.resources), else the checkout's top-level resources/
    (an editable install; the build maps that folder into the package)."""
    override = os.environ.get("RMDESK_RESOURCES")
    if override:
        return Path(override)
    return _packaged_or_checkout()


@cache
def _packaged_or_checkout() -> Path:
    from importlib.resources import files

    packaged = files("rmdesk").joinpath("resources")
    if packaged.is_dir():
        return Path(str(packaged))  # installed as files on disk (wheel, bundle)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "rmdesk" / "resources").is_dir():
        return Path(bundle) / "rmdesk" / "resources"
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
