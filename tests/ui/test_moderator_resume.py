"""After a crash: the window comes back on the same segment with a banner, never a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.engine import Status
from app.engine.clock import FakeClock
from app.model import load_running_order
from app.timing_log.live import start_session
from app.ui.controller import LiveController
from tests.ui.moderator_harness import SEED_START, Harness, open_window


def crashed_then_restarted(qtbot: QtBot, tmp_path: Path, seed_path: Path, down_s: float) -> Harness:
    """A session started, given controls, then the app dies (its log stays unfinished) and
    starts again ``down_s`` seconds later on the same logs folder."""
    logs = tmp_path / "logs"
    loaded = load_running_order(seed_path)
    clock = FakeClock(wall=SEED_START)
    first = start_session(loaded, clock, logs)
    s = first.session
    assert s.start()
    clock.advance(600)
    assert s.next()
    clock.advance(100)
    assert s.message("Merci de conclure")
    first.writer.close()  # killed: the process's files close, no end is ever written
    clock.advance(down_s)
    again = start_session(loaded, clock, logs)
    assert again.resumed_gap_s == down_s
    controller = LiveController(again, loaded, clock, logs)
    return open_window(qtbot, controller, clock, logs)


def test_resumed_session_shows_a_banner_and_the_same_segment(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    h = crashed_then_restarted(qtbot, tmp_path, seed_path, 42)
    window = h.window
    assert QApplication.activeModalWidget() is None
    banner = window.banners.banner("resume")
    assert banner is not None and banner.isVisible()
    assert banner.text.startswith("Resumed after 42 s")
    assert banner.action.text() == "Start over"
    snap = h.snap
    assert snap.current == 1 and snap.status is Status.RUNNING
    assert window.current.countdown_label.text() == "05:58"  # 8'20" − 100 s − 42 s down
    assert window.current.message_label.text() == "On the projector: “Merci de conclure”"
    h.key(Qt.Key.Key_Space)  # the keys work at once: no dialog to dismiss first
    assert h.snap.status is Status.PAUSED
    h.window.quit_now()
    h.controller.shutdown()


def test_a_long_downtime_reads_in_minutes(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    h = crashed_then_restarted(qtbot, tmp_path, seed_path, 185)
    banner = h.window.banners.banner("resume")
    assert banner is not None and banner.text.startswith("Resumed after 3 min 05 s")
    h.window.quit_now()
    h.controller.shutdown()


def test_start_over_takes_a_second_click(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    h = crashed_then_restarted(qtbot, tmp_path, seed_path, 30)
    window = h.window
    banner = window.banners.banner("resume")
    assert banner is not None
    old_log = h.controller.log_path
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    assert banner.action.text() == "Click again to start over"
    assert h.snap.status is Status.RUNNING  # nothing happened yet
    h.advance(2.5)  # the session's clock: still within the 3 s
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    assert window.banners.banner("resume") is None
    assert h.controller.resumed_gap_s is None
    assert h.snap.status is Status.READY and h.snap.current == 0
    assert h.controller.log_path != old_log
    assert window.current.countdown_label.text() == "10:00"
    assert window.tree.segment_items[1].text(4) == "to come"
    h.window.quit_now()
    h.controller.shutdown()


def test_start_over_confirmation_lapses(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    h = crashed_then_restarted(qtbot, tmp_path, seed_path, 30)
    window = h.window
    banner = window.banners.banner("resume")
    assert banner is not None
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    h.advance(3.5)  # the session's clock: nobody waits
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)
    assert h.controller.resumed_gap_s == 30  # a lone click after the lapse only re-arms
    assert h.snap.current == 1 and h.snap.status is Status.RUNNING
    assert banner.action.text() == "Click again to start over"
    qtbot.mouseClick(banner.action, Qt.MouseButton.LeftButton)  # within 3 s of that one
    assert h.controller.resumed_gap_s is None
    assert h.snap.status is Status.READY
    h.window.quit_now()
    h.controller.shutdown()


def test_a_fresh_session_has_no_resume_banner(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    clock = FakeClock(wall=SEED_START)
    loaded = load_running_order(seed_path)
    live = start_session(loaded, clock, tmp_path / "logs")
    controller = LiveController(live, loaded, clock, tmp_path / "logs")
    h = open_window(qtbot, controller, clock, tmp_path / "logs")
    assert h.window.banners.banner("resume") is None
    h.window.quit_now()
    controller.shutdown()
