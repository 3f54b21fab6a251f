"""Timer types, end actions, schedule anchoring and roll mode, on the fake clock (issue #16).

Every session here runs on a ``FakeClock``: time passes by ``wait``, never by sleeping. What
the engine does by itself (an end action at zero, roll mode) is taken at its exact instant
and written to the log as an ``Auto`` line; the same log folded again (recovery, replay)
gives the same figures.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.engine import Auto, Phase, SetAnchor, SetRoll, Status, Timeline, propose_catch_up
from app.engine.session import Session
from app.model.schema import Anchor, EndAction, SegmentKind, TimerType
from tests.engine.helpers import Live, Seg, figures, make_plan

HOUR = 3600.0


def autos(live: Live) -> list[tuple[float, str, int, str]]:
    return [(e.at, e.action, e.segment, e.cause) for e in live.logged if isinstance(e, Auto)]


def replayed(live: Live, t: float, planned_start_t: float = 0.0) -> tuple[object, ...]:
    """The figures at ``t`` of the logged events folded again, as recovery and replay do."""
    timeline = Timeline.for_replay(live.plan, live.logged, planned_start_t=planned_start_t)
    return figures(timeline.snapshot(t))


# -- timer types ------------------------------------------------------------------------------


def test_countup_shows_elapsed_never_overtime_and_counts_its_plan_until_it_ends() -> None:
    plan = make_plan([[Seg(600, timer=TimerType.COUNTUP), Seg(300)]], slack_s=None)
    live = Live(plan)
    live.do("start")
    live.wait(0.5)
    assert live.snap.countdown == "00:00" and live.snap.counts_up
    live.wait(299.5)
    snap = live.snap
    assert snap.countdown == "05:00" and snap.elapsed_s == 300.0
    assert snap.projected_end_t == 300 + 300 + 300  # counted at its planned 10 min
    live.wait(400)  # 11:40 into a 10-minute debate: still no overtime
    snap = live.snap
    assert snap.countdown == "11:40"
    assert not snap.overtime and snap.phase is Phase.NORMAL and snap.overtime_s == 0
    assert snap.projected_end_t == 700 + 300  # past its plan: it ends now, at the earliest
    live.do("next")
    assert live.snap.countdown == "05:00" and live.snap.timer is TimerType.COUNTDOWN
    assert live.snap.over_countdown_of(0) == 0  # no limit: never past its countdown
    assert live.snap.longer_than_planned_of(0) == 100  # but it did hold the room longer


def test_countup_with_an_end_action_never_moves_on_by_itself() -> None:
    plan = make_plan([[Seg(60, timer=TimerType.COUNTUP, end_action=EndAction.NEXT), Seg(60)]])
    live = Live(plan)
    live.do("start")
    live.wait(600)
    assert live.snap.current == 0 and autos(live) == []


def test_clock_type_counts_its_plan_and_says_it_is_a_clock() -> None:
    plan = make_plan([[Seg(120, timer=TimerType.CLOCK, end_action=EndAction.NEXT), Seg(60)]])
    live = Live(plan)
    live.do("start")
    live.wait(30)
    snap = live.snap
    assert snap.timer is TimerType.CLOCK and snap.countdown == "01:30"
    live.wait(90)
    assert live.snap.current == 1 and autos(live) == [(120.0, "next", 1, "end_action")]


def test_ends_at_counts_down_to_its_clock_time_whatever_happened_before() -> None:
    # 16:00 talk 10 min; lunch until 16:30; 16:30 talk 10 min.
    plan = make_plan([[Seg(600), Seg(1200, SegmentKind.BREAK, fixed=True), Seg(600)]])
    assert plan.segments[1].ends_at is not None and f"{plan.segments[1].ends_at:%H:%M}" == "16:30"
    live = Live(plan)
    live.do("start")
    live.wait(900)  # the talk ran 5 min over
    snap = live.snap
    assert snap.late_s == 0  # the lunch absorbs it: the afternoon still starts at 16:30
    assert snap.projected_start_of(2) == 1800
    live.do("next")
    snap = live.snap
    assert snap.countdown == "15:00" and snap.ends_at_t == 1800
    live.wait(60)
    live.do("pause")
    live.wait(60)  # a pause does not move lunch's end: the clock counts
    assert live.snap.countdown == "13:00"
    live.do("resume")
    live.do("adjust", 60)  # a minute more moves its end
    assert live.snap.countdown == "14:00" and live.snap.ends_at_t == 1860
    live.wait(840)
    assert live.snap.overtime and live.snap.countdown == "+00:00"


def test_ends_at_reached_late_is_over_at_once_and_the_schedule_is_late() -> None:
    plan = make_plan([[Seg(600), Seg(600, SegmentKind.BREAK, fixed=True), Seg(600)]])
    live = Live(plan)
    live.do("start")
    live.wait(1500)  # past the break's end (16:20) before it even started
    snap = live.snap
    assert snap.projected_start_of(1) == 1500 and snap.projected_start_of(2) == 1500
    assert snap.late_s == 1500 + 600 - 1800
    live.do("next")
    assert live.snap.overtime


def test_an_ends_at_segment_not_started_yet_projects_to_its_clock_time() -> None:
    plan = make_plan([[Seg(1200, SegmentKind.BREAK, fixed=True), Seg(600)]], slack_s=None)
    live = Live(plan, planned_start_t=300)  # doors open five minutes before the start
    snap = live.snap
    assert snap.anchor is Anchor.ABSOLUTE and snap.projected_end_t == 300 + 1200 + 600


# -- end actions -------------------------------------------------------------------------------


@pytest.mark.parametrize("action", [EndAction.HOLD, EndAction.NEXT, EndAction.LOAD_NEXT])
def test_end_actions_at_zero(action: EndAction) -> None:
    plan = make_plan([[Seg(120, end_action=action), Seg(60), Seg(60)]])
    live = Live(plan)
    live.do("start")
    live.wait(119.75)
    assert live.snap.current == 0 and live.snap.countdown == "00:01"
    live.wait(0.5)
    snap = live.snap
    if action is EndAction.HOLD:
        assert snap.current == 0 and snap.overtime and snap.countdown == "+00:00"
        assert autos(live) == []
        return
    assert snap.current == 1
    assert snap.started_at_of(1) == 120.0  # at the exact instant of zero, not at the tick
    if action is EndAction.NEXT:
        assert snap.running and snap.active_s == 0.25
        assert autos(live) == [(120.0, "next", 1, "end_action")]
    else:  # loaded: the projector shows who is next until the moderator starts it
        assert snap.paused and snap.between_segments and snap.active_s == 0
        assert autos(live) == [(120.0, "load", 1, "end_action")]
        live.wait(10)
        assert live.snap.countdown == "01:00"
        live.do("toggle")
        live.wait(1)
        assert live.snap.running and live.snap.countdown == "00:59"
    # Recovery and replay fold the same log to the same figures, at any instant.
    for t in (119.0, 120.0, 120.25, live.t):
        assert replayed(live, t) == figures(live.engine.snapshot(t))


def test_an_end_action_is_logged_once_in_time_order_before_the_next_control() -> None:
    plan = make_plan([[Seg(60, end_action=EndAction.NEXT), Seg(60, end_action=EndAction.NEXT)]])
    live = Live(plan)
    live.do("start")
    live.wait(200)  # no tick in between: both moves are found when the next control comes
    live.do("message", "Merci")
    kinds = [(type(e).__name__, e.t) for e in live.logged]
    assert kinds == [("Start", 0.0), ("Auto", 200.0), ("Auto", 200.0), ("SetMessage", 200.0)]
    assert autos(live) == [(60.0, "next", 1, "end_action"), (120.0, "end", 1, "end_action")]
    assert live.snap.ended and live.snap.ended_at == 120.0


def test_removing_time_runs_out_the_countdown_and_its_end_action_happens_then() -> None:
    plan = make_plan([[Seg(120, end_action=EndAction.LOAD_NEXT), Seg(60)]])
    live = Live(plan)
    live.do("start")
    live.wait(90)
    live.do("adjust", -60)
    assert live.snap.current == 1 and live.snap.paused
    assert autos(live) == [(90.0, "load", 1, "end_action")]
    live.do("undo")  # the minute is given back: the talk goes on
    assert live.snap.current == 0 and live.snap.running and live.snap.countdown == "00:30"


# -- anchoring ---------------------------------------------------------------------------------

# The seed workshop opened at 00:52 for a 16:00 start: the planned start is 15 h 08 ahead.
REHEARSAL_AHEAD = 15 * HOUR + 8 * 60


def test_auto_anchor_is_relative_for_a_rehearsal_at_another_hour() -> None:
    live = Live(planned_start_t=REHEARSAL_AHEAD)
    assert live.snap.anchor is Anchor.RELATIVE  # before the start: the plan starts now
    live.wait(120)
    live.do("start")
    snap = live.snap
    assert snap.anchor is Anchor.RELATIVE and snap.anchor_setting is Anchor.AUTO
    assert snap.anchored_at_t == 120 and snap.planned_start_t == 120
    assert snap.absolute_start_t == REHEARSAL_AHEAD
    assert snap.late_s == 0 and snap.start_delay_of(0) == 0
    assert snap.slack_s == 300  # 5 min of slack before the end of the slot, as planned
    live.wait(660)  # the introduction ran a minute over
    assert round(live.snap.late_s) == 60


@pytest.mark.parametrize(
    ("ahead", "on_date", "anchor"),
    [
        (0.0, True, Anchor.ABSOLUTE),
        (2 * HOUR, True, Anchor.ABSOLUTE),  # two hours early: still absolute
        (-2 * HOUR, True, Anchor.ABSOLUTE),  # two hours late
        (2 * HOUR + 1, True, Anchor.RELATIVE),
        (-2 * HOUR - 1, True, Anchor.RELATIVE),
        (0.0, False, Anchor.RELATIVE),  # at the planned hour on another day
    ],
)
def test_auto_anchor_rule(ahead: float, on_date: bool, anchor: Anchor) -> None:
    live = Live(planned_start_t=ahead, on_planned_date=on_date)
    live.do("start")
    assert live.snap.anchor is anchor


def test_switching_the_anchor_live_is_one_logged_control_and_undo_takes_it_back() -> None:
    live = Live(planned_start_t=REHEARSAL_AHEAD)
    live.do("start")
    live.wait(300)
    before = figures(live.snap)
    assert live.do("set_anchor", "absolute")
    assert isinstance(live.logged[-1], SetAnchor) and live.logged[-1].anchor == "absolute"
    snap = live.snap
    assert snap.anchor is Anchor.ABSOLUTE and snap.anchored_at_t == REHEARSAL_AHEAD
    assert round(snap.late_s) == -REHEARSAL_AHEAD  # 15 h early, as printed
    assert not live.do("set_anchor", "absolute")  # changes nothing: not logged
    live.do("undo")
    assert live.snap.anchor is Anchor.RELATIVE and figures(live.snap)[1:] == before[1:]


def test_an_explicit_anchor_in_the_running_order_wins() -> None:
    plan = make_plan([[Seg(600)]], anchor=Anchor.ABSOLUTE)
    live = Live(plan, planned_start_t=REHEARSAL_AHEAD)
    live.do("start")
    assert live.snap.anchor is Anchor.ABSOLUTE and live.snap.anchor_setting is Anchor.ABSOLUTE


# -- roll mode ---------------------------------------------------------------------------------


def test_roll_starts_itself_at_the_planned_start_and_moves_at_the_planned_clock_times() -> None:
    live = Live(make_plan([[Seg(600), Seg(300), Seg(300)]], roll=True), planned_start_t=100)
    live.wait(99)
    assert live.snap.status is Status.READY and live.snap.roll
    assert live.snap.next_shown_change_in() == pytest.approx(1.0)  # it wakes for the start
    live.wait(1)
    snap = live.snap
    assert snap.running and snap.started_at == 100
    live.wait(600)
    assert live.snap.current == 1 and live.snap.started_at_of(1) == 700
    live.wait(300)
    assert live.snap.current == 2
    live.wait(600)  # the last segment holds in overtime: the moderator ends the session
    assert live.snap.current == 2 and live.snap.overtime and not live.snap.ended
    assert autos(live) == [
        (100.0, "start", 0, "roll"),
        (700.0, "next", 1, "roll"),
        (1000.0, "next", 2, "roll"),
    ]


def test_any_manual_control_leaves_roll_logged_and_undo_restores_it() -> None:
    live = Live(make_plan([[Seg(600), Seg(300), Seg(300)]], roll=True))
    live.wait(10)
    assert live.snap.running
    live.do("adjust", 60)
    snap = live.snap
    assert not snap.roll and snap.planned_s == 660
    assert autos(live)[-1] == (10.0, "roll_off", 0, "manual")
    live.wait(640)  # out of roll: no move at 16:10
    assert live.snap.current == 0
    live.do("undo")  # as if the minute was never given: roll mode again, on the clock
    snap = live.snap
    assert snap.roll and snap.current == 1 and snap.started_at_of(1) == 600


def test_messages_and_blackout_do_not_leave_roll() -> None:
    live = Live(make_plan([[Seg(600), Seg(300)]], roll=True))
    live.wait(10)
    live.do("message", "Merci")
    live.do("blackout", True)
    assert live.snap.roll


def test_the_roll_toggle_is_a_logged_control() -> None:
    live = Live(make_plan([[Seg(600), Seg(300)]]), planned_start_t=100)
    assert live.do("set_roll", True)
    assert isinstance(live.logged[-1], SetRoll)
    live.wait(100)
    assert live.snap.running and live.snap.started_at == 100
    assert live.do("set_roll")  # toggles
    assert not live.snap.roll
    live.do("undo")
    assert live.snap.roll


def test_a_crash_during_roll_mode_resumes_it() -> None:
    plan = make_plan([[Seg(600), Seg(300), Seg(300)]], roll=True)
    live = Live(plan)
    live.wait(300)
    assert live.snap.running and live.snap.roll
    # The app dies at 16:05 and comes back at 16:12: the room went on, and so did roll mode.
    last_wall = live.clock.wall()
    live.clock.advance(420)
    engine = Timeline(plan, live.logged)
    session, gap = Session.resume(
        engine,
        live.clock,
        origin_wall=live.clock.wall() - timedelta(seconds=720),
        last_wall=last_wall,
        sink=lambda event, wall: live.logged.append(event),
    )
    assert gap == 420
    snap = session.snapshot()
    assert snap.roll and snap.current == 1 and snap.started_at_of(1) == 600
    assert snap.countdown == "03:00"
    session.clock.advance(180)
    session.log_autos()  # the tick driver wakes
    assert session.snapshot().current == 2
    assert autos(live)[-2:] == [(600.0, "next", 1, "roll"), (900.0, "next", 2, "roll")]


# -- catch-up with a fixed point ---------------------------------------------------------------


def test_catch_up_lands_on_an_ends_at_segment_and_never_cuts_it() -> None:
    # talk 10', questions 10', lunch until 16:40 (20'), talk 10', conclusion 5'; hard end 17:15.
    plan = make_plan(
        [
            [Seg(600), Seg(600, SegmentKind.QA), Seg(1200, SegmentKind.BREAK, fixed=True)],
            [Seg(600), Seg(300, SegmentKind.CONCLUSION)],
        ],
        slack_s=0,
    )
    live = Live(plan)
    live.do("start")
    live.wait(1500)  # the first talk ran 15 minutes over: questions would end at 16:35
    snap = live.snap
    assert snap.projected_start_of(2) == 2100  # lunch starts at 16:35, 5' before its end
    assert not snap.needs_catch_up  # lunch absorbs it: the session still ends on time
    live.wait(600)  # 25 minutes over: questions would end past lunch's end, by 5 minutes
    snap = live.snap
    assert snap.projected_start_of(2) == 2700 and round(snap.late_s) == 300
    proposal = propose_catch_up(snap)
    assert proposal.needed and proposal.feasible
    assert dict(proposal.durations) == {1: 300}  # the questions give 5', lunch is not cut
    live.do("catch_up")
    snap = live.snap
    assert snap.projected_start_of(2) == 2400 and snap.late_s == 0


def test_catch_up_after_the_last_fixed_point_cuts_what_follows_it() -> None:
    plan = make_plan(
        [[Seg(600, SegmentKind.BREAK, fixed=True), Seg(600, SegmentKind.QA), Seg(600)]],
        slack_s=0,
    )
    live = Live(plan)
    live.do("start")
    live.wait(600)
    live.do("next")
    live.wait(900)  # the questions ran 5 minutes over
    live.do("next")
    live.wait(1)
    snap = live.snap
    assert round(snap.late_s) == 300
    proposal = propose_catch_up(snap)
    assert proposal.needed and proposal.durations == ()  # only the last talk is left ...
    assert proposal.short_by_s == 300  # ... and it is the current one: nothing to cut
