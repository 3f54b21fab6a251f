"""What to do when the running-order file changes on disk: a pure function, no Qt.

The rules (ARCHITECTURE.md §3: nothing the moderator did may be lost, and no dialog while a
session runs), in the order they are asked:

- the file no longer loads: refuse, say why in one sentence, the session goes on unchanged;
- the file says what the session already runs (same content hash): nothing to do;
- no session runs: take the file in at once as the new session;
- a session runs and every segment is still there (same count, same titles): take the edit
  in now as a plan change, the timing kept;
- a session runs and the segments moved: wait until it has ended, then offer the reload.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.model.errors import RunningOrderError
from app.model.loader import LoadedRunningOrder
from app.model.plan import same_segments
from app.ui.sentences import one_line


class ReloadAction(enum.Enum):
    REFUSE = "refuse"  # the file has an error: keep the session, show ``reason``
    UNCHANGED = "unchanged"  # the content is the session's own
    RELOAD = "reload"  # no session runs: load the file as the session
    CHANGE_PLAN = "change_plan"  # the session runs, same segments: swap the plan, keep timing
    WAIT = "wait"  # the session runs, other segments: reload once it has ended


@dataclass(frozen=True)
class ReloadDecision:
    action: ReloadAction
    reason: str = ""  # for REFUSE: the file's error as one sentence


def reload_decision(
    session_running: bool,
    current: LoadedRunningOrder,
    on_disk: LoadedRunningOrder | RunningOrderError,
) -> ReloadDecision:
    """The decision for ``on_disk`` (the file as loaded now, or its error) against ``current``."""
    if isinstance(on_disk, RunningOrderError):
        return ReloadDecision(ReloadAction.REFUSE, one_line(str(on_disk)))
    if on_disk.sha256 == current.sha256:
        return ReloadDecision(ReloadAction.UNCHANGED)
    if not session_running:
        return ReloadDecision(ReloadAction.RELOAD)
    if same_segments(current.plan, on_disk.plan):
        return ReloadDecision(ReloadAction.CHANGE_PLAN)
    return ReloadDecision(ReloadAction.WAIT)
