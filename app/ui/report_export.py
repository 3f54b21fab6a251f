"""The report of a past session as an organiser keeps it: one HTML file, a printable PDF, and
the chart as a picture.

Every figure comes from ``app.timing_log.report.build_report`` (the same figures as
``timekeeper report --format text|csv|json``) and every bar from ``app.ui.chart``: nothing is
computed twice, so the HTML, the PDF, the chart and the replay window's summary agree.

- ``render_html``: a single self-contained file (CSS inline, the chart inline as SVG, no
  script, no font or image fetched) that opens in any browser and prints cleanly.
- ``render_pdf``: A4 through Qt's QPdfWriter, drawn with QPainter: the chart stays vector,
  page breaks fall between table rows, and the seed workshop fits on two pages.
- ``export_chart``: the chart alone as .png or .svg.

Words are in the language asked for (``Language``); session text (titles, names, messages) is
printed as written and, in HTML, always escaped: a title such as ``<b>R&D</b>`` shows those
characters.
"""

from __future__ import annotations

import html
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app import __version__
from app.engine.display import format_span
from app.timing_log.reader import TimingLog
from app.timing_log.report import PartReport, Report, SegmentReport, build_report
from app.ui.chart import (
    FONT_FAMILIES,
    ChartData,
    Language,
    chart_data,
    chart_font,
    chart_height,
    chart_svg,
    paint_chart,
    write_chart,
)

LARGEST_OVERRUNS = 3
PDF_RESOLUTION = 300  # dpi; the drawing is in points and scaled, so this is only precision


def ensure_gui() -> QGuiApplication:
    """Fonts and painting need a QGuiApplication. `timekeeper report --format pdf` runs in a
    terminal, maybe without a display, so one is created on the offscreen platform there."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "timekeeper", "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    return app


# -- the figures ------------------------------------------------------------------------------


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

    @property
    def late_vs_hard_end_s(self) -> float | None:
        """Positive: the session ran past the end of its slot; negative: time to spare."""
        if self.report.hard_end is None or self.end is None:
            return None
        return (self.end - self.report.hard_end).total_seconds()

    def zone(self, value: datetime) -> datetime:
        """Times in the zone the session was planned in (not the reader's)."""
        return value.astimezone(self.report.planned_start.tzinfo)


def build_summary(log: TimingLog, data: ChartData | None = None) -> Summary:
    return Summary(report=build_report(log), data=data or chart_data(log))


def span(seconds: float) -> str:
    return format_span(round(abs(seconds)))


def signed(seconds: float) -> str:
    """+3:05 late, −1:40 early, ±0:00; the sign is a word's worth: never colour alone."""
    whole = round(seconds)
    if whole == 0:
        return "±" + format_span(0)
    return ("+" if whole > 0 else "−") + format_span(abs(whole))


def clock(summary: Summary, value: datetime | None, seconds: bool = True) -> str:
    if value is None:
        return "—"
    return summary.zone(value).strftime("%H:%M:%S" if seconds else "%H:%M")


# -- words --------------------------------------------------------------------------------------


class Words:
    """The report's sentences in one language. Each is a literal ``translate("report", …)``
    call so that pyside6-lupdate finds it."""

    def __init__(self, language: Language) -> None:
        self.lang = language
        self.report_kind = language.translate("report", "Timing report")
        self.started = language.translate("report", "Started")
        self.ended = language.translate("report", "Ended")
        self.not_ended = language.translate("report", "Not ended")
        self.not_started = language.translate("report", "Not started")
        self.planned_at = language.translate("report", "planned {clock}")
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
        self.planned = language.translate("report", "Planned")
        self.actual = language.translate("report", "Actual")
        self.difference = language.translate("report", "Difference")
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
        whole = round(seconds)
        return self.on_time if whole == 0 else self.late if whole > 0 else self.early


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
            w.planned_at.format(clock=clock(summary, r.planned_start, False)),
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
        out.append(Figure(w.vs_plan, signed(late), w.late_word(late), alarm=late >= 60))
    hard = summary.late_vs_hard_end_s
    if hard is not None and r.hard_end is not None:
        where = w.after_hard_end if hard > 0 else w.before_hard_end
        out.append(
            Figure(
                w.vs_hard_end,
                signed(hard),
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
    return signed(seconds), (1 if whole > 0 else -1 if whole < 0 else 0)


def segment_rows(summary: Summary, w: Words) -> list[Row]:
    rows = []
    for s in summary.report.segments:
        ran = s.status in ("done", "open")
        diff, over = _diff_cell(s.difference_s if s.status == "done" else None)
        status = w.status.get(s.status, s.status)
        rows.append(
            Row(
                (
                    str(s.index + 1),
                    s.title,
                    ", ".join(s.speakers),
                    clock(summary, s.planned_start),
                    clock(summary, s.started_at),
                    span(s.planned_s),
                    span(s.actual_s) if ran else "—",
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
        diff, over = _diff_cell(_part_difference(p))
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
    total_diff, total_over = _diff_cell(
        r.total_actual_s - r.total_planned_s if r.finished else None
    )
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


def _part_difference(p: PartReport) -> float | None:
    if p.started_at is None or p.open:
        return None
    return p.actual_s - p.budget_s


def part_headers(w: Words) -> tuple[str, ...]:
    return (w.part, w.planned_start, w.actual_start, w.planned, w.actual, w.difference)


def segment_headers(w: Words) -> tuple[str, ...]:
    return (
        "#",
        w.segment,
        w.speakers,
        w.planned_start,
        w.actual_start,
        w.planned,
        w.actual,
        w.difference,
    )


# -- HTML -------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 32px 40px 48px; font: 15px/1.45 "DejaVu Sans", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; color: #1d2430; background: #fff; }
header { border-bottom: 3px solid #2c6fb7; padding-bottom: 12px; margin-bottom: 20px; }
.kicker { margin: 0; color: #5b6472; text-transform: uppercase; letter-spacing: .08em;
  font-size: 12px; }
h1 { margin: 4px 0 6px; font-size: 26px; line-height: 1.2; }
h2 { margin: 28px 0 10px; font-size: 19px; }
.meta { margin: 0; color: #5b6472; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; padding: 0; }
.figure { flex: 1 1 150px; border: 1px solid #d6dae0; border-radius: 8px; padding: 10px 14px;
  background: #f7f9fb; }
.figure dt { font-size: 12px; color: #5b6472; text-transform: uppercase; letter-spacing: .05em; }
.figure dd { margin: 2px 0 0; }
.figure .value { display: block; font-size: 24px; font-weight: 700;
  font-variant-numeric: tabular-nums; }
.figure .note { display: block; font-size: 13px; color: #5b6472; }
.figure.alarm { border-color: #e4a29b; background: #fdf1ef; }
.figure.alarm .value { color: #b42318; }
.warnings { border: 1px solid #e8c16d; background: #fff8e6; border-radius: 8px;
  padding: 10px 14px; margin: 16px 0; }
.warnings ul { margin: 6px 0 0; padding-left: 20px; }
figure.chart { margin: 20px 0 0; }
figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #e3e6ea;
  border-radius: 6px; }
figcaption { font-size: 13px; color: #5b6472; margin-top: 6px; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid #e3e6ea; text-align: left;
  vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5b6472;
  border-bottom: 2px solid #c9ced6; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.strong td { font-weight: 700; border-top: 2px solid #c9ced6; }
td.over { color: #b42318; font-weight: 700; }
td.under { color: #1e7b45; }
td.who { color: #5b6472; font-size: 13px; }
ol.overruns li { margin: 2px 0; }
footer { margin-top: 32px; color: #5b6472; font-size: 12px; }
@media print {
  body { padding: 0; font-size: 11pt; }
  figure.chart, table, tr { break-inside: avoid; }
  .figure { background: none; }
}
"""

_SVG_HEAD = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SVG_FONT = 'font-family="' + FONT_FAMILIES[0] + '"'


def inline_svg(svg: str, label: str) -> str:
    """Qt's SVG made fit to sit inside HTML: no XML prolog, fluid width, a font stack that
    every browser resolves, and an accessible name."""
    body = svg[svg.index("<svg") :]
    match = _SVG_HEAD.match(body)
    assert match is not None
    head = match.group(0)
    view_box = re.search(r'viewBox="([^"]*)"', head)
    new_head = (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" role="img" '
        f'aria-label="{html.escape(label)}" '
        f'viewBox="{view_box.group(1) if view_box else "0 0 1200 600"}" '
        'preserveAspectRatio="xMinYMin meet">'
    )
    stack = ", ".join(FONT_FAMILIES)
    return (new_head + body[match.end() :]).replace(_SVG_FONT, f'font-family="{stack}"')


def render_html(log: TimingLog, language: str) -> str:
    """The whole report as one HTML document (see the module docstring)."""
    ensure_gui()
    lang = Language(language)
    return html_document(build_summary(log), lang)


def html_document(summary: Summary, lang: Language) -> str:
    w = Words(lang)
    r = summary.report
    e = html.escape
    title = e(r.title)
    meta = " · ".join(
        e(x)
        for x in (
            r.event,
            lang.date(summary.zone(r.planned_start)),
            f"{clock(summary, r.planned_start, False)}–"
            f"{clock(summary, r.hard_end or r.planned_end, False)}",
            r.venue,
        )
        if x
    )
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.code}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Timekeeper">',
        f"<title>{title} — {e(w.report_kind)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<p class="kicker">{e(w.report_kind)}</p>',
        f"<h1>{title}</h1>",
        f'<p class="meta">{meta}</p>',
        "</header>",
        '<dl class="figures">',
    ]
    for fig in headline(summary, w):
        cls = "figure alarm" if fig.alarm else "figure"
        out.append(
            f'<div class="{cls}"><dt>{e(fig.label)}</dt><dd><span class="value">'
            f'{e(fig.value)}</span><span class="note">{e(fig.note)}</span></dd></div>'
        )
    out.append("</dl>")
    if r.warnings:
        out.append(f'<div class="warnings"><strong>{e(w.warnings)}</strong><ul>')
        out.extend(f"<li>{e(x)}</li>" for x in r.warnings)
        out.append("</ul></div>")
    svg = chart_svg(summary.data, 1200, language=lang, title=False)
    out.append('<figure class="chart">')
    out.append(f"<h2>{e(w.chart)}</h2>")
    out.append(inline_svg(svg, w.chart))
    out.append(f"<figcaption>{e(w.chart_caption)}</figcaption>")
    out.append("</figure>")

    out.append(f"<h2>{e(w.parts)}</h2>")
    out.append(_html_table(part_headers(w), part_rows(summary, w), numeric_from=1))
    out.append(f"<h2>{e(w.segments)}</h2>")
    out.append(
        _html_table(segment_headers(w), segment_rows(summary, w), numeric_from=3, who_column=2)
    )
    out.append(f"<h2>{e(w.largest)}</h2>")
    largest = summary.largest_overruns
    if largest:
        out.append('<ol class="overruns">')
        for s in largest:
            out.append(
                f"<li><strong>{e(signed(s.overrun_s))}</strong> — {e(s.title)} "
                f"({e(span(s.actual_s))} / {e(span(s.planned_s))})</li>"
            )
        out.append("</ol>")
    else:
        out.append(f"<p>{e(w.no_overrun)}</p>")
    out.append(
        "<footer>" + e(w.generated.format(version=__version__, file=r.log_path.name)) + "</footer>"
    )
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _html_table(
    headers: Sequence[str], rows: Sequence[Row], *, numeric_from: int, who_column: int = -1
) -> str:
    e = html.escape
    out = ["<table>", "<thead><tr>"]
    for i, h in enumerate(headers):
        cls = ' class="num"' if i >= numeric_from or h == "#" else ""
        out.append(f"<th{cls}>{e(h)}</th>")
    out.append("</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        out.append('<tr class="strong">' if row.strong else "<tr>")
        last = len(row.cells) - 1
        for i, cell in enumerate(row.cells):
            classes = []
            if i >= numeric_from or (i == 0 and headers[0] == "#"):
                classes.append("num")
            if i == who_column:
                classes.append("who")
            if i == last and row.over:
                classes.append("over" if row.over > 0 else "under")
            cls = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f"<td{cls}>{e(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


# -- PDF --------------------------------------------------------------------------------------

_INK = QColor("#1d2430")
_MUTED = QColor("#5b6472")
_RULE = QColor("#c9ced6")
_OVER = QColor("#b42318")
_UNDER = QColor("#1e7b45")


def _pt_font(size: float, *, bold: bool = False) -> QFont:
    return chart_font(size, bold=bold)


class _Pages:
    """A QPainter over a QPdfWriter, in points, that knows where the next line goes."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        layout = writer.pageLayout()
        paint = layout.paintRectPoints()
        scale = writer.resolution() / 72.0
        self.scale = scale
        self.width = float(paint.width())
        self.height = float(paint.height())
        self.y = 0.0
        self.number = 1
        painter.scale(scale, scale)

    def room(self) -> float:
        return self.height - self.y

    def new_page(self) -> None:
        self.writer.newPage()
        self.number += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        if height > self.room() and self.y > 0:
            self.new_page()


def _text_height(font: QFont, text: str, width: float) -> float:
    fm = QFontMetricsF(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    return fm.boundingRect(QRectF(0, 0, width, 10_000), flags, text).height()


def _draw_text(
    pages: _Pages,
    text: str,
    font: QFont,
    colour: QColor = _INK,
    *,
    gap_after: float = 4.0,
) -> None:
    height = _text_height(font, text, pages.width)
    pages.ensure(height)
    p = pages.painter
    p.setFont(font)
    p.setPen(colour)
    p.drawText(
        QRectF(0, pages.y, pages.width, height),
        int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
        text,
    )
    pages.y += height + gap_after


def _draw_table(
    pages: _Pages,
    headers: Sequence[str],
    rows: Sequence[Row],
    widths: Sequence[float],
    *,
    numeric_from: int,
    wrap_columns: Sequence[int] = (),
    muted_columns: Sequence[int] = (),
) -> None:
    """Rows that wrap their long columns; a row never splits, the header repeats on a new
    page."""
    size = 8.0
    font, bold = _pt_font(size), _pt_font(size * 0.9, bold=True)
    pad = 3.0
    total = sum(widths)
    xs = [0.0]
    for wdt in widths:
        xs.append(xs[-1] + wdt * pages.width / total)
    p = pages.painter

    def cell_rect(i: int, y: float, h: float) -> QRectF:
        return QRectF(xs[i] + pad, y + pad, xs[i + 1] - xs[i] - 2 * pad, h - 2 * pad)

    def align(i: int) -> Qt.AlignmentFlag:
        if i >= numeric_from or (i == 0 and headers[0] == "#"):
            return Qt.AlignmentFlag.AlignRight
        return Qt.AlignmentFlag.AlignLeft

    def header_row() -> None:
        h = max(_text_height(bold, x, xs[i + 1] - xs[i] - 2 * pad) for i, x in enumerate(headers))
        h += 2 * pad
        p.setFont(bold)
        p.setPen(_MUTED)
        for i, text in enumerate(headers):
            p.drawText(
                cell_rect(i, pages.y, h),
                int(align(i) | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                text,
            )
        pages.y += h
        _hrule(p, pages.y, pages.width, 1.0)

    def row_height(row: Row) -> float:
        h = 0.0
        for i, text in enumerate(row.cells):
            width = xs[i + 1] - xs[i] - 2 * pad
            if i in wrap_columns:
                h = max(h, _text_height(font, text, width))
            else:
                h = max(h, QFontMetricsF(font).height())
        return h + 2 * pad

    header_h = 3 * size
    pages.ensure(header_h + row_height(rows[0]) if rows else header_h)
    header_row()
    for row in rows:
        h = row_height(row)
        if h > pages.room():
            pages.new_page()
            header_row()
        row_font = _pt_font(size, bold=row.strong)
        p.setFont(row_font)
        last = len(row.cells) - 1
        for i, text in enumerate(row.cells):
            colour = _INK
            if i == last and row.over:
                colour = _OVER if row.over > 0 else _UNDER
            elif i in muted_columns:
                colour = _MUTED
            p.setPen(colour)
            rect = cell_rect(i, pages.y, h)
            flags = int(align(i) | Qt.AlignmentFlag.AlignTop)
            if i in wrap_columns:
                flags |= int(Qt.TextFlag.TextWordWrap)
            else:
                text = QFontMetricsF(row_font).elidedText(
                    text, Qt.TextElideMode.ElideRight, rect.width()
                )
            p.drawText(rect, flags, text)
        pages.y += h
        _hrule(p, pages.y, pages.width, 0.4)


def _hrule(painter: QPainter, y: float, width: float, thickness: float) -> None:
    painter.setPen(QPen(_RULE, thickness))
    painter.drawLine(QPointF(0, y), QPointF(width, y))


def pdf_bytes(log: TimingLog, language: str) -> bytes:
    """The PDF report as bytes (``render_pdf`` writes them; the CLI can print them)."""
    ensure_gui()
    summary = build_summary(log)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _write_pdf(summary, Language(language), buffer)
    return bytes(buffer.data().data())


def render_pdf(log: TimingLog, out_path: Path, language: str) -> Path:
    """Write the A4 report an organiser prints: title, figures, chart, tables."""
    out_path.write_bytes(pdf_bytes(log, language))
    return out_path


def _write_pdf(summary: Summary, lang: Language, device: QBuffer) -> None:
    w = Words(lang)
    r = summary.report
    writer = QPdfWriter(device)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{r.title} — {w.report_kind}")
    writer.setCreator(f"Timekeeper {__version__}")
    painter = QPainter(writer)
    try:
        pages = _Pages(writer, painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _draw_text(pages, w.report_kind.upper(), _pt_font(7.5), _MUTED, gap_after=2)
        _draw_text(pages, r.title, _pt_font(15, bold=True), gap_after=3)
        meta = " · ".join(
            x
            for x in (
                r.event,
                lang.date(summary.zone(r.planned_start)),
                f"{clock(summary, r.planned_start, False)}–"
                f"{clock(summary, r.hard_end or r.planned_end, False)}",
                r.venue,
            )
            if x
        )
        _draw_text(pages, meta, _pt_font(8.5), _MUTED, gap_after=8)
        _draw_figures(pages, headline(summary, w))
        if r.warnings:
            _draw_text(pages, w.warnings + ":", _pt_font(8, bold=True), _OVER, gap_after=1)
            for warning in r.warnings:
                _draw_text(pages, "• " + warning, _pt_font(7.5), _MUTED, gap_after=1)
            pages.y += 4
        _draw_text(pages, w.chart, _pt_font(11, bold=True), gap_after=4)
        height = chart_height(summary.data, pages.width, title=False, language=lang)
        pages.ensure(height)
        paint_chart(
            painter,
            QRectF(0, pages.y, pages.width, height),
            summary.data,
            title=False,
            language=lang,
        )
        pages.y += height + 10
        _draw_text(pages, w.parts, _pt_font(11, bold=True), gap_after=3)
        _draw_table(
            pages,
            part_headers(w),
            part_rows(summary, w),
            (34, 13, 13, 11, 11, 12),
            numeric_from=1,
            wrap_columns=(0,),
        )
        pages.y += 10
        _draw_text(pages, w.largest, _pt_font(11, bold=True), gap_after=3)
        largest = summary.largest_overruns
        if not largest:
            _draw_text(pages, w.no_overrun, _pt_font(8.5))
        for n, s in enumerate(largest, start=1):
            _draw_text(
                pages,
                f"{n}. {signed(s.overrun_s)} — {s.title} "
                f"({span(s.actual_s)} / {span(s.planned_s)})",
                _pt_font(8.5),
                gap_after=2,
            )
        # The detail per segment starts on its own page: page one is the overview.
        pages.new_page()
        _draw_text(pages, w.segments, _pt_font(11, bold=True), gap_after=3)
        _draw_table(
            pages,
            segment_headers(w),
            segment_rows(summary, w),
            (4, 30, 17, 10, 10, 8, 8, 12),
            numeric_from=3,
            wrap_columns=(1, 2),
            muted_columns=(2,),
        )
        pages.y += 12
        _draw_text(
            pages,
            w.generated.format(version=__version__, file=r.log_path.name),
            _pt_font(7.5),
            _MUTED,
        )
    finally:
        painter.end()


def _draw_figures(pages: _Pages, figures: Sequence[Figure]) -> None:
    """The headline figures in a row of boxes (wrapping to a second row when many)."""
    per_row = 3
    gap = 6.0
    box_w = (pages.width - gap * (per_row - 1)) / per_row
    box_h = 40.0
    p = pages.painter
    rows = math.ceil(len(figures) / per_row)
    pages.ensure(rows * (box_h + gap))
    for n, fig in enumerate(figures):
        col, row = n % per_row, n // per_row
        x = col * (box_w + gap)
        y = pages.y + row * (box_h + gap)
        frame = QRectF(x, y, box_w, box_h)
        p.setPen(QPen(_OVER if fig.alarm else _RULE, 0.8))
        p.setBrush(QColor("#fdf1ef") if fig.alarm else QColor("#f7f9fb"))
        p.drawRoundedRect(frame, 4, 4)
        p.setFont(_pt_font(6.5, bold=True))
        p.setPen(_MUTED)
        p.drawText(
            QRectF(x + 6, y + 4, box_w - 12, 9), int(Qt.AlignmentFlag.AlignLeft), fig.label.upper()
        )
        p.setFont(_pt_font(13, bold=True))
        p.setPen(_OVER if fig.alarm else _INK)
        p.drawText(
            QRectF(x + 6, y + 13, box_w - 12, 15), int(Qt.AlignmentFlag.AlignLeft), fig.value
        )
        p.setFont(_pt_font(6.5))
        p.setPen(_MUTED)
        note = QFontMetricsF(_pt_font(6.5)).elidedText(
            fig.note, Qt.TextElideMode.ElideRight, box_w - 12
        )
        p.drawText(QRectF(x + 6, y + 29, box_w - 12, 9), int(Qt.AlignmentFlag.AlignLeft), note)
    p.setBrush(Qt.BrushStyle.NoBrush)
    pages.y += rows * (box_h + gap) + 4


# -- for the command line ---------------------------------------------------------------------

REPORT_FORMATS = ("html", "pdf")


def ui_language() -> str:
    """The interface language: the settings' choice, else the system's (as the windows do)."""
    from app.ui.i18n import system_language
    from app.ui.settings import load_settings

    settings, _ = load_settings()
    return settings.language or system_language()


def report_bytes(log: TimingLog, fmt: str, language: str | None = None) -> bytes:
    """`timekeeper report LOG --format html|pdf`: the report as bytes, in ``language`` (the
    interface language when None). Works without a display (offscreen Qt)."""
    ensure_gui()
    lang = language or ui_language()
    if fmt == "html":
        return render_html(log, lang).encode("utf-8")
    if fmt == "pdf":
        return pdf_bytes(log, lang)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {REPORT_FORMATS}")


# -- the chart alone ----------------------------------------------------------------------------


def export_chart(log: TimingLog, path: Path, language: str = "en") -> Path:
    """The chart as .png or .svg (by the file's suffix)."""
    ensure_gui()
    return write_chart(chart_data(log), path, language=Language(language))
