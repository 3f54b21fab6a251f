"""A real unplug and replug, on X11: run only by test_projector_screens.py under a private Xvfb.

Xvfb cannot add outputs, but RandR 1.5 *monitors* are what Qt's xcb platform turns into
QScreens, and ``xrandr --setmonitor`` / ``--delmonitor`` add and remove them at run time:
Qt then emits ``screenAdded``/``screenRemoved`` exactly as for a projector cable. The X
screen is split into a "laptop" monitor (it takes over the output) and a "projector".

Prints one JSON line per step and exits 0 when every step landed where it should.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.engine.clock import FakeClock
from app.model import load_running_order
from app.timing_log.live import start_session
from app.ui.controller import LiveController
from app.ui.projector import ProjectorWindow
from app.ui.settings import Settings

SEED = Path(__file__).resolve().parents[3] / "sessions"
SEED = SEED / "aict-2020-atelier-developpement-economique.toml"
LAPTOP = ("laptop", "800/211x600/158+0+0", "screen")  # takes the output's own monitor
PROJECTOR = ("projector", "1024/271x576/152+800+0", "none")
TIMEOUT_MS = 8000


def xrandr(*args: str) -> None:
    subprocess.run(["xrandr", *args], check=True, capture_output=True, timeout=10)


def main() -> int:
    xrandr("--setmonitor", *LAPTOP)
    xrandr("--setmonitor", *PROJECTOR)
    app = QApplication(sys.argv[:1])
    loaded = load_running_order(SEED)
    logs = Path(tempfile.mkdtemp())
    clock = FakeClock()
    controller = LiveController(start_session(loaded, clock, logs), loaded, clock, logs)
    moderator = QWidget()
    moderator.setGeometry(10, 10, 400, 300)
    moderator.show()
    window = ProjectorWindow(controller, Settings())
    results: list[dict[str, object]] = []

    def where() -> tuple[str, bool]:
        return window.screen().name(), window.isFullScreen()

    steps: list[tuple[str, Callable[[], None], tuple[str, bool]]] = [
        ("placed", window.place_and_show, ("projector", True)),
        ("unplugged", lambda: xrandr("--delmonitor", "projector"), ("laptop", False)),
        ("plugged", lambda: xrandr("--setmonitor", *PROJECTOR), ("projector", True)),
    ]
    state = {"step": -1, "waited": 0}

    def tick() -> None:
        i = state["step"]
        if i >= 0 and where() == steps[i][2]:
            results.append({"step": steps[i][0], "screen": where()[0], "full": where()[1]})
            print(json.dumps(results[-1]), flush=True)
            i = state["step"] = i + 1
            state["waited"] = 0
            if i == len(steps):
                app.exit(0)
                return
            steps[i][1]()
        elif i < 0:
            state["step"] = 0
            steps[0][1]()
        else:
            state["waited"] += 50
            if state["waited"] > TIMEOUT_MS:
                print(json.dumps({"step": steps[i][0], "stuck": where()}), flush=True)
                app.exit(1)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    code = app.exec()
    controller.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
