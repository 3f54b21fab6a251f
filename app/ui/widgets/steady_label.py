"""A label for figures that change every second: repainted, never measured again.

QLabel.setText asks its parent's layout to measure again on every change
(``updateGeometry``), and a layout passes that up to the window: in the moderator window a
new countdown second meant the current panel, the splitter and the main window laid out
again, once a second, for texts whose size had not changed. (QMainWindow even makes and
deletes a geometry animation for its central widget on each of those passes.)

A SteadyLabel gives QLabel the text's *shape* to measure (every digit the font's widest
digit) and paints the real text itself. "08:50 left of 10:00" and "08:49 left of 10:00" have
the same shape, so a second that passes is one repaint of the label; a shape that changes
("+1:00:00" after "59:59", another part's title, another font) is measured as before. No
real text is wider than its shape, so nothing measured on the shape is cut.

It is a read-only, plain-text label without margin or indent: what the moderator window's
figures need, and all that its paint reproduces of QLabel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

DIGITS = "0123456789"


def text_shape(text: str, digit: str = "0") -> str:
    """``text`` with every digit ``digit``: what the label is measured on."""
    return text.translate(str.maketrans(DIGITS, digit * len(DIGITS)))


_WIDEST: dict[str, str] = {}


def widest_digit(font: QFont) -> str:
    """The font's widest digit (all ten are as wide in fonts with tabular figures)."""
    key = font.key()
    found = _WIDEST.get(key)
    if found is None:
        fm = QFontMetricsF(font)
        found = _WIDEST[key] = max(DIGITS, key=fm.horizontalAdvance)
    return found


class SteadyLabel(QLabel):
    """A plain-text QLabel whose ``setText`` repaints rather than relayouts when only
    digits change."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True):
        self._text = ""  # before QLabel's init, which may already change the font
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)  # assistive tools read the figure, not its shape
        self._measure()

    def clear(self) -> None:
        self.setText("")

    def _measure(self) -> None:
        shape = text_shape(self._text, widest_digit(self.font()))
        if shape != super().text():
            super().setText(shape)  # measured again (and repainted)
        else:
            self.update(self.contentsRect())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # another widest digit, maybe
            self._measure()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """QLabel's own paint for plain text (frame, then the style's item text), with
        the real text in place of the shape it was measured on."""
        painter = QPainter(self)
        self.drawFrame(painter)
        flags = int(self.alignment())
        if self.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            flags,
            self.palette(),
            self.isEnabled(),
            self._text,
            self.foregroundRole(),
        )
        painter.end()
