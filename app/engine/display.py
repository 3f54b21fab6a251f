"""How a countdown is written: the ceiling rule and overtime (ARCHITECTURE.md §3).

10:00 shows for the whole first second of a 10-minute segment and 00:01 for the whole last
one; at exactly the planned end the display turns to overtime, +00:00, and counts up. A
negative-looking or wrapped figure is never shown.
"""

from __future__ import annotations

import math
from enum import StrEnum


class Phase(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    FINAL = "final"
    OVERTIME = "overtime"


def shown_seconds(remaining_s: float) -> int:
    """The whole seconds on screen: ceiling while counting down, floor of overtime after."""
    if remaining_s > 0:
        return math.ceil(remaining_s)
    return math.floor(-remaining_s)


def format_span(seconds: int) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def countdown_text(remaining_s: float) -> str:
    """``10:00`` … ``00:01`` then ``+00:00``, ``+00:42`` in overtime."""
    if remaining_s > 0:
        return format_span(shown_seconds(remaining_s))
    return "+" + format_span(shown_seconds(remaining_s))


def phase_of(remaining_s: float, warning_s: int, final_s: int) -> Phase:
    """Phases change when the shown figure reaches the threshold (02:00 shows as warning)."""
    if remaining_s <= 0:
        return Phase.OVERTIME
    if remaining_s <= final_s:
        return Phase.FINAL
    if remaining_s <= warning_s:
        return Phase.WARNING
    return Phase.NORMAL


def next_change(remaining_s: float) -> float:
    """Seconds until the shown figure changes while the countdown runs (always in (0, 1])."""
    if remaining_s > 0:
        return remaining_s - (math.ceil(remaining_s) - 1)
    over = -remaining_s
    return math.floor(over) + 1 - over


def spoken_span(seconds: int) -> str:
    """A span as the projector's phase line says it: ``1 min 40``, ``2 min``, ``50 s``; the
    same abbreviations in French and English (so no translation here)."""
    m, s = divmod(max(0, seconds), 60)
    if m and s:
        return f"{m} min {s:02d}"
    return f"{m} min" if m else f"{s} s"


def spoken_left(remaining_s: float) -> str:
    """How long is left, in words, as the figure shows it (01:40 → ``1 min 40``): the phase
    line never says another figure than the countdown (ceiling rule, shown_seconds)."""
    return spoken_span(shown_seconds(remaining_s))


def signed_span(seconds: float) -> str:
    """A signed duration as every view writes it: ``+03:05`` (late, over), ``−01:40`` (early,
    short), ``±00:00``; rounded to the second. The sign is a word's worth: never colour alone."""
    whole = round(seconds)
    if whole == 0:
        return "±" + format_span(0)
    return ("+" if whole > 0 else "−") + format_span(abs(whole))


def late_word(seconds: float, *, on_time: str, late: str, early: str) -> str:
    """Which of the three words says a lateness: rounded to the second, as it is shown."""
    whole = round(seconds)
    return on_time if whole == 0 else late if whole > 0 else early
