"""French and English through Qt's translation system: the one mechanism and the one language
choice of the windows and of the reports.

Source strings are English; ``resources/translations/timekeeper_fr.ts`` holds the French and
the wheel's build (setup.py) and, in a checkout, ``make translations`` compile it to ``.qm``
with lrelease; app.resources finds it. The windows install the .qm as the
application's translator (``install_language``); a report is written in the language asked
for, not necessarily the window's (``timekeeper report --format pdf`` has no window at all),
so ``Language`` reads the same .qm directly (``translator_for``). Session content (titles,
names) is never translated: it is shown as written. QtCore only: the pure packages never
import this module.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from app import resources

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
    if not translator.load(str(qm_path(language))):
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
    return resources.translations_dir()


def qm_path(language: str) -> Path:
    return translations_dir() / f"timekeeper_{language}.qm"


@lru_cache(maxsize=8)
def translator_for(language: str) -> QTranslator | None:
    """The app's catalogue for ``language``, loaded once (None when its .qm is missing)."""
    translator = QTranslator()
    return translator if translator.load(str(qm_path(language))) else None


class Language:
    """The words of a report or a chart in one language (``"fr"`` or ``"en"``), whatever
    language the windows run in. English is the source language and needs no file."""

    def __init__(self, code: str) -> None:
        self.code = "fr" if code.lower().startswith("fr") else "en"
        self.locale = QLocale(
            QLocale.Language.French if self.code == "fr" else QLocale.Language.English
        )

    def translate(self, context: str, text: str) -> str:
        if self.code == "en":
            return text
        qm = translator_for(self.code)
        if qm is not None:
            found = qm.translate(context, text)
            if found:
                return found
        return QCoreApplication.translate(context, text)

    def date(self, when: datetime) -> str:
        """A long date the way the language writes it: "mardi 22 septembre 2020"."""
        day = when.date()
        qdate = QDate(day.year, day.month, day.day)
        return str(self.locale.toString(qdate, QLocale.FormatType.LongFormat))
