"""The engine's one time line, driven directly (h11's way): what counts, when, and the figures
every view reads off it (ARCHITECTURE.md §2, §6)."""

from __future__ import annotations

import pytest

from app.engine import (
    CATCH_UP_MARGIN_S,
    Adjust,
    End,
    Event,
    Goto,
    Next,
    Pause,
    PlanChanged,
    Previous,
    Resume,
    SetMessage,
    Start,
    Timeline,
    Undo,
    fold,
    plan_in_force,
)
from tests.engine.helpers import INTRO, TALK1, TALK2, figures, seed_plan


def test_only_a_control_that_changes_something_is_taken() -> None:
    line = Timeline(seed_plan())
    assert not line.append(Pause(t=1.0))  # nothing runs yet
    assert not line.append(Undo(t=1.0))  # nothing to take back
    assert line.append(Start(t=2.0))
    assert not line.append(Start(t=3.0))
    assert not line.append(Next(t=1.0))  # the time line never goes back
    assert [e.kind for e in line.events] == ["start"]


def test_an_event_stamped_before_the_one_preceding_it_is_dropped_from_a_log() -> None:
    line = Timeline(seed_plan(), [Start(t=0.0), Next(t=100.0), Next(t=50.0), Next(t=200.0)])
    assert [e.t for e in line.events] == [0.0, 100.0, 200.0]
    assert line.final().current == TALK2


def test_any_instant_of_a_live_time_line_is_the_fold_of_its_log_up_to_then() -> None:
    plan = seed_plan()
    events = [Start(t=0.0), Pause(t=100.0), Resume(t=160.0), Adjust(t=300.0, seconds=60)]
    events += [Next(t=700.0), Undo(t=710.0), Goto(t=720.0, segment=3), Previous(t=800.0)]
    line = Timeline(plan)
    for event in events:
        assert line.append(event), event
    for t in (0.0, 50.0, 130.0, 400.0, 705.0, 715.0, 750.0, 900.0, 2000.0, 5.0):
        assert figures(line.snapshot(t)) == figures(fold(plan, events, t)), t


def test_undo_takes_back_the_last_control_as_if_never_given() -> None:
    line = Timeline(seed_plan(), [Start(t=0.0), Next(t=620.0), SetMessage(t=630.0, text="x")])
    assert line.append(Undo(t=640.0))  # the message
    assert line.append(Undo(t=650.0))  # the Next: the intro never ended
    (first, message), (second, nxt) = line.taken_back
    assert (first.t, message.kind, second.t, nxt.kind) == (640.0, "message", 650.0, "next")
    assert [e.kind for e in line.effective] == ["start"]
    snap = line.snapshot(700.0)
    assert (snap.current, snap.message, snap.active_s) == (INTRO, None, 700.0)
    assert line.append(Undo(t=701.0))  # the start
    assert not line.can_undo and not line.append(Undo(t=702.0))


def test_a_segment_gone_back_to_holds_the_room_twice() -> None:
    line = Timeline(seed_plan(), [Start(t=0.0), Next(t=600.0), Previous(t=700.0)])
    snap = line.snapshot(750.0)
    assert snap.intervals_of(INTRO) == ((0.0, 600.0), (700.0, 750.0))  # the open one: to now
    assert snap.intervals_of(TALK1) == ((600.0, 700.0),)
    assert snap.intervals_of(TALK2) == ()
    assert snap.all_intervals() == tuple(
        snap.intervals_of(i) for i in range(len(snap.plan.segments))
    )
    line.append(End(t=800.0))
    assert line.final().intervals_of(INTRO)[-1] == (700.0, 800.0)


def test_a_minute_added_and_used_is_not_over_the_countdown_but_longer_than_planned() -> None:
    # Laurent (500 s printed) gets a minute, pauses 45 s, and stops as his countdown hits 0.
    events = [Start(t=0.0), Next(t=600.0), Adjust(t=610.0, seconds=60), Pause(t=700.0)]
    events += [Resume(t=745.0), Next(t=1205.0), End(t=1300.0)]
    snap = Timeline(seed_plan(), events).final()
    assert snap.over_countdown_of(TALK1) == 0  # 560 counted against 560
    assert snap.longer_than_planned_of(TALK1) == 105  # 605 s of clock time against 500
    assert snap.paused_of(TALK1) == 45
    assert snap.start_delay_of(TALK1) == 0  # 16:10, as planned
    assert snap.start_delay_of(TALK2) == 1205 - 1100  # Gabriel started late
    assert snap.over_countdown_of(INTRO) == snap.longer_than_planned_of(INTRO) == 0
    assert snap.finished


@pytest.mark.parametrize(("late_by", "needs"), [(0.0, False), (30.0, False), (30.5, True)])
def test_catch_up_is_needed_past_its_margin(late_by: float, needs: bool) -> None:
    plan = seed_plan()
    assert plan.slot_s is not None
    # Overtime on the intro pushes the projected end past the hard end (5 min of slack).
    over = plan.slot_s - plan.total_s + late_by
    snap = Timeline(plan, [Start(t=0.0)]).snapshot(600.0 + over)
    assert snap.catch_up_target_t == plan.slot_s
    assert snap.projected_end_t - snap.catch_up_target_t == pytest.approx(late_by)
    assert snap.needs_catch_up is needs
    assert CATCH_UP_MARGIN_S == 30.0


def test_the_plan_in_force_is_the_one_the_fold_reaches() -> None:
    plan = seed_plan()
    edited = plan.model_copy(update={"title": "Edited"})
    events = [Start(t=0.0), PlanChanged(t=5.0, plan=edited, source_sha256="x" * 64)]
    assert plan_in_force(plan, events) == Timeline(plan, events).plan == edited


def test_a_log_read_whole_folds_as_the_same_events_given_one_by_one() -> None:
    plan = seed_plan()
    events = [Start(t=0.0), Next(t=600.0), Adjust(t=610.0, seconds=60), Undo(t=620.0)]
    events += [Pause(t=630.0), Undo(t=640.0), Undo(t=650.0), Goto(t=700.0, segment=4)]
    events += [SetMessage(t=710.0, text="m"), Undo(t=720.0), Next(t=800.0)]
    whole = Timeline(plan, events)
    one_by_one = Timeline(plan)
    for event in events:
        one_by_one.append(event)
    assert [e.kind for e in whole.effective] == [e.kind for e in one_by_one.effective]
    assert whole.taken_back == one_by_one.taken_back
    assert whole.can_undo == one_by_one.can_undo
    for t in (650.0, 805.0, 2000.0):
        assert figures(whole.snapshot(t)) == figures(one_by_one.snapshot(t))
    assert whole.append(Undo(t=900.0)) and one_by_one.append(Undo(t=900.0))  # the same control
    assert figures(whole.snapshot(950.0)) == figures(one_by_one.snapshot(950.0))


def test_undo_reaching_past_the_marks_kept_folds_again_from_the_start() -> None:
    """The live fold keeps only its latest marks (memory stays flat): an undo that takes back
    a control older than every mark kept gives what the whole fold gives."""
    plan = seed_plan()
    events: list[Event] = [Start(t=0.0)]
    for i in range(40):
        events.append(SetMessage(t=10.0 + 10 * i, text=f"m{i}"))
    line = Timeline(plan, mark_every=4, marks_kept=1)
    for event in events:
        assert line.append(event), event
    t = 500.0
    for _ in range(35):  # back past every mark but the start
        t += 5
        assert line.append(Undo(t=t))
        events.append(Undo(t=t))
        assert figures(line.snapshot(t + 1)) == figures(fold(plan, events, t + 1))
        assert line.snapshot(t + 1).message == fold(plan, events, t + 1).message
    assert line.snapshot(t + 1).message == "m4"


def test_a_long_log_read_whole_undoes_as_the_same_log_given_one_by_one() -> None:
    """Many undos in a long log, read whole (undos resolved in one pass, folded a mark's
    stretch at a time) and given one by one: the same controls left to take back, in order."""
    import random

    plan = seed_plan()
    rng = random.Random(11)
    one_by_one = Timeline(plan, mark_every=7)
    t = 0.0
    assert one_by_one.append(Start(t=t))
    while len(one_by_one.events) < 400:
        t += rng.uniform(0.5, 20.0)
        roll = rng.random()
        event: Event
        if roll < 0.3:
            event = Undo(t=t)
        elif roll < 0.6:
            event = SetMessage(t=t, text=f"m{len(one_by_one.events)}")
        elif roll < 0.8:
            event = Adjust(t=t, seconds=rng.choice([-60, 60]))
        elif roll < 0.9:
            event = Pause(t=t) if one_by_one.final().status.value == "running" else Resume(t=t)
        else:
            event = Next(t=t)
        one_by_one.append(event)
    whole = Timeline(plan, one_by_one.events, mark_every=7)
    assert whole.effective == one_by_one.effective
    undos = 0
    while one_by_one.can_undo:
        assert whole.can_undo
        t += 1.0
        assert whole.append(Undo(t=t)) and one_by_one.append(Undo(t=t))
        assert figures(whole.snapshot(t)) == figures(one_by_one.snapshot(t))
        assert whole.snapshot(t).message == one_by_one.snapshot(t).message
        undos += 1
    assert not whole.can_undo and undos > 20
