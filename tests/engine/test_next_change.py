"""Snapshot.next_shown_change_in: the tick driver sleeps exactly until a shown figure changes.

Each case folds real events, asks when the next change is, and checks that the figures the
method tracks stay the same until then and that the one it aims at has changed just after.
"""

from __future__ import annotations

import math

import pytest

from app.engine import Snapshot, Status, fold
from app.engine.events import End, Event, Next, Pause, Resume, Start
from tests.engine.helpers import Seg, make_plan

PLAN = make_plan([[Seg(600), Seg(300)], [Seg(900)]], slack_s=300)
OFF = 17.25  # the session's clock reads hh:mm:17.25 at t = 0
START = 60 - OFF  # the planned start: a whole minute of that clock, as from a programme
MARGIN = 0.0002


def at(events: list[Event], t: float, planned_start_t: float = START) -> Snapshot:
    return fold(PLAN, events, t, planned_start_t)


def figures(s: Snapshot) -> tuple[object, ...]:
    """What the windows show that moves with time (the running order's per-second used times
    excepted while running: they are shown as of the countdown's change)."""

    def minute(x: float) -> int:
        return math.floor((x + OFF) / 60)

    hard = s.hard_end_t
    slack = None if hard is None or s.ended else hard - s.projected_end_t
    return (
        s.status,
        s.countdown,
        s.phase,
        math.floor(s.occupied_s + 1e-6) if s.paused else None,
        minute(s.t),
        minute(s.projected_end_t),
        round(abs(s.late_s) / 60),
        s.late_s > 30,
        None if slack is None else (slack // 60 if slack >= 0 else round(-slack / 60)),
        # "Next, at": projected from the pace once started (nothing next once ended)
        None if s.ended or s.status is Status.READY else minute(s.t + max(0.0, s.remaining_s)),
    )


RUNNING = [Start(t=0.0)]
PAUSED = [Start(t=0.0), Pause(t=10.3)]
OVERTIME_PAUSED = [Start(t=0.0), Pause(t=650.4)]
SECOND = [Start(t=0.0), Next(t=200.6), Pause(t=230.2), Resume(t=231.0)]
ENDED = [Start(t=0.0), End(t=100.0)]


@pytest.mark.parametrize(
    ("events", "t", "expected"),
    [
        (RUNNING, 10.3, 0.7),  # the countdown: 09:50 shows until t = 11
        (RUNNING, 700.0, 1.0),  # overtime counts up on whole seconds
        (PAUSED, 12.25, 0.75),  # the actual time, pauses included: 12.25 -> 13
        (SECOND, 240.0, 0.4),  # Next at 200.6, paused 0.8 s: 38.6 s counted, 261.4 left
        (ENDED, 120.0, 60 - (120.0 + OFF) % 60),  # the clock's next minute
        ([], -500.0, 60 - (-500.0 + OFF) % 60),  # ready, the planned start still ahead
        ([], 10.0, START - 10.0),  # ready: the planned start is when the end starts moving
        ([], 100.0, 1 - (100.0 + OFF) % 1),  # ready past the planned start: the end moves
    ],
)
def test_aims_at_the_next_change(events: list[Event], t: float, expected: float) -> None:
    assert at(events, t).next_shown_change_in(OFF) == pytest.approx(expected)


def test_a_paused_projected_end_turns_the_lateness_and_the_clock() -> None:
    """Paused in overtime: the lateness turns at 30 s past a whole minute of lateness."""
    snap = at(OVERTIME_PAUSED, 700.0)
    wait = snap.next_shown_change_in(OFF)
    late_turn = (snap.planned_end_t + 30 - snap.projected_end_t) % 60
    assert wait <= late_turn
    assert 0 < wait <= 1.0


@pytest.mark.parametrize(
    "events",
    [RUNNING, PAUSED, OVERTIME_PAUSED, SECOND, ENDED, []],
    ids=["running", "paused", "overtime-paused", "second", "ended", "ready"],
)
def test_nothing_tracked_changes_before_and_something_does_just_after(
    events: list[Event],
) -> None:
    start = max((e.t for e in events), default=-600.0) + 0.123
    t = start
    for _ in range(120):
        snap = at(events, t)
        wait = snap.next_shown_change_in(OFF)
        assert wait > 0
        before = figures(snap)
        for share in (0.25, 0.5, 0.75, 0.999):
            assert figures(at(events, t + (wait - MARGIN) * share)) == before, (t, wait)
        t += wait + MARGIN
    # It never sleeps long while something ticks each second.
    assert t - start < 120 * 60 + 1


def test_the_countdown_property_keeps_its_meaning() -> None:
    assert at(PAUSED, 12.0).next_change_in is None
    assert at(RUNNING, 10.3).next_change_in == pytest.approx(0.7)
