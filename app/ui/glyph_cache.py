"""The outlines of large characters, made once and filled each time.

Qt keeps a bitmap of each glyph it draws only up to a size (64 px here); a larger glyph is
drawn from its outline every time: FreeType loads the glyph (running the font's hinting
program), Qt turns it into a path, then fills the path. The projector's digits are 475 px
high at 1080p and the moderator's countdown 96 px: each second, the same few outlines were
loaded and built again.

The cache keeps each character's outline as a QPainterPath (a few kilobytes; bitmaps of
475 px glyphs would hold megabytes) and fills it where drawText would, the way drawText
fills it (winding rule, antialiased): the same picture without the loading. Smaller text is
drawn as usual, Qt's own cache being better there.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath

# Below this size Qt keeps glyph bitmaps itself.
MIN_PX = 64
# Enough for a few fonts' digits and signs; then start again.
MAX_PATHS = 256


class GlyphCache:
    def __init__(self) -> None:
        self._paths: dict[tuple[str, str], QPainterPath] = {}

    def __len__(self) -> int:
        return len(self._paths)

    def draw(self, painter: QPainter, at: QPointF, text: str) -> None:
        """Draw ``text`` with the painter's font and pen colour, its baseline starting at
        ``at``, one character after another at the advances QFontMetricsF gives."""
        font = painter.font()
        if font.pixelSize() < MIN_PX:
            painter.drawText(at, text)
            return
        fm = QFontMetricsF(font)
        key = font.key()
        brush = painter.pen().brush()
        antialiased = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        if not antialiased:  # drawText antialiases text whatever the painter's hint
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = at.x()
        for char in text:
            path = self._path(font, key, char)
            painter.fillPath(path.translated(x, at.y()), brush)
            x += fm.horizontalAdvance(char)
        if not antialiased:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _path(self, font: QFont, key: str, char: str) -> QPainterPath:
        found = self._paths.get((key, char))
        if found is None:
            if len(self._paths) >= MAX_PATHS:
                self._paths.clear()
            found = QPainterPath()
            found.setFillRule(Qt.FillRule.WindingFill)
            found.addText(QPointF(0, 0), font, char)
            self._paths[key, char] = found
        return found


GLYPHS = GlyphCache()
