"""The report of a timing log: planned against actual, per segment and per part (design.md §5).

Pure: ``build_report`` folds the log's events at its last event with the same fold the live
app, recovery and replay run, and the renderers turn the resulting ``Report`` into text, CSV
or JSON. A log whose session never ended (the app crashed, or is still running) reports the
segment that was current as *open*: the time known up to the last event, no end time.

Durations: ``actual`` is the time a segment was the current one, pauses included, so the
actual times of the segments add up to the session's actual length; ``active`` is what its
countdown used (pauses excluded). ``planned_s`` is the running order's figure;
``final_planned_s`` is what the countdown ran against once catch-up plans and added or
removed minutes were applied.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.engine.display import format_span, signed_minutes
from app.engine.engine import fold
from app.engine.events import Resumed, Undo
from app.engine.snapshot import RowState, Snapshot
from app.engine.state import Status
from app.timing_log.format import LogHeader
from app.timing_log.reader import TimingLog

FORMATS = ("text", "csv", "json")


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
    planned_start: datetime
    started_at: datetime | None
    ended_at: datetime | None  # None while open, or when it never ran
    status: str  # "done", "open", "skipped" or "not reached"

    @property
    def open(self) -> bool:
        return self.status == "open"

    @property
    def paused_s(self) -> float:
        return max(0.0, self.actual_s - self.active_s)

    @property
    def difference_s(self) -> float:
        """Actual minus planned: positive when it ran long, negative when short."""
        return self.actual_s - self.planned_s

    @property
    def overrun_s(self) -> float:
        return max(0.0, self.difference_s)

    @property
    def start_delay_s(self) -> float | None:
        """How late (positive) or early it started against the planned clock time."""
        if self.started_at is None:
            return None
        return (self.started_at - self.planned_start).total_seconds()


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

    @property
    def difference_s(self) -> float:
        return self.actual_s - self.planned_s

    @property
    def overrun_s(self) -> float:
        return max(0.0, self.difference_s)


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
    total_actual_s: float
    paused_s: float
    downtime_s: float  # sum of the gaps recorded when the app resumed after being down
    resumed: int  # how many times the app resumed the session after being down
    undos: int
    warnings: tuple[str, ...]

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
    last_t = events[-1].t if events else 0.0
    snap = fold(plan, events, last_t, header.planned_start_t)
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
        parts.append(
            PartReport(
                index=part.index,
                title=part.title,
                budget_s=part.budget_s,
                planned_s=sum(r.planned_s for r in rows),
                actual_s=sum(r.actual_s for r in rows),
                planned_start=rows[0].planned_start,
                started_at=min(started) if started else None,
                ended_at=None if is_open or not ended else max(ended),
                open=is_open,
            )
        )
    started_t = snap.started_at
    if started_t is None:
        total_actual = 0.0
    else:
        end_t = snap.ended_at if snap.ended_at is not None else last_t
        total_actual = end_t - started_t
    planned_start = header.planned_start
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
        finished=snap.status is Status.ENDED,
        segments=segments,
        parts=tuple(parts),
        total_planned_s=plan.total_s,
        total_actual_s=total_actual,
        paused_s=snap.paused_s,
        downtime_s=sum(gap for _, gap in snap.gaps),
        resumed=sum(isinstance(e, Resumed) for e in events),
        undos=sum(isinstance(e, Undo) for e in events),
        warnings=tuple(log.warnings),
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
        final_planned_s=snap.planned_of(i),
        actual_s=snap.actual_of(i),
        active_s=snap.active_of(i),
        planned_start=header.planned_start + timedelta(seconds=seg.offset_s),
        started_at=None if started_t is None else _wall(header, started_t),
        ended_at=None if ended_t is None else _wall(header, ended_t),
        status=status,
    )


# -- rendering ---------------------------------------------------------------------------------


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report_as_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return report_as_csv(report)
    return report_as_text(report)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _secs(value: float) -> float:
    """Seconds to the millisecond: enough for a report, and stable in JSON."""
    return round(value, 3) + 0.0  # + 0.0: never "-0.0"


def report_as_json(report: Report) -> dict[str, Any]:
    """The `report --format json` contract of design.md §5, with more fields."""
    late = report.late_end_s
    return {
        "title": report.title,
        "event": report.event,
        "venue": report.venue,
        "log": str(report.log_path),
        "schema": report.schema_version,
        "app_version": report.app_version,
        "planned_start": _iso(report.planned_start),
        "planned_end": _iso(report.planned_end),
        "hard_end": _iso(report.hard_end),
        "started_at": _iso(report.started_at),
        "ended_at": _iso(report.ended_at),
        "finished": report.finished,
        "open": report.open,
        "total_planned_s": report.total_planned_s,
        "total_actual_s": _secs(report.total_actual_s),
        "late_end_s": None if late is None else _secs(late),
        "paused_s": _secs(report.paused_s),
        "downtime_s": _secs(report.downtime_s),
        "resumed": report.resumed,
        "undos": report.undos,
        "segments": [
            {
                "index": s.index,
                "part": s.part_title,
                "title": s.title,
                "kind": s.kind,
                "speakers": list(s.speakers),
                "planned_s": s.planned_s,
                "final_planned_s": s.final_planned_s,
                "actual_s": _secs(s.actual_s),
                "active_s": _secs(s.active_s),
                "paused_s": _secs(s.paused_s),
                "overrun_s": _secs(s.overrun_s),
                "difference_s": _secs(s.difference_s),
                "planned_start": _iso(s.planned_start),
                "started_at": _iso(s.started_at),
                "ended_at": _iso(s.ended_at),
                "status": s.status,
                "open": s.open,
            }
            for s in report.segments
        ],
        "parts": [
            {
                "index": p.index,
                "title": p.title,
                "budget_s": p.budget_s,
                "planned_s": p.planned_s,
                "actual_s": _secs(p.actual_s),
                "overrun_s": _secs(p.overrun_s),
                "difference_s": _secs(p.difference_s),
                "planned_start": _iso(p.planned_start),
                "started_at": _iso(p.started_at),
                "ended_at": _iso(p.ended_at),
                "open": p.open,
            }
            for p in report.parts
        ],
        "warnings": list(report.warnings),
    }


CSV_COLUMNS = (
    "segment",
    "part",
    "title",
    "kind",
    "speakers",
    "status",
    "planned_start",
    "started_at",
    "ended_at",
    "planned_s",
    "final_planned_s",
    "actual_s",
    "difference_s",
    "overrun_s",
    "paused_s",
)


def report_as_csv(report: Report) -> str:
    """One row per segment under a header row; UTF-8 with a byte-order mark, so that a
    spreadsheet opens the accents right. Durations are whole seconds: no decimal separator
    to be misread in a French locale."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for s in report.segments:
        writer.writerow(
            (
                s.index + 1,
                s.part_title,
                s.title,
                s.kind,
                "; ".join(s.speakers),
                s.status,
                _iso(s.planned_start),
                _iso(s.started_at) or "",
                _iso(s.ended_at) or "",
                s.planned_s,
                s.final_planned_s,
                round(s.actual_s),
                round(s.difference_s),
                round(s.overrun_s),
                round(s.paused_s),
            )
        )
    return "\ufeff" + buffer.getvalue()


def _span(seconds: float) -> str:
    return format_span(round(seconds))


def _clock(value: datetime | None, zone: datetime) -> str:
    return "—" if value is None else value.astimezone(zone.tzinfo).strftime("%H:%M:%S")


def report_as_text(report: Report) -> str:
    """A table to read in a terminal or paste in a mail: one line per segment."""
    zone = report.planned_start
    lines = [report.title]
    where = "  ".join(x for x in (report.planned_start.date().isoformat(), report.venue) if x)
    lines.append(where)
    if report.started_at is None:
        lines.append("Not started.")
    else:
        if report.ended_at is not None:
            ended = f"ended {_clock(report.ended_at, zone)}"
        else:
            ended = f"NOT ENDED (last event {_clock(report.last_event_at, zone)})"
        lines.append(f"Started {_clock(report.started_at, zone)}, {ended}.")
    ends = f"Planned end {_clock(report.planned_end, zone)}"
    if report.hard_end is not None:
        ends += f", hard end {_clock(report.hard_end, zone)}"
    late = report.late_end_s
    if late is not None and report.finished:
        ends += f"; ended {signed_minutes(late)} against the plan"
    elif late is not None:
        ends += (
            f"; at the last event it was heading for {_clock(report.projected_end, zone)}"
            f" ({signed_minutes(late)})"
        )
    lines.append(ends + ".")
    lines.append("")
    head = f"{'#':>3}  {'planned':8}  {'started':8}  {'plan':>7}  {'actual':>7}  {'diff':>7}  "
    lines.append(head + "segment")
    for s in report.segments:
        who = f" — {', '.join(s.speakers)}" if s.speakers else ""
        flag = {"open": "  [open]", "skipped": "  [skipped]", "not reached": "  [not reached]"}
        diff = signed_minutes(s.difference_s) if s.status == "done" else ""
        lines.append(
            f"{s.index + 1:>3}  {_clock(s.planned_start, zone):8}  "
            f"{_clock(s.started_at, zone):8}  {_span(s.planned_s):>7}  {_span(s.actual_s):>7}  "
            f"{diff:>7}  {s.title}{who}{flag.get(s.status, '')}"
        )
    lines.append("")
    lines.append(f"{'':3}  {'parts':8}  {'':8}  {'plan':>7}  {'actual':>7}  {'diff':>7}")
    for p in report.parts:
        diff = signed_minutes(p.difference_s) if p.ended_at is not None else ""
        lines.append(
            f"{'':3}  {_clock(p.planned_start, zone):8}  {_clock(p.started_at, zone):8}  "
            f"{_span(p.planned_s):>7}  {_span(p.actual_s):>7}  {diff:>7}  {p.title}"
            f"{'  [open]' if p.open else ''}"
        )
    total_diff = (
        signed_minutes(report.total_actual_s - report.total_planned_s) if report.finished else ""
    )
    lines.append(
        f"{'':3}  {'total':8}  {'':8}  {_span(report.total_planned_s):>7}  "
        f"{_span(report.total_actual_s):>7}  {total_diff:>7}"
    )
    extra = []
    if report.paused_s:
        extra.append(f"paused {_span(report.paused_s)}")
    if report.resumed:
        extra.append(
            f"app resumed {report.resumed}× after being down "
            f"(up to {_span(report.downtime_s)} since the event before)"
        )
    if report.undos:
        extra.append(f"{report.undos} undo(s)")
    if extra:
        lines.append("")
        lines.append("; ".join(extra).capitalize() + ".")
    for warning in report.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines) + "\n"
