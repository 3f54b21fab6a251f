"""The injected clock: monotonic seconds for intervals, an aware datetime for clock times.

On Linux the monotonic reading is CLOCK_BOOTTIME, which keeps counting while the laptop
sleeps: a moderator who closes the lid during the coffee break comes back to a countdown that
counted the real time that passed. Elsewhere ``time.monotonic`` is the best there is.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes back."""
        ...

    def wall(self) -> datetime:
        """The current wall-clock time, timezone-aware (local zone)."""
        ...


_BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        if _BOOTTIME is not None:
            return time.clock_gettime(_BOOTTIME)
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock tests move by hand, so that no test waits for time to pass.

    ``advance`` moves both readings: time passing, including a laptop suspend (BOOTTIME counts
    it). ``jump_wall`` moves only the wall clock: an NTP correction or a manual change, which
    must never move a countdown.
    """

    def __init__(self, wall: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._mono = monotonic
        self._wall = wall or datetime(2020, 9, 22, 16, 0, tzinfo=UTC).astimezone()

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
