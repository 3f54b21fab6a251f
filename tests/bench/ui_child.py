"""The child process of bench_ui: the real app, started as `timekeeper --lang en` starts it
(app.cli.main -> run_gui -> run_application: the system clock, both windows), with probes.

bench_ui runs it as a script (``python tests/bench/ui_child.py MODE [SECONDS]``) with
QT_QPA_PLATFORM=offscreen and TIMEKEEPER_HOME in a temporary folder. The QApplication is made
here, as run_application would make it, so that probes can be installed before the app runs;
all the rest is the app's own code. The result is one line on stdout, ``RESULT {json}``.

Modes:
- ``startup``: CLOCK_MONOTONIC readings (time.monotonic: system-wide, comparable with the
  parent's reading just before it spawned this process) when this script starts, once Qt is
  imported and the QApplication made, when the first window is exposed, and on the event
  loop's next turn, when that window has been painted (a QWidgetWindow paints its backing
  store synchronously while it handles the expose event). Then the app exits.
- ``flip SECONDS``: Space is pressed (LiveController.toggle, what the key calls), and for
  SECONDS each paint of the projector window's ProjectorView and of the moderator window's
  countdown label is timed, begin and end, with the figure it draws; so is the end of the
  window's repaint that contained it (its UpdateRequest), each expiry of the TickDriver's
  timer and the end of each refresh it drives. All on the engine's clock (SystemClock,
  CLOCK_BOOTTIME). The second boundaries are computed from the engine: the session's
  monotonic origin plus the session times at which the snapshot taken by Space says the
  figure changes (its next_change_in, then every whole second).
- ``cpu SECONDS``: Space is pressed; after a second to settle, the process's CPU time
  (time.process_time: every thread) over SECONDS of wall time, and at each wake-up of the
  TickDriver (the CPU of each cycle between two); then the peak RSS (VmHWM).
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

T_SCRIPT = time.monotonic()

# bench_remote: the app runs with its remote server (`--serve`), and the first seconds leave
# time for the WebSocket clients (another process) to connect.
SERVE = os.environ.get("TIMEKEEPER_BENCH_SERVE") == "1"
SETTLE_MS = 6000 if SERVE else 1000  # after the event loop starts, before Space is pressed
CPU_SETTLE_MS = 1000  # after Space, before the CPU time is read
FLIP_TAIL_MS = 600  # after the last boundary: its repaint must be in


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def main() -> int:
    mode = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    if mode not in ("startup", "flip", "cpu"):
        print(f"ui_child: unknown mode {mode}", file=sys.stderr)
        return 2

    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(sys.argv[:1])
    result: dict[str, Any] = {"mode": mode, "script": T_SCRIPT, "qt_ready": time.monotonic()}
    errors: list[str] = []
    keep: list[object] = []  # probes and timers must outlive the functions that make them

    def fail(text: str) -> None:
        errors.append(text)
        qt_app.exit(1)

    def later(ms: int, fn: Callable[[], None]) -> None:
        """A precise single-shot timer (QTimer.singleShot may be coarse: 5 % of 15 s)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)

        def guarded() -> None:
            try:
                fn()
            except Exception:
                traceback.print_exc()
                fail("a probe raised")

        timer.timeout.connect(guarded)
        timer.start(ms)
        keep.append(timer)

    class FirstExpose(QObject):
        """Application-wide until the first window is exposed, then removed."""

        def __init__(self) -> None:
            super().__init__()
            self.events = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            self.events += 1
            if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
                result["exposed"] = time.monotonic()
                result["first_window"] = obj.title()
                result["filtered_events"] = self.events
                qt_app.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        result["painted"] = time.monotonic()
        result["network_modules"] = sorted(
            m for m in sys.modules if m.split(".")[0] in ("aiohttp", "segno", "pythonosc")
        )
        # exit, not quit: quit() closes the windows, and the moderator's asks to confirm.
        QTimer.singleShot(0, lambda: qt_app.exit(0))

    def start() -> None:
        from app.ui.moderator import ModeratorWindow
        from app.ui.projector import ProjectorWindow

        tops = QApplication.topLevelWidgets()
        window = next(w for w in tops if isinstance(w, ModeratorWindow))
        projector = next(w for w in tops if isinstance(w, ProjectorWindow))
        result["moderator_size"] = [window.width(), window.height()]
        result["projector_size"] = [projector.view.width(), projector.view.height()]
        result["projector_screen"] = projector.projecting_on
        server = window.remote.server
        result["remote_clients"] = None if server is None else server.clients
        if mode == "flip":
            keep.append(_flip(window, projector, seconds, result, later, fail))
        else:
            _cpu(window.controller, seconds, result, later, fail)

    if mode == "startup":
        probe = FirstExpose()
        keep.append(probe)
        qt_app.installEventFilter(probe)
    else:
        later(SETTLE_MS, start)

    from app.cli import main as timekeeper

    serve = ["--serve", "--port", "0", "--osc-port", "0"] if SERVE else []
    code = timekeeper(["--lang", "en", *serve])
    if errors:
        print("ui_child: " + "; ".join(errors), file=sys.stderr)
        return 1
    if code != 0:
        print(f"ui_child: the app exited with {code}", file=sys.stderr)
        return 1
    print("RESULT " + json.dumps(result), flush=True)
    return 0


def _flip(
    window: Any,
    projector: Any,
    seconds: float,
    result: dict[str, Any],
    later: Callable[[int, Callable[[], None]], None],
    fail: Callable[[str], None],
) -> object:
    from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from app.engine.display import countdown_text
    from app.ui import tick

    controller = window.controller
    now = controller.clock.monotonic  # the engine's clock (CLOCK_BOOTTIME on Linux)

    class PaintProbe(QObject):
        """Each paint of one widget: [begin, end, figure drawn, end of the window's repaint].

        The paint is run from inside the filter (``obj.event``) so that its end can be timed;
        the filter then says the event was handled, so the widget paints once.
        """

        def __init__(self, figure: Callable[[], str]) -> None:
            super().__init__()
            self.figure = figure
            self.paints: list[list[Any]] = []

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            begin = now()
            figure = self.figure()
            obj.event(event)
            end = now()
            self.paints.append([begin, end, figure, end])
            return True

    class FrameProbe(QObject):
        """A top-level window's repaint (UpdateRequest: every dirty widget painted, then the
        backing store flushed): its end is when the paints inside it reach the screen."""

        def __init__(self, inner: PaintProbe) -> None:
            super().__init__()
            self.inner = inner

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.UpdateRequest:
                return False
            before = len(self.inner.paints)
            obj.event(event)
            end = now()
            for paint in self.inner.paints[before:]:
                paint[3] = end
            return True

    class TimerProbe(QObject):
        """The TickDriver's timer expiring, before the driver hears of it: its QTimer's
        timer event, or its timerfd's socket notifier turning readable."""

        def __init__(self) -> None:
            super().__init__()
            self.expired: list[float] = []

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.Timer, QEvent.Type.SockAct):
                self.expired.append(now())
            return False

    def projector_figure() -> str:
        snap = projector.view.snapshot
        return snap.countdown if snap is not None else ""

    label = window.current.countdown_label
    paint_probes = {
        "projector": (projector.view, PaintProbe(projector_figure)),
        "moderator": (label, PaintProbe(label.text)),
    }
    installed: list[tuple[QObject, QObject]] = []
    for widget, probe in paint_probes.values():
        installed.append((widget, probe))
        installed.append((widget.window(), FrameProbe(probe)))
    timer_probe = TimerProbe()
    for timer in [
        *controller.ticks.findChildren(QTimer),
        *controller.ticks.findChildren(QSocketNotifier),
    ]:
        installed.append((timer, timer_probe))
    for target, probe in installed:
        target.installEventFilter(probe)
    refreshed: list[float] = []
    # Connected after the controller's own refresh: runs once the refresh (the snapshot and
    # every window's slot) is done.
    controller.ticks.fired.connect(lambda: refreshed.append(now()))

    if not controller.toggle():  # Space: the first segment starts counting
        fail("Space did not start the session")
        return installed
    snap = controller.last
    if not snap.running or snap.next_change_in is None:
        fail("the session is not counting after Space")
        return installed
    origin = controller.session.origin_mono
    boundaries: list[tuple[float, str]] = []
    at = snap.t + snap.next_change_in
    while at <= snap.t + seconds:
        remaining = snap.remaining_s - (at - snap.t)
        boundaries.append((origin + at, countdown_text(remaining - 0.5)))
        at += 1.0

    def finish() -> None:
        for target, probe in installed:
            target.removeEventFilter(probe)
        result["boundaries"] = boundaries
        result["paints"] = {name: probe.paints for name, (_, probe) in paint_probes.items()}
        result["expired"] = timer_probe.expired
        result["refreshed"] = refreshed
        result["wakeups"] = controller.ticks.wakeups
        result["margin_s"] = tick.MARGIN_S
        result["backend"] = controller.ticks.backend
        QApplication.instance().exit(0)

    later(round(seconds * 1000) + FLIP_TAIL_MS, finish)
    return installed


def _cpu(
    controller: Any,
    seconds: float,
    result: dict[str, Any],
    later: Callable[[int, Callable[[], None]], None],
    fail: Callable[[str], None],
) -> None:
    from PySide6.QtWidgets import QApplication

    if not controller.toggle():
        fail("Space did not start the session")
        return
    state: dict[str, float] = {}

    marks: list[float] = []  # process time at each wake-up: one cycle's CPU between two

    def begin() -> None:
        state["wall"], state["cpu"] = time.monotonic(), time.process_time()
        state["wakeups"] = controller.ticks.wakeups
        controller.ticks.fired.connect(lambda: marks.append(time.process_time()))
        later(round(seconds * 1000), end)

    def end() -> None:
        result["cycles_cpu_s"] = [b - a for a, b in itertools.pairwise(marks)]
        result["cpu_s"] = time.process_time() - state["cpu"]
        result["wall_s"] = time.monotonic() - state["wall"]
        result["wakeups"] = controller.ticks.wakeups - state["wakeups"]
        result["cues_on"] = controller.bell is not None
        result["running"] = controller.last.running
        result["vm_hwm_kb"] = _status_kb("VmHWM")
        result["vm_rss_kb"] = _status_kb("VmRSS")
        QApplication.instance().exit(0)

    later(CPU_SETTLE_MS, begin)


if __name__ == "__main__":
    sys.exit(main())
