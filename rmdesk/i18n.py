"""Qt-free message catalog for the core (errors, list labels), shared by the CLI and
the GUI. The GUI's own widget texts go through Qt's tr()/.ts files instead; these
strings are produced by the core, which must not import Qt."""

from __future__ import annotations

import locale
import os
import re
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
