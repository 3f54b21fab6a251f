"""The tick driver: one precise single-shot timer aimed at the next visible change.

No polling loop. After each repaint the driver asks when the next displayed figure changes
(``next_change_in``: the live controller asks the Snapshot, which knows every figure a view
shows) and sleeps exactly until then. A late wake-up is measured and only delays that one
repaint: the next target is computed afresh from the clock, so lateness never accumulates.

Never early: a Qt timer does not fire before its interval, and the interval is rounded *up*
to the millisecond, so the only way to wake before the change is the engine's clock reading
a hair behind Qt's. Given ``now`` (the clock ``next_change_in`` is measured on), the driver
remembers the instant it aims at and, if it wakes before it, re-arms for what is left instead
of repainting the old figure. The same re-arming makes a long sleep two: one until
``LEAD_S`` before the change, a short precise one for the rest.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

# Aim a little after the boundary: the clock readings behind the boundary are rounded to the
# microsecond, and floating point may put a figure computed at the boundary itself on the
# old side. 0.2 ms is far above both and far below what an eye sees.
MARGIN_S = 0.0002
# A long sleep ends late (~1.5 ms for a second here: the kernel and the event loop round),
# a short one much less: with ``now``, the driver sleeps until this much before the change,
# then for the rest.
LEAD_S = 0.01
# The longest sleep: nothing that moves is left unwatched for longer (a wall clock stepped or
# a laptop suspended while the session is ready or over shows right after at most this).
MAX_SLEEP_S = 10.0


class TickDriver(QObject):
    """Calls ``due`` at each moment something on screen changes; emits ``fired``.

    ``next_change_in`` gives the seconds until the next change of anything shown (None: only
    ``MAX_SLEEP_S`` later); clock times (HH:MM) are among the figures it covers, so there is
    no separate wall-clock wake-up. ``now`` is the clock ``next_change_in`` counts on.
    """

    fired = Signal()

    def __init__(
        self,
        next_change_in: Callable[[], float | None],
        parent: QObject | None = None,
        *,
        now: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_change_in = next_change_in
        self._now = now
        self._due: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self.wakeups = 0
        self.early_wakeups = 0
        self.last_delay_s = 0.0

    def delay_s(self) -> float:
        """Seconds until the next displayed change, plus the margin."""
        change = self._next_change_in()
        delay = MAX_SLEEP_S if change is None else min(change, MAX_SLEEP_S)
        return max(0.0, delay) + MARGIN_S

    def arm(self) -> None:
        self.last_delay_s = self.delay_s()
        delay = self.last_delay_s
        if self._now is not None:
            self._due = self._now() + delay - MARGIN_S
            if delay > 2 * LEAD_S:
                delay -= LEAD_S  # the rest after the wake-up (_on_timeout)
        self._start(delay)

    def _start(self, delay_s: float) -> None:
        # Up to the next whole millisecond: a QTimer never fires before its interval.
        self._timer.start(max(1, math.ceil(delay_s * 1000)))

    def stop(self) -> None:
        self._timer.stop()
        self._due = None

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def _on_timeout(self) -> None:
        if self._now is not None and self._due is not None:
            left = self._due - self._now()
            if left > 0:  # before the change: the old figure would be painted again
                self.early_wakeups += 1  # (the lead's wake-up, or a clock a hair behind)
                self._start(left + MARGIN_S)
                return
        self.wakeups += 1
        self.fired.emit()
        if not self._timer.isActive():  # a slot of ``fired`` may have armed it already
            self.arm()
