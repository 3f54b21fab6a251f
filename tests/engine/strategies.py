"""Hypothesis strategies: running orders and what a moderator could do with them.

Time gaps are whole quarter seconds: sums of them are exact in binary floating point, so two
ways of folding the same history can be compared figure for figure, with ``==``.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from app.model.plan import Plan
from app.model.schema import EndAction, SegmentKind
from tests.engine.helpers import Live, Seg, make_plan, seed_plan

Command = tuple[Any, ...]
Step = tuple[float, Command]

segments = st.builds(
    Seg,
    planned_s=st.sampled_from([20, 45, 60, 90, 120, 300, 500, 900]) | st.integers(1, 1200),
    kind=st.sampled_from(list(SegmentKind)),
    end_action=st.sampled_from([EndAction.HOLD, EndAction.HOLD, EndAction.ADVANCE]),
)

plans: st.SearchStrategy[Plan] = st.one_of(
    st.just(seed_plan()),
    st.builds(
        make_plan,
        st.lists(st.lists(segments, min_size=1, max_size=3), min_size=1, max_size=3),
        slack_s=st.none() | st.integers(-300, 900),
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
