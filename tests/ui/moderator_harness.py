"""A moderator window on a fake clock, for the moderator tests.

The window is built the way the application builds it (a live session on a timing log in a
private folder, the controller, the window) but with a FakeClock: tests move time by hand
and never sleep. The fake wall clock is 16:00 *local* time on the seed's date, so the plan's
clock times read the same in any time zone.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.engine.clock import FakeClock
from app.engine.events import Event
from app.engine.snapshot import Snapshot
from app.i18n import install_language, translations_dir
from app.model import LoadedRunningOrder, load_running_order
from app.timing_log.live import start_session
from app.ui.controller import LiveController
from app.ui.moderator import ModeratorWindow
from app.ui.projector_protocol import ProjectorScreen
from app.ui.settings import Settings

SEED_START = datetime(2020, 9, 22, 16, 0).astimezone()


@dataclass
class Harness:
    window: ModeratorWindow
    controller: LiveController
    clock: FakeClock
    logs: Path
    qtbot: QtBot

    def advance(self, seconds: float) -> None:
        """Let time pass, then repaint as the tick driver would."""
        self.clock.advance(seconds)
        self.controller.refresh()

    @property
    def snap(self) -> Snapshot:
        return self.controller.snapshot()

    @property
    def events(self) -> tuple[Event, ...]:
        return self.controller.session.engine.events

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]

    def key(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        target: QWidget | None = None,
    ) -> None:
        QTest.keyClick(target or self.window, key, modifier)

    def click(self, name: str) -> None:
        self.qtbot.mouseClick(self.window.controls.buttons[name], Qt.MouseButton.LeftButton)


def make_controller(loaded: LoadedRunningOrder, clock: FakeClock, logs: Path) -> LiveController:
    live = start_session(loaded, clock, logs)
    return LiveController(live, loaded, clock, logs)


def open_window(
    qtbot: QtBot,
    controller: LiveController,
    clock: FakeClock,
    logs: Path,
    *,
    settings: Settings | None = None,
    projector: ProjectorScreen | None = None,
) -> Harness:
    window = ModeratorWindow(controller, settings or Settings(), projector=projector)
    qtbot.addWidget(window)
    window.resize(1280, 800)  # the laptop screen the layout is made for
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    controller.refresh()
    return Harness(window, controller, clock, logs, qtbot)


def seed_window(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    """The body of each test module's ``moderator`` fixture: the seed workshop, ready."""
    clock = FakeClock(wall=SEED_START)
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(seed_path), clock, logs)
    harness = open_window(qtbot, controller, clock, logs)
    yield harness
    harness.window.quit_now()
    harness.controller.shutdown()


def french_installed() -> Iterator[None]:
    """The body of a ``french`` fixture: the French catalogue compiled (as `make translations`
    does) so that a test can switch to it, and English restored after."""
    ts = translations_dir() / "timekeeper_fr.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    yield
    app = QApplication.instance()
    assert app is not None
    install_language(app, "en")
