"""The timing engine: pure Python, no Qt, no I/O, an injected clock (ARCHITECTURE.md).

This package's names are its public API; nothing outside ``app.engine`` imports its private
modules (``_state``: the transition rules). ``Timeline`` is the one fold of a session's
events, at any instant (live, recovery, replay, chart, reports); ``Snapshot`` is what it
gives a view, with every figure a user reads; ``Session`` turns the moderator's commands
into timed events.
"""

from app.engine._state import Status
from app.engine.catchup import CatchUpPlan, propose_catch_up
from app.engine.clock import Clock, FakeClock, SystemClock
from app.engine.display import Phase, countdown_text
from app.engine.events import (
    Adjust,
    ApplyCatchUp,
    Auto,
    Blackout,
    BlinkMessage,
    ClearMessage,
    End,
    Event,
    Goto,
    Next,
    Pause,
    PlanChanged,
    Previous,
    Resume,
    Resumed,
    SetAnchor,
    SetMessage,
    SetRoll,
    Start,
    Undo,
)
from app.engine.session import Session
from app.engine.snapshot import CATCH_UP_MARGIN_S, RowState, Snapshot
from app.engine.timeline import Timeline, fold, plan_in_force

__all__ = [
    "CATCH_UP_MARGIN_S",
    "Adjust",
    "ApplyCatchUp",
    "Auto",
    "Blackout",
    "BlinkMessage",
    "CatchUpPlan",
    "ClearMessage",
    "Clock",
    "End",
    "Event",
    "FakeClock",
    "Goto",
    "Next",
    "Pause",
    "Phase",
    "PlanChanged",
    "Previous",
    "Resume",
    "Resumed",
    "RowState",
    "Session",
    "SetAnchor",
    "SetMessage",
    "SetRoll",
    "Snapshot",
    "Start",
    "Status",
    "SystemClock",
    "Timeline",
    "Undo",
    "countdown_text",
    "fold",
    "plan_in_force",
    "propose_catch_up",
]
