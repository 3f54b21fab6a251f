"""The tick driver: one precise single-shot timer aimed at the next visible change.

No polling loop. After each repaint the driver asks when the next displayed figure changes
(the countdown's next whole second, the wall clock's next second) and sleeps exactly until
then. A late wake-up is measured and only delays that one repaint: the next target is computed
afresh from the clock, so lateness never accumulates. An early wake-up (timers round) simply
re-arms for what is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

# Aim a little after the boundary: waking 0.1 ms early would show the old figure for a second.
MARGIN_S = 0.002
MAX_SLEEP_S = 1.0


class TickDriver(QObject):
    """Calls ``due`` at each moment something on screen changes; emits ``fired``."""

    fired = Signal()

    def __init__(
        self,
        next_change_in: Callable[[], float | None],
        wall_fraction: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_change_in = next_change_in
        self._wall_fraction = wall_fraction
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self.wakeups = 0
        self.last_delay_s = 0.0

    def delay_s(self) -> float:
        """Seconds until the next displayed change: countdown or wall clock, whichever first."""
        wall_next = 1.0 - self._wall_fraction()
        change = self._next_change_in()
        delay = wall_next if change is None else min(change, wall_next)
        return min(MAX_SLEEP_S, max(0.0, delay)) + MARGIN_S

    def arm(self) -> None:
        self.last_delay_s = self.delay_s()
        self._timer.start(max(1, round(self.last_delay_s * 1000)))

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def _on_timeout(self) -> None:
        self.wakeups += 1
        self.fired.emit()
        self.arm()
