"""The report as a printable A4 PDF through Qt's QPdfWriter, drawn with QPainter: the chart
stays vector, page breaks fall between table rows, and the seed workshop fits on two pages."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app import version
from app.engine.display import signed_span
from app.files import write_atomic
from app.i18n import Language
from app.reports.formats import EARLIER_REPORT
from app.reports.qt.chart_paint import (
    chart_font,
    chart_height,
    paint_chart,
)
from app.reports.summary import (
    Figure,
    Row,
    Summary,
    Words,
    build_summary,
    clock,
    headline,
    part_headers,
    part_rows,
    segment_headers,
    segment_rows,
    span,
)
from app.timing_log.reader import TimingLog

PDF_RESOLUTION = 300  # dpi; the drawing is in points and scaled, so this is only precision


_INK = QColor("#1d2430")
_MUTED = QColor("#5b6472")
_RULE = QColor("#c9ced6")
_OVER = QColor("#b42318")
_UNDER = QColor("#1e7b45")


def a4_writer(device: QBuffer, *, bottom_mm: float = 14) -> QPdfWriter:
    """A PDF writer on A4 portrait, 15 mm side and 14 mm top margins: the report's pages
    and the printed running order's."""
    writer = QPdfWriter(device)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, bottom_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


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
    from app.reports.qt.export import ensure_gui

    """The PDF report as bytes (``render_pdf`` writes them; the CLI can print them)."""
    ensure_gui()
    summary = build_summary(log)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _write_pdf(summary, Language(language), buffer)
    return bytes(buffer.data().data())


def render_pdf(log: TimingLog, out_path: Path, language: str, *, force: bool = False) -> Path:
    """Write the A4 report an organiser prints: title, figures, chart, tables. Rendered to
    bytes first, then written through app.files (atomic; an earlier PDF report is replaced,
    another file only with ``force``, a timing log or running order never)."""
    data = pdf_bytes(log, language)
    return write_atomic(out_path, data, replaceable=EARLIER_REPORT["pdf"], force=force)


def _write_pdf(summary: Summary, lang: Language, device: QBuffer) -> None:
    w = Words(lang)
    r = summary.report
    writer = a4_writer(device, bottom_mm=16)
    writer.setTitle(f"{r.title} — {w.report_kind}")
    writer.setCreator(f"Timekeeper {version()}")
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
                f"{n}. {signed_span(s.overrun_s)} — {s.title} "
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
            (3, 18, 11, 8.5, 8.5, 8, 7.5, 7, 7, 11, 10.5),
            numeric_from=3,
            wrap_columns=(1, 2),
            muted_columns=(2,),
        )
        pages.y += 12
        _draw_text(
            pages,
            w.generated.format(version=version(), file=r.log_path.name),
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
