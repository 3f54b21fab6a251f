"""The replay window shows, at any instant, what the live session showed at that instant.

The seed workshop is played through on a fake clock by the real live-session code (timing log
on disk included): overruns, a message, a pause, added time, an undone control, a crash and
the restart that continues the same log, the end. At chosen instants the live snapshot is
kept; the replay of the log must give the same snapshot at the same instants.

``play_seed_session`` and ``write_log`` are used by the chart and report tests too.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import __version__
from app.engine import (
    Adjust,
    Blackout,
    ClearMessage,
    End,
    Event,
    FakeClock,
    Next,
    Pause,
    Previous,
    Resume,
    Resumed,
    SetMessage,
    Snapshot,
    Start,
    Timeline,
    Undo,
    fold,
)
from app.model import load_running_order
from app.model.plan import Plan
from app.timing_log.errors import LogError
from app.timing_log.format import LogHeader, event_line
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from app.ui import replay
from app.ui.projector import ProjectorView
from app.ui.replay import ReplayWindow, open_replay, run_replay

Seen = list[tuple[float, Snapshot]]


# -- building logs ------------------------------------------------------------------------------


def play_seed_session(logs_dir: Path, seed: Path) -> tuple[Path, Seen]:
    """Play the seed workshop with the live code on a fake clock; return the log and the live
    snapshots taken along the way (after the command, when one is given at that instant)."""
    loaded = load_running_order(seed)
    clock = FakeClock(wall=datetime(2020, 9, 22, 15, 58).astimezone(), monotonic=5000.0)
    live = start_session(loaded, clock, logs_dir)
    s = live.session
    seen: Seen = []

    def look() -> None:
        seen.append((s.now(), s.snapshot()))

    look()  # loaded, not started
    clock.advance(125)
    s.start()
    look()
    clock.advance(600)
    look()  # the introduction's last second... and then 45 s over
    clock.advance(45)
    s.next()
    clock.advance(300)
    s.message("Merci de conclure <vite> & bien")
    look()
    clock.advance(230)
    s.next()
    clock.advance(200)
    s.pause()
    clock.advance(45)
    look()  # in the middle of the pause
    clock.advance(45)
    s.resume_counting()
    clock.advance(100)
    s.adjust(60)
    look()
    clock.advance(250)
    s.next()
    clock.advance(5)
    s.undo()  # that "next" was a slip: as if never given
    look()
    clock.advance(40)
    s.clear_message()
    s.next()
    look()
    clock.advance(300)
    look()
    live.writer.close()  # the app dies here, without an end

    clock.advance(240)
    live = start_session(loaded, clock, logs_dir)  # continues the same log
    assert live.resumed_gap_s == pytest.approx(540)
    s = live.session
    look()
    clock.advance(100)
    s.next()
    look()
    clock.advance(800)
    s.next()
    clock.advance(960)
    s.blackout()
    clock.advance(2)
    look()  # blacked out
    clock.advance(1)
    s.blackout()
    s.next()
    clock.advance(700)
    s.next()
    look()
    clock.advance(420)
    look()
    clock.advance(0.25)
    s.end()
    look()
    live.writer.close()
    return live.log_path, seen


def write_log(
    path: Path, plan: Plan, events: Sequence[Event], *, origin: datetime | None = None
) -> Path:
    """A log written directly (events already known to be accepted), for large or odd logs."""
    origin = origin or datetime(2020, 9, 22, 15, 58).astimezone()
    header = LogHeader(
        app_version=__version__,
        created=origin,
        session_slug="test",
        origin_wall=origin,
        planned_start=origin.replace(hour=16, minute=0),
        plan=plan,
    )
    lines = [header.to_line()]
    lines += [
        event_line(i, e, origin + timedelta(seconds=e.t)) for i, e in enumerate(events, start=1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def random_events(plan: Plan, n: int, seed: int = 7) -> list[Event]:
    """``n`` accepted controls of every kind, undo included, as a live engine would log them."""
    rng = random.Random(seed)
    engine = Timeline(plan)
    out: list[Event] = []
    t = 0.0
    makers: list[Callable[[float], Event]] = [
        lambda t: SetMessage(t, rng.choice(["Merci de conclure", "2 min", "Micro !"])),
        ClearMessage,
        lambda t: Adjust(t, rng.choice([60, -60, 30])),
        Pause,
        Resume,
        Undo,
        Undo,
        lambda t: Blackout(t, rng.random() < 0.5),
        Next,
        Previous,
        # A restart after a crash: not a control, so an undo after it reaches over it.
        lambda t: Resumed(t, round(rng.uniform(5, 120), 6)),
    ]
    engine.apply(Start(0.5))
    out.append(Start(0.5))
    while len(out) < n - 1:
        t = round(t + rng.uniform(0.2, 40.0), 6)
        event = rng.choice(makers)(t)
        if engine.accepts(event) and engine.apply(event):
            out.append(event)
    out.append(End(t + 1))
    return out


def snapshot_key(snap: Snapshot) -> dict[str, Any]:
    """Everything a view reads off a snapshot, with times to the microsecond."""
    n = len(snap.plan.segments)

    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 6)

    return {
        "t": r(snap.t),
        "status": snap.status,
        "current": snap.current,
        "planned_s": snap.planned_s,
        "active_s": r(snap.active_s),
        "remaining_s": r(snap.remaining_s),
        "countdown": snap.countdown,
        "phase": snap.phase,
        "message": snap.message,
        "blink": snap.blink,
        "blackout": snap.blackout,
        "paused_s": r(snap.paused_s),
        "projected_end_t": r(snap.projected_end_t),
        "late_s": r(snap.late_s),
        "rows": [snap.row_state(i) for i in range(n)],
        "actual": [r(snap.actual_of(i)) for i in range(n)],
        "planned": [snap.planned_of(i) for i in range(n)],
        "parts": [r(snap.part_left_of(p.index)) for p in snap.plan.parts],
        "pauses": [(r(a), r(b)) for a, b in snap.pauses],
        "gaps": [(r(a), r(b)) for a, b in snap.gaps],
    }


@pytest.fixture
def seed_log(tmp_path: Path, seed_path: Path) -> tuple[Path, Seen]:
    return play_seed_session(tmp_path / "logs", seed_path)


def window_for(qtbot: QtBot, path: Path, **kwargs: Any) -> ReplayWindow:
    window = ReplayWindow(read_log(path), path, language="en", **kwargs)
    qtbot.addWidget(window)
    return window


# -- the time line ------------------------------------------------------------------------------


def test_scrubbing_shows_what_the_live_session_showed(
    qtbot: QtBot, seed_log: tuple[Path, Seen]
) -> None:
    path, seen = seed_log
    window = window_for(qtbot, path)
    window.show()
    assert isinstance(window.projector, ProjectorView)
    # Out of order on purpose: a scrubber jumps back and forth.
    for t, live in sorted(seen, key=lambda x: (x[0] * 7919) % 1000):
        window.seek(t)
        assert window.t == t
        assert snapshot_key(window.snapshot) == snapshot_key(live), f"at t={t}"
        assert window.projector.snapshot is window.snapshot  # the projector got that snapshot


def test_the_figures_beside_the_projector_follow_the_instant(
    qtbot: QtBot, seed_log: tuple[Path, Seen]
) -> None:
    path, _ = seed_log
    window = window_for(qtbot, path)
    log = read_log(path)
    by_kind = {r.event.kind: r.event.t for r in log.records}
    window.seek(by_kind["pause"] + 30)
    assert window.fields["status"].text() == "Paused"
    assert window.fields["message"].text() == "«Merci de conclure <vite> & bien»"
    assert window.fields["pauses"].text().startswith("1 pause(s)")
    first_blackout = next(r.event.t for r in log.records if r.event.kind == "blackout")
    window.seek(first_blackout + 1)
    assert window.fields["projector"].text() == "blackout"
    assert window.snapshot is not None and window.snapshot.blackout
    window.seek(by_kind["resumed"] - 60)
    assert window.in_downtime()
    assert window.down_overlay.isVisibleTo(window)
    assert "app down" in window.fields["status"].text()
    window.seek(by_kind["resumed"] + 1)
    assert not window.down_overlay.isVisibleTo(window)
    assert window.fields["clock"].text() == (
        log.header.origin_wall + timedelta(seconds=by_kind["resumed"] + 1)
    ).strftime("%H:%M:%S")
    window.seek(window.end_t)
    assert window.fields["status"].text() == "Ended"
    # The introduction ran 45 s over its 10-minute part budget.
    assert window.parts_table.item(0, 3).text() == "+00:45"
    assert "Timekeeper stopped and resumed" in window.notices.text()


def test_timeline_equals_the_fold_at_any_instant_with_many_undos(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small checkpoints so that seeks, checkpoints and undo refolds all cross boundaries.
    plan = load_running_order(seed_path).plan
    events = random_events(plan, 400)
    assert sum(isinstance(e, Undo) for e in events) > 20
    assert sum(isinstance(e, Resumed) for e in events) > 5
    header = write_and_read(tmp_path, plan, events).header
    timeline = Timeline(
        header.plan, events, planned_start_t=header.planned_start_t, every=9, mark_every=5
    )
    rng = random.Random(3)
    instants = [e.t for e in events[::7]] + [rng.uniform(0, events[-1].t) for _ in range(120)]
    for t in instants:  # a random walk back and forth, then forwards like playback
        assert snapshot_key(timeline.snapshot(t)) == snapshot_key(
            fold(plan, events, t, header.planned_start_t)
        ), t
    for t in sorted(instants):
        assert snapshot_key(timeline.snapshot(t)) == snapshot_key(
            fold(plan, events, t, header.planned_start_t)
        ), t


def write_and_read(tmp_path: Path, plan: Plan, events: Sequence[Event]) -> Any:
    return read_log(write_log(tmp_path / "random.jsonl", plan, events))


def test_previous_and_next_event(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    path, _ = seed_log
    window = window_for(qtbot, path)
    times = sorted({r.event.t for r in read_log(path).records})
    assert window.t == times[0]  # opens on the start, not on the idle minutes before it
    for expected in times[1:]:
        window.next_event()
        assert window.t == expected
    window.next_event()
    assert window.t == window.end_t
    for expected in reversed(times[:-1]):
        window.previous_event()
        assert window.t == expected
    window.previous_event()
    assert window.t == 0.0
    # The same with the keys, whichever control has the focus.
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.slider.setFocus()
    qtbot.keyClick(window.slider, Qt.Key.Key_Right)
    assert window.t == times[0]
    window.events_view.setFocus()
    qtbot.keyClick(window.events_view, Qt.Key.Key_End)
    assert window.t == window.end_t
    qtbot.keyClick(window.play_button, Qt.Key.Key_Left)
    assert window.t == times[-2]


# -- playing back --------------------------------------------------------------------------------


def test_virtual_time_is_speed_times_real_time_never_counted(
    qtbot: QtBot, seed_log: tuple[Path, Seen]
) -> None:
    path, _ = seed_log
    real = [100.0]
    window = window_for(qtbot, path, real_clock=lambda: real[0])
    t0 = window.t
    window.play(60)
    for _ in range(5):  # however many frames fire, only the real time elapsed matters
        window._on_frame()
    assert window.t == t0
    real[0] += 2.5
    window._on_frame()
    assert window.t == pytest.approx(t0 + 150)
    window.set_speed(10)  # a new pace from the instant shown
    real[0] += 1.0
    window._on_frame()
    assert window.t == pytest.approx(t0 + 160)
    window.pause()
    real[0] += 100
    window._on_frame()
    assert window.t == pytest.approx(t0 + 160)
    assert not window.playing
    window.play(1)
    real[0] += 3
    window._on_frame()
    assert window.t == pytest.approx(t0 + 163)
    real[0] += 1e6  # past the end: stops there
    window._on_frame()
    assert window.t == window.end_t
    assert not window.playing


def test_playing_runs_on_the_real_timer(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    path, _ = seed_log
    window = window_for(qtbot, path)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    t0 = window.t
    qtbot.keyClick(window.slider, Qt.Key.Key_Space)
    window.set_speed(60)
    assert window.playing
    qtbot.waitUntil(lambda: window.t > t0 + 3, timeout=3000)
    assert window.slider.value() == round(window.t / replay.SLIDER_UNIT_S)
    qtbot.keyClick(window.slider, Qt.Key.Key_Space)
    assert not window.playing
    stopped = window.t
    assert window.snapshot is not None and window.snapshot.t == pytest.approx(stopped)


def test_slider_chart_and_event_list_move_the_instant(
    qtbot: QtBot, seed_log: tuple[Path, Seen]
) -> None:
    path, _ = seed_log
    window = window_for(qtbot, path)
    window.resize(1400, 900)
    window.show()
    window.slider.setValue(round(1000 / replay.SLIDER_UNIT_S))
    assert window.t == pytest.approx(1000)
    with qtbot.waitSignal(window.chart.seek) as signal:
        qtbot.mouseClick(window.chart, Qt.MouseButton.LeftButton, pos=window.chart.rect().center())
    assert window.t == pytest.approx(signal.args[0])
    log = read_log(path)
    row = 6
    index = window.events_model.index(row, 0)
    window.events_view.scrollTo(index)
    cell = window.events_view.visualRect(index)
    qtbot.mouseClick(window.events_view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert window.t == log.records[row].event.t
    assert window.events_view.currentIndex().row() == row


# -- logs as they come ---------------------------------------------------------------------------


def test_torn_last_line_is_shown_as_a_warning(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    path, _ = seed_log
    with path.open("ab") as handle:
        handle.write(b'{"seq":99,"t":99999.0,"wall":"2020-09-22T18:')
    window = open_replay(path, None)
    qtbot.addWidget(window)
    assert isinstance(window, ReplayWindow)
    assert window.notices.isVisibleTo(window)
    assert "torn" in window.notices.text()
    assert window.end_t < 99999.0


def test_replays_without_the_running_order_file(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    copy = tmp_path / "atelier.toml"
    shutil.copy(seed_path, copy)
    path, seen = play_seed_session(tmp_path / "logs", copy)
    copy.unlink()  # edited away or deleted since: the log's header carries the plan
    window = window_for(qtbot, path)
    t, live = seen[len(seen) // 2]
    window.seek(t)
    assert snapshot_key(window.snapshot) == snapshot_key(live)


def test_an_unusable_log_is_explained_in_place(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "notes.jsonl"
    bad.write_text("hello\n", encoding="utf-8")
    window = open_replay(bad, None)
    qtbot.addWidget(window)
    assert isinstance(window, ReplayWindow)
    assert "not a Timekeeper timing log" in window.error_label.text()
    with pytest.raises(LogError, match="not a Timekeeper timing log"):
        run_replay(bad)  # the command line turns it into exit 2


def test_fallback_label_is_gone(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    """The final version paints with the projector's own view, never the stand-in label."""
    window = window_for(qtbot, seed_log[0])
    assert replay.ProjectorView is ProjectorView
    assert not isinstance(window.projector, QLabel)
