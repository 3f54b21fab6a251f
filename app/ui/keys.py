"""The keyboard contract of ARCHITECTURE.md §5, in one table.

A presentation clicker sends PageDown/PageUp/B/. — so those work too. The table drives the
shortcuts of both windows and the help overlay, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.ui.controller import LiveController


@dataclass(frozen=True)
class KeyAction:
    name: str  # the handler's name on the window that installs the shortcuts
    keys: tuple[str, ...]  # QKeySequence strings
    label: str  # untranslated source text (translated through the "keys" context)


def tr(text: str) -> str:
    return QCoreApplication.translate("keys", text)


KEY_ACTIONS: tuple[KeyAction, ...] = (
    KeyAction("toggle", ("Space",), str(QT_TRANSLATE_NOOP("keys", "Start / pause / resume"))),
    KeyAction("next", ("Right", "PgDown"), str(QT_TRANSLATE_NOOP("keys", "Next segment"))),
    KeyAction(
        "previous",
        ("Left", "PgUp"),
        str(QT_TRANSLATE_NOOP("keys", "Previous segment (resumes its time)")),
    ),
    KeyAction("add_minute", ("+", "="), str(QT_TRANSLATE_NOOP("keys", "Add a minute"))),
    KeyAction("remove_minute", ("-",), str(QT_TRANSLATE_NOOP("keys", "Remove a minute"))),
    KeyAction("blackout", ("B", "."), str(QT_TRANSLATE_NOOP("keys", "Blackout of the projector"))),
    KeyAction("wrap_up", ("W",), str(QT_TRANSLATE_NOOP("keys", "Message: please wrap up"))),
    KeyAction("clear_message", ("Esc",), str(QT_TRANSLATE_NOOP("keys", "Clear the message"))),
    KeyAction("undo", ("Ctrl+Z",), str(QT_TRANSLATE_NOOP("keys", "Undo the last control"))),
    KeyAction(
        "switch_anchor",
        ("Ctrl+T",),
        str(QT_TRANSLATE_NOOP("keys", "Clock times: as printed / from the actual start")),
    ),
    KeyAction("toggle_roll", ("Ctrl+R",), str(QT_TRANSLATE_NOOP("keys", "Roll mode on/off"))),
    KeyAction(
        "toggle_fullscreen",
        ("F11",),
        str(QT_TRANSLATE_NOOP("keys", "Projector full screen on/off")),
    ),
    KeyAction("help", ("F1", "?"), str(QT_TRANSLATE_NOOP("keys", "This help"))),
    KeyAction(
        "quit", ("Ctrl+Q",), str(QT_TRANSLATE_NOOP("keys", "Quit (press twice during a session)"))
    ),
)


def session_handlers(controller: LiveController) -> dict[str, Callable[[], object]]:
    """The keys that are plain controls of the session, the same in every window; a window
    adds its own (help, quit, full screen) and may replace any of these."""
    c = controller
    return {
        "toggle": c.toggle,
        "next": c.next,
        "previous": c.previous,
        "add_minute": lambda: c.adjust(60),
        "remove_minute": lambda: c.adjust(-60),
        "blackout": c.blackout,
        "clear_message": c.clear_message,
        "undo": c.undo,
        "switch_anchor": c.switch_anchor,
        "toggle_roll": c.toggle_roll,
    }


# How a button writes some keys: arrows for the arrow keys, a true minus for "-".
SYMBOLS = {"Left": "←", "Right": "→", "-": "−"}


def key_label(action: KeyAction, *, symbols: bool = False) -> str:
    """The keys as the user reads them: "Right / PgDown" in the help, "→ / PgDown" on a
    button (``symbols``: the button has little room)."""
    shown = []
    for key in action.keys:
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        shown.append(SYMBOLS.get(key, native) if symbols else native)
    return " / ".join(shown)


def bind_keys(
    window: QWidget,
    bindings: Iterable[tuple[str, Callable[[], object]]],
    *,
    auto_repeat: bool = False,
) -> None:
    """One QShortcut per (key, handler), WindowShortcut context, on ``window``.

    The one place shortcuts are made, so every window treats keys alike: a key works while
    its window has focus, and a text field that has focus keeps its letters (Qt asks the
    field first through ShortcutOverride). A control of the session never repeats when a
    clicker's key is held; the replay's stepping keys may (``auto_repeat``).
    """
    for key, handler in bindings:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(auto_repeat)
        shortcut.activated.connect(handler)


def install_shortcuts(window: QWidget, handlers: Mapping[str, Callable[[], object]]) -> None:
    """Bind every key of the table on ``window`` to ``handlers[action.name]`` (when given)."""
    bind_keys(
        window,
        (
            (key, handlers[action.name])
            for action in KEY_ACTIONS
            if action.name in handlers
            for key in action.keys
        ),
    )
