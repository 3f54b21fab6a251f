"""The buttons: every control of the session, each with the key that does the same.

The buttons never take keyboard focus: a clicker's PageDown or a Space must always reach the
window's shortcuts, never "press" whichever button was clicked last. The message bar holds
the presets in French and English (message texts are session content, never translated) and
a custom message field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.engine import Status
from app.engine.snapshot import Snapshot
from app.ui.formatting import escape_mnemonic
from app.ui.keys import KEY_ACTIONS, key_label

translate = QCoreApplication.translate

PRESETS_FR = ("Merci de conclure", "Plus qu'une minute", "Place aux questions")
PRESETS_EN = ("Please wrap up", "One minute left", "Time for questions")
WRAP_UP = {"fr": PRESETS_FR[0], "en": PRESETS_EN[0]}


def key_hint(name: str) -> str:
    """The keys of a key-table action as a button shows them: "→ / PgDown"."""
    for action in KEY_ACTIONS:
        if action.name == name:
            return key_label(action, symbols=True)
    return ""


# (name, key hint source): the hint comes from the key table, or is this window's own key.
BUTTONS: tuple[tuple[str, str | None], ...] = (
    ("toggle", "toggle"),
    ("previous", "previous"),
    ("next", "next"),
    ("add_minute", "add_minute"),
    ("remove_minute", "remove_minute"),
    ("blackout", "blackout"),
    ("wrap_up", "wrap_up"),
    ("clear_message", "clear_message"),
    ("undo", "undo"),
    ("catch_up", None),
    ("end", None),
)
OWN_KEYS = {"catch_up": "C"}


class ControlBar(QWidget):
    """One row of buttons; ``buttons[name].clicked`` is wired by the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for name, _ in BUTTONS:
            button = QPushButton(self)
            button.setObjectName(f"button-{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(50)
            self.buttons[name] = button
            layout.addWidget(button, 2 if name == "toggle" else 1)
        self.buttons["blackout"].setCheckable(True)
        self._status = Status.READY
        self.retranslate()

    def _labels(self) -> dict[str, str]:
        toggle = {
            Status.READY: translate("Controls", "Start"),
            Status.RUNNING: translate("Controls", "Pause"),
            Status.PAUSED: translate("Controls", "Resume"),
            Status.ENDED: translate("Controls", "Ended"),
        }[self._status]
        return {
            "toggle": toggle,
            "previous": translate("Controls", "Previous"),
            "next": translate("Controls", "Next"),
            "add_minute": translate("Controls", "+1 min"),
            "remove_minute": translate("Controls", "−1 min"),
            "blackout": translate("Controls", "Blackout"),
            "wrap_up": translate("Controls", "Wrap-up"),
            "clear_message": translate("Controls", "Clear message"),
            "undo": translate("Controls", "Undo"),
            "catch_up": translate("Controls", "Catch-up"),
            "end": translate("Controls", "End session"),
        }

    def retranslate(self) -> None:
        labels = self._labels()
        for name, source in BUTTONS:
            hint = key_hint(source) if source else OWN_KEYS.get(name, "")
            text = f"{labels[name]}\n{hint}" if hint else labels[name]
            self.buttons[name].setText(escape_mnemonic(text))

    def show_snapshot(self, snap: Snapshot, can_undo: bool, late: bool) -> None:
        if snap.status is not self._status:
            self._status = snap.status
            self.retranslate()
        live = snap.status in (Status.RUNNING, Status.PAUSED)
        not_ended = snap.status is not Status.ENDED
        enabled = {
            "toggle": not_ended,
            "previous": not_ended and snap.current > 0,
            "next": live or (snap.status is Status.READY and snap.next_segment is not None),
            "add_minute": not_ended,
            "remove_minute": not_ended,
            "blackout": True,
            "wrap_up": True,
            "clear_message": snap.message is not None,
            "undo": can_undo,
            "catch_up": not_ended,
            "end": live,
        }
        for name, on in enabled.items():
            button = self.buttons[name]
            if button.isEnabled() != on:
                button.setEnabled(on)
        blackout = self.buttons["blackout"]
        if blackout.isChecked() != snap.blackout:
            blackout.setChecked(snap.blackout)
        catch_up = self.buttons["catch_up"]
        if bool(catch_up.property("attention")) != late:
            catch_up.setProperty("attention", late)
            catch_up.style().unpolish(catch_up)
            catch_up.style().polish(catch_up)


class _FieldKeys(QObject):
    """Esc in the message field leaves the field (it must not clear the projector's message),
    Enter sends; any other key stays the field's own while it has focus."""

    def __init__(self, bar: MessageBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Escape:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the field takes this Esc: the shortcut must not fire
            return True
        if event.type() == QEvent.Type.KeyPress:
            self._bar.leave_field()
            return True
        return False


class MessageBar(QWidget):
    """Presets, a custom message field, Show and Blink."""

    message_requested = Signal(str)
    blink_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.caption = QLabel(self)
        self.caption.setProperty("muted", True)
        layout.addWidget(self.caption)
        self.preset_buttons: list[QPushButton] = []
        for tag, presets in (("FR", PRESETS_FR), ("EN", PRESETS_EN)):
            tag_label = QLabel(tag, self)
            tag_label.setProperty("muted", True)
            layout.addWidget(tag_label)
            for text in presets:
                button = QPushButton(escape_mnemonic(text), self)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setObjectName("preset")
                # Never narrower than its text: the window's minimum width grows instead.
                button.setMinimumWidth(button.sizeHint().width())
                button.clicked.connect(lambda _=False, t=text: self.message_requested.emit(t))
                self.preset_buttons.append(button)
                layout.addWidget(button)
        self.field = QLineEdit(self)
        self.field.setObjectName("customMessage")
        self.field.setMaxLength(200)
        self.field.setMinimumWidth(120)
        self.field.installEventFilter(_FieldKeys(self))
        self.field.returnPressed.connect(self._send_custom)
        layout.addWidget(self.field, 1)
        self.send_button = QPushButton(self)
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.clicked.connect(self._send_custom)
        layout.addWidget(self.send_button)
        self.blink_box = QCheckBox(self)
        self.blink_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blink_box.toggled.connect(self.blink_toggled)
        layout.addWidget(self.blink_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(translate("Messages", "Message:"))
        self.field.setPlaceholderText(translate("Messages", "Your message, then Enter"))
        self.send_button.setText(translate("Messages", "Show"))
        self.blink_box.setText(translate("Messages", "Blink"))

    @property
    def blink(self) -> bool:
        return self.blink_box.isChecked()

    def set_blink(self, on: bool) -> None:
        """Follow the session's blink state without sending it back as a command."""
        if self.blink_box.isChecked() != on:
            self.blink_box.blockSignals(True)
            self.blink_box.setChecked(on)
            self.blink_box.blockSignals(False)

    def _send_custom(self) -> None:
        text = self.field.text().strip()
        if text:
            self.message_requested.emit(text)
        self.leave_field()

    def leave_field(self) -> None:
        """Give the keys back to the window: the clicker must work again at once."""
        self.field.clearFocus()
        window = self.window()
        window.setFocus(Qt.FocusReason.OtherFocusReason)
