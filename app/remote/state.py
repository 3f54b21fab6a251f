"""STATE: what a remote page or an API client is told, built from one Snapshot.

A pure function (the README's Remote section, "STATE"): every figure is read off the engine's
Snapshot (ARCHITECTURE.md §6); this module only writes it down as JSON values. The words that
depend on the interface's language (the projector's phase line) and the clock times (the
moderator's HH:MM, local time) are handed in by the caller, the Qt side of the bridge, which
reads them the way the windows do, so a page shows what the projector shows.

The result is a new dict of plain values (str, int, float, bool, None, lists, dicts), never
changed after it is built: it can be handed to the server's thread as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.engine import RowState, Snapshot
from app.engine.cues import Due
from app.model.plan import PlannedSegment, PlannedSpeaker

STATE_VERSION = 1

# The contract's three row states: a segment the session went past without running it is
# behind the cursor, as a done one is.
_ROW = {
    RowState.DONE: "done",
    RowState.SKIPPED: "done",
    RowState.CURRENT: "current",
    RowState.UPCOMING: "upcoming",
}

ClockOf = Callable[[float], str]  # session time -> "HH:MM" as the windows show it


def speakers_of(segment: PlannedSegment) -> list[dict[str, str]]:
    return [_speaker(s) for s in segment.speakers]


def _speaker(s: PlannedSpeaker) -> dict[str, str]:
    return {"name": s.name, "role": s.role, "organisation": s.organisation}


def build_state(
    snap: Snapshot,
    *,
    clock_of: ClockOf,
    phase_text: str,
    presets: Sequence[str],
    server_time: float,
    cue: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The STATE of the contract for ``snap``; ``server_time`` is the wall clock (epoch s).

    ``cue``: the last sound cue the engine found due (``cue_state``), or None: a page plays
    it once per ``id`` and ``at`` (the speaker view's Web Audio), never deciding itself."""
    plan = snap.plan
    seg = snap.segment
    nxt = snap.next_segment
    hard = snap.hard_end_t
    return {
        "version": STATE_VERSION,
        "server_time": server_time,
        "status": str(snap.status),
        "index": snap.current,
        "title": seg.title,
        "kind": str(seg.kind),
        "part": snap.part.title,
        "speakers": speakers_of(seg),
        "display": snap.countdown,
        "phase": str(snap.phase),
        "phase_text": phase_text,
        "remaining_s": snap.remaining_s,
        "next_change_in": snap.next_change_in,
        "next": None
        if nxt is None
        else {"index": nxt.index, "title": nxt.title, "speakers": speakers_of(nxt)},
        "message": None if snap.message is None else {"text": snap.message, "blink": snap.blink},
        "blackout": snap.blackout,
        "clock": clock_of(snap.t),
        "late_s": snap.late_s,
        "planned_end": clock_of(snap.planned_end_t),
        "projected_end": clock_of(snap.projected_end_t),
        "hard_end": None if hard is None else clock_of(hard),
        "language": plan.language,
        "session": {
            "title": plan.title,
            "event": plan.event,
            "date": None if plan.date is None else plan.date.isoformat(),
        },
        "presets": list(presets),
        "cue": None if cue is None else dict(cue),
        "segments": [
            _row(snap, s, projected, clock_of)
            for s, projected in zip(plan.segments, snap.projected_starts(), strict=True)
        ],
    }


def cue_state(number: int, due: Due, at: float) -> dict[str, Any]:
    """STATE's ``cue``: the ``number``-th cue of this app's run (1, 2, …), what
    ``app.engine.cues.cue_due`` found due (``name``: warning, final or zero; ``segment``: the
    segment it rings for), and ``at``, the server's wall clock (epoch s) when it was due: a
    page that hears of it late (reconnected) does not play a stale cue."""
    return {"id": number, "name": due.cue.value, "segment": due.segment, "at": at}


def _row(
    snap: Snapshot, s: PlannedSegment, projected: float | None, clock_of: ClockOf
) -> dict[str, Any]:
    i = s.index
    return {
        "index": i,
        "part": snap.plan.parts[s.part].title,
        "title": s.title,
        "kind": str(s.kind),
        "speakers": speakers_of(s),
        "planned_s": snap.planned_of(i),
        "planned_start": clock_of(snap.planned_start_of(i)),
        "projected_start": None if projected is None else clock_of(projected),
        "actual_s": snap.actual_of(i),
        "state": _ROW[snap.row_state(i)],
        "over_countdown_s": snap.over_countdown_of(i),
        "start_delay_s": snap.start_delay_of(i),
    }
