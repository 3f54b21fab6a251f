"""What every printed form of a report shows: headline figures, part and segment rows, in
the reader's language (pure: the words come through a ``Translator``, Qt's or a test's).

Every figure is the report model's (``app.reports.model``), which takes it from the
engine's Snapshot; the chart's bars are ``app.reports.chart_data``. The HTML and PDF
(``app.reports.qt``) and the replay window's summary all lay out these rows: nothing is
computed twice, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.engine.display import format_span, late_word, signed_span
from app.reports.chart_data import ChartData, chart_data
from app.reports.model import Report, SegmentReport, build_report
from app.timing_log.reader import TimingLog

LARGEST_OVERRUNS = 3


class Translator(Protocol):
    """Anything that gives a source string's words in one language (``app.i18n.Language``)."""

    def translate(self, context: str, text: str) -> str: ...


@dataclass(frozen=True)
class Summary:
    """The report's figures plus the chart's bars: everything the outputs show."""

    report: Report
    data: ChartData

    @property
    def largest_overruns(self) -> tuple[SegmentReport, ...]:
        over = [s for s in self.report.segments if s.overrun_s >= 1 and s.status != "not reached"]
        over.sort(key=lambda s: s.overrun_s, reverse=True)
        return tuple(over[:LARGEST_OVERRUNS])

    @property
    def end(self) -> datetime | None:
        """The actual end, or for an unfinished session the end it was heading for."""
        return self.report.projected_end

    def zone(self, value: datetime) -> datetime:
        """Times in the zone the session was planned in (not the reader's)."""
        return value.astimezone(self.report.planned_start.tzinfo)


def build_summary(log: TimingLog, data: ChartData | None = None) -> Summary:
    return Summary(report=build_report(log), data=data or chart_data(log))


def span(seconds: float) -> str:
    return format_span(round(abs(seconds)))


def clock(summary: Summary, value: datetime | None, seconds: bool = True) -> str:
    """A clock time in the session's zone, with " (+1)" on a later day than the planned
    start's (an evening that runs past midnight)."""
    if value is None:
        return "—"
    local = summary.zone(value)
    days = (local.date() - summary.zone(summary.report.planned_start).date()).days
    text = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{text} (+{days})" if days > 0 else text


# -- words --------------------------------------------------------------------------------------


class Words:
    """The report's sentences in one language. Each is a literal ``translate("report", …)``
    call so that pyside6-lupdate finds it."""

    def __init__(self, language: Translator) -> None:
        self.lang = language
        self.report_kind = language.translate("report", "Timing report")
        self.started = language.translate("report", "Started")
        self.ended = language.translate("report", "Ended")
        self.not_ended = language.translate("report", "Not ended")
        self.not_started = language.translate("report", "Not started")
        self.planned_at = language.translate("report", "planned {clock}")
        self.relative_to = language.translate("report", "relative to the actual start {clock}")
        self.heading_for = language.translate("report", "heading for {clock} at the last record")
        self.vs_plan = language.translate("report", "Against the plan")
        self.late = language.translate("report", "late")
        self.early = language.translate("report", "early")
        self.on_time = language.translate("report", "on time")
        self.vs_hard_end = language.translate("report", "Against the hard end")
        self.after_hard_end = language.translate("report", "after the hard end {clock}")
        self.before_hard_end = language.translate("report", "before the hard end {clock}")
        self.no_hard_end = language.translate("report", "no hard end in the plan")
        self.paused = language.translate("report", "Paused")
        self.pauses_n = language.translate("report", "{n} pause(s)")
        self.downtime = language.translate("report", "Downtime")
        self.restarts_n = language.translate("report", "{n} restart(s) after a crash")
        self.no_downtime = language.translate("report", "the app never stopped")
        self.chart = language.translate("report", "Planned against actual")
        self.chart_caption = language.translate(
            "report",
            "Grey: the plan; blue: what happened; orange and hatched red: overrun. "
            "Hatched grey: the app was down (crash) and the session went on.",
        )
        self.parts = language.translate("report", "Parts")
        self.segments = language.translate("report", "Segments")
        self.segment = language.translate("report", "Segment")
        self.part = language.translate("report", "Part")
        self.speakers = language.translate("report", "Speakers")
        self.planned_start = language.translate("report", "Planned start")
        self.actual_start = language.translate("report", "Actual start")
        self.start_delay = language.translate("report", "Start delay")
        self.planned = language.translate("report", "Planned")
        self.actual = language.translate("report", "Actual")
        self.difference = language.translate("report", "Longer than planned")
        self.over_countdown = language.translate("report", "Over the countdown")
        self.paused_col = language.translate("report", "Pauses")
        self.total = language.translate("report", "Total")
        self.largest = language.translate("report", "Largest overruns")
        self.no_overrun = language.translate("report", "No segment ran over its planned time.")
        self.warnings = language.translate(
            "report", "The log had problems; what could be read is reported"
        )
        self.generated = language.translate(
            "report", "Generated by Timekeeper {version} from {file}"
        )
        self.status = {
            "done": "",
            "open": language.translate("report", "open"),
            "skipped": language.translate("report", "skipped"),
            "not reached": language.translate("report", "not reached"),
        }

    def late_word(self, seconds: float) -> str:
        return late_word(seconds, on_time=self.on_time, late=self.late, early=self.early)


@dataclass(frozen=True)
class Figure:
    """One headline figure: a label, a value and a line of context."""

    label: str
    value: str
    note: str
    alarm: bool = False


def headline(summary: Summary, w: Words) -> list[Figure]:
    r = summary.report
    out: list[Figure] = []
    if r.started_at is None:
        out.append(
            Figure(
                w.started,
                w.not_started,
                w.planned_at.format(clock=clock(summary, r.planned_start, False)),
            )
        )
        return out
    out.append(
        Figure(
            w.started,
            clock(summary, r.started_at),
            # Relative: the plan's clock times count from the actual start, and say so.
            w.relative_to.format(clock=clock(summary, r.anchored_at, False))
            if r.relative and r.anchored_at is not None
            else w.planned_at.format(clock=clock(summary, r.planned_start, False)),
        )
    )
    if r.finished:
        out.append(
            Figure(
                w.ended,
                clock(summary, r.ended_at),
                w.planned_at.format(clock=clock(summary, r.planned_end)),
            )
        )
    else:
        out.append(
            Figure(
                w.not_ended,
                clock(summary, r.last_event_at),
                w.heading_for.format(clock=clock(summary, summary.end)),
                alarm=True,
            )
        )
    late = r.late_end_s
    if late is not None:
        out.append(Figure(w.vs_plan, signed_span(late), w.late_word(late), alarm=late >= 60))
    hard = r.late_vs_hard_end_s
    if hard is not None and r.hard_end is not None:
        where = w.after_hard_end if hard > 0 else w.before_hard_end
        out.append(
            Figure(
                w.vs_hard_end,
                signed_span(hard),
                where.format(clock=clock(summary, r.hard_end, False)),
                alarm=hard > 0,
            )
        )
    else:
        out.append(Figure(w.vs_hard_end, "—", w.no_hard_end))
    out.append(Figure(w.paused, span(r.paused_s), w.pauses_n.format(n=len(summary.data.pauses))))
    if r.resumed:
        out.append(
            # Measured from the last event before the crash: the app was down at most this long.
            Figure(
                w.downtime,
                "≤ " + span(r.downtime_s),
                w.restarts_n.format(n=r.resumed),
                alarm=True,
            )
        )
    else:
        out.append(Figure(w.downtime, span(0), w.no_downtime))
    return out


@dataclass(frozen=True)
class Row:
    """A table row as text cells; ``over`` is the difference's sign for styling."""

    cells: tuple[str, ...]
    over: int  # 1 ran over, -1 ran short, 0 neither or unknown
    strong: bool = False


def _diff_cell(seconds: float | None) -> tuple[str, int]:
    if seconds is None:
        return "—", 0
    whole = round(seconds)
    return signed_span(seconds), (1 if whole > 0 else -1 if whole < 0 else 0)


def segment_rows(summary: Summary, w: Words) -> list[Row]:
    """One row per segment. Its figures are the report model's (the engine's Snapshot):
    the start and its delay, the clock time held, the time lost to pauses, how far past the
    countdown it went and, last (coloured), how much longer than planned it held the room."""
    rows = []
    for s in summary.report.segments:
        ran = s.ran
        done = s.status == "done"
        diff, over = _diff_cell(s.longer_than_planned_s if done else None)
        counted = s.over_countdown_s
        status = w.status.get(s.status, s.status)
        rows.append(
            Row(
                (
                    str(s.index + 1),
                    s.title,
                    ", ".join(s.speakers),
                    clock(summary, s.planned_start),
                    clock(summary, s.started_at),
                    "—" if s.start_delay_s is None else signed_span(s.start_delay_s),
                    span(s.planned_s),
                    span(s.actual_s) if ran else "—",
                    span(s.paused_s) if ran else "—",
                    signed_span(counted) if done and counted is not None else "—",
                    diff if not status else f"{diff} ({status})" if ran else status,
                ),
                over,
            )
        )
    return rows


def part_rows(summary: Summary, w: Words) -> list[Row]:
    rows = []
    r = summary.report
    for p in r.parts:
        diff, over = _diff_cell(p.longer_than_planned_s)
        rows.append(
            Row(
                (
                    p.title,
                    clock(summary, p.planned_start),
                    clock(summary, p.started_at),
                    span(p.budget_s),
                    span(p.actual_s) if p.started_at is not None else "—",
                    diff,
                ),
                over,
            )
        )
    total_diff, total_over = _diff_cell(r.longer_than_planned_s)
    rows.append(
        Row(
            (
                w.total,
                clock(summary, r.planned_start),
                clock(summary, r.started_at),
                span(r.total_planned_s),
                span(r.total_actual_s),
                total_diff,
            ),
            total_over,
            strong=True,
        )
    )
    return rows


def part_headers(w: Words) -> tuple[str, ...]:
    return (w.part, w.planned_start, w.actual_start, w.planned, w.actual, w.difference)


def segment_headers(w: Words) -> tuple[str, ...]:
    return (
        "#",
        w.segment,
        w.speakers,
        w.planned_start,
        w.actual_start,
        w.start_delay,
        w.planned,
        w.actual,
        w.paused_col,
        w.over_countdown,
        w.difference,
    )
