"""One screen at a desk (issue #13): preparing or rehearsing on the laptop alone, the projector
window is not shown over the console until a second screen appears or the moderator asks for
it (F11, or the button under the thumbnail); the thumbnail shows what it would show.

This process runs on plain ``QT_QPA_PLATFORM=offscreen``: one screen. The two-screen case
(it still lands full screen on the second screen) is in screens_inner/projector_two_screens.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.engine import FakeClock, Status
from app.model import load_running_order
from app.ui.moderator import open_windows
from app.ui.settings import Settings
from tests.ui.moderator_harness import SEED_START, french_installed, make_controller

K = Qt.Key


def _lit_pixels(image: QImage) -> int:
    """Pixels that are not the black background: something is drawn."""
    step = 4
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() > 60
    )


@pytest.fixture
def french() -> Iterator[None]:
    yield from french_installed()


def test_alone_the_projector_waits_and_the_thumbnail_shows_the_room(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, french: None
) -> None:
    assert len(QGuiApplication.screens()) == 1
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(seed_path), clock, tmp_path / "logs")
    window, projector = open_windows(controller, Settings())
    qtbot.addWidget(window)
    qtbot.addWidget(projector)
    try:
        projector.place_and_show()  # as the application does at start-up
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        assert not projector.isVisible() and projector.held_back
        button = window.projector_button
        assert button.isVisible() and button.text() == "Show projector window (F11)"
        assert "one screen" in button.toolTip()
        caption = window.current.thumbnail_caption
        assert caption.text() == "Not shown: no second screen — F11 to show it"

        # The thumbnail still renders what the room would see, and follows the session.
        controller.start_ticking()
        qtbot.keyClick(window, K.Key_Space)
        snap = window.thumbnail.snapshot
        assert snap is not None and snap.status is Status.RUNNING
        assert "Jean-Claude Dardelet" in " ".join(window.thumbnail.texts())
        assert window.thumbnail.countdown() is not None
        assert _lit_pixels(window.thumbnail.grab().toImage()) > 50
        assert projector.view.snapshot is not None  # fed too, ready to be shown

        # F11 in the moderator window asks for it: a window on the laptop.
        qtbot.keyClick(window, K.Key_F11)
        qtbot.waitUntil(projector.isVisible)
        assert not projector.isFullScreen() and projector.projecting_on is None
        assert button.text() == "Hide projector window"
        assert caption.text() == "On the projector"
        # F11 again: full screen, as before.
        qtbot.keyClick(window, K.Key_F11)
        qtbot.waitUntil(projector.isFullScreen)

        # The button puts it away, and brings it back.
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not projector.isVisible()
        assert button.text() == "Show projector window (F11)"
        assert caption.text() == "Not shown: no second screen — F11 to show it"
        window.set_language("fr")  # the caption in the moderator's language
        assert caption.text() == "Non affiché : un seul écran — F11 l’affiche"
        window.set_language("en")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(projector.isVisible)
        assert button.text() == "Hide projector window"
        assert caption.text() == "On the projector"
    finally:
        window.quit_now()
        controller.shutdown()
