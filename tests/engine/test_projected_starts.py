"""``Snapshot.projected_starts`` (every segment in one pass) is ``projected_start_of`` for
each: one definition, two ways of asking."""

from __future__ import annotations

from hypothesis import given, settings

from app.model.plan import Plan
from tests.engine.helpers import Live
from tests.engine.strategies import Step, give, plans, steps


@settings(max_examples=200, deadline=None)
@given(plan=plans, script=steps)
def test_projected_starts_is_projected_start_of_for_every_segment(
    plan: Plan, script: list[Step]
) -> None:
    live = Live(plan)
    for gap, command in script:
        live.wait(gap)
        give(live, command)
        snap = live.snap
        one_by_one = tuple(snap.projected_start_of(i) for i in range(len(plan.segments)))
        assert snap.projected_starts() == one_by_one
