"""Two-screen placement of the projector window: run only by test_projector_screens.py.

This module needs the offscreen platform configured with two screens (a 1280×800 "laptop"
and a 1920×1080 "projector", ``../shared/qt/two-screens.json``) *before* the QApplication
exists, so the outer test starts a separate pytest process for it; its name does not start
with ``test_`` so that the main run never collects it in a one-screen process.

Unplugging: the offscreen platform can change its screens only through a C++ native-interface
function that Python cannot reach (``QGuiApplication.platformFunction("setConfiguration")``
returns null). So a hot-plug is simulated: the window reads the available screens through an
injected function, the test changes what that function returns and emits Qt's own
``screenRemoved``/``screenAdded`` signal with the real QScreen, which goes through the same
connection a real unplug uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.engine import FakeClock, Status
from app.model import load_running_order
from app.timing_log.live import start_session
from app.ui.controller import LiveController
from app.ui.projector import WINDOWED_SIZE, ProjectorWindow
from app.ui.settings import Settings
from tests.conftest import SEED


def screen(name: str) -> QScreen:
    found = [s for s in QGuiApplication.screens() if s.name() == name]
    assert found, f"no screen {name!r}: is QT_QPA_PLATFORM set to the two-screen config?"
    return found[0]


@pytest.fixture
def controller(tmp_path: Path) -> Iterator[LiveController]:
    loaded = load_running_order(SEED)
    clock = FakeClock()
    live = start_session(loaded, clock, tmp_path / "logs")
    ctl = LiveController(live, loaded, clock, tmp_path / "logs")
    yield ctl
    ctl.shutdown()


@pytest.fixture
def moderator(qtbot: QtBot) -> QWidget:
    """A stand-in for the moderator window, on the laptop."""
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle("moderator")
    window.setScreen(screen("laptop"))
    window.setGeometry(100, 100, 800, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


class Screens:
    """What is plugged in, as the window sees it: names, turned into QScreens on each call
    (a QScreen wrapper kept across tests can be invalidated by PySide6 when a widget that
    returned it from ``screen()`` is deleted)."""

    def __init__(self) -> None:
        self.present = ["laptop", "projector"]

    def __call__(self) -> list[QScreen]:
        return [screen(name) for name in self.present]

    def unplug(self, name: str) -> None:
        self.present.remove(name)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenRemoved.emit(screen(name))

    def plug(self, name: str) -> None:
        self.present.append(name)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.emit(screen(name))


def test_the_platform_has_two_screens(qapp: QGuiApplication) -> None:
    names = [s.name() for s in QGuiApplication.screens()]
    assert names == ["laptop", "projector"]
    assert screen("projector").geometry().size().toTuple() == (1920, 1080)


def on_projector(window: ProjectorWindow) -> bool:
    return window.isFullScreen() and window.screen().name() == "projector"


def held_back(window: ProjectorWindow) -> bool:
    """Alone on the laptop: not shown over the console (issue #13), waiting for a screen."""
    return not window.isVisible() and window.held_back and window.screen().name() == "laptop"


def on_laptop_windowed(window: ProjectorWindow) -> bool:
    return (
        window.isVisible()
        and not window.isFullScreen()
        and window.screen().name() == "laptop"
        and window.size() == WINDOWED_SIZE
    )


def test_projector_lands_full_screen_on_the_other_screen(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    window = ProjectorWindow(controller, Settings())
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: on_projector(window))
    assert window.geometry() == screen("projector").geometry()
    assert window.view.size().toTuple() == (1920, 1080)
    controller.start_ticking()
    controller.toggle()
    assert window.view.snapshot is not None
    assert window.view.snapshot.status is Status.RUNNING
    assert window.view.digit_height() >= 0.40 * 1080


def test_it_avoids_the_screen_the_moderator_works_on(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    moderator.setScreen(screen("projector"))
    moderator.move(screen("projector").geometry().topLeft())
    qtbot.waitUntil(lambda: moderator.screen().name() == "projector")
    window = ProjectorWindow(controller, Settings())
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.screen().name() == "laptop")


def test_the_named_screen_wins_unless_it_is_the_moderators_or_missing(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    def chosen(name: str | None) -> str | None:
        window = ProjectorWindow(controller, Settings(projector_screen=name))
        qtbot.addWidget(window)
        target = window.projector_screen()
        return None if target is None else target.name()

    assert chosen("projector") == "projector"
    assert chosen("HDMI-9") == "projector"  # unplugged since it was chosen
    assert chosen("laptop") == "projector"  # never over the moderator's own screen


def test_unplugging_the_projector_brings_the_window_back(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    screens = Screens()
    window = ProjectorWindow(controller, Settings(), screens=screens)
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: on_projector(window))
    screens.unplug("projector")
    qtbot.waitUntil(lambda: held_back(window))  # never over the console
    assert moderator.screen().name() == "laptop"
    # The view still follows the session after the move.
    controller.start_ticking()
    controller.toggle()
    assert window.view.snapshot is not None and window.view.snapshot.running
    window.toggle_fullscreen()  # F11: the moderator asks for it on the laptop
    qtbot.waitUntil(lambda: on_laptop_windowed(window))


def test_an_unplug_is_seen_after_pyside_dropped_a_screen_wrapper(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    screens = Screens()
    window = ProjectorWindow(controller, Settings(), screens=screens)
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: on_projector(window))
    # A short-lived widget on the projector asked for its screen, then was deleted: PySide6
    # invalidates that QScreen wrapper, and the next signal carries a new one.
    old = screen("projector")
    passing = QWidget()
    passing.setScreen(old)
    passing.setGeometry(old.geometry().adjusted(100, 100, -100, -100))
    passing.show()
    assert passing.screen().name() == "projector"
    passing.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(old)
    screens.unplug("projector")
    qtbot.waitUntil(lambda: held_back(window))


def test_plugging_a_projector_in_takes_the_window_there(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    screens = Screens()
    screens.present.remove("projector")
    window = ProjectorWindow(controller, Settings(), screens=screens)
    qtbot.addWidget(window)
    window.place_and_show()
    assert held_back(window)  # one screen: it waits, hidden (issue #13)
    screens.plug("projector")  # QGuiApplication.screenAdded
    qtbot.waitUntil(lambda: on_projector(window))
    assert window.geometry() == screen("projector").geometry()
    # and out and in again, as a loose HDMI cable does
    screens.unplug("projector")
    qtbot.waitUntil(lambda: held_back(window))
    screens.plug("projector")
    qtbot.waitUntil(lambda: on_projector(window))


def test_asked_for_on_one_screen_it_still_moves_to_a_projector_plugged_in(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    screens = Screens()
    screens.present.remove("projector")
    window = ProjectorWindow(controller, Settings(), screens=screens)
    qtbot.addWidget(window)
    window.place_and_show()
    window.show_on_request()  # the moderator's button
    qtbot.waitUntil(lambda: on_laptop_windowed(window))
    screens.plug("projector")
    qtbot.waitUntil(lambda: on_projector(window))


def test_the_application_windows_land_full_screen_on_the_second_screen(
    qtbot: QtBot, controller: LiveController
) -> None:
    from app.ui.moderator import open_windows

    window, projector = open_windows(controller, Settings())
    qtbot.addWidget(window)
    qtbot.addWidget(projector)
    window.setScreen(screen("laptop"))
    window.show()
    projector.place_and_show()
    qtbot.waitUntil(lambda: on_projector(projector))
    assert projector.geometry() == screen("projector").geometry()
    assert window.projector_button.text() == "Hide projector window"
    window.quit_now()


def test_other_screens_coming_and_going_leave_the_projector_alone(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    screens = Screens()
    window = ProjectorWindow(controller, Settings(), screens=screens)
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: on_projector(window))
    screens.unplug("laptop")  # the moderator's screen (a dock unplugged): not ours
    assert on_projector(window)
    screens.plug("laptop")  # already projecting: a new screen changes nothing
    assert on_projector(window)


def test_f11_on_the_projector_and_back(
    qtbot: QtBot, controller: LiveController, moderator: QWidget
) -> None:
    window = ProjectorWindow(controller, Settings())
    qtbot.addWidget(window)
    window.place_and_show()
    qtbot.waitUntil(lambda: on_projector(window))
    window.toggle_fullscreen()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.screen().name() == "projector"  # stays where it is, as a window
    window.toggle_fullscreen()
    qtbot.waitUntil(lambda: on_projector(window))
