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

    # -- commands -------------------------------------------------------------------------

    def _emit(self, event: Event) -> bool:
        if not self.engine.accepts(event):
            return False
        if self.sink is not None:
            # The wall clock as it reads now, not origin + t: after a crash, the downtime is the
            # wall-clock time since the last event, so a jump of the wall clock while the app
            # was running (an NTP correction) must already be in that last reading. Less the
            # monotonic time since the event's t was read, so the two stamps are one instant.
            since = self.clock.monotonic() - self.origin_mono - event.t
            self.sink(event, self.clock.wall() - timedelta(seconds=max(0.0, since)))
        return self.engine.apply(event)

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

    def end(self) -> bool:
        return self._emit(End(self.now()))

    def undo(self, *, source: str = "key") -> bool:
        return self._emit(Undo(self.now(), source=source))
