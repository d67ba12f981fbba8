"""Installs the Korean translation (ours and Qt's own) or goes back to English.

The compiled ``studyapp_ko.qm`` ships inside the package (``studyapp/i18n``); Qt's own
``qtbase_ko.qm`` comes from PySide6 and translates standard buttons and dialogs.
"""

from __future__ import annotations

from importlib import resources

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("system", "en", "ko")
TRANSLATION_PACKAGE = "studyapp.i18n"
CATALOG = "studyapp"

# Kept here (parented to the application as well) so that English can remove them again.
_installed: list[QTranslator] = []


def available_languages() -> list[tuple[str, str]]:
    """``(code, name)`` pairs for a language picker; names are written in that language."""
    return [("en", "English"), ("ko", "한국어")]


def resolve_language(language: str) -> str:
    """The concrete language for a setting: "system" follows the operating system."""
    if language in ("en", "ko"):
        return language
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def _load_own_catalog(translator: QTranslator, language: str) -> bool:
    try:
        candidate = resources.files(TRANSLATION_PACKAGE).joinpath(f"{CATALOG}_{language}.qm")
    except ModuleNotFoundError:
        return False
    if not candidate.is_file():
        return False
    # as_file also works when the package sits inside a zip; Qt reads the file at once.
    with resources.as_file(candidate) as path:
        return bool(translator.load(str(path)))


def _load_qt_catalog(translator: QTranslator, language: str) -> bool:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return bool(translator.load(f"qtbase_{language}", folder))


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def installed_translators() -> list[QTranslator]:
    return list(_installed)


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate ``app`` into ``language`` ("system", "en" or "ko"); returns the one used.

    Installing or removing translators sends ``QEvent.LanguageChange`` to every widget,
    so windows that retranslate in ``changeEvent`` follow at once.
    """
    resolved = resolve_language(language)
    remove_translators(app)
    # Day and month names follow the UI language, not only the system's.
    ui_language = (
        QtCore.QLocale.Language.Korean if resolved == "ko" else (QtCore.QLocale.Language.English)
    )
    QtCore.QLocale.setDefault(QtCore.QLocale(ui_language))
    if resolved == "en":
        # The source strings are English: no translator needed.
        return "en"
    loaded: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if _load_qt_catalog(qt_translator, resolved):
        loaded.append(qt_translator)
    own = QTranslator(app)
    if _load_own_catalog(own, resolved):
        loaded.append(own)
    if not any(translator is own for translator in loaded):
        # No catalog of ours for this language: stay in English rather than mix languages.
        for translator in (qt_translator, own):
            translator.deleteLater()
        return "en"
    for translator in loaded:
        # Installed last = searched first, so ours wins over Qt's for the same text.
        app.installTranslator(translator)
        _installed.append(translator)
    return resolved
