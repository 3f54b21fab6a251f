"""The engine: a fold of the event log, with undo (design.md §2).

``fold(plan, events, t)`` is the whole semantics. ``Engine`` is the same fold kept up to date
incrementally, so that the UI's snapshot on every repaint costs a copy of the folded state
and a few sums, not a replay of the log. Undo is resolved before folding: an undone control
is dropped from the effective history and the fold runs again, so the time since then counts
for whatever was active before — as if the control had never been given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.engine.events import Event, PlanChanged, Undo
from app.engine.snapshot import Snapshot, build_snapshot
from app.engine.state import State, same_segments
from app.model.plan import Plan


def _resolve_undos(events: Iterable[Event]) -> tuple[list[Event], list[Event | None], list[int]]:
    """One pass over a log: the events in time order, which of them still count once every
    Undo took back its control (None where taken back), and the controls undo can still take
    back (indices, last on top). An event stamped before the one preceding it is dropped: the
    time line never goes back.
    """
    ordered: list[Event] = []
    kept: list[Event | None] = []
    stack: list[int] = []
    last_t = 0.0
    for event in events:
        if event.t < last_t:
            continue
        last_t = event.t
        ordered.append(event)
        if isinstance(event, Undo):
            kept.append(None)
            if stack:
                kept[stack.pop()] = None
            continue
        if event.undoable:
            stack.append(len(kept))
        kept.append(event)
    return ordered, kept, stack


def plan_in_force(plan: Plan, events: Iterable[Event]) -> Plan:
    """The plan after the edits taken in during the session (PlanChanged events), which is
    what the moderator ran: reports and charts compare the actual times with it."""
    for event in events:
        if isinstance(event, PlanChanged) and same_segments(plan, event.plan):
            plan = event.plan
    return plan


def effective_events(events: Iterable[Event]) -> list[Event]:
    """The events that count once every Undo has taken back its control."""
    return [e for e in _resolve_undos(events)[1] if e is not None]


def fold_state(plan: Plan, events: Iterable[Event], t: float | None = None) -> State:
    """Fold the effective events (those at or before ``t`` when given) into a State."""
    state = _fold_effective(plan, effective_events(e for e in events if t is None or e.t <= t))
    if t is not None:
        state.advance(t)
    return state


def _fold_effective(plan: Plan, effective: Iterable[Event]) -> State:
    state = State(plan)
    state.fold(effective)
    return state


def fold(plan: Plan, events: Iterable[Event], t: float, planned_start_t: float = 0.0) -> Snapshot:
    """The snapshot at ``t`` of a session whose log holds ``events``."""
    return build_snapshot(fold_state(plan, events, t), t, planned_start_t)


class Engine:
    """A plan, its events so far and the folded state; the UI's and replay's one source."""

    def __init__(
        self, plan: Plan, events: Sequence[Event] = (), *, planned_start_t: float = 0.0
    ) -> None:
        self.initial_plan = plan  # the log header's plan; PlanChanged events may follow it
        self.planned_start_t = planned_start_t
        # A log is folded in one pass, as fold_state does: the engine that continues a crashed
        # session and the report or replay of its log read the same events the same way.
        ordered, kept, stack = _resolve_undos(events)
        self._events: list[Event] = ordered
        self._undoable: list[int] = stack  # indices in _events of controls undo can take back
        self._state = _fold_effective(plan, [e for e in kept if e is not None])
        if ordered:
            self._state.advance(ordered[-1].t)

    @property
    def plan(self) -> Plan:
        """The plan in force now: the header's, or the last edit taken in."""
        return self._state.plan

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(self._events)

    @property
    def last_t(self) -> float:
        return self._events[-1].t if self._events else 0.0

    @property
    def can_undo(self) -> bool:
        return bool(self._undoable)

    def accepts(self, event: Event) -> bool:
        """Whether ``event`` would change anything (only such events are logged)."""
        if isinstance(event, Undo):
            return bool(self._undoable)
        if event.t < self._state.t:
            return False
        probe = self._state.copy()
        probe.advance(event.t)
        return probe.accepts(event)

    def apply(self, event: Event) -> bool:
        """Fold one more event; False (and nothing kept) when it changes nothing."""
        if event.t < self._state.t:
            return False
        if isinstance(event, Undo):
            if not self._undoable:
                return False
            self._undoable.pop()
            self._events.append(event)
            self._state = fold_state(self.initial_plan, self._events)
            self._state.advance(event.t)
            return True
        self._state.advance(event.t)
        if not self._state.accepts(event):
            return False
        self._state.apply(event)
        if event.undoable:
            self._undoable.append(len(self._events))
        self._events.append(event)
        return True

    def snapshot(self, t: float) -> Snapshot:
        """Everything a view shows at ``t`` (t before the last event shows the last event)."""
        # What the segments after the current one still need is summed once per event, on
        # the engine's own state, and carried by each copy: a repaint does not sum 500 rows.
        self._state.future_left()
        state = self._state.copy()
        state.advance(t)
        return build_snapshot(state, max(t, state.t), self.planned_start_t)
