"""Driving the editor window as a person does: mouse clicks on the real widgets, keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.ui.editor.window import EditorWindow


def open_editor(qtbot: QtBot, window: EditorWindow) -> EditorWindow:
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def widget(window: EditorWindow, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def type_into(window: EditorWindow, name: str, text: str) -> None:
    """Click the field, select what it holds, type ``text`` over it."""
    field = widget(window, name)
    assert field.isVisible() and field.isEnabled(), name
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    assert field.hasFocus(), name
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if isinstance(field, (QLineEdit, QPlainTextEdit)) and not text:
        QTest.keyClick(field, Qt.Key.Key_Delete)
    type_text(field, text)


def type_text(field: QWidget, text: str) -> None:
    """Key presses for ``text``: QTest's own for ASCII, else the event a keyboard layout (or
    an input method) sends for "é": a key press carrying the character."""
    for char in text:
        if char.isascii():
            QTest.keyClick(field, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def choose(window: EditorWindow, name: str, value: Any) -> None:
    """Pick ``value`` in a combo box with the arrow keys (each press is a user's choice)."""
    box = widget(window, name)
    assert isinstance(box, QComboBox) and box.isVisible()
    box.setFocus()  # the arrow keys choose (the list's popup is the same choice by mouse)
    while box.currentIndex() > 0:
        QTest.keyClick(box, Qt.Key.Key_Up)
    for _ in range(box.count()):
        if box.currentData() == value:
            return
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == value, (name, value)


def tree_key(
    window: EditorWindow,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    window.tree.setFocus()
    QTest.keyClick(window.tree, key, modifier)


def click(window: EditorWindow, name: str) -> None:
    QTest.mouseClick(widget(window, name), Qt.MouseButton.LeftButton)


def click_row(window: EditorWindow, path: tuple[int | str, ...]) -> None:
    """A mouse click on the row of ``path`` in the tree."""
    index = window.model.index_of(path)
    rect = window.tree.visualRect(index)
    assert rect.isValid(), path
    QTest.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_path() == path
