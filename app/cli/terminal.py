"""Text from files, made safe to print in a terminal.

A running order or a timing log is shared between people: a title holding ESC ] 0 ; ... BEL
would retitle the terminal that `check` or `report` prints it in, ESC [ 2 J would clear it, and
a right-to-left override would make the line read backwards. Whatever came from a file goes
through ``printable`` before a terminal sees it: each control character becomes a visible
escape (``\\x1b``, ``\\u202e``), so the user sees that the file holds one. The characters are
app.model.characters' (the loader refuses the same ones in titles and names).

JSON output is data and escapes controls itself; CSV is data too (neutralised elsewhere).
"""

from __future__ import annotations

import re

from app.model.characters import TERMINAL_UNSAFE


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control and bidirectional character shown as an escape.

    ``keep`` lists the characters that are structure where the caller prints them (the
    newlines of a multi-line report); ordinary spaces are never touched.
    """
    if not keep:
        return TERMINAL_UNSAFE.sub(_escape, text)
    return TERMINAL_UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


# json.dumps escapes C0 itself; what is left raw is outside C0 (and C0 outside strings is the
# JSON's own layout: its newlines and indentation).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def json_printable(text: str) -> str:
    """JSON text with the controls ``json.dumps(ensure_ascii=False)`` leaves raw (C1, DEL,
    direction controls) written as ``\\uXXXX``: the same data, safe on a terminal. Such
    characters only occur inside strings, where the escape means the character itself."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
