"""Settings from the moderator window: language (live), theme, projector screen; all saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.engine.clock import FakeClock
from app.i18n import current_language, install_language
from app.model import load_running_order
from app.ui.settings import Settings, load_settings
from app.ui.theme import DARK, LIGHT
from app.ui.widgets.controls import PRESETS_FR
from tests.ui.moderator_harness import (
    SEED_START,
    Harness,
    french_installed,
    make_controller,
    open_window,
    seed_window,
)
from tests.ui.test_keys_moderator import FakeProjector


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


@pytest.fixture
def french() -> Iterator[None]:
    yield from french_installed()


def test_language_switch_retranslates_live(moderator: Harness, french: None) -> None:
    window = moderator.window
    toggle = window.controls.buttons["toggle"]
    assert toggle.text() == "Start\nSpace"
    window.menus.language_actions["fr"].trigger()
    assert current_language() == "fr"
    assert toggle.text() == "Démarrer\nEspace"
    assert window.menus.file_menu.title() == "&Fichier"
    assert window.schedule.late_label.text() == "À l'heure"
    assert window.current.status_label.text() == "Prêt\u00a0: Espace démarre la séance"
    assert window.tree.headerItem().text(0) == "Déroulé"
    # Session content is never translated: titles, names and the presets stay as written.
    assert window.current.title_label.text() == "Introduction et animation"
    assert [b.text() for b in window.messages.preset_buttons][:3] == list(PRESETS_FR)
    assert "Please wrap up" in [b.text() for b in window.messages.preset_buttons]
    assert window.menus.language_actions["fr"].isChecked()
    settings, _ = load_settings()
    assert settings.language == "fr"

    moderator.key(Qt.Key.Key_Space)
    assert toggle.text() == "Pause\nEspace"
    moderator.advance(600 + 42)
    assert window.current.phase_label.text() == "■ Dépassement"
    assert window.current.detail_label.text() == "dépassement de 00:42 — prévu 10:00"

    window.menus.language_actions["en"].trigger()
    assert toggle.text() == "Pause\nSpace"
    assert window.current.phase_label.text() == "■ Overtime"
    assert load_settings()[0].language == "en"


def test_help_overlay_follows_the_language(moderator: Harness, french: None) -> None:
    window = moderator.window
    window.set_language("fr")
    moderator.key(Qt.Key.Key_F1)
    rows = window.help_overlay.rows()
    assert ("Espace", "Démarrer / pause / reprendre") in rows
    assert ("Droite / Page suiv", "Séquence suivante") in rows
    assert window.help_overlay.title.text() == "Touches"


def test_language_change_event_from_outside_retranslates(moderator: Harness, french: None) -> None:
    """`--lang` or another window installing a translator: Qt's LanguageChange event is enough."""
    app = QApplication.instance()
    assert app is not None
    install_language(app, "fr")
    QApplication.processEvents()
    assert moderator.window.controls.buttons["undo"].text() == "Annuler\nCtrl+Z"


def test_missing_translation_says_so_and_stays_english(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("app.i18n.translations_dir", lambda: tmp_path / "nothing")
    moderator.window.set_language("fr")
    assert current_language() == "en"
    assert moderator.window.controls.buttons["toggle"].text() == "Start\nSpace"
    assert any("translation is missing" in t for t in moderator.window.banners.visible_texts())


def test_theme_switch_is_live_and_saved(moderator: Harness) -> None:
    window = moderator.window
    assert window.theme is DARK
    moderator.key(Qt.Key.Key_Space)
    window.menus.theme_actions["light"].trigger()
    assert window.theme is LIGHT
    assert LIGHT.window in window.styleSheet()
    assert window.menus.theme_actions["light"].isChecked()
    assert LIGHT.countdown[moderator.snap.phase] in window.current.countdown_label.styleSheet()
    assert load_settings()[0].theme == "light"


def test_theme_from_the_settings(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(seed_path), clock, tmp_path / "logs")
    h = open_window(qtbot, controller, clock, tmp_path / "logs", settings=Settings(theme="light"))
    assert h.window.theme is LIGHT
    h.window.quit_now()
    controller.shutdown()


def test_projector_screen_choice(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    projector = FakeProjector()
    qtbot.addWidget(projector)
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(seed_path), clock, tmp_path / "logs")
    h = open_window(qtbot, controller, clock, tmp_path / "logs", projector=projector)
    window = h.window
    window.menus.fill_screen_menu()
    labels = [a.text() for a in window.menus.screen_menu.actions()]
    assert labels[0] == "Automatic (a screen other than this one)"
    names = [s.name() for s in QGuiApplication.screens()]
    assert len(labels) == 1 + len(names)
    window.menus.screen_menu.actions()[1].trigger()
    assert load_settings()[0].projector_screen == names[0]
    assert projector.settings.projector_screen == names[0]
    assert projector.placed == 1
    window.menus.fill_screen_menu()
    assert window.menus.screen_menu.actions()[1].isChecked()
    window.menus.screen_menu.actions()[0].trigger()
    assert load_settings()[0].projector_screen is None
    h.window.quit_now()
    controller.shutdown()


def test_default_thresholds_from_the_settings_apply_at_once(moderator: Harness) -> None:
    """Settings → Warning phase from 5' left: the seed sets no thresholds, so its segments
    take the moderator's default, or 20 % of a segment too short for it (the built-in rule);
    the running session takes it in at once and the log records it as an edit."""
    moderator.key(Qt.Key.Key_Space)
    moderator.window.menus.warning_actions[300].trigger()
    assert moderator.window.settings.warning_s == 300
    assert load_settings()[0].warning_s == 300
    plan = moderator.controller.plan
    assert plan.segments[4].warning_s == 180  # 15' of questions: 20 % is 3:00, below 5:00
    assert plan.segments[0].warning_s == 120  # 10': 20 % is 2:00
    assert moderator.events[-1].kind == "plan_changed"
    moderator.window.menus.final_actions[60].trigger()
    assert moderator.controller.plan.segments[4].final_s == 60
    moderator.window.menus.warning_actions[60].trigger()
    assert moderator.controller.plan.segments[0].warning_s == 60  # the setting itself
    moderator.window.menus.warning_actions[None].trigger()
    assert moderator.controller.plan.segments[0].warning_s == 120  # back to the built-in rule
