"""The glyph cache draws what drawText draws, from outlines it builds once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from app.ui.glyph_cache import MIN_PX, GlyphCache
from app.ui.projector import make_font

# drawText and a filled outline differ by a few levels on some antialiased edge pixels.
EDGE_TOLERANCE = 8


def _draw(font: QFont, at: QPointF, text: str, cache: GlyphCache | None, scale: float = 1.0):
    image = QImage(900, 620, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e1e1e"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.translate(7, 3)
    painter.setFont(font)
    painter.setPen(QColor("#ff5a4f"))
    if cache is None:
        painter.drawText(at, text)
    else:
        cache.draw(painter, at, text)
    painter.end()
    return image


def _worst_difference(a: QImage, b: QImage) -> int:
    worst = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if pa != pb:
                worst = max(worst, *(abs((pa >> s & 255) - (pb >> s & 255)) for s in (0, 8, 16)))
    return worst


@pytest.mark.parametrize(("px", "x"), [(96, 40.0), (96, 40.37), (400, 12.5), (400, 12.81)])
def test_a_cached_figure_looks_like_drawn_text(qtbot: QtBot, px: int, x: float) -> None:
    font = make_font(px, bold=True, digits=True)
    at = QPointF(x, px * 1.1)
    cache = GlyphCache()
    direct = _draw(font, at, "+1:08", None)
    cached = _draw(font, at, "+1:08", cache)
    assert len(cache) == 5  # one outline a character
    assert _worst_difference(direct, cached) <= EDGE_TOLERANCE
    again = _draw(font, at, "+1:08", cache)
    assert len(cache) == 5  # the next second fills the same outlines
    assert again == cached


def test_small_text_is_drawn_as_usual(qtbot: QtBot) -> None:
    cache = GlyphCache()
    small = make_font(MIN_PX - 1, digits=True)
    assert _draw(small, QPointF(5, 80), "12", cache) == _draw(small, QPointF(5, 80), "12", None)
    assert len(cache) == 0


def test_a_scaled_painter_scales_the_outline(qtbot: QtBot) -> None:
    big = make_font(200, digits=True)
    cached = _draw(big, QPointF(5, 250), "12", GlyphCache(), scale=0.5)
    direct = _draw(big, QPointF(5, 250), "12", None, scale=0.5)
    assert _worst_difference(direct, cached) <= EDGE_TOLERANCE
