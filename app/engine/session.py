"""A live session: the moderator's commands stamped with the clock and handed to a sink.

This is the only place where the engine meets the clock. It does no I/O itself: the sink
(the timing-log writer in the app, a list in tests) receives every accepted event, in order,
before the engine folds it — the log is the source of truth.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from app.engine._state import Status
from app.engine.catchup import CatchUpPlan, propose_catch_up
from app.engine.clock import Clock
from app.engine.events import (
    Adjust,
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
from app.engine.snapshot import Snapshot
from app.engine.timeline import Timeline
from app.model.plan import Plan

Sink = Callable[[Event, datetime], None]


class Session:
    """Commands in, events out. ``origin_mono`` is the monotonic reading of t = 0."""

    def __init__(
        self,
        engine: Timeline,
        clock: Clock,
        *,
        origin_mono: float,
        origin_wall: datetime,
        sink: Sink | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.origin_mono = origin_mono
        self.origin_wall = origin_wall
        self.sink = sink
        # The automatic moves whose line is written (at, action, segment): each is logged
        # once, whatever undo does to the fold afterwards.
        self._seen_autos: object = ()  # the head's record when last looked at (see log_autos)
        self._logged_autos: set[tuple[float, str, int]] = {
            (e.at, e.action, e.segment) for e in engine.events if isinstance(e, Auto)
        }

    @classmethod
    def resume(
        cls,
        engine: Timeline,
        clock: Clock,
        *,
        origin_wall: datetime,
        last_wall: datetime,
        sink: Sink | None = None,
    ) -> tuple[Session, float]:
        """Continue a session after the app was down, and record the gap.

        The gap is measured on the wall clock (the monotonic clock of a dead process is gone):
        the time line resumes at last event + gap, so a segment that was running kept counting.
        A wall clock set back while the app was down gives no negative gap: the downtime is
        then not counted, rather than the countdown winding back.
        """
        gap = max(0.0, (clock.wall() - last_wall).total_seconds())
        t = round(engine.last_t + gap, 6)
        session = cls(
            engine,
            clock,
            origin_mono=clock.monotonic() - t,
            origin_wall=origin_wall,
            sink=sink,
        )
        session._emit(Resumed(t=t, gap_s=gap))
        return session, gap

    # -- time -----------------------------------------------------------------------------

    def now(self) -> float:
        """The session time, in whole microseconds: the precision of the log's ``t``, so the
        live engine folds exactly the numbers a replay of its log folds."""
        return max(round(self.clock.monotonic() - self.origin_mono, 6), self.engine.last_t)

    def wall_of(self, t: float) -> datetime:
        return self.origin_wall + timedelta(seconds=t)

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot(self.now())

    def logged_snapshot(self) -> tuple[Snapshot, bool]:
        """The snapshot now, once the lines of what the engine did by itself are written
        (and whether any was): what the tick driver takes each time it wakes, with one
        clock reading for both."""
        t = self.now()
        wrote = self._log_autos_at(t)
        return self.engine.snapshot(t), wrote

    def log_autos(self) -> bool:
        """Write the lines of what the engine did by itself up to now (the tick driver does
        this when it wakes; every control does it first). Whether any line was written."""
        return self._log_autos_at(self.now())

    def _log_autos_at(self, t: float) -> bool:
        if self.engine.autos_unchanged(self._seen_autos, t):
            return False  # the usual tick: nothing happened by itself
        wrote = self._log_autos(tuple(self.engine.autos(t)), t)
        self._seen_autos = self.engine.autos_node
        return wrote

    def _log_autos(self, autos: tuple[tuple[float, str, int, str], ...], t: float) -> bool:
        """Write the line of each automatic move not yet written (ARCHITECTURE.md §8): the
        time line took it at its instant; the log now says so, for replay and reports."""
        wrote = False
        for at, action, segment, _cause in reversed(autos):  # newest first: stop at known
            key = (at, action, segment)
            if key in self._logged_autos:
                break
            wrote = True
        if not wrote:
            return False
        for at, action, segment, cause in autos:
            key = (at, action, segment)
            if key in self._logged_autos:
                continue
            self._logged_autos.add(key)
            event = Auto(
                t=max(t, self.engine.last_t), at=at, action=action, segment=segment, cause=cause
            )
            if self.sink is not None:
                since = self.clock.monotonic() - self.origin_mono - event.t
                self.sink(event, self.clock.wall() - timedelta(seconds=max(0.0, since)))
            self.engine.record(event)
        return True

    # -- commands -------------------------------------------------------------------------

    def _emit(self, event: Event) -> bool:
        # What happened by itself before this control is written first, in time order.
        self._log_autos(tuple(self.engine.autos(event.t)), event.t)
        if not self.engine.accepts(event):
            return False
        if self.sink is not None:
            # The wall clock as it reads now, not origin + t: after a crash, the downtime is the
            # wall-clock time since the last event, so a jump of the wall clock while the app
            # was running (an NTP correction) must already be in that last reading. Less the
            # monotonic time since the event's t was read, so the two stamps are one instant.
            since = self.clock.monotonic() - self.origin_mono - event.t
            self.sink(event, self.clock.wall() - timedelta(seconds=max(0.0, since)))
        taken = self.engine.apply(event)
        self._log_autos(tuple(self.engine.autos(event.t)), event.t)  # e.g. leaving roll mode
        return taken

    # ``source``: where the control came from (engine/events.py SOURCES), kept in the event.

    def start(self, *, source: str = "key") -> bool:
        """Start the session, or resume it when paused (the remote's "start")."""
        if self.engine.snapshot(self.now()).status is Status.PAUSED:
            return self._emit(Resume(self.now(), source=source))
        return self._emit(Start(self.now(), source=source))

    def toggle(self, *, source: str = "key") -> bool:
        """Space: start, pause or resume, whichever applies."""
        status = self.engine.snapshot(self.now()).status
        t = self.now()
        if status is Status.READY:
            return self._emit(Start(t, source=source))
        if status is Status.RUNNING:
            return self._emit(Pause(t, source=source))
        if status is Status.PAUSED:
            return self._emit(Resume(t, source=source))
        return False

    def pause(self, *, source: str = "key") -> bool:
        return self._emit(Pause(self.now(), source=source))

    def resume_counting(self, *, source: str = "key") -> bool:
        return self._emit(Resume(self.now(), source=source))

    def next(self, *, source: str = "key") -> bool:
        return self._emit(Next(self.now(), source=source))

    def previous(self, *, source: str = "key") -> bool:
        return self._emit(Previous(self.now(), source=source))

    def goto(self, segment: int, *, source: str = "key") -> bool:
        return self._emit(Goto(self.now(), segment, source=source))

    def adjust(self, seconds: int, *, source: str = "key") -> bool:
        return self._emit(Adjust(self.now(), seconds, source=source))

    def message(self, text: str, blink: bool = False, *, source: str = "key") -> bool:
        return self._emit(SetMessage(self.now(), text, blink, source=source))

    def blink(self, on: bool, *, source: str = "key") -> bool:
        return self._emit(BlinkMessage(self.now(), on, source=source))

    def clear_message(self, *, source: str = "key") -> bool:
        return self._emit(ClearMessage(self.now(), source=source))

    def blackout(self, on: bool | None = None, *, source: str = "key") -> bool:
        """Set the projector blackout; None toggles it (the B key)."""
        if on is None:
            on = not self.engine.snapshot(self.now()).blackout
        return self._emit(Blackout(self.now(), on, source=source))

    def catch_up(self) -> CatchUpPlan:
        return propose_catch_up(self.snapshot())

    def apply_catch_up(self, plan: CatchUpPlan) -> bool:
        if not plan.durations:
            return False
        return self._emit(plan.as_event(self.now()))

    def replace_plan(self, plan: Plan, source_sha256: str) -> bool:
        """Take in an edited running order that keeps every segment in place."""
        return self._emit(PlanChanged(self.now(), plan, source_sha256))

    def set_anchor(self, anchor: str) -> bool:
        """Count the planned clock times as printed ("absolute"), from the actual start
        ("relative"), or by the session's rule ("auto")."""
        return self._emit(SetAnchor(self.now(), anchor))

    def set_roll(self, on: bool | None = None) -> bool:
        """Roll mode on or off; None toggles it."""
        if on is None:
            on = not self.engine.snapshot(self.now()).roll
        return self._emit(SetRoll(self.now(), on))

    def end(self) -> bool:
        return self._emit(End(self.now()))

    def undo(self, *, source: str = "key") -> bool:
        return self._emit(Undo(self.now(), source=source))
