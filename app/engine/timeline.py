"""The time line of a session: the one fold of its events, at any instant.

Everything that reads a session reads it through a ``Timeline``: the live app (events are
appended as the moderator gives them), crash recovery (a log is folded once), replay (seeks
back and forth), the chart, the past-sessions list and the reports. The rules of what each
event does live in ``_state`` alone; this module only decides *which* events count and
*when*:

- The time line never goes back: an event stamped before the one preceding it is dropped.
- Undo is resolved here and only here: it takes back the last control not yet taken back, as
  if it had never been given (the fold runs again without it, so the time since then counts
  for whatever was active before). Non-controls (``Resumed``, ``PlanChanged``) are never
  taken back.
- The fold is incremental. ``_Fold`` keeps a *mark* (a copy of the folded state) every
  ``mark_every`` events still in force, so an undo folds again from the nearest mark, not
  from the start; a ``Timeline`` keeps *checkpoints* (the fold after every ``every`` events),
  made on demand by a fold that only moves forward, so a seek folds at most ``every``
  events. The live app never seeks: it keeps few marks, and only the last ``LIVE_MARKS_KEPT``
  of them besides the start (a mark is a copy of every segment's figures: memory stays flat
  over a long day; an undo reaching further back folds again from the start, as every undo
  did before marks), and replay keeps many (undo while scrubbing stays instant).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from operator import attrgetter

from app.engine._state import State
from app.engine.events import Auto, Event, PlanChanged, Undo
from app.engine.snapshot import Snapshot, build_snapshot
from app.model.plan import Plan, same_segments

_T = attrgetter("t")  # an event's instant: the key the time line is searched by
CHECKPOINT_EVERY = 200  # events between two saved folds: bounds a seek's work
LIVE_MARK_EVERY = 1024  # events in force between two saved states, live: memory stays flat
LIVE_MARKS_KEPT = 1  # the live fold's marks kept besides the start (the oldest are dropped)
REPLAY_MARK_EVERY = 16  # the same for replay: undo while scrubbing refolds a few events


class _Fold:
    """The fold of a log's first events, one event at a time, undo included.

    ``effective`` holds the events still in force (an undo removes its control from it);
    ``stack`` the positions in it of the controls undo can still take back, last on top;
    ``marks`` the state after every ``mark_every`` effective events (the start always, and
    at most ``marks_kept`` others: the latest). States in ``marks`` are never mutated, which
    makes copying a _Fold cheap.
    """

    __slots__ = ("effective", "mark_every", "marks", "marks_kept", "stack", "state", "taken_back")

    def __init__(self, state: State, mark_every: int, marks_kept: int | None = None) -> None:
        self.state = state
        self.mark_every = max(1, mark_every)
        self.marks_kept = marks_kept
        self.effective: list[Event] = []
        self.stack: list[int] = []
        self.marks: list[tuple[int, State]] = [(0, state.copy())]
        self.taken_back: list[tuple[Undo, Event]] = []  # each undo and the control it took

    def copy(self) -> _Fold:
        other = _Fold.__new__(_Fold)
        other.state = self.state.copy()
        other.mark_every = self.mark_every
        other.marks_kept = self.marks_kept
        other.effective = self.effective.copy()
        other.stack = self.stack.copy()
        other.marks = self.marks.copy()
        other.taken_back = self.taken_back.copy()
        return other

    def step(self, event: Event) -> None:
        if isinstance(event, Undo):
            if self.stack:
                position = self.stack.pop()
                self.taken_back.append((event, self.effective[position]))
                self._take_back(position)
            self.state.advance(event.t)
            return
        if event.undoable:
            self.stack.append(len(self.effective))
        self.effective.append(event)
        self._fold_one(event)

    def load(self, events: Sequence[Event]) -> None:
        """Fold a whole log into this fresh fold at once: the same result as ``step`` for
        each event, but every Undo is resolved first, in one pass, so the events still in
        force are folded once (``step`` would refold from a mark at each undo)."""
        assert not self.effective and not self.stack, "load() starts from an empty fold"
        kept: list[Event | None] = []
        stack: list[int] = []  # indices in ``kept`` of the controls undo can take back
        # ... and where each will stand among the events in force: its index less the
        # controls taken back before it. (Those taken back later stood above it on the
        # stack, so after it in the log: ``gone`` when it is given is the count.)
        positions = self.stack
        keep, took = kept.append, self.taken_back.append
        gone = 0
        for event in events:
            if isinstance(event, Undo):
                if stack:
                    position = stack.pop()
                    positions.pop()
                    taken = kept[position]
                    assert taken is not None
                    took((event, taken))
                    kept[position] = None
                    gone += 1
                continue
            if event.undoable:
                stack.append(len(kept))
                positions.append(len(kept) - gone)
            keep(event)
        self.effective = [e for e in kept if e is not None]
        # Folded a mark's stretch at a time, in State.fold's one loop.
        every, state = self.mark_every, self.state
        for start in range(0, len(self.effective), every):
            stretch = self.effective[start : start + every]
            state.fold(stretch)
            if len(stretch) == every:
                self._mark(start + every)
        if events:
            self.state.advance(events[-1].t)  # an undo last: its time has passed too

    def _fold_one(self, event: Event) -> None:
        self.state.fold_one(event)
        if len(self.effective) - self.marks[-1][0] >= self.mark_every:
            self._mark(len(self.effective))

    def _mark(self, count: int) -> None:
        """Save the state after the first ``count`` events in force."""
        self.marks.append((count, self.state.copy()))
        if self.marks_kept is not None and len(self.marks) > self.marks_kept + 1:
            del self.marks[1]  # the oldest but the start

    def _take_back(self, position: int) -> None:
        # Only non-controls (resumed, plan changed) can follow the control on top of the
        # stack: any control after it was taken back already. Fold them again without it.
        del self.effective[position]
        while self.marks[-1][0] > position:
            self.marks.pop()
        length, base = self.marks[-1]
        rest = self.effective[length:]
        del self.effective[length:]
        self.state = base.copy()
        for event in rest:
            self.effective.append(event)
            self._fold_one(event)


class Timeline:
    """A plan and the events of its session: the snapshot at any instant, and the live head.

    ``Timeline(plan, events)`` folds a logged session; ``append`` adds the moderator's next
    control (only one that changes something is taken: the app logs only those).
    """

    def __init__(
        self,
        plan: Plan,
        events: Iterable[Event] = (),
        *,
        planned_start_t: float = 0.0,
        on_planned_date: bool = True,
        every: int = CHECKPOINT_EVERY,
        mark_every: int = LIVE_MARK_EVERY,
        marks_kept: int | None = LIVE_MARKS_KEPT,
    ) -> None:
        self.initial_plan = plan  # the log header's plan; PlanChanged events may follow it
        # The printed planned start on the time line, and whether the session runs on its
        # planned date: what auto anchoring decides by (ARCHITECTURE.md §3).
        self.planned_start_t = planned_start_t
        self.on_planned_date = on_planned_date
        self.every = max(1, every)
        self._mark_every = mark_every
        self._marks_kept = marks_kept
        # (Searched by time through each event's t: no second list of the instants is kept,
        # the live app holds every event of the day.)
        ordered = list(events)
        times = list(map(_T, ordered))
        self._events: list[Event] = ordered
        if times != sorted(times):  # (a log's events are in order: checked in C, kept whole)
            self._events = []
            keep, last = self._events.append, float("-inf")
            for event, t in zip(ordered, times, strict=True):
                if t >= last:
                    keep(event)
                    last = t
        # The head (the fold of every event) is folded when first read: opening a long log
        # to show its start costs nothing. Checkpoints are made on demand, in order, by a
        # fold that only moves forward: the first seek far into a log folds up to there once.
        self._head_fold = _Fold(self._fresh(plan), mark_every, marks_kept)
        self._head_count = 0
        self._checkpoints: list[_Fold] | None = None
        self._builder: tuple[int, _Fold] | None = None
        self._cursor: tuple[int, _Fold] | None = None

    def _fresh(self, plan: Plan) -> State:
        return State(plan, self.planned_start_t, self.on_planned_date)

    @property
    def _head(self) -> _Fold:
        """The fold of every event so far (the live state)."""
        fold = self._head_fold
        if self._head_count == 0 and self._events:  # a log read whole: one pass
            fold.load(self._events)
            self._head_count = len(self._events)
        while self._head_count < len(self._events):
            fold.step(self._events[self._head_count])
            self._head_count += 1
        return fold

    @classmethod
    def for_replay(
        cls,
        plan: Plan,
        events: Iterable[Event],
        *,
        planned_start_t: float = 0.0,
        on_planned_date: bool = True,
    ) -> Timeline:
        """A time line to scrub: many marks, so undo while seeking stays instant."""
        return cls(
            plan,
            events,
            planned_start_t=planned_start_t,
            on_planned_date=on_planned_date,
            mark_every=REPLAY_MARK_EVERY,
            marks_kept=None,
        )

    # -- what the log holds ---------------------------------------------------------------

    @property
    def events(self) -> tuple[Event, ...]:
        """The events on the time line, in order (an event stamped in the past dropped)."""
        return tuple(self._events)

    @property
    def last_t(self) -> float:
        """The last event's instant (0 before any): the end of what the log knows."""
        return self._events[-1].t if self._events else 0.0

    end_t = last_t

    @property
    def effective(self) -> tuple[Event, ...]:
        """The events that count once every Undo has taken back its control."""
        return tuple(self._head.effective)

    @property
    def taken_back(self) -> tuple[tuple[Undo, Event], ...]:
        """Each Undo that took something back, with the control it took back."""
        return tuple(self._head.taken_back)

    @property
    def plan(self) -> Plan:
        """The plan in force at the end: the header's, or the last edit taken in."""
        return self._head.state.plan

    def day_of(self, t: float) -> int:
        """Days after the planned start's day at session time ``t``: 1 past midnight of an
        evening (the plan in force says which clock time the planned start is)."""
        return self.plan.day_at(t - self.planned_start_t)

    @property
    def can_undo(self) -> bool:
        return bool(self._head.stack)

    def count_at(self, t: float) -> int:
        """How many events had happened at ``t`` (an event at exactly ``t`` has)."""
        return bisect.bisect_right(self._events, t, key=_T)

    def previous_event_t(self, t: float) -> float | None:
        """The last event strictly before ``t``."""
        i = bisect.bisect_left(self._events, t, key=_T)
        return self._events[i - 1].t if i > 0 else None

    def next_event_t(self, t: float) -> float | None:
        """The first event strictly after ``t``."""
        i = bisect.bisect_right(self._events, t, key=_T)
        return self._events[i].t if i < len(self._events) else None

    # -- the live head --------------------------------------------------------------------

    def accepts(self, event: Event) -> bool:
        """Whether ``event`` would change anything now (only such events are logged)."""
        head = self._head.state
        if isinstance(event, Undo):
            return bool(self._head.stack)
        if event.t < head.t:
            return False
        probe = head.copy()
        probe.advance(event.t)
        return probe.accepts(event)

    def append(self, event: Event) -> bool:
        """Fold one more event; False (and nothing kept) when it changes nothing."""
        if not self.accepts(event):
            return False
        head = self._head  # folded up to the last event (accepts read it)
        self._events.append(event)
        head.step(event)
        self._head_count += 1
        return True

    apply = append  # the live app's word for it

    def record(self, event: Auto) -> None:
        """Keep the log's record of something the engine did by itself (its line is written):
        folding it changes nothing, the fold derived it already."""
        if self._events and event.t < self._events[-1].t:
            return
        head = self._head
        self._events.append(event)
        head.step(event)
        self._head_count += 1

    def autos_unchanged(self, node: object, t: float) -> bool:
        """Whether nothing was done by itself since the head's record was ``node`` (see
        ``autos_node``) and nothing will be up to ``t``: the live tick's cheap check."""
        head = self._head.state
        if head.autos_last is not node or t < self.last_t:
            return False
        due = head.next_auto()
        return due is None or due[0] > t

    @property
    def autos_node(self) -> object:
        """The head's record of what was done by itself, as an opaque marker."""
        return self._head.state.autos_last

    def autos(self, t: float) -> list[tuple[float, str, int, str]]:
        """What the engine did by itself up to ``t`` (at, action, segment, cause)."""
        if t >= self.last_t:
            head = self._head.state
            due = head.next_auto()
            if due is None or due[0] > t:  # nothing more happens by itself up to t
                return head.autos()
            state = head.copy()
        else:
            state = self._fold_of(self.count_at(t)).state.copy()
        state.advance(t)
        return state.autos()

    # -- any instant ----------------------------------------------------------------------

    def snapshot(self, t: float) -> Snapshot:
        """Everything a view shows at ``t`` (before the first event: the plan, not started)."""
        if t >= self.last_t:
            # The live path: what the segments after the current one still need is summed
            # once per event, on the head's own state, and carried by each copy.
            head = self._head.state
            head.future_chunks()
            state = head.copy()
        else:
            state = self._fold_of(self.count_at(t)).state.copy()
        state.advance(t)
        # (Before the origin, t < 0, a session not started reads the instant asked for.)
        shown = max(t, state.t) if self._events else t
        return build_snapshot(state, shown)

    def final(self) -> Snapshot:
        """The snapshot at the last event: what a report of the log reads."""
        return self.snapshot(self.last_t)

    def _checkpoint(self, k: int) -> _Fold:
        """The fold of the first ``k × every`` events."""
        if self._checkpoints is None or self._builder is None:
            start = _Fold(self._fresh(self.initial_plan), self._mark_every, self._marks_kept)
            self._checkpoints = [start.copy()]
            self._builder = (0, start)
        at, fold = self._builder
        while len(self._checkpoints) <= k:
            for event in self._events[at : at + self.every]:
                fold.step(event)
            at += self.every
            self._checkpoints.append(fold.copy())
        self._builder = (at, fold)
        return self._checkpoints[k]

    def _fold_of(self, count: int) -> _Fold:
        """The fold of the first ``count`` events, from the nearest checkpoint or the cursor."""
        if self._cursor is not None and self._cursor[0] <= count < self._cursor[0] + self.every:
            at, fold = self._cursor
        else:
            at = (count // self.every) * self.every
            fold = self._checkpoint(count // self.every).copy()
        for event in self._events[at:count]:
            fold.step(event)
        self._cursor = (count, fold)
        return fold


def fold(
    plan: Plan,
    events: Iterable[Event],
    t: float,
    planned_start_t: float = 0.0,
    on_planned_date: bool = True,
) -> Snapshot:
    """The snapshot at ``t`` of a session whose log holds ``events``: the whole semantics in
    one call (the tests' oracle for live, replay and recovery)."""
    kept = [e for e in events if e.t <= t]
    return Timeline(
        plan, kept, planned_start_t=planned_start_t, on_planned_date=on_planned_date
    ).snapshot(t)


def plan_in_force(plan: Plan, events: Iterable[Event]) -> Plan:
    """The plan after the edits taken in during the session, without folding: a PlanChanged
    is never undone and is taken exactly when it keeps the segments (as the fold takes it),
    so a scan gives what ``Timeline(plan, events).plan`` gives, for a fraction of the cost."""
    for event in events:
        if isinstance(event, PlanChanged) and same_segments(plan, event.plan):
            plan = event.plan
    return plan
