"""What the planned-versus-actual chart shows, read off the engine's time line (pure).

The data comes from the log alone: the header carries the resolved plan, so a log whose
running-order file was edited or deleted still draws. Actual bars are the segments'
intervals as the engine folds them (``Snapshot.intervals_of``): a control that was undone
never happened. The drawing is ``app.reports.qt.chart_paint``; the replay window's widget,
the PNG, the SVG and the PDF all draw this same data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.engine import (
    Adjust,
    ApplyCatchUp,
    Blackout,
    Event,
    SetAnchor,
    SetMessage,
    SetRoll,
    Timeline,
)
from app.engine.display import signed_span
from app.timing_log.format import LogHeader
from app.timing_log.reader import TimingLog


@dataclass(frozen=True)
class SegmentRow:
    """One segment: where the plan put it and when it actually held the room."""

    index: int
    part: int
    title: str
    kind: str
    planned_start_t: float
    planned_s: int  # as in the plan the log carries (what the programme promised)
    adjusted_s: int  # planned at the end: adjustments and catch-up included
    intervals: tuple[tuple[float, float], ...]  # when it was the current segment
    actual_s: float  # time it held the room, pauses included
    longer_than_planned_s: float | None  # Snapshot.longer_than_planned_of (None: never ran)
    open: bool = False  # still running when the log stops (a session never ended)

    @property
    def ran(self) -> bool:
        return bool(self.intervals)

    @property
    def started_t(self) -> float | None:
        return self.intervals[0][0] if self.intervals else None

    @property
    def ended_t(self) -> float | None:
        return max(end for _, end in self.intervals) if self.intervals else None


@dataclass(frozen=True)
class PartRow:
    index: int
    title: str
    budget_s: int
    planned_start_t: float
    segments: tuple[int, ...]


@dataclass(frozen=True)
class Marker:
    """Something the moderator did at ``t`` that the chart pins on the time line."""

    t: float
    kind: str  # message, adjust, catch_up, blackout, undo, auto (by itself), timing
    label: str


@dataclass(frozen=True)
class ChartData:
    title: str
    event: str
    origin_wall: datetime
    planned_start_t: float
    planned_end_t: float
    hard_end_t: float | None
    started_t: float | None
    end_t: float  # when it ended, or the last thing the log knows of an unfinished session
    ended: bool
    parts: tuple[PartRow, ...]
    segments: tuple[SegmentRow, ...]
    pauses: tuple[tuple[float, float], ...]
    gaps: tuple[tuple[float, float], ...]  # downtime: (from, to), the app was not running
    markers: tuple[Marker, ...]
    warnings: tuple[str, ...] = ()
    source_name: str = ""
    paused_s: float = 0.0
    anchor: str = "absolute"  # the anchor in force: "relative" counts from the actual start

    @property
    def relative(self) -> bool:
        """The planned clock times count from the actual start (a rehearsal, a moved session):
        ``planned_start_t`` is that start, and the axis and every label say so."""
        return self.anchor == "relative"

    def wall(self, t: float) -> datetime:
        """The clock time of session time ``t``, in the zone the session was recorded in."""
        return self.origin_wall + timedelta(seconds=t)

    @property
    def downtime_s(self) -> float:
        return sum(b - a for a, b in self.gaps)


def chart_data(log: TimingLog) -> ChartData:
    """Everything the chart and the summary show, folded once from the log's events."""
    return chart_data_from(log.header, log.events, warnings=log.warnings, name=log.path.name)


def chart_data_from(
    header: LogHeader,
    events: Sequence[Event],
    *,
    warnings: Iterable[str] = (),
    name: str = "",
) -> ChartData:
    timeline = Timeline(
        header.plan,
        events,
        planned_start_t=header.planned_start_t,
        on_planned_date=header.on_planned_date,
    )
    snap = timeline.final()
    plan = snap.plan
    end_t = snap.ended_at if snap.finished and snap.ended_at is not None else snap.t
    unfinished = snap.running or snap.paused
    intervals = snap.all_intervals()
    segments = tuple(
        SegmentRow(
            index=i,
            part=seg.part,
            title=seg.title,
            kind=seg.kind.value,
            planned_start_t=snap.planned_start_of(i),
            planned_s=seg.planned_s,
            adjusted_s=round(snap.planned_of(i)),
            intervals=intervals[i],
            actual_s=snap.actual_of(i),
            longer_than_planned_s=snap.longer_than_planned_of(i),
            open=unfinished and i == snap.current,
        )
        for i, seg in enumerate(plan.segments)
    )
    parts = tuple(
        PartRow(
            index=p.index,
            title=p.title,
            budget_s=p.budget_s,
            planned_start_t=snap.planned_start_of(p.first),
            segments=tuple(p.segment_indices),
        )
        for p in plan.parts
    )
    markers = [m for m in map(_marker_of, timeline.effective) if m is not None]
    markers.extend(Marker(undo.t, "undo", control.kind) for undo, control in timeline.taken_back)
    # What the engine did by itself, at its exact instant (the fold's record, not the log's
    # lines): an end action at zero, roll mode. Leaving roll mode goes with its control.
    markers.extend(
        Marker(at, "auto", f"{action} {segment + 1}")
        for at, action, segment, _cause in snap.autos
        if action != "roll_off"
    )
    markers.extend(m for m in map(_timing_marker_of, timeline.effective) if m is not None)
    markers.sort(key=lambda m: m.t)
    return ChartData(
        title=plan.title,
        event=plan.event,
        origin_wall=header.origin_wall,
        planned_start_t=snap.planned_start_t,  # under the anchor in force
        anchor=snap.anchor.value,
        planned_end_t=snap.planned_end_t,
        hard_end_t=snap.hard_end_t,
        started_t=snap.started_at,
        end_t=end_t,
        ended=snap.finished,
        parts=parts,
        segments=segments,
        pauses=tuple((a, end_t if b is None else b) for a, b in snap.pauses),
        gaps=tuple((t - gap, t) for t, gap in snap.gaps if gap > 0),
        markers=tuple(markers),
        warnings=tuple(warnings),
        source_name=name,
        paused_s=snap.paused_s,
    )


def _timing_marker_of(event: Event) -> Marker | None:
    """An anchor switch or roll mode on/off, pinned where the moderator gave it."""
    if isinstance(event, SetAnchor):
        return Marker(event.t, "timing", event.anchor)
    if isinstance(event, SetRoll):
        return Marker(event.t, "timing", "roll on" if event.on else "roll off")
    return None


def _marker_of(event: Event) -> Marker | None:
    if isinstance(event, SetMessage):
        return Marker(event.t, "message", event.text)
    if isinstance(event, Adjust):
        return Marker(event.t, "adjust", signed_span(event.seconds))
    if isinstance(event, ApplyCatchUp):
        return Marker(event.t, "catch_up", str(len(event.durations)))
    if isinstance(event, Blackout):
        return Marker(event.t, "blackout", "on" if event.on else "off")
    return None
