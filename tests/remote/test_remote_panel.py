"""The QR codes of the moderator window: segno's matrix, module for module, in a QImage."""

from __future__ import annotations

import segno
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.ui.widgets.remote_panel import QUIET, qr_image


def test_the_qr_image_is_segnos_matrix(qtbot: QtBot) -> None:
    url = "http://192.168.1.20:8650/view#token=VaW1C-keCieeaCa9nQNyQddiY6ErlbD7"
    matrix = segno.make(url, error="m", micro=False).matrix
    px = 3
    image = qr_image(url, px)
    side = (len(matrix) + 2 * QUIET) * px
    assert image.width() == image.height() == side
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            centre = image.pixel((x + QUIET) * px + 1, (y + QUIET) * px + 1)
            assert (centre == black) == bool(dark)
    assert image.pixel(0, 0) == QColor("white").rgb()  # the quiet zone
