"""The seed workshop run at another hour (issue #16, must-show 2): a rehearsal at 00:52 on
the planned date, or the planned hour on another day. With auto anchoring the window reads
on time with real clock times, and the report (text and JSON), the chart (its axis spans the
session, not seventeen hours) and the replay say "relative to the actual start HH:MM"."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.engine.clock import FakeClock
from app.model import load_running_order
from app.model.schema import Anchor
from app.reports.chart_data import chart_data
from app.reports.formats import report_as_json, report_as_text
from app.reports.model import build_report
from app.reports.qt.chart_paint import time_range
from app.timing_log.reader import read_log
from app.ui.replay import ReplayWindow
from app.ui.widgets.running_order import COL_AT
from tests.ui.moderator_harness import make_controller, open_window

# (when the app is opened, the actual start two minutes later as the window says it)
OTHER_HOURS = [
    pytest.param(datetime(2020, 9, 22, 0, 52), "00:54", id="00:52 on the planned date"),
    pytest.param(datetime(2026, 12, 2, 16, 0), "16:02", id="the planned hour, another day"),
]


@pytest.mark.parametrize(("opened", "start"), OTHER_HOURS)
def test_the_seed_workshop_at_another_hour_reads_on_time_relative_to_its_start(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, opened: datetime, start: str
) -> None:
    clock = FakeClock(wall=opened.astimezone())
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(seed_path), clock, logs)
    h = open_window(qtbot, controller, clock, logs)
    try:
        assert h.snap.anchor is Anchor.RELATIVE  # auto: not within 2 h of 16:00 that day
        assert h.window.schedule.anchor_label.text() == "Times from the actual start (auto)"
        h.advance(120)
        h.key(Qt.Key.Key_Space)
        snap = h.snap
        assert snap.running and snap.anchor is Anchor.RELATIVE
        schedule = h.window.schedule
        # On time, real clock times: 85 minutes of plan from the actual start, 5' of slack.
        assert schedule.late_label.text() == "On time"
        assert schedule.anchor_label.text() == f"Relative to the actual start {start} (auto)"
        hh, mm = map(int, start.split(":"))
        end = f"{(hh + (mm + 85) // 60) % 24:02d}:{(mm + 85) % 60:02d}"
        slot = f"{(hh + (mm + 90) // 60) % 24:02d}:{(mm + 90) % 60:02d}"
        assert schedule.planned_label.text() == f"Planned end {end}"
        assert schedule.projected_label.text() == f"Projected end {end}"
        assert schedule.slack_label.text() == f"5 min of slack before {slot}"
        tree = h.window.tree
        assert tree.segment_items[0].text(COL_AT) == start
        assert (
            tree.segment_items[1].text(COL_AT) == f"{hh + (mm + 10) // 60:02d}:{(mm + 10) % 60:02d}"
        )
        h.advance(660)  # the introduction runs a minute over
        assert schedule.late_label.text() == "1 min late"
        h.key(Qt.Key.Key_Right)
        h.advance(500)
        controller.end()
        log_path = controller.log_path
    finally:
        h.window.quit_now()
        h.controller.shutdown()

    log = read_log(log_path)
    report = build_report(log)
    words = f"relative to the actual start {start}"
    assert words in report_as_text(report)
    data = report_as_json(report)
    json.dumps(data)
    assert data["anchor"] == "relative"
    assert data["anchored_at"][11:16] == start  # type: ignore[index]
    assert data["segments"][0]["planned_start"][11:16] == start  # type: ignore[index]
    assert data["segments"][0]["start_delay_s"] == 0  # type: ignore[index]

    chart = chart_data(log)
    assert chart.relative
    lo, hi = time_range(chart)
    assert hi - lo < 2 * 3600  # the session and its slot, not seventeen hours

    replay = ReplayWindow(read_log(log_path), log_path, language="en")
    qtbot.addWidget(replay)
    replay.show()
    assert replay.timeline is not None
    replay.seek(replay.timeline.last_t - 1)
    texts = [label.text() for label in replay.findChildren(QLabel)]
    assert any(words in text for text in texts), texts  # the figures beside the projector
    replay.ensure_summary()
    texts = [label.text() for label in replay.findChildren(QLabel)]
    assert any(words in text for text in texts), texts  # the summary: the report's headline


def test_on_the_planned_date_near_the_hour_the_schedule_is_as_printed(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    clock = FakeClock(wall=datetime(2020, 9, 22, 15, 58).astimezone())
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(seed_path), clock, logs)
    h = open_window(qtbot, controller, clock, logs)
    try:
        h.advance(540)  # 16:07
        h.key(Qt.Key.Key_Space)
        assert h.snap.anchor is Anchor.ABSOLUTE
        assert h.window.schedule.anchor_label.text() == "Times as printed (auto)"
        assert h.window.schedule.late_label.text() == "7 min late"
        # The Timing menu (or Ctrl+T) switches: one logged control, undone by Ctrl+Z.
        h.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert h.kinds()[-1] == "anchor" and h.snap.anchor is Anchor.RELATIVE
        assert h.window.schedule.late_label.text() == "On time"
        assert h.window.schedule.anchor_label.text() == "Relative to the actual start 16:07"
        h.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert h.snap.anchor is Anchor.ABSOLUTE
        h.window.menus.anchor_actions["relative"].trigger()
        assert h.snap.anchor_setting is Anchor.RELATIVE
        # Roll mode from the keyboard, shown on the schedule line.
        h.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert h.snap.roll and h.window.schedule.roll_label.text() == "▶ Roll mode"
        h.key(Qt.Key.Key_Plus)  # a manual control leaves roll mode
        assert not h.snap.roll
        assert h.window.schedule.roll_label.text() == "Roll mode off: a control was given"
        assert h.kinds()[-2:] == ["adjust", "auto"]  # and logged
    finally:
        h.window.quit_now()
        h.controller.shutdown()
