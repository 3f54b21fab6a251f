"""Properties over random sessions: whatever the moderator does, in any order, at any pace.

(a) every second between start and end belongs to exactly one segment;
(c) undo after any control gives back the trajectory without that control;
(d) a feasible catch-up plan lands on the target without cutting what must not be cut.
(b), replaying the written log, is in tests/timing_log/test_replay_properties.py.
"""

from __future__ import annotations

import math
import re

from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.engine import ApplyCatchUp, Phase, Snapshot, Status, propose_catch_up
from app.engine.catchup import BREAK_FLOOR, MIN_SEGMENT_S, TALK_FLOOR
from app.model.plan import Plan
from app.model.schema import SegmentKind
from tests.engine.helpers import Live, figures
from tests.engine.strategies import Step, commands, gaps, give, late_sessions, plans, steps

COUNTDOWN = re.compile(r"^(\+)?(\d+:)?\d\d:\d\d$")


def _check_time_accounting(snap: Snapshot) -> None:
    n = len(snap.plan.segments)
    actual = [snap.actual_of(i) for i in range(n)]
    active = [snap.active_of(i) for i in range(n)]
    if snap.started_at is None:
        assert actual == [0.0] * n and snap.paused_s == 0
        return
    end = snap.ended_at if snap.status is Status.ENDED else snap.t
    span = end - snap.started_at
    # Every second of the room belongs to exactly one segment, pauses included...
    assert math.isclose(sum(actual), span, abs_tol=1e-6)
    # ... and is either counted down by one segment or paused.
    assert math.isclose(sum(active) + snap.paused_s, span, abs_tol=1e-6)
    assert all(0 <= a <= o + 1e-9 for a, o in zip(active, actual, strict=True))


def _check_display(snap: Snapshot) -> None:
    shown = snap.countdown
    assert COUNTDOWN.match(shown), shown
    if snap.counts_up:  # elapsed time, never overtime
        assert not shown.startswith("+") and snap.phase is Phase.NORMAL and not snap.overtime
        return
    assert shown.startswith("+") == (snap.remaining_s <= 0) == (snap.phase is Phase.OVERTIME)


@settings(max_examples=300, deadline=None)
@given(plan=plans, script=steps)
def test_every_second_is_attributed_to_exactly_one_segment(plan: Plan, script: list[Step]) -> None:
    live = Live(plan)
    for gap, command in script:
        before = live.snap
        live.wait(gap)
        between = live.snap  # time passed, no control given
        _check_time_accounting(between)
        _check_display(between)
        counting = before.status in (Status.RUNNING, Status.PAUSED)
        if between.status is not Status.ENDED or before.status is not Status.ENDED:
            grown = sum(between.actual_of(i) for i in range(len(plan.segments))) - sum(
                before.actual_of(i) for i in range(len(plan.segments))
            )
            end = between.ended_at if between.status is Status.ENDED else between.t
            assert math.isclose(grown, end - before.t if counting else 0.0, abs_tol=1e-6)
        give(live, command)
        _check_time_accounting(live.snap)
        _check_display(live.snap)


@settings(max_examples=250, deadline=None)
@given(plan=plans, script=steps, data=st.data())
def test_undo_after_any_control_gives_back_the_earlier_trajectory(
    plan: Plan, script: list[Step], data: st.DataObject
) -> None:
    """Two sessions share a history; one is given a control and, later, undo. From the undo
    on, every figure of the two is equal, whatever both are given afterwards."""
    cut = data.draw(st.integers(0, len(script)), label="control given at step")
    command = data.draw(commands.filter(lambda c: c[0] != "undo"), label="control")
    wait = data.draw(gaps, label="undo after")
    with_undo, never = Live(plan), Live(plan)
    for gap, step in script[:cut]:
        for live in (with_undo, never):
            live.wait(gap)
            give(live, step)
    taken = give(with_undo, command)
    for live in (with_undo, never):
        live.wait(wait)
    if taken:
        assert give(with_undo, ("undo",))
    assert figures(with_undo.snap) == figures(never.snap)
    for gap, step in script[cut:]:
        for live in (with_undo, never):
            live.wait(gap)
        assert give(with_undo, step) == give(never, step)
        assert figures(with_undo.snap) == figures(never.snap)


_TALKISH = {SegmentKind.TALK, SegmentKind.PANEL, SegmentKind.INTRO, SegmentKind.OTHER}


def _floor_of(snap: Snapshot, j: int) -> int:
    seg = snap.plan.segments[j]
    share = {SegmentKind.QA: 0.0, SegmentKind.BREAK: BREAK_FLOOR}.get(seg.kind, TALK_FLOOR)
    return max(math.ceil(seg.planned_s * share), MIN_SEGMENT_S, math.ceil(snap.active_of(j)))


@settings(max_examples=300, deadline=None)
@given(case=late_sessions())
def test_catch_up_plan_lands_on_time_and_cuts_in_order(
    case: tuple[Plan, list[Step], float],
) -> None:
    """Most drawn sessions need a catch-up (late_sessions): with ``pytest
    --hypothesis-show-statistics`` the events below give the share of each case (about
    85 % checked, 55-70 % with cuts; drawing the wait blindly, 65-85 % returned early)."""
    plan, script, late_by = case
    live = Live(plan)
    for gap, command in script:
        live.wait(gap)
        give(live, command)
    live.wait(late_by)
    snap = live.snap
    proposal = propose_catch_up(snap)
    new = dict(proposal.durations)
    if not proposal.needed or snap.status is Status.ENDED:
        event("early return: " + ("ended" if snap.status is Status.ENDED else "on time"))
        assert new == {}
        return
    event("catch-up checked, " + ("cuts" if new else "nothing to cut"))
    future = range(snap.current + 1, len(plan.segments))
    assert set(new) <= set(future)
    for j, seconds in new.items():
        kind = plan.segments[j].kind
        assert kind is not SegmentKind.CONCLUSION  # the conclusion is kept whole
        assert seconds < snap.planned_of(j)  # a plan only ever shortens
        assert seconds >= _floor_of(snap, j)  # a talk keeps 60 % of its plan, a break half
    # Question slots shrink before breaks, breaks before talks: a later tier is cut only
    # when every segment of the earlier tiers is down to its floor.
    # (An ``ends_at`` segment is a fixed point, never cut: the order holds between two.)
    tiers = [{SegmentKind.QA}, {SegmentKind.BREAK}, _TALKISH]
    windows: list[list[int]] = [[]]
    for j in future:
        if plan.segments[j].ends_at is not None:
            assert j not in new
            windows.append([])
        else:
            windows[-1].append(j)
    for window in windows:
        for rank, kinds in enumerate(tiers):
            if not any(plan.segments[j].kind in kinds for j in new if j in window):
                continue
            for earlier in tiers[:rank]:
                for j in window:
                    if plan.segments[j].kind in earlier:
                        assert new.get(j, snap.planned_of(j)) <= _floor_of(snap, j)
    if new:
        assert live.engine.apply(ApplyCatchUp(t=snap.t, durations=proposal.durations))
    after = live.engine.snapshot(snap.t)
    if proposal.feasible:
        assert after.projected_end_t <= proposal.target_t + 1e-9
        assert after.projected_end_t > proposal.target_t - 1  # and not a second more than needed
    else:
        # Even the deepest cuts leave it late, by what the plan says (to the whole second).
        short_end = proposal.target_t + proposal.short_by_s
        assert short_end - 1 < after.projected_end_t <= short_end + 1e-9
        # An ``ends_at`` segment is a fixed point, never cut; what comes before it helps only
        # as far as it runs past that clock time: the segments after the last one are down
        # to their floor.
        fixed = [j for j in future if plan.segments[j].ends_at is not None]
        tail = range(fixed[-1] + 1, len(plan.segments)) if fixed else future
        assert all(new.get(j, snap.planned_of(j)) <= _floor_of(snap, j) for j in tail
                   if plan.segments[j].kind is not SegmentKind.CONCLUSION)  # fmt: skip
