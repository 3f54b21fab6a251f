"""The running-order file is edited on disk while the session runs, and saved with an error.

What the moderator must see: the running session is untouched (its plan is the one in the
log header) and keeps counting; the error is shown in one sentence naming the file and line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths
from app.engine import FakeClock
from app.model import RunningOrderError, load_running_order
from app.timing_log.reader import read_header, read_log
from tests.conftest import SEED
from tests.faults.helpers import crash, live_session

BROKEN_EDITS = [
    # (what the moderator typed, replacing what)
    ('budget = "40\'"', "budget = 40'"),  # quotes forgotten: a TOML syntax error
    ('title = "Témoignages"', 'title = "Témoignages'),  # an unclosed string
    ('budget = "40\'"', 'budget = "40 minutes et demie"'),  # a duration nobody can read
    ('budget = "40\'"', 'budget = "4\'"'),  # children exceed their part's budget
    ("[[parts]]", "[[parts]"),  # a broken table header
]


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.toml"
    shutil.copyfile(SEED, path)
    return path


def _kinds(log_path: Path) -> list[str]:
    return [event.kind for event in read_log(log_path).events]


@pytest.mark.parametrize(("old", "new"), BROKEN_EDITS)
def test_a_broken_edit_leaves_the_running_session_untouched(
    qtbot: QtBot, session_file: Path, old: str, new: str
) -> None:
    """The edit is saved and the session is told, as the file watcher tells it
    (SourceWatch.reload_from_disk): the error is shown, the plan and the timing stay."""
    from app.ui.banner import Kind
    from app.ui.controller import LiveController
    from app.ui.moderator import ModeratorWindow
    from app.ui.settings import Settings

    loaded = load_running_order(session_file)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, loaded=loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    window = ModeratorWindow(controller, Settings())
    qtbot.addWidget(window)
    try:
        assert controller.toggle()
        clock.advance(90.0)
        assert controller.next()
        clock.advance(30.0)
        controller.refresh()
        before = controller.snapshot()

        text = session_file.read_text(encoding="utf-8")
        assert old in text, f"the edit {old!r} does not match the seed"
        session_file.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(RunningOrderError) as caught:
            load_running_order(session_file)
        message = str(caught.value)
        assert "\n" not in message and "Traceback" not in message
        assert message.startswith(str(session_file))

        window.source.reload_from_disk()  # what the watcher's debounce timer calls

        banner = window.banners.banner("reload")
        assert banner is not None and banner.kind is Kind.ERROR
        assert message in banner.text
        assert controller.plan is loaded.plan and controller.loaded is loaded
        assert read_header(live.log_path).plan == loaded.plan
        assert "plan_changed" not in _kinds(live.log_path)
        clock.advance(10.0)
        controller.refresh()
        after = controller.snapshot()
        assert after.current == before.current == 1
        assert after.remaining_s == before.remaining_s - 10.0
        assert controller.adjust(60) and controller.next()
    finally:
        controller.shutdown()


def test_a_valid_edit_told_the_same_way_is_taken_in(qtbot: QtBot, session_file: Path) -> None:
    """The other side of the test above: the same path does change the plan when the file
    is sound, so "untouched" there is the window's choice, not a path that does nothing."""
    from app.ui.controller import LiveController
    from app.ui.moderator import ModeratorWindow
    from app.ui.settings import Settings

    loaded = load_running_order(session_file)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, loaded=loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    window = ModeratorWindow(controller, Settings())
    qtbot.addWidget(window)
    try:
        assert controller.toggle()
        clock.advance(60.0)
        text = session_file.read_text(encoding="utf-8")
        assert text.count('budget = "10\'"') == 1
        session_file.write_text(text.replace('budget = "10\'"', 'budget = "15\'"'), "utf-8")

        window.source.reload_from_disk()

        assert controller.plan is not loaded.plan
        assert controller.plan.segments[0].planned_s == 900
        assert controller.snapshot().countdown == "14:00"
        assert _kinds(live.log_path).count("plan_changed") == 1
    finally:
        controller.shutdown()


def test_the_window_keeps_counting_and_shows_the_error(qtbot: object, session_file: Path) -> None:
    """The moderator window watches the file: a broken save gives a banner naming the file,
    and the countdown on screen goes on."""
    from app.ui.controller import LiveController
    from app.ui.moderator import ModeratorWindow
    from app.ui.settings import Settings

    loaded = load_running_order(session_file)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, loaded=loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    window = ModeratorWindow(controller, Settings())
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    try:
        assert controller.toggle()
        clock.advance(61.0)
        controller.refresh()
        assert window.current.countdown_label.text() == "08:59"

        text = session_file.read_text(encoding="utf-8")
        session_file.write_text(text.replace('budget = "40\'"', "budget = 40'"), encoding="utf-8")

        def error_shown() -> None:
            banner = window.banners.banner("reload")
            assert banner is not None and str(session_file) in banner.text

        qtbot.waitUntil(error_shown, timeout=10_000)  # type: ignore[attr-defined]
        banner = window.banners.banner("reload")
        assert banner is not None and "line" in banner.text
        assert controller.plan is loaded.plan

        clock.advance(2.0)
        controller.refresh()
        assert window.current.countdown_label.text() == "08:57"
        assert controller.next()
        assert window.snapshot.current == 1
    finally:
        controller.shutdown()


def test_an_edit_taken_in_during_the_session_survives_a_crash(
    qtbot: object, session_file: Path
) -> None:
    from app.ui.controller import LiveController
    from app.ui.session_files import swap_plan

    loaded = load_running_order(session_file)
    clock = FakeClock()
    live = live_session(paths.logs_dir(), clock, loaded=loaded)
    controller = LiveController(live, loaded, clock, paths.logs_dir())
    try:
        assert controller.toggle()
        clock.advance(60.0)
        text = session_file.read_text(encoding="utf-8")
        session_file.write_text(text.replace('budget = "10\'"', 'budget = "15\'"'), "utf-8")
        edited = load_running_order(session_file)
        swap_plan(controller, edited)  # what the window does for an edit keeping the segments
        assert controller.snapshot().countdown == "14:00"
    finally:
        controller.ticks.stop()
        controller._retry.stop()
    clock.advance(5.0)  # killed here, relaunched on the edited file
    crash(live)
    again = live_session(paths.logs_dir(), clock, loaded=edited)
    assert again.resumed_gap_s == 5.0
    assert again.session.snapshot().countdown == "13:55"
