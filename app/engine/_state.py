"""The transition rules of the timing engine: the one place that says what each event does.

A ``State`` is folded from events. It is mutable only while the fold runs (``advance`` and
``apply``); everything the UI sees is a frozen ``Snapshot`` built from a copy. Time is the
monotonic offset ``t`` of the events: a figure is never counted by ticks, it is always the
difference of two readings of the same time line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

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
)
from app.model.plan import Plan, same_segments
from app.model.schema import EndAction

# One closed interval and the one before it: (segment, from, to, previous node).
Span = tuple[int, float, float, "Span | None"]


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
        "span_open",
        "spans_last",
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
        # When each segment held the room: (segment, from, to), closed at each change of
        # segment and at the end; ``span_open`` is when the current one's began (None
        # before the start and after the end). The chart draws these as its actual bars.
        # (A chain of nodes, last first: a copy of the state shares it whole, and a mark or a
        # repaint's copy costs nothing however long the day; ``spans()`` reads it in order.)
        self.spans_last: Span | None = None
        self.span_open: float | None = None
        self._future_cache: float | None = None

    def spans(self) -> list[tuple[int, float, float]]:
        """Every closed interval (segment, from, to), in the order they happened."""
        out: list[tuple[int, float, float]] = []
        node = self.spans_last
        while node is not None:
            seg, a, b, node = node
            out.append((seg, a, b))
        out.reverse()
        return out

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
        other.spans_last = self.spans_last  # shared: nodes are never changed
        other.span_open = self.span_open
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
            if segments[cur].end_action is EndAction.ADVANCE:
                rem = self.remaining(cur)
                if 0 < rem <= dt:
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
        rule = _RULES.get(type(event)) or _rule_of(event)
        return rule is not None and rule[0](self, event)

    def apply(self, event: Event) -> None:
        """Apply an accepted event at its time (the caller has advanced the state to it)."""
        self._future_cache = None
        rule = _RULES.get(type(event)) or _rule_of(event)
        if rule is not None:
            rule[1](self, event)

    def fold_one(self, event: Event) -> None:
        """Advance to the event and apply it when it is taken (a logged event that changes
        nothing, as a hand-edited log may hold, is passed over)."""
        self.advance(event.t)
        rule = _RULES.get(type(event)) or _rule_of(event)
        if rule is not None and rule[0](self, event):
            self._future_cache = None
            rule[1](self, event)

    def fold(self, events: Iterable[Event]) -> None:
        """``fold_one`` for each event, in one loop (a long log folds in about two thirds
        of the time: no call per event besides the rule's own)."""
        advance, rules = self.advance, _RULES
        for event in events:
            advance(event.t)
            rule = rules.get(type(event)) or _rule_of(event)
            if rule is not None and rule[0](self, event):
                self._future_cache = None
                rule[1](self, event)

    # -- the rules: for each event, when it is taken and what it does ----------------------
    # (one pair per event type, looked up by type in _RULES below: a long log folds fast)

    def _live(self) -> bool:
        return self.status in (Status.RUNNING, Status.PAUSED)

    def _accepts_start(self, event: Start) -> bool:
        return self.status is Status.READY

    def _apply_start(self, event: Start) -> None:
        self.status = Status.RUNNING
        self.started_at = event.t
        self.first_start[self.current] = event.t
        self.span_open = event.t

    def _accepts_pause(self, event: Pause) -> bool:
        return self.status is Status.RUNNING

    def _apply_pause(self, event: Pause) -> None:
        self.status = Status.PAUSED
        self.pauses.append((event.t, None))

    def _accepts_resume(self, event: Resume) -> bool:
        return self.status is Status.PAUSED

    def _apply_resume(self, event: Resume) -> None:
        self.status = Status.RUNNING
        self._close_pause(event.t)

    def _accepts_next(self, event: Next) -> bool:
        return self._live() or (self.status is Status.READY and self.current + 1 < len(self.active))

    def _apply_next(self, event: Next) -> None:
        if self.status is Status.READY:
            self.current += 1
        elif self.current + 1 < len(self.active):
            self._switch(self.current + 1)
        else:
            self._end()

    def _accepts_previous(self, event: Previous) -> bool:
        return self.status is not Status.ENDED and self.current > 0

    def _apply_previous(self, event: Previous) -> None:
        self._move(self.current - 1)

    def _accepts_goto(self, event: Goto) -> bool:
        return (
            self.status is not Status.ENDED
            and 0 <= event.segment < len(self.active)
            and event.segment != self.current
        )

    def _apply_goto(self, event: Goto) -> None:
        self._move(event.segment)

    def _accepts_adjust(self, event: Adjust) -> bool:
        # Removing time stops at zero: a planned duration is never negative.
        return (
            self.status is not Status.ENDED
            and event.seconds != 0
            and (event.seconds > 0 or self.planned(self.current) > 0)
        )

    def _apply_adjust(self, event: Adjust) -> None:
        cur = self.current
        before = self.remaining(cur)
        self.adjust[cur] = max(self.adjust[cur] + event.seconds, -self.base(cur))
        if (
            self.status is Status.RUNNING
            and self.plan.segments[cur].end_action is EndAction.ADVANCE
            and before > 0 >= self.remaining(cur)
        ):
            # Time taken away ran the countdown out: it moves on now, as it would have when
            # the time ran out by itself.
            self._move_on()

    def _accepts_message(self, event: SetMessage) -> bool:
        return bool(event.text.strip()) and (event.text, event.blink) != (
            self.message,
            self.blink,
        )

    def _apply_message(self, event: SetMessage) -> None:
        self.message, self.blink = event.text, event.blink

    def _accepts_blink(self, event: BlinkMessage) -> bool:
        return self.message is not None and event.on != self.blink

    def _apply_blink(self, event: BlinkMessage) -> None:
        self.blink = event.on

    def _accepts_clear(self, event: ClearMessage) -> bool:
        return self.message is not None

    def _apply_clear(self, event: ClearMessage) -> None:
        self.message, self.blink = None, False

    def _accepts_blackout(self, event: Blackout) -> bool:
        return event.on != self.blackout

    def _apply_blackout(self, event: Blackout) -> None:
        self.blackout = event.on

    def _accepts_catch_up(self, event: ApplyCatchUp) -> bool:
        n = len(self.active)
        return (
            self.status is not Status.ENDED
            and bool(event.durations)
            and all(self.current < seg < n and secs > 0 for seg, secs in event.durations)
        )

    def _apply_catch_up(self, event: ApplyCatchUp) -> None:
        for seg, secs in event.durations:
            self.override[seg] = secs
            self.adjust[seg] = 0

    def _accepts_end(self, event: End) -> bool:
        return self._live()

    def _apply_end(self, event: End) -> None:
        self._end()

    def _accepts_plan_changed(self, event: PlanChanged) -> bool:
        return event.plan != self.plan and same_segments(self.plan, event.plan)

    def _apply_plan_changed(self, event: PlanChanged) -> None:
        self.plan = event.plan

    def _accepts_resumed(self, event: Resumed) -> bool:
        return True

    def _apply_resumed(self, event: Resumed) -> None:
        self.gaps.append((event.t, event.gap_s))

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

    def _close_span(self) -> None:
        if self.span_open is not None:
            self.spans_last = (self.current, self.span_open, self.t, self.spans_last)
            self.span_open = None

    def _switch(self, index: int) -> None:
        self.last_end[self.current] = self.t
        self._close_span()
        self.span_open = self.t
        self.current = index
        if self.first_start[index] is None:
            self.first_start[index] = self.t
        self._future_cache = None

    def _end(self) -> None:
        self.last_end[self.current] = self.t
        self._close_span()
        if self.status is Status.PAUSED:
            self._close_pause(self.t)
        self.status = Status.ENDED
        self.ended_at = self.t
        self._future_cache = None

    def _close_pause(self, t: float) -> None:
        if self.pauses and self.pauses[-1][1] is None:
            self.pauses[-1] = (self.pauses[-1][0], t)


_Rule = tuple[Callable[[State, Any], bool], Callable[[State, Any], None]]

# Undo is not here: it is resolved before the fold (engine.effective_events).
_RULES: dict[type[Event], _Rule] = {
    Start: (State._accepts_start, State._apply_start),
    Pause: (State._accepts_pause, State._apply_pause),
    Resume: (State._accepts_resume, State._apply_resume),
    Next: (State._accepts_next, State._apply_next),
    Previous: (State._accepts_previous, State._apply_previous),
    Goto: (State._accepts_goto, State._apply_goto),
    Adjust: (State._accepts_adjust, State._apply_adjust),
    SetMessage: (State._accepts_message, State._apply_message),
    BlinkMessage: (State._accepts_blink, State._apply_blink),
    ClearMessage: (State._accepts_clear, State._apply_clear),
    Blackout: (State._accepts_blackout, State._apply_blackout),
    ApplyCatchUp: (State._accepts_catch_up, State._apply_catch_up),
    End: (State._accepts_end, State._apply_end),
    Resumed: (State._accepts_resumed, State._apply_resumed),
    PlanChanged: (State._accepts_plan_changed, State._apply_plan_changed),
}


def _rule_of(event: Event) -> _Rule | None:
    """The rule of a subclass of a known event (the table is keyed by exact type)."""
    return next((rule for cls, rule in _RULES.items() if isinstance(event, cls)), None)
