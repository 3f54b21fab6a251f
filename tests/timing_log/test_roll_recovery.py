"""Roll mode through the real log and the real recovery (issue #16): the session starts
itself and moves on at the planned clock times, each move is a line of the log, and after a
crash the app comes back still in roll mode, on the segment the clock says."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from app.engine import FakeClock, Status
from app.model import load_running_order
from app.model.loader import LoadedRunningOrder
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED
from tests.engine.helpers import INTRO, TALK1, TALK2


def rolling_seed() -> LoadedRunningOrder:
    loaded = load_running_order(SEED)
    plan = loaded.plan.model_copy(update={"roll": True})
    return LoadedRunningOrder(plan=plan, source=loaded.source, sha256=loaded.sha256)


def autos(path: Path) -> list[tuple[float, str, int]]:
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()[1:]]
    return [(x["at"], x["action"], x["segment"]) for x in lines if x["type"] == "auto"]


def test_a_crash_during_roll_mode_resumes_it(tmp_path: Path) -> None:
    clock = FakeClock()  # 16:00, the planned start: roll mode starts the session at once
    loaded = rolling_seed()
    live = start_session(loaded, clock, tmp_path)
    clock.advance(1)
    assert live.session.log_autos()  # the tick driver wakes: the start gets its line
    snap = live.session.snapshot()
    assert snap.running and snap.roll and snap.started_at == 0
    clock.advance(800)  # 16:13:21: roll moved to the first testimony at 16:10
    live.session.log_autos()
    assert autos(live.log_path) == [(0.0, "start", INTRO), (600.0, "next", TALK1)]
    live.writer.close()  # the app dies

    again = FakeClock(wall=clock.wall() + timedelta(seconds=300), monotonic=3.0)
    back = start_session(loaded, again, tmp_path)  # 16:18:21
    assert back.resumed_gap_s == 300
    snap = back.session.snapshot()
    assert snap.status is Status.RUNNING and snap.roll  # still in roll mode ...
    assert snap.current == TALK2 and snap.started_at_of(TALK2) == 1100  # ... on the clock
    back.session.log_autos()
    assert autos(back.log_path)[-1] == (1100.0, "next", TALK2)
    back.session.next()  # a manual control leaves roll mode, and says so in the log
    assert not back.session.snapshot().roll
    assert autos(back.log_path)[-1][1] == "roll_off"
    back.writer.close()
    # Replay folds the log to what the live session showed.
    log = read_log(back.log_path)
    final = log.timeline().snapshot(back.session.now())
    assert final.current == TALK2 + 1 and not final.roll


def test_the_report_and_the_chart_show_what_happened_by_itself(tmp_path: Path) -> None:
    from app.reports.chart_data import chart_data
    from app.reports.formats import report_as_json, report_as_text
    from app.reports.model import build_report

    clock = FakeClock()
    live = start_session(rolling_seed(), clock, tmp_path)
    clock.advance(650)
    live.session.adjust(60)  # leaves roll mode
    clock.advance(60)
    live.session.end()
    live.writer.close()
    log = read_log(live.log_path)
    report = build_report(log)
    assert [(a, s, c) for _, a, s, c in report.automatic] == [
        ("start", INTRO, "roll"),
        ("next", TALK1, "roll"),
        ("roll_off", TALK1, "manual"),
    ]
    text = report_as_text(report)
    assert "16:10:00  moved on by itself to segment 2 (roll mode)." in text
    data = report_as_json(report)
    assert data["automatic"][1] == {  # type: ignore[index]
        "at": "2020-09-22T16:10:00+00:00",
        "action": "next",
        "segment": TALK1,
        "cause": "roll",
    }
    kinds = [(m.t, m.kind) for m in chart_data(log).markers]
    assert (0.0, "auto") in kinds and (600.0, "auto") in kinds
