"""The bridge between the live session and the windows: commands in, snapshots out.

Both windows render the same Snapshot, taken once per repaint from the engine and nothing
else. Every command goes through here so that the log writer's health is checked after each
one and shown to the moderator, while the countdown carries on regardless.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.engine.catchup import CatchUpPlan
from app.engine.clock import Clock
from app.engine.session import Session
from app.engine.snapshot import Snapshot
from app.model.loader import LoadedRunningOrder
from app.model.plan import Plan
from app.timing_log.live import (
    LiveSession,
    discard_and_start_over,
    session_slug,
    start_session,
)
from app.ui.tick import TickDriver

if TYPE_CHECKING:
    from app.ui.cues import CueBell

RETRY_MS = 5000


class LiveController(QObject):
    # The room's view first: the projector window repaints before the moderator's views.
    room_updated = Signal(object)
    updated = Signal(object)  # a fresh Snapshot, after a command or when time shows a change
    log_status = Signal(str)  # "" when the log is healthy, else one sentence for the moderator
    session_replaced = Signal()  # after "start over": views forget per-session state

    def __init__(
        self,
        live: LiveSession,
        loaded: LoadedRunningOrder,
        clock: Clock,
        logs_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.loaded = loaded
        self.clock = clock
        self.logs_dir = logs_dir
        self._last: Snapshot | None = None
        self.bell: CueBell | None = None  # the sound cues, when they are on (set_cues)
        self.ticks = TickDriver(self._next_change_in, self, now=self._session_now)
        self.ticks.fired.connect(self.refresh)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._retry_log)

    # -- reading --------------------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.live.session

    @property
    def plan(self) -> Plan:
        return self.live.session.engine.plan

    @property
    def resumed_gap_s(self) -> float | None:
        return self.live.resumed_gap_s

    @property
    def log_path(self) -> Path:
        return self.live.log_path

    def snapshot(self) -> Snapshot:
        return self.live.session.snapshot()

    @property
    def last(self) -> Snapshot:
        return self._last if self._last is not None else self.snapshot()

    def start_ticking(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._last, wrote = self.live.session.logged_snapshot()  # automatic moves: logged
        if wrote:
            self._check_log()
        self.room_updated.emit(self._last)
        if self.bell is not None:  # after the room's repaint: only a queue put (app/ui/cues.py)
            self.bell.look(self._last)
        self.updated.emit(self._last)
        if not self.ticks.active:
            self.ticks.arm()

    def _next_change_in(self) -> float | None:
        """Until anything either window shows changes: the countdown while it runs, the
        segment's actual time while paused, clock times (HH:MM) at their minute.

        Asked right after each refresh: the snapshot just taken answers (every command
        refreshes, so it holds the session's state), counted from now rather than from its
        own time, instead of a second snapshot a few milliseconds later."""
        snap = self._last
        if snap is None:
            return self.snapshot().next_shown_change_in(self._wall_offset())
        return snap.next_shown_change_in(self._wall_offset()) - (self._session_now() - snap.t)

    def _session_now(self) -> float:
        return self.live.session.now()

    def _wall_offset(self) -> float:
        """Seconds past a whole minute of the session's clock (``wall_of``) at time 0 (the
        same in every time zone: zones differ by whole minutes, so no zone lookup here)."""
        origin = self.live.session.origin_wall
        return origin.second + origin.microsecond / 1_000_000

    # -- sound cues -----------------------------------------------------------------------

    def set_cues(self, on: bool) -> CueBell | None:
        """Turn the sound cues on or off; the sound subsystem is imported when first on.
        Turned on mid-session, the bell's first look primes it: what is already past rings
        nothing."""
        if on and self.bell is None:
            from app.ui.cues import CueBell

            self.bell = CueBell(self)
            if self._last is not None:
                self.bell.look(self._last)
        elif not on and self.bell is not None:
            self.bell.close()
            self.bell = None
        return self.bell

    # -- commands -------------------------------------------------------------------------

    def _after(self, changed: bool) -> bool:
        self._check_log()
        if changed:
            self.ticks.stop()
            self.refresh()
        return changed

    def _do(self, command: Callable[[], bool]) -> bool:
        return self._after(command())

    def apply(self, command: Callable[[], bool]) -> bool:
        """Run a session command given elsewhere (the remote bridge), refreshed as a key's."""
        return self._after(command())

    def toggle(self) -> bool:
        return self._do(self.session.toggle)

    def next(self) -> bool:
        return self._do(self.session.next)

    def previous(self) -> bool:
        return self._do(self.session.previous)

    def goto(self, index: int) -> bool:
        return self._after(self.session.goto(index))

    def adjust(self, seconds: int) -> bool:
        return self._after(self.session.adjust(seconds))

    def message(self, text: str, blink: bool = False) -> bool:
        return self._after(self.session.message(text, blink))

    def blink(self, on: bool) -> bool:
        return self._after(self.session.blink(on))

    def clear_message(self) -> bool:
        return self._do(self.session.clear_message)

    def blackout(self) -> bool:
        return self._after(self.session.blackout(None))

    def undo(self) -> bool:
        return self._do(self.session.undo)

    def end(self) -> bool:
        return self._do(self.session.end)

    def set_anchor(self, anchor: str) -> bool:
        """Count the planned clock times as printed, from the actual start, or by the rule."""
        return self._after(self.session.set_anchor(anchor))

    def switch_anchor(self) -> bool:
        """Ctrl+T: the other anchor than the one in force (absolute <-> relative)."""
        other = "relative" if self.snapshot().anchor.value == "absolute" else "absolute"
        return self.set_anchor(other)

    def toggle_roll(self) -> bool:
        return self._after(self.session.set_roll(None))

    def propose_catch_up(self) -> CatchUpPlan:
        return self.session.catch_up()

    def apply_catch_up(self, plan: CatchUpPlan) -> bool:
        return self._after(self.session.apply_catch_up(plan))

    def replace_plan(self, loaded: LoadedRunningOrder) -> bool:
        """Take in an edited file that keeps every segment in place; the edit is logged, so
        recovery, replay and reports follow it."""
        changed = self.session.replace_plan(loaded.plan, loaded.sha256)
        if changed:
            self.loaded = loaded
        return self._after(changed)

    def load(self, loaded: LoadedRunningOrder) -> None:
        """Open another running order (only while no session runs: the caller checks)."""
        old = self.live
        if session_slug(loaded) == old.header.session_slug:  # the same lock: hand it over
            old.writer.close(keep_lock=True)
            self.live = start_session(loaded, self.clock, self.logs_dir, lock=old.writer.lock)
        else:  # SessionBusy (open in another window) leaves the current session as it is
            self.live = start_session(loaded, self.clock, self.logs_dir)
            old.writer.close()
        self.loaded = loaded
        self._check_log()
        if self.bell is not None:
            self.bell.forget()
        self.session_replaced.emit()
        self.ticks.stop()
        self.refresh()

    def start_over(self) -> None:
        """The recovery banner's action: close the resumed log, begin a fresh session."""
        self.live = discard_and_start_over(self.live, self.loaded, self.clock, self.logs_dir)
        self._check_log()
        if self.bell is not None:
            self.bell.forget()
        self.session_replaced.emit()
        self.ticks.stop()
        self.refresh()

    # -- the log's health -------------------------------------------------------------------

    def _check_log(self) -> None:
        error = self.live.writer.error
        self.log_status.emit(error or "")
        # Lines waiting in memory are retried on a timer, wherever the log now goes (data
        # folder or fallback): they must reach a disk even if no further control is given.
        if self.live.writer.pending:
            if not self._retry.isActive():
                self._retry.start()
        else:
            self._retry.stop()

    def _retry_log(self) -> None:
        self.live.writer.retry()
        self._check_log()

    def shutdown(self) -> None:
        self.ticks.stop()
        if self.bell is not None:
            self.bell.close()
        self._retry.stop()
        self.live.writer.close()
