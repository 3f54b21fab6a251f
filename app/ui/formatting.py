"""How the moderator window writes times: durations, local clock times, lateness.

Every figure comes from the Snapshot; this module only turns seconds and datetimes into the
short strings a moderator reads at a glance. Words go through Qt's translation system (the
"Formatting" context); numbers never do.
"""

from __future__ import annotations

import functools
import math
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.engine.display import format_span
from app.model.plan import day_label

translate = QCoreApplication.translate


def span(seconds: float) -> str:
    """A duration as mm:ss (or h:mm:ss), whole seconds rounded down: 8:20 reads 08:20."""
    return format_span(max(0, math.floor(seconds + 1e-6)))


def left_span(seconds: float) -> str:
    """Time still available, rounded up like the countdown: 10:00 for the whole first second."""
    return format_span(max(0, math.ceil(seconds - 1e-6)))


def planned_span(seconds: float) -> str:
    """A planned duration (whole seconds already); rounded to the nearest second."""
    return format_span(max(0, round(seconds)))


def clock(when: datetime, day: int = 0) -> str:
    """A local clock time HH:MM, the way the printed programme gives times; ``day`` (from the
    engine: ``Snapshot.day_of`` or ``Timeline.day_of``) marks the next day: "00:30 (+1)".

    Remembered by the minute: the windows ask for the clock each second, and turning a time
    into local time looks the zone up each time (a DST change falls on a whole minute).
    """
    if when.tzinfo is None:
        return day_mark(when.strftime("%H:%M"), day)  # already local
    return day_mark(_local_minute(math.floor(when.timestamp() / 60)), day)


def day_mark(text: str, day: int) -> str:
    """A clock time already written (HH:MM or HH:MM:SS) with its next-day mark, as ``check``
    writes it: "00:30 (+1)". The day offset comes from the plan or the engine, never from
    the widget."""
    return day_label(text, day)


@functools.lru_cache(maxsize=1024)
def _local_minute(minute: int) -> str:
    return datetime.fromtimestamp(minute * 60).strftime("%H:%M")


def minutes(seconds: float) -> int:
    """Whole minutes, rounded to the nearest: what a moderator says aloud."""
    return round(abs(seconds) / 60)


def minutes_text(n: int) -> str:
    """A number of minutes as read on a clock face: "12 min", or "2 h 05" from an hour on."""
    if n >= 60:
        return translate("Formatting", "{h} h {m:02d}").format(h=n // 60, m=n % 60)
    return translate("Formatting", "{n} min").format(n=n)


def late_text(late_s: float, *, exact: bool = False) -> str:
    """How late or early, as said aloud: "3 min late", "2 min early", "On time" (under half a
    minute either way); from an hour on "1 h 05 early" (a rehearsal the morning before).
    ``exact``: to the second ("03:20 late"), for a replay or a list read closely."""
    if exact:
        whole = round(late_s)
        amount = format_span(abs(whole))
    else:
        whole = minutes(late_s)
        amount = minutes_text(whole)
    if whole == 0:
        return translate("Formatting", "On time")
    if late_s > 0:
        return translate("Formatting", "{amount} late").format(amount=amount)
    return translate("Formatting", "{amount} early").format(amount=amount)


def gap_text(seconds: float) -> str:
    """A downtime: "42 s" under two minutes, else "3 min 05 s"."""
    whole = max(0, round(seconds))
    if whole < 120:
        return translate("Formatting", "{s} s").format(s=whole)
    m, s = divmod(whole, 60)
    return translate("Formatting", "{m} min {s:02d} s").format(m=m, s=s)


def escape_mnemonic(text: str) -> str:
    """Buttons and menu entries read '&' as a shortcut marker; double it to show it as is."""
    return text.replace("&", "&&")
