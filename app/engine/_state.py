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
    SetAnchor,
    SetMessage,
    SetRoll,
    Start,
)
from app.model.plan import Plan, same_segments
from app.model.schema import Anchor, EndAction, TimerType

# One closed interval and the one before it: (segment, from, to, previous node).
Span = tuple[int, float, float, "Span | None"]
# One thing the engine did by itself and the one before it: (at, action, segment, cause, prev).
AutoNode = tuple[float, str, int, str, "AutoNode | None"]

AUTO_ANCHOR_WINDOW_S = 2 * 3600  # auto anchoring: absolute within two hours of the start

# The controls that take the session out of roll mode (messages and blackout do not).
_MANUAL = (Start, Pause, Resume, Next, Previous, Goto, Adjust, ApplyCatchUp, End)


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
        "anchor_setting",
        "autos_last",
        "blackout",
        "blink",
        "current",
        "ended_at",
        "ends_offsets",
        "first_start",
        "gaps",
        "last_end",
        "message",
        "occupied",
        "on_planned_date",
        "override",
        "paused_s",
        "pauses",
        "plan",
        "planned_start_t",
        "roll",
        "span_open",
        "spans_last",
        "started_at",
        "status",
        "t",
    )

    def __init__(
        self, plan: Plan, planned_start_t: float = 0.0, on_planned_date: bool = True
    ) -> None:
        n = len(plan.segments)
        self.plan = plan
        # Anchoring (ARCHITECTURE.md §3): where the printed planned start lies on the time
        # line, whether the session runs on its planned date, and the setting in force.
        self.planned_start_t = planned_start_t
        self.on_planned_date = on_planned_date
        self.anchor_setting = plan.anchor
        self.roll = plan.roll
        self.autos_last: AutoNode | None = None
        # Each segment's ``ends_at`` as seconds after the planned start (None: a plain one),
        # looked up once: ``planned`` reads it for every segment on every repaint.
        self.ends_offsets = _ends_offsets(plan)
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
        self._future_cache: tuple[tuple[tuple[float, int], ...], float] | None = None

    def spans(self) -> list[tuple[int, float, float]]:
        """Every closed interval (segment, from, to), in the order they happened."""
        out: list[tuple[int, float, float]] = []
        node = self.spans_last
        while node is not None:
            seg, a, b, node = node
            out.append((seg, a, b))
        out.reverse()
        return out

    def autos(self) -> list[tuple[float, str, int, str]]:
        """What the engine did by itself (at, action, segment, cause), in order."""
        out: list[tuple[float, str, int, str]] = []
        node = self.autos_last
        while node is not None:
            at, action, seg, cause, node = node
            out.append((at, action, seg, cause))
        out.reverse()
        return out

    def copy(self) -> State:
        other = State.__new__(State)
        other.plan = self.plan
        other.planned_start_t = self.planned_start_t
        other.on_planned_date = self.on_planned_date
        other.anchor_setting = self.anchor_setting
        other.roll = self.roll
        other.autos_last = self.autos_last
        other.ends_offsets = self.ends_offsets
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

    def planned(self, index: int) -> float:
        """The segment's planned duration now: catch-up override or plan, plus adjustments.

        A segment with ``ends_at`` that has started lasts until that clock time (its
        adjustments move it): its countdown counts the clock, pauses included."""
        offset = self.ends_offsets[index]
        start = self.first_start[index]
        if offset is None or start is None:
            return self.base(index) + self.adjust[index]
        end = self.anchor_t() + offset + self.adjust[index]
        return max(0.0, end - start - (self.occupied[index] - self.active[index]))

    def remaining(self, index: int) -> float:
        return self.planned(index) - self.active[index]

    # -- anchoring -------------------------------------------------------------------------

    def anchor(self) -> Anchor:
        """The anchor in force: absolute or relative (auto resolved by its rule)."""
        if self.anchor_setting is not Anchor.AUTO:
            return self.anchor_setting
        start = self.started_at if self.started_at is not None else self.t
        if self.on_planned_date and abs(start - self.planned_start_t) <= AUTO_ANCHOR_WINDOW_S:
            return Anchor.ABSOLUTE
        return Anchor.RELATIVE

    def anchor_t(self, anchor: Anchor | None = None) -> float:
        """The instant the plan's start is anchored at: the planned start as printed, or the
        actual start (before it, now: a relative plan starts when the session does).
        ``anchor``: the anchor in force, when the caller has it already."""
        if (anchor or self.anchor()) is Anchor.ABSOLUTE:
            return self.planned_start_t
        return self.started_at if self.started_at is not None else self.t

    def ends_at_t(self, index: int) -> float | None:
        """When a segment with ``ends_at`` ends on the time line (its adjustments included)."""
        offset = self.ends_offsets[index]
        if offset is None:
            return None
        return self.anchor_t() + offset + self.adjust[index]

    def future_chunks(self) -> tuple[tuple[tuple[float, int], ...], float]:
        """The segments after the current one as (time to run before a fixed point, the fixed
        point's offset from the anchor) for each ``ends_at`` segment, and the time to run
        after the last one (cached per event)."""
        if self._future_cache is None:
            chunks: list[tuple[float, int]] = []
            run = 0.0
            for j in range(self.current + 1, len(self.active)):
                offset = self.ends_offsets[j]
                if offset is not None:
                    chunks.append((run, offset + self.adjust[j]))
                    run = 0.0
                else:
                    run += max(0.0, self.planned(j) - self.active[j])
            self._future_cache = (tuple(chunks), run)
        return self._future_cache

    def project_end(self, base: float) -> float:
        """When the segments after the current one end if they start at ``base``: each runs
        its planned time left, an ``ends_at`` segment ends at its clock time (or at once,
        when the session reaches it after that time)."""
        chunks, tail = self.future_chunks()
        if chunks:
            anchor = self.anchor_t()
            for run, offset in chunks:
                base = max(base + run, anchor + offset)
        return base + tail

    def project_start(self, base: float, index: int) -> float:
        """When segment ``index`` starts if the one after the current starts at ``base``."""
        return self.project_starts(base, stop=index + 1)[-1] if index > self.current else base

    def project_starts(self, base: float, stop: int | None = None) -> list[float]:
        """When each segment after the current one starts (up to ``stop``, excluded), if the
        first of them starts at ``base``: one pass, an ``ends_at`` segment a fixed point."""
        out: list[float] = []
        anchor = None
        for j in range(self.current + 1, len(self.plan.segments) if stop is None else stop):
            out.append(base)
            offset = self.ends_offsets[j]
            if offset is not None:
                if anchor is None:
                    anchor = self.anchor_t()
                base = max(base, anchor + offset + self.adjust[j])
            else:
                base += max(0.0, self.planned(j) - self.active[j])
        return out

    # -- time passing ----------------------------------------------------------------------

    def advance(self, t: float) -> None:
        """Let the time run up to ``t``: the current segment counts, and what happens by
        itself (an end action at zero, roll mode) happens at its exact instant."""
        if not self.roll and (
            self.status is not Status.RUNNING
            or self.plan.segments[self.current].end_action is EndAction.HOLD
        ):  # the usual case, nothing can happen by itself: time just runs
            self._pass(t - self.t)
            if t > self.t:
                self.t = t
            return
        while True:
            due = self.next_auto()
            if due is None or due[0] > t:
                break
            at, action, cause = due
            self._pass(at - self.t)
            self.t = max(self.t, at)
            self._do_auto(action, cause)
        self._pass(t - self.t)
        if t > self.t:
            self.t = t

    def _pass(self, dt: float) -> None:
        if dt <= 0:
            return
        if self.status is Status.RUNNING:
            self.active[self.current] += dt
            self.occupied[self.current] += dt
        elif self.status is Status.PAUSED:
            self.occupied[self.current] += dt
            self.paused_s += dt

    def next_auto(self) -> tuple[float, str, str] | None:
        """The next thing the engine will do by itself, if time runs: (at, action, cause)."""
        status = self.status
        if status is Status.READY:
            if self.roll:
                return (max(self.t, self.planned_start_t), "start", "roll")
            return None
        if status is not Status.RUNNING:
            return None
        cur = self.current
        seg = self.plan.segments[cur]
        best: tuple[float, str, str] | None = None
        if seg.end_action is not EndAction.HOLD and seg.timer is not TimerType.COUNTUP:
            rem = self.remaining(cur)
            if rem > 0:
                action = "load" if seg.end_action is EndAction.LOAD_NEXT else "next"
                best = (self.t + rem, action, "end_action")
        if self.roll and cur + 1 < len(self.active):
            at = max(self.t, self.anchor_t() + self.plan.segments[cur + 1].offset_s)
            if best is None or at < best[0]:
                best = (at, "next", "roll")
        return best

    def _do_auto(self, action: str, cause: str) -> None:
        self._future_cache = None
        if action == "start":
            self._begin(self.t)
            self._record("start", cause)
        elif self.current + 1 >= len(self.active):
            self._end()
            self._record("end", cause)
        else:
            self._switch(self.current + 1)
            if action == "load":
                self.status = Status.PAUSED
                self.pauses.append((self.t, None))
            self._record(action, cause)

    def _record(self, action: str, cause: str) -> None:
        self.autos_last = (self.t, action, self.current, cause, self.autos_last)

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
            self._leave_roll(event)
            rule[1](self, event)

    def _leave_roll(self, event: Event) -> None:
        """A manual timing control takes the session out of roll mode (undo restores it)."""
        if self.roll and isinstance(event, _MANUAL):
            self.roll = False
            self._record("roll_off", "manual")

    def fold_one(self, event: Event) -> None:
        """Advance to the event and apply it when it is taken (a logged event that changes
        nothing, as a hand-edited log may hold, is passed over)."""
        self.advance(event.t)
        rule = _RULES.get(type(event)) or _rule_of(event)
        if rule is not None and rule[0](self, event):
            self._future_cache = None
            self._leave_roll(event)
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
                if self.roll:  # as fold_one: a manual control leaves roll mode
                    self._leave_roll(event)
                rule[1](self, event)

    # -- the rules: for each event, when it is taken and what it does ----------------------
    # (one pair per event type, looked up by type in _RULES below: a long log folds fast)

    def _live(self) -> bool:
        return self.status in (Status.RUNNING, Status.PAUSED)

    def _accepts_start(self, event: Start) -> bool:
        return self.status is Status.READY

    def _apply_start(self, event: Start) -> None:
        self._begin(event.t)

    def _begin(self, t: float) -> None:
        self.status = Status.RUNNING
        self.started_at = t
        self.first_start[self.current] = t
        self.span_open = t

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
        due = self.next_auto()
        self.adjust[cur] = max(self.adjust[cur] + event.seconds, -self.base(cur))
        if (
            self.status is Status.RUNNING
            and due is not None
            and due[2] == "end_action"
            and before > 0 >= self.remaining(cur)
        ):
            # Time taken away ran the countdown out: its end action happens now, as it would
            # have when the time ran out by itself.
            self._do_auto(due[1], "end_action")

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
        self.ends_offsets = _ends_offsets(event.plan)

    def _accepts_resumed(self, event: Resumed) -> bool:
        return True

    def _apply_resumed(self, event: Resumed) -> None:
        self.gaps.append((event.t, event.gap_s))

    def _accepts_anchor(self, event: SetAnchor) -> bool:
        return event.anchor != self.anchor_setting.value and self.status is not Status.ENDED

    def _apply_anchor(self, event: SetAnchor) -> None:
        self.anchor_setting = Anchor(event.anchor)

    def _accepts_roll(self, event: SetRoll) -> bool:
        return event.on != self.roll and self.status is not Status.ENDED

    def _apply_roll(self, event: SetRoll) -> None:
        self.roll = event.on

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


def _ends_offsets(plan: Plan) -> tuple[int | None, ...]:
    return tuple(plan.ends_at_offset(i) for i in range(len(plan.segments)))


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
    SetAnchor: (State._accepts_anchor, State._apply_anchor),
    SetRoll: (State._accepts_roll, State._apply_roll),
    # Auto has no rule: the fold derives what it records (a logged one changes nothing).
}


def _rule_of(event: Event) -> _Rule | None:
    """The rule of a subclass of a known event (the table is keyed by exact type)."""
    return next((rule for cls, rule in _RULES.items() if isinstance(event, cls)), None)
