"""The report model of a timing log: planned against actual, per segment and per part.

Pure: ``build_report`` reads the log on the engine's time line (the fold the live app,
recovery and replay run) at its last event, and takes every figure from that one Snapshot:
nothing here counts time itself. ``formats`` writes the resulting ``Report`` as text, CSV or
JSON, ``qt`` as HTML and PDF. A log whose session never ended (the app crashed, or is still
running) reports the segment that was current as *open*: the time known up to the last
event, no end time.

The figures (one definition each, in ``Snapshot``; ARCHITECTURE.md lists them):
``actual_s`` is the time a segment held the room, pauses included (the segments' actual
times add up to the session's length); ``active_s`` what its countdown used, pauses
excluded; ``planned_s`` the running order's figure as printed; ``final_planned_s`` what the
countdown ran against once catch-up plans and added or removed minutes were applied.
``over_countdown_s`` = active − final planned; ``longer_than_planned_s`` = actual − planned
as printed; ``paused_s`` the time lost to pauses; ``start_delay_s`` how late it started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.engine.events import Resumed, Undo
from app.engine.snapshot import RowState, Snapshot
from app.timing_log.format import LogHeader
from app.timing_log.reader import TimingLog


@dataclass(frozen=True)
class SegmentReport:
    index: int
    part: int
    part_title: str
    title: str
    kind: str
    speakers: tuple[str, ...]
    planned_s: int  # from the running order
    final_planned_s: int  # after catch-up and added/removed time
    actual_s: float  # time it was the current segment, pauses included
    active_s: float  # countdown time used, pauses excluded
    over_countdown_s: float | None  # Snapshot.over_countdown_of (None: it never ran)
    longer_than_planned_s: float | None  # Snapshot.longer_than_planned_of (None: never ran)
    paused_s: float  # Snapshot.paused_of
    start_delay_s: float | None  # Snapshot.start_delay_of: late (+) or early (-) start
    planned_start: datetime
    started_at: datetime | None
    ended_at: datetime | None  # None while open, or when it never ran
    status: str  # "done", "open", "skipped" or "not reached"

    @property
    def open(self) -> bool:
        return self.status == "open"

    @property
    def ran(self) -> bool:
        return self.status in ("done", "open")

    @property
    def overrun_s(self) -> float:
        """Longer than planned, or 0: the `report --format json` contract's ``overrun_s``."""
        return max(0.0, self.longer_than_planned_s or 0.0)


@dataclass(frozen=True)
class PartReport:
    index: int
    title: str
    budget_s: int
    planned_s: int  # sum of its segments' planned durations
    actual_s: float
    planned_start: datetime
    started_at: datetime | None
    ended_at: datetime | None
    open: bool
    # The clock time its segments held the room against its budget as printed; None until
    # the part is over (not started, or still open).
    longer_than_planned_s: float | None

    @property
    def overrun_s(self) -> float:
        return max(0.0, self.longer_than_planned_s or 0.0)


@dataclass(frozen=True)
class Report:
    log_path: Path
    title: str
    event: str
    venue: str
    app_version: str
    schema_version: int
    planned_start: datetime
    planned_end: datetime
    hard_end: datetime | None
    started_at: datetime | None
    ended_at: datetime | None  # None when the session never ended (crash, or still running)
    last_event_at: datetime | None
    projected_end: datetime | None  # the actual end, or for an open session the end projected
    # at its last event (the current segment's time left and the plan of what follows)
    finished: bool
    segments: tuple[SegmentReport, ...]
    parts: tuple[PartReport, ...]
    total_planned_s: int
    total_actual_s: float  # Snapshot.held_s: from the start to the end (or the last event)
    longer_than_planned_s: float | None  # total actual − total planned, once finished
    late_vs_hard_end_s: float | None  # the end (or the end it was heading for) − the hard end
    paused_s: float
    downtime_s: float  # sum of the gaps recorded when the app resumed after being down
    resumed: int  # how many times the app resumed the session after being down
    undos: int
    warnings: tuple[str, ...]
    # The anchor in force (Snapshot.anchor): "absolute", the planned clock times as printed,
    # or "relative", counted from the actual start; ``anchored_at`` is that instant (the
    # printed planned start, or the actual start). Every planned clock time here follows it.
    anchor: str = "absolute"
    anchored_at: datetime | None = None
    # What the engine did by itself (Snapshot.autos): (when, action, segment index, cause);
    # action: start, next, load, end, roll_off; cause: roll, end_action, manual.
    automatic: tuple[tuple[datetime, str, int, str], ...] = ()

    @property
    def relative(self) -> bool:
        return self.anchor == "relative"

    @property
    def open(self) -> bool:
        return self.started_at is not None and not self.finished

    @property
    def late_end_s(self) -> float | None:
        """The actual end against the planned end (for an open session, the projected end)."""
        if self.started_at is None or self.projected_end is None:
            return None
        return (self.projected_end - self.planned_end).total_seconds()


# -- building ----------------------------------------------------------------------------------


def build_report(log: TimingLog) -> Report:
    """Fold the log at its last event and read every figure off that one snapshot."""
    header = log.header
    plan = header.plan
    events = log.events
    timeline = log.timeline()
    last_t = timeline.last_t
    snap = timeline.final()
    plan = snap.plan  # edits taken in during the session count: the moderator ran that plan

    def wall(t: float | None) -> datetime | None:
        return None if t is None else _wall(header, t)

    segments = tuple(_segment_report(snap, header, i) for i in range(len(plan.segments)))
    parts = []
    for part in plan.parts:
        rows = [segments[i] for i in part.segment_indices]
        started = [r.started_at for r in rows if r.started_at is not None]
        is_open = any(r.open for r in rows)
        ended = [r.ended_at for r in rows if r.ended_at is not None]
        actual = snap.part_actual_of(part.index)
        parts.append(
            PartReport(
                index=part.index,
                title=part.title,
                budget_s=part.budget_s,
                planned_s=sum(r.planned_s for r in rows),
                actual_s=actual,
                planned_start=rows[0].planned_start,
                started_at=min(started) if started else None,
                ended_at=None if is_open or not ended else max(ended),
                open=is_open,
                longer_than_planned_s=(None if not started or is_open else actual - part.budget_s),
            )
        )
    started_t = snap.started_at
    total_actual = snap.held_s
    planned_start = _wall(header, snap.planned_start_t)  # under the anchor in force
    hard = plan.slot_s
    return Report(
        log_path=log.path,
        title=plan.title,
        event=plan.event,
        venue=plan.venue,
        app_version=header.app_version,
        schema_version=header.schema_version,
        planned_start=planned_start,
        planned_end=planned_start + timedelta(seconds=plan.total_s),
        hard_end=None if hard is None else planned_start + timedelta(seconds=hard),
        started_at=wall(started_t),
        ended_at=wall(snap.ended_at),
        last_event_at=wall(last_t) if events else None,
        projected_end=wall(snap.projected_end_t) if started_t is not None else None,
        finished=snap.finished,
        segments=segments,
        parts=tuple(parts),
        total_planned_s=plan.total_s,
        total_actual_s=total_actual,
        longer_than_planned_s=total_actual - plan.total_s if snap.finished else None,
        late_vs_hard_end_s=(None if started_t is None or snap.slack_s is None else -snap.slack_s),
        paused_s=snap.paused_s,
        downtime_s=sum(gap for _, gap in snap.gaps),
        resumed=sum(isinstance(e, Resumed) for e in timeline.events),
        undos=sum(isinstance(e, Undo) for e in timeline.events),
        warnings=tuple(log.warnings),
        anchor=snap.anchor.value,
        anchored_at=planned_start,
        automatic=tuple(
            (_wall(header, at), action, segment, cause) for at, action, segment, cause in snap.autos
        ),
    )


def _wall(header: LogHeader, t: float) -> datetime:
    return header.origin_wall + timedelta(seconds=t)


def _segment_report(snap: Snapshot, header: LogHeader, i: int) -> SegmentReport:
    seg = snap.plan.segments[i]
    row = snap.row_state(i)
    started_t = snap.started_at_of(i)
    if row is RowState.CURRENT:
        status = "open" if started_t is not None else "not reached"
    elif row is RowState.DONE:
        status = "done"
    elif row is RowState.SKIPPED:
        status = "skipped"
    else:
        status = "not reached"
    ended_t = snap.ended_at_of(i) if status == "done" else None
    return SegmentReport(
        index=i,
        part=seg.part,
        part_title=snap.plan.parts[seg.part].title,
        title=seg.title,
        kind=seg.kind.value,
        speakers=tuple(p.name for p in seg.speakers),
        planned_s=seg.planned_s,
        final_planned_s=round(snap.planned_of(i)),
        actual_s=snap.actual_of(i),
        active_s=snap.active_of(i),
        over_countdown_s=snap.over_countdown_of(i),
        longer_than_planned_s=snap.longer_than_planned_of(i),
        paused_s=snap.paused_of(i),
        start_delay_s=snap.start_delay_of(i),
        planned_start=_wall(header, snap.planned_start_of(i)),
        started_at=None if started_t is None else _wall(header, started_t),
        ended_at=None if ended_t is None else _wall(header, ended_t),
        status=status,
    )
