"""Qt-free message catalog for the core (errors, list labels), shared by the CLI and
the GUI. The GUI's own widget texts go through Qt's tr()/.ts files instead; these
strings are produced by the core, which must not import Qt."""

from __future__ import annotations

import locale
import os
import tomllib
from functools import cache

from rmdesk.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
_current: str | None = None


def system_language() -> str:
    """zh_CN when the environment's locale is Chinese, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh_CN" if loc.lower().startswith("zh") else "en"


GUI_SETTINGS_FILE = "gui.ini"  # the app's settings beside the data (Qt's INI format)


def saved_language(data_dir) -> str | None:
    """The language chosen in the app (Settings), kept in the data folder's gui.ini; None
    when none was chosen or the file cannot be read. The CLI follows it like the app does."""
    import configparser
    from pathlib import Path

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(data_dir) / GUI_SETTINGS_FILE, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    lang = parser.get("General", "language", fallback=None)
    return lang if lang in LANGUAGES else None


def set_language(lang: str | None) -> None:
    global _current
    _current = lang if lang in LANGUAGES else None


def language() -> str:
    return _current or system_language()


@cache
def catalog() -> dict[str, dict[str, str]]:
    path = resources_dir() / "i18n" / "messages.toml"
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict) -> None:
        if set(LANGUAGES) <= node.keys():
            flat[prefix] = {lang: node[lang] for lang in LANGUAGES}
            return
        for key, value in node.items():
            if isinstance(value, dict):
                walk(f"{prefix}.{key}" if prefix else key, value)

    walk("", raw)
    return flat


def message(key: str, lang: str | None = None, **params: object) -> str:
    """The text of `key` in `lang` (default: the current language), formatted with
    params. An unknown key shows the key itself, so a gap is visible but not fatal."""
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry[lang or language()]
    return text.format(**params) if params else text


def label(list_name: str, value: str | None, lang: str | None = None) -> str:
    """The label of a vocabulary value, e.g. label('industry', 'coal') -> 煤炭."""
    if value is None or value == "":
        return ""
    return message(f"label.{list_name}.{value}", lang)
