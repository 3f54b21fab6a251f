"""Which language the interface starts in: `--lang`, else the settings, else the system."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from app import i18n
from app.i18n import choose_language, system_language


class _Locale:
    def __init__(self, name: str) -> None:
        self._name = name

    def system(self) -> QLocale:
        return QLocale(self._name)


@pytest.mark.parametrize(("name", "expected"), [("fr_FR", "fr"), ("fr_CA", "fr"), ("de_DE", "en")])
def test_the_system_locale_picks_french_or_english(
    monkeypatch: pytest.MonkeyPatch, name: str, expected: str
) -> None:
    monkeypatch.setattr(i18n, "QLocale", _Locale(name))
    assert system_language() == expected


def test_lang_overrides_the_settings_which_override_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "QLocale", _Locale("fr_FR"))
    assert choose_language("en", "fr") == "en"
    assert choose_language(None, "en") == "en"
    assert choose_language(None, None) == "fr"
