"""The seed workshop at 1280×800, in English and in French: no text is cut.

A cut button text or a clipped one-line label is what a moderator would notice first on the
laptop. Wrapped labels may take more lines; one-line labels and buttons must get the width
their text needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.i18n import current_language
from app.ui.widgets.current import CountdownLabel
from tests.ui.moderator_harness import Harness, french_installed, seed_window


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


@pytest.fixture
def french() -> Iterator[None]:
    yield from french_installed()


def cut_texts(h: Harness) -> list[str]:
    """Texts of visible buttons and one-line labels narrower than their text."""
    QApplication.processEvents()  # layouts settle in the event loop, as on screen
    cut = []
    for button in h.window.findChildren(QPushButton):
        if not button.isVisible():
            continue
        metrics = QFontMetrics(button.font())
        for line in button.text().replace("&&", "&").split("\n"):
            if metrics.horizontalAdvance(line) > button.width() - 4:
                cut.append(line)
    for label in h.window.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or label.objectName() == "countdown":
            continue
        if QFontMetrics(label.font()).horizontalAdvance(label.text()) > label.width():
            cut.append(f"{label.text()!r} {label.width()}")
    return cut


def late_with_everything_shown(h: Harness) -> None:
    h.key(Qt.Key.Key_Space)
    h.advance(600)
    h.key(Qt.Key.Key_Right)
    h.advance(500 + 8 * 60)  # overtime, the session late, the slack gone
    h.window.messages.blink_box.setChecked(True)
    h.key(Qt.Key.Key_W)
    h.key(Qt.Key.Key_C)  # the catch-up panel takes its room too
    h.window.show_notice("A notice")


def test_nothing_is_cut_at_1280x800_in_english(moderator: Harness) -> None:
    late_with_everything_shown(moderator)
    assert moderator.window.size().width() == 1280
    assert moderator.window.minimumSizeHint().width() <= 1280
    assert cut_texts(moderator) == []


def first_lines(h: Harness, *names: str) -> list[str]:
    return [h.window.controls.buttons[name].text().split("\n")[0] for name in names]


def test_nothing_is_cut_at_1280x800_in_french(moderator: Harness, french: None) -> None:
    assert first_lines(moderator, "next", "blackout", "end") == [
        "Next",
        "Blackout",
        "End session",
    ]
    moderator.window.set_language("fr")
    late_with_everything_shown(moderator)
    # French is what is on screen (a missing catalogue would leave the English, which is
    # shorter: the check below would pass on the wrong texts).
    assert current_language() == "fr"
    assert first_lines(moderator, "next", "blackout", "end") == [
        "Suivant",
        "Écran noir",
        "Fin de séance",
    ]
    assert moderator.window.messages.send_button.text() == "Afficher"
    assert moderator.window.minimumSizeHint().width() <= 1280
    assert cut_texts(moderator) == []


def test_the_countdown_fits_an_hour_of_overtime(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(600 + 3600 + 8 * 60)
    label = moderator.window.current.countdown_label
    assert label.text() == "+1:08:00"
    assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.width()


def test_a_1080p_window_gets_a_larger_countdown_and_cuts_nothing(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(30)
    label = moderator.window.current.countdown_label
    laptop = label.font().pixelSize()
    assert laptop == CountdownLabel.MAX_PX  # "09:30": the size made for 1280×800
    moderator.window.resize(1920, 1080)
    moderator.qtbot.waitUntil(lambda: label.font().pixelSize() > laptop, timeout=2000)
    assert label.font().pixelSize() <= CountdownLabel.LARGEST_PX
    assert label.height() >= QFontMetrics(label.font()).height()
    assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.width()
    moderator.advance(570)
    moderator.key(Qt.Key.Key_Right)
    moderator.advance(500 + 8 * 60)  # overtime, late, with a message and the catch-up panel
    moderator.key(Qt.Key.Key_W)
    moderator.key(Qt.Key.Key_C)
    assert label.text() == "+08:00"
    assert cut_texts(moderator) == []
