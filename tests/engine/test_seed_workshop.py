"""The seed workshop played through as it could have gone on 22 September 2020: the three
testimonies overrun, the moderator grants Cyril Labi a minute, a microphone fails, the
session runs late, the catch-up plan takes it out of the second question slot, and the
session lands on the hard end of the slot, 17:30.

Planned clock times (ARCHITECTURE.md §1): 16:00 intro, 16:10 testimonies, 16:35 Q&A, 16:50 Touil,
17:05 Q&A, 17:20 conclusion, 17:25 planned end, 17:30 hard end.
"""

from __future__ import annotations

from datetime import time

from app.engine import Phase, RowState, Status
from app.engine.display import signed_span
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
    seed_plan,
)


def test_the_plan_is_the_one_the_moderator_reads() -> None:
    plan = seed_plan()
    assert [s.planned_s for s in plan.segments] == [600, 500, 500, 500, 900, 900, 900, 300]
    clock = [plan.clock_at(s.offset_s) for s in plan.segments]
    assert clock == [
        time(16, 0),
        time(16, 10),
        time(16, 18, 20),
        time(16, 26, 40),
        time(16, 35),
        time(16, 50),
        time(17, 5),
        time(17, 20),
    ]
    assert plan.planned_end == time(17, 25) and plan.slot_s == 5400
    assert [s.warning_s for s in plan.segments[:2]] == [120, 100]  # 20 % of a short talk


def test_the_seed_workshop_played_with_overruns_in_the_testimonies() -> None:
    live = Live()
    snap = live.snap
    assert [snap.planned_start_of(i) for i in range(8)] == [
        0, 600, 1100, 1600, 2100, 3000, 3900, 4800
    ]  # fmt: skip
    assert (snap.planned_end_t, snap.hard_end_t, snap.slack_s) == (5100, 5400, 300)

    # 16:00 the introduction, which takes 10'30".
    live.do("start")
    live.wait(480)
    assert (live.snap.countdown, live.snap.phase) == ("02:00", Phase.WARNING)
    live.wait(90)
    assert (live.snap.countdown, live.snap.phase) == ("00:30", Phase.FINAL)
    live.wait(30)
    assert (live.snap.countdown, live.snap.phase) == ("+00:00", Phase.OVERTIME)
    live.wait(30)
    assert live.snap.countdown == "+00:30"
    live.do("next")

    # 16:10:30 Laurent Rey Lescure: 8'20", runs 9'30".
    snap = live.snap
    assert (snap.current, snap.countdown, snap.segment.speakers[0].name) == (
        TALK1,
        "08:20",
        "Laurent Rey Lescure",
    )
    assert snap.part.title == "Témoignages" and snap.part_left_s == 2400
    assert snap.late_s == 30 and signed_span(snap.late_s) == "+00:30"
    live.wait(400)
    assert (live.snap.countdown, live.snap.phase) == ("01:40", Phase.WARNING)
    live.wait(170)
    assert live.snap.countdown == "+01:10"
    live.do("next")

    # 16:20 Gabriel Voisin-Fradin: the moderator asks him to conclude, runs 10'20".
    assert live.snap.started_at_of(TALK2) == 1200
    assert live.snap.late_s == 100
    live.wait(440)
    live.do("message", "Merci de conclure")
    live.wait(60)
    assert (live.snap.countdown, live.snap.message) == ("+00:00", "Merci de conclure")
    live.do("blink", True)
    live.wait(120)
    assert live.snap.countdown == "+02:00"
    live.do("clear")
    live.do("next")

    # 16:30:20 Cyril Labi: the microphone fails for 45 s, he gets a minute more, runs 11'40".
    assert live.snap.message is None
    live.wait(200)
    live.do("pause")
    live.wait(45)
    assert live.snap.countdown == "05:00"  # the pause does not eat his time...
    live.do("resume")
    live.do("adjust", 60)
    assert live.snap.countdown == "06:00"
    live.wait(455)  # ... but the room's clock went on: 700 s since he began
    snap = live.snap
    assert (snap.countdown, snap.actual_of(TALK3), snap.active_of(TALK3)) == ("+01:35", 700, 655)
    live.do("next")

    # 16:42 the questions: the testimonies used 30'45" of their 25', 15' left for 15' of Q&A.
    snap = live.snap
    assert snap.part_used_s == 570 + 620 + 655
    assert snap.part_left_s == 2400 - 1845
    assert snap.projected_end_t == 2520 + 900 + 900 + 900 + 300
    assert (snap.late_s, snap.slack_s) == (420, -120)
    assert snap.projected_start_of(CONCLUSION) == 2520 + 900 + 900 + 900
    plan = live.session.catch_up()
    # Only what is still to come is cut, questions first: the second question slot.
    assert plan.feasible and plan.durations == ((QA2, 780),)
    live.session.apply_catch_up(plan)
    assert (live.snap.projected_end_t, live.snap.slack_s) == (5400, 0)

    # The rest runs to plan: Q&A 15', Raja Touil 15', Q&A 13', conclusion 5'.
    for segment, seconds in ((QA1, 900), (TOUIL, 900), (QA2, 780)):
        assert live.snap.current == segment
        live.wait(seconds)
        live.do("next")
    assert live.snap.current == CONCLUSION and live.snap.countdown == "05:00"
    live.wait(300)
    live.do("end")

    snap = live.snap
    assert snap.status is Status.ENDED and snap.ended_at == 5400 == snap.hard_end_t
    actual = [snap.actual_of(i) for i in range(8)]
    assert actual == [630, 570, 620, 700, 900, 900, 780, 300]
    assert sum(actual) == snap.ended_at - snap.started_at
    assert snap.paused_s == 45 and snap.pauses == ((1820 + 200, 1820 + 245),)
    assert [snap.planned_of(i) for i in range(8)] == [600, 500, 500, 560, 900, 900, 780, 300]
    assert all(snap.row_state(i) is RowState.DONE for i in range(8))
    assert [snap.started_at_of(i) for i in (INTRO, TALK1, TALK2, TALK3)] == [0, 630, 1200, 1820]
    assert signed_span(snap.late_s) == "+05:00"
    assert len(live.logged) == 16  # one line in the log per control given
