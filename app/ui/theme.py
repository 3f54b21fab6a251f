"""Colours and phase words of the moderator window, for the dark and the light theme.

A phase is never shown by colour alone (ARCHITECTURE.md §3): every colour here comes with a word
from ``phase_word``, so a colour-blind moderator or a washed-out laptop screen loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.engine.display import Phase

translate = QCoreApplication.translate

_PHASE_WORDS: dict[Phase, str] = {
    Phase.NORMAL: str(QT_TRANSLATE_NOOP("Phase", "On track")),
    Phase.WARNING: str(QT_TRANSLATE_NOOP("Phase", "Warning")),
    Phase.FINAL: str(QT_TRANSLATE_NOOP("Phase", "Final seconds")),
    Phase.OVERTIME: str(QT_TRANSLATE_NOOP("Phase", "Overtime")),
}

# A symbol next to the word: the phase reads even from a glance at the shape.
PHASE_SYMBOLS: dict[Phase, str] = {
    Phase.NORMAL: "●",
    Phase.WARNING: "▲",
    Phase.FINAL: "◆",
    Phase.OVERTIME: "■",
}


def phase_word(phase: Phase) -> str:
    return translate("Phase", _PHASE_WORDS[phase])


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    panel: str
    text: str
    muted: str
    border: str
    button: str
    button_hover: str
    accent: str
    current_row: str
    countdown: dict[Phase, str]  # countdown text colour per phase
    chip: dict[Phase, tuple[str, str]]  # (background, text) of the phase chip
    warn_bg: str
    warn_fg: str
    info_bg: str
    info_fg: str
    error_bg: str
    error_fg: str

    def stylesheet(self) -> str:
        """The moderator window's style sheet (the projector has its own look)."""
        return f"""
QMainWindow, QWidget#central {{ background: {self.window}; color: {self.text}; }}
QWidget {{ color: {self.text}; }}
QMenuBar {{ background: {self.panel}; color: {self.text}; }}
QMenuBar::item:selected {{ background: {self.button_hover}; }}
QMenu {{ background: {self.panel}; color: {self.text}; border: 1px solid {self.border}; }}
QMenu::item:selected {{ background: {self.accent}; color: white; }}
QMenu::item:disabled {{ color: {self.muted}; }}
QFrame#panel, QFrame#currentPanel {{
    background: {self.panel}; border: 1px solid {self.border}; border-radius: 6px;
}}
QLabel {{ background: transparent; }}
QLabel[muted="true"] {{ color: {self.muted}; }}
QTreeWidget {{
    background: {self.panel}; alternate-background-color: {self.window};
    border: 1px solid {self.border}; border-radius: 6px;
}}
QHeaderView::section {{
    background: {self.window}; color: {self.muted}; border: none;
    border-bottom: 1px solid {self.border}; padding: 4px 6px;
}}
QPushButton {{
    background: {self.button}; color: {self.text}; border: 1px solid {self.border};
    border-radius: 5px; padding: 4px 8px;
}}
QPushButton:hover {{ background: {self.button_hover}; }}
QPushButton:pressed, QPushButton:checked {{ background: {self.accent}; color: white; }}
QPushButton:disabled {{ color: {self.muted}; }}
QPushButton[attention="true"] {{ border: 2px solid {self.chip[Phase.OVERTIME][0]}; }}
QLineEdit {{
    background: {self.window}; color: {self.text}; border: 1px solid {self.border};
    border-radius: 4px; padding: 4px 6px;
}}
QLineEdit:focus {{ border: 2px solid {self.accent}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSplitter::handle {{ background: {self.window}; }}
"""


_CHIPS: dict[Phase, tuple[str, str]] = {
    Phase.NORMAL: ("#2e7d32", "#ffffff"),
    Phase.WARNING: ("#ffb300", "#000000"),
    Phase.FINAL: ("#ef6c00", "#000000"),
    Phase.OVERTIME: ("#c62828", "#ffffff"),
}

DARK = Theme(
    name="dark",
    window="#1b1c1f",
    panel="#25272b",
    text="#eceff1",
    muted="#a7adb4",
    border="#3a3d42",
    button="#33363b",
    button_hover="#41454b",
    accent="#1e6fd9",
    current_row="#27476e",
    countdown={
        Phase.NORMAL: "#e8f5e9",
        Phase.WARNING: "#ffca28",
        Phase.FINAL: "#ff8a3d",
        Phase.OVERTIME: "#ff5252",
    },
    chip=_CHIPS,
    warn_bg="#5d4200",
    warn_fg="#fff3cd",
    info_bg="#1d3b5c",
    info_fg="#e3f0ff",
    error_bg="#6b1f1f",
    error_fg="#ffe3e3",
)

LIGHT = Theme(
    name="light",
    window="#f3f4f6",
    panel="#ffffff",
    text="#17191c",
    muted="#555b63",
    border="#c9cdd3",
    button="#e6e8eb",
    button_hover="#d8dbe0",
    accent="#1e6fd9",
    current_row="#cfe2ff",
    countdown={
        Phase.NORMAL: "#1b5e20",
        Phase.WARNING: "#8a5a00",
        Phase.FINAL: "#bf360c",
        Phase.OVERTIME: "#b71c1c",
    },
    chip=_CHIPS,
    warn_bg="#fff3cd",
    warn_fg="#4d3800",
    info_bg="#e3f0ff",
    info_fg="#0d2a4a",
    error_bg="#fde2e2",
    error_fg="#5c0f0f",
)

THEMES: dict[str, Theme] = {"dark": DARK, "light": LIGHT}


def theme_named(name: str) -> Theme:
    return THEMES.get(name, DARK)
