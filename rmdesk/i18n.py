"""Qt-free message catalog for the core (errors, list labels), shared by the CLI and
the GUI. The GUI's own widget texts go through Qt's tr()/.ts files instead; these
strings are produced by the core, which must not import Qt."""

from __future__ import annotations

import hashlib
import json
import locale
import os
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

from rmdesk.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
_current: str | None = None


def _ours(tag: str) -> str | None:
    """zh_CN / en for a locale or language tag (zh_CN.UTF-8, zh-Hans-CN, en_US), else None."""
    tag = tag.strip().lower()
    if tag.startswith("zh"):
        return "zh_CN"
    if tag.startswith("en"):
        return "en"
    return None


def _windows_language() -> str | None:
    import ctypes

    langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    return "zh_CN" if langid & 0x3FF == 0x04 else "en"  # LANG_CHINESE


def _macos_language() -> str | None:
    import plistlib
    from pathlib import Path

    try:
        with open(Path.home() / "Library" / "Preferences" / ".GlobalPreferences.plist", "rb") as fh:
            preferred = plistlib.load(fh).get("AppleLanguages") or []
    except (OSError, ValueError, plistlib.InvalidFileException):
        preferred = []
    for tag in preferred:
        if _ours(str(tag)):
            return _ours(str(tag))
    return None


def system_language(environ: dict[str, str] | None = None, platform: str | None = None) -> str:
    """The language the environment asks for, the same rule for the CLI and the GUI: as gettext
    reads it, $LANGUAGE (a colon-separated list, the first language we have wins), then the
    first of $LC_ALL, $LC_MESSAGES, $LANG that is set; with none set, the system's language
    on Windows and macOS, else the C library's locale. zh_CN for Chinese, else English."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    for tag in (env.get("LANGUAGE") or "").split(":"):
        if tag and _ours(tag):
            return _ours(tag)  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return _ours(value) or "en"  # C, POSIX, fr_FR: English
    try:
        if platform == "win32":
            return _windows_language() or "en"
        if platform == "darwin":
            found = _macos_language()
            if found:
                return found
    except Exception:  # noqa: BLE001 - no answer from the system: the locale below
        pass
    return _ours(locale.getlocale()[0] or "") or "en"


def saved_language(data_dir) -> str | None:
    """The language chosen in the app's Settings (gui.ini of the data folder), if any."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(os.path.join(data_dir, "gui.ini"), encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get("General", "language", fallback=None)
    return value if value in LANGUAGES else None


def choose_language(explicit: str | None, saved: str | None) -> str:
    """--lang, else the language saved in Settings, else the environment's (system_language)."""
    for lang in (explicit, saved):
        if lang in LANGUAGES:
            return lang  # type: ignore[return-value]
    return system_language()


def set_language(lang: str | None) -> None:
    global _current
    _current = lang if lang in LANGUAGES else None


def language() -> str:
    return _current or system_language()


def list_separator(lang: str | None = None) -> str:
    """Between the items of a list in running text: 、 in Chinese, a comma in English."""
    return "、" if (lang or language()) == "zh_CN" else ", "


SOURCE_NAME = "messages.toml"
# Beside it, written by the build (make venv, the wheel's build hook, so the bundle too):
# the same catalogue as JSON, which the C parser reads in ~2 ms where tomllib takes ~50 ms
# of every start of the app and of each CLI command. Generated, never kept in git.
COMPILED_NAME = "messages.json"


def _flatten(raw: dict) -> dict[str, dict[str, str]]:
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


def compile_catalog(folder: Path) -> Path:
    """Write <folder>/messages.json from <folder>/messages.toml (a temporary name, then renamed)."""
    source = (folder / SOURCE_NAME).read_bytes()
    document = {"source_sha256": hashlib.sha256(source).hexdigest(),
                "messages": _flatten(tomllib.loads(source.decode("utf-8")))}
    target = folder / COMPILED_NAME
    partial = target.with_name(f".{COMPILED_NAME}.partial")
    partial.write_text(json.dumps(document, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(partial, target)
    return target


@cache
def catalog() -> dict[str, dict[str, str]]:
    """The catalogue: the compiled JSON when it was made from this very messages.toml (its
    SHA-256 says so: a catalogue edited since is never shadowed by an old build), else the TOML."""
    folder = resources_dir() / "i18n"
    source = (folder / SOURCE_NAME).read_bytes()
    try:
        compiled = json.loads((folder / COMPILED_NAME).read_bytes())
        if compiled["source_sha256"] == hashlib.sha256(source).hexdigest():
            return compiled["messages"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return _flatten(tomllib.loads(source.decode("utf-8")))


def message(key: str, lang: str | None = None, **params: object) -> str:
    """The text of `key` in `lang` (default: the current language), formatted with
    params. An unknown key shows the key itself, so a gap is visible but not fatal."""
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry[lang or language()]
    if "[" in text:
        text = _PLURAL.sub(lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3), text)
    return text.format(**params) if params else text


# English plural forms in the catalogue: "[n|tier|tiers]" picks by the parameter n.
_PLURAL = re.compile(r"\[(\w+)\|([^|\]]*)\|([^\]]*)\]")


def label(list_name: str, value: str | None, lang: str | None = None) -> str:
    """The label of a vocabulary value, e.g. label('industry', 'coal') -> 煤炭."""
    if value is None or value == "":
        return ""
    return message(f"label.{list_name}.{value}", lang)
