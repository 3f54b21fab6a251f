"""The catch-up plan: new durations for what is still to come, so a late session lands on time.

The order of sacrifice is the one moderators use: question slots shrink first, then breaks,
then talks (never below a floor, 60 % of their plan by default); the conclusion is kept whole.
The proposal is only a proposal: applying it is one ``ApplyCatchUp`` event, and undo takes it
back like any other control.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.engine.events import ApplyCatchUp
from app.engine.snapshot import CATCH_UP_MARGIN_S, Snapshot
from app.model.schema import SegmentKind

TALK_FLOOR = 0.6
QA_FLOOR = 0.0
BREAK_FLOOR = 0.5
MIN_SEGMENT_S = 60  # nothing is proposed shorter than a minute: it would be a skip, not a cut

# Shrunk in this order; a kind absent here (conclusion) is kept.
_TIERS: tuple[tuple[frozenset[SegmentKind], float], ...] = (
    (frozenset({SegmentKind.QA}), QA_FLOOR),
    (frozenset({SegmentKind.BREAK}), BREAK_FLOOR),
    (
        frozenset({SegmentKind.TALK, SegmentKind.PANEL, SegmentKind.INTRO, SegmentKind.OTHER}),
        TALK_FLOOR,
    ),
)


@dataclass(frozen=True)
class CatchUpPlan:
    target_t: float  # the end it aims at, on the session time line
    late_by_s: float  # how far past the target the session would end without it (<= 0: on time)
    durations: tuple[tuple[int, int], ...]  # (segment, new planned seconds), only changed ones
    short_by_s: int  # what even the deepest cuts cannot recover (0 when the target is met)

    @property
    def needed(self) -> bool:
        """The one rule (Snapshot.needs_catch_up): more than CATCH_UP_MARGIN_S past the target."""
        return self.late_by_s > CATCH_UP_MARGIN_S

    @property
    def feasible(self) -> bool:
        return self.short_by_s == 0

    @property
    def saved_s(self) -> int:
        return round(self.late_by_s) - self.short_by_s if self.needed else 0

    def as_event(self, t: float) -> ApplyCatchUp:
        return ApplyCatchUp(t=t, durations=self.durations)


def propose_catch_up(
    snap: Snapshot, *, talk_floor: float = TALK_FLOOR, target_t: float | None = None
) -> CatchUpPlan:
    """Propose durations for the segments after the current one so the session ends by the
    hard end (or the planned end when the session has none)."""
    if target_t is None:
        target_t = snap.catch_up_target_t
    late = snap.projected_end_t - target_t
    if late <= CATCH_UP_MARGIN_S or snap.ended:  # the rule of Snapshot.needs_catch_up
        return CatchUpPlan(target_t, late, (), 0)
    # An ``ends_at`` segment is a fixed point: it is never cut, and the segments before it
    # need cutting only as far as they would run past its clock time (it absorbs the rest).
    # So the segments to come are cut window by window: up to each fixed point, by how far
    # the window overshoots it; after the last one, by how far the session misses the target.
    n = len(snap.plan.segments)
    fixed = [j for j in range(snap.current + 1, n) if snap.ends_at_of(j) is not None]
    new: dict[int, int] = {}
    lo = snap.current + 1
    for f in [*fixed, n]:
        window = range(lo, f)
        if f < n:  # up to a fixed point: only as far as the window runs past it
            end_f = snap.ends_at_of(f)
            assert end_f is not None
            over = _schedule(snap, new, f) - end_f
        else:
            over = _schedule(snap, new, n) - target_t
        # Never more than the session is still late: time to spare after it counts too.
        need = math.ceil(min(over, _schedule(snap, new, n) - target_t) - 1e-9)
        if need > 0:
            _cut(snap, window, need, talk_floor, new)
        lo = f + 1
    short = max(0, math.ceil(_schedule(snap, new, n) - target_t - 1e-9))
    return CatchUpPlan(
        target_t=target_t,
        late_by_s=late,
        durations=tuple(sorted(new.items())),
        short_by_s=short,
    )


def _schedule(snap: Snapshot, new: dict[int, int], index: int) -> float:
    """When segment ``index`` would start (``len(segments)``: when the session would end)
    with the durations ``new``: each runs what is left of it, an ``ends_at`` segment ends at
    its clock time (at once, when reached after it)."""
    n = len(snap.plan.segments)
    if snap.current + 1 >= n:
        return snap.projected_end_t
    base = snap.projected_start_of(snap.current + 1)
    assert base is not None
    for j in range(snap.current + 1, index):
        end = snap.ends_at_of(j)
        if end is not None:
            base = max(base, end)
        else:
            base += max(0.0, new.get(j, snap.planned_of(j)) - snap.active_of(j))
    return base


def _cut(snap: Snapshot, future: range, need: int, talk_floor: float, new: dict[int, int]) -> int:
    """Cut ``need`` seconds from the segments of ``future``, in the order of sacrifice,
    into ``new``; what could not be cut."""
    for kinds, floor in _TIERS:
        if need <= 0:
            break
        floor_for = talk_floor if SegmentKind.TALK in kinds else floor
        room: dict[int, int] = {}
        for j in future:
            seg = snap.plan.segments[j]
            if seg.kind not in kinds or seg.ends_at is not None:
                continue
            planned = round(snap.planned_of(j))
            # Whole seconds already used, rounded up: a new duration never falls below what
            # the segment has run, so every second cut is a second saved.
            used = math.ceil(snap.active_of(j))
            if planned - used <= 0:
                continue
            floor_s = math.ceil(seg.planned_s * floor_for)
            lowest = max(floor_s, MIN_SEGMENT_S, used)
            cut = max(0, planned - lowest)
            if cut > 0:
                room[j] = cut
        total_room = sum(room.values())
        if total_room == 0:
            continue
        take = min(need, total_room)
        # Proportional to each segment's room, in whole seconds that add up to ``take``.
        shares = {j: take * r // total_room for j, r in room.items()}
        rest = take - sum(shares.values())
        for j in sorted(room, key=lambda j: room[j] - shares[j], reverse=True):
            if rest == 0:
                break
            if shares[j] < room[j]:
                shares[j] += 1
                rest -= 1
        for j, cut in shares.items():
            if cut > 0:
                new[j] = round(snap.planned_of(j)) - cut
        need -= take
    return max(0, need)
