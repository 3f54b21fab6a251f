"""Past midnight in the moderator window and the replay (issue #13): an evening from 20:00 to
01:00 run on the fake clock. The running order's clock times, the schedule line and the
replay's clock times carry the next-day mark as ``check`` writes it ("00:30 (+1)"), from the
engine's day offset; nothing is marked that falls before midnight.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.engine import FakeClock
from app.model import load_running_order
from app.timing_log.reader import read_log
from app.ui.replay import ReplayWindow
from app.ui.widgets.running_order import COL_AT
from tests.timing_log.test_midnight import evening
from tests.ui.moderator_harness import make_controller, open_window


def _zone() -> tzinfo | None:
    return datetime(2027, 1, 1, tzinfo=UTC).astimezone().tzinfo


def test_the_window_and_the_replay_mark_the_next_day_only_past_midnight(
    qtbot: QtBot, tmp_path: Path
) -> None:
    zone = _zone()
    clock = FakeClock(wall=datetime(2026, 12, 31, 19, 58, tzinfo=zone))
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(evening(tmp_path)), clock, logs)
    h = open_window(qtbot, controller, clock, logs)
    window = h.window
    try:
        tree, schedule = window.tree, window.schedule

        def cells() -> list[str]:
            return [item.text(COL_AT) for item in tree.segment_items]

        # Before the start: the plan's clock times, as `check` gives them.
        assert cells() == ["20:00", "22:00", "23:45", "00:30 (+1)"]
        assert [item.text(COL_AT) for item in tree.part_items] == ["20:00", "22:00", "00:30 (+1)"]
        assert schedule.now_label.text() == "Now 19:58"
        assert schedule.planned_label.text() == "Planned end 00:45 (+1)"
        assert schedule.projected_label.text() == "Projected end 00:45 (+1)"
        assert schedule.slack_label.text() == "15 min of slack before 01:00 (+1)"

        h.advance(120)
        h.click("toggle")
        h.advance(2 * 3600)  # 22:00: the debate
        h.click("next")
        h.advance(105 * 60 - 10 * 60)  # 23:35, the debate runs on: no mark yet
        window.show_snapshot(h.snap)
        assert schedule.now_label.text() == "Now 23:35"
        assert "(+1)" not in schedule.now_label.text()
        assert cells()[:3] == ["20:00", "22:00", "23:45"]
        h.advance(30 * 60)  # 00:05 the next day, the debate 20 minutes over
        window.show_snapshot(h.snap)
        assert schedule.now_label.text() == "Now 00:05 (+1)"
        assert schedule.projected_label.text() == "Projected end 01:05 (+1)"
        assert schedule.slack_label.text() == "5 min past the hard end 01:00 (+1)"
        h.click("next")  # the questions start at 00:05 (+1): planned from the anchor
        window.show_snapshot(h.snap)
        assert cells() == ["20:00", "22:00", "23:45", "00:30 (+1)"]
        # The thumbnail shows what the projector shows: a plain clock.
        assert "(+1)" not in " ".join(window.thumbnail.texts())
        h.advance(25 * 60)
        h.click("next")
        h.advance(15 * 60)
        controller.session.end()
        log_path = controller.live.log_path
    finally:
        window.quit_now()
        controller.shutdown()

    log = read_log(log_path)
    replay = ReplayWindow(log, log_path, language="en")
    qtbot.addWidget(replay)
    origin = log.header.origin_wall
    t_before = (datetime(2026, 12, 31, 23, 35, tzinfo=zone) - origin).total_seconds()
    t_after = (datetime(2027, 1, 1, 0, 20, tzinfo=zone) - origin).total_seconds()
    replay.seek(t_before)
    assert replay.fields["clock"].text() == "23:35:00"
    assert replay.time_label.text().startswith("23:35:00   (")
    assert "projected end 00:45:00 (+1)" in replay.fields["schedule"].text()
    replay.seek(t_after)
    assert replay.fields["clock"].text() == "00:20:00 (+1)"
    assert replay.time_label.text().startswith("00:20:00 (+1)   (")
    rows = [
        replay.events_model.data(replay.events_model.index(i, 0))
        for i in range(replay.events_model.rowCount())
    ]
    assert rows[0].startswith("20:00:00 ") and "(+1)" not in rows[0]
    assert rows[-1].startswith("00:45:00 (+1)   ")
