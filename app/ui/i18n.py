"""French and English through Qt's translation system.

Source strings are English; ``resources/translations/timekeeper_fr.ts`` holds the French and
the Makefile compiles it to ``.qm`` with pyside6-lrelease. Session content (titles, names) is
never translated: it is shown as written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths

_installed: list[QTranslator] = []
_current = ["en"]  # the language whose texts are shown now


def current_language() -> str:
    """The interface language in use ("en" when a French .qm could not be loaded)."""
    return _current[0]


def system_language() -> str:
    name = QLocale.system().name()
    return "fr" if name.startswith("fr") else "en"


def choose_language(requested: str | None, saved: str | None) -> str:
    """`--lang` first, then the language chosen in the settings, then the system's."""
    return requested or saved or system_language()


def install_language(app: QCoreApplication, language: str) -> bool:
    """Install the translator for ``language``; False when its .qm is missing (English shown)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[0] = "en"
    if language == "en":
        return True
    translator = QTranslator(app)
    qm = translations_dir() / f"timekeeper_{language}.qm"
    if not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own words (key names such as « Espace », the file dialog, a field's context menu)
    # come from the qtbase catalogue shipped with PySide6; without it they stay English.
    qt_words = QTranslator(app)
    if qt_words.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_words)
        _installed.append(qt_words)
    _current[0] = language
    return True


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"
