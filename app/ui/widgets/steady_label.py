"""A label for figures that change every second: repainted, never measured again.

QLabel.setText asks its parent's layout to measure again on every change
(``updateGeometry``), and a layout passes that up to the window: in the moderator window a
new countdown second meant the current panel, the splitter and the main window laid out
again, once a second, for texts whose size had not changed. (QMainWindow even makes and
deletes a geometry animation for its central widget on each of those passes.)

A SteadyLabel gives QLabel the text's *shape* (every digit a 0) to measure, and paints the
real text itself. "08:50 left of 10:00" and "08:49 left of 10:00" have the same shape, so a
second that passes is one repaint of the label; a shape that changes ("+1:00:00" after
"59:59", another part's title) is measured as before. Digits are the same width in the
fonts used here (tabular figures), so the shape's size is the text's size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

_ZEROS = str.maketrans("123456789", "000000000")


def text_shape(text: str) -> str:
    """``text`` with every digit a 0: what the label is measured on."""
    return text.translate(_ZEROS)


class SteadyLabel(QLabel):
    """A plain-text QLabel whose ``setText`` repaints rather than relayouts when only
    digits change."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True):
        super().__init__(parent)
        self._text = ""
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
        shape = text_shape(text)
        if shape != super().text():
            super().setText(shape)  # measured again (and repainted)
        else:
            self.update(self.contentsRect())

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
