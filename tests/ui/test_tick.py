"""The tick driver: never early, and late by no more than its timer's grain.

Both timers are tested: the Linux timerfd the app uses there, and the QTimer it falls back
to elsewhere.
"""

from __future__ import annotations

import math
import os
import sys
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.tick import LEAD_S, MARGIN_S, Backend, TickDriver

LINUX = sys.platform.startswith("linux")
BACKENDS: list[Backend] = ["timerfd", "qtimer"] if LINUX else ["qtimer"]


def test_the_qtimer_interval_is_rounded_up_and_aimed_just_after_the_change(
    qtbot: QtBot,
) -> None:
    driver = TickDriver(lambda: 0.0101, backend="qtimer")
    assert driver.delay_s() == 0.0101 + MARGIN_S
    driver.arm()
    assert driver.interval_ms() == 11  # up, never down: 10 ms would be before the change
    driver.stop()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_wake_up_before_the_change_re_arms_instead_of_repainting(
    qtbot: QtBot, backend: Backend
) -> None:
    """The engine's clock may read a hair behind the timer's: the driver waits for what is
    left."""
    clock = {"t": 100.0}
    driver = TickDriver(lambda: 0.005, now=lambda: clock["t"], backend=backend)
    assert driver.backend == backend
    fired: list[float] = []
    driver.fired.connect(lambda: fired.append(clock["t"]))
    driver.arm()  # aims at t = 100.005
    qtbot.waitUntil(lambda: driver.early_wakeups >= 1, timeout=2000)
    assert fired == []  # the clock still reads 100.0: the figure has not changed
    clock["t"] = 100.006
    qtbot.waitUntil(lambda: fired != [], timeout=2000)
    assert fired == [100.006]
    assert driver.wakeups == 1
    driver.stop()


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_driver_never_fires_before_its_aim_on_the_real_clock(
    qtbot: QtBot, backend: Backend
) -> None:
    driver = TickDriver(lambda: 0.02, now=time.monotonic, backend=backend)
    armed = time.monotonic()
    fired: list[float] = []
    driver.fired.connect(lambda: fired.append(time.monotonic()))
    driver.arm()
    qtbot.waitUntil(lambda: len(fired) >= 3, timeout=5000)
    driver.stop()
    # Each fire re-arms 20 ms (+ margin) after the one before: never sooner.
    gaps = [b - a for a, b in zip([armed, *fired], fired, strict=False)]
    assert all(gap >= 0.02 for gap in gaps), gaps


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_stopped_driver_stays_silent(qtbot: QtBot, backend: Backend) -> None:
    driver = TickDriver(lambda: 0.01, backend=backend)
    fired: list[int] = []
    driver.fired.connect(lambda: fired.append(1))
    driver.arm()
    assert driver.active
    driver.stop()
    assert not driver.active
    witness = TickDriver(lambda: 0.05, backend=backend)  # outlasts the stopped aim
    witness.arm()
    qtbot.waitUntil(lambda: witness.wakeups >= 1, timeout=2000)
    witness.stop()
    assert fired == []


def test_the_driver_sleeps_until_the_next_shown_change(qtbot: QtBot) -> None:
    assert TickDriver(lambda: None).delay_s() > 1.0  # nothing moves: a long sleep
    assert TickDriver(lambda: 0.1).delay_s() == 0.1 + MARGIN_S
    assert TickDriver(lambda: 0.75).delay_s() == 0.75 + MARGIN_S  # no wall-second wake-up


def test_a_long_qtimer_sleep_ends_with_a_short_one(qtbot: QtBot) -> None:
    """A second-long QTimer ends ~1.5 ms late, a 10 ms one far less: sleep in two."""
    clock = {"t": 0.0}
    driver = TickDriver(lambda: 0.5, now=lambda: clock["t"], backend="qtimer")
    driver.arm()
    assert driver.interval_ms() == math.ceil((0.5 + MARGIN_S - LEAD_S) * 1000)
    driver.stop()


def _timerfds() -> set[str]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == "anon_inode:[timerfd]":
                found.add(fd)
        except FileNotFoundError:  # the listing's own descriptor, closed since
            pass
    return found


@pytest.mark.skipif(not LINUX, reason="timerfd is Linux only")
def test_linux_uses_the_timerfd_and_closes_it_with_the_driver(qtbot: QtBot) -> None:
    before = _timerfds()
    parent = QObject()
    driver = TickDriver(lambda: 0.5, parent)
    assert driver.backend == "timerfd"
    opened = _timerfds() - before
    assert len(opened) == 1
    driver.arm()
    shiboken6.delete(parent)
    assert _timerfds() == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_late_wake_up_is_measured_and_not_carried_over(qtbot: QtBot, backend: Backend) -> None:
    """Woken 0.3 s after the change (a stalled event loop, say): the lateness is recorded,
    and the next aim is computed afresh from the clock, not from the late wake-up."""
    ms = {"t": 10_000}  # a fake clock in whole milliseconds; a figure changes every 40 ms

    driver = TickDriver(
        lambda: (40 - ms["t"] % 40) / 1000, now=lambda: ms["t"] / 1000, backend=backend
    )
    driver.arm()  # aims at t = 10.040
    ms["t"] = 10_340  # the wake-up comes 0.3 s late
    qtbot.waitUntil(lambda: driver.wakeups == 1, timeout=3000)
    driver.stop()
    assert driver.last_late_s == pytest.approx(0.3)
    assert driver.worst_late_s == pytest.approx(0.3)
    assert driver.last_delay_s == pytest.approx(0.020 + MARGIN_S)  # to 10.360, not 10.380
