"""One language rule for the CLI and the GUI: --lang, else the language saved in Settings
(gui.ini), else the environment as gettext reads it (LANGUAGE, then LC_ALL, LC_MESSAGES,
LANG), else the system's language on Windows and macOS."""

import plistlib

import pytest

from rmdesk import i18n
from rmdesk.cli import main

LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANGUAGE": "zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),      # the case
    ({"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:zh_CN:en", "LANG": "en_US"}, "zh_CN"),     # the first one we have
    ({"LANGUAGE": "fr", "LANG": "zh_CN.UTF-8"}, "zh_CN"),        # none we have: the locale decides
    ({"LC_ALL": "zh_CN.GB18030", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "zh_CN"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US"}, "zh_CN"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": "", "LANG": "en_GB"}, "en"),
])
def test_the_environment_as_gettext_reads_it(env, expected):
    assert i18n.system_language(env, platform="linux") == expected


def test_windows_and_macos_ask_the_system_when_the_environment_says_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "_windows_language", lambda: "zh_CN")
    assert i18n.system_language({}, platform="win32") == "zh_CN"
    assert i18n.system_language({"LANG": "en_US"}, platform="win32") == "en"  # the environment first
    prefs = tmp_path / "Library" / "Preferences"
    prefs.mkdir(parents=True)
    with open(prefs / ".GlobalPreferences.plist", "wb") as fh:
        plistlib.dump({"AppleLanguages": ["fr-FR", "zh-Hans-CN", "en-US"]}, fh)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert i18n.system_language({}, platform="darwin") == "zh_CN"


def cli_language(data_dir, capsys, *extra):
    assert main(["--data-dir", str(data_dir), "clients", "list", *extra]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert ("客户名称" in header) != ("Client name" in header)
    return "zh_CN" if "客户名称" in header else "en"


def gui_language(data_dir, explicit=None):
    from rmdesk.gui import translation
    from rmdesk.gui.app import gui_settings

    return translation.choose_language(explicit, gui_settings(data_dir).value("language", None, str))


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANGUAGE": "zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LANGUAGE": "en_US", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "en_US.UTF-8"}, "en"),
])
def test_cli_and_gui_agree(store, data_dir, capsys, monkeypatch, env, expected):
    store.close()
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert cli_language(data_dir, capsys) == gui_language(data_dir) == expected
    other = "en" if expected == "zh_CN" else "zh_CN"
    assert cli_language(data_dir, capsys, "--lang", other) == gui_language(data_dir, other) == other


def test_the_setting_beats_the_environment_in_both(store, data_dir, capsys, monkeypatch):
    from rmdesk.gui.app import gui_settings

    store.close()
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    settings = gui_settings(data_dir)
    settings.setValue("language", "en")  # chosen in Settings
    settings.sync()
    assert cli_language(data_dir, capsys) == gui_language(data_dir) == "en"
    assert cli_language(data_dir, capsys, "--lang", "zh_CN") == gui_language(data_dir, "zh_CN") == "zh_CN"
