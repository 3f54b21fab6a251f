"""Hypothesis strategies: running orders and what a moderator could do with them.

Time gaps are whole quarter seconds: sums of them are exact in binary floating point, so two
ways of folding the same history can be compared figure for figure, with ``==``.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st

from app.engine import Status
from app.model.plan import Plan
from app.model.schema import Anchor, EndAction, SegmentKind, TimerType
from tests.engine.helpers import Live, Seg, make_plan, seed_plan

Command = tuple[Any, ...]
Step = tuple[float, Command]

segments = st.builds(
    Seg,
    planned_s=st.sampled_from([20, 45, 60, 90, 120, 300, 500, 900]) | st.integers(1, 1200),
    kind=st.sampled_from(list(SegmentKind)),
    end_action=st.sampled_from(
        [EndAction.HOLD, EndAction.HOLD, EndAction.NEXT, EndAction.LOAD_NEXT]
    ),
    timer=st.sampled_from([TimerType.COUNTDOWN] * 4 + [TimerType.COUNTUP, TimerType.CLOCK]),
    fixed=st.sampled_from([False] * 5 + [True]),  # ends_at its planned end's clock time
)

plans: st.SearchStrategy[Plan] = st.one_of(
    st.just(seed_plan()),
    st.just(seed_plan().model_copy(update={"roll": True})),
    st.builds(
        make_plan,
        st.lists(st.lists(segments, min_size=1, max_size=3), min_size=1, max_size=3),
        slack_s=st.none() | st.integers(-300, 900),
        anchor=st.sampled_from(list(Anchor)),
        roll=st.sampled_from([False, False, True]),
    ),
)

gaps = st.one_of(
    st.sampled_from([0.0, 0.25, 1.0, 30.0, 60.0, 120.0]),
    st.integers(0, 4 * 700).map(lambda q: q / 4),
)

# Weighted like a moderator's hands: mostly next, some pauses, few undos and ends.
_KINDS = (
    ["next"] * 6
    + ["previous", "goto", "goto", "adjust", "adjust", "catch_up", "catch_up"]
    + ["pause", "resume", "toggle", "toggle", "start", "undo", "undo", "end"]
    + ["message", "blink", "clear", "blackout"]
    + ["set_anchor", "set_roll"]
)


def _with_args(kind: str) -> st.SearchStrategy[Command]:
    if kind == "goto":
        return st.tuples(st.just(kind), st.integers(-1, 9))
    if kind == "adjust":
        return st.tuples(st.just(kind), st.sampled_from([-60, 60]))
    if kind == "message":
        return st.tuples(
            st.just(kind), st.sampled_from(["Merci de conclure", "Plus que 2 min"]), st.booleans()
        )
    if kind == "blink":
        return st.tuples(st.just(kind), st.booleans())
    if kind == "set_anchor":
        return st.tuples(st.just(kind), st.sampled_from(["auto", "absolute", "relative"]))
    return st.just((kind,))


commands: st.SearchStrategy[Command] = st.sampled_from(_KINDS).flatmap(_with_args)

# Most sessions are started first thing; some are not (controls before the start count too).
steps: st.SearchStrategy[list[Step]] = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from([[(0.0, ("start",))]] * 4 + [[]]),
    st.lists(st.tuples(gaps, commands), max_size=40),
)


def give(live: Live, command: Command) -> bool:
    return live.do(*command)


def _open_ended(live: Live) -> bool:
    """Whether the session has segments left to cut: not ended, not on its last segment."""
    snap = live.snap
    return not snap.ended and snap.current + 1 < len(snap.plan.segments)


def _played(plan: Plan, script: list[Step]) -> tuple[Live, list[Step]]:
    """``script`` played on ``plan`` up to, not including, the first step that ends the
    session or brings it to its last segment (a plan of one segment is played whole):
    what is left is a session that can be late with segments still to cut."""
    live = Live(plan)
    if len(plan.segments) == 1:
        for gap, command in script:
            live.wait(gap)
            give(live, command)
        return live, script
    for i, (gap, command) in enumerate(script):
        live.wait(gap)
        give(live, command)
        if not _open_ended(live):
            live = Live(plan)
            for gap, command in script[:i]:
                live.wait(gap)
                give(live, command)
            return live, script[:i]
    return live, script


def _wait_to_miss(live: Live) -> float:
    """The shortest wait, in quarter seconds, after which the session ends past its target
    (the hard end, else the planned end); 0 if it already does. Found on the engine's
    snapshots at later times, which are what ``live.wait`` then ``live.snap`` give."""
    wait = 0.0
    for _ in range(20):  # a segment that advances on its own hands the time to the next
        snap = live.engine.snapshot(live.t + wait)
        target = snap.hard_end_t if snap.hard_end_t is not None else snap.planned_end_t
        if snap.ended or snap.projected_end_t > target:
            return wait
        more = target - snap.projected_end_t
        if snap.status is Status.RUNNING:
            more += max(0.0, snap.remaining_s)  # the current segment's time is used first
        wait += math.ceil(more * 4) / 4 + 0.25
    return wait


@st.composite
def late_sessions(draw: st.DrawFn) -> tuple[Plan, list[Step], float]:
    """A plan, what the moderator did, and how long the room then waits: mostly a session
    with segments still to come that the wait makes late, so that a catch-up plan is
    needed and has something to cut.

    Drawing the wait blindly (``gaps``) after any script left about two thirds of the
    sessions on time or ended. Here the wait is what it takes to miss the target from
    where the script left the session, plus a random overrun; one case in ten keeps a
    blind wait, so sessions on time are still drawn.
    """
    plan = draw(plans)
    live, script = _played(plan, draw(steps))
    if draw(st.sampled_from([False] * 9 + [True]), label="blind wait"):
        return plan, script, draw(gaps, label="late_by")
    overrun = draw(st.integers(0, 4 * 1800), label="overrun (quarter seconds)") / 4
    return plan, script, _wait_to_miss(live) + overrun
