"""The real clock counts a suspend: on Linux SystemClock.monotonic reads CLOCK_BOOTTIME.

A moderator who closes the lid during the coffee break must come back to a countdown that
counted the break. CLOCK_MONOTONIC (``time.monotonic``) stops while the laptop sleeps, so a
SystemClock that read it would lose the break. Every other test runs on FakeClock, which is
why this one reads the real clock.

On a machine that has never been suspended, CLOCK_BOOTTIME and CLOCK_MONOTONIC read the same,
so comparing readings alone cannot tell them apart there. The first test therefore makes them
differ: it replaces ``time.clock_gettime`` and ``time.monotonic`` with stand-ins that give
each clock its own reading and record which clock was asked for.
"""

from __future__ import annotations

import sys
import time

import pytest

from app.engine.clock import SystemClock

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux only"
)

# Far apart, as after a long suspend: BOOTTIME = MONOTONIC + the time slept since boot.
MONOTONIC_READING = 1_000.25
BOOTTIME_READING = MONOTONIC_READING + 3 * 3600.0


@linux_only
def test_system_clock_reads_boottime_not_the_clock_that_stops_in_a_suspend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[int] = []

    def clock_gettime(clock_id: int) -> float:
        asked.append(clock_id)
        if clock_id == time.CLOCK_BOOTTIME:
            return BOOTTIME_READING
        if clock_id == time.CLOCK_MONOTONIC:
            return MONOTONIC_READING
        raise AssertionError(f"SystemClock asked for clock {clock_id}")

    monkeypatch.setattr(time, "clock_gettime", clock_gettime)
    monkeypatch.setattr(time, "monotonic", lambda: MONOTONIC_READING)

    reading = SystemClock().monotonic()

    assert reading == BOOTTIME_READING, (
        f"SystemClock.monotonic read {reading}: "
        f"{'CLOCK_MONOTONIC' if reading == MONOTONIC_READING else 'neither clock'}, "
        "which stops while the laptop sleeps"
    )
    assert asked == [time.CLOCK_BOOTTIME]


@linux_only
def test_system_clock_reading_lies_between_two_real_boottime_readings() -> None:
    """The real clocks, untouched. Where this machine has slept since boot (BOOTTIME ahead of
    MONOTONIC by more than the time the readings take), a MONOTONIC reading falls outside
    the bracket; where it has not, the test above is the one that tells them apart."""
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    reading = SystemClock().monotonic()
    after = time.clock_gettime(time.CLOCK_BOOTTIME)

    slept = time.clock_gettime(time.CLOCK_BOOTTIME) - time.clock_gettime(time.CLOCK_MONOTONIC)
    assert before <= reading <= after, (
        f"SystemClock read {reading}, outside CLOCK_BOOTTIME [{before}, {after}] "
        f"(this machine's BOOTTIME - MONOTONIC: {slept:.6f} s)"
    )


@linux_only
def test_the_tick_timer_counts_on_the_same_clock_as_the_session() -> None:
    """The tick driver's kernel timer (timerfd) names its clock by number; a wake-up that
    fell due during a suspend fires as the laptop wakes only if that number is BOOTTIME."""
    from app.ui import tick

    assert tick._CLOCK_BOOTTIME == time.CLOCK_BOOTTIME
    assert tick._CLOCK_MONOTONIC == time.CLOCK_MONOTONIC
