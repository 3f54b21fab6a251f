"""`timekeeper replay LOG` run as the real command, offscreen.

TIMEKEEPER_REPLAY_QUIT_AFTER_PAINT=1 (app/cli/replay.py) makes the window quit once it has
painted, so the command ends by itself: exit 0 means the window was built from the log, shown
and painted; a window that never paints would leave the command running past the timeout.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli.replay import QUIT_AFTER_PAINT_ENV
from tests.cli.helpers import assert_bad_input, timekeeper
from tests.timing_log.test_report import play_seed

pytestmark = pytest.mark.slow


def offscreen() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_PAINT_ENV: "1"}


def test_replay_opens_the_window_and_ends_cleanly(tmp_path: Path) -> None:
    live, _ = play_seed(tmp_path / "logs")
    done = timekeeper("replay", live.log_path, env=offscreen(), timeout=30)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"" and done.stderr == b""


def test_a_crashed_session_replays_too(tmp_path: Path) -> None:
    """A log whose session never ended (the app died) is what a replay is most often for."""
    live, _ = play_seed(tmp_path / "logs", until_end=False)
    live.writer.close()
    done = timekeeper("replay", live.log_path, env=offscreen(), timeout=30)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""


def test_an_unusable_log_is_refused_before_any_window(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text("hello\n", encoding="utf-8")
    assert_bad_input(
        timekeeper("replay", notes, env=offscreen()), str(notes), "not a Timekeeper timing log"
    )
    missing = tmp_path / "gone.jsonl"
    assert_bad_input(timekeeper("replay", missing, env=offscreen()), "no such timing log")
