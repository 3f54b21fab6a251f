"""The moderator window's menu bar: File, Settings (with the sound cues' switch and test),
Help.

Only glue: each entry calls a method of the window, and the texts and check marks follow the
language and the settings. The projector-screen submenu is filled when it opens, because
screens come and go while the application runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from app.i18n import current_language
from app.model import format_duration
from app.ui.formatting import escape_mnemonic

if TYPE_CHECKING:
    from app.ui.moderator import ModeratorWindow

translate = QCoreApplication.translate
T = TypeVar("T")

# Choices of the Settings menu for the default thresholds (None: what the running order or the
# built-in default says).
WARNING_CHOICES: tuple[int | None, ...] = (None, 60, 120, 180, 300)
FINAL_CHOICES: tuple[int | None, ...] = (None, 15, 30, 60)
LANGUAGES: tuple[tuple[str, str], ...] = (("fr", "Français"), ("en", "English"))  # own names
THEMES: tuple[str, ...] = ("dark", "light")
ANCHORS: tuple[str, ...] = ("auto", "absolute", "relative")


class ModeratorMenus:
    """Builds the menus on ``window``'s menu bar and keeps their texts and checks current."""

    def __init__(self, window: ModeratorWindow) -> None:
        self._window = window
        w = window
        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = self.file_menu.addAction("", w.open_running_order)
        self.edit_action = self.file_menu.addAction("", w.edit_running_order)
        self.edit_action.setShortcut("Ctrl+E")
        self.new_action = self.file_menu.addAction("", w.new_running_order)
        self.import_action = self.file_menu.addAction("", w.import_programme)
        self.replay_action = self.file_menu.addAction("", w.open_replay)
        self.past_action = self.file_menu.addAction("", w.show_past_sessions)
        self.file_menu.addSeparator()
        self.print_action = self.file_menu.addAction("", w.print_running_order)
        self.save_pdf_action = self.file_menu.addAction("", w.save_running_order_pdf)
        self.file_menu.addSeparator()
        self.logs_action = self.file_menu.addAction("", w.open_logs_folder)
        self.file_menu.addSeparator()
        self.remote_action = self.file_menu.addAction("", w.toggle_remote)
        self.remote_action.setCheckable(True)
        self.remote_lan_action = self.file_menu.addAction("", w.toggle_remote_lan)
        self.remote_lan_action.setCheckable(True)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", w.request_quit)

        self.settings_menu = bar.addMenu("")
        self.language_menu, self.language_actions = self._choices(
            [code for code, _ in LANGUAGES], w.set_language
        )
        for code, name in LANGUAGES:
            self.language_actions[code].setText(name)
        self.warning_menu, self.warning_actions = self._choices(
            WARNING_CHOICES, lambda v: w.set_thresholds(warning_s=v)
        )
        self.final_menu, self.final_actions = self._choices(
            FINAL_CHOICES, lambda v: w.set_thresholds(final_s=v)
        )
        self.theme_menu, self.theme_actions = self._choices(THEMES, w.set_theme)
        self.screen_menu = self.settings_menu.addMenu("")
        self.screen_menu.aboutToShow.connect(self.fill_screen_menu)
        self.screen_group = QActionGroup(w)
        self.settings_menu.addSeparator()
        self.cues_action = self.settings_menu.addAction("")
        self.cues_action.setCheckable(True)
        self.cues_action.triggered.connect(lambda on=False: w.set_cues(bool(on)))
        self.test_cues_action = self.settings_menu.addAction("", w.test_cues)

        # Timing: the anchor of the schedule and roll mode (controls of the session: logged,
        # undoable); the checks follow the snapshot when the menu opens.
        self.timing_menu = bar.addMenu("")
        self.timing_menu.aboutToShow.connect(self.show_timing)
        self.anchor_group = QActionGroup(w)
        self.anchor_actions: dict[str, QAction] = {}
        for anchor in ANCHORS:
            action = self.timing_menu.addAction("")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, a=anchor: w.controller.set_anchor(a))
            self.anchor_group.addAction(action)
            self.anchor_actions[anchor] = action
        self.timing_menu.addSeparator()
        self.roll_action = self.timing_menu.addAction("", w.controller.toggle_roll)
        self.roll_action.setCheckable(True)

        self.help_menu = bar.addMenu("")
        self.help_action = self.help_menu.addAction("", w.toggle_help)

    def _choices(
        self, values: Sequence[T], choose: Callable[[T], object]
    ) -> tuple[QMenu, dict[T, QAction]]:
        """A submenu of Settings with one checkable entry a value, one checked at a time."""
        menu = self.settings_menu.addMenu("")
        group = QActionGroup(self._window)
        actions: dict[T, QAction] = {}
        for value in values:
            action = menu.addAction("")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, v=value: choose(v))
            group.addAction(action)
            actions[value] = action
        return menu, actions

    def retranslate(self) -> None:
        """Every text in the current language, and the checks on the current settings."""
        settings = self._window.settings
        self.file_menu.setTitle(translate("Moderator", "&File"))
        self.open_action.setText(translate("Moderator", "&Open running order…"))
        self.edit_action.setText(translate("Moderator", "&Edit running order…"))
        self.new_action.setText(translate("Moderator", "&New running order…"))
        self.import_action.setText(translate("Moderator", "&Import programme…"))
        self.replay_action.setText(translate("Moderator", "Open timing log for &replay…"))
        self.past_action.setText(translate("Moderator", "&Past sessions…"))
        self.logs_action.setText(translate("Moderator", "Open &logs folder"))
        self.print_action.setText(translate("Moderator", "Prin&t running order…"))
        self.save_pdf_action.setText(translate("Moderator", "Save running order as P&DF…"))
        self.remote_action.setText(translate("Moderator", "&Remote: phones, tablets, control desk"))
        self.remote_lan_action.setText(translate("Moderator", "Remote on the local &network"))
        self.remote_lan_action.setChecked(settings.remote_bind != "127.0.0.1")
        self.quit_action.setText(translate("Moderator", "&Quit") + "\tCtrl+Q")
        self.settings_menu.setTitle(translate("Moderator", "&Settings"))
        self.language_menu.setTitle(translate("Moderator", "&Language"))
        self.warning_menu.setTitle(translate("Moderator", "&Warning phase from"))
        self.final_menu.setTitle(translate("Moderator", "&Final phase from"))
        for actions in (self.warning_actions, self.final_actions):
            for seconds, action in actions.items():
                action.setText(
                    translate("Moderator", "As the running order says (default)")
                    if seconds is None
                    else translate("Moderator", "{time} left").format(time=format_duration(seconds))
                )
        self.warning_actions[settings.warning_s].setChecked(True)
        self.final_actions[settings.final_s].setChecked(True)
        self.theme_menu.setTitle(translate("Moderator", "&Theme"))
        self.theme_actions["dark"].setText(translate("Moderator", "Dark"))
        self.theme_actions["light"].setText(translate("Moderator", "Light"))
        self.screen_menu.setTitle(translate("Moderator", "&Projector screen"))
        self.cues_action.setText(translate("Moderator", "&Sound cues (warning, final, zero)"))
        # On as the cues are: the running order's `[session] cues` may override the setting.
        self.cues_action.setChecked(self._window.controller.bell is not None)
        self.test_cues_action.setText(translate("Moderator", "&Test sound cues"))
        self.timing_menu.setTitle(translate("Moderator", "&Timing"))
        self.anchor_actions["auto"].setText(
            translate("Moderator", "Clock times: &automatic (as printed on the day, near the hour)")
        )
        self.anchor_actions["absolute"].setText(
            translate("Moderator", "Clock times as &printed (absolute)")
        )
        self.anchor_actions["relative"].setText(
            translate("Moderator", "Clock times from the actual &start (relative)")
        )
        self.roll_action.setText(
            translate("Moderator", "&Roll mode (follow the clock)") + "\tCtrl+R"
        )
        self.show_timing()
        self.help_menu.setTitle(translate("Moderator", "&Help"))
        self.help_action.setText(translate("Moderator", "&Keys") + "\tF1")
        self.language_actions[current_language()].setChecked(True)
        self.show_theme(self._window.theme.name)

    def show_timing(self) -> None:
        """The Timing menu's checks: the anchor chosen and roll mode, as the session has them."""
        snap = self._window.controller.last
        self.anchor_actions[snap.anchor_setting.value].setChecked(True)
        self.roll_action.setChecked(snap.roll)

    def show_theme(self, name: str) -> None:
        self.theme_actions[name].setChecked(True)

    def fill_screen_menu(self) -> None:
        """Settings → Projector screen: "Automatic", then every screen there is now."""
        menu = self.screen_menu
        menu.clear()
        for action in self.screen_group.actions():
            self.screen_group.removeAction(action)
        choices: list[tuple[str | None, str]] = [
            (None, translate("Moderator", "Automatic (a screen other than this one)"))
        ]
        for screen in QGuiApplication.screens():
            size = screen.size()
            choices.append((screen.name(), f"{screen.name()} ({size.width()}×{size.height()})"))
        for name, label in choices:
            action = menu.addAction(escape_mnemonic(label))
            action.setCheckable(True)
            action.setChecked(name == self._window.settings.projector_screen)
            action.triggered.connect(lambda _=False, n=name: self.set_projector_screen(n))
            self.screen_group.addAction(action)

    def set_projector_screen(self, name: str | None) -> None:
        """Save the choice and move the projector window there at once."""
        self._window.change_settings(projector_screen=name)
        if self._window.projector is not None:
            self._window.projector.place_and_show()
