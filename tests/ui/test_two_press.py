"""The second-press confirmation (quit, start over) on a FakeClock: nobody waits."""

from __future__ import annotations

from app.engine.clock import FakeClock
from app.ui.two_press import TwoPress


def test_a_second_press_within_the_window_confirms() -> None:
    clock = FakeClock()
    confirm = TwoPress(clock.monotonic, 3.0)
    assert not confirm.press()  # the first one only arms
    assert confirm.armed()
    clock.advance(2.9)
    assert confirm.press()
    assert not confirm.armed()  # confirmed: a third press starts again


def test_a_press_after_the_window_only_arms_again() -> None:
    clock = FakeClock()
    confirm = TwoPress(clock.monotonic, 3.0)
    confirm.press()
    clock.advance(3.1)
    assert not confirm.armed()
    assert not confirm.press()
    clock.advance(1)
    assert confirm.press()


def test_reset_forgets_the_first_press() -> None:
    clock = FakeClock()
    confirm = TwoPress(clock.monotonic, 3.0)
    confirm.press()
    confirm.reset()
    assert not confirm.press()
