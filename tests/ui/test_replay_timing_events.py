"""Replay shows the timing-mode events in words (issue #16): an anchor switch, roll mode on
and off, and what the engine did by itself (an end action at zero, roll mode)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.engine import Auto, FakeClock, SetAnchor, SetRoll
from app.model import load_running_order
from app.model.loader import LoadedRunningOrder
from app.model.schema import EndAction
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from app.ui.replay import ReplayWindow, event_text
from tests.conftest import SEED


def test_event_words() -> None:
    assert event_text(SetAnchor(1.0, "relative")) == "Clock times from the actual start (relative)"
    assert event_text(SetAnchor(1.0, "absolute")) == "Clock times as printed (absolute)"
    assert event_text(SetRoll(1.0, True)) == "Roll mode on"
    assert event_text(SetRoll(1.0, False)) == "Roll mode off"
    assert event_text(Auto(9.0, 8.5, "next", 2, "end_action")) == "Segment 3 by itself at zero"
    assert (
        event_text(Auto(9.0, 8.5, "next", 2, "roll"))
        == "Segment 3 by itself at its planned time (roll)"
    )
    assert (
        event_text(Auto(9.0, 8.5, "load", 1, "end_action"))
        == "Segment 2 loaded by itself at zero, waiting"
    )
    assert event_text(Auto(9.0, 8.5, "start", 0, "roll")) == "Started by itself (roll mode)"
    assert event_text(Auto(9.0, 8.5, "roll_off", 0, "manual")) == (
        "Roll mode left (a manual control)"
    )


def test_the_replay_lists_an_automatic_move(qtbot: QtBot, tmp_path: Path) -> None:
    loaded = load_running_order(SEED)
    segments = list(loaded.plan.segments)
    segments[0] = segments[0].model_copy(update={"end_action": EndAction.NEXT})
    plan = loaded.plan.model_copy(update={"segments": tuple(segments)})
    loaded = LoadedRunningOrder(plan=plan, source=loaded.source, sha256=loaded.sha256)
    clock = FakeClock()
    live = start_session(loaded, clock, tmp_path)
    live.session.start()
    clock.advance(700)  # the introduction moved on by itself at 16:10
    live.session.set_anchor("relative")
    live.session.end()
    live.writer.close()
    window = ReplayWindow(read_log(live.log_path), live.log_path, language="en")
    qtbot.addWidget(window)
    model = window.events_model
    rows = [model.data(model.index(i, 0), Qt.ItemDataRole.DisplayRole) for i in range(4)]
    assert "Segment 2 by itself at zero" in rows[1], rows
    assert "Clock times from the actual start (relative)" in rows[2], rows
