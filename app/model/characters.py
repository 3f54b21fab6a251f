"""Characters that must not hide in session text: control characters and direction overrides.

A running order is shared between people, pasted from web pages and shown on a projector and in
terminals. A control character (ESC, BEL, NUL...) in a title can retitle or clear a terminal
that prints it; a bidirectional override (U+202E) makes a name read backwards or hides text.
Neither has a use in a title or a name, so the loader refuses them with the code point; notes
may hold tab and newline, nothing else of the kind. The terminal escaping of app.cli.terminal
uses the same tables, so that what the loader names is what a terminal shows escaped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# What a terminal must never receive raw: C0, DEL, C1, and every bidirectional formatting
# character (embeddings, overrides, isolates, and the marks LRM, RLM, ALM).
TERMINAL_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

# What a title or a name may not hold: controls, and the characters that reorder text
# (embeddings, overrides, isolates). The marks (LRM, RLM, ALM) only nudge the direction of
# their neighbours and are typed in Arabic and Hebrew names, so they are allowed.
NOT_IN_NAMES: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Notes are several lines long: tab and newline are theirs (and the CR of a Windows file).
NOT_IN_NOTES: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_NAMES: Final = {
    "\x00": "null",
    "\x07": "bell",
    "\x08": "backspace",
    "\t": "tab",
    "\n": "line feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x9b": "control sequence introducer",
    "\u061c": "Arabic letter mark",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}


def describe_char(char: str) -> str:
    """``U+202E (right-to-left override)``: the code point and a name a person can look up."""
    name = _NAMES.get(char) or unicodedata.name(char, "").lower() or "a control character"
    return f"U+{ord(char):04X} ({name})"


def _refuse(value: str, pattern: re.Pattern[str], where: str) -> str:
    match = pattern.search(value)
    if match is not None:
        raise ValueError(f"{describe_char(match.group())} is not allowed {where}")
    return value


def plain_name(value: str) -> str:
    """A title or a name unchanged, or ValueError naming its first control or override."""
    return _refuse(value, NOT_IN_NAMES, "in a title or a name")


def plain_notes(value: str) -> str:
    """Notes unchanged (tab and newline are theirs), or ValueError naming what is not."""
    return _refuse(value, NOT_IN_NOTES, "in notes (only tab and newline are)")
