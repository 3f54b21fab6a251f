"""Sessions that cross midnight (issue #13): an evening from 20:00 to 01:00 the next morning.

Clock times after midnight are the next day: the hard end at 01:00 is five hours after the
start, lateness and the slack are measured across midnight, the catch-up plan lands on 01:00,
and a moderator who opens the app at 00:30 is in yesterday's evening, not in one 19 h 30 away.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.cli import main
from app.engine import FakeClock, Status
from app.model import load_running_order
from app.model.schema import Session
from app.reports.model import build_report
from app.reports.summary import build_summary
from app.reports.summary import clock as report_clock
from app.timing_log.format import planned_start_for
from app.timing_log.live import LiveSession, start_session
from app.timing_log.reader import read_log

EVENING = """\
format = 1
[session]
title = "Soirée de clôture"
date = 2026-12-31
start = "20:00"
hard_end = "01:00"
language = "fr"

[[parts]]
title = "Dîner"
budget = "2h"
kind = "break"

[[parts]]
title = "Table ronde"
budget = "2h30"

[[parts.segments]]
title = "Débat"
duration = "1h45"

[[parts.segments]]
title = "Questions de la salle"
kind = "qa"

[[parts]]
title = "Vœux"
budget = "15'"
"""

# Planned: 20:00 dinner, 22:00 debate, 23:45 questions, 00:30 wishes, 00:45 end, 01:00 hard end.


def evening(tmp_path: Path) -> Path:
    path = tmp_path / "evening.toml"
    path.write_text(EVENING, encoding="utf-8")
    return path


def test_the_plan_runs_into_the_next_day(tmp_path: Path) -> None:
    plan = load_running_order(evening(tmp_path)).plan
    assert (plan.slot_s, plan.total_s, plan.slack_s) == (5 * 3600, 4 * 3600 + 45 * 60, 900)
    assert plan.hard_end == time(1, 0) and plan.hard_end_day == 1
    labels = [plan.clock_label(s.offset_s) for s in plan.segments]
    assert labels == ["20:00", "22:00", "23:45", "00:30 (+1)"]
    assert [plan.day_at(s.offset_s) for s in plan.segments] == [0, 0, 0, 1]
    assert plan.planned_end == time(0, 45) and plan.day_at(plan.total_s) == 1


def test_a_hard_end_before_the_start_is_the_next_morning_within_twenty_hours() -> None:
    day = Session.model_validate({"title": "Jour 1", "start": "11:00", "hard_end": "04:00"})
    assert day.hard_end == time(4, 0)
    with pytest.raises(ValidationError, match="hard_end 15:30 must be after start 16:00"):
        Session.model_validate({"title": "Typo", "start": "16:00", "hard_end": "15:30"})
    with pytest.raises(ValidationError, match="must be after start"):
        Session.model_validate({"title": "Nul", "start": "16:00", "hard_end": "16:00"})


def test_at_half_past_midnight_the_evening_is_yesterdays(tmp_path: Path) -> None:
    plan = load_running_order(evening(tmp_path)).plan
    zone = datetime(2027, 1, 1, tzinfo=UTC).astimezone().tzinfo
    at = lambda *a: datetime(*a, tzinfo=zone)  # noqa: E731
    assert planned_start_for(plan, at(2026, 12, 31, 19, 50)) == at(2026, 12, 31, 20, 0)
    assert planned_start_for(plan, at(2027, 1, 1, 0, 30)) == at(2026, 12, 31, 20, 0)
    # A rehearsal the next morning is timed against that evening, as any re-run is.
    assert planned_start_for(plan, at(2027, 1, 1, 9, 0)) == at(2027, 1, 1, 20, 0)


def _live_evening(tmp_path: Path) -> tuple[FakeClock, LiveSession]:
    zone = datetime(2027, 1, 1, tzinfo=UTC).astimezone().tzinfo
    clock = FakeClock(wall=datetime(2026, 12, 31, 19, 58, tzinfo=zone))
    live = start_session(load_running_order(evening(tmp_path)), clock, tmp_path / "logs")
    return clock, live


def test_a_session_run_across_midnight_keeps_wall_clock_lateness_and_catch_up(
    tmp_path: Path,
) -> None:
    clock, live = _live_evening(tmp_path)
    s = live.session
    snap = s.snapshot()
    assert snap.planned_start_t == 120  # opened two minutes before 20:00
    assert snap.hard_end_t == 120 + 5 * 3600 and snap.slack_s == 900

    clock.advance(120)
    s.start()
    clock.advance(2 * 3600 + 25 * 60)  # dinner runs 25 minutes over: 22:25
    s.next()
    snap = s.snapshot()
    assert round(snap.late_s) == 25 * 60  # ends 01:10 instead of 00:45
    assert round(snap.slack_s) == -10 * 60  # 10 min past the hard end at 01:00
    assert snap.needs_catch_up
    plan = s.catch_up()
    assert plan.needed and plan.feasible and plan.durations == ((2, 35 * 60),)
    assert s.apply_catch_up(plan)
    assert s.snapshot().projected_end_t == snap.hard_end_t  # lands on 01:00

    clock.advance(105 * 60)  # the debate as planned: 00:10 the next day
    s.next()
    clock.advance(10 * 60 + 5)  # ten minutes into the questions
    snap = s.snapshot()
    assert s.wall_of(snap.t).astimezone(clock.wall().tzinfo) == clock.wall()
    assert clock.wall().date().isoformat() == "2027-01-01"
    assert clock.wall().time() == time(0, 20, 5)
    assert snap.remaining_s == 25 * 60 - 5 and not snap.overtime
    assert round(snap.late_s) == 15 * 60 and round(snap.slack_s) == 0  # 01:00, not 00:45
    assert not snap.needs_catch_up
    clock.advance(25 * 60 - 5)
    s.next()
    clock.advance(15 * 60)
    s.end()
    snap = s.snapshot()
    assert snap.status is Status.ENDED and snap.ended_at == snap.hard_end_t
    end_wall = s.wall_of(snap.ended_at).astimezone(clock.wall().tzinfo)
    assert (end_wall.date().isoformat(), end_wall.time()) == ("2027-01-01", time(1, 0))
    live.writer.close()

    log = read_log(live.log_path)
    report = build_report(log)
    assert report.hard_end is not None and report.hard_end - report.planned_start == timedelta(
        hours=5
    )
    assert report.late_vs_hard_end_s == 0 and report.ended_at == report.hard_end
    summary = build_summary(log)
    assert report_clock(summary, report.segments[3].planned_start, False) == "00:30 (+1)"
    assert report_clock(summary, report.ended_at, False) == "01:00 (+1)"


def test_the_text_report_says_plus_one_after_midnight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock, live = _live_evening(tmp_path)
    s = live.session
    clock.advance(120)
    s.start()
    for seconds in (7200, 6300, 2700):
        clock.advance(seconds)
        s.next()
    clock.advance(900)
    s.end()
    live.writer.close()
    assert main(["report", str(live.log_path)]) == 0
    text = capsys.readouterr().out
    assert "Planned end 00:45:00 (+1), hard end 01:00:00 (+1)" in text
    row = next(line for line in text.splitlines() if line.strip().startswith("4 "))
    assert "00:30:00 (+1)  00:30:00 (+1)" in row and "Vœux" in row
    assert main(["report", str(live.log_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["segments"][3]["started_at"].startswith("2027-01-01T00:30")


def test_check_says_plus_one_in_text_and_the_day_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = evening(tmp_path)
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert "2026-12-31 20:00–01:00 (+1)" in text
    assert "00:30 (+1)  Vœux" in text
    assert "planned end 00:45:00 (+1)" in text and "hard end 01:00 (+1): slack 15'" in text
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["slot_end"], data["slot_end_day"], data["planned_end_day"]) == ("01:00", 1, 1)
    last = data["segments"][-1]
    assert (last["planned_start"], last["planned_day"]) == ("00:30:00", 1)
    assert last["planned_start_date"] == "2027-01-01"
    assert data["segments"][0]["planned_start_date"] == "2026-12-31"
