"""Language of the window: Danish by default, English selectable (Qt .ts/.qm translations).

Source strings are English; ``resources/translations/lokomotiv_da.ts`` holds the Danish text
and the compiled ``lokomotiv_da.qm`` next to it is what the app loads.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..paths import resources_dir

LANGUAGES = {"da": "Dansk", "en": "English"}
DEFAULT_LANGUAGE = "da"
_SETTINGS_KEY = "ui/language"
_LOCALES = {
    "da": QLocale(QLocale.Language.Danish, QLocale.Country.Denmark),
    # English words, Danish numbers and dates: the data is Danish either way.
    "en": QLocale(QLocale.Language.English, QLocale.Country.Denmark),
}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def saved_language() -> str:
    value = str(QSettings().value(_SETTINGS_KEY, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    QSettings().setValue(_SETTINGS_KEY, code)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Loads our translation and Qt's own (standard buttons, context menus) for `language`.

    Returns the translators: the caller keeps them alive as long as the application.
    """
    QLocale.setDefault(_LOCALES.get(language, _LOCALES[DEFAULT_LANGUAGE]))
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(f"lokomotiv_{language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    # What Qt's catalogue lacks (its file dialog texts predate Qt 6): installed last, so it
    # is asked first, and shipped with us so the bundle has it too.
    qt_extra = QTranslator(app)
    if qt_extra.load(f"qt_extra_{language}", str(translations_dir())):
        app.installTranslator(qt_extra)
        installed.append(qt_extra)
    return installed
