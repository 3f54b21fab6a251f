"""Which sound cue is due: a pure decision over the snapshots a view is shown
(ARCHITECTURE.md, "Sound cues"). The same in live and replay: it reads Snapshots only, and
remembers what it rang in a frozen ``CueWatch`` that the caller keeps and hands back.

Three cues: WARNING when the countdown reaches the warning threshold, FINAL at the final one,
ZERO when it turns to overtime. The rule:

- a cue is due when the phase the room sees moves *forward* within the same segment, between
  two looks (the tick driver looks at each shown change, so at each threshold);
- each cue rings at most once per segment and session: a ±1 min that moves the countdown back
  over a threshold and forward again, an undo that takes back a control, a Previous and Next
  back to a segment rings nothing it rang before;
- a jump over several thresholds at once (−1 min, a late wake-up) rings the last one reached
  only, and counts the ones jumped over as rung;
- the first look at a segment (the session's start, a Next, a restart after a crash) primes
  the watch and rings nothing: a segment that begins already in its final phase does not ring
  for it; nothing rings while the session is ready or ended;
- but a segment that reached zero between two looks and handed over to the next by itself
  (``end_action = "next"``) rings ZERO for itself, as if it had been seen at +00:00.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from app.engine._state import Status
from app.engine.display import Phase
from app.engine.snapshot import Snapshot


class Cue(StrEnum):
    WARNING = "warning"
    FINAL = "final"
    ZERO = "zero"


_RANK: dict[Phase, int] = {Phase.NORMAL: 0, Phase.WARNING: 1, Phase.FINAL: 2, Phase.OVERTIME: 3}
_CUES_BY_RANK: tuple[Cue, ...] = (Cue.WARNING, Cue.FINAL, Cue.ZERO)  # rank 1, 2, 3


class Due(NamedTuple):
    """A cue to play now, and the segment it rings for."""

    segment: int
    cue: Cue


@dataclass(frozen=True, slots=True)
class CueWatch:
    """What the decision remembers between two looks: the segment and phase last seen (None
    before the first look at a counting session), and every (segment, cue) already rung."""

    seen: tuple[int, Phase] | None = None
    rung: frozenset[tuple[int, Cue]] = field(default_factory=frozenset)


def cue_due(watch: CueWatch, snap: Snapshot) -> tuple[CueWatch, Due | None]:
    """The watch after looking at ``snap``, and the cue to play now (None: nothing)."""
    if snap.status not in (Status.RUNNING, Status.PAUSED):
        return (watch if watch.seen is None else CueWatch(None, watch.rung)), None
    here = (snap.current, snap.phase)
    seen = watch.seen
    if seen is not None and seen[0] != snap.current and _RANK[seen[1]] < _RANK[Phase.OVERTIME]:
        over = snap.over_countdown_of(seen[0]) if seen[0] < len(snap.plan.segments) else None
        if over is not None and over >= 0 and seen[0] < snap.current:  # it ran out, went on
            rung = watch.rung | {(seen[0], c) for c in _CUES_BY_RANK}
            zero = None if (seen[0], Cue.ZERO) in watch.rung else Due(seen[0], Cue.ZERO)
            return CueWatch(here, rung), zero
    if seen is None or seen[0] != snap.current or _RANK[snap.phase] <= _RANK[seen[1]]:
        return (watch if seen == here else CueWatch(here, watch.rung)), None
    rank = _RANK[snap.phase]
    cue = _CUES_BY_RANK[rank - 1]
    passed = frozenset((snap.current, c) for c in _CUES_BY_RANK[:rank])
    due = None if (snap.current, cue) in watch.rung else Due(snap.current, cue)
    return CueWatch(here, watch.rung | passed), due


def cues_over(snapshots: Iterable[Snapshot]) -> list[tuple[float, int, Cue]]:
    """Every cue a sequence of looks rings: (instant, segment, cue), in order (replay and tests
    feed it the snapshots a live session would have shown)."""
    watch = CueWatch()
    rung: list[tuple[float, int, Cue]] = []
    for snap in snapshots:
        watch, due = cue_due(watch, snap)
        if due is not None:
            rung.append((snap.t, due.segment, due.cue))
    return rung
