"""Everything a view shows, at one instant: built from a folded State and one clock reading.

A Snapshot is frozen. Figures that concern every segment (per-row actuals, projected starts)
are methods rather than precomputed lists, so that a 500-segment running order costs no more
per repaint than the rows a view actually redraws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.engine._state import State, Status
from app.engine.display import Phase, countdown_text, format_span, next_change, phase_of
from app.model.plan import Plan, PlannedPart, PlannedSegment
from app.model.schema import Anchor, TimerType


class RowState(StrEnum):
    UPCOMING = "upcoming"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"  # the session went past it without it ever being current


@dataclass(frozen=True, slots=True)
class Snapshot:
    t: float
    status: Status
    plan: Plan
    current: int
    planned_s: float  # whole seconds, but for an ``ends_at`` segment (to its clock time)
    active_s: float
    occupied_s: float
    remaining_s: float
    phase: Phase
    part_used_s: float
    message: str | None
    blink: bool
    blackout: bool
    started_at: float | None
    ended_at: float | None
    paused_s: float
    projected_end_t: float
    planned_start_t: float  # the planned start under the anchor in force (see ``anchor``)
    _state: State

    # -- timing modes (read off the state on demand: a repaint pays only for what it reads) --

    @property
    def absolute_start_t(self) -> float:
        """The planned start as printed, on the time line."""
        return self._state.planned_start_t

    def day_of(self, t: float) -> int:
        """Days after the planned start's day at session time ``t`` (1 past midnight of an
        evening 20:00-01:00): the next-day mark of a clock time shown for ``t``."""
        return self.plan.day_at(t - self._state.planned_start_t)

    @property
    def anchor(self) -> Anchor:
        """The anchor in force: absolute or relative (``planned_start_t`` follows it)."""
        return self._state.anchor()

    @property
    def anchor_setting(self) -> Anchor:
        """What the running order or the moderator chose: auto, absolute or relative."""
        return self._state.anchor_setting

    @property
    def roll(self) -> bool:
        return self._state.roll

    @property
    def timer(self) -> TimerType:
        """The current segment's timer type."""
        return self.plan.segments[self.current].timer

    @property
    def ends_at_t(self) -> float | None:
        """The current segment's end clock time (``ends_at``), on the time line."""
        if self.plan.segments[self.current].ends_at is None:
            return None
        return self._state.ends_at_t(self.current)

    # -- the current segment -------------------------------------------------------------

    @property
    def segment(self) -> PlannedSegment:
        return self.plan.segments[self.current]

    @property
    def next_segment(self) -> PlannedSegment | None:
        nxt = self.current + 1
        return self.plan.segments[nxt] if nxt < len(self.plan.segments) else None

    @property
    def part(self) -> PlannedPart:
        return self.plan.parts[self.segment.part]

    @property
    def running(self) -> bool:
        return self.status is Status.RUNNING

    @property
    def paused(self) -> bool:
        return self.status is Status.PAUSED

    @property
    def ended(self) -> bool:
        return self.status is Status.ENDED

    @property
    def overtime(self) -> bool:
        """Past the planned end of the countdown (a count-up is never in overtime)."""
        return self.remaining_s <= 0 and self.timer is not TimerType.COUNTUP

    @property
    def overtime_s(self) -> float:
        return max(0.0, -self.remaining_s) if self.overtime else 0.0

    @property
    def counts_up(self) -> bool:
        """The current segment shows the time elapsed, with no limit."""
        return self.timer is TimerType.COUNTUP

    @property
    def elapsed_s(self) -> float:
        """Countdown time used in the current segment (what a count-up shows)."""
        return self.active_s

    @property
    def countdown(self) -> str:
        """The timer's figure: time left (then overtime), or a count-up's elapsed time
        (whole seconds, rounded down: 00:00 for the first second)."""
        if self.timer is TimerType.COUNTUP:
            return format_span(math.floor(self.active_s + 1e-9))
        return countdown_text(self.remaining_s)

    @property
    def anchored_at_t(self) -> float:
        """The instant the schedule is anchored at: the printed planned start (absolute) or
        the actual start (relative; now, before the start)."""
        return self.planned_start_t

    @property
    def autos(self) -> tuple[tuple[float, str, int, str], ...]:
        """What the engine did by itself so far: (at, action, segment, cause)."""
        return tuple(self._state.autos())

    def ends_at_of(self, index: int) -> float | None:
        """A segment's ``ends_at`` clock time on the time line (its adjustments included)."""
        return self._state.ends_at_t(index)

    @property
    def progress(self) -> float:
        """Share of the segment's planned time used, 0..1 (1 in overtime)."""
        if self.planned_s <= 0:
            return 1.0
        return min(1.0, max(0.0, self.active_s / self.planned_s))

    @property
    def between_segments(self) -> bool:
        """Paused on a segment that has not counted yet: the room waits for the next speaker."""
        return self.status is Status.PAUSED and self.active_s == 0

    @property
    def part_left_s(self) -> float:
        return self.part.budget_s - self.part_used_s

    @property
    def next_change_in(self) -> float | None:
        """Seconds until the countdown's shown figure changes; None when it is not moving."""
        if self.status is not Status.RUNNING:
            return None
        return next_change(self.remaining_s)

    def next_shown_change_in(self, wall_offset_s: float = 0.0) -> float:
        """Seconds until a figure shown from this snapshot next changes (always > 0).

        ``wall_offset_s`` is how far past a whole minute the wall clock reads at session
        time 0 (``origin_wall``'s seconds): clock times are shown as HH:MM of
        ``origin_wall + t``, so their minutes turn at ``t ≡ -wall_offset_s (mod 60)``.

        - Running: the countdown's next figure (the phase, the overtime detail and the
          progress change with it). The segment's and the part's used times tick once a
          second too, on their own phase after a pause or a segment change; they are shown
          as of the countdown's change, at most a second behind, never ahead.
        - Paused: the next whole second of the segment's actual time (``occupied_s``, pauses
          included), which the running order shows rounded down.
        - Ready: once the planned start has passed, the projected end moves: its next whole
          wall second (lateness, slack, the catch-up plan are all counted in those);
          before, the planned start itself.
        - Whenever the projected end or the next segment's projected start moves (paused, in
          overtime, ready), the next instant one of their clock times (HH:MM), the lateness
          (nearest minute), the slack (minutes) or the catch-up attention
          (``CATCH_UP_MARGIN_S`` past the hard end, or the planned end) turns.
        - Always: the clock's next minute.
        """
        t = self.t
        waits = [_until_grid(t, -wall_offset_s, 60.0)]
        due = self._state.next_auto()
        if due is not None and due[0] > t:
            waits.append(due[0] - t)  # roll mode or an end action moves the session
        if self.status is Status.PAUSED and self.ends_at_t is not None:
            waits.append(next_change(self.remaining_s))  # its clock counts through a pause
        status = self.status
        if status is Status.RUNNING:
            waits.append(next_change(self.remaining_s))
        elif status is Status.PAUSED:
            waits.append(math.floor(self.occupied_s) + 1.0 - self.occupied_s)
        elif status is Status.READY:
            if t < self.planned_start_t:
                waits.append(self.planned_start_t - t)
            else:
                waits.append(_until_grid(t, -wall_offset_s, 1.0))
        if status is Status.PAUSED or (status is Status.RUNNING and self.remaining_s <= 0):
            end = self.projected_end_t
            waits.append(_until_grid(end, -wall_offset_s, 60.0))  # its clock time
            waits.append(_until_grid(end, self.planned_end_t + 30.0, 60.0))  # late, nearest min
            hard = self.hard_end_t
            if hard is not None:
                waits.append(_until_grid(end, hard, 30.0))  # slack; 30 s past it
            next_start = t + max(0.0, self.remaining_s)
            waits.append(_until_grid(next_start, -wall_offset_s, 60.0))
        return min(waits)

    # -- schedule -------------------------------------------------------------------------

    @property
    def planned_end_t(self) -> float:
        return self.planned_start_t + self.plan.total_s

    @property
    def late_s(self) -> float:
        """Positive when the session will end after its planned end, negative when early."""
        return self.projected_end_t - self.planned_end_t

    @property
    def hard_end_t(self) -> float | None:
        slot = self.plan.slot_s
        return None if slot is None else self.planned_start_t + slot

    @property
    def catch_up_target_t(self) -> float:
        """What a catch-up plan aims at: the hard end of the slot, else the planned end."""
        hard = self.hard_end_t
        return hard if hard is not None else self.planned_end_t

    @property
    def needs_catch_up(self) -> bool:
        """Heading past the catch-up target by more than CATCH_UP_MARGIN_S, still running:
        the moderator window offers the catch-up plan (a few seconds late is not worth it)."""
        if self.status is Status.ENDED:
            return False
        return self.projected_end_t > self.catch_up_target_t + CATCH_UP_MARGIN_S

    @property
    def finished(self) -> bool:
        """The session was ended (an End that no undo took back): its figures are final."""
        return self.status is Status.ENDED

    @property
    def slack_s(self) -> float | None:
        """Time left between the projected end and the hard end of the slot."""
        hard = self.hard_end_t
        return None if hard is None else hard - self.projected_end_t

    # -- rows -----------------------------------------------------------------------------

    def row_state(self, index: int) -> RowState:
        if index == self.current and self.status is not Status.ENDED:
            return RowState.CURRENT
        if self._state.first_start[index] is not None:
            return RowState.DONE
        if self.status is Status.ENDED or index < self.current:
            return RowState.SKIPPED
        return RowState.UPCOMING

    def planned_of(self, index: int) -> float:
        """Planned duration of a segment now (catch-up and adjustments included)."""
        return self._state.planned(index)

    def actual_of(self, index: int) -> float:
        """Time the segment was current, pauses included (0 if it never ran)."""
        if index == self.current:
            return self.occupied_s
        return self._state.occupied[index]

    def active_of(self, index: int) -> float:
        if index == self.current:
            return self.active_s
        return self._state.active[index]

    def started_at_of(self, index: int) -> float | None:
        return self._state.first_start[index]

    def ended_at_of(self, index: int) -> float | None:
        """When it last stopped being current; None while it is the current one."""
        if index == self.current and self.status is not Status.ENDED:
            return None
        return self._state.last_end[index]

    def planned_start_of(self, index: int) -> float:
        return self.planned_start_t + self.plan.segments[index].offset_s

    def _projection_base(self) -> float:
        """When the segment after the current one starts, at the present pace."""
        state = self._state
        base = self.t if self.started_at is not None else max(self.t, self.planned_start_t)
        if self.status is not Status.READY:
            base += max(0.0, self.remaining_s)
        elif self.segment.ends_at is not None:  # not started: it still ends at its clock time
            end = state.ends_at_t(self.current)
            assert end is not None
            base = max(base, end)
        else:
            base += max(0.0, state.remaining(self.current))
        return base

    def projected_start_of(self, index: int) -> float | None:
        """When an upcoming segment should start at the present pace (None for the past)."""
        if index <= self.current:
            return None
        return self._state.project_start(self._projection_base(), index)

    def projected_starts(self) -> tuple[float | None, ...]:
        """``projected_start_of`` for every segment, in one pass (the remote server's STATE
        lists them all at each push: one call each would be quadratic in the segments)."""
        n = len(self.plan.segments)
        out: list[float | None] = [None] * min(n, self.current + 1)
        if self.current + 1 >= n:
            return tuple(out)
        return (*out, *self._state.project_starts(self._projection_base()))

    def intervals_of(self, index: int) -> tuple[tuple[float, float], ...]:
        """When the segment held the room, as (from, to) on the time line; the current one's
        last interval runs to now."""
        state = self._state
        spans = tuple((a, b) for seg, a, b in state.spans() if seg == index)
        if index == state.current and state.span_open is not None:
            spans += ((state.span_open, self.t),)
        return spans

    def all_intervals(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        """``intervals_of`` for every segment, in one pass over the spans (a chart of a long
        day asks for all of them)."""
        state = self._state
        out: list[list[tuple[float, float]]] = [[] for _ in self.plan.segments]
        for seg, a, b in state.spans():
            out[seg].append((a, b))
        if state.span_open is not None:
            out[state.current].append((state.span_open, self.t))
        return tuple(tuple(x) for x in out)

    # -- the figures a user reads about a segment (one definition each; ARCHITECTURE.md) ----

    def over_countdown_of(self, index: int) -> float | None:
        """How far past its countdown the segment ran: countdown time used (pauses excluded)
        minus the planned duration *now* (added minutes and catch-up included). Positive:
        it went into overtime by that much; negative: it stopped with that much left. None
        for a segment that never ran (nothing was counted: no figure, rather than minus its
        whole plan)."""
        if self._state.first_start[index] is None:
            return None
        over = self.active_of(index) - self.planned_of(index)
        if self.plan.segments[index].timer is TimerType.COUNTUP:
            return min(0.0, over)  # a count-up has no limit: never past its countdown
        return over

    def longer_than_planned_of(self, index: int) -> float | None:
        """How much longer than the running order said the segment held the room: clock
        time while it was current (pauses included) minus its duration as printed. Negative
        when it was shorter; None for a segment that never ran."""
        if self._state.first_start[index] is None:
            return None
        return self.actual_of(index) - self.plan.segments[index].planned_s

    def paused_of(self, index: int) -> float:
        """Time lost to pauses while the segment was current."""
        return max(0.0, self.actual_of(index) - self.active_of(index))

    def start_delay_of(self, index: int) -> float | None:
        """How late (positive) or early the segment first started against its planned clock
        time; None if it never ran."""
        started = self.started_at_of(index)
        return None if started is None else started - self.planned_start_of(index)

    def part_left_of(self, part_index: int) -> float:
        """A part's budget left: its budget minus the countdown time its segments used."""
        part = self.plan.parts[part_index]
        return part.budget_s - self.part_used_of(part_index)

    def part_used_of(self, part_index: int) -> float:
        """The countdown time a part's segments used (pauses excluded): what its budget pays."""
        part = self.plan.parts[part_index]
        return sum(self.active_of(i) for i in part.segment_indices)

    def part_actual_of(self, part_index: int) -> float:
        """The clock time a part's segments held the room (pauses included), as a segment's
        actual time is counted: the running order's Actual column for a part."""
        part = self.plan.parts[part_index]
        return sum(self.actual_of(i) for i in part.segment_indices)

    def part_over_of(self, part_index: int) -> bool:
        """The part went past its budget (some of it is already borrowed from later ones)."""
        return self.part_left_of(part_index) < 0

    @property
    def held_s(self) -> float:
        """How long the session has held the room: from its start to its end, or to now."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else self.t
        return max(0.0, end - self.started_at)

    @property
    def warning_at_s(self) -> int:
        """The warning threshold in force for the current segment (never past its plan)."""
        return min(self.segment.warning_s, round(self.planned_s))

    @property
    def final_at_s(self) -> int:
        """The final threshold in force for the current segment (never past its plan)."""
        return min(self.segment.final_s, round(self.planned_s))

    @property
    def pauses(self) -> tuple[tuple[float, float | None], ...]:
        return tuple(self._state.pauses)

    @property
    def gaps(self) -> tuple[tuple[float, float], ...]:
        """(t, seconds) for each time the app came back after being down."""
        return tuple(self._state.gaps)


CATCH_UP_MARGIN_S = 30.0


def _until_grid(x: float, anchor: float, step: float) -> float:
    """Seconds until ``x``, growing a second a second, next reaches ``anchor + k·step``."""
    left = (anchor - x) % step
    return left if left > 0 else step


def build_snapshot(state: State, t: float) -> Snapshot:
    """Read the figures off a state already advanced to ``t``."""
    cur = state.current
    seg = state.plan.segments[cur]
    planned = state.planned(cur)
    active = state.active[cur]
    remaining = planned - active
    part = state.plan.parts[seg.part]
    part_used = sum(state.active[i] for i in part.segment_indices)
    planned_start_t = state.anchor_t()
    if state.status is Status.ENDED:
        projected_end = state.ended_at if state.ended_at is not None else t
    elif state.status is Status.READY:
        if seg.ends_at is not None:  # not started: it still ends at its clock time
            end = state.ends_at_t(cur)
            assert end is not None
            remaining = max(0.0, end - max(t, planned_start_t))
        projected_end = state.project_end(max(t, planned_start_t) + max(0.0, remaining))
    else:
        projected_end = state.project_end(t + max(0.0, remaining))
    warning, final = min(seg.warning_s, planned), min(seg.final_s, planned)  # as *_at_s say
    phase = phase_of(remaining, round(warning), round(final))
    if seg.timer is TimerType.COUNTUP:
        phase = Phase.NORMAL  # elapsed time, no limit: never warning nor overtime
    return Snapshot(
        t=t,
        status=state.status,
        plan=state.plan,
        current=cur,
        planned_s=planned,
        active_s=active,
        occupied_s=state.occupied[cur],
        remaining_s=remaining,
        phase=phase,
        part_used_s=part_used,
        message=state.message,
        blink=state.blink,
        blackout=state.blackout,
        started_at=state.started_at,
        ended_at=state.ended_at,
        paused_s=state.paused_s,
        projected_end_t=projected_end,
        planned_start_t=planned_start_t,
        _state=state,
    )
