"""Desktop integration: icon, names set before any QSettings, every setting in the data
folder's gui.ini, a valid .desktop file and AppStream metainfo, file dialogs that start in
Documents and then where the last one ended."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from rmdesk import paths
from rmdesk.gui import app as gui_app
from rmdesk.gui import folders

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"


def tool(name):
    found = shutil.which(name)
    assert found, f"{name} is missing: run scripts/install-test-deps.sh"
    return found


def test_the_desktop_file_is_valid():
    desktop = LINUX / f"{gui_app.APP_ID}.desktop"
    done = subprocess.run([tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr
    text = desktop.read_text(encoding="utf-8")
    assert "\nExec=rmdesk-gui\n" in text and f"\nIcon={gui_app.APP_ID}\n" in text


def test_the_appstream_metainfo_is_valid():
    meta = LINUX / f"{gui_app.APP_ID}.metainfo.xml"
    done = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(meta)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^\s*[EW]:", done.stdout, re.M) is None, done.stdout  # no error, no warning
    assert f"<launchable type=\"desktop-id\">{gui_app.APP_ID}.desktop</launchable>" in meta.read_text()


def test_the_icon_in_every_size(qapp):
    folder = paths.resources_dir() / "icons"
    assert (folder / "rmdesk.svg").read_text().lstrip().startswith("<?xml")
    for size in gui_app.ICON_SIZES:
        image = QImage(str(folder / f"rmdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    gui_app.identify(qapp)
    sizes = {s.width() for s in qapp.windowIcon().availableSizes()}
    assert sizes == set(gui_app.ICON_SIZES)
    assert (qapp.organizationName(), qapp.applicationName(), qapp.desktopFileName()) == \
        ("rmdesk", "rmdesk", gui_app.APP_ID)


def test_no_setting_outside_the_data_folder():
    """No bare QSettings() (Qt's default place, ~/.config/<organisation>/): the GUI's settings
    are the data folder's gui.ini, opened by gui_settings() and bound for the dialogs."""
    for source in (ROOT / "rmdesk").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "QSettings()" not in text, source
        for line in text.splitlines():
            if re.search(r"QSettings\(\S", line):
                assert "IniFormat" in line, (source, line)  # a file of its own, never Qt's default place


def test_a_start_writes_settings_only_into_the_data_folder(tmp_path, monkeypatch):
    home, data = tmp_path / "home", tmp_path / "数据 #1"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the app's own
    from tests.gui_start import until_open

    started = until_open(monkeypatch)  # the event loop runs until the book is open
    assert gui_app.run(str(data), "en") == 0 and started.window is not None
    assert folders.settings() is not None and Path(folders.settings().fileName()) == data / "gui.ini"
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == [], written
    folders.bind(None)


def test_dialogs_start_in_documents_then_where_the_last_ended(qapp, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    folders.bind(settings)
    try:
        asked = []
        chosen = tmp_path / "计划 #1" / "plans.pdf"
        chosen.parent.mkdir()

        def fake_save(parent, title, start, filters):
            asked.append(start)
            return str(chosen), filters

        def fake_open(parent, title, start, filters):
            asked.append(start)
            return str(tmp_path / "in.csv"), filters

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        Path(documents).mkdir(parents=True, exist_ok=True)
        assert folders.save_file(None, "Save", "plans.pdf", "PDF (*.pdf)")[0] == str(chosen)
        assert asked[0] == str(Path(documents) / "plans.pdf")  # the first one: Documents
        assert folders.open_file(None, "Open", "CSV (*.csv)") == str(tmp_path / "in.csv")
        assert asked[1] == str(chosen.parent)  # then where the last one ended
        folders.save_file(None, "Export", "clients.xlsx", "Excel (*.xlsx)")
        assert asked[2] == str(tmp_path / "clients.xlsx")
        again = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
        assert again.value(folders.KEY) == str(chosen.parent)  # kept in gui.ini for the next start
    finally:
        folders.bind(None)


def test_a_folder_that_is_gone_falls_back_to_documents(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    settings.setValue(folders.KEY, str(tmp_path / "removed"))
    folders.bind(settings)
    try:
        assert folders.start_folder() == folders.documents()
    finally:
        folders.bind(None)
