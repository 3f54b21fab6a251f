"""Durations as people write them in programmes, parsed to whole seconds.

One parser for the whole app (running orders, importers, the CLI), so that a form accepted in
one place is accepted everywhere. Whole seconds are the unit of every plan: a budget shared by
three speakers is split to the second and the remainder handed out one second at a time, so the
parts always add up exactly.
"""

from __future__ import annotations

import math
import re
import unicodedata

MAX_DURATION_S = 24 * 3600
MAX_TEXT = 100  # characters: no real duration is longer

# Typographic quotes are normalised first: French programmes write 10’ and 8′20″.
_QUOTES = str.maketrans({"’": "'", "′": "'", "‘": "'", "´": "'", "″": '"', "”": '"', "“": '"'})

_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?P<m>[0-9]+)\s*'\s*(?:(?P<s>[0-9]{1,2})\s*(?:\"|'')?)?"), "ms"),
    (re.compile(r"(?P<m>[0-9]+)\s*(?:min|mins|minute|minutes|mn|mns)\.?"), "ms"),
    (re.compile(r"(?P<h>[0-9]+)\s*h\s*(?:(?P<m>[0-9]{1,2})\s*(?:min|mn|')?)?"), "hm"),
    (re.compile(r"(?P<s>[0-9]+)\s*(?:s|sec|secs|second|seconds|seconde|secondes)"), "s"),
    (re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2}):(?P<s>[0-9]{2})"), "hms"),
    (re.compile(r"(?P<m>[0-9]+)"), "ms"),
)
_TWO_FIELDS = re.compile(r"[0-9]{1,2}:[0-9]{2}")

EXPECTED = (
    "a duration such as 10', 8'20\", 10 min, 10mn, 1h30, 90s, 00:10:00 or a whole number of minutes"
)


class DurationError(ValueError):
    """A duration that is not one of the accepted forms, or out of range."""


def parse_duration(value: object) -> int:
    """Return the duration in whole seconds, or raise DurationError saying what was expected.

    Integers are minutes (a TOML ``duration = 10``); floats and booleans are refused because
    ``8.5`` is ambiguous to a reader (8'30" or 8'05"?).
    """
    if isinstance(value, bool):
        raise DurationError(f"expected {EXPECTED}, got a boolean")
    if isinstance(value, int):
        return _checked(value * 60, _shown(value))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise DurationError(f"expected {EXPECTED}, got {value!r}")
        if value.is_integer():
            return _checked(int(value) * 60, _shown(value))
        raise DurationError(f"expected {EXPECTED}, got {value!r} (write 8'30\" rather than 8.5)")
    if not isinstance(value, str):
        raise DurationError(f"expected {EXPECTED}, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        # Also keeps int() away from thousands of digits (Python refuses more than 4300).
        raise DurationError(f"expected {EXPECTED}, got a text of {len(value)} characters")
    text = value.translate(_QUOTES).strip().lower()
    if not text.isascii():
        # int() reads « １０ » (full-width) and « ١٠ » (Arabic-Indic) as 10: a programme
        # pasted from elsewhere would silently get a duration nobody typed. Digits are 0-9.
        digit = next((c for c in text if c.isdigit() and not c.isascii()), None)
        if digit is not None:
            name = unicodedata.name(digit, f"U+{ord(digit):04X}")
            raise DurationError(
                f"{digit!r} ({name}) is not one of the digits 0-9 in {_shown(value)}; "
                "write durations with the digits 0-9"
            )
    if not text:
        raise DurationError(f"expected {EXPECTED}, got an empty text")
    if text.startswith("-"):
        raise DurationError(f"a duration cannot be negative, got {_shown(value)}")
    for pattern, kind in _FORMS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
        h, m, s = parts.get("h", 0), parts.get("m", 0), parts.get("s", 0)
        if kind in ("hm", "hms") and m >= 60:
            raise DurationError(f"minutes must be below 60 in {_shown(value)}")
        if s >= 60 and kind != "s":
            raise DurationError(f"seconds must be below 60 in {_shown(value)}")
        return _checked(h * 3600 + m * 60 + s, _shown(value))
    if _TWO_FIELDS.fullmatch(text):
        a, b = text.split(":")
        raise DurationError(
            f"{_shown(value)} is ambiguous (minutes:seconds or hours:minutes?): "
            f"write {int(a)}'{b}\" or {int(a)}h{b}"
        )
    raise DurationError(f"expected {EXPECTED}, got {_shown(value)}")


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _checked(seconds: int, shown: str) -> int:
    if seconds < 0:
        raise DurationError(f"a duration cannot be negative, got {shown}")
    if seconds == 0:
        raise DurationError(f"a duration must be longer than zero, got {shown}")
    if seconds > MAX_DURATION_S:
        raise DurationError(f"a duration must be at most 24 h, got {shown}")
    return seconds


def format_duration(seconds: int) -> str:
    """The canonical written form, which parse_duration reads back to the same value."""
    if seconds >= 3600:
        h, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        return f"{h:02d}:{m:02d}:{s:02d}"
    m, s = divmod(seconds, 60)
    return f"{m}'" if s == 0 else f"{m}'{s:02d}\""


def format_clock_span(seconds: int) -> str:
    """MM:SS below an hour, H:MM:SS above: the form of countdowns and reports."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m:02d}:{s:02d}"
