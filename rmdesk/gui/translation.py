"""Qt translators for the chosen language: our .qm plus Qt's own (dialog buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rmdesk import i18n
from rmdesk.paths import resources_dir

_installed: list[QTranslator] = []


def choose_language(explicit: str | None, saved: str | None) -> str:
    """--lang, else the language saved in Settings, else the environment's: the CLI's rule
    (rmdesk.i18n.choose_language), so both speak the same language."""
    return i18n.choose_language(explicit, saved)


def install(lang: str) -> bool:
    """Replace the installed translators; returns False when our .qm is missing."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    ours = QTranslator()
    found = ours.load(str(resources_dir() / "translations" / f"rmdesk_{lang}.qm"))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator()
    if lang != "en" and qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return found
