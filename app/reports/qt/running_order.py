"""The printed running order drawn with QPainter: to an A4 PDF (QPdfWriter) for
`timekeeper export --format pdf`, or to any paged device the window hands over (a QPrinter
from File → Print running order). The rows and words come from app.reports.running_order;
here they are only laid out: a row never splits across pages, the header repeats."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
)

from app import __version__
from app.i18n import Language
from app.model.plan import Plan
from app.reports.qt.chart_paint import chart_font
from app.reports.qt.pdf import a4_writer
from app.reports.running_order import Line, PrintedRow, PrintedRunningOrder, printed_running_order

_INK = QColor("#1d2430")
_MUTED = QColor("#5b6472")
_RULE = QColor("#c9ced6")
_PART = QColor("#eef2f7")
COLUMNS = (0.12, 0.12, 0.42, 0.34)  # time, duration, segment, speakers: shares of the width
PAD = 3.5


def printed(plan: Plan) -> PrintedRunningOrder:
    """The printout's rows in the session's own language (not the window's)."""
    lang = Language(plan.language)
    return printed_running_order(plan, lang, lambda day: lang.date(datetime.combine(day, time(12))))


def running_order_pdf(plan: Plan) -> bytes:
    """The running order as an A4 PDF, as bytes (written by the caller through app.files)."""
    from app.reports.qt.export import ensure_gui

    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = a4_writer(buffer)
    page = printed(plan)
    writer.setTitle(f"{page.title} — {page.kicker}")
    writer.setCreator(f"Timekeeper {__version__}")
    paint_running_order(writer, page)
    return bytes(buffer.data().data())


def _font(size: float, style: str = "normal") -> QFont:
    font = chart_font(size, bold=style == "strong")
    if style == "note":
        font.setItalic(True)
    return font


_SIZES = {"strong": 9.6, "normal": 9.6, "muted": 8.4, "note": 8.4}


def _line_height(line: Line, width: float) -> float:
    fm = QFontMetricsF(_font(_SIZES[line.style], line.style))
    flags = int(Qt.TextFlag.TextWordWrap)
    return fm.boundingRect(QRectF(0, 0, max(1.0, width), 10_000), flags, line.text).height()


def _cell_height(lines: tuple[Line, ...], width: float) -> float:
    return sum(_line_height(line, width) + 1.0 for line in lines)


class _Pager:
    """A painter in points over a paged device, that knows where the next row goes."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        self.device = device
        self.painter = painter
        paint = device.pageLayout().paintRectPoints()
        painter.scale(device.logicalDpiX() / 72.0, device.logicalDpiY() / 72.0)
        self.width = float(paint.width())
        self.height = float(paint.height())
        self.y = 0.0
        self.pages = 1

    def new_page(self) -> None:
        self.device.newPage()
        self.pages += 1
        self.y = 0.0

    def text(self, text: str, font: QFont, colour: QColor, gap: float) -> None:
        fm = QFontMetricsF(font)
        flags = int(Qt.TextFlag.TextWordWrap)
        h = fm.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text).height()
        if self.y + h > self.height and self.y > 0:
            self.new_page()
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(QRectF(0, self.y, self.width, h), flags, text)
        self.y += h + gap


def paint_running_order(device: QPagedPaintDevice, page: PrintedRunningOrder) -> int:
    """Draw ``page`` on ``device`` (a PDF writer or a printer); the number of pages."""
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pager = _Pager(device, painter)
        pager.text(page.kicker.upper(), _font(7.5), _MUTED, 2)
        pager.text(page.title, _font(16, "strong"), _INK, 3)
        pager.text(page.meta, _font(9.5), _MUTED, 10)
        _table(pager, page)
        pager.y += 6
        pager.text(page.end, _font(10, "strong"), _INK, 8)
        pager.text(page.footer, _font(7), _MUTED, 0)
        return pager.pages
    finally:
        painter.end()


def _table(pager: _Pager, page: PrintedRunningOrder) -> None:
    p = pager.painter
    # The clock and duration columns as wide as their widest cell ("00:30 (+1)" on one line),
    # at least their share; the rest goes to the segment and the speakers.
    fm = QFontMetricsF(_font(_SIZES["strong"], "strong"))
    clock_w = max([fm.horizontalAdvance(r.clock) for r in page.rows] + [0.0]) + 2 * PAD + 1
    length_w = max([fm.horizontalAdvance(r.duration) for r in page.rows] + [0.0]) + 2 * PAD + 1
    fixed = [max(COLUMNS[0] * pager.width, clock_w), max(COLUMNS[1] * pager.width, length_w)]
    rest = pager.width - sum(fixed)
    share = COLUMNS[2] / (COLUMNS[2] + COLUMNS[3])
    xs = [0.0]
    for wdt in (*fixed, rest * share, rest * (1 - share)):
        xs.append(xs[-1] + wdt)
    widths = [xs[i + 1] - xs[i] - 2 * PAD for i in range(len(COLUMNS))]

    def header() -> None:
        font = _font(7.6, "strong")
        h = QFontMetricsF(font).height() + 2 * PAD
        p.setFont(font)
        p.setPen(_MUTED)
        for i, text in enumerate(page.headers):
            p.drawText(
                QRectF(xs[i] + PAD, pager.y + PAD, widths[i], h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                text.upper(),
            )
        pager.y += h
        _rule(p, pager.y, pager.width, 1.0)

    def cells(row: PrintedRow) -> list[tuple[Line, ...]]:
        style = "strong" if row.part else "normal"
        return [(Line(row.clock, style),), (Line(row.duration, style),), row.what, row.who]

    def height(row: PrintedRow) -> float:
        return max(_cell_height(c, widths[i]) for i, c in enumerate(cells(row))) + 2 * PAD

    header()
    for row in page.rows:
        h = height(row)
        if pager.y + h > pager.height:
            pager.new_page()
            header()
        if row.part:
            p.fillRect(QRectF(0, pager.y, pager.width, h), _PART)
            _rule(p, pager.y, pager.width, 0.8)
        for i, lines in enumerate(cells(row)):
            y = pager.y + PAD
            for line in lines:
                lh = _line_height(line, widths[i])
                p.setFont(_font(_SIZES[line.style], line.style))
                p.setPen(_MUTED if line.style == "muted" else _INK)
                p.drawText(
                    QRectF(xs[i] + PAD, y, widths[i], lh),
                    int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
                    line.text,
                )
                y += lh + 1.0
        pager.y += h
        _rule(p, pager.y, pager.width, 0.4)


def _rule(painter: QPainter, y: float, width: float, thickness: float) -> None:
    painter.setPen(QPen(_RULE, thickness))
    painter.drawLine(QPointF(0, y), QPointF(width, y))
