"""The tick driver: never early, never late by more than its margin and a millisecond."""

from __future__ import annotations

import math

from pytestqt.qtbot import QtBot

from app.ui.tick import LEAD_S, MARGIN_S, TickDriver


def test_interval_is_rounded_up_and_aimed_just_after_the_change(qtbot: QtBot) -> None:
    driver = TickDriver(lambda: 0.0101)
    assert driver.delay_s() == 0.0101 + MARGIN_S
    driver.arm()
    assert driver._timer.interval() == 11  # up, never down: 10 ms would be before the change
    driver.stop()


def test_a_wake_up_before_the_change_re_arms_instead_of_repainting(qtbot: QtBot) -> None:
    """The engine's clock may read a hair behind Qt's: the driver waits for what is left."""
    clock = {"t": 100.0}
    driver = TickDriver(lambda: 0.005, now=lambda: clock["t"])
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


def test_the_driver_sleeps_until_the_next_shown_change(qtbot: QtBot) -> None:
    assert TickDriver(lambda: None).delay_s() > 1.0  # nothing moves: a long sleep
    assert TickDriver(lambda: 0.1).delay_s() == 0.1 + MARGIN_S
    assert TickDriver(lambda: 0.75).delay_s() == 0.75 + MARGIN_S  # no wall-second wake-up


def test_a_long_sleep_ends_with_a_short_one(qtbot: QtBot) -> None:
    """A second-long timer ends ~1.5 ms late, a 10 ms one far less: sleep in two."""
    clock = {"t": 0.0}
    driver = TickDriver(lambda: 0.5, now=lambda: clock["t"])
    driver.arm()
    assert driver._timer.interval() == math.ceil((0.5 + MARGIN_S - LEAD_S) * 1000)
    driver.stop()
