"""The timing engine: pure Python, no Qt, no I/O, an injected clock (design.md §2).

``fold(plan, events, t)`` gives the Snapshot a view shows; ``Engine`` keeps that fold current
as events arrive; ``Session`` turns the moderator's commands into timed events.
"""

from app.engine.catchup import CatchUpPlan, propose_catch_up
from app.engine.clock import Clock, FakeClock, SystemClock
from app.engine.display import Phase, countdown_text
from app.engine.engine import Engine, effective_events, fold, fold_state
from app.engine.events import (
    Adjust,
    ApplyCatchUp,
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
    SetMessage,
    Start,
    Undo,
)
from app.engine.snapshot import RowState, Snapshot
from app.engine.state import Status

__all__ = [
    "Adjust",
    "ApplyCatchUp",
    "Blackout",
    "BlinkMessage",
    "CatchUpPlan",
    "ClearMessage",
    "Clock",
    "End",
    "Engine",
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
    "SetMessage",
    "Snapshot",
    "Start",
    "Status",
    "SystemClock",
    "Undo",
    "countdown_text",
    "effective_events",
    "fold",
    "fold_state",
    "propose_catch_up",
]
