"""The help overlay (F1 or ?): the key table drawn over the moderator window.

It is a child widget, not a dialog: the countdown stays visible around it and every key
keeps working while it is open. Its rows come from ``app.ui.keys.KEY_ACTIONS`` so the help
can never disagree with the shortcuts; keys that only the moderator window has (the
catch-up plan) follow under their own heading.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.ui.keys import KEY_ACTIONS, key_label
from app.ui.keys import tr as tr_keys
from app.ui.theme import DARK, Theme

translate = QCoreApplication.translate


class HelpOverlay(QWidget):
    """Covers its parent; a click, Esc or F1 closes it (the window routes those keys)."""

    def __init__(self, parent: QWidget, extra: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self._extra = tuple(extra)  # (keys as shown, untranslated label in "Moderator")
        self._theme = DARK
        self._rows_stale = True
        self.panel = QFrame(self)
        self.panel.setObjectName("helpPanel")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self._layout = QVBoxLayout(self.panel)
        self._layout.setContentsMargins(24, 18, 24, 18)
        self.title = QLabel(self.panel)
        self.title.setObjectName("helpTitle")
        self._layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(4)
        self._layout.addLayout(self.grid)
        self.footer = QLabel(self.panel)
        self.footer.setProperty("muted", True)
        self._layout.addWidget(self.footer)
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    # -- content ----------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do), in the order shown: the key table, then this window's own."""
        rows = [(key_label(a), tr_keys(a.label)) for a in KEY_ACTIONS]
        rows += [(keys, translate("Moderator", label)) for keys, label in self._extra]
        return rows

    def retranslate(self) -> None:
        """Texts in the current language; the rows are rebuilt when the help next opens."""
        self.title.setText(translate("Help", "Keys"))
        self.footer.setText(translate("Help", "Esc or F1 closes this help."))
        self._rows_stale = True
        if self.isVisible():
            self._build_rows()

    def _build_rows(self) -> None:
        self._rows_stale = False
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, (keys, label) in enumerate(self.rows()):
            key = QLabel(keys, self.panel)
            key.setObjectName("helpKey")
            key.setTextFormat(Qt.TextFormat.PlainText)
            text = QLabel(label, self.panel)
            text.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(text, row, 1)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.panel.setStyleSheet(
            f"QFrame#helpPanel {{ background: {theme.panel}; border: 1px solid {theme.border};"
            f" border-radius: 8px; }}"
            f"QLabel {{ font-size: 15px; color: {theme.text}; }}"
            f"QLabel#helpTitle {{ font-size: 20px; font-weight: bold; }}"
            f"QLabel#helpKey {{ font-family: monospace; font-weight: bold;"
            f" color: {theme.accent if theme.name == 'light' else '#8ab4f8'}; }}"
        )

    # -- showing ----------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open()

    def open(self) -> None:
        if self._rows_stale:
            self._build_rows()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 160))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.hide()
        event.accept()
