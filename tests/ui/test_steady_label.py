"""SteadyLabel: a figure that changes each second repaints its label and nothing more; it
looks exactly like a QLabel showing the same text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets import steady_label
from app.ui.widgets.steady_label import SteadyLabel, text_shape, widest_digit


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _in_layout(qtbot: QtBot, label: QLabel) -> QWidget:
    box = QWidget()
    qtbot.addWidget(box)
    QVBoxLayout(box).addWidget(label)
    box.resize(420, 120)
    box.show()
    qtbot.waitExposed(box)
    return box


def test_the_shape_is_the_text_with_every_digit_a_zero() -> None:
    assert text_shape("Partie 2 : 08:49 restantes sur 40:00") == (
        "Partie 0 : 00:00 restantes sur 00:00"
    )


def test_the_shape_uses_the_font_s_widest_digit(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With proportional figures ("1" narrower than "8", say) the label is measured on the
    widest digit, so no real text is wider than what was measured."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(40)
    fm = QFontMetricsF(font)
    widest = fm.horizontalAdvance(widest_digit(font))
    assert all(fm.horizontalAdvance(d) <= widest for d in "0123456789")
    # A font whose widest digit is "8":
    monkeypatch.setattr(steady_label, "widest_digit", lambda _font: "8")
    label = SteadyLabel("", wrap=False)
    label.setFont(font)
    label.setText("11:11")
    assert QLabel.text(label) == "88:88"  # what QLabel measures
    assert label.text() == "11:11"  # what is painted


def test_clear_empties_what_is_painted(qtbot: QtBot) -> None:
    label = SteadyLabel("08:50")
    label.clear()
    assert label.text() == ""
    assert QLabel.text(label) == ""


def test_a_new_second_repaints_without_laying_the_window_out(qtbot: QtBot) -> None:
    label = SteadyLabel("08:50 left of 10:00")
    box = _in_layout(qtbot, label)
    requests = LayoutRequests()
    box.installEventFilter(requests)
    qtbot.wait(1)  # the first layout is done
    requests.count = 0
    label.setText("08:49 left of 10:00")
    qtbot.wait(1)
    assert requests.count == 0
    assert label.text() == "08:49 left of 10:00"
    assert label.accessibleName() == "08:49 left of 10:00"
    label.setText("over by 1:00:00, planned 10:00")  # another shape: measured again
    qtbot.waitUntil(lambda: requests.count > 0, timeout=2000)


def test_it_paints_what_a_qlabel_paints(qtbot: QtBot) -> None:
    """The same pixels as a plain-text, word-wrapped QLabel; markup stays literal."""
    text = "Partie 1 : <b>é</b> — 07:31 restantes"
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    reference = QLabel()
    reference.setTextFormat(Qt.TextFormat.PlainText)
    reference.setWordWrap(True)
    reference.setText(text)
    images, boxes = [], []
    for label in (SteadyLabel(text), reference):
        label.setFont(font)
        boxes.append(_in_layout(qtbot, label))
        images.append(label.grab().toImage())
    assert images[0].size() == images[1].size()
    assert images[0] == images[1]
