"""A live session and its log: every control on disk as it is given, logs never overwritten,
and after a crash the app comes back in the same state with the time that passed counted
(ARCHITECTURE.md §3 crash recovery, §4). A crash here is a session dropped without closing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from app.engine import FakeClock, Status
from app.model import load_running_order
from app.model.loader import LoadedRunningOrder
from app.timing_log.live import LiveSession, discard_and_start_over, start_session
from app.timing_log.reader import read_log
from tests.conftest import SEED
from tests.engine.helpers import INTRO, TALK1, TALK2


def seed() -> LoadedRunningOrder:
    return load_running_order(SEED)


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def crash(live: LiveSession) -> None:
    """The process dies: what is on disk stays (nothing is pending: every event was fsynced
    as it was given); the file handle goes with the process."""
    assert live.writer.pending == 0
    live.writer.close()


def crashed_in_first_talk(logs: Path) -> tuple[LiveSession, FakeClock]:
    """Intro 10', then Laurent Rey Lescure speaks for 200 s when the app dies."""
    clock = FakeClock()
    live = start_session(seed(), clock, logs)
    live.session.start()
    clock.advance(600)
    live.session.next()
    clock.advance(200)
    crash(live)
    return live, clock


def restarted(clock: FakeClock, down_s: float, logs: Path) -> tuple[LiveSession, FakeClock]:
    """A new process ``down_s`` seconds later: its monotonic clock starts somewhere else."""
    again = FakeClock(wall=clock.wall() + timedelta(seconds=down_s), monotonic=3.0)
    return start_session(seed(), again, logs), again


def test_every_control_is_on_disk_as_it_is_given(tmp_path: Path) -> None:
    clock = FakeClock()
    live = start_session(seed(), clock, tmp_path)
    assert not live.log_path.exists()  # a session that never did anything leaves no log
    live.session.start()
    assert [x["type"] for x in lines(live.log_path)] == ["header", "start"]
    clock.advance(12.5)
    live.session.message("Merci de conclure")
    clock.advance(0.5)
    live.session.pause()
    live.session.pause()  # refused: not logged
    head, *events = lines(live.log_path)
    assert head["session_slug"] == "aict-2020-atelier-developpement-economique"
    assert head["plan"] == json.loads(live.header.to_line())["plan"]
    assert events == [
        {"seq": 1, "t": 0.0, "wall": "2020-09-22T16:00:00+00:00", "type": "start"},
        {
            "seq": 2,
            "t": 12.5,
            "wall": "2020-09-22T16:00:12.500000+00:00",
            "type": "message",
            "text": "Merci de conclure",
            "blink": False,
        },
        {"seq": 3, "t": 13.0, "wall": "2020-09-22T16:00:13+00:00", "type": "pause"},
    ]
    assert live.writer.pending == 0 and live.writer.error is None
    live.writer.close()


def test_logs_are_never_overwritten(tmp_path: Path) -> None:
    clock = FakeClock()
    first = start_session(seed(), clock, tmp_path, recover=False)
    first.session.start()
    before = first.log_path.read_bytes()
    crash(first)  # one window at a time: the next one may begin once this one is gone
    second = start_session(seed(), clock, tmp_path, recover=False)  # the same second
    second.session.start()
    assert second.log_path != first.log_path
    assert second.log_path.name.endswith("~2.jsonl")
    assert first.log_path.read_bytes() == before
    second.writer.close()


def test_a_crashed_session_resumes_in_the_same_segment_with_the_time_that_passed(
    tmp_path: Path,
) -> None:
    live, clock = crashed_in_first_talk(tmp_path)
    before = live.session.snapshot()
    assert (before.current, before.countdown) == (TALK1, "05:00")
    again, new_clock = restarted(clock, 95, tmp_path)
    assert again.log_path == live.log_path
    assert again.resumed_gap_s == 295  # since the last event: 200 s speaking, 95 s down
    snap = again.session.snapshot()
    assert (snap.current, snap.status, snap.active_s) == (TALK1, Status.RUNNING, 295)
    assert (snap.countdown, snap.gaps) == ("03:25", ((895.0, 295.0),))
    new_clock.advance(205)
    assert again.session.snapshot().countdown == "+00:00"
    last = lines(again.log_path)[-1]
    assert last == {
        "seq": 3,
        "t": 895.0,
        "wall": "2020-09-22T16:14:55+00:00",
        "type": "resumed",
        "gap_s": 295.0,
    }
    again.writer.close()


def test_undo_after_a_restart_takes_back_the_last_control_not_the_restart(tmp_path: Path) -> None:
    _, clock = crashed_in_first_talk(tmp_path)
    again, new_clock = restarted(clock, 95, tmp_path)
    new_clock.advance(10)
    assert again.session.undo()  # the next is taken back: all that time was the intro's
    snap = again.session.snapshot()
    assert (snap.current, snap.active_s, snap.countdown) == (INTRO, 905, "+05:05")
    assert snap.gaps == ((895.0, 295.0),)
    again.writer.close()


def test_a_resumed_session_goes_on_writing_the_same_log(tmp_path: Path) -> None:
    _, clock = crashed_in_first_talk(tmp_path)
    again, new_clock = restarted(clock, 5, tmp_path)
    new_clock.advance(30)
    again.session.next()
    log = read_log(again.log_path)
    assert [r.seq for r in log.records] == [1, 2, 3, 4]
    assert [e.kind for e in log.events] == ["start", "next", "resumed", "next"]
    assert log.records[-1].event.t == 600 + 200 + 5 + 30
    assert log.warnings == []
    crash(again)
    third, _ = restarted(new_clock, 1, tmp_path)  # and crashes again: still the same log
    assert third.log_path == again.log_path and third.session.snapshot().current == TALK2
    third.writer.close()


def test_a_finished_session_is_not_resumed(tmp_path: Path) -> None:
    clock = FakeClock()
    live = start_session(seed(), clock, tmp_path)
    live.session.start()
    live.session.end()
    crash(live)
    again, _ = restarted(clock, 60, tmp_path)
    assert again.log_path != live.log_path and again.resumed_gap_s is None
    assert again.session.snapshot().status is Status.READY


def test_a_session_last_written_more_than_12_hours_ago_is_not_resumed(tmp_path: Path) -> None:
    live, clock = crashed_in_first_talk(tmp_path)
    again, _ = restarted(clock, 12 * 3600 + 1, tmp_path)
    assert again.log_path != live.log_path and again.resumed_gap_s is None


def test_a_session_that_never_logged_an_event_is_not_resumed(tmp_path: Path) -> None:
    clock = FakeClock()
    first = start_session(seed(), clock, tmp_path)
    first.writer.release_lock()  # the process dies before any event: nothing to write
    again, _ = restarted(clock, 60, tmp_path)
    assert again.resumed_gap_s is None and again.log_path != first.log_path
    again.writer.close()


def test_an_edited_running_order_starts_a_new_log(tmp_path: Path) -> None:
    live, clock = crashed_in_first_talk(tmp_path / "logs")
    edited = tmp_path / SEED.name  # same file name, so the same slug; other content
    text = SEED.read_text(encoding="utf-8")
    assert text.count('budget = "10\'"') == 1
    edited.write_text(text.replace('budget = "10\'"', 'budget = "12\'"'), encoding="utf-8")
    again = start_session(load_running_order(edited), clock, tmp_path / "logs")
    assert again.log_path != live.log_path and again.resumed_gap_s is None
    assert again.session.snapshot().plan.segments[0].planned_s == 720


def test_the_newest_log_of_a_running_order_decides(tmp_path: Path) -> None:
    """The moderator started over (a new log, ended): the older crashed log is history."""
    crashed, clock = crashed_in_first_talk(tmp_path)
    clock.advance(1)
    over = start_session(seed(), clock, tmp_path, recover=False)
    over.session.start()
    over.session.end()
    crash(over)
    again, _ = restarted(clock, 60, tmp_path)
    assert again.resumed_gap_s is None
    assert again.log_path not in (crashed.log_path, over.log_path)


def test_a_log_with_a_numbered_name_is_resumed(tmp_path: Path) -> None:
    clock = FakeClock()
    first = start_session(seed(), clock, tmp_path, recover=False)
    first.session.start()
    crash(first)
    second = start_session(seed(), clock, tmp_path, recover=False)  # same second: "~2"
    second.session.start()
    second.session.next()
    crash(second)
    again, _ = restarted(clock, 10, tmp_path)
    assert again.log_path == second.log_path and again.session.snapshot().current == TALK1
    again.writer.close()


def test_a_torn_last_line_is_skipped_and_writing_goes_on_on_a_new_line(tmp_path: Path) -> None:
    live, clock = crashed_in_first_talk(tmp_path)
    with live.log_path.open("ab") as f:
        f.write(b'{"seq":3,"t":800.0,"wall":"2020-09-22T16:13:20+00:00","ty')  # killed mid-write
    again, new_clock = restarted(clock, 20, tmp_path)
    assert again.log_path == live.log_path
    assert again.warnings == ("line 4: incomplete last line skipped (torn write)",)
    snap = again.session.snapshot()
    assert (snap.current, snap.active_s) == (TALK1, 220)  # 200 s before the kill, 20 s after
    new_clock.advance(5)
    again.session.next()
    raw = again.log_path.read_bytes().split(b"\n")
    assert raw[3].endswith(b'"ty') and raw[4].startswith(b'{"seq":3,') and raw[-1] == b""
    log = read_log(again.log_path)
    assert [e.kind for e in log.events] == ["start", "next", "resumed", "next"]
    assert log.warnings == ["line 4: skipped (not JSON: Unterminated string starting at)"]
    again.writer.close()


def test_start_over_ends_the_resumed_log_and_begins_a_new_one(tmp_path: Path) -> None:
    _, clock = crashed_in_first_talk(tmp_path)
    again, new_clock = restarted(clock, 30, tmp_path)
    fresh = discard_and_start_over(again, seed(), new_clock, tmp_path)
    assert fresh.log_path != again.log_path and fresh.resumed_gap_s is None
    assert read_log(again.log_path).finished
    assert fresh.session.snapshot().status is Status.READY
    fresh.writer.release_lock()  # the process dies before any event: nothing to write
    later, _ = restarted(new_clock, 5, tmp_path)
    assert later.resumed_gap_s is None  # the old log was ended: nothing to resume


def test_a_resumed_log_removed_from_disk_is_written_again_whole(tmp_path: Path) -> None:
    _, clock = crashed_in_first_talk(tmp_path)
    again, new_clock = restarted(clock, 5, tmp_path)
    again.log_path.unlink()  # a cleaning tool, a user, a synced folder...
    new_clock.advance(1)
    again.session.next()
    log = read_log(again.log_path)  # readable on its own: the header came back first
    assert [e.kind for e in log.events] == ["start", "next", "resumed", "next"]
    assert log.warnings == [] and again.writer.error is None
    again.writer.close()
