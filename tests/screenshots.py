"""Every live state of both windows at 1920×1080, in French and in English, as PNG files.

``make screenshots`` (or ``python -m tests.screenshots [FOLDER]``) renders the seed workshop on
a fake clock under the offscreen platform: the moderator window and the projector window in
the normal, warning, final, overtime, message, blackout, between-segments and overran states, 32
pictures in ``screenshots/`` (not kept in git); then ``sessions/timer-types-demo.toml`` for
each timer type (clock, countdown, count-up, ``ends_at``, and a ``load-next`` end action), 20
more, named ``*-timer-*.png``; and the running-order editor (a segment chosen, then a duration
typed wrong), 4 more. Look at them after any change to what either
window shows: legibility from the back of a hall, text cut off, accents, colours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

SIZE = (1920, 1080)
START = datetime(2020, 9, 22, 16, 0).astimezone()
DEMO_START = datetime(2026, 12, 2, 9, 0).astimezone()  # sessions/timer-types-demo.toml


def png_bytes(picture: QPixmap) -> bytes:
    """A grabbed window as PNG bytes, to be written through app.files like every file."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        raise OSError("the screenshot could not be encoded as PNG")
    return bytes(buffer.data().data())


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(argv[0] if argv else "screenshots")
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])

    from app import resources
    from app.engine.clock import FakeClock
    from app.files import write_atomic
    from app.i18n import install_language
    from app.model import load_running_order
    from app.timing_log.live import start_session
    from app.ui.controller import LiveController
    from app.ui.moderator import open_windows
    from app.ui.settings import Settings

    loaded = load_running_order(resources.default_session())
    second = loaded.plan.segments[1]  # the first testimony: 8'20"

    def live(c: LiveController, clock: FakeClock, into_second: float) -> None:
        c.toggle()
        clock.advance(600)
        c.next()
        clock.advance(into_second)

    def overran(c: LiveController, clock: FakeClock) -> None:
        """Two segments done past their countdowns (one with a pause), the third running."""
        c.toggle()
        clock.advance(645)
        c.next()
        clock.advance(100)
        c.toggle()
        clock.advance(40)
        c.toggle()
        clock.advance(second.planned_s - 100 + 60)
        c.next()
        clock.advance(120)

    states: dict[str, Callable[[LiveController, FakeClock], None]] = {
        "normal": lambda c, k: live(c, k, 100),
        "warning": lambda c, k: live(c, k, second.planned_s - 100),
        "final": lambda c, k: live(c, k, second.planned_s - 20),
        "overtime": lambda c, k: live(c, k, second.planned_s + 65),
        "message": lambda c, k: (
            live(c, k, second.planned_s - 50),
            c.message("Merci de conclure" if c.plan.language == "fr" else "Please wrap up", True),
        ),
        "blackout": lambda c, k: (live(c, k, 200), c.blackout()),
        "between": lambda c, k: (live(c, k, 300), c.toggle(), c.next()),
        "overran": overran,
    }
    demo = load_running_order(resources.sessions_dir() / "timer-types-demo.toml")

    def demo_at(segment: int, into: float) -> Callable[[LiveController, FakeClock], None]:
        """Played on time up to ``segment``, then ``into`` seconds of it: each segment runs
        its planned time, then moves on as its end action says (or the moderator does)."""

        def drive(c: LiveController, clock: FakeClock) -> None:
            c.toggle()
            for j in range(segment):
                clock.advance(demo.plan.segments[j].planned_s)
                snap = c.snapshot()
                if snap.between_segments:  # load-next: the moderator starts the next one
                    c.toggle()
                elif snap.current == j:  # hold: the moderator moves on
                    c.next()
            clock.advance(into)

        return drive

    def loaded_next(c: LiveController, clock: FakeClock) -> None:
        """The welcome (a clock, load-next at zero) ran out: the keynote is loaded, waiting."""
        c.toggle()
        clock.advance(demo.plan.segments[0].planned_s + 20)

    timers: dict[str, Callable[[LiveController, FakeClock], None]] = {
        "timer-clock": demo_at(0, 300),
        "timer-countdown": demo_at(1, 300),
        "timer-countup": demo_at(2, 25 * 60),  # past its 20' plan: still no overtime
        "timer-ends-at": demo_at(3, 180),
        "timer-load-next": loaded_next,
    }
    runs = [(loaded, START, states), (demo, DEMO_START, timers)]
    with tempfile.TemporaryDirectory(prefix="tk-shots-") as tmp:
        for language in ("fr", "en"):
            install_language(app, language)
            for order, start, drives in runs:
                for state, drive in drives.items():
                    clock = FakeClock(wall=start)
                    logs = Path(tmp) / f"{language}-{state}"
                    session = start_session(order, clock, logs)
                    controller = LiveController(session, order, clock, logs)
                    window, projector = open_windows(controller, Settings(language=language))
                    window.resize(*SIZE)
                    window.show()
                    projector.resize(*SIZE)
                    projector.show()
                    drive(controller, clock)
                    controller.refresh()
                    app.processEvents()
                    assert projector.view.size().toTuple() == SIZE, projector.view.size()
                    for name, widget in (("moderator", window), ("projector", projector.view)):
                        path = out / f"{name}-{language}-{state}.png"
                        write_atomic(path, png_bytes(widget.grab()), force=True)
                        print(path)
                    window.quit_now()
                    projector.close()
                    controller.shutdown()
        for language in ("fr", "en"):
            install_language(app, language)
            for path in editor_shots(out, language, Path(tmp)):
                print(path)
    return 0


EDITOR_SIZE = (1280, 800)  # the laptop screen prepare mode is used on


def editor_shots(out: Path, language: str, tmp: Path) -> list[Path]:
    """The running-order editor on the seed workshop: a segment chosen, then the same with a
    duration typed wrong (the error at its field, the row marked, Save refused)."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from app import resources
    from app.files import write_atomic
    from app.ui.editor.window import EditorWindow

    app = QApplication.instance()
    assert app is not None
    copy = tmp / f"editor-{language}.toml"
    shutil.copyfile(resources.default_session(), copy)
    window = EditorWindow()
    window.resize(*EDITOR_SIZE)
    window.show()
    window.open_path(copy)
    window.select(("parts", 1, "segments", 0))
    window.tabs.setCurrentIndex(1)
    app.processEvents()
    shots = []
    path = out / f"editor-{language}.png"
    write_atomic(path, png_bytes(window.grab()), force=True)
    shots.append(path)
    window.select(("parts", 1, "segments", 3))
    field = window.findChild(QLineEdit, "item_duration")
    assert field is not None
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "15 minuts")
    window.activateWindow()
    window.save()  # refused: says why
    QTest.keyClick(field, Qt.Key.Key_End)
    app.processEvents()
    path = out / f"editor-{language}-error.png"
    write_atomic(path, png_bytes(window.grab()), force=True)
    shots.append(path)
    window.close()
    window.close()  # (the second close leaves the unsaved edit)
    return shots


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
