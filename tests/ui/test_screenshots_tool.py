"""`make screenshots` (tests/screenshots.py) renders every live state of both windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests import screenshots


def _black(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).value() == 0
        for x in range(0, image.width(), 97)
        for y in range(0, image.height(), 53)
    )


@pytest.mark.slow  # 52 pictures at 1920×1080: tens of seconds
def test_both_windows_in_every_state_and_language(qtbot: QtBot, tmp_path: Path) -> None:
    assert screenshots.main([str(tmp_path)]) == 0
    editor = sorted(p.name for p in tmp_path.glob("editor-*.png"))
    assert editor == [
        "editor-en-error.png",
        "editor-en.png",
        "editor-fr-error.png",
        "editor-fr.png",
    ]
    for name in editor:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == screenshots.EDITOR_SIZE, name
    files = sorted(p.name for p in tmp_path.glob("*.png") if not p.name.startswith("editor-"))
    assert len(files) == 2 * 2 * (8 + 5)  # the seed's states, then each timer type
    for name in files:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == screenshots.SIZE, name
        blackout = name.startswith("projector-") and "blackout" in name
        assert _black(image) == blackout, name
