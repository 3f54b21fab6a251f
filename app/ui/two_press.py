"""A confirmation by a second press: no modal dialog may stop a live session (ARCHITECTURE.md §3).

Quitting during a session and starting a resumed session over both ask for the same thing
twice within a few seconds. Whether the second press counts is decided here, from the
injected clock's monotonic reading, and never from a Qt timer: a timer may still hide the
hint on screen, but tests drive the decision with a FakeClock and never wait in real time.
"""

from __future__ import annotations

from collections.abc import Callable


class TwoPress:
    """The first press arms; a press within ``window_s`` of it confirms; a later one re-arms.

    ``now`` is a monotonic reading in seconds (the session clock's ``monotonic``), so a
    laptop that sleeps between the two presses never confirms by surprise.
    """

    def __init__(self, now: Callable[[], float], window_s: float) -> None:
        self._now = now
        self.window_s = window_s
        self._armed_at: float | None = None

    def press(self) -> bool:
        """True when this press confirms; otherwise it (re-)arms and the caller shows a hint."""
        if self.armed():
            self._armed_at = None
            return True
        self._armed_at = self._now()
        return False

    def armed(self) -> bool:
        """A first press was made and its window has not run out yet."""
        if self._armed_at is None:
            return False
        return self._now() - self._armed_at <= self.window_s

    def reset(self) -> None:
        """Forget a first press (the action was done another way, or was called off)."""
        self._armed_at = None
