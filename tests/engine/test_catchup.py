"""The catch-up plan on the seed workshop (ARCHITECTURE.md §3): questions shrink first, talks keep
60 % of their plan, the conclusion is kept; applying it is one undoable event."""

from __future__ import annotations

from app.engine import propose_catch_up
from app.model.plan import Plan
from app.model.schema import SegmentKind
from tests.engine.helpers import (
    CONCLUSION,
    INTRO,
    QA1,
    QA2,
    TALK1,
    TALK2,
    TALK3,
    TOUIL,
    Live,
    Seg,
    make_plan,
)


def _late_intro(seconds: float) -> Live:
    """The introduction is still going ``seconds`` after the start."""
    live = Live()
    live.do("start")
    live.wait(seconds)
    return live


def test_on_time_nothing_is_proposed_and_nothing_can_be_applied() -> None:
    live = _late_intro(650)  # 50 s over, within the 5 minutes of slack
    proposal = live.session.catch_up()
    assert not proposal.needed and proposal.durations == () and proposal.saved_s == 0
    assert not live.do("catch_up")


def test_question_slots_shrink_first_and_evenly() -> None:
    live = _late_intro(1080)
    proposal = live.session.catch_up()
    assert (proposal.late_by_s, proposal.saved_s, proposal.feasible) == (180, 180, True)
    assert proposal.durations == ((QA1, 810), (QA2, 810))


def test_talks_are_cut_when_the_questions_are_gone_but_keep_sixty_percent() -> None:
    live = _late_intro(3000)  # 40 minutes late: 35 past the hard end
    proposal = live.session.catch_up()
    new = dict(proposal.durations)
    assert proposal.feasible and proposal.late_by_s == 2100
    assert new[QA1] == new[QA2] == 60  # no question slot shorter than a minute
    assert all(300 <= new[j] < 500 for j in (TALK1, TALK2, TALK3))
    assert 540 <= new[TOUIL] < 900
    assert CONCLUSION not in new and INTRO not in new  # kept; and the current one is not touched
    assert sum(live.snap.planned_of(j) - s for j, s in new.items()) == 2100
    live.session.apply_catch_up(proposal)
    assert live.snap.projected_end_t == 5400 == live.snap.hard_end_t


def test_when_even_the_floors_are_not_enough_it_says_by_how_much() -> None:
    live = _late_intro(4000)
    proposal = live.session.catch_up()
    assert not proposal.feasible and proposal.short_by_s == 3100 - 1680 - 960
    assert dict(proposal.durations) == {
        TALK1: 300, TALK2: 300, TALK3: 300, QA1: 60, TOUIL: 540, QA2: 60
    }  # fmt: skip
    live.session.apply_catch_up(proposal)
    assert live.snap.projected_end_t == 5400 + proposal.short_by_s


def test_a_segment_already_partly_run_is_never_cut_below_what_it_used() -> None:
    """Raja Touil spoke 10'00.5" before the moderator went back to the introduction: her slot
    cannot end before that, rounded up to the whole second, or the cut would not be saved."""
    live = Live()
    live.do("start")
    live.do("goto", TOUIL)
    live.wait(600.5)
    live.do("goto", INTRO)
    live.wait(3480)
    proposal = live.session.catch_up()
    assert proposal.late_by_s == 2580
    assert dict(proposal.durations)[TOUIL] == 601
    # Every cut is saved: what the plan says it cannot recover is what is left over.
    assert (proposal.feasible, proposal.short_by_s) == (False, 1)
    live.session.apply_catch_up(proposal)
    assert live.snap.projected_end_t == 5400 + 1


def test_without_a_hard_end_it_aims_at_the_planned_end() -> None:
    plan: Plan = make_plan(
        [[Seg(600), Seg(600, SegmentKind.QA)], [Seg(300, SegmentKind.CONCLUSION)]], slack_s=None
    )
    live = Live(plan)
    live.do("start")
    live.wait(700)
    proposal = propose_catch_up(live.snap)
    assert proposal.target_t == 1500 and proposal.durations == ((1, 500),)


def test_breaks_shrink_after_questions_and_before_talks_keeping_half() -> None:
    plan = make_plan(
        [[Seg(300), Seg(600), Seg(600, SegmentKind.BREAK), Seg(300, SegmentKind.QA)]], slack_s=0
    )
    live = Live(plan)
    live.do("start")
    live.wait(300 + 600)
    new = dict(live.session.catch_up().durations)
    assert new == {3: 60, 2: 300, 1: 540}  # 240 s + 300 s + the 60 s still missing


def test_applying_is_one_event_that_undo_takes_back() -> None:
    live = _late_intro(1080)
    before = len(live.logged)
    assert live.do("catch_up")
    assert len(live.logged) == before + 1
    assert live.do("undo")
    assert [live.snap.planned_of(j) for j in (QA1, QA2)] == [900, 900]
    assert live.snap.projected_end_t == 1080 + 4500
