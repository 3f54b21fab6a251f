"""The child process of bench_ui: the real app, started as `timekeeper --lang en` starts it
(app.cli.main, then app.ui.application.run_application with the system clock), with probes.

Run as a script by bench_ui (``python tests/bench/ui_child.py MODE [SECONDS]``), with
QT_QPA_PLATFORM=offscreen and TIMEKEEPER_HOME in a temporary folder. The QApplication is made
here before the app is started, exactly as run_application would make it, so that the probes
can be installed; everything else is the app's own code. The result is one JSON line on
stdout (prefixed with ``RESULT``); the app's own output goes to stderr.

Modes:
- ``startup``: CLOCK_MONOTONIC (time.monotonic, system-wide, so comparable with the parent's
  reading before it spawned this process) when the script starts, when the app's modules
  are imported, when the first window is exposed and once that window has been painted (the
  event loop's next turn: a QWidgetWindow paints synchronously while it handles the expose);
  then the app quits.
- ``flip SECONDS``: Space is pressed (LiveController.toggle, what the key calls), then for
  SECONDS every paint of the projector window's ProjectorView and of the moderator window's
  countdown label is recorded: start and end of the paint on the engine's clock
  (SystemClock.monotonic, CLOCK_BOOTTIME), with the figure it draws; so is every time-out of
  the TickDriver's timer. The second boundaries themselves are computed from the engine:
  the session's origin and the snapshot taken when counting began.
- ``cpu SECONDS``: Space is pressed, one second to settle, then the process's CPU time
  (time.process_time: all threads) over SECONDS of wall time; then the peak RSS (VmHWM).
"""

from __future__ import annotations

import json
import sys
import time

T_SCRIPT = time.monotonic()

SETTLE_S = 1.0  # after the windows are up, before Space is pressed
QUIT_GRACE_MS = 200


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def main() -> int:
    mode = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(sys.argv[:1])
    result: dict[str, object] = {"mode": mode}
    errors: list[str] = []

    def fail(text: str) -> None:
        errors.append(text)
        qt_app.exit(1)

    class FirstExpose(QObject):
        """Application-wide, removed at the first exposed window."""

        def __init__(self) -> None:
            super().__init__()
            self.events = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            self.events += 1
            if (
                event.type() == QEvent.Type.Expose
                and isinstance(obj, QWindow)
                and "exposed" not in result
            ):
                result["exposed"] = time.monotonic()
                result["first_window"] = obj.title()
                result["filtered_events"] = self.events
                qt_app.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        result["painted"] = time.monotonic()
        QTimer.singleShot(0, qt_app.quit)

    if mode == "startup":
        probe = FirstExpose()
        qt_app.installEventFilter(probe)
    elif mode in ("flip", "cpu"):
        QTimer.singleShot(round(SETTLE_S * 1000), lambda: _guarded(fail, start, mode, seconds))
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2

    # What start() installs must outlive it: kept here.
    keep: list[object] = []

    def start(mode: str, seconds: float) -> None:
        from app.ui.moderator import ModeratorWindow
        from app.ui.projector import ProjectorWindow

        tops = QApplication.topLevelWidgets()
        window = next(w for w in tops if isinstance(w, ModeratorWindow))
        projector = next(w for w in tops if isinstance(w, ProjectorWindow))
        controller = window.controller
        result["moderator_size"] = [window.width(), window.height()]
        result["projector_size"] = [projector.view.width(), projector.view.height()]
        result["projector_screen"] = projector.projecting_on
        if mode == "flip":
            keep.append(_flip(qt_app, window, projector, controller, seconds, result, fail))
        else:
            keep.append(_cpu(qt_app, controller, seconds, result))

    result["imported"] = None  # set below, once app.cli is imported
    from app.cli import main as timekeeper

    result["imported"] = time.monotonic()
    result["script"] = T_SCRIPT
    code = timekeeper(["--lang", "en"])
    if errors:
        print("; ".join(errors), file=sys.stderr)
        return 1
    if code != 0:
        print(f"the app exited with {code}", file=sys.stderr)
        return 1
    print("RESULT " + json.dumps(result), flush=True)
    return 0


def _guarded(fail, fn, *args) -> None:  # type: ignore[no-untyped-def]
    """A probe that raises must stop the run, not leave a traceback and a hung loop."""
    import traceback

    try:
        fn(*args)
    except Exception:
        traceback.print_exc()
        fail("probe failed")


def _flip(qt_app, window, projector, controller, seconds, result, fail):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.engine.display import countdown_text

    now = controller.clock.monotonic  # CLOCK_BOOTTIME: the engine's clock

    class PaintProbe(QObject):
        """Times each paint of one widget, start and end, with the figure it draws.

        The paint is run from inside the filter (``obj.event``) so that its end can be
        timed; the filter then reports the event handled, so it is painted once.
        """

        def __init__(self, text_of) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.text_of = text_of
            self.paints: list[tuple[float, float, str]] = []

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            begin = now()
            text = self.text_of()
            obj.event(event)
            self.paints.append((begin, now(), text))
            return True

    class TimerProbe(QObject):
        """The TickDriver's timer expiring: before its time-out is emitted."""

        def __init__(self) -> None:
            super().__init__()
            self.fired: list[float] = []

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Timer:
                self.fired.append(now())
            return False

    def projector_text() -> str:
        snap = projector.view.snapshot
        return snap.countdown if snap is not None else ""

    label = window.current.countdown_label
    probes = {
        "projector": (projector.view, PaintProbe(projector_text)),
        "moderator": (label, PaintProbe(label.text)),
    }
    for widget, probe in probes.values():
        widget.installEventFilter(probe)
    timers = controller.ticks.findChildren(QTimer)
    timer_probe = TimerProbe()
    for timer in timers:
        timer.installEventFilter(timer_probe)

    if not controller.toggle():  # Space: the first segment starts counting
        fail("Space did not start the session")
        return None
    snap = controller.last
    origin = controller.session.origin_mono
    if not snap.running:
        fail("the session is not running after Space")
        return None
    # The boundaries, from the engine: the figure changes every whole second of remaining
    # time, the first one next_change_in after the snapshot taken by the command.
    first = snap.t + snap.next_change_in
    boundaries = []
    k = 0
    while first + k <= snap.t + seconds:
        at = first + k
        remaining = snap.remaining_s - (at - snap.t)
        boundaries.append((origin + at, countdown_text(remaining - 0.5)))
        k += 1

    def finish() -> None:
        for widget, probe in probes.values():
            widget.removeEventFilter(probe)
        for timer in timers:
            timer.removeEventFilter(timer_probe)
        result["boundaries"] = boundaries
        result["paints"] = {name: probe.paints for name, (_, probe) in probes.items()}
        result["fired"] = timer_probe.fired
        result["wakeups"] = controller.ticks.wakeups
        result["margin_s"] = _margin()
        qt_app.quit()

    QTimer.singleShot(round((seconds + 0.6) * 1000), finish)
    return probes, timer_probe


def _margin() -> float:
    from app.ui import tick

    return tick.MARGIN_S


def _cpu(qt_app, controller, seconds, result):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    if not controller.toggle():
        result["error"] = "Space did not start the session"
    state: dict[str, float] = {}

    def begin() -> None:
        state["wall"], state["cpu"] = time.monotonic(), time.process_time()
        state["wakeups"] = controller.ticks.wakeups
        QTimer.singleShot(round(seconds * 1000), end)

    def end() -> None:
        result["wall_s"] = time.monotonic() - state["wall"]
        result["cpu_s"] = time.process_time() - state["cpu"]
        result["wakeups"] = controller.ticks.wakeups - state["wakeups"]
        result["running"] = controller.last.running
        result["vm_hwm_kb"] = _status_kb("VmHWM")
        result["vm_rss_kb"] = _status_kb("VmRSS")
        QTimer.singleShot(QUIT_GRACE_MS, qt_app.quit)

    QTimer.singleShot(1000, begin)
    return state


if __name__ == "__main__":
    sys.exit(main())
