"""Opening and reloading running-order files under a live controller.

Nothing here runs while a session counts unless the reload keeps every segment in place:
then the edit is logged as a PlanChanged event and the events fold over the new plan, so
nothing the moderator did is lost and a crash after the edit resumes on the edited plan.
"""

from __future__ import annotations

from app.engine import Status
from app.model.loader import LoadedRunningOrder
from app.ui.controller import LiveController


def session_running(controller: LiveController) -> bool:
    """A session runs from its start to its end, paused or not: no modal dialog then."""
    return controller.last.status in (Status.RUNNING, Status.PAUSED)


def replace_session(controller: LiveController, loaded: LoadedRunningOrder) -> None:
    """Close the current log and open ``loaded`` (continuing its crashed run if there is one).

    Only while no session runs: the caller checks ``session_running`` first.
    """
    controller.load(loaded)


def swap_plan(controller: LiveController, loaded: LoadedRunningOrder) -> None:
    """Keep the session's events and fold them over the edited plan (same segments)."""
    controller.replace_plan(loaded)
