"""Every control, table-driven, on a fake clock (ARCHITECTURE.md §3, §6).

A scenario is a list of steps: ``("wait", s)`` moves the clock, ``(command, *args)`` gives a
control that must be taken, ``("refused", command, *args)`` one that must change nothing and
log nothing, ``("expect", {figure: value})`` reads the snapshot (see ``helpers.observe``).
The seed workshop is the plan unless a scenario names another: intro 10', three talks of
8'20", questions 15', Raja Touil 15', questions 15', conclusion 5'; hard end 90' after start.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.engine import Phase, RowState, Status
from app.model.plan import Plan
from app.model.schema import EndAction, SegmentKind
from tests.engine.helpers import Live, Seg, figures, make_plan, observe

Step = tuple[Any, ...]

ADVANCING = make_plan(
    [
        [Seg(60, end_action=EndAction.NEXT), Seg(120, SegmentKind.BREAK, EndAction.NEXT)],
    ]
)

SCENARIOS: dict[str, tuple[Plan | None, list[Step]]] = {
    "start": (
        None,
        [
            ("expect", {"status": Status.READY, "countdown": "10:00", "current": 0}),
            ("expect", {"projected_end_t": 5100.0, "row:0": RowState.CURRENT}),
            ("refused", "pause"),
            ("refused", "resume"),
            ("refused", "end"),
            ("wait", 30),
            ("expect", {"countdown": "10:00", "actual:0": 0.0}),  # nothing counts before start
            ("start",),
            ("expect", {"status": Status.RUNNING, "started_at": 30.0, "started_at:0": 30.0}),
            ("refused", "start"),
            ("wait", 1),
            ("expect", {"countdown": "09:59", "phase": Phase.NORMAL}),
        ],
    ),
    "pause excluded from countdown, included in actual": (
        None,
        [
            ("start",),
            ("wait", 100),
            ("pause",),
            ("expect", {"status": Status.PAUSED, "countdown": "08:20"}),
            ("wait", 50),
            ("expect", {"countdown": "08:20", "active_s": 100.0, "occupied_s": 150.0}),
            ("expect", {"paused_s": 50.0, "actual:0": 150.0, "active:0": 100.0}),
            ("expect", {"projected_end_t": 5150.0, "late_s": 50.0, "next_change_in": None}),
            ("refused", "pause"),
            ("resume",),
            ("wait", 10),
            ("expect", {"countdown": "08:10", "occupied_s": 160.0, "pauses": ((100.0, 150.0),)}),
        ],
    ),
    "next, then previous resumes the elapsed time": (
        None,
        [
            ("start",),
            ("wait", 200),
            ("next",),
            ("expect", {"current": 1, "countdown": "08:20", "row:0": RowState.DONE}),
            ("expect", {"ended_at:0": 200.0, "started_at:1": 200.0, "ended_at:1": None}),
            ("wait", 100),
            ("previous",),
            ("expect", {"current": 0, "countdown": "06:40", "row:1": RowState.DONE}),
            ("wait", 50),
            ("expect", {"countdown": "05:50", "actual:0": 250.0, "started_at:0": 0.0}),
            ("refused", "previous"),
            ("next",),
            ("expect", {"current": 1, "countdown": "06:40", "started_at:1": 200.0}),
        ],
    ),
    "next while paused: the next speaker waits": (
        None,
        [
            ("start",),
            ("wait", 60),
            ("pause",),
            ("wait", 10),
            ("next",),
            ("expect", {"current": 1, "status": Status.PAUSED, "between_segments": True}),
            ("wait", 20),
            ("expect", {"countdown": "08:20", "actual:1": 20.0, "active:1": 0.0}),
            ("resume",),
            ("wait", 5),
            ("expect", {"countdown": "08:15", "between_segments": False}),
        ],
    ),
    "goto any segment": (
        None,
        [
            ("start",),
            ("wait", 10),
            ("goto", 5),
            ("expect", {"current": 5, "countdown": "15:00", "row:0": RowState.DONE}),
            ("expect", {"row:1": RowState.SKIPPED, "row:4": RowState.SKIPPED}),
            ("expect", {"part_left_s": 1800.0, "projected_end_t": 10 + 900 + 1200.0}),
            ("wait", 30),
            ("goto", 2),
            ("expect", {"current": 2, "countdown": "08:20", "row:5": RowState.DONE}),
            ("expect", {"row:3": RowState.UPCOMING, "row:1": RowState.SKIPPED}),
            ("refused", "goto", 2),
            ("refused", "goto", 8),
            ("refused", "goto", -1),
            ("end",),
            ("expect", {"row:2": RowState.DONE, "row:3": RowState.SKIPPED}),
        ],
    ),
    "goto and next before the start only move the cursor": (
        None,
        [
            ("next",),
            ("expect", {"current": 1, "status": Status.READY}),
            ("wait", 100),
            ("expect", {"actual:1": 0.0, "projected_end_t": 100 + 4500.0}),
            ("previous",),
            ("refused", "previous"),
            ("goto", 7),
            ("refused", "next"),
            ("start",),
            ("expect", {"started_at": 100.0, "started_at:7": 100.0, "countdown": "05:00"}),
            ("wait", 300),
            ("next",),  # next on the last segment ends the session
            ("expect", {"status": Status.ENDED, "ended_at": 400.0, "row:0": RowState.SKIPPED}),
        ],
    ),
    "add and remove a minute": (
        None,
        [
            ("adjust", 60),
            ("expect", {"planned_s": 660, "countdown": "11:00"}),
            ("start",),
            ("wait", 60),
            ("expect", {"countdown": "10:00"}),
            ("adjust", -60),
            ("expect", {"countdown": "09:00", "planned_s": 600}),
            ("adjust", -600),  # more than is left: the countdown goes to overtime...
            ("expect", {"countdown": "+01:00", "phase": Phase.OVERTIME, "planned_s": 0}),
            ("refused", "adjust", -60),  # ... and a planned duration never goes below zero
            ("refused", "adjust", 0),
            ("adjust", 60),
            ("expect", {"countdown": "+00:00", "planned_s": 60}),
            ("next",),
            ("expect", {"planned_s": 500, "planned:0": 60}),  # only the current segment
            ("expect", {"projected_end_t": 60 + 500 + 4000.0}),
        ],
    ),
    "message to the speaker, blink, clear": (
        None,
        [
            ("refused", "blink", True),
            ("refused", "clear"),
            ("refused", "message", "   "),
            ("message", "Merci de conclure"),
            ("expect", {"message": "Merci de conclure", "blink": False}),
            ("refused", "message", "Merci de conclure"),
            ("blink", True),
            ("expect", {"blink": True}),
            ("refused", "blink", True),
            ("refused", "message", "Merci de conclure", True),
            ("message", "Plus que deux minutes"),
            ("expect", {"message": "Plus que deux minutes", "blink": False}),
            ("message", "Plus que deux minutes", True),
            ("expect", {"blink": True}),
            ("clear",),
            ("expect", {"message": None, "blink": False}),
        ],
    ),
    "blackout of the projector": (
        None,
        [
            ("blackout", True),
            ("expect", {"blackout": True}),
            ("refused", "blackout", True),
            ("blackout",),  # the B key toggles
            ("expect", {"blackout": False}),
        ],
    ),
    "end": (
        None,
        [
            ("start",),
            ("wait", 650),
            ("end",),
            ("expect", {"status": Status.ENDED, "ended_at": 650.0, "countdown": "+00:50"}),
            ("expect", {"projected_end_t": 650.0, "row:0": RowState.DONE}),
            ("expect", {"row:1": RowState.SKIPPED, "ended_at:0": 650.0}),
            ("wait", 100),
            ("expect", {"countdown": "+00:50", "occupied_s": 650.0, "next_change_in": None}),
            ("refused", "next"),
            ("refused", "previous"),
            ("refused", "goto", 3),
            ("refused", "pause"),
            ("refused", "start"),
            ("refused", "adjust", 60),
            ("refused", "end"),
            ("refused", "catch_up"),
            ("blackout", True),  # the projector can still go dark
        ],
    ),
    "end while paused closes the pause": (
        None,
        [
            ("start",),
            ("wait", 100),
            ("pause",),
            ("wait", 20),
            ("end",),
            ("expect", {"pauses": ((100.0, 120.0),), "paused_s": 20.0, "ended_at": 120.0}),
        ],
    ),
    "catch-up plan applied, then undone": (
        None,
        [
            ("start",),
            ("wait", 1080),  # the introduction overran by 8 minutes
            ("expect", {"late_s": 480.0, "slack_s": -180.0, "countdown": "+08:00"}),
            ("catch_up",),  # the two question slots give 90 s each
            ("expect", {"planned:4": 810, "planned:6": 810, "planned:5": 900}),
            ("expect", {"projected_end_t": 5400.0, "slack_s": 0.0, "late_s": 300.0}),
            ("refused", "catch_up"),  # on time for the hard end: nothing more to propose
            ("wait", 10),
            ("undo",),
            ("expect", {"planned:4": 900, "planned:6": 900, "projected_end_t": 5590.0}),
        ],
    ),
    "end action advance moves on at zero": (
        ADVANCING,
        [
            ("start",),
            ("wait", 59.5),
            ("expect", {"current": 0, "countdown": "00:01"}),
            ("wait", 0.5),
            ("expect", {"current": 1, "countdown": "02:00", "started_at:1": 60.0}),
            ("expect", {"ended_at:0": 60.0, "actual:0": 60.0}),
            ("wait", 130),  # the last one runs out at 180: the session ends by itself
            ("expect", {"status": Status.ENDED, "ended_at": 180.0, "actual:1": 120.0}),
        ],
    ),
    "end action advance: a pause holds it, removing time runs it out": (
        ADVANCING,
        [
            ("start",),
            ("wait", 50),
            ("pause",),
            ("wait", 100),
            ("expect", {"current": 0, "countdown": "00:10"}),
            ("resume",),
            ("wait", 5),
            ("adjust", -60),  # 5 s left, minus a minute: it has run out, the break begins
            ("expect", {"current": 1, "started_at:1": 155.0, "planned:0": 0}),
            ("expect", {"actual:0": 155.0, "countdown": "02:00"}),
            ("wait", 10),
            ("previous",),  # brought back by hand after it ran out, it holds in overtime
            ("wait", 10),
            ("expect", {"current": 0, "countdown": "+01:05", "phase": Phase.OVERTIME}),
        ],
    ),
    "several undos": (
        None,
        [
            ("start",),
            ("wait", 100),
            ("next",),
            ("wait", 50),
            ("pause",),
            ("wait", 20),
            ("undo",),  # the pause never was: those 20 s counted down
            ("expect", {"status": Status.RUNNING, "current": 1, "countdown": "07:10"}),
            ("expect", {"paused_s": 0.0, "pauses": ()}),
            ("undo",),  # nor the next: 170 s of the introduction
            ("expect", {"current": 0, "active_s": 170.0, "countdown": "07:10"}),
            ("expect", {"started_at:1": None, "row:1": RowState.UPCOMING}),
            ("undo",),  # nor the start
            ("expect", {"status": Status.READY, "started_at": None, "actual:0": 0.0}),
            ("refused", "undo"),
            ("start",),
            ("adjust", 60),
            ("undo",),
            ("adjust", -60),
            ("expect", {"planned_s": 540}),
            ("undo",),
            ("expect", {"planned_s": 600, "status": Status.RUNNING}),
        ],
    ),
    "undo of end: the session went on": (
        None,
        [
            ("start",),
            ("wait", 100),
            ("end",),
            ("wait", 30),
            ("undo",),
            ("expect", {"status": Status.RUNNING, "active_s": 130.0, "ended_at": None}),
            ("expect", {"countdown": "07:50", "ended_at:0": None}),
        ],
    ),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario(name: str) -> None:
    plan, steps = SCENARIOS[name]
    live = Live(plan)
    for number, step in enumerate(steps):
        where = f"{name}, step {number} {step!r} at t={live.t}"
        head, *args = step
        if head == "wait":
            live.wait(args[0])
        elif head == "expect":
            snap = live.snap
            seen = {key: observe(snap, key) for key in args[0]}
            assert seen == args[0], where
        elif head == "refused":
            before = len(live.controls)
            assert not live.do(*args), where
            assert len(live.controls) == before, where
        else:
            before = len(live.controls)
            assert live.do(head, *args), where
            assert len(live.controls) == before + 1, where  # one event per control, logged


# -- undo of each command: as if it had never been given ------------------------------------

UNDOABLE: list[tuple[str, list[Step], Step]] = [
    ("start", [], ("start",)),
    ("pause", [("start",), ("wait", 30)], ("pause",)),
    ("resume", [("start",), ("wait", 30), ("pause",), ("wait", 5)], ("resume",)),
    ("next", [("start",), ("wait", 30)], ("next",)),
    ("next while paused", [("start",), ("wait", 30), ("pause",)], ("next",)),
    ("previous", [("start",), ("wait", 30), ("next",), ("wait", 30)], ("previous",)),
    ("goto", [("start",), ("wait", 30)], ("goto", 5)),
    ("goto before start", [], ("goto", 3)),
    ("add a minute", [("start",), ("wait", 30)], ("adjust", 60)),
    ("remove a minute", [("start",), ("wait", 30)], ("adjust", -60)),
    ("message", [("start",)], ("message", "Merci de conclure")),
    ("blink", [("message", "Merci de conclure")], ("blink", True)),
    ("clear", [("message", "Merci de conclure", True)], ("clear",)),
    ("blackout", [("start",)], ("blackout", True)),
    ("catch-up", [("start",), ("wait", 1080)], ("catch_up",)),
    ("end", [("start",), ("wait", 30)], ("end",)),
    ("end while paused", [("start",), ("wait", 30), ("pause",), ("wait", 9)], ("end",)),
]


def _run(live: Live, steps: list[Step]) -> bool:
    """Give the steps; whether every control was taken."""
    taken = True
    for head, *args in steps:
        if head == "wait":
            live.wait(args[0])
        else:
            taken = live.do(head, *args) and taken
    return taken


@pytest.mark.parametrize(("setup", "command"), [pytest.param(s, c, id=n) for n, s, c in UNDOABLE])
def test_undo_gives_back_the_earlier_trajectory(setup: list[Step], command: Step) -> None:
    """Given, then undone 40 s later: every figure, then and later, is what it would have been
    had the control never been given; the 40 s counted for what was active before."""
    with_undo, never = Live(), Live()
    for live in (with_undo, never):
        assert _run(live, setup)
        live.wait(7)
    assert with_undo.do(*command)
    assert figures(with_undo.snap) != figures(never.snap)  # the control did show
    with_undo.wait(40)
    never.wait(40)
    assert with_undo.do("undo")
    assert figures(with_undo.snap) == figures(never.snap)
    # ... and stays so: the same controls are taken or refused, the same earlier control is
    # the next one undo takes back.
    for later in ([("wait", 33)], [("wait", 600)], [("next",), ("wait", 5)], [("undo",)]):
        assert _run(with_undo, later) == _run(never, later)
        assert figures(with_undo.snap) == figures(never.snap)
