"""The planned-versus-actual chart, drawn: a Gantt on the wall clock (QtGui only).

One function, ``paint_chart(painter, rect, data)``, draws it on whatever the painter paints:
the replay window's widget, a PNG (QImage), an SVG (QSvgGenerator) and the PDF report
(QPdfWriter). One drawing for every output means the printed report, the exported picture
and the window can never disagree. The data is ``app.reports.chart_data`` (pure).

Bars have a stable identity in every output: each planned and each actual bar is one
``drawRect`` call, and nothing else in the chart is drawn with ``drawRect`` or ``fillRect``
(backgrounds, bands, swatches and hatching are paths). In the SVG, Qt writes each bar as one
``<rect>`` inside a group filled with the bar's colour, so a test (or a reader) can count the
bars per kind by their fill: ``PLANNED_FILL``, ``ACTUAL_FILL`` and ``OVERRUN_FILL``. Hatching
is drawn as computed line segments rather than a pattern brush, because QSvgGenerator turns
pattern brushes into ``<rect>`` masks and ignores clipping.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator

from app.engine.display import format_span, signed_span
from app.files import write_atomic
from app.i18n import Language
from app.reports.chart_data import ChartData, SegmentRow

# -- drawing ----------------------------------------------------------------------------------

PLANNED_FILL = QColor("#c9ced6")
ACTUAL_FILL = QColor("#2c6fb7")
OVERRUN_FILL = QColor("#d9822b")
OVERRUN_HATCH = QColor("#b42318")
PAUSE_FILL = QColor(240, 196, 25, 70)
PAUSE_LINE = QColor("#a27c00")
GAP_FILL = QColor(60, 64, 72, 45)
GAP_LINE = QColor("#3c4048")
HARD_END = QColor("#b42318")
GRID = QColor("#e3e6ea")
TEXT = QColor("#1d2430")
MUTED = QColor("#5b6472")
CURSOR = QColor("#0b57d0")
BACKGROUND = QColor("#ffffff")
MARKER_COLOURS = {
    "message": QColor("#6f42c1"),
    "adjust": QColor("#1e7b45"),
    "catch_up": QColor("#0b57d0"),
    "blackout": QColor("#1d2430"),
    "undo": QColor("#5b6472"),
    "auto": QColor("#b25e00"),
    "timing": QColor("#00796b"),
}
FONT_FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "sans-serif"]
TICK_STEPS_S = (60, 120, 300, 600, 900, 1800, 3600, 7200, 10800)
PNG_QUALITY = 80
MAX_LABELLED_MARKERS = 40  # past that, markers are drawn without their labels
MIN_FONT_PX, MAX_FONT_PX = 8.0, 13.0  # the type at full size, by width
SMALLEST_FONT_PX = 7.0  # squeezed into a short window, never smaller than this


def chart_font(px: float, *, bold: bool = False) -> QFont:
    """Pixel-sized fonts: the chart scales with the rectangle it is given, on any device
    (a 96-dpi widget, a 72-dpi SVG, a 1200-dpi PDF), not with the device's dpi."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class _Layout:
    """Sizes derived from the width: one formula for window, picture and paper."""

    font_px: float
    row_h: float
    part_h: float
    label_w: float
    pad: float
    title_h: float
    axis_h: float
    lane_h: float
    ends_h: float
    legend_h: float

    @classmethod
    def for_width(
        cls, width: float, *, title: bool, legend_rows: int = 1, font_px: float | None = None
    ) -> _Layout:
        if font_px is None:
            font_px = min(MAX_FONT_PX, max(MIN_FONT_PX, width / 95))
        return cls(
            font_px=font_px,
            row_h=font_px * 2.3,
            part_h=font_px * 1.9,
            label_w=min(380.0, max(120.0, width * 0.3)),
            pad=font_px,
            title_h=font_px * 2.6 if title else 0.0,
            axis_h=font_px * 1.8,
            lane_h=font_px * 1.9,
            ends_h=font_px * 3.8,
            legend_h=font_px * (0.5 + 1.5 * legend_rows),
        )

    def rows_height(self, data: ChartData) -> float:
        return len(data.parts) * self.part_h + len(data.segments) * self.row_h

    def height(self, data: ChartData) -> float:
        return (
            2 * self.pad
            + self.title_h
            + self.axis_h
            + self.lane_h
            + self.rows_height(data)
            + self.ends_h
            + self.legend_h
        )


def _layout(
    data: ChartData,
    width: float,
    title: bool,
    language: Language | None,
    font_px: float | None = None,
) -> tuple[_Layout, list[list[tuple[float, _LegendItem]]]]:
    """The layout for ``width``, and the legend wrapped into rows that fit it."""
    lay = _Layout.for_width(width, title=title, font_px=font_px)
    items = _legend_items(data, language or Language("en"))
    rows = _legend_rows(items, lay, width - 2 * lay.pad)
    return _Layout.for_width(width, title=title, legend_rows=len(rows), font_px=font_px), rows


def fitted_layout(
    data: ChartData, rect: QRectF, title: bool, language: Language | None
) -> tuple[_Layout, list[list[tuple[float, _LegendItem]]]]:
    """The full-size layout, or in a short rectangle (a window) a smaller type that fits,
    down to the smallest legible size: everything shrinks together, nothing overlaps."""
    lay, legend = _layout(data, rect.width(), title, language)
    needed = lay.height(data)
    if rect.height() >= needed or lay.font_px <= SMALLEST_FONT_PX:
        return lay, legend
    font_px = max(SMALLEST_FONT_PX, lay.font_px * rect.height() / needed)
    return _layout(data, rect.width(), title, language, font_px)


def plot_x(lay: _Layout, rect: QRectF) -> tuple[float, float]:
    """Left and right of the time axis: after the labels, before room for "+00:00"."""
    fm = QFontMetricsF(chart_font(lay.font_px))
    left = rect.left() + lay.pad + lay.label_w
    return left, rect.right() - lay.pad - fm.horizontalAdvance("+00:00") * 1.2


def smallest_height(data: ChartData, width: float, language: Language | None = None) -> int:
    """The least height the chart needs at ``width`` with its smallest type (widget minimum)."""
    lay, _ = _layout(data, width, False, language, SMALLEST_FONT_PX)
    return math.ceil(lay.height(data))


def chart_height(
    data: ChartData, width: float, *, title: bool = True, language: Language | None = None
) -> int:
    """The height at which ``paint_chart`` draws ``data`` at full size for ``width``."""
    return math.ceil(_layout(data, width, title, language)[0].height(data))


def time_range(data: ChartData) -> tuple[float, float]:
    """The span the axis covers: the plan, the hard end and everything that happened."""
    starts = [data.planned_start_t]
    ends = [data.planned_end_t, data.end_t]
    if data.started_t is not None:
        starts.append(data.started_t)
    if data.hard_end_t is not None:
        ends.append(data.hard_end_t)
    starts.extend(a for a, _ in data.gaps)
    lo, hi = min(starts), max(ends)
    margin = max(60.0, (hi - lo) * 0.02)
    return lo - margin, hi + margin


def _tick_step(span_s: float, width_px: float, label_px: float) -> int:
    for step in TICK_STEPS_S:
        if width_px * step / max(span_s, 1.0) >= label_px:
            return step
    return TICK_STEPS_S[-1]


def _rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def _fill_areas(painter: QPainter, rects: Sequence[QRectF], colour: QColor) -> None:
    """Fill many rectangles that are not bars (pause bands, say).

    In an SVG they become one path, so that every ``<rect>`` of the SVG is a bar. On a raster
    or a PDF each is a ``fillRect``: a path of hundreds of rectangles takes Qt's rasteriser a
    second where rectangles take milliseconds.
    """
    if not rects:
        return
    engine = painter.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.SVG:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for rect in rects:
            path.addRect(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, colour)
        return
    for rect in rects:
        painter.fillRect(rect, colour)


def _hatch(painter: QPainter, rect: QRectF, colour: QColor, spacing: float, width: float) -> None:
    """Diagonal lines inside ``rect``, computed rather than clipped (SVG ignores clipping)."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    path = QPainterPath()
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    h = y1 - y0
    # Lines x = c + (y1 - y): from (c, y1) up-right to (c + h, y0), clipped to the rectangle.
    # c runs over multiples of ``spacing`` so that neighbouring hatched boxes line up.
    c = math.ceil((x0 - h) / spacing) * spacing
    while c < x1:
        bx, by = (c, y1) if c >= x0 else (x0, y1 - (x0 - c))
        tx, ty = (c + h, y0) if c + h <= x1 else (x1, y0 + (c + h - x1))
        if by > ty:
            path.moveTo(bx, by)
            path.lineTo(tx, ty)
        c += spacing
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, width))
    painter.drawPath(path)
    painter.restore()


def _clock(data: ChartData, t: float) -> str:
    return data.wall(t).strftime("%H:%M")


def paint_chart(
    painter: QPainter,
    rect: QRectF,
    data: ChartData,
    *,
    cursor_t: float | None = None,
    title: bool = True,
    language: Language | None = None,
) -> None:
    """Draw the chart of ``data`` inside ``rect`` (see the module docstring for the rules)."""
    lang = language or Language("en")
    lay, legend = fitted_layout(data, rect, title, lang)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(_rect_path(rect), BACKGROUND)

    font = chart_font(lay.font_px)
    small = chart_font(lay.font_px * 0.85)
    bold = chart_font(lay.font_px, bold=True)
    fm = QFontMetricsF(font)
    y = rect.top() + lay.pad
    left = rect.left() + lay.pad
    right = rect.right() - lay.pad

    if title:
        painter.setFont(chart_font(lay.font_px * 1.25, bold=True))
        painter.setPen(TEXT)
        head = data.title
        when = lang.date(data.wall(data.planned_start_t))
        line = f"{head} — {when}"
        if data.relative:  # the plan's bars count from the actual start: say so
            at = data.wall(data.planned_start_t).strftime("%H:%M")
            words = lang.translate("report", "relative to the actual start {clock}")
            line += " — " + words.format(clock=at)
        title_fm = QFontMetricsF(painter.font())
        painter.drawText(
            QRectF(left, y, right - left, lay.title_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title_fm.elidedText(line, Qt.TextElideMode.ElideRight, right - left),
        )
        y += lay.title_h

    plot_left, plot_right = plot_x(lay, rect)
    t_lo, t_hi = time_range(data)

    def x_of(t: float) -> float:
        return plot_left + (t - t_lo) / (t_hi - t_lo) * (plot_right - plot_left)

    rows_top = y + lay.axis_h + lay.lane_h
    rows_bottom = rows_top + lay.rows_height(data)

    # Axis: clock ticks with a light grid through the rows.
    painter.setFont(small)
    step = _tick_step(t_hi - t_lo, plot_right - plot_left, fm.horizontalAdvance("00:00") * 2.2)
    first_wall = data.wall(t_lo)
    since_midnight = first_wall.hour * 3600 + first_wall.minute * 60 + first_wall.second
    first_tick = t_lo + (step - since_midnight % step) % step
    grid = QPainterPath()
    tick = first_tick
    while tick <= t_hi:
        x = x_of(tick)
        grid.moveTo(x, y + lay.axis_h * 0.85)
        grid.lineTo(x, rows_bottom)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(x - 40, y, 80, lay.axis_h * 0.8),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            _clock(data, tick),
        )
        tick += step
    painter.setPen(QPen(GRID, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(grid)
    y += lay.axis_h

    # Bands across every row: pauses and downtime, under the bars.
    band_top, band_bottom = y, rows_bottom
    # Pauses closer than a pixel make one band: at this scale they are one.
    spans: list[list[float]] = []
    for a, b in data.pauses:
        x0, x1 = x_of(a), max(x_of(b), x_of(a) + 1.0)
        if spans and x0 <= spans[-1][1] + 1.0:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    pauses = [QRectF(x0, band_top, x1 - x0, band_bottom - band_top) for x0, x1 in spans]
    _fill_areas(painter, pauses, PAUSE_FILL)
    for a, b in data.gaps:
        band = QRectF(x_of(a), band_top, max(2.0, x_of(b) - x_of(a)), band_bottom - band_top)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(_rect_path(band), GAP_FILL)
        _hatch(painter, band, GAP_LINE, lay.font_px * 0.8, 0.8)

    # The event lane: what the moderator did, and where the app was down.
    painter.setFont(small)
    painter.setPen(MUTED)
    painter.drawText(
        QRectF(left, y, lay.label_w - lay.pad, lay.lane_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        lang.translate("report", "Controls"),
    )
    label_markers = len(data.markers) <= MAX_LABELLED_MARKERS
    lane_mid = y + lay.lane_h / 2
    size = lay.font_px * 0.45
    # No glyph drawn on top of an identical one (a quarter of a glyph apart): thousands of
    # messages in a long log draw as fast as a few, and look the same.
    glyphs: dict[str, list[QPointF]] = {}
    seen: set[tuple[str, int]] = set()
    for marker in data.markers:
        x = x_of(marker.t)
        key = (marker.kind, round(x / (size * 0.5)))
        if key not in seen:
            seen.add(key)
            glyphs.setdefault(marker.kind, []).append(QPointF(x, lane_mid))
    for kind, points in glyphs.items():
        _draw_glyphs(painter, kind, points, size)
    if label_markers:
        painter.setFont(small)
        for marker in data.markers:
            if marker.kind == "adjust":
                painter.setPen(MARKER_COLOURS["adjust"])
                painter.drawText(
                    QPointF(x_of(marker.t) + size * 1.4, lane_mid + size), marker.label
                )
    y += lay.lane_h

    # Rows: a header per part, then each segment with its planned and actual bars.
    for part in data.parts:
        segs = [data.segments[i] for i in part.segments]
        painter.setFont(bold)
        painter.setPen(TEXT)
        part_label = QRectF(left, y, lay.label_w - lay.pad, lay.part_h)
        painter.drawText(
            part_label,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetricsF(bold).elidedText(
                part.title, Qt.TextElideMode.ElideRight, part_label.width()
            ),
        )
        # The part's planned budget as a bracket, its actual span as a line beneath.
        px0 = x_of(part.planned_start_t)
        px1 = x_of(part.planned_start_t + part.budget_s)
        mid = y + lay.part_h * 0.55
        bracket = QPainterPath()
        bracket.moveTo(px0, mid - lay.part_h * 0.18)
        bracket.lineTo(px0, mid)
        bracket.lineTo(px1, mid)
        bracket.lineTo(px1, mid - lay.part_h * 0.18)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(MUTED, 1.2))
        painter.drawPath(bracket)
        ran = [s for s in segs if s.ran]
        if ran:
            a0 = min(s.started_t or 0.0 for s in ran)
            a1 = max(s.ended_t or 0.0 for s in ran)
            actual_line = QPainterPath()
            actual_line.moveTo(x_of(a0), mid + lay.part_h * 0.2)
            actual_line.lineTo(x_of(a1), mid + lay.part_h * 0.2)
            painter.setPen(QPen(TEXT, 2.0))
            painter.drawPath(actual_line)
        y += lay.part_h
        for seg in segs:
            _draw_segment_row(
                painter, seg, y, left, lay, font, small, x_of, lang.translate("report", "open")
            )
            y += lay.row_h

    # Lines: planned end, hard end, actual end; then the replay cursor on top.
    line_top, line_bottom = band_top - lay.axis_h * 0.15, rows_bottom
    _vline(painter, x_of(data.planned_end_t), line_top, line_bottom, MUTED, Qt.PenStyle.DashLine)
    if data.hard_end_t is not None:
        _vline(
            painter,
            x_of(data.hard_end_t),
            line_top,
            line_bottom,
            HARD_END,
            Qt.PenStyle.SolidLine,
            2.0,
        )
    if data.ended:
        _vline(painter, x_of(data.end_t), line_top, line_bottom, TEXT, Qt.PenStyle.DotLine, 1.5)
    painter.setFont(small)
    end_labels: list[tuple[float, str, QColor]] = [
        (data.planned_end_t, lang.translate("report", "planned end {clock}"), MUTED)
    ]
    if data.hard_end_t is not None:
        end_labels.append((data.hard_end_t, lang.translate("report", "hard end {clock}"), HARD_END))
    if data.ended:
        end_labels.append((data.end_t, lang.translate("report", "ended {clock}"), TEXT))
    for a, b in data.gaps:  # under its band, where no marker of the lane can hide it
        span = format_span(round(b - a))
        down = lang.translate("report", "app down ≤ {span}").format(span=span)
        end_labels.append(((a + b) / 2, down.replace("{", "{{").replace("}", "}}"), GAP_LINE))
    # Labels under their lines; one that would overlap its neighbour drops a line.
    line_h = lay.font_px * 1.15
    taken: list[float] = [-math.inf] * 3
    for t, text, colour in sorted(end_labels):
        label = text.format(clock=_clock(data, t))
        w = QFontMetricsF(small).horizontalAdvance(label)
        x = min(max(x_of(t) - w / 2, plot_left), right - w)
        row = next((i for i, edge in enumerate(taken) if x > edge + 6), len(taken) - 1)
        taken[row] = x + w
        painter.setPen(colour)
        painter.drawText(QPointF(x, rows_bottom + line_h * (row + 1)), label)
    if cursor_t is not None:
        _vline(
            painter,
            x_of(cursor_t),
            band_top - lay.axis_h,
            line_bottom,
            CURSOR,
            Qt.PenStyle.SolidLine,
            2.0,
        )

    _draw_legend(painter, legend, left, rows_bottom + lay.ends_h, lay)
    painter.restore()


def _vline(
    painter: QPainter,
    x: float,
    top: float,
    bottom: float,
    colour: QColor,
    style: Qt.PenStyle,
    width: float = 1.2,
) -> None:
    path = QPainterPath()
    path.moveTo(x, top)
    path.lineTo(x, bottom)
    pen = QPen(colour, width)
    pen.setStyle(style)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def _draw_marker(painter: QPainter, at: QPointF, size: float, kind: str) -> None:
    colour = MARKER_COLOURS.get(kind, MUTED)
    painter.setPen(QPen(colour, 1))
    painter.setBrush(colour)
    path = QPainterPath()
    _add_glyph(path, at, size, kind)
    painter.drawPath(path)


def _is_vector(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    return engine is not None and engine.type() in (
        QPaintEngine.Type.SVG,
        QPaintEngine.Type.Pdf,
        QPaintEngine.Type.Picture,
    )


def _draw_glyphs(painter: QPainter, kind: str, points: Sequence[QPointF], size: float) -> None:
    """Many glyphs of one kind: one filled path on paper and in SVG (vector, one element);
    on a screen or a PNG, one small picture stamped at each point (a path of a thousand
    polygons costs Qt's rasteriser a tenth of a second, stamping costs a few milliseconds)."""
    colour = MARKER_COLOURS.get(kind, MUTED)
    if _is_vector(painter) or len(points) < 16:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # overlapping glyphs stay filled
        for at in points:
            _add_glyph(path, at, size, kind)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, colour)
        return
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    scale = ratio * max(abs(painter.transform().m11()), 1e-6)
    side = math.ceil(2 * size + 2)
    sprite = QImage(
        math.ceil(side * scale), math.ceil(side * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    sprite.fill(0)
    sprite.setDevicePixelRatio(scale)
    stamp = QPainter(sprite)
    stamp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = QPainterPath()
    _add_glyph(path, QPointF(side / 2, side / 2), size, kind)
    stamp.fillPath(path, colour)
    stamp.end()
    offset = QPointF(side / 2, side / 2)
    for at in points:
        painter.drawImage(at - offset, sprite)


def _add_glyph(path: QPainterPath, at: QPointF, size: float, kind: str) -> None:
    """A glyph per kind, so a marker reads without its colour."""
    x, y = at.x(), at.y()
    if kind == "message":  # diamond
        points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
    elif kind == "adjust":  # triangle up
        points = [(x, y - size), (x + size, y + size), (x - size, y + size)]
    elif kind == "undo":  # triangle pointing back
        points = [(x - size, y), (x + size, y - size), (x + size, y + size)]
    elif kind == "auto":  # triangle pointing on: moved on by itself
        points = [(x + size, y), (x - size, y - size), (x - size, y + size)]
    elif kind == "timing":  # a hexagon: the anchor or roll mode switched
        half = size / 2
        points = [
            (x - half, y - size),
            (x + half, y - size),
            (x + size, y),
            (x + half, y + size),
            (x - half, y + size),
            (x - size, y),
        ]
    else:  # square (blackout, catch-up)
        points = [
            (x - size, y - size),
            (x + size, y - size),
            (x + size, y + size),
            (x - size, y + size),
        ]
    path.addPolygon(QPolygonF([QPointF(px, py) for px, py in points]))
    path.closeSubpath()


def _draw_segment_row(
    painter: QPainter,
    seg: SegmentRow,
    y: float,
    left: float,
    lay: _Layout,
    font: QFont,
    small: QFont,
    x_of: Callable[[float], float],
    open_word: str,
) -> None:
    fm = QFontMetricsF(font)
    label = QRectF(left + lay.font_px, y, lay.label_w - lay.pad - lay.font_px, lay.row_h)
    painter.setFont(font)
    painter.setPen(TEXT)
    painter.drawText(
        label,
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        fm.elidedText(f"{seg.index + 1}. {seg.title}", Qt.TextElideMode.ElideRight, label.width()),
    )
    bar_h = lay.row_h * 0.32
    planned = QRectF(
        x_of(seg.planned_start_t),
        y + lay.row_h * 0.14,
        max(1.0, x_of(seg.planned_start_t + seg.planned_s) - x_of(seg.planned_start_t)),
        bar_h,
    )
    painter.setPen(QPen(QColor("#8a929e"), 0.8))
    painter.setBrush(PLANNED_FILL)
    painter.drawRect(planned)
    if not seg.ran:
        return
    start, end = seg.started_t or 0.0, seg.ended_t or 0.0
    longer = seg.longer_than_planned_s or 0.0  # (it ran: a figure)
    over = longer >= 1.0
    actual = QRectF(x_of(start), y + lay.row_h * 0.52, max(1.5, x_of(end) - x_of(start)), bar_h)
    painter.setPen(QPen(QColor("#1b3f66") if not over else QColor("#8a4a0f"), 0.8))
    painter.setBrush(OVERRUN_FILL if over else ACTUAL_FILL)
    painter.drawRect(actual)
    # Where it was not the current segment between two of its turns (someone went back).
    away = [
        QRectF(x_of(a_end), actual.top(), x_of(b_start) - x_of(a_end), bar_h)
        for (_, a_end), (b_start, _) in zip(seg.intervals, seg.intervals[1:], strict=False)
        if x_of(b_start) - x_of(a_end) >= 0.5
    ]
    _fill_areas(painter, away, QColor(255, 255, 255, 200))
    if over:
        hatch = QRectF(
            x_of(end - longer),
            actual.top(),
            x_of(end) - x_of(end - longer),
            bar_h,
        )
        _hatch(painter, hatch, OVERRUN_HATCH, max(3.0, lay.font_px * 0.45), 1.2)
    # An open segment (the log stops while it runs) has no final difference: only an
    # overrun already reached is a fact.
    text = signed_span(longer) if over or not seg.open else ""
    if seg.open:
        text = f"{text} {open_word}…".strip()
    if text and (abs(longer) >= 1.0 or seg.open):
        painter.setFont(small if not over else chart_font(lay.font_px * 0.85, bold=True))
        painter.setPen(OVERRUN_HATCH if over else MUTED)
        painter.drawText(QPointF(actual.right() + 4, actual.bottom() - bar_h * 0.1), text)


@dataclass(frozen=True)
class _LegendItem:
    text: str
    fill: QColor | None = None  # a swatch of this colour...
    hatch: QColor | None = None
    glyph: str | None = None  # ...or the glyph of a marker kind


def _legend_items(data: ChartData, lang: Language) -> list[_LegendItem]:
    """Only what the chart shows: a legend entry for a pause when there was one, and so on."""
    items = [
        _LegendItem(lang.translate("report", "planned"), PLANNED_FILL),
        _LegendItem(lang.translate("report", "actual"), ACTUAL_FILL),
        _LegendItem(lang.translate("report", "overrun"), OVERRUN_FILL, OVERRUN_HATCH),
    ]
    if data.pauses:
        items.append(_LegendItem(lang.translate("report", "pause"), PAUSE_FILL))
    if data.gaps:
        items.append(_LegendItem(lang.translate("report", "app down (crash)"), GAP_FILL, GAP_LINE))
    kinds = {m.kind for m in data.markers}
    if "message" in kinds:
        items.append(_LegendItem(lang.translate("report", "message"), glyph="message"))
    if "adjust" in kinds:
        items.append(_LegendItem(lang.translate("report", "time added/removed"), glyph="adjust"))
    if "undo" in kinds:
        items.append(_LegendItem(lang.translate("report", "undo"), glyph="undo"))
    if "auto" in kinds:
        items.append(_LegendItem(lang.translate("report", "moved on by itself"), glyph="auto"))
    if "timing" in kinds:
        items.append(_LegendItem(lang.translate("report", "anchor / roll mode"), glyph="timing"))
    if kinds & {"blackout", "catch_up"}:
        items.append(_LegendItem(lang.translate("report", "blackout / catch-up"), glyph="blackout"))
    return items


def _legend_rows(
    items: Sequence[_LegendItem], lay: _Layout, width: float
) -> list[list[tuple[float, _LegendItem]]]:
    """Items with their x offsets, wrapped into as many rows as the width needs."""
    fm = QFontMetricsF(chart_font(lay.font_px * 0.85))
    rows: list[list[tuple[float, _LegendItem]]] = [[]]
    x = 0.0
    for item in items:
        mark = lay.font_px * (1.4 if item.glyph is None else 0.7)
        w = mark + 4 + fm.horizontalAdvance(item.text)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, item))
        x += w + lay.font_px * 1.4
    return rows


def _draw_legend(
    painter: QPainter,
    rows: Sequence[Sequence[tuple[float, _LegendItem]]],
    left: float,
    top: float,
    lay: _Layout,
) -> None:
    small = chart_font(lay.font_px * 0.85)
    fm = QFontMetricsF(small)
    painter.setFont(small)
    sw, sh = lay.font_px * 1.4, lay.font_px * 0.7
    for n, row in enumerate(rows):
        y = top + lay.font_px * (1.0 + 1.5 * n)
        for dx, item in row:
            x = left + dx
            if item.glyph is not None:
                _draw_marker(painter, QPointF(x + sh / 2, y), sh / 2, item.glyph)
                text_x = x + sh + 4
            else:
                box = QRectF(x, y - sh / 2, sw, sh)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.fillPath(_rect_path(box), item.fill or PLANNED_FILL)
                if item.hatch is not None:
                    _hatch(painter, box, item.hatch, max(3.0, lay.font_px * 0.45), 1.0)
                text_x = x + sw + 4
            painter.setPen(TEXT)
            painter.drawText(QPointF(text_x, y + fm.ascent() / 2 - 1), item.text)


# -- outputs ----------------------------------------------------------------------------------


def chart_image(
    data: ChartData, width: int = 1600, *, language: Language | None = None, title: bool = True
) -> QImage:
    """The chart as a picture (PNG export, screenshots)."""
    height = chart_height(data, width, title=title, language=language)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, width, height), data, language=language, title=title)
    finally:
        painter.end()
    return image


def chart_svg(
    data: ChartData, width: int = 1200, *, language: Language | None = None, title: bool = True
) -> str:
    """The chart as SVG text: bars are ``<rect>`` elements, text is text (searchable)."""
    height = chart_height(data, width, title=title, language=language)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(data.title)
    ran = sum(1 for s in data.segments if s.ran)
    generator.setDescription(
        f"Timekeeper: planned versus actual, {len(data.segments)} planned bars, {ran} actual bars"
    )
    painter = QPainter(generator)
    try:
        paint_chart(painter, QRectF(0, 0, width, height), data, language=language, title=title)
    finally:
        painter.end()
    raw: QByteArray = buffer.data()
    return bytes(raw.data()).decode("utf-8")


CHART_SOFTWARE = "Timekeeper"  # a PNG's Software text chunk, so that a later export knows it


def chart_png(data: ChartData, *, language: Language | None = None) -> bytes:
    """The chart as PNG bytes, tagged as Timekeeper's (``CHART_SOFTWARE``)."""
    image = chart_image(data, language=language)
    image.setText("Software", CHART_SOFTWARE)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Quality 80: half the encoding time of the default level, a tenth more bytes.
    if not image.save(buffer, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise ValueError("the chart could not be encoded as PNG")
    raw: QByteArray = buffer.data()
    return bytes(raw.data())


def is_chart_file(head: bytes) -> bool:
    """An earlier chart export: a PNG tagged by ``chart_png``, or an SVG by ``chart_svg``."""
    if head.startswith(b"\x89PNG"):
        return b"tEXtSoftware\x00" + CHART_SOFTWARE.encode("ascii") in head[:4096]
    return b"<svg" in head[:4096] and b"<desc>Timekeeper: " in head


def write_chart(
    data: ChartData, path: Path, *, language: Language | None = None, force: bool = False
) -> Path:
    """Save the chart as .png or .svg, chosen by the file's suffix, through app.files
    (atomic; an earlier chart export is replaced, another file only with ``force``, a timing
    log or a running order never)."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        out = chart_svg(data, language=language).encode("utf-8")
    elif suffix == ".png":
        out = chart_png(data, language=language)
    else:
        raise ValueError(f"{path}: expected a .png or .svg file name")
    return write_atomic(path, out, replaceable=is_chart_file, force=force)


# -- the widget -------------------------------------------------------------------------------
