"""The report as text, CSV and JSON: pure renderings of ``app.reports.model.Report``.

Every figure is the model's (each one defined once, in the engine's Snapshot); these only
write it. Terminal text is data: written as it is read. A CSV's text cells are neutralised
(app.model.text: an apostrophe before a cell a spreadsheet would run as a formula); its
numeric columns are numbers, written as numbers (a number carries no formula).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.engine.display import format_span, signed_span
from app.model.text import neutralise_cell
from app.reports.model import Report

FORMATS = ("text", "csv", "json")

TEXT_LEGEND = (
    "late: start against the planned clock time; longer: clock time held (pauses included)",
    "against the plan as printed; over cd: past the countdown (pauses excluded, added",
    "minutes included); paused: time lost to pauses.",
)


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report_as_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return report_as_csv(report)
    return report_as_text(report)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _maybe_secs(value: float | None) -> float | None:
    return None if value is None else _secs(value)


def _maybe_round(value: float | None) -> int | str:
    return "" if value is None else round(value)


def _maybe_signed(value: float | None) -> str:
    return "" if value is None else signed_span(value)


def _secs(value: float) -> float:
    """Seconds to the millisecond: enough for a report, and stable in JSON."""
    return round(value, 3) + 0.0  # + 0.0: never "-0.0"


def report_as_json(report: Report) -> dict[str, Any]:
    """The `report --format json` contract of ARCHITECTURE.md §5, with more fields."""
    late = report.late_end_s
    return {
        "title": report.title,
        "event": report.event,
        "venue": report.venue,
        "log": str(report.log_path),
        "schema": report.schema_version,
        "app_version": report.app_version,
        "planned_start": _iso(report.planned_start),
        "anchor": report.anchor,
        "anchored_at": _iso(report.anchored_at),
        "planned_end": _iso(report.planned_end),
        "hard_end": _iso(report.hard_end),
        "started_at": _iso(report.started_at),
        "ended_at": _iso(report.ended_at),
        "finished": report.finished,
        "open": report.open,
        "total_planned_s": report.total_planned_s,
        "total_actual_s": _secs(report.total_actual_s),
        "late_end_s": None if late is None else _secs(late),
        "late_vs_hard_end_s": _maybe_secs(report.late_vs_hard_end_s),
        "longer_than_planned_s": _maybe_secs(report.longer_than_planned_s),
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
                "longer_than_planned_s": _maybe_secs(s.longer_than_planned_s),
                "over_countdown_s": _maybe_secs(s.over_countdown_s),
                "start_delay_s": None if s.start_delay_s is None else _secs(s.start_delay_s),
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
                "longer_than_planned_s": _maybe_secs(p.longer_than_planned_s),
                "planned_start": _iso(p.planned_start),
                "started_at": _iso(p.started_at),
                "ended_at": _iso(p.ended_at),
                "open": p.open,
            }
            for p in report.parts
        ],
        "automatic": [
            {"at": _iso(at), "action": action, "segment": segment, "cause": cause}
            for at, action, segment, cause in report.automatic
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
    "start_delay_s",
    "longer_than_planned_s",
    "over_countdown_s",
    "overrun_s",
    "paused_s",
)


def report_as_csv(report: Report) -> str:
    """One row per segment under a header row; UTF-8 with a byte-order mark, so that a
    spreadsheet opens the accents right. Durations are whole seconds: no decimal separator
    to be misread in a French locale. Text cells (titles, speakers, part, kind, status,
    times) go through ``neutralise_cell``; the numbers stay numbers, negative ones included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for s in report.segments:
        writer.writerow(
            (
                s.index + 1,
                *map(
                    neutralise_cell,
                    (
                        s.part_title,
                        s.title,
                        s.kind,
                        "; ".join(s.speakers),
                        s.status,
                        _iso(s.planned_start) or "",
                        _iso(s.started_at) or "",
                        _iso(s.ended_at) or "",
                    ),
                ),
                s.planned_s,
                s.final_planned_s,
                round(s.actual_s),
                "" if s.start_delay_s is None else round(s.start_delay_s),
                _maybe_round(s.longer_than_planned_s),
                _maybe_round(s.over_countdown_s),
                round(s.overrun_s),
                round(s.paused_s),
            )
        )
    return "\ufeff" + buffer.getvalue()


def _span(seconds: float) -> str:
    return format_span(round(seconds))


def _clock(value: datetime | None, zone: datetime) -> str:
    """HH:MM:SS in the planned start's zone, with " (+1)" on a later day than the planned
    start's: an evening that runs past midnight."""
    if value is None:
        return "—"
    local = value.astimezone(zone.tzinfo)
    days = (local.date() - zone.astimezone(zone.tzinfo).date()).days
    return local.strftime("%H:%M:%S") + (f" (+{days})" if days > 0 else "")


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
        ends += f"; ended {signed_span(late)} against the plan"
    elif late is not None:
        ends += (
            f"; at the last event it was heading for {_clock(report.projected_end, zone)}"
            f" ({signed_span(late)})"
        )
    lines.append(ends + ".")
    if report.relative:
        at = _clock(report.anchored_at, zone)[:5]
        lines.append(f"Planned clock times relative to the actual start {at}.")
    for when, action, segment, cause in report.automatic:
        what = {
            "start": "started by itself",
            "next": f"moved on by itself to segment {segment + 1}",
            "load": f"loaded segment {segment + 1} by itself, waiting",
            "end": "ended by itself",
            "roll_off": "left roll mode (a manual control)",
        }.get(action, action)
        why = {"roll": " (roll mode)", "end_action": " (end action at zero)"}.get(cause, "")
        lines.append(f"{_clock(when, zone)}  {what}{why}.")
    lines.append("")
    lines.extend(TEXT_LEGEND)
    lines.append("")
    # A clock time past midnight carries " (+1)": its columns widen for every row then.
    w = max(
        len(_clock(x, zone))
        for x in [report.planned_start]
        + [t for seg in report.segments for t in (seg.planned_start, seg.started_at)]
    )
    head = (
        f"{'#':>3}  {'planned':{w}}  {'started':{w}}  {'late':>7}  {'plan':>7}  {'actual':>7}  "
        f"{'longer':>7}  {'over cd':>7}  {'paused':>7}  "
    )
    lines.append(head + "segment")
    for s in report.segments:
        who = f" — {', '.join(s.speakers)}" if s.speakers else ""
        flag = {"open": "  [open]", "skipped": "  [skipped]", "not reached": "  [not reached]"}
        done = s.status == "done"
        delay = "" if s.start_delay_s is None else signed_span(s.start_delay_s)
        longer = _maybe_signed(s.longer_than_planned_s) if done else ""
        over = _maybe_signed(s.over_countdown_s) if done else ""
        paused = _span(s.paused_s) if s.ran else ""
        lines.append(
            f"{s.index + 1:>3}  {_clock(s.planned_start, zone):{w}}  "
            f"{_clock(s.started_at, zone):{w}}  {delay:>7}  {_span(s.planned_s):>7}  "
            f"{_span(s.actual_s):>7}  {longer:>7}  {over:>7}  {paused:>7}  "
            f"{s.title}{who}{flag.get(s.status, '')}"
        )
    lines.append("")
    lines.append(
        f"{'':3}  {'parts':{w}}  {'':{w}}  {'':>7}  {'plan':>7}  {'actual':>7}  {'longer':>7}"
    )
    for p in report.parts:
        longer = _maybe_signed(p.longer_than_planned_s)
        lines.append(
            f"{'':3}  {_clock(p.planned_start, zone):{w}}  {_clock(p.started_at, zone):{w}}  "
            f"{'':>7}  {_span(p.planned_s):>7}  {_span(p.actual_s):>7}  {longer:>7}  {p.title}"
            f"{'  [open]' if p.open else ''}"
        )
    total_diff = _maybe_signed(report.longer_than_planned_s)
    lines.append(
        f"{'':3}  {'total':{w}}  {'':{w}}  {'':>7}  {_span(report.total_planned_s):>7}  "
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


# -- recognising an earlier report ------------------------------------------------------------
# `timekeeper report -o FILE` replaces FILE without --force only when it is an earlier report
# of the same format (app.files.write_atomic's ``replaceable``): a report is derived data, made
# again from its log at will, but a file that merely has the same name may be anyone's.

_JSON_KEYS = frozenset({"title", "log", "schema", "total_planned_s", "segments", "parts"})
_HTML_GENERATOR = b'<meta name="generator" content="Timekeeper">'
_PDF_CREATORS = (b"/Creator (Timekeeper", b"/Creator (\xfe\xff" + "Timekeeper".encode("utf-16-be"))


def _text_of(head: bytes) -> str:
    return head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")


def _is_text_report(head: bytes) -> bool:
    """The legend every text report prints, on lines of their own."""
    lines = _text_of(head).splitlines()
    return all(line in lines for line in TEXT_LEGEND)


def _is_csv_report(head: bytes) -> bool:
    """The report's header row, exactly, as the first line."""
    return _text_of(head).split("\n", 1)[0].rstrip("\r") == ",".join(CSV_COLUMNS)


def _is_json_report(head: bytes) -> bool:
    """A JSON object with the report's documented keys (ARCHITECTURE.md §5)."""
    try:
        data = json.loads(_text_of(head))
    except ValueError:
        return False
    return isinstance(data, dict) and data.keys() >= _JSON_KEYS


def _is_html_report(head: bytes) -> bool:
    """The generator meta of app.reports.qt.html, near the top of the page."""
    return _HTML_GENERATOR in head[:4096]


def _is_pdf_report(head: bytes) -> bool:
    """A PDF whose creator is Timekeeper (app.reports.qt.pdf sets it; Qt writes it in UTF-16)."""
    return head.startswith(b"%PDF-") and any(c in head for c in _PDF_CREATORS)


EARLIER_REPORT: dict[str, Callable[[bytes], bool]] = {
    "text": _is_text_report,
    "csv": _is_csv_report,
    "json": _is_json_report,
    "html": _is_html_report,
    "pdf": _is_pdf_report,
}
