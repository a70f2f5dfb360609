"""Translations: xzannot's own (resources/i18n) and Qt's, for the chosen or the system language.

Sources are English; ``xzannot_zh_CN.ts`` holds the Simplified Chinese, built to
``.qm`` with ``pyside6-lrelease resources/i18n/xzannot_zh_CN.ts``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from xzannot.shipped import resource_path

LANGUAGES = {"": "System", "en": "English", "zh_CN": "简体中文"}


def locale_for(language: str) -> QLocale:
    """The locale of a language preference ("" follows the system)."""
    return QLocale(language) if language else QLocale.system()


def install_translations(app: QCoreApplication, language: str = "") -> list[QTranslator]:
    """Install xzannot's and Qt's translators for ``language``; returns them (keep them alive)."""
    locale = locale_for(language)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, "xzannot", "_", str(resource_path("i18n"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translations`."""
    for translator in translators:
        app.removeTranslator(translator)
