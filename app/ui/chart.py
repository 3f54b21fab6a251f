"""The chart in the replay window: ``app.reports.qt.chart_paint`` on a widget, with a cursor
that follows the replay and a click that seeks."""

from __future__ import annotations

from PySide6.QtCore import (
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.i18n import Language
from app.reports.chart_data import ChartData
from app.reports.qt.chart_paint import (
    BACKGROUND,
    chart_height,
    fitted_layout,
    paint_chart,
    plot_x,
    smallest_height,
    time_range,
)


class ChartWidget(QWidget):
    """The chart in a window, with the replay's cursor; a click asks to go to that time."""

    seek = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: ChartData | None = None
        self._cursor: float | None = None
        self._language: Language | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_data(self, data: ChartData, language: Language | None = None) -> None:
        self._data = data
        self._language = language
        self._fit_minimum()
        self.updateGeometry()
        self.update()

    @property
    def data(self) -> ChartData | None:
        return self._data

    def set_cursor(self, t: float | None) -> None:
        if t != self._cursor:
            self._cursor = t
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = max(600, self.width())
        if self._data is None:
            return QSize(width, 240)
        return QSize(width, chart_height(self._data, width, title=False, language=self._language))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event
        painter = QPainter(self)
        try:
            if self._data is None:
                painter.fillRect(self.rect(), BACKGROUND)
                return
            paint_chart(
                painter,
                QRectF(self.rect()),
                self._data,
                cursor_t=self._cursor,
                title=False,
                language=self._language,
            )
        finally:
            painter.end()

    def _fit_minimum(self) -> None:
        # Below the smallest legible type the chart scrolls rather than shrinks.
        if self._data is not None:
            least = smallest_height(self._data, max(400, self.width()), self._language)
            if least != self.minimumHeight():
                self.setMinimumHeight(least)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_minimum()
        super().resizeEvent(event)

    def t_at(self, x: float) -> float | None:
        """The session time under the horizontal position ``x`` (None left of the plot)."""
        if self._data is None:
            return None
        rect = QRectF(self.rect())
        lay, _ = fitted_layout(self._data, rect, False, self._language)
        plot_left, plot_right = plot_x(lay, rect)
        if x < plot_left or plot_right <= plot_left:
            return None
        t_lo, t_hi = time_range(self._data)
        t = t_lo + (x - plot_left) / (plot_right - plot_left) * (t_hi - t_lo)
        return min(max(t, 0.0), self._data.end_t)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        t = self.t_at(event.position().x())
        if t is not None and event.button() == Qt.MouseButton.LeftButton:
            self.seek.emit(t)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.buttons() & Qt.MouseButton.LeftButton:
            t = self.t_at(event.position().x())
            if t is not None:
                self.seek.emit(t)
        super().mouseMoveEvent(event)
