"""The tick driver: one precise single-shot timer aimed at the next visible change.

No polling loop. After each repaint the driver asks when the next displayed figure changes
(``next_change_in``: the live controller asks the Snapshot, which knows every figure a view
shows) and sleeps exactly until then. A late wake-up is measured and only delays that one
repaint: the next target is computed afresh from the clock, so lateness never accumulates.

Two timers can do the sleeping:

- On Linux, a kernel ``timerfd`` watched by a QSocketNotifier: armed to the nanosecond, it
  wakes the event loop within the kernel's timer slack (50 µs) of the change. Qt's own
  timers cannot: the event loop's poll() takes whole milliseconds, so a QTimer ends up to a
  millisecond and a half after its aim, and that lateness would be added to every flip of the
  countdown.
- Elsewhere (or if the timerfd cannot be made), a precise QTimer. Its interval is rounded
  *up* to the millisecond so that it never fires before the change, and a long sleep is made
  two: one until ``LEAD_S`` before the change (a second-long sleep ends late), then a short
  one for the rest.

Never early: given ``now`` (the clock ``next_change_in`` is measured on), the driver
remembers the instant it aims at and, if it wakes before it (the engine's clock reading a
hair behind the timer's), re-arms for what is left instead of repainting the old figure.
"""

from __future__ import annotations

import ctypes
import math
import os
import sys
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal

# Aim a little after the boundary: the clock readings behind the boundary are rounded to the
# microsecond, and floating point may put a figure computed at the boundary itself on the
# old side. 0.2 ms is far above both and far below what an eye sees.
MARGIN_S = 0.0002
# The QTimer path only: a long sleep ends late (~1.5 ms for a second here: the kernel and the
# event loop round), a short one much less: with ``now``, the driver sleeps until this much
# before the change, then for the rest.
LEAD_S = 0.01
# The longest sleep: nothing that moves is left unwatched for longer (a wall clock stepped or
# a laptop suspended while the session is ready or over shows right after at most this).
MAX_SLEEP_S = 10.0

Backend = Literal["timerfd", "qtimer"]


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


# <linux/time.h>. CLOCK_BOOTTIME counts a suspend (as the session's clock does), so a timer
# that fell due while the lid was closed fires as the laptop wakes; CLOCK_MONOTONIC (kernels
# before 3.15) would wait out the rest of its interval first.
_CLOCK_BOOTTIME = 7
_CLOCK_MONOTONIC = 1


class _TimerFd:
    """A one-shot kernel timer in a file descriptor (Linux ``timerfd``), armed in ns.

    Python has ``os.timerfd_*`` from 3.13 only, so libc is called through ctypes. Any
    failure to make one raises OSError, and the driver falls back to a QTimer.
    """

    def __init__(self) -> None:
        if not sys.platform.startswith("linux"):
            raise OSError("timerfd is Linux only")
        libc = ctypes.CDLL(None, use_errno=True)
        self._settime = libc.timerfd_settime
        self._settime.argtypes = [
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(_Itimerspec),
            ctypes.c_void_p,
        ]
        self._settime.restype = ctypes.c_int
        create = libc.timerfd_create
        create.argtypes = [ctypes.c_int, ctypes.c_int]
        create.restype = ctypes.c_int
        flags = os.O_NONBLOCK | os.O_CLOEXEC
        fd = create(_CLOCK_BOOTTIME, flags)
        if fd < 0:
            fd = create(_CLOCK_MONOTONIC, flags)
        if fd < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))
        self.fd = fd

    def arm(self, delay_s: float) -> None:
        """Expire ``delay_s`` from now (at least 1 µs: a zero value would disarm it)."""
        ns = max(1_000, math.ceil(delay_s * 1e9))
        spec = _Itimerspec()
        spec.it_value.tv_sec, spec.it_value.tv_nsec = divmod(ns, 1_000_000_000)
        self._set(spec)

    def disarm(self) -> None:
        self._set(_Itimerspec())

    def consume(self) -> bool:
        """Read the expiry count; False if there was none (disarmed or re-armed since)."""
        try:
            return len(os.read(self.fd, 8)) == 8
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)

    def _set(self, spec: _Itimerspec) -> None:
        if self._settime(self.fd, 0, ctypes.byref(spec), None) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))


def _closer(notifier: QSocketNotifier, timerfd: _TimerFd) -> Callable[[], None]:
    """Close the timerfd when its driver goes (the notifier first: a watched closed file
    descriptor would wake the event loop without end)."""

    def close() -> None:
        notifier.setEnabled(False)
        timerfd.close()

    return close


class TickDriver(QObject):
    """Emits ``fired`` at each moment something on screen changes.

    ``next_change_in`` gives the seconds until the next change of anything shown (None: only
    ``MAX_SLEEP_S`` later); clock times (HH:MM) are among the figures it covers, so there is
    no separate wall-clock wake-up. ``now`` is the clock ``next_change_in`` counts on.
    ``backend`` picks the timer (None: the timerfd where there is one, else a QTimer).
    """

    fired = Signal()

    def __init__(
        self,
        next_change_in: Callable[[], float | None],
        parent: QObject | None = None,
        *,
        now: Callable[[], float] | None = None,
        backend: Backend | None = None,
    ) -> None:
        super().__init__(parent)
        self._next_change_in = next_change_in
        self._now = now
        self._due: float | None = None
        self._timerfd: _TimerFd | None = None
        self._notifier: QSocketNotifier | None = None
        self._armed = False
        if backend in (None, "timerfd"):
            try:
                self._timerfd = _TimerFd()
            except (OSError, AttributeError):
                if backend == "timerfd":
                    raise
        if self._timerfd is not None:
            self._notifier = QSocketNotifier(self._timerfd.fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_timerfd)
            self.destroyed.connect(_closer(self._notifier, self._timerfd))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self.wakeups = 0
        self.early_wakeups = 0
        self.last_delay_s = 0.0
        # How late the last wake-up was after the change it aimed at, and the worst so far
        # (with ``now``): measured, and never carried into the next aim.
        self.last_late_s = 0.0
        self.worst_late_s = 0.0

    @property
    def backend(self) -> Backend:
        return "timerfd" if self._timerfd is not None else "qtimer"

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
            if self._timerfd is None and delay > 2 * LEAD_S:
                delay -= LEAD_S  # the rest after the wake-up (_on_timeout)
        self._start(delay)

    def _start(self, delay_s: float) -> None:
        self._armed = True
        if self._timerfd is not None:
            self._timerfd.arm(delay_s)
        else:
            # Up to the next whole millisecond: a QTimer never fires before its interval.
            self._timer.start(max(1, math.ceil(delay_s * 1000)))

    def stop(self) -> None:
        self._armed = False
        if self._timerfd is not None:
            self._timerfd.disarm()
        self._timer.stop()
        self._due = None

    @property
    def active(self) -> bool:
        return self._armed

    def interval_ms(self) -> int:
        """The QTimer's interval (the QTimer path: what it was last started with)."""
        return self._timer.interval()

    def _on_timerfd(self) -> None:
        if self._timerfd is not None and self._timerfd.consume() and self._armed:
            self._on_timeout()

    def _on_timeout(self) -> None:
        self._armed = False
        if self._now is not None and self._due is not None:
            left = self._due - self._now()
            if left > 0:  # before the change: the old figure would be painted again
                self.early_wakeups += 1  # (the lead's wake-up, or a clock a hair behind)
                self._start(left + MARGIN_S)
                return
            self.last_late_s = -left
            self.worst_late_s = max(self.worst_late_s, -left)
        self.wakeups += 1
        self.fired.emit()
        if not self._armed:  # a slot of ``fired`` may have armed it already
            self.arm()
