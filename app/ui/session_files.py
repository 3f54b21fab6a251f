"""Opening and reloading running-order files under a live controller.

The controller has no "load another file" command yet, so these helpers do what such a
command would, through the controller's public attributes and signals (see the report for
the method they could become). Nothing here runs while a session counts unless the reload
keeps every segment in place: then the timing state (the events) is folded again over the
new plan and nothing the moderator did is lost.
"""

from __future__ import annotations

from app.engine.engine import Engine
from app.engine.state import Status
from app.model.loader import LoadedRunningOrder
from app.model.plan import Plan
from app.timing_log.live import start_session
from app.ui.controller import LiveController


def session_running(controller: LiveController) -> bool:
    """A session runs from its start to its end, paused or not: no modal dialog then."""
    return controller.last.status in (Status.RUNNING, Status.PAUSED)


def segments_match(old: Plan, new: Plan) -> bool:
    """Same count and same titles: the events' segment indices still mean the same segments."""
    return len(old.segments) == len(new.segments) and all(
        a.title == b.title for a, b in zip(old.segments, new.segments, strict=True)
    )


def replace_session(controller: LiveController, loaded: LoadedRunningOrder) -> None:
    """Close the current log and open ``loaded`` (continuing its crashed run if there is one).

    Only while no session runs: the caller checks ``session_running`` first.
    """
    controller.live.writer.close()
    controller.live = start_session(loaded, controller.clock, controller.logs_dir)
    controller.loaded = loaded
    controller.session_replaced.emit()
    controller.ticks.stop()
    controller.refresh()


def swap_plan(controller: LiveController, loaded: LoadedRunningOrder) -> None:
    """Keep the session's events and fold them over the edited plan (same segments)."""
    session = controller.live.session
    old = session.engine
    session.engine = Engine(loaded.plan, old.events, planned_start_t=old.planned_start_t)
    controller.loaded = loaded
    controller.ticks.stop()
    controller.refresh()
