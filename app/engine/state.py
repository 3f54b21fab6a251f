"""The transition rules of the timing engine: the one place that says what each event does.

A ``State`` is folded from events. It is mutable only while the fold runs (``advance`` and
``apply``); everything the UI sees is a frozen ``Snapshot`` built from a copy. Time is the
monotonic offset ``t`` of the events: a figure is never counted by ticks, it is always the
difference of two readings of the same time line.
"""

from __future__ import annotations

from enum import StrEnum

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
    Previous,
    Resume,
    Resumed,
    SetMessage,
    Start,
)
from app.model.plan import Plan
from app.model.schema import EndAction


class Status(StrEnum):
    READY = "ready"  # loaded, not started: the cursor can move, no time counts
    RUNNING = "running"
    PAUSED = "paused"  # the current segment's countdown is held, the room's time still passes
    ENDED = "ended"


class State:
    """Where the session stands after the events folded so far, at time ``t``."""

    __slots__ = (
        "_future_cache",
        "active",
        "adjust",
        "blackout",
        "blink",
        "current",
        "ended_at",
        "first_start",
        "gaps",
        "last_end",
        "message",
        "occupied",
        "override",
        "paused_s",
        "pauses",
        "plan",
        "started_at",
        "status",
        "t",
    )

    def __init__(self, plan: Plan) -> None:
        n = len(plan.segments)
        self.plan = plan
        self.status = Status.READY
        self.current = 0
        self.t = 0.0
        # Per segment: countdown time used (pauses excluded) and time it was the current one
        # (pauses included: every second of the room belongs to exactly one segment).
        self.active = [0.0] * n
        self.occupied = [0.0] * n
        self.first_start: list[float | None] = [None] * n
        self.last_end: list[float | None] = [None] * n
        self.adjust = [0] * n
        self.override: list[int | None] = [None] * n
        self.message: str | None = None
        self.blink = False
        self.blackout = False
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.paused_s = 0.0
        self.pauses: list[tuple[float, float | None]] = []
        self.gaps: list[tuple[float, float]] = []
        self._future_cache: float | None = None

    def copy(self) -> State:
        other = State.__new__(State)
        other.plan = self.plan
        other.status = self.status
        other.current = self.current
        other.t = self.t
        other.active = self.active.copy()
        other.occupied = self.occupied.copy()
        other.first_start = self.first_start.copy()
        other.last_end = self.last_end.copy()
        other.adjust = self.adjust.copy()
        other.override = self.override.copy()
        other.message = self.message
        other.blink = self.blink
        other.blackout = self.blackout
        other.started_at = self.started_at
        other.ended_at = self.ended_at
        other.paused_s = self.paused_s
        other.pauses = self.pauses.copy()
        other.gaps = self.gaps.copy()
        other._future_cache = self._future_cache
        return other

    # -- derived figures -------------------------------------------------------------------

    def base(self, index: int) -> int:
        """The segment's duration before adjustments: the catch-up override, else the plan."""
        base = self.override[index]
        return self.plan.segments[index].planned_s if base is None else base

    def planned(self, index: int) -> int:
        """The segment's planned duration now: catch-up override or plan, plus adjustments."""
        return self.base(index) + self.adjust[index]

    def remaining(self, index: int) -> float:
        return self.planned(index) - self.active[index]

    def future_left(self) -> float:
        """Planned time still to run in the segments after the current one (cached per event)."""
        if self._future_cache is None:
            self._future_cache = sum(
                max(0.0, self.planned(j) - self.active[j])
                for j in range(self.current + 1, len(self.active))
            )
        return self._future_cache

    # -- time passing ----------------------------------------------------------------------

    def advance(self, t: float) -> None:
        """Let the time run up to ``t``: the current segment counts, auto-advance happens."""
        dt = t - self.t
        if dt <= 0:
            return
        if self.status is Status.RUNNING:
            self._run(dt)
        elif self.status is Status.PAUSED:
            self.occupied[self.current] += dt
            self.paused_s += dt
        self.t = t

    def _run(self, dt: float) -> None:
        segments = self.plan.segments
        while dt > 0:
            cur = self.current
            rem = self.remaining(cur)
            if segments[cur].end_action is EndAction.ADVANCE and 0 < rem <= dt:
                self.active[cur] += rem
                self.occupied[cur] += rem
                dt -= rem
                self.t += rem
                self._move_on()
                if self.status is Status.ENDED:
                    return
                continue
            self.active[cur] += dt
            self.occupied[cur] += dt
            return

    # -- events ----------------------------------------------------------------------------

    def accepts(self, event: Event) -> bool:
        """Whether ``event`` changes anything now; controls that would not are not logged."""
        status, n = self.status, len(self.active)
        live = status in (Status.RUNNING, Status.PAUSED)
        if isinstance(event, Start):
            return status is Status.READY
        if isinstance(event, Pause):
            return status is Status.RUNNING
        if isinstance(event, Resume):
            return status is Status.PAUSED
        if isinstance(event, Next):
            return live or (status is Status.READY and self.current + 1 < n)
        if isinstance(event, Previous):
            return status is not Status.ENDED and self.current > 0
        if isinstance(event, Goto):
            return (
                status is not Status.ENDED
                and 0 <= event.segment < n
                and (event.segment != self.current)
            )
        if isinstance(event, Adjust):
            # Removing time stops at zero: a planned duration is never negative.
            return (
                status is not Status.ENDED
                and event.seconds != 0
                and (event.seconds > 0 or self.planned(self.current) > 0)
            )
        if isinstance(event, SetMessage):
            return bool(event.text.strip()) and (event.text, event.blink) != (
                self.message,
                self.blink,
            )
        if isinstance(event, BlinkMessage):
            return self.message is not None and event.on != self.blink
        if isinstance(event, ClearMessage):
            return self.message is not None
        if isinstance(event, Blackout):
            return event.on != self.blackout
        if isinstance(event, ApplyCatchUp):
            return (
                status is not Status.ENDED
                and bool(event.durations)
                and all(self.current < seg < n and secs > 0 for seg, secs in event.durations)
            )
        if isinstance(event, End):
            return live
        return isinstance(event, Resumed)

    def apply(self, event: Event) -> None:
        """Apply an accepted event at its time (the caller has advanced the state to it)."""
        self._future_cache = None
        t = event.t
        if isinstance(event, Start):
            self.status = Status.RUNNING
            self.started_at = t
            self.first_start[self.current] = t
        elif isinstance(event, Pause):
            self.status = Status.PAUSED
            self.pauses.append((t, None))
        elif isinstance(event, Resume):
            self.status = Status.RUNNING
            self._close_pause(t)
        elif isinstance(event, Next):
            if self.status is Status.READY:
                self.current += 1
            elif self.current + 1 < len(self.active):
                self._switch(self.current + 1)
            else:
                self._end()
        elif isinstance(event, Previous):
            self._move(self.current - 1)
        elif isinstance(event, Goto):
            self._move(event.segment)
        elif isinstance(event, Adjust):
            cur = self.current
            before = self.remaining(cur)
            self.adjust[cur] = max(self.adjust[cur] + event.seconds, -self.base(cur))
            if (
                self.status is Status.RUNNING
                and self.plan.segments[cur].end_action is EndAction.ADVANCE
                and before > 0 >= self.remaining(cur)
            ):
                # Time taken away ran the countdown out: it moves on now, as it would have
                # when the time ran out by itself.
                self._move_on()
        elif isinstance(event, SetMessage):
            self.message, self.blink = event.text, event.blink
        elif isinstance(event, BlinkMessage):
            self.blink = event.on
        elif isinstance(event, ClearMessage):
            self.message, self.blink = None, False
        elif isinstance(event, Blackout):
            self.blackout = event.on
        elif isinstance(event, ApplyCatchUp):
            for seg, secs in event.durations:
                self.override[seg] = secs
                self.adjust[seg] = 0
        elif isinstance(event, End):
            self._end()
        elif isinstance(event, Resumed):
            self.gaps.append((t, event.gap_s))

    def _move_on(self) -> None:
        """An auto-advance segment ran out: the next one begins, or the session ends."""
        if self.current + 1 < len(self.active):
            self._switch(self.current + 1)
        else:
            self._end()

    def _move(self, index: int) -> None:
        if self.status is Status.READY:
            self.current = index
        else:
            self._switch(index)

    def _switch(self, index: int) -> None:
        self.last_end[self.current] = self.t
        self.current = index
        if self.first_start[index] is None:
            self.first_start[index] = self.t
        self._future_cache = None

    def _end(self) -> None:
        self.last_end[self.current] = self.t
        if self.status is Status.PAUSED:
            self._close_pause(self.t)
        self.status = Status.ENDED
        self.ended_at = self.t
        self._future_cache = None

    def _close_pause(self, t: float) -> None:
        if self.pauses and self.pauses[-1][1] is None:
            self.pauses[-1] = (self.pauses[-1][0], t)
