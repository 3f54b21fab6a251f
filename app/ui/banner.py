"""Inline banners: how the moderator window tells things without ever opening a dialog.

A modal dialog during a live session would freeze the moderator's hands while the speaker
talks on (ARCHITECTURE.md §3), so every message — resumed after a crash, the log cannot be written,
the file on disk has an error, press Ctrl+Q again — is a strip at the top of the window. The
countdown keeps running underneath. Texts are plain: a message may quote a file.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.formatting import escape_mnemonic
from app.ui.theme import DARK, Theme

translate = QCoreApplication.translate


class Kind(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Banner(QFrame):
    """One strip: a sentence, an optional action button, an optional close button."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"banner-{key}")
        self.kind = Kind.INFO
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.action = QPushButton(self)
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action.hide()
        layout.addWidget(self.action)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFixedWidth(32)
        self.close_button.setAccessibleName(translate("Banner", "Dismiss"))
        layout.addWidget(self.close_button)
        self._callback: Callable[[], object] | None = None
        self.action.clicked.connect(self._on_action)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)

    @property
    def text(self) -> str:
        return self.label.text()

    def _on_action(self) -> None:
        if self._callback is not None:
            self._callback()

    def configure(
        self,
        text: str,
        kind: Kind,
        action: tuple[str, Callable[[], object]] | None,
        dismissible: bool,
    ) -> None:
        self.label.setText(text)
        self.kind = kind
        if action is None:
            self._callback = None
            self.action.hide()
        else:
            self.action.setText(escape_mnemonic(action[0]))
            self._callback = action[1]
            self.action.show()
        self.close_button.setVisible(dismissible)

    def apply_theme(self, theme: Theme) -> None:
        bg, fg = {
            Kind.INFO: (theme.info_bg, theme.info_fg),
            Kind.WARNING: (theme.warn_bg, theme.warn_fg),
            Kind.ERROR: (theme.error_bg, theme.error_fg),
        }[self.kind]
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {bg}; border-radius: 5px; }}"
            f"QFrame#{self.objectName()} QLabel {{ color: {fg}; font-weight: 600; }}"
        )


class BannerArea(QWidget):
    """The column of banners at the top of the window, each under a key so it can be
    updated in place (the log warning changes its sentence, it does not pile up)."""

    MAX_NOTICES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._banners: dict[str, Banner] = {}
        self._theme = DARK
        self._notice_count = 0

    def show_banner(
        self,
        key: str,
        text: str,
        kind: Kind = Kind.INFO,
        *,
        action: tuple[str, Callable[[], object]] | None = None,
        dismissible: bool = True,
        timeout_ms: int | None = None,
    ) -> Banner:
        banner = self._banners.get(key)
        if banner is None:
            banner = Banner(key, self)
            banner.close_button.clicked.connect(lambda: self.hide_banner(key))
            banner.timer.timeout.connect(lambda: self.hide_banner(key))
            self._banners[key] = banner
            self._layout.addWidget(banner)
        banner.configure(text, kind, action, dismissible)
        banner.apply_theme(self._theme)
        banner.timer.stop()
        if timeout_ms is not None:
            banner.timer.start(timeout_ms)
        banner.show()
        self.setVisible(True)
        return banner

    def notice(self, text: str, kind: Kind = Kind.INFO, timeout_ms: int | None = None) -> Banner:
        """A dismissible notice of its own; the oldest go when more than a few pile up."""
        self._notice_count += 1
        notices = [k for k in self._banners if k.startswith("notice-")]
        for key in notices[: max(0, len(notices) - self.MAX_NOTICES + 1)]:
            self.hide_banner(key)
        return self.show_banner(
            f"notice-{self._notice_count}", text, kind, dismissible=True, timeout_ms=timeout_ms
        )

    def hide_banner(self, key: str) -> None:
        banner = self._banners.pop(key, None)
        if banner is not None:
            banner.timer.stop()
            banner.hide()
            self._layout.removeWidget(banner)
            banner.deleteLater()
        if not self._banners:
            self.setVisible(False)

    def banner(self, key: str) -> Banner | None:
        return self._banners.get(key)

    def visible_texts(self) -> list[str]:
        return [b.text for b in self._banners.values()]

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        for banner in self._banners.values():
            banner.apply_theme(theme)
