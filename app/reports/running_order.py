"""The running order as printed for speakers and crew: clock times, durations, parts with
their budgets, speakers with their roles, the moderator's notes, in the session's language.

Pure: the rows are built here from the resolved Plan (its clock times, ``Plan.clock_label``,
"00:30 (+1)" past midnight; its durations and budgets), and the HTML is written here with
every piece of session text escaped. The PDF and the printer draw the same rows with Qt
(``app.reports.qt.running_order``); nothing computes a figure of its own.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app import __version__
from app.model.plan import Plan, PlannedSegment
from app.model.schema import SegmentKind
from app.reports.summary import Translator

NBSP = "\u00a0"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Line:
    """One line of a cell. ``style``: "strong" (a title, a name), "normal", "muted" (a kind, a
    role), "note" (the moderator's notes)."""

    text: str
    style: str = "normal"


@dataclass(frozen=True)
class PrintedRow:
    """A part (``part``: its clock, its budget) or a segment (its clock, its duration)."""

    part: bool
    clock: str
    duration: str
    what: tuple[Line, ...]
    who: tuple[Line, ...] = ()


@dataclass(frozen=True)
class PrintedRunningOrder:
    kicker: str
    title: str
    meta: str
    headers: tuple[str, str, str, str]
    rows: tuple[PrintedRow, ...]
    end: str
    footer: str
    language: str


class Words:
    """The printout's words in one language; each a literal ``translate("running order", …)``
    so that pyside6-lupdate finds it."""

    def __init__(self, language: Translator) -> None:
        self.kicker = language.translate("running order", "Running order")
        self.time = language.translate("running order", "Time")
        self.duration = language.translate("running order", "Duration")
        self.segment = language.translate("running order", "Segment")
        self.speakers = language.translate("running order", "Speakers")
        self.planned_end = language.translate("running order", "Planned end {clock}")
        self.hard_end = language.translate("running order", "end of the slot {clock}")
        self.slack = language.translate("running order", "{amount} to spare")
        self.over = language.translate("running order", "{amount} over the slot")
        self.footer = language.translate("running order", "Printed by Timekeeper {version}")
        self.kinds = {
            SegmentKind.INTRO: language.translate("running order", "Introduction"),
            SegmentKind.TALK: language.translate("running order", "Talk"),
            SegmentKind.QA: language.translate("running order", "Questions from the floor"),
            SegmentKind.PANEL: language.translate("running order", "Panel"),
            SegmentKind.BREAK: language.translate("running order", "Break"),
            SegmentKind.CONCLUSION: language.translate("running order", "Conclusion"),
            SegmentKind.OTHER: language.translate("running order", "Other"),
        }


def printed_duration(seconds: int) -> str:
    """A duration as a programme prints it: "10 min", "8 min 20 s", "1 h 30", "45 s"."""
    h, rest = divmod(max(0, seconds), 3600)
    m, s = divmod(rest, 60)
    if h:
        text = f"{h} h {m:02d}" if m else f"{h} h"
        return f"{text} {s:02d} s" if s else text
    if m:
        return f"{m} min {s:02d} s" if s else f"{m} min"
    return f"{s} s"


def _number(i: int) -> str:
    return ROMAN[i] if i < len(ROMAN) else str(i + 1)


def _what(seg: PlannedSegment, w: Words, *, title: bool) -> tuple[Line, ...]:
    """The title, the kind when it tells the crew something (not for a talk, nor when the
    title says it already: « Introduction et animation »), the moderator's notes."""
    lines = [Line(seg.title, "strong")] if title else []
    kind = w.kinds[seg.kind]
    if seg.kind is not SegmentKind.TALK and kind.casefold() not in seg.title.casefold():
        lines.append(Line(kind, "muted"))
    if seg.notes:
        lines.append(Line(seg.notes, "note"))
    return tuple(lines)


def _who(seg: PlannedSegment) -> tuple[Line, ...]:
    lines: list[Line] = []
    for person in seg.speakers:
        lines.append(Line(person.name, "strong"))
        about = ", ".join(x for x in (person.role, person.organisation) if x)
        if about:
            lines.append(Line(about, "muted"))
    return tuple(lines)


def printed_running_order(
    plan: Plan, language: Translator, long_date: Callable[[date], str] | None = None
) -> PrintedRunningOrder:
    """The rows and words of the printout. ``long_date`` writes the session's date in its
    language ("mardi 22 septembre 2020"; default ISO)."""
    w = Words(language)
    rows: list[PrintedRow] = []
    for part in plan.parts:
        first = plan.segments[part.first]
        heading = Line(f"{_number(part.index)}. {part.title}", "strong")
        alone = part.count == 1 and first.title == part.title
        notes = (Line(part.notes, "note"),) if part.notes else ()
        rows.append(
            PrintedRow(
                part=True,
                clock=plan.clock_label(first.offset_s),
                duration=printed_duration(part.budget_s),
                what=(heading, *(_what(first, w, title=False) if alone else ()), *notes),
                who=_who(first) if alone else (),
            )
        )
        if alone:
            continue
        for index in part.segment_indices:
            seg = plan.segments[index]
            rows.append(
                PrintedRow(
                    part=False,
                    clock=plan.clock_label(seg.offset_s),
                    duration=printed_duration(seg.planned_s),
                    what=_what(seg, w, title=True),
                    who=_who(seg),
                )
            )
    # No break inside the date or the slot: "mardi 22 septembre 2020" stays on one line.
    when = (long_date or date.isoformat)(plan.date).replace(" ", NBSP) if plan.date else ""
    slot = plan.start.strftime("%H:%M")
    if plan.slot_s is not None:
        slot += f"–{plan.clock_label(plan.slot_s)}"
    where = ", ".join(x for x in (plan.venue, plan.room) if x)
    meta = " · ".join(x for x in (plan.event, when, slot, where) if x)
    end = w.planned_end.format(clock=plan.clock_label(plan.total_s))
    if plan.slot_s is not None and plan.slack_s is not None:
        end += " · " + w.hard_end.format(clock=plan.clock_label(plan.slot_s))
        amount = printed_duration(abs(plan.slack_s))
        end += " · " + (w.slack if plan.slack_s >= 0 else w.over).format(amount=amount)
    return PrintedRunningOrder(
        kicker=w.kicker,
        title=plan.title,
        meta=meta,
        headers=(w.time, w.duration, w.segment, w.speakers),
        rows=tuple(rows),
        end=end,
        footer=w.footer.format(version=__version__),
        language=plan.language,
    )


# -- HTML ---------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 14mm 15mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; padding: 28px 36px; font: 14px/1.4 "DejaVu Sans", "Segoe UI", Roboto,
  Arial, sans-serif; color: #1d2430; background: #fff; }
.kicker { margin: 0; color: #5b6472; text-transform: uppercase; letter-spacing: .08em;
  font-size: 11px; }
h1 { margin: 4px 0 4px; font-size: 22px; line-height: 1.2; }
.meta { margin: 0 0 16px; color: #5b6472; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid #e3e6ea; text-align: left;
  vertical-align: top; }
th { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #5b6472;
  border-bottom: 2px solid #c9ced6; }
td.clock, td.duration { white-space: nowrap; }
tr.part td { background: #eef2f7; border-top: 2px solid #c9ced6; }
.strong { font-weight: 700; display: block; }
.normal { display: block; }
.muted { color: #5b6472; display: block; font-size: 12px; }
.note { font-style: italic; display: block; font-size: 12px; white-space: pre-line; }
.end { margin: 12px 0 0; font-weight: 700; }
footer { margin-top: 20px; color: #5b6472; font-size: 11px; }
@media print { body { padding: 0; font-size: 10pt; } tr { break-inside: avoid; } }
"""


def _cell(lines: tuple[Line, ...]) -> str:
    return "".join(f'<span class="{line.style}">{html.escape(line.text)}</span>' for line in lines)


def running_order_html(printed: PrintedRunningOrder) -> str:
    """One self-contained page (CSS inline, no script, nothing fetched); every piece of
    session text escaped."""
    e = html.escape
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in printed.headers)
    body = []
    for row in printed.rows:
        body.append(
            f'<tr class="{"part" if row.part else "segment"}">'
            f'<td class="clock">{e(row.clock)}</td>'
            f'<td class="duration">{e(row.duration)}</td>'
            f"<td>{_cell(row.what)}</td><td>{_cell(row.who)}</td></tr>"
        )
    rows = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="{e(printed.language)}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Timekeeper">
<title>{e(printed.title)} — {e(printed.kicker)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<p class="kicker">{e(printed.kicker)}</p>
<h1>{e(printed.title)}</h1>
<p class="meta">{e(printed.meta)}</p>
</header>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p class="end">{e(printed.end)}</p>
<footer>{e(printed.footer)}</footer>
</body>
</html>
"""
