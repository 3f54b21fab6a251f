"""The pieces of the moderator window, each rendering one part of a Snapshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows its text literally: session data is data, never markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def set_style(widget: QWidget, css: str) -> None:
    """Set a style sheet only when it changes: re-polishing every second costs a repaint."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def plain_tooltip(text: str) -> str:
    """A tooltip shows rich text when it looks like markup; escape it and say so explicitly."""
    return f"<p>{_escape(text)}</p>" if text else ""


def _escape(text: str) -> str:
    """``html.escape`` (quotes included), without importing ``html``: its table of named
    entities costs half a megabyte of memory for five replacements."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")
