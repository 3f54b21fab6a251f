"""Every key of the key table, pressed on the moderator window, gives its engine command.

The key table (app.ui.keys) is the contract of ARCHITECTURE.md §5; these tests press each key the
way a keyboard or a presentation clicker sends it and read the engine's events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.engine import Status
from app.engine.events import Adjust, Blackout, ClearMessage, Next, Previous, SetMessage, Undo
from app.ui.keys import KEY_ACTIONS, key_label
from app.ui.keys import tr as tr_keys
from app.ui.settings import Settings
from tests.ui.moderator_harness import Harness, seed_window

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


def running_on_second_segment(h: Harness) -> None:
    h.key(K.Key_Space)
    h.advance(30)
    h.key(K.Key_Right)
    h.advance(30)


def test_space_starts_pauses_and_resumes(moderator: Harness) -> None:
    moderator.key(K.Key_Space)
    assert moderator.kinds() == ["start"]
    moderator.advance(10)
    moderator.key(K.Key_Space)
    assert moderator.snap.status is Status.PAUSED
    moderator.advance(10)
    moderator.key(K.Key_Space)
    assert moderator.kinds() == ["start", "pause", "resume"]
    assert moderator.snap.active_s == pytest.approx(10)


def test_next(moderator: Harness) -> None:
    moderator.key(K.Key_Space)
    for expected, key in enumerate((K.Key_Right, K.Key_PageDown), start=1):
        moderator.advance(30)
        moderator.key(key)
        assert isinstance(moderator.events[-1], Next)
        assert moderator.snap.current == expected


def test_previous_resumes_the_segment(moderator: Harness) -> None:
    running_on_second_segment(moderator)
    for key in (K.Key_Left, K.Key_PageUp):
        moderator.key(key)
        assert isinstance(moderator.events[-1], Previous)
        assert moderator.snap.current == 0
        assert moderator.window.current.countdown_label.text() == "09:30"
        moderator.key(K.Key_Right)


def test_add_and_remove_a_minute(moderator: Harness) -> None:
    moderator.key(K.Key_Space)
    planned = 600
    for key, seconds in ((K.Key_Plus, 60), (K.Key_Equal, 60), (K.Key_Minus, -60)):
        moderator.key(key)
        event = moderator.events[-1]
        assert isinstance(event, Adjust) and event.seconds == seconds
        planned += seconds
        assert moderator.snap.planned_s == planned


def test_blackout_toggles(moderator: Harness) -> None:
    for key in (K.Key_B, K.Key_Period):
        moderator.key(key)
        event = moderator.events[-1]
        assert isinstance(event, Blackout) and event.on
        moderator.key(key)
        assert not moderator.snap.blackout


def test_w_asks_to_wrap_up_in_the_session_language(moderator: Harness) -> None:
    moderator.key(K.Key_W)
    event = moderator.events[-1]
    assert isinstance(event, SetMessage)
    assert event.text == "Merci de conclure"  # the seed workshop is in French


def test_esc_clears_the_message(moderator: Harness) -> None:
    moderator.key(K.Key_W)
    moderator.key(K.Key_Escape)
    assert isinstance(moderator.events[-1], ClearMessage)
    assert moderator.snap.message is None


def test_ctrl_z_undoes_the_last_control(moderator: Harness) -> None:
    running_on_second_segment(moderator)
    moderator.key(K.Key_Z, CTRL)
    assert isinstance(moderator.events[-1], Undo)
    assert moderator.snap.current == 0
    assert moderator.snap.active_s == pytest.approx(60)  # as if Next had never been pressed


def test_help_overlay_opens_and_closes(moderator: Harness) -> None:
    overlay = moderator.window.help_overlay
    for key in (K.Key_F1, K.Key_Question):
        moderator.key(key)
        assert overlay.isVisible()
        assert overlay.geometry() == moderator.window.rect()
        assert QApplication.activeModalWidget() is None
        moderator.key(key)
        assert not overlay.isVisible()


def test_esc_closes_the_help_before_touching_the_message(moderator: Harness) -> None:
    moderator.key(K.Key_W)
    moderator.key(K.Key_F1)
    moderator.key(K.Key_Escape)
    assert not moderator.window.help_overlay.isVisible()
    assert moderator.snap.message == "Merci de conclure"
    moderator.key(K.Key_Escape)
    assert moderator.snap.message is None


def test_keys_work_while_the_help_is_open(moderator: Harness) -> None:
    moderator.key(K.Key_F1)
    moderator.key(K.Key_Space)
    assert moderator.snap.status is Status.RUNNING


def test_help_lists_every_key_of_the_table(moderator: Harness) -> None:
    rows = moderator.window.help_overlay.rows()
    for action in KEY_ACTIONS:
        assert (key_label(action), tr_keys(action.label)) in rows
    assert ("C", "Catch-up plan: show / ignore") in rows
    assert ("A", "Apply the catch-up plan shown") in rows
    moderator.key(K.Key_F1)
    shown = [label.text() for label in moderator.window.help_overlay.panel.findChildren(QLabel)]
    assert "Space" in shown and "Ctrl+Q" in shown and "Right / PgDown" in shown


def test_keys_reach_the_window_after_a_button_click(moderator: Harness) -> None:
    moderator.click("toggle")
    moderator.advance(5)
    moderator.key(K.Key_Space)
    assert moderator.snap.status is Status.PAUSED


# -- the projector window gets help and quit from the moderator window -------------------------


class FakeProjector(QWidget):
    """Stands for ProjectorWindow (a ProjectorScreen): counts F11, records the handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.settings = Settings()
        self.fullscreen_toggles = 0
        self.extra: dict[str, Callable[[], object]] = {}
        self.placed = 0

    def toggle_fullscreen(self) -> None:
        self.fullscreen_toggles += 1

    def set_extra_handlers(self, handlers: Mapping[str, Callable[[], object]]) -> None:
        self.extra.update(handlers)

    def place_and_show(self) -> None:
        self.placed += 1

    def show_on_request(self) -> None:
        self.show()

    def hide_on_request(self) -> None:
        self.hide()

    def watch_shown(self, slot: Callable[[bool], object]) -> None:
        pass


def test_f11_toggles_the_projector_full_screen(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    from app.engine.clock import FakeClock
    from app.model import load_running_order
    from tests.ui.moderator_harness import SEED_START, make_controller, open_window

    projector = FakeProjector()
    qtbot.addWidget(projector)
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(seed_path), clock, tmp_path / "logs")
    h = open_window(qtbot, controller, clock, tmp_path / "logs", projector=projector)
    h.key(K.Key_F11)
    assert projector.fullscreen_toggles == 1
    assert set(projector.extra) == {"help", "quit", "wrap_up"}
    h.window.quit_now()
    controller.shutdown()


def test_help_quit_and_wrap_up_from_the_real_projector_window(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    from app.engine.clock import FakeClock
    from app.model import load_running_order
    from app.ui.moderator import open_windows
    from app.ui.settings import Settings
    from tests.ui.moderator_harness import SEED_START, make_controller

    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(seed_path), clock, tmp_path / "logs")
    window, projector = open_windows(controller, Settings())
    assert projector is not None
    qtbot.addWidget(window)
    qtbot.addWidget(projector)
    window.show()
    projector.show()
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector, timeout=2000)
    try:
        qtbot.keyClick(projector, K.Key_Space)
        assert controller.snapshot().status is Status.RUNNING
        qtbot.keyClick(projector, K.Key_W)
        assert controller.snapshot().message == "Merci de conclure"
        qtbot.keyClick(projector, K.Key_F1)
        assert window.help_overlay.isVisible()  # on the laptop, never on the room's screen
        projector.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is projector, timeout=2000)
        qtbot.keyClick(projector, K.Key_Q, CTRL)
        assert window.isVisible() and window.banners.banner("quit") is not None
        assert QApplication.activeModalWidget() is None
        qtbot.keyClick(projector, K.Key_Q, CTRL)
        assert not window.isVisible() and not projector.isVisible()
    finally:
        window.quit_now()
        controller.shutdown()
