import json
import os
import tempfile

# Before any Qt import: tests never need a display. The offscreen screen is 800x600 by
# default, smaller than the window's minimum; give it a laptop-sized 1920x1080 screen.
_screen = os.path.join(tempfile.gettempdir(), "rmdesk-offscreen.json")
with open(_screen, "w", encoding="utf-8") as _fh:
    json.dump({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,
                            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}, _fh)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from rmdesk import clock, i18n  # noqa: E402
from rmdesk.store.engine import Store  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def pinned_clock():
    """Every test runs on Monday 2026-11-23 09:30 and in a known language."""
    clock.pin(NOW)
    i18n.set_language("en")
    yield NOW
    clock.pin(None)
    i18n.set_language(None)


def quiet_threads() -> None:
    """Let GUI background jobs finish before their store closes (as the app does)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path):
    s = Store.open(data_dir)
    yield s
    quiet_threads()
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A 200-client demo store built once; tests copy it."""
    from rmdesk.services import demo

    clock.pin(NOW)
    directory = tmp_path_factory.mktemp("demo") / "data"
    s = Store.open(directory)
    demo.generate(s, 200, seed=11)
    s.close()
    clock.pin(None)
    return directory


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path):
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    s = Store.open(target)
    yield s
    quiet_threads()
    s.close()


@pytest.fixture
def make_desk(qtbot):
    """Builds the GUI (main window shown, zh_CN) on a store; closes client windows after."""
    from PySide6.QtWidgets import QApplication

    from rmdesk.gui.app import Desk
    from rmdesk.gui.client.window import ClientWindow

    desks = []

    def build(store, lang="zh_CN"):
        d = Desk(store, store.data_dir, lang)
        desks.append(d)
        qtbot.addWidget(d.window)
        d.window.show()
        return d

    yield build
    for d in desks:  # no timer, event filter or job of this test calls into a later one
        d.stop()
    quiet_threads()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ClientWindow):
            w.close()
